/**
 * Re-importing a newer copy of an incident into its file: the file's text is edited in place
 * (offsets from our own parse), never regenerated, so comments, layout and hand-written keys stay.
 * New updates are added in time order; a key the source changed is rewritten only while the file
 * still holds what the last import wrote there (the fingerprints of the `# import:` comments tell);
 * where the user edited it too, the user's text is kept and the merge reports it.
 */
import { isDeepStrictEqual } from 'node:util';
import { parseDocument } from 'yaml';
import { parseIncident, YAML_OPTIONS, yamlSource, type ParsedIncident } from '../core/parse';
import { t } from '../core/l10n';
import type { Entry } from '../core/model';
import type { Span } from '../core/text';
import { timeInstant } from '../features/timeText';
import { applyEdits, columnOf, entryLineEnd, isFlowMapping, lineEnding, type OffsetEdit } from '../features/edit';
import { ImportError, type ImportedIncident } from './imported';
import {
  entryText,
  eventText,
  fingerprint,
  importComment,
  incidentFields,
  itemText,
  readImportComment,
  type FieldValue,
  type Fields,
} from './writer';

export interface MergeResult {
  readonly text: string;
  /** Updates the file did not have. */
  readonly added: number;
  /** Keys rewritten because the source changed them (`title`, `timeline[3].event`). */
  readonly changed: readonly string[];
  /** Keys the source changed but the file's user had edited: the user's value was kept. */
  readonly kept: readonly string[];
}

/** The indentation of the line `offset` is on: for a list item's mapping, the column of its dash. */
function lineIndent(parsed: ParsedIncident, offset: number): number {
  const span = parsed.lineIndex.lineSpanAt(offset);
  return /^ */.exec(parsed.text.slice(span.start, span.end))![0].length;
}

/** The writer's root key order, which is also where a key missing from the file is inserted. */
const ROOT_ORDER = ['id', 'title', 'status', 'severity', 'service', 'regions', 'zone', 'start', 'end', 'components', 'impact', 'cause', 'next_steps', 'tags', 'sources', 'timeline'];
const EVENT_ORDER = ['at', 'posted', 'kind', 'status', 'next_update', 'components', 'source', 'event'];

/**
 * An `# import:` comment on the comment lines just above `offset` (an item's dash), or with
 * `acrossBlankLines` anywhere in the comments and blank lines above it (the file's header).
 */
function commentAbove(parsed: ParsedIncident, offset: number, acrossBlankLines = false): { key: string; fingerprints: Map<string, string>; span: { start: number; end: number }; firstLine: number } | undefined {
  let line = parsed.lineIndex.positionAt(offset).line - 1;
  let found: ReturnType<typeof commentAbove>;
  let firstLine = line + 1;
  for (; line >= 0; line--) {
    const span = { start: parsed.lineIndex.lineStart(line), end: parsed.lineIndex.lineEnd(line) };
    const text = parsed.text.slice(span.start, span.end).trim();
    if (acrossBlankLines && text === '') continue;
    if (!text.startsWith('#')) break;
    firstLine = line;
    const read = found ? undefined : readImportComment(text.slice(1));
    if (read) found = { ...read, span, firstLine };
  }
  return found && { ...found, firstLine };
}

/**
 * What to do with one key: `source` the source's value now, `base` its fingerprint at the last
 * import, `current` the file's value (undefined when the key is absent).
 */
function decide(source: FieldValue, base: string | undefined, current: unknown, present: boolean): 'keep' | 'write' | 'conflict' {
  if (base === fingerprint(source)) return 'keep';
  if (present && isDeepStrictEqual(current, source)) return 'keep';
  if (!present) return base === undefined ? 'write' : 'conflict';
  return base !== undefined && fingerprint(current as FieldValue) === base ? 'write' : 'conflict';
}

/** The edit that writes `key: value` in a block mapping: over its entry, or where the order puts it. */
function writeEntry(parsed: ParsedIncident, entries: readonly Entry[], key: string, value: FieldValue, order: readonly string[]): OffsetEdit {
  const eol = lineEnding(parsed.text);
  const indent = columnOf(parsed, entries[0].keySpan.start);
  const text = entryText(key, value, indent, eol);
  const entry = entries.find((e) => e.key === key);
  if (entry) return { span: { start: entry.keySpan.start, end: entryLineEnd(parsed, entry) }, newText: text };
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  const before = entries.filter((e) => rank(e.key) <= rank(key));
  if (before.length === 0) return { span: { start: entries[0].keySpan.start, end: entries[0].keySpan.start }, newText: text + eol + ' '.repeat(indent) };
  const anchor = before.reduce((a, b) => (rank(b.key) >= rank(a.key) ? b : a));
  const at = entryLineEnd(parsed, anchor);
  return { span: { start: at, end: at }, newText: eol + ' '.repeat(indent) + text };
}

/** Edits that bring one block mapping's keys to the source's, where the source changed them. */
function mergeMapping(
  parsed: ParsedIncident,
  span: Span,
  entries: readonly Entry[],
  values: Readonly<Record<string, unknown>>,
  fields: Fields,
  base: Map<string, string>,
  order: readonly string[],
  where: (key: string) => string,
  out: { edits: OffsetEdit[]; changed: string[]; kept: string[] },
): void {
  if (entries.length === 0) return;
  // A flow mapping ({at: …, event: …}) cannot take block text: what the source changed there is left to the user.
  const flow = isFlowMapping(parsed, span);
  for (const [key, value] of fields) {
    const entry = entries.find((e) => e.key === key);
    const decision = decide(value, base.get(key), values[key], entry !== undefined);
    if (decision === 'keep') continue;
    if (decision === 'conflict' || flow) {
      out.kept.push(where(key));
      continue;
    }
    out.changed.push(where(key));
    out.edits.push(writeEntry(parsed, entries, key, value, order));
  }
}

/** Merges `incident` into the incident file `text`; throws ImportError when the file cannot take it. */
export function mergeIncident(text: string, incident: ImportedIncident): MergeResult {
  const parsed = parseIncident(text);
  const model = parsed.incident;
  const document = parseDocument(yamlSource(text), YAML_OPTIONS);
  if (!model || document.errors.length) throw new ImportError(t('The file is not an incident file that can be merged into; fix its YAML first.'));
  if (text[model.span.start] === '{') throw new ImportError(t('The file writes its incident as a flow mapping ({…}); a merge needs block style.'));
  const values = (document.toJS() ?? {}) as Record<string, unknown>;
  const fields = incidentFields(incident);
  const eol = lineEnding(text);
  const out = { edits: [] as OffsetEdit[], changed: [] as string[], kept: [] as string[] };

  const rootComment = commentAbove(parsed, model.span.start, true);
  if (rootComment && rootComment.key !== fields.key && fields.key.split(':')[1] !== '') {
    throw new ImportError(t('The file was imported from {0}, not from {1}; import into another folder or file.', rootComment.key, fields.key));
  }
  mergeMapping(parsed, model.span, model.entries, values, fields.root, rootComment?.fingerprints ?? new Map(), ROOT_ORDER, (key) => key, out);
  const rootLine = importComment(fields.key, fields.root);
  if (rootComment) out.edits.push({ span: rootComment.span, newText: `#${rootLine}` });
  else out.edits.push({ span: { start: model.span.start, end: model.span.start }, newText: `#${rootLine}${eol}` });

  // Sources: the ones the file lacks, after its last one.
  const written = new Set((model.sources?.value ?? []).map((s) => s.url));
  const newSources = fields.sources.filter((s) => !written.has(typeof s === 'string' ? s : (s as { url: string }).url));
  const sourcesEntry = model.entries.find((e) => e.key === 'sources');
  if (newSources.length) {
    const last = model.sources?.value.at(-1);
    if (sourcesEntry && last && text[sourcesEntry.valueSpan.start] !== '[') {
      const indent = columnOf(parsed, last.span.start) - 2;
      const at = parsed.lineIndex.lineEnd(parsed.lineIndex.positionAt(last.span.end - 1).line);
      out.edits.push({ span: { start: at, end: at }, newText: newSources.map((s) => eol + itemText(s, indent, eol)).join('') });
    } else {
      const all = [...(model.sources?.value ?? []).map((s) => (s.title === undefined ? s.url : { url: s.url, title: s.title })), ...newSources];
      out.edits.push(writeEntry(parsed, model.entries, 'sources', all, ROOT_ORDER));
    }
  }

  // Events: the file's, by the key in their comments.
  const fileEvents = new Map<string, { index: number; comment: NonNullable<ReturnType<typeof commentAbove>> }>();
  for (const event of model.timeline) {
    const comment = commentAbove(parsed, event.span.start);
    if (comment && !fileEvents.has(comment.key)) fileEvents.set(comment.key, { index: event.index, comment });
  }
  const timelineValues = Array.isArray(values.timeline) ? (values.timeline as unknown[]) : [];
  const insertions = new Map<number, string[]>();
  const insert = (offset: number, piece: string) => insertions.set(offset, [...(insertions.get(offset) ?? []), piece]);
  const itemIndent = model.timeline.length ? lineIndent(parsed, model.timeline[0].span.start) : 2;
  let added = 0;
  const newEvents: string[] = [];
  fields.events.forEach((event, i) => {
    const found = fileEvents.get(event.key);
    if (found) {
      const fileEvent = model.timeline[found.index];
      const value = timelineValues[found.index];
      mergeMapping(parsed, fileEvent.span, fileEvent.entries, value && typeof value === 'object' ? (value as Record<string, unknown>) : {}, event.fields, found.comment.fingerprints, EVENT_ORDER, (key) => `timeline[${found.index}].${key}`, out);
      const indent = /^\s*/.exec(text.slice(found.comment.span.start, found.comment.span.end))![0];
      out.edits.push({ span: found.comment.span, newText: `${indent}#${importComment(event.key, event.fields)}` });
      return;
    }
    added++;
    const piece = eventText(event, itemIndent, eol);
    if (model.timeline.length === 0) {
      newEvents.push(piece);
      return;
    }
    // In time order: after the last event of the file that is not later; first when all are later.
    const at = incident.updates[i]?.at.utc === undefined ? undefined : Date.parse(incident.updates[i].at.utc!);
    const timed = model.timeline.filter((e) => timeInstant(e.at) !== undefined);
    const after = at === undefined ? model.timeline.at(-1) : [...timed].reverse().find((e) => timeInstant(e.at)! <= at) ?? (timed.length ? undefined : model.timeline.at(-1));
    if (after) {
      insert(parsed.lineIndex.lineEnd(parsed.lineIndex.positionAt(Math.max(after.span.start, after.span.end - 1)).line), eol + piece);
    } else {
      const first = model.timeline[0];
      const line = commentAbove(parsed, first.span.start)?.firstLine ?? parsed.lineIndex.positionAt(first.span.start).line;
      insert(parsed.lineIndex.lineStart(line), piece + eol);
    }
  });
  for (const [offset, pieces] of insertions) out.edits.push({ span: { start: offset, end: offset }, newText: pieces.join('') });
  if (newEvents.length) {
    const timelineEntry = model.timelineEntry;
    const block = `timeline:${eol}${newEvents.join(eol)}`;
    if (timelineEntry) out.edits.push({ span: { start: timelineEntry.keySpan.start, end: entryLineEnd(parsed, timelineEntry) }, newText: block });
    else {
      const last = model.entries.at(-1)!;
      const at = entryLineEnd(parsed, last);
      out.edits.push({ span: { start: at, end: at }, newText: eol + ' '.repeat(columnOf(parsed, last.keySpan.start)) + block });
    }
  }
  return { text: applyEdits(text, out.edits), added, changed: out.changed, kept: out.kept };
}
