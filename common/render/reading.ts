/**
 * The reading layout: the timeline as a vertical page, like a status page, that keeps the time
 * geometry. Events come in time order under a heading per day; the space before each event is
 * proportional to the time since the one before, and quiet gaps longer than a few lines' worth
 * are compressed into one marker that says how long they were ("… 6h 10m …"). Pure, so the
 * webview and the HTML export share it.
 */
import { formatDuration, MINUTE } from '../time';
import { wallText, type TimelineView } from './layout';
import type { ZoneMode } from '../settings';

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

/** The zone whose calendar the day headings follow ('both' reads in JST first). */
export function primaryZone(zone: ZoneMode): 'JST' | 'UTC' {
  return zone === 'both' ? 'JST' : zone;
}

/** `include` filters events (kind, search); gaps are then measured between the events shown. */
export function readingItems(view: TimelineView, zone: ZoneMode, options: ReadingOptions, include: (position: number) => boolean = () => true): ReadingItem[] {
  const items: ReadingItem[] = [];
  const primary = primaryZone(zone);
  let previousDay = '';
  let previousMs = NaN;
  view.events.forEach((event, position) => {
    if (!include(position)) return;
    const day = wallText(event.epochMs, primary).slice(0, 10);
    let space = 0;
    if (Number.isFinite(previousMs)) {
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
    previousMs = event.epochMs;
  });
  return items;
}

/**
 * The incident window in words, one line per zone: "2019-11-19 10:40–20:50 JST" (the end's date
 * written only when it differs; an open one ends in `ongoing`), the primary zone first;
 * `undefined` without a start.
 */
export function windowTexts(view: TimelineView, zone: ZoneMode, ongoing: string): string[] | undefined {
  const window = view.window;
  if (!window) return undefined;
  const zones: ('JST' | 'UTC')[] = zone === 'both' ? ['JST', 'UTC'] : [zone];
  return zones.map((z) => {
    const start = wallText(window.startMs, z);
    if (window.open) return `${start} ${z} – ${ongoing}`;
    const end = wallText(window.endMs, z);
    const endText = end.slice(0, 10) === start.slice(0, 10) ? end.slice(11) : end;
    return `${start}–${endText} ${z}`;
  });
}
