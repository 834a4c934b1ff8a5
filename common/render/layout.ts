/**
 * The pure half of the renderer: a TimelineModel becomes what every view draws (the webview's
 * DOM, and the HTML / SVG / Markdown exports). No DOM and no Node APIs here, so the same code
 * runs in the webview bundle and in the CLI.
 */
import { scaleUtc } from 'd3-scale';
import type { Range } from 'vscode-languageserver-protocol';
import type { IncidentJson, TimeJson, TimelineModel } from '../protocol';
import { visibleText } from './escape';
import { formatDuration, formatOffsetFrom, HOUR, isKnownTimeZone, JST_OFFSET_MINUTES, MINUTE } from '../time';
import { dayStartMs, formatInZone, instantsOfWall, nextDate, offsetMinutesAt } from '../zones';
import { clockOf, displayClocks, wallText, zoneLabel, type Clock, type DisplayZone } from './clocks';
import { kindName, type KindName } from './kinds';
import { ENGLISH_LABELS, fillIn, type FigureKey, type TimelineLabels } from './labels';

export { clockName, fullTimeText, wallText, type Clock, type DisplayZone } from './clocks';

/** A date without a clock ("some time that day"), as the source gave it. */
export interface DayOnly {
  /** "2022-01-16", on its own zone's calendar. */
  readonly date: string;
  /** The zone the date is read in. */
  readonly clock: Clock;
  /** The start of the next day there (epochMs is the start of this one). */
  readonly endMs: number;
}

/** A time as views print it: an instant, perhaps approximate, perhaps only a date. */
export interface ShownTime {
  readonly epochMs: number;
  readonly approx?: boolean;
  readonly day?: DayOnly;
}

/** One event whose time could be read, placed in time. */
export interface PlacedEvent extends ShownTime {
  /** Its position in the file's timeline list (what the editor reveals). */
  readonly index: number;
  /** A date-only event: the start of its day, so it sorts first in that day. */
  readonly epochMs: number;
  readonly kind: KindName;
  readonly text: string;
  /** "+3h 20m" from the incident's start (or the first event when there is no start); '' for a date-only event. */
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
   * "10h 10m"; undefined when the figure is withheld (see `withheld`), so no negative or
   * made-up figure is ever shown: views print the reason instead.
   */
  readonly value: string | undefined;
  /** The value rests on an approximate time or on a date without a clock: views mark it "~". */
  readonly approx?: boolean;
  /**
   * Why there is no value: the file's times contradict it (its time is before the start), or a
   * date without a clock leaves even its order or size open.
   */
  readonly withheld?: 'order' | 'no-clock';
}

/** What a view prints for a figure: its value ("about 5d" when approximate), or why there is none. */
export function figureText(figure: DurationFigure, labels: TimelineLabels = ENGLISH_LABELS): string {
  if (figure.value !== undefined) return figure.approx ? fillIn(labels.approxFigure, figure.value) : figure.value;
  return figure.withheld === 'no-clock' ? labels.figureNoClock : labels.figureWithheld[figure.key];
}

export interface TimelineView {
  /** The model, its incident's text with hidden characters made visible (source urls as written, for opening). */
  readonly model: TimelineModel;
  /** Events with readable times, ordered by time, ties by file order. */
  readonly events: readonly PlacedEvent[];
  readonly unreadable: readonly UnreadableEvent[];
  /**
   * The incident window (start to end, or start to the last event while it is open), with the
   * start and end as written (approximate, date only).
   */
  readonly window?: { readonly startMs: number; readonly endMs: number; readonly open: boolean; readonly start: ShownTime; readonly end?: ShownTime };
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

const DAY = 24 * HOUR;

/** A protocol time as views print it; undefined when it could not be read. */
function shownTime(time: TimeJson | undefined): ShownTime | undefined {
  const epochMs = epochOf(time?.utc);
  if (time === undefined || epochMs === undefined) return undefined;
  // Every shown time has the same three properties, so the keystroke path's loops stay monomorphic.
  const approx = time.approx === true ? true : undefined;
  if (time.precision !== 'day') return { epochMs, approx, day: undefined };
  // Without a zone (an older server), the day is the one that starts at that instant.
  const clock = time.zone ? clockOf(time.zone) : wallText(epochMs, 'JST').endsWith('00:00') ? 'JST' : 'UTC';
  const date = wallText(epochMs, clock).slice(0, 10);
  // The next day's start: 24 h later, or 23 or 25 across a daylight-saving change.
  const endMs = dayStartMs(nextDate(date), clock === 'JST' ? 'Asia/Tokyo' : clock) ?? epochMs + DAY;
  return { epochMs, approx, day: { date, clock, endMs } };
}

/**
 * The time from one shown time to another. A date without a clock stands for its whole day, so
 * the figure is a range: shown rounded to days and marked approximate when the day is small
 * next to it, withheld when the order or the size is open; an approximate time marks it too.
 */
function durationFigure(key: FigureKey, from: ShownTime, to: ShownTime): DurationFigure {
  const approx = from.approx === true || to.approx === true;
  if (!from.day && !to.day) {
    const ms = to.epochMs - from.epochMs;
    if (ms < 0) return { key, value: undefined, withheld: 'order' };
    return approx ? { key, value: formatDuration(ms), approx } : { key, value: formatDuration(ms) };
  }
  const least = to.epochMs - (from.day?.endMs ?? from.epochMs);
  const most = (to.day?.endMs ?? to.epochMs) - from.epochMs;
  if (most <= 0) return { key, value: undefined, withheld: 'order' };
  const middle = (least + most) / 2;
  if (least < 0 || middle < 4 * (most - least)) return { key, value: undefined, withheld: 'no-clock' };
  return { key, value: formatDuration(Math.round(middle / DAY) * DAY), approx: true };
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
  const start = shownTime(model.incident?.start);
  const end = shownTime(model.incident?.end);
  const startMs = start?.epochMs;
  const endMs = end?.epochMs;
  const placed: Omit<PlacedEvent, 'offset'>[] = [];
  const unreadable: UnreadableEvent[] = [];
  for (const event of model.events) {
    const time = shownTime(event.at);
    if (time === undefined) {
      unreadable.push({ index: event.index, text: visibleText(event.text ?? ''), timeText: visibleText(event.at?.text ?? ''), range: event.range });
    } else {
      placed.push({ index: event.index, epochMs: time.epochMs, approx: time.approx, day: time.day, kind: kindName(event.kind), text: visibleText(event.text ?? ''), range: event.range });
    }
  }
  placed.sort((a, b) => a.epochMs - b.epochMs || a.index - b.index);
  // Offsets from a date without a clock would be made up: none then, and "~" from an approximate start.
  const reference = start ?? placed.find((e) => !e.day);
  const events: PlacedEvent[] = placed.map((e) => ({ ...e, offset: offsetText(e, reference) }));

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
  if (start !== undefined) {
    const lastEvent = events[events.length - 1]?.epochMs;
    window = end !== undefined
      ? { startMs: start.epochMs, endMs: end.epochMs, open: false, start, end }
      : { startMs: start.epochMs, endMs: Math.max(start.epochMs, lastEvent ?? start.epochMs), open: true, start };
  }

  const figures: DurationFigure[] = [];
  if (start !== undefined && end !== undefined) figures.push(durationFigure('duration', start, end));
  if (start !== undefined) {
    const first = (kind: KindName) => events.find((e) => e.kind === kind);
    for (const [kind, key] of [['detected', 'timeToDetect'], ['mitigated', 'timeToMitigate'], ['resolved', 'timeToResolve']] as const) {
      const e = first(kind);
      if (e) figures.push(durationFigure(key, start, e));
    }
  }
  const multiDay = dayOf(domain.startMs, JST_OFFSET_MINUTES) !== dayOf(domain.endMs, JST_OFFSET_MINUTES)
    || dayOf(domain.startMs, 0) !== dayOf(domain.endMs, 0);
  return { model, events, unreadable, window, domain, figures, multiDay, extraZones: extraZones.filter(isKnownTimeZone) };
}

/** "+3h 20m" from the reference; "~+3h 20m" when either is approximate; '' when either is a date alone. */
function offsetText(time: ShownTime, reference: ShownTime | undefined): string {
  if (reference === undefined) return formatOffsetFrom(time.epochMs, time.epochMs);
  if (time.day || reference.day) return '';
  const offset = formatOffsetFrom(time.epochMs, reference.epochMs);
  return time.approx || reference.approx ? `~${offset}` : offset;
}

function dayOf(ms: number, offsetMinutes: number): number {
  return Math.floor((ms + offsetMinutes * MINUTE) / (24 * HOUR));
}

/** The clocks of a display choice for this view ('file': the incident's own zone, JST when it has none). */
export function viewClocks(view: TimelineView, zone: DisplayZone): Clock[] {
  return displayClocks(zone, view.model.incident?.zone);
}

/**
 * A time on one clock: "10:40" (with the date, "11-19 10:40"), approximate as the labels'
 * language writes it ("~01:35", "01:35頃"); a date alone is its date on its own calendar.
 */
export function clockText(time: ShownTime, clock: Clock, withDate: boolean, labels: TimelineLabels = ENGLISH_LABELS): string {
  if (time.day) return time.day.date;
  const wall = wallText(time.epochMs, clock);
  const clockPart = time.approx ? fillIn(labels.approxTime, wall.slice(11)) : wall.slice(11);
  return withDate ? `${wall.slice(5, 10)} ${clockPart}` : clockPart;
}

/** "2019-11-19 10:40 JST", "2022-07-02 ~01:35 JST", "2022-01-16 JST" (a date alone, in its own zone). */
export function shownTimeText(time: ShownTime, clock: Clock, labels: TimelineLabels = ENGLISH_LABELS): string {
  if (time.day) return `${time.day.date} ${zoneLabel(time.epochMs, time.day.clock)}`;
  return `${wallText(time.epochMs, clock).slice(0, 10)} ${clockText(time, clock, false, labels)} ${zoneLabel(time.epochMs, clock)}`;
}

/** The time printed on a marker or a list row on the chosen clocks: "10:40 JST · 01:40 UTC"; a date alone once, in its own zone. */
export function eventTimeText(time: ShownTime, clocks: readonly Clock[], withDate: boolean, labels: TimelineLabels = ENGLISH_LABELS): string {
  if (time.day) return `${time.day.date} ${zoneLabel(time.epochMs, time.day.clock)}`;
  return clocks.map((clock) => `${clockText(time, clock, withDate, labels)} ${zoneLabel(time.epochMs, clock)}`).join(' · ');
}

/** The full times on the chosen clocks, ", " between; a date alone says the time was not given. */
function fullTimes(time: ShownTime, clocks: readonly Clock[], labels: TimelineLabels): string {
  if (time.day) return `${shownTimeText(time, clocks[0], labels)} (${labels.timeNotGiven})`;
  return clocks.map((clock) => shownTimeText(time, clock, labels)).join(', ');
}

/** What a screen reader hears for one event. */
export function eventLabel(event: PlacedEvent, clocks: readonly Clock[], labels: TimelineLabels = ENGLISH_LABELS): string {
  const offset = event.offset ? `${event.offset}, ` : '';
  return `${fullTimes(event, clocks, labels)}, ${offset}${labels.kinds[event.kind]}: ${event.text}`;
}

/** The label plus one line per extra zone ("America/New_York: 2019-11-18 20:40-05:00"), for tooltips. */
export function eventTooltip(event: PlacedEvent, clocks: readonly Clock[], extraZones: readonly string[], labels: TimelineLabels = ENGLISH_LABELS): string {
  const extra = event.day ? [] : extraZones.map((zone) => `${zone}: ${formatInZone(event.epochMs, zone).text}`);
  return [eventLabel(event, clocks, labels), ...extra].join('\n');
}

export interface AxisTick {
  readonly epochMs: number;
  readonly label: string;
}

/** The clock's offset at an instant. */
function clockOffsetMinutes(clock: Clock, epochMs: number): number {
  return clock === 'JST' ? JST_OFFSET_MINUTES : clock === 'UTC' ? 0 : offsetMinutesAt(clock, epochMs);
}

/**
 * Ticks for [startMs, endMs] in one zone, about one per `spacingPx`. d3's UTC scale picks nice
 * times on the zone's wall clock between the wall clocks of the two ends; each tick sits at the
 * instant its wall clock names: for JST and UTC a fixed shift; in a zone with daylight saving the
 * offset of that instant, so ticks stay on the hour after a change (the earlier of a repeated
 * hour, none in a skipped one).
 */
export function axisTicks(startMs: number, endMs: number, widthPx: number, zone: Clock, spacingPx = 110): AxisTick[] {
  if (!(endMs > startMs) || !(widthPx > 0)) return [];
  const count = Math.max(2, Math.floor(widthPx / spacingPx));
  if (zone === 'JST' || zone === 'UTC') {
    const shift = clockOffsetMinutes(zone, startMs) * MINUTE;
    const scale = scaleUtc().domain([new Date(startMs + shift), new Date(endMs + shift)]).range([0, widthPx]);
    return scale.ticks(count).map((d) => ({ epochMs: d.getTime() - shift, label: tickLabel(d) }));
  }
  const wall = (ms: number) => ms + offsetMinutesAt(zone, ms) * MINUTE;
  const scale = scaleUtc().domain([new Date(wall(startMs)), new Date(wall(endMs))]).range([0, widthPx]);
  const ticks: AxisTick[] = [];
  for (const d of scale.ticks(count)) {
    const instant = instantsOfWall(d.getTime(), zone)[0];
    if (instant !== undefined && instant >= startMs && instant <= endMs) ticks.push({ epochMs: instant, label: tickLabel(d) });
  }
  return ticks;
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
