/**
 * Times as incident files write them: `YYYY-MM-DDThh:mm[:ss[.fraction]]` with an optional
 * offset (`Z` or `±hh:mm`); one space may stand for the T. Instants are milliseconds since the
 * epoch. Conversions to other zones go through Intl (the platform's ICU time-zone data).
 */

/** JST is UTC+9 all year; Japan has no daylight saving time. */
export const JST_OFFSET_MINUTES = 9 * 60;
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export interface TimeText {
  /** The instant, when the text carries or is given an offset. */
  readonly epochMs: number;
  /** The offset written in the text, in minutes east of UTC; null when none was written. */
  readonly offsetMinutes: number | null;
  /** Wall-clock fields as written. */
  readonly wall: WallClock;
}

export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  /** Whether seconds were written. */
  readonly hasSeconds: boolean;
}

export type TimeTextError =
  | { readonly kind: 'format' }
  | { readonly kind: 'date'; readonly detail: string }
  | { readonly kind: 'clock'; readonly detail: string }
  /** More than three digits after the seconds' point: instants are whole milliseconds. */
  | { readonly kind: 'fraction'; readonly detail: string }
  | { readonly kind: 'offset'; readonly detail: string };

const TIME_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:T| )(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?$/;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Reads a time string. When it has no offset, `assumedOffsetMinutes` (if given) supplies one;
 * otherwise the result's epochMs is computed as if UTC and offsetMinutes is null.
 */
export function parseTimeText(
  text: string,
  assumedOffsetMinutes?: number,
): { ok: true; value: TimeText } | { ok: false; error: TimeTextError } {
  const m = TIME_PATTERN.exec(text);
  if (!m) return { ok: false, error: { kind: 'format' } };
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const hasSeconds = m[6] !== undefined;
  const second = hasSeconds ? Number(m[6]) : 0;
  // Refused rather than truncated: two texts that differ past the millisecond would compare equal.
  if (m[7] && m[7].length > 3) return { ok: false, error: { kind: 'fraction', detail: `.${m[7]}` } };
  const millisecond = m[7] ? Number(m[7].padEnd(3, '0')) : 0;
  if (month < 1 || month > 12) return { ok: false, error: { kind: 'date', detail: `month ${m[2]}` } };
  if (day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, error: { kind: 'date', detail: `${m[1]}-${m[2]} has no day ${m[3]}` } };
  }
  if (hour > 23 || minute > 59 || second > 59) {
    return { ok: false, error: { kind: 'clock', detail: `${m[4]}:${m[5]}${hasSeconds ? ':' + m[6] : ''}` } };
  }
  let offsetMinutes: number | null = null;
  if (m[8] === 'Z') offsetMinutes = 0;
  else if (m[8]) {
    const sign = m[8][0] === '-' ? -1 : 1;
    const oh = Number(m[8].slice(1, 3));
    const om = Number(m[8].slice(4, 6));
    if (oh > 23 || om > 59) return { ok: false, error: { kind: 'offset', detail: m[8] } };
    offsetMinutes = sign * (oh * 60 + om);
  }
  const wall: WallClock = { year, month, day, hour, minute, second, millisecond, hasSeconds };
  const offset = offsetMinutes ?? assumedOffsetMinutes ?? 0;
  return { ok: true, value: { epochMs: wallClockAsUtc(wall) - offset * MINUTE, offsetMinutes, wall } };
}

/**
 * The wall clock read as UTC. Not Date.UTC, which maps years 0-99 to 1900-1999 (and 0000-02-29
 * to 1900-03-01); setUTCFullYear takes the year as given.
 */
function wallClockAsUtc(wall: WallClock): number {
  const date = new Date(0);
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  return date.setUTCHours(wall.hour, wall.minute, wall.second, wall.millisecond);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function formatOffset(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'Z';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export interface FormatOptions {
  /** Write seconds even when they are zero. */
  readonly seconds?: boolean;
  /** Separator between date and clock: 'T' (default) or ' '. */
  readonly separator?: 'T' | ' ';
  /** Append the offset (default true). */
  readonly offset?: boolean;
}

/** Writes an instant in a fixed offset, in the format's own notation. */
export function formatInOffset(epochMs: number, offsetMinutes: number, options: FormatOptions = {}): string {
  const d = new Date(epochMs + offsetMinutes * MINUTE);
  const showSeconds = options.seconds || d.getUTCSeconds() !== 0 || d.getUTCMilliseconds() !== 0;
  let clock = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  if (showSeconds) clock += `:${pad(d.getUTCSeconds())}`;
  if (d.getUTCMilliseconds() !== 0) clock += `.${pad(d.getUTCMilliseconds(), 3)}`;
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const offset = options.offset === false ? '' : formatOffset(offsetMinutes);
  return `${date}${options.separator ?? 'T'}${clock}${offset}`;
}

export const formatUtc = (epochMs: number, options?: FormatOptions): string => formatInOffset(epochMs, 0, options);
export const formatJst = (epochMs: number, options?: FormatOptions): string =>
  formatInOffset(epochMs, JST_OFFSET_MINUTES, options);

/** An ISO 8601 UTC string with milliseconds, as the protocol carries instants. */
export function toIsoUtc(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/**
 * "3h 20m", "2d 1h", "45m 10s"; under a minute exact seconds ("30s", "0.25s", "0s"), so a small
 * difference never reads as none. Negative durations get a minus sign.
 */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  if (Math.abs(ms) < MINUTE) return `${sign}${Math.abs(ms) / 1000}s`;
  let rest = Math.round(Math.abs(ms) / 1000);
  const days = Math.floor(rest / 86400);
  rest -= days * 86400;
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  const seconds = rest - minutes * 60;
  const parts: string[] = [];
  if (days) parts.push(`${days}d`);
  if (hours) parts.push(`${hours}h`);
  if (minutes) parts.push(`${minutes}m`);
  if (seconds && !days) parts.push(`${seconds}s`);
  return sign + parts.join(' ');
}

/** "+3h 20m" relative to a reference instant. */
export function formatOffsetFrom(epochMs: number, referenceMs: number): string {
  const d = epochMs - referenceMs;
  return (d >= 0 ? '+' : '') + formatDuration(d);
}

/** Whether an IANA time zone name is known to this runtime's ICU data. */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** "2019-11-19 10:40 JST": how messages name an instant. */
export function describeJst(epochMs: number): string {
  return `${formatJst(epochMs, { separator: ' ', offset: false })} JST`;
}

/** "2019-11-19 01:40 UTC". */
export function describeUtc(epochMs: number): string {
  return `${formatUtc(epochMs, { separator: ' ', offset: false })} UTC`;
}
