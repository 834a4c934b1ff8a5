/**
 * Offsets are UTF-16 code unit indexes into the document text, as JavaScript strings and the
 * Language Server Protocol count them. They stay offsets until the last step, where a LineIndex
 * turns them into zero-based lines and characters once.
 */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A span moved inside `[0, length]`, keeping start <= end. */
export function clampSpan(span: Span, length: number): Span {
  const start = Math.max(0, Math.min(span.start, length));
  return { start, end: Math.max(start, Math.min(span.end, length)) };
}

/** The most characters of a user's value that a message quotes. */
export const MAX_QUOTED = 60;

/**
 * A value as messages quote it: whole when short, else its first characters and an ellipsis, so
 * a message never echoes a megabyte (the diagnostic's range and data keep the whole value).
 */
export function quoted(value: string, max: number = MAX_QUOTED): string {
  if (value.length <= max) return value;
  let end = max - 1;
  // Not between the halves of a surrogate pair.
  if (/[\uD800-\uDBFF]/.test(value[end - 1])) end--;
  return value.slice(0, end) + '…';
}

export interface Position {
  readonly line: number;
  readonly character: number;
}

/** Line starts of a text; `\n`, `\r\n` and a lone `\r` each end a line, as in LSP. */
export class LineIndex {
  private readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    // Without carriage returns, lines end only at \n: let indexOf find them (a keystroke in a
    // 10,000-event file rebuilds this index; the loop below takes several times longer).
    if (text.indexOf('\r') < 0) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    // An offset between \r and \n belongs at the end of its line.
    const lineEnd = this.lineEnd(low);
    return { line: low, character: Math.min(clamped, lineEnd) - this.starts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line];
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  /** Offset of the first character of a line. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** The span of the line an offset is on, without its line break. */
  lineSpanAt(offset: number): Span {
    const { line } = this.positionAt(offset);
    return { start: this.lineStart(line), end: this.lineEnd(line) };
  }

  /** Offset just past the last character of a line, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    let end = next;
    if (end > this.starts[line] && line + 1 < this.starts.length) {
      end--;
      if (this.text.charCodeAt(end) === 10 && end > this.starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    }
    return end;
  }
}
