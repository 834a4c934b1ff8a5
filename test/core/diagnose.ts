/**
 * Test support: a text's diagnostics as comparable rows, with ranges as zero-based
 * "line:character-line:character" (UTF-16 characters, as LSP counts them), sorted.
 */
import { capDiagnostics, findDuplicateIds, parseIncident, type IncidentDiagnostic, type LineIndex, type ParseOptions, type ParsedIncident, type Span } from '../../server/src/core';

export interface Row {
  readonly code: string;
  readonly severity: string;
  readonly range: string;
}

export function rangeOf(lineIndex: LineIndex, span: Span): string {
  const s = lineIndex.positionAt(span.start);
  const e = lineIndex.positionAt(span.end);
  return `${s.line}:${s.character}-${e.line}:${e.character}`;
}

function compareRows(a: Row, b: Row): number {
  const key = (r: Row) => `${r.range.split(/[:-]/).map((n) => n.padStart(6, '0')).join(':')} ${r.code} ${r.severity}`;
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

/**
 * Every code a diagnostic produced through `diagnose` or `duplicateIds` carried, so a suite can
 * check that its tests really produce each code (clear it in `before`, read it in `after`).
 */
export const producedCodes = new Set<string>();

/** `parseIncident`, recording the codes it reports. */
export function diagnose(text: string, options?: ParseOptions): ParsedIncident {
  const parsed = parseIncident(text, options);
  for (const d of parsed.diagnostics) producedCodes.add(d.code);
  return parsed;
}

/** `findDuplicateIds`, recording the codes it reports. */
export function duplicateIds(...files: Parameters<typeof findDuplicateIds>): ReturnType<typeof findDuplicateIds> {
  const found = findDuplicateIds(...files);
  for (const list of found.values()) for (const d of list) producedCodes.add(d.code);
  return found;
}

/** `capDiagnostics`, recording the codes it reports (its too-many-problems line). */
export function capProblems(...args: Parameters<typeof capDiagnostics>): ReturnType<typeof capDiagnostics> {
  const result = capDiagnostics(...args);
  for (const d of result.diagnostics) producedCodes.add(d.code);
  return result;
}

/** Code, severity and range of every diagnostic, sorted. */
export function rows(text: string, options?: ParseOptions): Row[] {
  const parsed = diagnose(text, options);
  return parsed.diagnostics.map((d) => ({ code: d.code, severity: d.severity, range: rangeOf(parsed.lineIndex, d.span) })).sort(compareRows);
}

/** The diagnostics with a given code. */
export function only(text: string, code: string): IncidentDiagnostic[] {
  return diagnose(text).diagnostics.filter((d) => d.code === code);
}

/** Lines joined with \n, so tests read like the files they stand for. */
export function lines(...content: string[]): string {
  return content.join('\n') + '\n';
}

/** A valid incident header; tests append or replace lines. */
export const HEAD = ['id: EX196121', 'title: Problems receiving mail', 'status: monitoring'];
