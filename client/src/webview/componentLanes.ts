/**
 * The preview's half of updates and components (issue 11): a lane per component over the
 * incident's true time (the overview strip's scale, so the two line up), a band per state in the
 * state's colour and pattern, with a legend of the states drawn; clicking a band selects the
 * event whose update set it. And on each update in the reading layout: its status as a chip,
 * when it was posted where that differs, the promised next update, how late it came, the states
 * it gives. Incident text goes in as text only.
 */
import { componentLanes, LANE_STATES, type LaneState } from '../../../common/render/componentLanes';
import { bandText } from '../../../common/render/componentLanesSvg';
import { visibleText } from '../../../common/render/escape';
import { fillIn, type TimelineLabels } from '../../../common/render/labels';
import { eventTimeText, type Clock, type TimelineView } from '../../../common/render/layout';
import { updateSeries } from '../../../common/render/updates';
import { formatDuration } from '../../../common/time';
import { h } from './dom';
import './componentLanes.css';

export class ComponentLanesPanel {
  readonly element: HTMLDetailsElement;
  private readonly summary: HTMLElement;
  private readonly rows: HTMLElement;
  private bands: { element: HTMLElement; index?: number }[] = [];
  /** The bands that are buttons, lane by lane: one tab stop among them all, arrows between them. */
  private buttons: HTMLButtonElement[][] = [];

  /**
   * @param select a click (or Enter) on a band: select the event whose update set it
   * @param hover the pointer entered a band of that event (null: left the lanes), as hovering the event does
   */
  constructor(private readonly labels: TimelineLabels, private readonly select: (index: number) => void, private readonly hover: (index: number | null) => void = () => {}) {
    this.summary = h('summary');
    this.rows = h('div', { className: 'lane-rows', attrs: { role: 'list', 'aria-label': labels.components } });
    this.element = h('details', { className: 'lanes' }, this.summary, this.rows);
    this.element.open = true;
    this.element.hidden = true;
    this.rows.addEventListener('keydown', (e) => this.onKey(e));
    this.rows.addEventListener('mouseover', (e) => {
      const band = (e.target as Element).closest<HTMLElement>('button.band');
      this.hover(band ? Number(band.dataset.index) : null);
    });
    this.rows.addEventListener('mouseleave', () => this.hover(null));
  }

  /** The bands of the event under the pointer (in the reading layout or here) are marked. */
  setHovered(index: number | null): void {
    for (const band of this.bands) band.element.classList.toggle('hovered', index !== null && band.index === index);
  }

  /**
   * A roving tab stop, as in a toolbar: Tab reaches the lanes once (the selected event's band, else
   * the first), Left and Right move along a lane, Home and End to its ends, Up and Down to the band
   * of the next lane nearest in time; Enter or Space selects, as a click does.
   */
  private onKey(e: KeyboardEvent): void {
    const target = e.target as HTMLElement;
    const lane = this.buttons.findIndex((row) => row.includes(target as HTMLButtonElement));
    if (lane < 0) return;
    const row = this.buttons[lane];
    const at = row.indexOf(target as HTMLButtonElement);
    let next: HTMLButtonElement | undefined;
    switch (e.key) {
      case 'ArrowRight': next = row[at + 1]; break;
      case 'ArrowLeft': next = row[at - 1]; break;
      case 'Home': next = row[0]; break;
      case 'End': next = row[row.length - 1]; break;
      case 'ArrowDown':
      case 'ArrowUp': {
        const step = e.key === 'ArrowDown' ? 1 : -1;
        let other = lane + step;
        while (other >= 0 && other < this.buttons.length && this.buttons[other].length === 0) other += step;
        if (other >= 0 && other < this.buttons.length) next = nearestInTime(this.buttons[other], middle(target));
        break;
      }
      default: return;
    }
    e.preventDefault();
    if (next) this.moveTabStop(next, true);
  }

  private moveTabStop(to: HTMLButtonElement, focus: boolean): void {
    for (const row of this.buttons) for (const button of row) button.tabIndex = button === to ? 0 : -1;
    if (focus) to.focus();
  }

  /** New model or zone: the lanes drawn again (a few elements per component). */
  setView(view: TimelineView, clocks: readonly Clock[], selectedIndex: number | undefined): void {
    const { lanes } = componentLanes(view);
    this.element.hidden = lanes.length === 0;
    this.bands = [];
    this.buttons = [];
    if (!lanes.length) {
      this.rows.replaceChildren();
      return;
    }
    const { startMs, endMs } = view.domain;
    const percent = (ms: number) => (Math.min(endMs, Math.max(startMs, ms)) - startMs) / (endMs - startMs) * 100;
    const present = new Set<LaneState>();
    this.rows.replaceChildren(...lanes.map((lane) => {
      const track = h('div', { className: 'track' });
      const buttons: HTMLButtonElement[] = [];
      this.buttons.push(buttons);
      for (const band of lane.bands) {
        present.add(band.state);
        const text = bandText(lane.name, band, clocks, this.labels);
        const attrs: Record<string, string> = { title: text, 'aria-label': text, 'data-state': band.state };
        const element = band.index === undefined
          ? h('span', { className: `band state-${band.state}`, attrs })
          : h('button', { className: `band state-${band.state}`, attrs: { ...attrs, 'data-index': String(band.index) } });
        const left = percent(band.fromMs);
        element.style.left = `${left}%`;
        element.style.width = `${Math.max(0, percent(band.toMs) - left)}%`;
        if (band.index !== undefined) {
          const index = band.index;
          element.addEventListener('click', () => this.select(index));
          (element as HTMLButtonElement).tabIndex = -1;
          buttons.push(element as HTMLButtonElement);
        }
        this.bands.push({ element, ...(band.index !== undefined ? { index: band.index } : {}) });
        track.appendChild(element);
      }
      return h('div', { className: 'lane', attrs: { role: 'listitem' } }, h('span', { className: 'lane-name', text: lane.name }), track);
    }));
    // The summary names the section and is the legend: only the states drawn, each with its swatch.
    this.summary.replaceChildren(h('span', { className: 'lanes-title', text: this.labels.components }),
      ...LANE_STATES.filter((s) => present.has(s)).map((state) => h('span', { className: 'legend-state' },
        h('span', { className: `swatch state-${state}`, attrs: { 'aria-hidden': 'true' } }), h('span', { text: this.labels.componentStates[state] }))));
    this.setSelected(selectedIndex);
  }

  /** The bands the selected event set are marked, and the tab stop moves to the first of them (else stays, else the first band). */
  setSelected(index: number | undefined): void {
    for (const band of this.bands) band.element.classList.toggle('selected', index !== undefined && band.index === index);
    const all = this.buttons.flat();
    const selected = index === undefined ? undefined : all.find((b) => b.dataset.index === String(index));
    const current = all.find((b) => b.tabIndex === 0);
    const stop = selected ?? current ?? all[0];
    if (stop && stop !== current) this.moveTabStop(stop, false);
  }
}

/** A band's middle, as a percentage of its track. */
function middle(band: HTMLElement): number {
  return parseFloat(band.style.left) + parseFloat(band.style.width) / 2;
}

function nearestInTime(row: readonly HTMLButtonElement[], at: number): HTMLButtonElement | undefined {
  let best: HTMLButtonElement | undefined;
  for (const band of row) if (!best || Math.abs(middle(band) - at) < Math.abs(middle(best) - at)) best = band;
  return best;
}

/** The theme colour of each state in the overview strip, where rows are too thin for patterns. */
const STRIP_COLORS: Readonly<Record<LaneState, readonly [string, string]>> = {
  'operational': ['--vscode-charts-green', '#388a34'],
  'degraded': ['--vscode-charts-yellow', '#bf8803'],
  'partial-outage': ['--vscode-charts-orange', '#d18616'],
  'major-outage': ['--vscode-charts-red', '#e51400'],
  'maintenance': ['--vscode-charts-blue', '#1a85ff'],
  'unstated': ['--vscode-descriptionForeground', '#717171'],
};

/** One row per component under the overview strip's density bars: 4 px each up to eight, then thinner so the strip stays under 40 px. */
function stripRow(view: TimelineView): number {
  const count = componentLanes(view).lanes.length;
  return count <= 8 ? 4 : Math.max(1, Math.floor(36 / count));
}

/** The height the overview strip adds for the lanes (0 without components). */
export function stripLanesHeight(view: TimelineView): number {
  const count = componentLanes(view).lanes.length;
  return count ? count * stripRow(view) + 2 : 0;
}

/**
 * The lanes on the overview strip, from `top`: each band in its state's colour (operational a
 * thinner line, unstated an outline), on the strip's own time scale `x`.
 */
export function drawStripLanes(ctx: CanvasRenderingContext2D, view: TimelineView, x: (epochMs: number) => number, top: number, color: (name: string, fallback: string) => string): void {
  const row = stripRow(view);
  componentLanes(view).lanes.forEach((lane, i) => {
    const y = top + 2 + i * row;
    for (const band of lane.bands) {
      const [name, fallback] = STRIP_COLORS[band.state];
      const x0 = x(band.fromMs);
      const width = Math.max(1, x(band.toMs) - x0);
      if (band.state === 'unstated') {
        ctx.strokeStyle = color(name, fallback);
        ctx.lineWidth = 1;
        ctx.strokeRect(x0 + 0.5, y + 0.5, Math.max(0, width - 1), row - 2);
        continue;
      }
      ctx.fillStyle = color(name, fallback);
      if (band.state === 'operational') ctx.fillRect(x0, y + (row - 1) / 2 - 0.5, width, 1);
      else ctx.fillRect(x0, y, width, row - 1);
    }
  });
}

/** What an update adds to its event in the reading layout. */
export interface UpdateParts {
  /** The status chip, for the time row. */
  readonly status?: HTMLElement;
  /** Posted, promise, lateness and states, under the text. */
  readonly facts?: HTMLElement;
  /** All of it in words, for the event's spoken label. */
  readonly spoken: string;
}

/** The parts of the event at file index `index`; nothing for an event that is not an update. */
export function updateParts(view: TimelineView, index: number, clocks: readonly Clock[], labels: TimelineLabels): UpdateParts {
  const facts = updateSeries(view).byIndex.get(index);
  if (!facts) return { spoken: '' };
  const time = (ms: number) => eventTimeText({ epochMs: ms }, clocks, view.multiDay, labels);
  const words: string[] = [];
  let status: HTMLElement | undefined;
  if (facts.status !== undefined) {
    status = h('span', { className: `update-status status-${facts.status}`, text: labels.statuses[facts.status], attrs: { title: labels.updateStatus } });
    words.push(labels.statuses[facts.status]);
  }
  const parts: HTMLElement[] = [];
  const add = (className: string, text: string, title?: string) => {
    parts.push(h('span', { className, text, ...(title ? { attrs: { title } } : {}) }));
    words.push(text);
  };
  if (facts.postedMs !== undefined) add('posted', fillIn(labels.postedAt, time(facts.postedMs)));
  if (facts.late) add('late', fillIn(labels.lateBy, formatDuration(facts.late.byMs)), fillIn(labels.promisedBy, time(facts.late.promisedMs)));
  if (facts.nextUpdateMs !== undefined) add('next-update', fillIn(labels.nextUpdateBy, time(facts.nextUpdateMs)));
  for (const c of facts.components ?? []) {
    const name = visibleText(c.name);
    const text = c.state !== undefined ? `${name}: ${labels.componentStates[c.state]}` : name;
    const chip = h('span', { className: 'component' }, ...(c.state !== undefined ? [h('span', { className: `swatch state-${c.state}`, attrs: { 'aria-hidden': 'true' } })] : []), h('span', { text }));
    parts.push(chip);
    words.push(text);
  }
  return {
    ...(status ? { status } : {}),
    ...(parts.length ? { facts: h('div', { className: 'update-facts' }, ...parts) } : {}),
    spoken: words.join(', '),
  };
}
