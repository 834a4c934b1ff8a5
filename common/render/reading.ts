/**
 * The reading layout: the timeline as a vertical page, like a status page, that keeps the time
 * geometry. Events come in time order under a heading per day; the space before each event is
 * proportional to the time since the one before, and quiet gaps longer than a few lines' worth
 * are compressed into one marker that says how long they were ("… 6h 10m …"). Pure, so the
 * webview and the HTML export share it.
 */
import { formatDuration, HOUR, JST_OFFSET_MINUTES, MINUTE } from '../time';

const DAY_MS = 24 * HOUR;
import { type Clock, wallText } from './clocks';
import { ENGLISH_LABELS, type TimelineLabels } from './labels';
import { shownTimeText, type PlacedEvent, type TimelineView } from './layout';

export type ReadingItem =
  /** The date (in the primary zone) of the events below it. */
  | { readonly type: 'day'; readonly date: string }
  /** A quiet gap drawn shorter than it was; `duration` says how long it really was. */
  | { readonly type: 'gap'; readonly duration: string }
  /** Event `position` (time order) with `space` px of proportional time above it. */
  | { readonly type: 'event'; readonly position: number; readonly space: number };

export interface ReadingOptions {
  /** Pixels per minute of time between events (0: a plain list, no spacing). */
  readonly pxPerMinute: number;
  /** Gaps that would take more than this many px are compressed into a marker. */
  readonly maxSpacePx: number;
  /** In a plain list, gaps at least this long still get a marker. */
  readonly markGapsFromMs: number;
}

/**
 * At zoom 1 two hours take 72 px and longer gaps become a marker; zooming in stretches time and
 * draws longer gaps to scale (the cap grows faster than the scale: 2h × zoom stays uncompressed).
 */
export const READING_PX_PER_MINUTE = 0.6;
export const READING_MAX_SPACE_PX = 72;

export function readingOptions(mode: 'timeline' | 'list', zoom: number): ReadingOptions {
  return mode === 'list'
    ? { pxPerMinute: 0, maxSpacePx: 0, markGapsFromMs: 2 * 60 * MINUTE }
    : { pxPerMinute: READING_PX_PER_MINUTE * zoom, maxSpacePx: READING_MAX_SPACE_PX * zoom * zoom, markGapsFromMs: Infinity };
}

/**
 * The items in reading order. Day headings follow the first clock's calendar; a date without a
 * clock goes first under its own date's heading, with no proportional space, and gaps are
 * measured between the timed events around it. `include` filters events (kind, search); gaps are
 * then measured between the events shown.
 */
export function readingItems(view: TimelineView, clocks: readonly Clock[], options: ReadingOptions, include: (position: number) => boolean = () => true): ReadingItem[] {
  const items: ReadingItem[] = [];
  const primary = clocks[0];
  const events = view.events;
  // On JST and UTC a day is a whole number of days since the epoch: its date is written once, not per event.
  const fixedOffsetMs = primary === 'JST' ? JST_OFFSET_MINUTES * MINUTE : primary === 'UTC' ? 0 : undefined;
  let cachedDayNumber = NaN;
  let cachedDay = '';
  const dayOf = (event: PlacedEvent): string => {
    if (event.day) return event.day.date;
    if (fixedOffsetMs === undefined) return wallText(event.epochMs, primary).slice(0, 10);
    const dayNumber = Math.floor((event.epochMs + fixedOffsetMs) / DAY_MS);
    if (dayNumber !== cachedDayNumber) {
      cachedDayNumber = dayNumber;
      cachedDay = wallText(event.epochMs, primary).slice(0, 10);
    }
    return cachedDay;
  };
  // Events are in time order, so only dates alone (at the start of their day in their own zone) can be out of place.
  let order: number[] | undefined;
  if (events.some((e) => e.day)) {
    const days = events.map(dayOf);
    order = events.map((_, position) => position).sort((a, b) => (days[a] < days[b] ? -1 : days[a] > days[b] ? 1 : Number(!events[a].day) - Number(!events[b].day) || a - b));
  }
  let previousDay = '';
  let previousMs = NaN;
  for (let i = 0; i < events.length; i++) {
    const position = order ? order[i] : i;
    if (!include(position)) continue;
    const event = events[position];
    const day = dayOf(event);
    let space = 0;
    if (Number.isFinite(previousMs) && !event.day) {
      const gap = event.epochMs - previousMs;
      const px = (gap / MINUTE) * options.pxPerMinute;
      if (px > options.maxSpacePx || gap >= options.markGapsFromMs) items.push({ type: 'gap', duration: formatDuration(gap) });
      else space = px;
    }
    if (day !== previousDay) {
      items.push({ type: 'day', date: day });
      space = 0;
    }
    items.push({ type: 'event', position, space });
    previousDay = day;
    if (!event.day) previousMs = event.epochMs;
  }
  return items;
}

/**
 * The incident window in words, one line per clock: "2019-11-19 10:40–20:50 JST" (the end's
 * date written only when it differs, its zone name only when it differs: "2022-03-12 23:00 PST –
 * 2022-03-13 04:00 PDT"; an open one ends in `ongoing`; a date alone is written as a date),
 * the primary clock first; `undefined` without a start.
 */
export function windowTexts(view: TimelineView, clocks: readonly Clock[], labels: TimelineLabels = ENGLISH_LABELS): string[] | undefined {
  const window = view.window;
  if (!window) return undefined;
  return clocks.map((clock) => {
    const start = shownTimeText(window.start, clock, labels);
    if (window.open || !window.end) return `${start} – ${labels.ongoing}`;
    const end = shownTimeText(window.end, clock, labels);
    const startZone = start.slice(start.lastIndexOf(' '));
    const endZone = end.slice(end.lastIndexOf(' '));
    if (window.start.day || window.end.day || startZone !== endZone) return `${start} – ${end}`;
    const startWall = start.slice(0, -startZone.length);
    const endWall = end.slice(0, -endZone.length);
    const endText = endWall.slice(0, 10) === startWall.slice(0, 10) ? endWall.slice(11) : endWall;
    return `${startWall}–${endText}${startZone}`;
  });
}
