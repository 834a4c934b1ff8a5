/**
 * What the reader and the rules need of times in named zones and of dates without a clock:
 * the window of time a side names, how windows agree, and how messages name a zone on a date.
 */
import type { TimeSide, TimeValue } from './model';
import { formatDuration, formatInOffset } from '../../../common/time';
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

/** The earliest instant a time may be. */
export function earliestMs(time: TimeValue): number | undefined {
  return time.epochMs;
}

/** The latest instant a time may be: the last millisecond of its day for a date. */
export function latestMs(time: TimeValue): number | undefined {
  if (time.epochMs === undefined) return undefined;
  return time.dayEndMs !== undefined ? time.dayEndMs - 1 : time.epochMs;
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
