/**
 * Text edits in offsets, and the small pieces of YAML layout every fix needs: the line ending,
 * the indentation unit, where an entry's text ends, and how to keep a scalar's quoting.
 */
import type { Entry, ParsedIncident, Span } from '../core';

/** Replace `span` with `newText` (an insertion when the span is empty). */
export interface OffsetEdit {
  readonly span: Span;
  readonly newText: string;
}

/** Applies non-overlapping edits to a text (tests and the CLI use this; the editor applies its own). */
export function applyEdits(text: string, edits: readonly OffsetEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
  return result;
}

/** Drops edits that overlap one already kept (earlier in the list wins). */
export function withoutOverlaps(edits: readonly OffsetEdit[]): OffsetEdit[] {
  const kept: OffsetEdit[] = [];
  for (const edit of edits) {
    const overlaps = kept.some((k) =>
      edit.span.start < k.span.end && k.span.start < edit.span.end ||
      // Two insertions at one offset would interleave unpredictably.
      edit.span.start === k.span.start && (edit.span.start === edit.span.end || k.span.start === k.span.end));
    if (!overlaps) kept.push(edit);
  }
  return kept;
}

/** The document's line ending: `\r\n` when it uses one, else `\n`. */
export function lineEnding(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

export function columnOf(parsed: ParsedIncident, offset: number): number {
  return parsed.lineIndex.positionAt(offset).character;
}

/**
 * The indentation step of the file: how far the first nested block key sits from its parent's
 * key; 2 when nothing nested is written yet.
 */
export function indentUnit(parsed: ParsedIncident): number {
  const incident = parsed.incident;
  if (!incident) return 2;
  for (const time of [incident.start, incident.end, ...incident.timeline.map((e) => e.at)]) {
    const first = time?.entries?.[0];
    if (!time || !first || parsed.text[time.span.start] === '{') continue;
    const parent = incident.entries.find((e) => e.valueSpan.start === time.span.start);
    if (parent) {
      const unit = columnOf(parsed, first.keySpan.start) - columnOf(parsed, parent.keySpan.start);
      if (unit > 0) return unit;
    }
  }
  return 2;
}

/** Offset just past the last non-blank character of a span (block values end after their line break). */
export function contentEnd(text: string, span: Span): number {
  let end = span.end;
  while (end > span.start && /\s/.test(text[end - 1])) end--;
  return end;
}

/** The end of the line where an entry's value ends: where a sibling entry is inserted after it. */
export function entryLineEnd(parsed: ParsedIncident, entry: Entry): number {
  const end = Math.max(contentEnd(parsed.text, entry.valueSpan), entry.keySpan.end);
  const { line } = parsed.lineIndex.positionAt(end);
  return parsed.lineIndex.lineEnd(line);
}

/** A new scalar text written with the same quotes as the original source text. */
export function quoteLike(source: string, value: string): string {
  if (source.startsWith('"')) return JSON.stringify(value);
  if (source.startsWith("'")) return `'${value.replace(/'/g, "''")}'`;
  return value;
}

/** Replaces a scalar's text, keeping its quoting. */
export function replaceScalar(parsed: ParsedIncident, span: Span, value: string): OffsetEdit {
  return { span, newText: quoteLike(parsed.text.slice(span.start, span.end), value) };
}

export function isFlowMapping(parsed: ParsedIncident, span: Span): boolean {
  return parsed.text[span.start] === '{';
}
