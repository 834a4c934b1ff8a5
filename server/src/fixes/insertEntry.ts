/**
 * Inserting a key into a mapping in the format's key order, with the mapping's layout: shared by
 * the fixes that add a missing key (missing-field, missing-end).
 */
import { EVENT_KEYS, INCIDENT_KEYS, SOURCE_KEYS, TIME_KEYS, type Entry, type ParsedIncident, type Span } from '../core';
import { columnOf, entryLineEnd, indentUnit, isFlowMapping, lineEnding, type OffsetEdit } from '../features/edit';
import { jstText, utcText } from '../features/timeText';

export type NewValue = { readonly scalar: string } | { readonly pair: { readonly utc: string; readonly jst: string } };

/** A utc/jst pair for an instant (check unwritableZone first). */
export function pairValue(epochMs: number): NewValue {
  return { pair: { utc: utcText(epochMs), jst: jstText(epochMs) } };
}

/** The format's key order in a mapping of this kind. */
export function keyOrder(container: 'incident' | 'event' | 'time' | 'source'): readonly string[] {
  switch (container) {
    case 'event': return EVENT_KEYS;
    case 'time': return TIME_KEYS;
    case 'source': return SOURCE_KEYS;
    default: return INCIDENT_KEYS;
  }
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
export function insertEntry(parsed: ParsedIncident, mapSpan: Span, entries: readonly Entry[], order: readonly string[], key: string, value: NewValue): OffsetEdit {
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
