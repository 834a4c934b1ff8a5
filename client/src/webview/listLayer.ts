/**
 * The compact list mode for long logs: one fixed-height row per event in time order, only the
 * rows inside the viewport in the DOM.
 */
import { KIND_STYLES } from '../../../common/render/kinds';
import type { TimelineLabels } from '../../../common/render/labels';
import { eventLabel, eventTimeText, eventTooltip, type TimelineView } from '../../../common/render/layout';
import type { ZoneMode } from '../../../common/settings';
import { h, shapeSvg } from './dom';
import type { EventHandlers } from './timelineLayer';

export const ROW_HEIGHT = 26;

export class ListLayer {
  readonly canvas: HTMLElement;
  private view: TimelineView | undefined;
  private zone: ZoneMode = 'JST';
  private readonly painted = new Map<number, HTMLElement>();
  private selected = -1;

  constructor(private readonly viewport: HTMLElement, private readonly labels: TimelineLabels, private readonly handlers: EventHandlers) {
    this.canvas = h('div', { className: 'canvas list' });
  }

  setView(view: TimelineView, zone: ZoneMode): void {
    this.view = view;
    this.zone = zone;
    for (const element of this.painted.values()) element.remove();
    this.painted.clear();
    this.canvas.style.height = `${view.events.length * ROW_HEIGHT + 8}px`;
  }

  setSelected(position: number): void {
    this.selected = position;
    for (const [pos, element] of this.painted) {
      element.classList.toggle('selected', pos === position);
      element.setAttribute('aria-selected', String(pos === position));
    }
  }

  reveal(position: number): void {
    const y = position * ROW_HEIGHT;
    const vp = this.viewport;
    if (y < vp.scrollTop || y + ROW_HEIGHT > vp.scrollTop + vp.clientHeight) vp.scrollTop = Math.max(0, y - vp.clientHeight / 3);
  }

  paint(): void {
    const view = this.view;
    if (!view) return;
    const vp = this.viewport;
    const first = Math.max(0, Math.floor(vp.scrollTop / ROW_HEIGHT) - 2);
    const last = Math.min(view.events.length, Math.ceil((vp.scrollTop + vp.clientHeight) / ROW_HEIGHT) + 2);
    for (const [pos, element] of this.painted) {
      if (pos < first || pos >= last) {
        element.remove();
        this.painted.delete(pos);
      }
    }
    const fragment = document.createDocumentFragment();
    for (let pos = first; pos < last; pos++) {
      if (this.painted.has(pos)) continue;
      const event = view.events[pos];
      const label = eventLabel(event, this.zone, this.labels);
      const tooltip = eventTooltip(event, this.zone, view.extraZones, this.labels);
      const row = h('div', {
        className: `row${pos === this.selected ? ' selected' : ''}`,
        attrs: { role: 'option', id: `event-${event.index}`, 'aria-selected': String(pos === this.selected), 'aria-label': label, title: tooltip, 'data-index': String(event.index) },
      },
      h('span', { className: 'time', text: eventTimeText(event.epochMs, this.zone, true) }),
      h('span', { className: 'offset', text: event.offset }),
      h('span', { className: 'kind' }, shapeSvg(event.kind, KIND_STYLES[event.kind].path), document.createTextNode(this.labels.kinds[event.kind])),
      h('span', { className: 'text', text: event.text }));
      row.style.top = `${pos * ROW_HEIGHT}px`;
      row.addEventListener('click', () => this.handlers.select(pos, true));
      this.painted.set(pos, row);
      fragment.appendChild(row);
    }
    this.canvas.appendChild(fragment);
  }
}
