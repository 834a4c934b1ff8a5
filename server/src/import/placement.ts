/**
 * Where pasted updates go in an incident file: each new event into the timeline in time order,
 * as text inserted between the items already there, so every existing line, comment and key
 * stays as written. Pure: the parsed incident and its text in, insertions out.
 */
import type { Incident } from '../core/model';

/** A new event: its instant, its text (to recognise one already there) and its YAML list item. */
export interface PastedEvent {
  readonly epochMs: number | undefined;
  readonly event: string;
  /** One list item at column 0 ("- at: …\n  event: …\n"), lines ending in LF. */
  readonly item: string;
}

export interface TextInsertion {
  readonly offset: number;
  readonly text: string;
}

export interface Placement {
  readonly insertions: readonly TextInsertion[];
  /** How many events the insertions add. */
  readonly added: number;
  /** Events left out because the timeline already has one at the same time with the same text. */
  readonly alreadyThere: number;
}

/**
 * The insertions that put `events` into the file's timeline, or undefined when the timeline is
 * written in a form we do not insert into (a flow list `[…]`, or not a list).
 */
export function placeEvents(text: string, incident: Incident, events: readonly PastedEvent[]): Placement | undefined {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const existing = incident.timeline;
  const isNew = (e: PastedEvent) => !existing.some((old) => old.at?.epochMs === e.epochMs && old.event?.value.trim() === e.event.trim());
  const fresh = stableSortByTime(events.filter(isNew));
  const alreadyThere = events.length - fresh.length;
  const added = fresh.length;
  if (added === 0) return { insertions: [], added, alreadyThere };
  const entry = incident.timelineEntry;
  if (!entry) {
    // No timeline yet: one at the end of the file, items indented under it.
    const separator = text === '' || text.endsWith('\n') ? '' : eol;
    const block = `timeline:${eol}${fresh.map((e) => indent(e.item, 2, eol)).join('')}`;
    return { insertions: [{ offset: text.length, text: separator + block }], added, alreadyThere };
  }
  if (existing.length === 0) {
    // `timeline:` with nothing after it; anything else there (`[]`, a scalar) is left to the user.
    if (text.slice(entry.valueSpan.start, entry.valueSpan.end).trim() !== '') return undefined;
    const at = lineEnd(text, entry.keySpan.end);
    const keyColumn = entry.keySpan.start - lineStart(text, entry.keySpan.start);
    const lead = at === text.length && !text.endsWith('\n') ? eol : '';
    return { insertions: [{ offset: at, text: lead + fresh.map((e) => indent(e.item, keyColumn + 2, eol)).join('') }], added, alreadyThere };
  }
  // An item's span starts after its dash: the dash's column is the list's indentation.
  const firstLine = lineStart(text, existing[0]!.span.start);
  const dash = text.slice(firstLine, existing[0]!.span.start);
  if (dash.trim() !== '-') return undefined;
  const column = dash.indexOf('-');
  // Each new event goes before the first existing event that is later, else after the last one;
  // events without a readable time keep their place and do not decide.
  const groups = new Map<number, PastedEvent[]>();
  for (const event of fresh) {
    const before = event.epochMs === undefined ? -1 : existing.findIndex((old) => old.at?.epochMs !== undefined && old.at.epochMs > event.epochMs!);
    const slot = before < 0 ? existing.length : before;
    groups.set(slot, [...(groups.get(slot) ?? []), event]);
  }
  const insertions = [...groups].sort(([a], [b]) => a - b).map(([slot, group]): TextInsertion => {
    const body = group.map((e) => indent(e.item, column, eol)).join('');
    if (slot === 0) return { offset: leadingComments(text, lineStart(text, existing[0]!.span.start), lineEnd(text, entry.keySpan.end)), text: body };
    const after = lineEnd(text, existing[slot - 1]!.span.end);
    // The last line of the file may have no line break: give it one before the new items.
    return after === text.length && !text.endsWith('\n') ? { offset: after, text: eol + body.slice(0, -eol.length) } : { offset: after, text: body };
  });
  return { insertions, added, alreadyThere };
}

function stableSortByTime(events: readonly PastedEvent[]): PastedEvent[] {
  return events.map((e, i) => [e, i] as const)
    .sort(([a, i], [b, j]) => (a.epochMs ?? Infinity) - (b.epochMs ?? Infinity) || i - j)
    .map(([e]) => e);
}

function indent(item: string, column: number, eol: string): string {
  const pad = ' '.repeat(column);
  return item.split('\n').map((line, i, lines) => (i === lines.length - 1 ? line : `${line === '' ? '' : pad + line}${eol}`)).join('');
}

/** Where the comment lines just above a line begin (a comment above an item belongs to it), not above `floor`. */
function leadingComments(text: string, start: number, floor: number): number {
  let at = start;
  while (at > floor) {
    const previous = lineStart(text, at - 1);
    if (!text.slice(previous, at).trimStart().startsWith('#')) break;
    at = previous;
  }
  return at;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset just past the line break of the line holding `offset` (the text's end on the last line). */
function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', Math.max(offset - 1, 0));
  return newline < 0 ? text.length : newline + 1;
}
