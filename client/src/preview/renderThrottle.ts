/**
 * When the preview re-renders while the user types, as the Markdown preview does it: the first
 * request runs at once; requests after that are coalesced into one run at most `delayMs` later,
 * so the last keystroke is on screen within `delayMs` and a burst costs one render per window.
 * Timers are injected so tests drive time by hand.
 */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export const RENDER_DELAY_MS = 300;

export class RenderThrottle {
  private timer: unknown;
  private first = true;

  constructor(
    private readonly run: () => void,
    private readonly delayMs = RENDER_DELAY_MS,
    private readonly timers: Timers = realTimers,
  ) {}

  /** Asks for a render: now if it is the first (or `immediate`), else at the end of the window. */
  request(immediate = false): void {
    if (immediate || this.first) {
      this.first = false;
      this.cancel();
      this.run();
      return;
    }
    if (this.timer !== undefined) return;
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      this.run();
    }, this.delayMs);
  }

  /** The next request renders at once again (a different document is shown). */
  reset(): void {
    this.cancel();
    this.first = true;
  }

  get pending(): boolean {
    return this.timer !== undefined;
  }

  dispose(): void {
    this.cancel();
  }

  private cancel(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
