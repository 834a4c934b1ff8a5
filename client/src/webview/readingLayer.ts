/**
 * The timeline as a vertical page (common/render/reading.ts): day headings, each event's whole
 * text wrapped under its time, proportional space between events and compressed gaps marked
 * with their length. Only the items inside the viewport are in the DOM (10,000 events stay
 * small): heights are estimated from the text's length, then measured once painted, and the
 * tops are prefix sums of those heights, so a scroll is a binary search.
 */
import { KIND_STYLES } from '../../../common/render/kinds';
import type { TimelineLabels } from '../../../common/render/labels';
import { eventLabel, eventTimeText, eventTooltip, type Clock, type TimelineView } from '../../../common/render/layout';
import { readingItems, readingOptions, type ReadingItem } from '../../../common/render/reading';
import { updateSeries } from '../../../common/render/updates';
import type { PreviewMode } from '../previewMessages';
import { updateParts } from './componentLanes';
import { h, shapeSvg } from './dom';

/** Texts this long are cut (at LONG_TEXT_SHOWN characters) until the reader expands them. */
export const LONG_TEXT = 300;
const LONG_TEXT_SHOWN = 240;
/** Items painted beyond the viewport's edges, in px, so a small scroll shows no blank. */
const OVERSCAN = 300;
const DAY_HEIGHT = 32;
const GAP_HEIGHT = 26;
const LINE_HEIGHT = 19;

/** What the reader chose to see: kinds left out and a search over the event texts. */
export interface EventFilter {
  readonly hiddenKinds: ReadonlySet<string>;
  /** Lower-case; '' matches every event. */
  readonly query: string;
}

export const NO_FILTER: EventFilter = { hiddenKinds: new Set(), query: '' };

export interface EventHandlers {
  select(position: number, reveal: boolean): void;
}

/** First i with tops[i] > y, minus one: the item that covers y. */
function itemAt(tops: Float64Array, count: number, y: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tops[mid] <= y) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}

export class ReadingLayer {
  readonly canvas: HTMLElement;
  private readonly empty: HTMLElement;
  private view: TimelineView | undefined;
  private clocks: readonly Clock[] = ['JST'];
  private items: ReadingItem[] = [];
  /** Item index of each event position (-1: filtered out). */
  private itemOfPosition = new Int32Array(0);
  /** Positions shown, in order (what arrow keys step through). */
  private shown: number[] = [];
  private heights = new Float64Array(0);
  /** tops[i]: where item i starts; tops[items.length]: the total height. */
  private tops = new Float64Array(1);
  private readonly painted = new Map<number, HTMLElement>();
  private selected = -1;
  private measuredWidth = -1;
  /** The text column's width for estimates, read once per layout rather than per event. */
  private textWidth = 120;
  /** Event indexes (file order) whose long text the reader expanded. */
  private readonly expanded = new Set<number>();

  constructor(private readonly viewport: HTMLElement, private readonly labels: TimelineLabels, private readonly handlers: EventHandlers) {
    this.canvas = h('div', { className: 'canvas reading' });
    this.empty = h('p', { className: 'empty', text: labels.noReadableTime });
    this.empty.hidden = true;
    this.canvas.append(this.empty);
  }

  /** New model, clocks, mode or zoom: new items; painted elements are dropped (their text may have changed). */
  setView(view: TimelineView, clocks: readonly Clock[], mode: PreviewMode, zoom: number, filter: EventFilter = NO_FILTER): void {
    this.view = view;
    this.clocks = clocks;
    const include = (position: number) => {
      const event = view.events[position];
      return !filter.hiddenKinds.has(event.kind) && (!filter.query || event.text.toLowerCase().includes(filter.query));
    };
    this.items = readingItems(view, clocks, readingOptions(mode, zoom), include);
    const n = this.items.length;
    this.itemOfPosition = new Int32Array(view.events.length).fill(-1);
    this.shown = [];
    this.items.forEach((item, i) => {
      if (item.type !== 'event') return;
      this.itemOfPosition[item.position] = i;
      this.shown.push(item.position);
    });
    this.heights = new Float64Array(n);
    this.textWidth = Math.max(120, this.viewport.clientWidth - 64);
    for (let i = 0; i < n; i++) this.heights[i] = this.estimate(i);
    this.empty.textContent = view.events.length ? this.labels.noMatch : this.labels.noReadableTime;
    this.empty.hidden = this.shown.length > 0;
    this.clear();
    this.recomputeTops();
  }

  setSelected(position: number): void {
    this.selected = position;
    for (const [i, element] of this.painted) {
      const item = this.items[i];
      if (item.type !== 'event') continue;
      element.classList.toggle('selected', item.position === position);
      element.setAttribute('aria-selected', String(item.position === position));
    }
  }

  /** The viewport's width changed: the text wraps differently, so measured heights are void. */
  resize(): void {
    const width = this.viewport.clientWidth;
    if (width === this.measuredWidth) return;
    this.measuredWidth = width;
    this.textWidth = Math.max(120, width - 64);
    for (let i = 0; i < this.items.length; i++) this.heights[i] = this.estimate(i);
    this.clear();
    this.recomputeTops();
  }

  isShown(position: number): boolean {
    return this.itemOfPosition[position] >= 0;
  }

  /** The shown event nearest in time to `epochMs`. */
  nearestShown(epochMs: number): number | undefined {
    let best: number | undefined;
    for (const position of this.shown) {
      if (best === undefined || Math.abs(this.view!.events[position].epochMs - epochMs) < Math.abs(this.view!.events[best].epochMs - epochMs)) best = position;
    }
    return best;
  }

  /** The times of the first and last events on screen (undefined when none is). */
  visibleTimes(): { fromMs: number; toMs: number } | undefined {
    const vp = this.viewport;
    const first = this.positionAt(vp.scrollTop);
    if (first < 0 || !this.view) return undefined;
    const below = this.positionAt(vp.scrollTop + vp.clientHeight);
    const last = below < 0 ? this.lastShown! : this.step(below, -1)!;
    return { fromMs: this.view.events[first].epochMs, toMs: this.view.events[Math.max(first, last)].epochMs };
  }

  /** How many events the filter lets through. */
  get shownCount(): number {
    return this.shown.length;
  }

  /** The shown event `step` places after (or before) `position`; the first shown one from none. */
  step(position: number, step: number): number | undefined {
    if (!this.shown.length) return undefined;
    if (position < 0 || this.itemOfPosition[position] < 0) return this.shown[0];
    const at = this.shown.indexOf(position);
    return this.shown[Math.min(this.shown.length - 1, Math.max(0, at + step))];
  }

  get firstShown(): number | undefined {
    return this.shown[0];
  }

  get lastShown(): number | undefined {
    return this.shown[this.shown.length - 1];
  }

  /** Where event `position` starts (below its proportional space) and ends, in canvas px; undefined when filtered out. */
  boundsOf(position: number): { top: number; bottom: number } | undefined {
    const i = this.itemOfPosition[position];
    if (i === undefined || i < 0) return undefined;
    const item = this.items[i];
    const space = item?.type === 'event' ? item.space : 0;
    return { top: this.tops[i] + space, bottom: this.tops[i + 1] };
  }

  /** The first event at or below canvas y (-1 when none is). */
  positionAt(y: number): number {
    if (y >= this.tops[this.items.length]) return -1;
    for (let i = itemAt(this.tops, this.items.length, y); i < this.items.length; i++) {
      const item = this.items[i];
      if (item.type === 'event') return item.position;
    }
    return -1;
  }

  /** Scrolls so the event is in view, if it is not; `center` puts it at a third of the height. */
  reveal(position: number, center = false): void {
    if (!this.view || position < 0 || position >= this.view.events.length || this.itemOfPosition[position] < 0) return;
    const vp = this.viewport;
    const { top, bottom } = this.boundsOf(position)!;
    if (center || top < vp.scrollTop || bottom > vp.scrollTop + vp.clientHeight) {
      vp.scrollTop = Math.max(0, top - vp.clientHeight / 3);
    }
  }

  /** Scrolls to the day heading of `date` ("2019-11-19"). */
  revealDay(date: string): void {
    const i = this.items.findIndex((item) => item.type === 'day' && item.date === date);
    if (i >= 0) this.viewport.scrollTop = this.tops[i];
  }

  /** The days in the layout, in order. */
  get days(): string[] {
    return this.items.flatMap((item) => (item.type === 'day' ? [item.date] : []));
  }

  /** Puts the visible slice of items into the DOM, measures what is new and settles their tops. */
  paint(): void {
    if (!this.view) return;
    // Measuring may change heights, which moves the slice: settle in a few rounds at most.
    for (let round = 0; round < 3; round++) {
      if (!this.paintSlice()) break;
    }
  }

  private paintSlice(): boolean {
    const view = this.view;
    if (!view) return false;
    const vp = this.viewport;
    const n = this.items.length;
    const from = itemAt(this.tops, n, vp.scrollTop - OVERSCAN);
    const to = Math.min(n, itemAt(this.tops, n, vp.scrollTop + vp.clientHeight + OVERSCAN) + 1);
    for (const [i, element] of this.painted) {
      if (i < from || i >= to) {
        element.remove();
        this.painted.delete(i);
      }
    }
    const added: number[] = [];
    const fragment = document.createDocumentFragment();
    for (let i = from; i < to; i++) {
      if (this.painted.has(i)) continue;
      const element = this.itemElement(view, i);
      element.style.top = `${this.tops[i]}px`;
      this.painted.set(i, element);
      fragment.appendChild(element);
      added.push(i);
    }
    this.canvas.appendChild(fragment);
    let changed = false;
    // The first item at the viewport's top stays put while heights above it settle.
    const anchor = itemAt(this.tops, n, vp.scrollTop);
    const anchorOffset = vp.scrollTop - this.tops[anchor];
    for (const i of added) {
      const height = this.painted.get(i)!.offsetHeight;
      if (Math.abs(height - this.heights[i]) > 0.5) {
        this.heights[i] = height;
        changed = true;
      }
    }
    if (!changed) return false;
    this.recomputeTops();
    for (const [i, element] of this.painted) element.style.top = `${this.tops[i]}px`;
    if (vp.scrollTop > 0) vp.scrollTop = this.tops[anchor] + anchorOffset;
    return true;
  }

  private clear(): void {
    for (const element of this.painted.values()) element.remove();
    this.painted.clear();
  }

  private recomputeTops(): void {
    const n = this.items.length;
    if (this.tops.length !== n + 1) this.tops = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) this.tops[i + 1] = this.tops[i] + this.heights[i];
    this.canvas.style.height = `${this.tops[n] + 12}px`;
  }

  /** A guess at an item's height before it is painted: lines of text from its length and the width. */
  private estimate(i: number): number {
    const item = this.items[i];
    if (item.type === 'day') return DAY_HEIGHT;
    if (item.type === 'gap') return GAP_HEIGHT;
    const event = this.view!.events[item.position];
    const shown = this.isCut(event.index, event.text) ? LONG_TEXT_SHOWN + 12 : event.text.length;
    const lines = Math.max(1, Math.ceil((shown * 7) / this.textWidth));
    // An update's facts take a line under its text.
    const update = updateSeries(this.view!).byIndex.get(event.index);
    const facts = update && (update.postedMs !== undefined || update.late || update.nextUpdateMs !== undefined || update.components?.length) ? 1 : 0;
    return item.space + 10 + LINE_HEIGHT * (1 + lines + facts);
  }

  private isCut(index: number, text: string): boolean {
    return text.length >= LONG_TEXT && !this.expanded.has(index);
  }

  private itemElement(view: TimelineView, i: number): HTMLElement {
    const item = this.items[i];
    if (item.type === 'day') return h('h2', { className: 'item day', text: item.date });
    if (item.type === 'gap') {
      return h('div', { className: 'item gap', attrs: { 'aria-hidden': 'true' } }, h('span', { text: `… ${item.duration} …` }));
    }
    const pos = item.position;
    const event = view.events[pos];
    const selected = pos === this.selected;
    const update = updateParts(view, event.index, this.clocks, this.labels);
    const element = h('div', {
      className: `item event kind-${event.kind}${selected ? ' selected' : ''}`,
      attrs: {
        role: 'option', id: `event-${event.index}`, 'aria-selected': String(selected), 'aria-label': update.spoken ? `${eventLabel(event, this.clocks, this.labels)}; ${update.spoken}` : eventLabel(event, this.clocks, this.labels),
        title: eventTooltip(event, this.clocks, view.extraZones, this.labels), 'data-index': String(event.index),
      },
    });
    if (item.space) element.style.borderTopWidth = `${item.space}px`;
    const when = h('div', { className: 'when' },
      shapeSvg(event.kind, KIND_STYLES[event.kind].path),
      h('span', { className: event.approx ? 'time approx' : 'time', text: eventTimeText(event, this.clocks, false, this.labels) }));
    // A date alone has no offset to show; it says instead that the source gave no time.
    if (event.day) when.append(h('span', { className: 'no-clock', text: this.labels.timeNotGiven }));
    else if (event.offset) when.append(h('span', { className: 'offset', text: event.offset }));
    when.append(h('span', { className: 'kind', text: this.labels.kinds[event.kind] }));
    if (update.status) when.append(update.status);
    const cut = this.isCut(event.index, event.text);
    const text = h('div', { className: 'text', text: cut ? `${event.text.slice(0, LONG_TEXT_SHOWN)}…` : event.text });
    element.append(when, text);
    if (update.facts) element.append(update.facts);
    if (cut) {
      const more = h('button', { className: 'more', text: this.labels.showWholeText });
      more.addEventListener('click', (e) => {
        e.stopPropagation();
        this.expanded.add(event.index);
        this.remeasure(i);
      });
      element.appendChild(more);
    }
    element.addEventListener('click', () => this.handlers.select(pos, true));
    return element;
  }

  /** Item i's content changed (expanded): paint it again and let paint measure it. */
  private remeasure(i: number): void {
    this.painted.get(i)?.remove();
    this.painted.delete(i);
    this.paint();
  }
}
