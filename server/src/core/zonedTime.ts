/**
 * What the reader and the rules need of times in named zones and of dates without a clock:
 * the window of time a side names, how windows agree, and how messages name a zone on a date.
 */
import type { TimeSide, TimeValue } from './model';
import { describeJst, formatDuration, formatInOffset } from '../../../common/time';
import { t } from './l10n';
import { offsetMinutesAt, utcOffsetName, zoneAbbreviation } from '../../../common/zones';

/** When a time may have happened: one instant (`end` = `start`), or a day from `start` up to (not including) `end`. */
export interface TimeWindow {
  readonly start: number;
  readonly end: number;
}

/** The window a side or a time names; undefined when it has no instant. */
export function windowOf(time: Pick<TimeSide, 'epochMs' | 'dayEndMs'> | Pick<TimeValue, 'epochMs' | 'dayEndMs'>): TimeWindow | undefined {
  if (time.epochMs === undefined) return undefined;
  return { start: time.epochMs, end: time.dayEndMs ?? time.epochMs };
}

const isInstant = (w: TimeWindow) => w.start === w.end;

/**
 * What two windows have in common: the instant, when one is an instant the other holds; the
 * overlap of two days; undefined when they cannot name the same time.
 */
export function commonWindow(a: TimeWindow, b: TimeWindow): TimeWindow | undefined {
  if (isInstant(a) && isInstant(b)) return a.start === b.start ? a : undefined;
  if (isInstant(a)) return a.start >= b.start && a.start < b.end ? a : undefined;
  if (isInstant(b)) return b.start >= a.start && b.start < a.end ? b : undefined;
  const start = Math.max(a.start, b.start);
  const end = Math.min(a.end, b.end);
  return start < end ? { start, end } : undefined;
}

/** The latest instant a time may be: the last millisecond of its day for a date. */
export function latestMs(time: TimeValue): number | undefined {
  if (time.epochMs === undefined) return undefined;
  return time.dayEndMs !== undefined ? time.dayEndMs - 1 : time.epochMs;
}

/**
 * An instant as messages name it: in the file's zone (its root `zone`) with that date's
 * abbreviation ("2024-03-29 04:10 PDT"), else in JST ("2019-11-19 10:40 JST"), the display zone of
 * files that name none.
 */
export function describeIn(epochMs: number, zone: string | undefined): string {
  if (zone === undefined) return describeJst(epochMs);
  return `${formatInZoneClock(epochMs, zone, { separator: ' ', offset: false })} ${zoneAbbreviation(zone, epochMs)}`;
}

/**
 * A time as describeIn names it; a date as "2021-06-08 (all day, PDT)" when it is a whole day of
 * the file's zone, else "… to …" (a UTC date in a JST message).
 */
export function describeTimeIn(time: Pick<TimeValue, 'epochMs' | 'dayEndMs'>, zone: string | undefined): string {
  if (time.dayEndMs === undefined) return describeIn(time.epochMs!, zone);
  if (zone !== undefined) {
    const from = formatInZoneClock(time.epochMs!, zone, { separator: ' ', offset: false });
    const to = formatInZoneClock(time.dayEndMs, zone, { separator: ' ', offset: false });
    if (from.endsWith(' 00:00') && to.endsWith(' 00:00') && time.dayEndMs - time.epochMs! <= 25 * 3_600_000) {
      return t('{0} (all day, {1})', from.slice(0, -6), zoneAbbreviation(zone, time.epochMs!));
    }
  }
  return t('{0} to {1}', describeIn(time.epochMs!, zone), describeIn(time.dayEndMs, zone));
}

/** "2019-11-19 10:40 JST", or "2021-06-08 16:00 JST to 2021-06-09 16:00 JST" for a date (its whole day). */
export function describeTimeInJst(time: Pick<TimeValue, 'epochMs' | 'dayEndMs'>): string {
  return time.dayEndMs === undefined ? describeJst(time.epochMs!) : t('{0} to {1}', describeJst(time.epochMs!), describeJst(time.dayEndMs));
}

/** "PST, UTC-8": a zone's abbreviation and offset at an instant, as messages name them. */
export function zoneAt(zone: string, epochMs: number): string {
  const abbreviation = zoneAbbreviation(zone, epochMs);
  const offset = utcOffsetName(offsetMinutesAt(zone, epochMs));
  return abbreviation === offset ? offset : `${abbreviation}, ${offset}`;
}

/** An instant as a zone's wall clock in the format's notation, with or without the offset. */
export function formatInZoneClock(epochMs: number, zone: string, options: { readonly seconds?: boolean; readonly separator?: 'T' | ' '; readonly offset?: boolean } = {}): string {
  return formatInOffset(epochMs, offsetMinutesAt(zone, epochMs), options);
}

/** "1h" between two instants, or undefined where either side is a day (no single difference). */
export function windowDifference(a: TimeWindow, b: TimeWindow): string | undefined {
  return isInstant(a) && isInstant(b) ? formatDuration(Math.abs(a.start - b.start)) : undefined;
}
