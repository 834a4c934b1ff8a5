/**
 * Quick fixes and source actions over one parse. Fixes are chosen by the diagnostic's code and
 * read what they need from its `data` (never from its translated message), and each is the
 * smallest edit that keeps comments, quoting, key order and indentation.
 */
import { parseDocument, visit } from 'yaml';
import {
  EVENT_KEYS,
  INCIDENT_KEYS,
  SOURCE_KEYS,
  t,
  TIME_PAIR_KEYS,
  type DiagnosticCode,
  type Entry,
  type IncidentDiagnostic,
  type ParsedIncident,
  type Span,
  type TimeValue,
} from '../core';
import { YAML_OPTIONS } from '../core/parse';
import { allTimes } from '../core/times';
import {
  columnOf,
  contentEnd,
  entryLineEnd,
  indentUnit,
  isFlowMapping,
  lineEnding,
  replaceScalar,
  withoutOverlaps,
  type OffsetEdit,
} from './edit';
import { ADD_MISSING_TIMES_KIND, FIX_ALL_KIND, QUICK_FIX_KIND, REWRITE_KIND } from '../../../common/codeActionKinds';
import { sortTimeline } from './sortTimeline';
import { jstText, normalizeTimeText, styleOf, suggestedInstant, utcText } from './timeText';

export { ADD_MISSING_TIMES_KIND, FIX_ALL_KIND, QUICK_FIX_KIND, REWRITE_KIND, sortTimeline };

/** A file an action creates next to the document, by name (the LSP layer makes its URI). */
export interface NewFile {
  readonly name: string;
  readonly text: string;
}

export interface IncidentCodeAction {
  readonly title: string;
  readonly kind: string;
  readonly edits: readonly OffsetEdit[];
  /** A file to create in the document's folder (the edits apply to the document itself). */
  readonly newFile?: NewFile;
  readonly isPreferred?: boolean;
  /** The diagnostic this action fixes, from the same parse. */
  readonly diagnostic?: IncidentDiagnostic;
}

export interface CodeActionOptions {
  /** The clock, for placeholders that need a time when the file has none (tests pass a fixed one). */
  readonly now?: number;
  /** Only actions of these kinds (or their sub-kinds), as in LSP `CodeActionContext.only`. */
  readonly only?: readonly string[];
  /**
   * The document's file name, when the client can create files: then a second YAML document can
   * move to a file of its own next to it.
   */
  readonly documentName?: string;
  /** The ids in use across the workspace: duplicate-id then offers a free one. */
  readonly takenIds?: ReadonlySet<string>;
}

/** A diagnostic the editor sent back, by code and position: matched against the current parse. */
export interface DiagnosticRef {
  readonly code: string;
  readonly span: Span;
}

type NewValue = { readonly scalar: string } | { readonly pair: { readonly utc: string; readonly jst: string } };

function pairValue(epochMs: number): NewValue {
  return { pair: { utc: utcText(epochMs), jst: jstText(epochMs) } };
}

/** An entry's text as inserted in a block mapping at `indent` (or a flow mapping when `flow`). */
function renderEntry(key: string, value: NewValue, indent: number, unit: number, eol: string, flow: boolean): string {
  if ('scalar' in value) return `${key}: ${value.scalar}`;
  if (flow) return `${key}: {utc: ${value.pair.utc}, jst: ${value.pair.jst}}`;
  const inner = ' '.repeat(indent + unit);
  return `${key}:${eol}${inner}utc: ${value.pair.utc}${eol}${inner}jst: ${value.pair.jst}`;
}

/**
 * Inserts `key` into a mapping: after the last present key that comes before it in the format's
 * order (so comments above the next key stay with that key), else before the first key.
 */
function insertEntry(parsed: ParsedIncident, mapSpan: Span, entries: readonly Entry[], order: readonly string[], key: string, value: NewValue): OffsetEdit {
  const eol = lineEnding(parsed.text);
  const unit = indentUnit(parsed);
  if (isFlowMapping(parsed, mapSpan)) {
    const text = renderEntry(key, value, 0, unit, eol, true);
    const at = mapSpan.start + 1;
    return { span: { start: at, end: at }, newText: entries.length ? `${text}, ` : text };
  }
  if (entries.length === 0) {
    const indent = columnOf(parsed, mapSpan.start);
    return { span: { start: mapSpan.start, end: mapSpan.start }, newText: renderEntry(key, value, indent, unit, eol, false) + eol + ' '.repeat(indent) };
  }
  const indent = columnOf(parsed, entries[0].keySpan.start);
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  const before = entries.filter((e) => rank(e.key) < rank(key));
  const text = renderEntry(key, value, indent, unit, eol, false);
  if (before.length) {
    const anchor = before.reduce((a, b) => (rank(b.key) >= rank(a.key) ? b : a));
    const at = entryLineEnd(parsed, anchor);
    return { span: { start: at, end: at }, newText: eol + ' '.repeat(indent) + text };
  }
  const first = entries[0].keySpan.start;
  return { span: { start: first, end: first }, newText: text + eol + ' '.repeat(indent) };
}

/** The placeholder written for a missing key; chosen so the file checks clean afterwards. */
function placeholderFor(parsed: ParsedIncident, key: string, container: string, containerSpan: Span, now: number): NewValue {
  const incident = parsed.incident;
  if (container === 'time') {
    const instant = suggestedInstant(incident, 'at', now);
    return { scalar: key === 'jst' ? jstText(instant) : utcText(instant) };
  }
  if (container === 'source') return { scalar: key === 'url' ? 'https://example.com/' : 'TODO' };
  if (container === 'event') {
    if (key === 'at') {
      const index = incident?.timeline.find((e) => e.span.start === containerSpan.start)?.index;
      return pairValue(suggestedInstant(incident, 'at', now, index));
    }
    return { scalar: key === 'kind' ? 'note' : 'TODO' };
  }
  switch (key) {
    case 'start': return pairValue(suggestedInstant(incident, 'start', now));
    case 'end': return pairValue(suggestedInstant(incident, 'end', now));
    case 'status': return { scalar: 'investigating' };
    case 'severity': return { scalar: 'major' };
    case 'id': {
      const start = suggestedInstant(incident, 'start', now);
      return { scalar: `INC-${jstText(start).slice(0, 10).replace(/-/g, '')}` };
    }
    default: return { scalar: 'TODO' };
  }
}

function keyOrder(container: string): readonly string[] {
  switch (container) {
    case 'event': return EVENT_KEYS;
    case 'time': return TIME_PAIR_KEYS;
    case 'source': return SOURCE_KEYS;
    default: return INCIDENT_KEYS;
  }
}

/**
 * The entries of a mapping the model does not keep entries for (a `{url, title}` source): the
 * text is parsed again, which is fine for a quick fix that is asked for once.
 */
function parsedMapEntries(parsed: ParsedIncident, span: Span): readonly Entry[] | undefined {
  let found: readonly Entry[] | undefined;
  visit(parseDocument(parsed.text, YAML_OPTIONS), {
    Map(_key, map) {
      if (found || map.range?.[0] !== span.start) return undefined;
      found = map.items.map((pair) => {
        const key = pair.key as { value?: unknown; range?: [number, number, number] } | null;
        const value = pair.value as { range?: [number, number, number] } | null;
        const keySpan = { start: key?.range?.[0] ?? span.start, end: key?.range?.[1] ?? span.start };
        const valueSpan = value?.range ? { start: value.range[0], end: value.range[1] } : { start: keySpan.end + 1, end: keySpan.end + 1 };
        return { key: String(key?.value ?? ''), keySpan, valueSpan };
      });
      return visit.BREAK;
    },
  });
  return found;
}

/** The entries of the mapping at `span`, found in the model. */
function entriesAt(parsed: ParsedIncident, span: Span): readonly Entry[] | undefined {
  const incident = parsed.incident;
  if (!incident) return undefined;
  if (incident.span.start === span.start) return incident.entries;
  for (const event of incident.timeline) {
    if (event.span.start === span.start) return event.entries;
  }
  for (const { time } of allTimes(incident)) {
    if (time.span.start === span.start) return time.entries ?? [];
  }
  return undefined;
}

/** Adds the missing side of a one-sided pair, computed from the side that is there. */
function completePair(parsed: ParsedIncident, time: TimeValue): { title: string; edit: OffsetEdit } | undefined {
  if (time.form !== 'pair' || (time.utc && time.jst) || !time.entries) return undefined;
  const present = time.utc ? 'utc' : 'jst';
  const side = time.utc ?? time.jst;
  // A side with the wrong offset still names its instant (wrong-offset rewrites only its notation).
  const instant = side?.epochMs;
  if (!side || instant === undefined) return undefined;
  // A key written twice or an unknown key in the pair: leave it to those fixes.
  if (time.entries.some((e) => e.key !== present)) return undefined;
  const entry = time.entries.find((e) => e.key === present)!;
  const style = styleOf(side.text);
  const missing = present === 'utc' ? 'jst' : 'utc';
  const text = missing === 'jst' ? jstText(instant, style) : utcText(instant, style);
  if (isFlowMapping(parsed, time.span)) {
    const at = contentEnd(parsed.text, entry.valueSpan);
    return { title: titleForSide(missing, text), edit: { span: { start: at, end: at }, newText: `, ${missing}: ${text}` } };
  }
  const at = entryLineEnd(parsed, entry);
  const indent = ' '.repeat(columnOf(parsed, entry.keySpan.start));
  return { title: titleForSide(missing, text), edit: { span: { start: at, end: at }, newText: `${lineEnding(parsed.text)}${indent}${missing}: ${text}` } };
}

/**
 * A time written as one string with an offset, rewritten as a block utc/jst pair under its key
 * (the refactoring "Write as a utc/jst pair"); block mappings only.
 */
function writeAsPair(parsed: ParsedIncident, time: TimeValue, entry: Entry | undefined): OffsetEdit | undefined {
  const value = time.value;
  if (time.form !== 'string' || !value || !entry || value.offsetMinutes === null || value.epochMs === undefined || value.wrongOffset) return undefined;
  const text = parsed.text;
  const { lineIndex } = parsed;
  const keyLine = lineIndex.positionAt(entry.keySpan.start).line;
  if (!/^\s*(?:-\s+)?$/.test(text.slice(lineIndex.lineStart(keyLine), entry.keySpan.start))) return undefined;
  if (lineIndex.positionAt(value.span.start).line !== keyLine) return undefined;
  const colon = text.indexOf(':', entry.keySpan.end);
  if (colon < 0 || colon > value.span.start) return undefined;
  const eol = lineEnding(text);
  const inner = ' '.repeat(columnOf(parsed, entry.keySpan.start) + indentUnit(parsed));
  const style = styleOf(value.text);
  return {
    span: { start: colon + 1, end: value.span.end },
    newText: `${eol}${inner}utc: ${utcText(value.epochMs, style)}${eol}${inner}jst: ${jstText(value.epochMs, style)}`,
  };
}

function titleForSide(side: 'utc' | 'jst', text: string): string {
  return side === 'jst' ? t('Add the JST time ({0})', text) : t('Add the UTC time ({0})', text);
}

/** Swaps the texts of start and end when both are written the same way. */
function swapStartEnd(parsed: ParsedIncident, startSpan: Span, endSpan: Span): OffsetEdit[] | undefined {
  const text = parsed.text;
  const a = { start: startSpan.start, end: contentEnd(text, startSpan) };
  const b = { start: endSpan.start, end: contentEnd(text, endSpan) };
  const startText = text.slice(a.start, a.end);
  const endText = text.slice(b.start, b.end);
  const multiline = (s: string) => /[\r\n]/.test(s);
  // A block pair moved next to a key on another column would change its meaning.
  if (multiline(startText) !== multiline(endText)) return undefined;
  if (multiline(startText) && columnOf(parsed, a.start) !== columnOf(parsed, b.start)) return undefined;
  return [{ span: a, newText: endText }, { span: b, newText: startText }];
}

/**
 * Deletes a repeated key with its value, whole lines only (a block mapping's entry on its own
 * lines); the first occurrence, the one the checker reads, stays.
 */
function removeEntry(parsed: ParsedIncident, keySpan: Span): OffsetEdit | undefined {
  const incident = parsed.incident;
  if (!incident) return undefined;
  const all = [
    ...incident.entries,
    ...incident.timeline.flatMap((e) => e.entries),
    ...[...allTimes(incident)].flatMap(({ time }) => time.entries ?? []),
  ];
  const entry = all.find((e) => e.keySpan.start === keySpan.start && e.keySpan.end === keySpan.end);
  if (!entry) return undefined;
  const { lineIndex, text } = parsed;
  const first = lineIndex.positionAt(entry.keySpan.start).line;
  if (!/^\s*$/.test(text.slice(lineIndex.lineStart(first), entry.keySpan.start))) return undefined;
  const last = lineIndex.positionAt(Math.max(entry.keySpan.end, contentEnd(text, entry.valueSpan))).line;
  const end = last + 1 < lineIndex.lineCount ? lineIndex.lineStart(last + 1) : text.length;
  // At the end of a file without a final line break, the break before the entry goes instead.
  const start = end === text.length && first > 0 && !/[\r\n]$/.test(text) ? lineIndex.lineEnd(first - 1) : lineIndex.lineStart(first);
  return { span: { start, end }, newText: '' };
}

/**
 * A second YAML document (on its `---` line) moved to a file of its own: the document's text is
 * cut from this file and becomes the new file, named after its id when it has one.
 */
function moveDocument(parsed: ParsedIncident, span: Span, documentName: string): { edit: OffsetEdit; newFile: NewFile } | undefined {
  const { text, lineIndex } = parsed;
  const line = lineIndex.positionAt(span.start).line;
  const start = lineIndex.lineStart(line);
  if (!/^---(?:\s|$)/.test(text.slice(start, lineIndex.lineEnd(line)))) return undefined;
  const bodyStart = line + 1 < lineIndex.lineCount ? lineIndex.lineStart(line + 1) : text.length;
  const next = /^(?:---|\.\.\.)(?:\s|$)/m.exec(text.slice(bodyStart));
  const end = next ? bodyStart + next.index : text.length;
  const body = text.slice(bodyStart, end);
  if (body.trim() === '') return undefined;
  const id = /^id:[ \t]*["']?([A-Za-z0-9][\w.-]*)/m.exec(body)?.[1];
  const base = documentName.replace(/\.incident\.ya?ml$/i, '').replace(/\.ya?ml$/i, '');
  const name = `${id && id !== base ? id : `${base}-2`}.incident.yaml`;
  const eol = lineEnding(text);
  return { edit: { span: { start, end }, newText: '' }, newFile: { name, text: /[\r\n]$/.test(body) ? body : body + eol } };
}

/** `id-2`, `id-3`, …: the first that no incident file uses. */
export function freshId(id: string, taken: ReadonlySet<string>): string {
  for (let n = 2; ; n++) {
    const candidate = `${id}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The incident's list-of-strings keys. */
const STRING_LIST_KEYS = ['regions', 'tags', 'next_steps'];

/**
 * One string where a list of strings belongs (`regions: Australia, Japan, India`) as a block
 * list, split at commas (also Japanese 、).
 */
function stringAsList(parsed: ParsedIncident, span: Span): { items: string[]; edit: OffsetEdit } | undefined {
  const entry = parsed.incident?.entries.find((e) => STRING_LIST_KEYS.includes(e.key) && e.valueSpan.start === span.start && e.valueSpan.end === span.end);
  if (!entry) return undefined;
  const text = parsed.text;
  const source = text.slice(span.start, span.end);
  if (/[\r\n]/.test(source) || /^[[{|>&*!]/.test(source)) return undefined;
  const value = /^["']/.test(source) ? source.slice(1, -1) : source;
  const items = value.split(/[,、]/).map((item) => item.trim()).filter((item) => item !== '');
  if (items.length === 0) return undefined;
  const colon = text.indexOf(':', entry.keySpan.end);
  if (colon < 0 || colon > span.start) return undefined;
  const eol = lineEnding(text);
  const inner = ' '.repeat(columnOf(parsed, entry.keySpan.start) + indentUnit(parsed));
  // An item YAML would read as something else than a string keeps it by quoting.
  const plain = (item: string) => (/^[\w\u3000-\u9fff\uff00-\uffef][^:#]*$/.test(item) && !/^(?:true|false|null|yes|no|on|off|~|[-+]?\d[\d._]*)$/i.test(item) ? item : JSON.stringify(item));
  return { items, edit: { span: { start: colon + 1, end: span.end }, newText: items.map((item) => `${eol}${inner}- ${plain(item)}`).join('') } };
}

/** The codes that have a quick fix (the README names each fix). */
export const FIXABLE_CODES: readonly DiagnosticCode[] = [
  'not-an-incident', 'duplicate-key', 'duplicate-id', 'missing-field', 'wrong-type', 'invalid-time', 'unknown-field', 'invalid-value', 'missing-offset', 'wrong-offset',
  'utc-jst-mismatch', 'missing-end', 'end-before-start', 'timeline-order',
];

/** The fixes for one diagnostic of the current parse. */
export function quickFixes(parsed: ParsedIncident, diagnostic: IncidentDiagnostic, options: CodeActionOptions = {}): IncidentCodeAction[] {
  const data = diagnostic.data;
  const now = options.now ?? Date.now();
  const fix = (title: string, edits: OffsetEdit[], isPreferred = false): IncidentCodeAction =>
    ({ title, kind: QUICK_FIX_KIND, edits, isPreferred, diagnostic });
  if (diagnostic.code === 'invalid-time') {
    // No data: the value as written is the document's text under the diagnostic.
    const source = parsed.text.slice(diagnostic.span.start, diagnostic.span.end);
    const quote = /^["']/.test(source) ? source[0] : '';
    const normalized = normalizeTimeText(quote ? source.slice(1, -1) : source);
    return normalized ? [fix(t('Write as {0}', normalized), [replaceScalar(parsed, diagnostic.span, normalized)], true)] : [];
  }
  if (diagnostic.code === 'not-an-incident' && options.documentName) {
    const moved = moveDocument(parsed, diagnostic.span, options.documentName);
    return moved ? [{ ...fix(t('Move this incident to its own file ({0})', moved.newFile.name), [moved.edit], true), newFile: moved.newFile }] : [];
  }
  if (diagnostic.code === 'wrong-type') {
    const list = stringAsList(parsed, diagnostic.span);
    return list ? [fix(t('Write as a list: {0}', list.items.join(', ')), [list.edit], true)] : [];
  }
  if (!data) return [];
  switch (data.code) {
    case 'duplicate-key': {
      const edit = removeEntry(parsed, diagnostic.span);
      return edit ? [fix(t('Remove this repeated `{0}`', data.key), [edit])] : [];
    }
    case 'duplicate-id': {
      if (!options.takenIds) return [];
      const fresh = freshId(data.id, options.takenIds);
      return [fix(t('Change the id to `{0}`', fresh), [replaceScalar(parsed, diagnostic.span, fresh)])];
    }
    case 'missing-offset':
      return [
        fix(t('Read as JST (+09:00)'), [replaceScalar(parsed, diagnostic.span, data.text + '+09:00')]),
        fix(t('Read as UTC (Z)'), [replaceScalar(parsed, diagnostic.span, data.text + 'Z')]),
      ];
    case 'wrong-offset':
      return [fix(data.side === 'utc' ? t('Write the same instant in UTC: {0}', data.corrected) : t('Write the same instant in JST: {0}', data.corrected),
        [replaceScalar(parsed, diagnostic.span, data.corrected)], true)];
    case 'utc-jst-mismatch':
      return [
        fix(t('Keep UTC, correct JST to {0}', data.correctedJst), [replaceScalar(parsed, data.jstSpan, data.correctedJst)], data.suspect === 'jst'),
        fix(t('Keep JST, correct UTC to {0}', data.correctedUtc), [replaceScalar(parsed, data.utcSpan, data.correctedUtc)], data.suspect === 'utc'),
      ];
    case 'missing-field': {
      const entries = entriesAt(parsed, data.containerSpan) ?? (data.container === 'source' ? parsedMapEntries(parsed, data.containerSpan) : undefined);
      if (!entries) return [];
      const value = placeholderFor(parsed, data.key, data.container, data.containerSpan, now);
      return [fix(t('Add `{0}`', data.key), [insertEntry(parsed, data.containerSpan, entries, keyOrder(data.container), data.key, value)], true)];
    }
    case 'missing-end': {
      const incident = parsed.incident;
      if (!incident) return [];
      const instant = suggestedInstant(incident, 'end', now);
      return [fix(t('Add `end` ({0})', jstText(instant).replace('T', ' ') + ' JST'),
        [insertEntry(parsed, incident.span, incident.entries, INCIDENT_KEYS, 'end', pairValue(instant))], true)];
    }
    case 'unknown-field':
      if (!data.suggestion) return [];
      return [fix(t('Change to `{0}`', data.suggestion), [{ span: diagnostic.span, newText: data.suggestion }], true)];
    case 'invalid-value':
      if (!data.suggestion) return [];
      return [fix(t('Change to `{0}`', data.suggestion), [replaceScalar(parsed, diagnostic.span, data.suggestion)], true)];
    case 'end-before-start': {
      const edits = swapStartEnd(parsed, data.startSpan, data.endSpan);
      return edits ? [fix(t('Swap start and end'), edits, true)] : [];
    }
    case 'timeline-order': {
      const edit = sortTimeline(parsed);
      return edit ? [fix(t('Sort the timeline by time'), [edit], true)] : [];
    }
    default:
      return [];
  }
}

/** Every one-sided pair completed: the "add the missing JST/UTC" source action. */
export function addMissingTimes(parsed: ParsedIncident): OffsetEdit[] {
  if (!parsed.incident) return [];
  const edits: OffsetEdit[] = [];
  for (const { time } of allTimes(parsed.incident)) {
    const completed = completePair(parsed, time);
    if (completed) edits.push(completed.edit);
  }
  return edits;
}

/** What `source.fixAll.incident` does: only rewrites that keep the meaning and need no choice. */
export function fixAll(parsed: ParsedIncident): OffsetEdit[] {
  const edits: OffsetEdit[] = [];
  for (const diagnostic of parsed.diagnostics) {
    if (diagnostic.data?.code === 'wrong-offset') edits.push(replaceScalar(parsed, diagnostic.span, diagnostic.data.corrected));
  }
  edits.push(...addMissingTimes(parsed));
  return withoutOverlaps(edits);
}

/**
 * duplicate-id comes from the workspace, not from this file's parse: it is rebuilt here when the
 * editor's diagnostic still sits on this file's id.
 */
function workspaceDiagnostic(parsed: ParsedIncident, ref: DiagnosticRef): IncidentDiagnostic | undefined {
  const id = parsed.incident?.id;
  if (ref.code !== 'duplicate-id' || !id || id.entry.valueSpan.start !== ref.span.start || id.entry.valueSpan.end !== ref.span.end) return undefined;
  return { code: 'duplicate-id', severity: 'warning', message: '', span: ref.span, data: { code: 'duplicate-id', id: id.value, others: [] } };
}

function kindMatches(kind: string, only: readonly string[] | undefined): boolean {
  return !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
}

/**
 * The actions for a range: fixes for the editor's diagnostics there (matched to this parse by
 * code and span, so stale ones are skipped), completing a one-sided pair under the cursor, and
 * the source actions.
 */
export function codeActions(parsed: ParsedIncident, range: Span, context: readonly DiagnosticRef[], options: CodeActionOptions = {}): IncidentCodeAction[] {
  const actions: IncidentCodeAction[] = [];
  const titles = new Set<string>();
  const add = (action: IncidentCodeAction) => {
    if (!kindMatches(action.kind, options.only) || action.edits.length === 0) return;
    // One "Sort the timeline" for several out-of-order events.
    if (action.title === t('Sort the timeline by time') && titles.has(action.title)) return;
    titles.add(action.title);
    actions.push(action);
  };
  for (const ref of context) {
    const diagnostic = parsed.diagnostics.find((d) =>
      d.code === (ref.code as DiagnosticCode) && d.span.start === ref.span.start && d.span.end === ref.span.end)
      ?? workspaceDiagnostic(parsed, ref);
    if (diagnostic) quickFixes(parsed, diagnostic, options).forEach(add);
  }
  const incident = parsed.incident;
  if (incident) {
    for (const { time } of allTimes(incident)) {
      if (range.start < time.span.start || range.start > time.span.end) continue;
      const completed = completePair(parsed, time);
      if (completed) add({ title: completed.title, kind: QUICK_FIX_KIND, edits: [completed.edit] });
      const owner = incident.timeline.find((e) => e.at === time)?.entries ?? incident.entries;
      const pair = writeAsPair(parsed, time, owner.find((e) => e.valueSpan.start === time.span.start));
      if (pair) add({ title: t('Write as a utc/jst pair'), kind: REWRITE_KIND, edits: [pair] });
    }
  }
  // The whole-file actions walk every time: only when the editor asks for their kinds.
  if (kindMatches(ADD_MISSING_TIMES_KIND, options.only)) {
    add({ title: t('Add the missing JST/UTC to every time in the file'), kind: ADD_MISSING_TIMES_KIND, edits: addMissingTimes(parsed) });
  }
  if (kindMatches(FIX_ALL_KIND, options.only)) {
    add({ title: t('Fix all safe problems in this incident'), kind: FIX_ALL_KIND, edits: fixAll(parsed) });
  }
  return actions;
}
