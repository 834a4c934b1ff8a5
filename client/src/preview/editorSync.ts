/**
 * Editor <-> preview sync without loops. Clicking an event makes the host select its source;
 * that selection change must not come back to the preview as a "highlight" (it would scroll
 * the preview the user is clicking in). The Markdown preview uses a short flag; here the flag
 * is the exact line the host just revealed, consumed by the one selection change it causes.
 */
import type { Range } from 'vscode-languageserver-protocol';

export interface EventRange {
  readonly index: number;
  readonly range: Range;
}

/** The event whose list item holds `line` (events are in document order), or null. */
export function eventAtLine(events: readonly EventRange[], line: number): number | null {
  let lo = 0;
  let hi = events.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const { start, end } = events[mid].range;
    // A range ending at character 0 of a line does not hold that line.
    const lastLine = end.character === 0 && end.line > start.line ? end.line - 1 : end.line;
    if (line < start.line) hi = mid - 1;
    else if (line > lastLine) lo = mid + 1;
    else return events[mid].index;
  }
  return null;
}

export class EditorSync {
  private echo: { uri: string; line: number } | undefined;
  private lastSent: number | null | undefined;

  /** The host is about to select this line because the preview asked: its echo is ignored. */
  revealing(uri: string, line: number, index: number): void {
    this.echo = { uri, line };
    this.lastSent = index;
  }

  /**
   * The editor's cursor moved to `line`: the event index to highlight in the preview, or
   * undefined when there is nothing to send (an echo, or the same event as last time).
   */
  selectionChanged(uri: string, line: number, events: readonly EventRange[]): number | null | undefined {
    const echo = this.echo;
    this.echo = undefined;
    if (echo && echo.uri === uri && echo.line === line) return undefined;
    const index = eventAtLine(events, line);
    if (index === this.lastSent) return undefined;
    this.lastSent = index;
    return index;
  }

  reset(): void {
    this.echo = undefined;
    this.lastSent = undefined;
  }
}
