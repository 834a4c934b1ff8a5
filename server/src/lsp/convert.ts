/**
 * Core results to LSP types: the last step, where offsets become lines and characters once. The
 * one span-to-range conversion of the server, the timeline model (so the CLI's render) and the
 * features. Types only from the LSP packages, so the CLI bundles none of their code.
 */
import type { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Range } from 'vscode-languageserver-protocol';
import { DIAGNOSTIC_SOURCE, docsHref, type IncidentDiagnostic, type LineIndex, type Severity, type Span } from '../core';

/** LSP's DiagnosticSeverity numbers (Error 1 … Hint 4), written out to import no LSP code. */
const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: 1,
  warning: 2,
  information: 3,
  hint: 4,
};

/** An offset span as an LSP range. */
export function toRange(lineIndex: LineIndex, span: Span): Range {
  return { start: lineIndex.positionAt(span.start), end: lineIndex.positionAt(span.end) };
}

/** Finds a span of another document (related information of duplicate-id names other files). */
export type LocateSpan = (uri: string, span: Span) => Range | undefined;

/**
 * One core diagnostic as an LSP diagnostic: source `incident`, the stable code, a link to its
 * docs section, the data quick fixes read, and related places (in this or other documents).
 */
export function toLspDiagnostic(uri: string, lineIndex: LineIndex, diagnostic: IncidentDiagnostic, locate: LocateSpan): Diagnostic {
  const result: Diagnostic = {
    range: toRange(lineIndex, diagnostic.span),
    severity: SEVERITIES[diagnostic.severity],
    source: DIAGNOSTIC_SOURCE,
    code: diagnostic.code,
    codeDescription: { href: docsHref(diagnostic.code) },
    message: diagnostic.message,
  };
  if (diagnostic.data !== undefined) result.data = diagnostic.data;
  if (diagnostic.related && diagnostic.related.length > 0) {
    const related: DiagnosticRelatedInformation[] = [];
    for (const info of diagnostic.related) {
      const otherUri = info.uri ?? uri;
      const range = otherUri === uri ? toRange(lineIndex, info.span) : locate(otherUri, info.span);
      // A place we cannot locate any more (the other file went away) is left out, not guessed.
      if (range) related.push({ location: { uri: otherUri, range }, message: info.message });
    }
    if (related.length > 0) result.relatedInformation = related;
  }
  return result;
}
