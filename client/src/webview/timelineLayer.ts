/**
 * The time-axis view: the incident window as a band, each event a marker at its true x with its
 * label in a lane. Only what is inside the viewport is in the DOM (10,000 events stay smooth):
 * x positions and lanes are plain arrays, recomputed on zoom or resize; painting creates and
 * removes elements for the visible slice.
 */
import { KIND_STYLES } from '../../../common/render/kinds';
import {
  assignLanes, axisTicks, eventLabel, eventTimeText, eventTooltip, timeScale, type TimeScale, type TimelineView,
} from '../../../common/render/layout';
import type { ZoneMode } from '../../../common/settings';
import type { TimelineLabels } from '../../../common/render/labels';
import { h, shapeSvg } from './dom';

export const LANE_HEIGHT = 40;
export const AXIS_HEIGHT = 46;
/** Labels are 230 px wide, narrower in narrow panels so the axis keeps room. */
const MAX_LABEL_WIDTH = 230;
const MIN_LABEL_WIDTH = 140;
/** Lanes leave a small gap between one label and the next. */
const LANE_GAP = 8;
/** About one axis tick per this many pixels. */
const TICK_SPACING = 80;
const PAD_LEFT = 20;
const FIRST_LANE_TOP = AXIS_HEIGHT + 14;

export interface EventHandlers {
  select(position: number, reveal: boolean): void;
}

/** First i with xs[i] >= x. */
export function lowerBound(xs: Float64Array, x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class TimelineLayer {
  readonly canvas: HTMLElement;
  private readonly axis: HTMLElement;
  private readonly band: HTMLElement;
  private readonly empty: HTMLElement;
  private view: TimelineView | undefined;
  private zone: ZoneMode = 'JST';
  private scale: TimeScale = timeScale(0, 1);
  private xs = new Float64Array(0);
  private lanes: Int32Array = new Int32Array(0);
  private laneCount = 0;
  private width = 0;
  private readonly painted = new Map<number, HTMLElement>();
  private selected = -1;
  private labelWidth = MAX_LABEL_WIDTH;

  constructor(private readonly viewport: HTMLElement, private readonly labels: TimelineLabels, private readonly handlers: EventHandlers) {
    this.canvas = h('div', { className: 'canvas timeline' });
    this.axis = h('div', { className: 'axis', attrs: { 'aria-hidden': 'true' } });
    this.band = h('div', { className: 'band', attrs: { title: labels.incidentWindow } });
    this.empty = h('p', { className: 'empty', text: labels.noReadableTime });
    this.empty.hidden = true;
    this.canvas.append(this.axis, this.band, this.empty);
  }

  /** New model or zone: forget painted elements (their text may have changed). */
  setView(view: TimelineView, zone: ZoneMode): void {
    this.view = view;
    this.zone = zone;
    this.clear();
    this.empty.hidden = view.events.length > 0;
  }

  setSelected(position: number): void {
    this.selected = position;
    for (const [pos, element] of this.painted) {
      element.classList.toggle('selected', pos === position);
      element.setAttribute('aria-selected', String(pos === position));
    }
  }

  private clear(): void {
    for (const element of this.painted.values()) element.remove();
    this.painted.clear();
  }

  /** The plot width at zoom 1: the whole timeline fits the viewport. */
  fitWidth(): number {
    return Math.max(120, this.viewport.clientWidth - PAD_LEFT - this.labelWidth - 8);
  }

  /** Recomputes positions and lanes for a zoom level; returns the time → x scale. */
  layout(zoom: number): TimeScale {
    const view = this.view;
    if (!view) return this.scale;
    this.labelWidth = Math.round(Math.min(MAX_LABEL_WIDTH, Math.max(MIN_LABEL_WIDTH, this.viewport.clientWidth * 0.4)));
    this.canvas.style.setProperty('--label-width', `${this.labelWidth}px`);
    const plotWidth = this.fitWidth() * zoom;
    const { startMs, endMs } = view.domain;
    this.scale = timeScale(startMs, plotWidth / (endMs - startMs), PAD_LEFT);
    const n = view.events.length;
    if (this.xs.length !== n) this.xs = new Float64Array(n);
    for (let i = 0; i < n; i++) this.xs[i] = this.scale.x(view.events[i].epochMs);
    const { lanes, laneCount } = assignLanes(this.xs, this.labelWidth + LANE_GAP);
    this.lanes = lanes;
    this.laneCount = laneCount;
    this.width = PAD_LEFT + plotWidth + this.labelWidth + 8;
    this.canvas.style.width = `${this.width}px`;
    this.canvas.style.height = `${FIRST_LANE_TOP + Math.max(1, laneCount) * LANE_HEIGHT + 8}px`;
    this.axis.style.width = `${this.width}px`;
    if (view.window) {
      const x0 = this.scale.x(view.window.startMs);
      this.band.hidden = false;
      this.band.style.left = `${x0}px`;
      this.band.style.width = `${Math.max(2, this.scale.x(view.window.endMs) - x0)}px`;
      this.band.className = `band ${view.window.open ? 'open' : 'closed'}`;
    } else {
      this.band.hidden = true;
    }
    // Lanes moved: every painted element needs a new top.
    this.clear();
    return this.scale;
  }

  get timeScale(): TimeScale {
    return this.scale;
  }

  /** Where an event sits in the canvas (its marker's left/top). */
  positionOf(position: number): { x: number; y: number } {
    return { x: this.xs[position], y: FIRST_LANE_TOP + this.lanes[position] * LANE_HEIGHT };
  }

  /** Scrolls so the event is in view, if it is not. */
  reveal(position: number): void {
    if (position < 0 || position >= this.xs.length) return;
    const { x, y } = this.positionOf(position);
    const vp = this.viewport;
    if (x < vp.scrollLeft + PAD_LEFT || x + this.labelWidth > vp.scrollLeft + vp.clientWidth) {
      vp.scrollLeft = Math.max(0, x - vp.clientWidth / 3);
    }
    if (y < vp.scrollTop + AXIS_HEIGHT || y + LANE_HEIGHT > vp.scrollTop + vp.clientHeight) {
      vp.scrollTop = Math.max(0, y - AXIS_HEIGHT - vp.clientHeight / 3);
    }
  }

  /** Puts the visible slice of events and ticks into the DOM. */
  paint(): void {
    const view = this.view;
    if (!view) return;
    const vp = this.viewport;
    const left = vp.scrollLeft;
    const right = left + vp.clientWidth;
    const top = vp.scrollTop;
    const bottom = top + vp.clientHeight;

    this.paintAxis(left, right);
    const visible = new Set<number>();
    const from = lowerBound(this.xs, left - this.labelWidth);
    const to = lowerBound(this.xs, right + 1);
    for (let i = from; i < to; i++) {
      const y = FIRST_LANE_TOP + this.lanes[i] * LANE_HEIGHT;
      if (y + LANE_HEIGHT < top + AXIS_HEIGHT || y > bottom) continue;
      visible.add(i);
    }
    for (const [pos, element] of this.painted) {
      if (!visible.has(pos)) {
        element.remove();
        this.painted.delete(pos);
      }
    }
    const fragment = document.createDocumentFragment();
    for (const pos of visible) {
      if (this.painted.has(pos)) continue;
      const element = this.eventElement(view, pos);
      this.painted.set(pos, element);
      fragment.appendChild(element);
    }
    this.canvas.appendChild(fragment);
  }

  private paintAxis(left: number, right: number): void {
    const zones: ('JST' | 'UTC')[] = this.zone === 'both' ? ['JST', 'UTC'] : [this.zone];
    const start = this.scale.time(left);
    const end = this.scale.time(right);
    const children: HTMLElement[] = [];
    zones.forEach((zone, row) => {
      for (const tick of axisTicks(start, end, right - left, zone, TICK_SPACING)) {
        const px = this.scale.x(tick.epochMs);
        // Labels under the zone's name (pinned at the left edge) would be half hidden.
        if (px - left < 40) continue;
        const x = `${px}px`;
        const tickElement = h('span', { className: `tick row-${row}`, text: tick.label });
        tickElement.style.left = x;
        children.push(tickElement);
        if (row === 0) {
          const mark = h('span', { className: 'mark' });
          mark.style.left = x;
          children.push(mark);
        }
      }
      // The zone's name stays at the left edge, over the ticks that scroll under it.
      const zoneElement = h('span', { className: `zone row-${row}`, text: zone });
      zoneElement.style.left = `${left}px`;
      children.push(zoneElement);
    });
    this.axis.replaceChildren(...children);
  }

  private eventElement(view: TimelineView, pos: number): HTMLElement {
    const event = view.events[pos];
    const { x, y } = this.positionOf(pos);
    const label = eventLabel(event, this.zone, this.labels);
    const tooltip = eventTooltip(event, this.zone, view.extraZones, this.labels);
    const element = h('div', {
      className: `event kind-${event.kind}${pos === this.selected ? ' selected' : ''}`,
      attrs: { role: 'option', id: `event-${event.index}`, 'aria-selected': String(pos === this.selected), 'aria-label': label, title: tooltip, 'data-index': String(event.index) },
    });
    element.style.left = `${x}px`;
    element.style.top = `${y}px`;
    const leader = h('span', { className: 'leader' });
    leader.style.height = `${y - AXIS_HEIGHT}px`;
    const line1 = h('span', { className: 'line1' },
      h('span', { className: 'time', text: eventTimeText(event.epochMs, this.zone, view.multiDay) }),
      h('span', { className: 'offset', text: event.offset }));
    element.append(leader, shapeSvg(event.kind, KIND_STYLES[event.kind].path), line1, h('span', { className: 'text', text: event.text }));
    element.addEventListener('click', () => this.handlers.select(pos, true));
    return element;
  }

  get contentWidth(): number {
    return this.width;
  }

  get lanesUsed(): number {
    return this.laneCount;
  }
}
