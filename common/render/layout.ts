/**
 * The pure half of the renderer: a TimelineModel becomes what every view draws (the webview's
 * DOM, and the HTML / SVG / Markdown exports). No DOM and no Node APIs here, so the same code
 * runs in the webview bundle and in the CLI.
 */
import { scaleUtc } from 'd3-scale';
import type { Range } from 'vscode-languageserver-protocol';
import type { IncidentJson, TimelineModel } from '../protocol';
import { visibleText } from './escape';
import { formatDuration, formatInOffset, formatInZone, formatOffsetFrom, HOUR, isKnownTimeZone, JST_OFFSET_MINUTES, MINUTE } from '../time';
import { kindName, type KindName } from './kinds';
import { ENGLISH_LABELS, type FigureKey, type TimelineLabels } from './labels';
import type { ZoneMode } from '../settings';


/** One event whose time could be read, placed in time. */
export interface PlacedEvent {
  /** Its position in the file's timeline list (what the editor reveals). */
  readonly index: number;
  readonly epochMs: number;
  readonly kind: KindName;
  readonly text: string;
  /** "+3h 20m" from the incident's start (or the first event when there is no start). */
  readonly offset: string;
  readonly range: Range;
}

/** An event the preview cannot place because its time could not be read. */
export interface UnreadableEvent {
  readonly index: number;
  readonly text: string;
  /** The time as written, or '' when `at` is missing. */
  readonly timeText: string;
  readonly range: Range;
}

export interface DurationFigure {
  /** Which figure; its words come from TimelineLabels.figures. */
  readonly key: FigureKey;
  /**
   * "10h 10m"; undefined when the file's times contradict the figure (its time is before the
   * start), so no negative figure is ever shown: views show TimelineLabels.figureWithheld instead.
   */
  readonly value: string | undefined;
}

/** What a view prints for a figure: its value, or why there is none. */
export function figureText(figure: DurationFigure, labels: TimelineLabels = ENGLISH_LABELS): string {
  return figure.value ?? labels.figureWithheld[figure.key];
}

export interface TimelineView {
  /** The model, its incident's text with hidden characters made visible (source urls as written, for opening). */
  readonly model: TimelineModel;
  /** Events with readable times, ordered by time, ties by file order. */
  readonly events: readonly PlacedEvent[];
  readonly unreadable: readonly UnreadableEvent[];
  /** The incident window (start to end, or start to the last event while it is open). */
  readonly window?: { readonly startMs: number; readonly endMs: number; readonly open: boolean };
  /** The whole time range to draw, padded so markers at the edges stay visible. */
  readonly domain: { readonly startMs: number; readonly endMs: number };
  /** Total duration, time to detect / mitigate / resolve. */
  readonly figures: readonly DurationFigure[];
  /** True when the drawn range spans more than one day, so update notes' times carry dates. */
  readonly multiDay: boolean;
  /** IANA zones (incidentTimeline.extraTimeZones) shown in each event's tooltip; unknown names dropped. */
  readonly extraZones: readonly string[];
}

function epochOf(iso: string | undefined): number | undefined {
  if (iso === undefined) return undefined;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : undefined;
}

const INCIDENT_TEXTS = ['id', 'title', 'status', 'severity', 'service', 'impact', 'cause'] as const;
const INCIDENT_LISTS = ['regions', 'nextSteps', 'tags'] as const;

/** The incident's words as every view shows them: bidi and control characters visible (visibleText). */
function visibleIncident(incident: IncidentJson): IncidentJson {
  const visible: { -readonly [K in keyof IncidentJson]: IncidentJson[K] } = { ...incident };
  for (const key of INCIDENT_TEXTS) {
    const value = incident[key];
    if (value !== undefined) visible[key] = visibleText(value);
  }
  for (const key of INCIDENT_LISTS) {
    const values = incident[key];
    if (values !== undefined) visible[key] = values.map(visibleText);
  }
  if (incident.sources) visible.sources = incident.sources.map((s) => (s.title === undefined ? s : { ...s, title: visibleText(s.title) }));
  return visible;
}

export function buildTimelineView(givenModel: TimelineModel, extraZones: readonly string[] = []): TimelineView {
  const model = givenModel.incident ? { ...givenModel, incident: visibleIncident(givenModel.incident) } : givenModel;
  const startMs = epochOf(model.incident?.start?.utc);
  const endMs = epochOf(model.incident?.end?.utc);
  const placed: Omit<PlacedEvent, 'offset'>[] = [];
  const unreadable: UnreadableEvent[] = [];
  for (const event of model.events) {
    const ms = epochOf(event.at?.utc);
    if (ms === undefined) {
      unreadable.push({ index: event.index, text: visibleText(event.text ?? ''), timeText: visibleText(event.at?.text ?? ''), range: event.range });
    } else {
      placed.push({ index: event.index, epochMs: ms, kind: kindName(event.kind), text: visibleText(event.text ?? ''), range: event.range });
    }
  }
  placed.sort((a, b) => a.epochMs - b.epochMs || a.index - b.index);
  const reference = startMs ?? placed[0]?.epochMs ?? 0;
  const events: PlacedEvent[] = placed.map((e) => ({ ...e, offset: formatOffsetFrom(e.epochMs, reference) }));

  let min = Infinity;
  let max = -Infinity;
  for (const ms of [startMs, endMs, events[0]?.epochMs, events[events.length - 1]?.epochMs]) {
    if (ms === undefined) continue;
    min = Math.min(min, ms);
    max = Math.max(max, ms);
  }
  if (!Number.isFinite(min)) {
    min = Date.UTC(2000, 0, 1);
    max = min + HOUR;
  }
  // A single instant still gets a readable hour around it; otherwise pad by 4% on each side.
  const span = max - min;
  const pad = span === 0 ? 30 * MINUTE : Math.max(span * 0.04, MINUTE);
  const domain = { startMs: min - pad, endMs: max + pad };

  let window: TimelineView['window'];
  if (startMs !== undefined) {
    const lastEvent = events[events.length - 1]?.epochMs;
    window = endMs !== undefined
      ? { startMs, endMs, open: false }
      : { startMs, endMs: Math.max(startMs, lastEvent ?? startMs), open: true };
  }

  const figures: DurationFigure[] = [];
  const figure = (key: FigureKey, fromStartMs: number): DurationFigure => ({ key, value: fromStartMs >= 0 ? formatDuration(fromStartMs) : undefined });
  if (startMs !== undefined && endMs !== undefined) figures.push(figure('duration', endMs - startMs));
  if (startMs !== undefined) {
    const first = (kind: KindName) => events.find((e) => e.kind === kind);
    for (const [kind, key] of [['detected', 'timeToDetect'], ['mitigated', 'timeToMitigate'], ['resolved', 'timeToResolve']] as const) {
      const e = first(kind);
      if (e) figures.push(figure(key, e.epochMs - startMs));
    }
  }
  const multiDay = dayOf(domain.startMs, JST_OFFSET_MINUTES) !== dayOf(domain.endMs, JST_OFFSET_MINUTES)
    || dayOf(domain.startMs, 0) !== dayOf(domain.endMs, 0);
  return { model, events, unreadable, window, domain, figures, multiDay, extraZones: extraZones.filter(isKnownTimeZone) };
}

function dayOf(ms: number, offsetMinutes: number): number {
  return Math.floor((ms + offsetMinutes * MINUTE) / (24 * HOUR));
}

const OFFSETS = { JST: JST_OFFSET_MINUTES, UTC: 0 } as const;

/** "10:40" or "11-19 10:40" in one zone, without the zone name. */
export function clockText(epochMs: number, zone: 'JST' | 'UTC', withDate: boolean): string {
  const full = formatInOffset(epochMs, OFFSETS[zone], { separator: ' ', offset: false });
  return withDate ? full.slice(5) : full.slice(11);
}

/** "2019-11-19 10:40" in one zone (seconds when they are not zero). */
export function wallText(epochMs: number, zone: 'JST' | 'UTC'): string {
  return formatInOffset(epochMs, OFFSETS[zone], { separator: ' ', offset: false });
}

/** "2019-11-19 10:40 JST" */
export function fullTimeText(epochMs: number, zone: 'JST' | 'UTC'): string {
  return `${wallText(epochMs, zone)} ${zone}`;
}

/** The time printed on a marker or a list row in the chosen zone mode. */
export function eventTimeText(epochMs: number, mode: ZoneMode, withDate: boolean): string {
  if (mode === 'both') return `${clockText(epochMs, 'JST', withDate)} JST · ${clockText(epochMs, 'UTC', withDate)} UTC`;
  return `${clockText(epochMs, mode, withDate)} ${mode}`;
}

/** What a screen reader hears for one event. */
export function eventLabel(event: PlacedEvent, mode: ZoneMode, labels: TimelineLabels = ENGLISH_LABELS): string {
  const times = mode === 'both'
    ? `${fullTimeText(event.epochMs, 'JST')}, ${fullTimeText(event.epochMs, 'UTC')}`
    : fullTimeText(event.epochMs, mode);
  return `${times}, ${event.offset}, ${labels.kinds[event.kind]}: ${event.text}`;
}

/** The label plus one line per extra zone ("America/New_York: 2019-11-18 20:40-05:00"), for tooltips. */
export function eventTooltip(event: PlacedEvent, mode: ZoneMode, extraZones: readonly string[], labels: TimelineLabels = ENGLISH_LABELS): string {
  return [eventLabel(event, mode, labels), ...extraZones.map((zone) => `${zone}: ${formatInZone(event.epochMs, zone).text}`)].join('\n');
}

export interface AxisTick {
  readonly epochMs: number;
  readonly label: string;
}

/**
 * Ticks for [startMs, endMs] in one zone, about one per `spacingPx`. d3's UTC scale picks nice
 * instants; for JST the domain is shifted by +9 h first (JST has no daylight saving, so a fixed
 * shift is exact) and the ticks shifted back.
 */
export function axisTicks(startMs: number, endMs: number, widthPx: number, zone: 'JST' | 'UTC', spacingPx = 110): AxisTick[] {
  if (!(endMs > startMs) || !(widthPx > 0)) return [];
  const shift = OFFSETS[zone] * MINUTE;
  const scale = scaleUtc().domain([new Date(startMs + shift), new Date(endMs + shift)]).range([0, widthPx]);
  const count = Math.max(2, Math.floor(widthPx / spacingPx));
  return scale.ticks(count).map((d) => ({ epochMs: d.getTime() - shift, label: tickLabel(d) }));
}

/** 24-hour clocks as incident reports write them; a date ("11-20") at midnight. */
function tickLabel(d: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  if (h === 0 && m === 0 && s === 0) {
    return d.getUTCMonth() === 0 && d.getUTCDate() === 1 ? String(d.getUTCFullYear()) : `${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
  }
  return s ? `${two(h)}:${two(m)}:${two(s)}` : `${two(h)}:${two(m)}`;
}

/** Linear time -> x mapping for one zoom level. */
export interface TimeScale {
  readonly startMs: number;
  readonly pxPerMs: number;
  readonly x: (epochMs: number) => number;
  readonly time: (x: number) => number;
}

export function timeScale(startMs: number, pxPerMs: number, originPx = 0): TimeScale {
  return {
    startMs,
    pxPerMs,
    x: (ms) => originPx + (ms - startMs) * pxPerMs,
    time: (x) => startMs + (x - originPx) / pxPerMs,
  };
}
