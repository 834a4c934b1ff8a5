/**
 * When the preview re-renders while the user types, as the Markdown preview does it: a request
 * when the preview is idle renders at once; requests while a render's window is open are
 * coalesced into one render when it closes, so a burst costs one render per `delayMs` and the
 * last keystroke is on screen at most `delayMs` (plus the render) after it. A single edit after
 * a pause is not delayed at all. Timers are injected so tests drive time by hand.
 */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * The window while typing. Issue 3's 300 ms is an upper bound; 100 ms keeps a 10,000-event
 * preview within issue 5's 150 ms of the last keystroke on average while a burst still costs a
 * few renders a second (each asks the server for one splice, not the whole model).
 */
export const RENDER_DELAY_MS = 100;

export class RenderThrottle {
  /** The open window: set from a render until `delayMs` after it. */
  private window: unknown;
  /** A request arrived during the window: render when it closes. */
  private wanted = false;

  constructor(
    private readonly run: () => void,
    private readonly delayMs = RENDER_DELAY_MS,
    private readonly timers: Timers = realTimers,
  ) {}

  /** Asks for a render: now if idle (or `immediate`), else when the current window closes. */
  request(immediate = false): void {
    if (immediate || this.window === undefined) {
      this.fire();
      return;
    }
    this.wanted = true;
  }

  /** The next request renders at once again (a different document is shown). */
  reset(): void {
    this.cancel();
  }

  /** A render is owed (asked for during the window). */
  get pending(): boolean {
    return this.wanted;
  }

  dispose(): void {
    this.cancel();
  }

  private fire(): void {
    this.cancel();
    this.window = this.timers.setTimeout(() => this.close(), this.delayMs);
    this.run();
  }

  private close(): void {
    this.window = undefined;
    if (!this.wanted) return;
    this.wanted = false;
    // The coalesced render opens a window of its own, so typing keeps one render per window.
    this.fire();
  }

  private cancel(): void {
    if (this.window !== undefined) this.timers.clearTimeout(this.window);
    this.window = undefined;
    this.wanted = false;
  }
}
