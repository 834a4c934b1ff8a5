/**
 * Writing the value a phrase names into its time mapping: shared by unread-time ("Fill the time
 * from what was written") and invalid-time (a phrase pasted as the value).
 */
import { TIME_KEYS, type Entry, type ParsedIncident, type Span } from '../core';
import type { FilledTime } from '../core/phrases/fill';
import { columnOf, isFlowMapping, lineEnding, type OffsetEdit } from '../features/edit';

/** The keys of a filled value in the format's order, less those the mapping has. */
export function filledEntries(filled: FilledTime, present: readonly Entry[] = []): [string, string][] {
  const has = new Set(present.map((e) => e.key));
  const pairs: [string, string][] = [];
  for (const key of TIME_KEYS) {
    const value = key === 'written' ? undefined : filled[key];
    if (value !== undefined && !has.has(key)) pairs.push([key, String(value)]);
  }
  return pairs;
}

/** One edit that puts the value's keys before the mapping's first entry, in its layout. */
export function insertFilled(parsed: ParsedIncident, mapSpan: Span, entries: readonly Entry[], filled: FilledTime): OffsetEdit {
  const pairs = filledEntries(filled, entries);
  if (isFlowMapping(parsed, mapSpan)) {
    const at = mapSpan.start + 1;
    return { span: { start: at, end: at }, newText: pairs.map(([k, v]) => `${k}: ${v}, `).join('') };
  }
  const first = entries[0].keySpan.start;
  const indent = ' '.repeat(columnOf(parsed, first));
  const eol = lineEnding(parsed.text);
  return { span: { start: first, end: first }, newText: pairs.map(([k, v]) => `${k}: ${v}${eol}${indent}`).join('') };
}
