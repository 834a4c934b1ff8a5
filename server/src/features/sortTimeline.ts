/**
 * "Sort the timeline by time": one edit that rewrites the timeline's items in time order, each
 * with the comment lines right above it.
 */
import type { ParsedIncident } from '../core';
import { contentEnd, lineEnding, type OffsetEdit } from './edit';

/**
 * Sorts the timeline by time, moving each item with the comment lines right above it. Items whose
 * time cannot be read stay after the item they follow; equal times keep their order.
 */
export function sortTimeline(parsed: ParsedIncident): OffsetEdit | undefined {
  const incident = parsed.incident;
  const seq = incident?.timelineEntry?.valueSpan;
  if (!incident || !seq || incident.timeline.length < 2) return undefined;
  const text = parsed.text;
  const lines = parsed.lineIndex;
  const eol = lineEnding(text);
  const timelineKeyLine = lines.positionAt(incident.timelineEntry!.keySpan.start).line;
  const starts: number[] = [];
  for (const event of incident.timeline) {
    // The dash before the item's first key: block items only.
    let dash = event.span.start - 1;
    while (dash >= 0 && /\s/.test(text[dash])) dash--;
    if (text[dash] !== '-') return undefined;
    let line = lines.positionAt(dash).line;
    if (!/^\s*$/.test(text.slice(lines.lineStart(line), dash))) return undefined;
    while (line - 1 > timelineKeyLine && /^\s*#/.test(text.slice(lines.lineStart(line - 1), lines.lineEnd(line - 1)))) line--;
    starts.push(lines.lineStart(line));
  }
  const last = incident.timeline[incident.timeline.length - 1];
  const lastLine = lines.positionAt(contentEnd(text, last.span)).line;
  const regionEnd = lastLine + 1 < lines.lineCount ? lines.lineStart(lastLine + 1) : text.length;
  const blocks = starts.map((start, i) => {
    let block = text.slice(start, i + 1 < starts.length ? starts[i + 1] : regionEnd);
    if (!block.endsWith('\n') && !block.endsWith('\r')) block += eol;
    const body = block.replace(/(?:[ \t]*(?:\r\n|\n|\r))+$/, '');
    return { body, gap: block.slice(body.length) };
  });
  let key = -Infinity;
  const keyed = incident.timeline.map((event, i) => {
    const at = event.at?.epochMs;
    if (at !== undefined) key = at;
    return { key, i };
  });
  const order = [...keyed].sort((x, y) => x.key - y.key || x.i - y.i).map((k) => k.i);
  if (order.every((o, i) => o === i)) return undefined;
  // The blank lines between items stay where they are; the items move.
  let result = '';
  order.forEach((o, i) => {
    result += blocks[o].body + blocks[i].gap;
  });
  const endsWithBreak = /(\r\n|\n|\r)$/.test(text.slice(starts[0], regionEnd));
  if (!endsWithBreak) result = result.replace(/(\r\n|\n|\r)$/, '');
  return { span: { start: starts[0], end: regionEnd }, newText: result };
}
