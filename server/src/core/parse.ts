/**
 * The core's entry point: text in, the incident model and its diagnostics out. Pure: no editor,
 * no connection, no file system. The server and the CLI are adapters around it.
 */
import { isMap, isScalar, parseAllDocuments, type Document } from 'yaml';
import type { DiagnosticData, IncidentDiagnostic } from './diagnostics';
import { compareDiagnostics } from './diagnostics';
import { t } from './l10n';
import type { Incident, TimelineEvent } from './model';
import { IncidentReader } from './read';
import { STANDARD_RULES, type Rule } from './rules';
import { clampSpan, LineIndex, type Span } from './text';
import { yamlDiagnostic } from './yamlErrors';
import { MAX_ENTRIES, MAX_NESTING, newNestingState, scanNesting } from './nesting';
import { DEFAULT_MAX_FILE_LENGTH } from '../../../common/settings';

/** Where the core writes what the user does not see in a diagnostic (the server's output channel). */
export interface CoreLogger {
  error(message: string): void;
}

export interface ParseOptions {
  /** Texts longer than this many characters are not parsed (file-too-large). */
  readonly maxLength?: number;
  /** Texts with more list items and mapping entries than this are not parsed (file-too-large); MAX_ENTRIES when absent. */
  readonly maxEntries?: number;
  /** The rules run over the finished model; STANDARD_RULES when absent. */
  readonly rules?: readonly Rule[];
  readonly logger?: CoreLogger;
}

/** 16 M characters: ten times a 10,000-event timeline, well below what would stall a keystroke. */
export const DEFAULT_MAX_LENGTH = DEFAULT_MAX_FILE_LENGTH;

export interface ParsedIncident {
  readonly text: string;
  readonly lineIndex: LineIndex;
  /** Undefined when the text is not an incident at all (empty, a list, too large, …). */
  readonly incident: Incident | undefined;
  /** Sorted by position. */
  readonly diagnostics: readonly IncidentDiagnostic[];
  /**
   * From the incremental parser: for each timeline event, the event it was first read as, before
   * the edits that only moved it (shifted its offsets or renumbered it); the event itself when it
   * was read as it is. What a host derives from an event and its line and column (the preview's
   * JSON) stays valid for a moved event at the same line and column with the same index.
   */
  readonly origins?: readonly TimelineEvent[];
}

/** YAML 1.2 core schema; errors keep the library's codes, messages without code snippets. */
export const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: false, strict: true } as const;

/**
 * The text as the yaml library is given it. YAML 1.2 (and LSP) end a line at a lone CR, the
 * library does not (it read such a file as one line); an LF in its place keeps every offset.
 */
export function yamlSource(text: string): string {
  return text.indexOf('\r') < 0 ? text : text.replace(/\r(?!\n)/g, '\n');
}

export function parseIncident(text: string, options: ParseOptions = {}): ParsedIncident {
  const lineIndex = new LineIndex(text);
  const diagnostics: IncidentDiagnostic[] = [];
  const report = (d: IncidentDiagnostic) => diagnostics.push({ ...d, span: clampSpan(d.span, text.length) });
  /** One diagnostic and no model: the text is not handed to the YAML parser at all. */
  const refused = (d: IncidentDiagnostic): ParsedIncident => {
    report(d);
    return { text, lineIndex, incident: undefined, diagnostics };
  };
  const lineSpanAt = (offset: number) => lineIndex.lineSpanAt(offset);
  const firstLine = lineSpanAt(text.charCodeAt(0) === 0xfeff ? 1 : 0);
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  if (text.length > maxLength) {
    return refused({
      code: 'file-too-large',
      severity: 'warning',
      span: firstLine,
      message: t('This file has {0} characters, more than the {1} that are checked; it was not validated.',
        text.length.toLocaleString('en-US'), maxLength.toLocaleString('en-US')),
    });
  }

  // Too deep to hand to the parser safely (see nesting.ts): one diagnostic, like the yaml library's own.
  const scan = newNestingState();
  const tooDeep = scanNesting(text, 0, text.length, scan);
  if (tooDeep >= 0) {
    return refused({
      code: 'yaml-syntax',
      severity: 'error',
      span: { start: tooDeep, end: tooDeep + 1 },
      message: t('YAML syntax error ({0}): {1}', 'RESOURCE_EXHAUSTION', t('collections are nested more than {0} levels deep here; the file was not checked.', MAX_NESTING)),
      data: { code: 'yaml-syntax', yamlCode: 'RESOURCE_EXHAUSTION' },
    });
  }
  // The parser's time and memory grow with the nodes, which a short text can hold by the million.
  const maxEntries = options.maxEntries ?? MAX_ENTRIES;
  if (scan.entries > maxEntries) {
    return refused({
      code: 'file-too-large',
      severity: 'warning',
      span: firstLine,
      message: t('This file holds {0} list items and mapping entries, more than the {1} that are checked; it was not validated.',
        scan.entries.toLocaleString('en-US'), maxEntries.toLocaleString('en-US')),
    });
  }

  let incident: Incident | undefined;
  try {
    const documents = parseAllDocuments(yamlSource(text), YAML_OPTIONS) as Document.Parsed[] | { empty: true };
    const docs = Array.isArray(documents) ? documents : [];
    for (const doc of docs) {
      for (const error of doc.errors) report(yamlDiagnostic(error, 'error', { start: error.pos[0], end: error.pos[1] }));
      for (const warning of doc.warnings) report(yamlDiagnostic(warning, 'warning', { start: warning.pos[0], end: warning.pos[1] }));
    }
    docs.slice(1).forEach((doc, i) => {
      const span = lineSpanAt(doc.range[0]);
      report({
        code: 'not-an-incident',
        severity: 'error',
        span,
        message: t('A file holds one incident, but YAML document {0} starts here; put each incident in its own file.', i + 2),
        data: secondDocumentData(text, lineIndex, span, doc),
      });
    });
    const reader = new IncidentReader(docs[0] ?? null, report, lineSpanAt);
    incident = reader.readIncident((docs[0]?.contents as never) ?? null, firstLine);
    if (incident) {
      for (const rule of options.rules ?? STANDARD_RULES) {
        try {
          rule.check(incident, report, text);
        } catch (error) {
          report(internalError(firstLine, rule.name, error));
        }
      }
    }
  } catch (error) {
    // The parser or the reader failed on this input (very deep nesting overflows the stack, say):
    // one diagnostic instead of a dead server.
    report(internalError(firstLine, 'parser', error));
    incident = undefined;
  }
  diagnostics.sort(compareDiagnostics);
  return { text, lineIndex, incident, diagnostics };
}

/** An id that can name a file as it is: no path separators, no leading dot. */
const FILE_SAFE_ID = /^[A-Za-z0-9][\w.-]*$/;

/**
 * Where a second document's lines are (from its `---` line to the next document marker) and its
 * id, for the fix that moves it to a file of its own; undefined when it has no `---` line or no body.
 */
function secondDocumentData(text: string, lineIndex: LineIndex, markerLine: Span, doc: Document.Parsed): DiagnosticData | undefined {
  if (!/^---(?:\s|$)/.test(text.slice(markerLine.start, markerLine.end))) return undefined;
  const line = lineIndex.positionAt(markerLine.start).line;
  const bodyStart = line + 1 < lineIndex.lineCount ? lineIndex.lineStart(line + 1) : text.length;
  const next = /^(?:---|\.\.\.)(?:\s|$)/m.exec(text.slice(bodyStart));
  const end = next ? bodyStart + next.index : text.length;
  if (text.slice(bodyStart, end).trim() === '') return undefined;
  const root = doc.contents;
  const idNode = isMap(root) ? root.get('id', true) : undefined;
  const id = isScalar(idNode) && typeof idNode.value === 'string' && FILE_SAFE_ID.test(idNode.value) ? idNode.value : undefined;
  return { code: 'not-an-incident', documentSpan: { start: markerLine.start, end }, bodySpan: { start: bodyStart, end }, id };
}

function internalError(span: Span, where: string, error: unknown): IncidentDiagnostic {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    code: 'internal-error',
    severity: 'error',
    span,
    message: t('Incident Timeline could not check this file ({0} failed: {1}). Please report this with the file.', where, detail),
  };
}
