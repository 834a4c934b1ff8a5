/**
 * The overview strip: the whole incident on one true-time line that stays above the reading
 * layout. The window as a band, the part on screen as a frame, and the events' density as bars
 * over both (one per few pixels), with a thin row per component under them; a click jumps to the
 * event nearest that time. Shown while the events do not all fit on screen or the incident has
 * component lanes; otherwise it would only frame all of them. Drawn on a canvas,
 * so a 10,000-event incident costs one small element; colours come from the theme variables.
 */
import type { TimelineView } from '../../../common/render/layout';
import { drawStripLanes, stripLanesHeight } from './componentLanes';
import { h } from './dom';

const HEIGHT = 24;
/** Pixels per density bar. */
const BAR = 3;

export class OverviewStrip {
  readonly element: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private view: TimelineView | undefined;
  private counts = new Uint32Array(0);
  private width = 0;
  private shown: (position: number) => boolean = () => true;
  private hasEvents = false;
  /** Whether the events run past the screen (the page says so after each paint). */
  private needed = true;
  /** Component rows under the density: the strip then stays, as the lanes' overview. */
  private hasLanes = false;

  constructor(private readonly jump: (epochMs: number) => void) {
    this.canvas = h('canvas', { attrs: { height: String(HEIGHT), 'aria-hidden': 'true' } });
    this.element = h('div', { className: 'overview' }, this.canvas);
    this.canvas.addEventListener('click', (e) => {
      if (!this.view || !this.width) return;
      const rect = this.canvas.getBoundingClientRect();
      this.jump(this.timeAt(((e.clientX - rect.left) / rect.width) * this.width));
    });
  }

  /** New model or filter: `shown` says which positions count in the density. */
  setView(view: TimelineView, shown: (position: number) => boolean): void {
    this.view = view;
    this.hasEvents = view.events.length > 0;
    this.hasLanes = stripLanesHeight(view) > 0;
    this.element.hidden = !this.wanted();
    // The component lanes take a thin row each under the density bars.
    const height = HEIGHT + stripLanesHeight(view);
    this.canvas.height = height;
    this.canvas.style.height = `${height}px`;
    this.width = 0;
    this.shown = shown;
  }

  /** The height the strip takes from the page (0 while hidden). */
  get height(): number {
    return this.element.hidden ? 0 : this.element.offsetHeight;
  }

  /** Shows the strip when the events run past the screen, hides it when they all fit. */
  setNeeded(needed: boolean): void {
    this.needed = needed;
    this.element.hidden = !this.wanted();
  }

  /** Whether the strip says anything: events beyond the screen, or component lanes to overview. */
  private wanted(): boolean {
    return this.hasEvents && (this.needed || this.hasLanes);
  }

  /** Draws the strip with the events between `fromMs` and `toMs` framed as on screen. */
  draw(fromMs: number | undefined, toMs: number | undefined): void {
    const view = this.view;
    if (!view || this.element.hidden) return;
    const width = Math.max(1, Math.round(this.canvas.clientWidth));
    if (width !== this.width) this.bin(view, width);
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    const css = getComputedStyle(document.documentElement);
    const color = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
    ctx.clearRect(0, 0, width, this.canvas.height);
    const x = (ms: number) => ((ms - view.domain.startMs) / (view.domain.endMs - view.domain.startMs)) * width;
    if (view.window) {
      ctx.globalAlpha = 0.18;
      ctx.fillStyle = color('--vscode-charts-blue', '#1a85ff');
      ctx.fillRect(x(view.window.startMs), 0, Math.max(1, x(view.window.endMs) - x(view.window.startMs)), HEIGHT);
    }
    ctx.globalAlpha = 1;
    // The frame goes under the bars: the first and last events on screen sit on its edges.
    if (fromMs !== undefined && toMs !== undefined) {
      ctx.strokeStyle = color('--vscode-focusBorder', '#005fb8');
      ctx.lineWidth = 2;
      const left = Math.max(0, Math.min(width - 5, x(fromMs) - 2));
      ctx.strokeRect(left + 1, 1, Math.max(3, x(toMs) + 2 - left - 2 + BAR), HEIGHT - 2);
    }
    ctx.fillStyle = color('--vscode-foreground', '#888');
    const max = Math.max(1, ...this.counts);
    this.counts.forEach((count, i) => {
      if (!count) return;
      // Square root: one lone update stays visible next to a burst of hundreds.
      const bar = Math.max(3, Math.sqrt(count / max) * (HEIGHT - 6));
      ctx.fillRect(i * BAR, HEIGHT - 3 - bar, BAR - 1, bar);
    });
    drawStripLanes(ctx, view, x, HEIGHT, color);
  }

  private bin(view: TimelineView, width: number): void {
    this.width = width;
    this.canvas.width = width;
    this.counts = new Uint32Array(Math.ceil(width / BAR));
    const span = view.domain.endMs - view.domain.startMs;
    view.events.forEach((event, position) => {
      if (!this.shown(position)) return;
      const bar = Math.floor((((event.epochMs - view.domain.startMs) / span) * width) / BAR);
      this.counts[Math.min(this.counts.length - 1, Math.max(0, bar))]++;
    });
  }

  private timeAt(x: number): number {
    const { startMs, endMs } = this.view!.domain;
    return startMs + (x / this.width) * (endMs - startMs);
  }
}
