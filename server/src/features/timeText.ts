/**
 * How edits write new times. House style, as in the flagship example: a `utc` side ends in Z, a
 * `jst` side has no offset (its key says the zone), seconds only when the source had them.
 */
import { formatInOffset, JST_OFFSET_MINUTES, MINUTE, parseTimeText, type Incident, type TimeSide, type TimeValue } from '../core';

export interface TimeStyle {
  readonly seconds?: boolean;
  readonly separator?: 'T' | ' ';
}

/** The style of an existing time text: its separator and whether it writes seconds. */
export function styleOf(text: string): TimeStyle {
  return { seconds: /\d{2}:\d{2}:\d{2}/.test(text), separator: /\d \d/.test(text) ? ' ' : 'T' };
}

export function utcText(epochMs: number, style: TimeStyle = {}): string {
  return formatInOffset(epochMs, 0, { ...style, offset: true });
}

export function jstText(epochMs: number, style: TimeStyle = {}): string {
  return formatInOffset(epochMs, JST_OFFSET_MINUTES, { ...style, offset: false });
}

/** A whole minute: placeholders built from the clock should not carry seconds. */
export function toMinute(epochMs: number): number {
  return Math.floor(epochMs / MINUTE) * MINUTE;
}

/** The instant a side reads as, when it reads as one and its offset fits its key. */
export function sideInstant(side: TimeSide | undefined): number | undefined {
  return side && !side.wrongOffset ? side.epochMs : undefined;
}

/** The instant of a time value: the agreed pair, or the one readable side of a one-sided pair. */
export function timeInstant(time: TimeValue | undefined): number | undefined {
  if (!time) return undefined;
  if (time.epochMs !== undefined) return time.epochMs;
  if (time.form === 'pair' && (!time.utc || !time.jst)) return sideInstant(time.utc ?? time.jst);
  return undefined;
}

/** Sensible instants for a new start, end or event time, so an inserted placeholder is plausible. */
export function suggestedInstant(incident: Incident | undefined, key: 'start' | 'end' | 'at', now: number, eventIndex?: number): number {
  if (!incident) return toMinute(now);
  const times = incident.timeline.map((e) => timeInstant(e.at)).filter((t): t is number => t !== undefined);
  if (key === 'start') return timeInstant(incident.start) ?? (times.length ? Math.min(...times) : toMinute(now));
  if (key === 'end') {
    const resolved = [...incident.timeline].reverse().find((e) => e.kind?.value === 'resolved' && timeInstant(e.at) !== undefined);
    if (resolved) return timeInstant(resolved.at)!;
    return times.length ? Math.max(...times) : toMinute(now);
  }
  // A new event's time: the event before it, else the start.
  const before = incident.timeline.slice(0, eventIndex ?? incident.timeline.length).map((e) => timeInstant(e.at)).filter((t): t is number => t !== undefined);
  return before.length ? before[before.length - 1] : timeInstant(incident.start) ?? toMinute(now);
}

/** Zone names people write after a time, as offsets. */
const ZONE_WORDS: Readonly<Record<string, string>> = { JST: '+09:00', UTC: 'Z', GMT: 'Z', Z: 'Z' };

/**
 * A time written almost in the format, rewritten in it: slashes or dots in the date, one-digit
 * fields, a T or a space, `+0900` or `+09`, or a zone word (JST, UTC, GMT). Undefined when the
 * text is not such a time or names an impossible date or clock time.
 */
export function normalizeTimeText(text: string): string | undefined {
  const english = fromEnglishDate(text);
  if (english !== undefined) return parseTimeText(english).ok ? english : undefined;
  const m = /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[Tt]|\s+)(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|[+-]\d{2}(?::?\d{2})?|JST|UTC|GMT)?\s*$/i.exec(text);
  if (!m) return undefined;
  const pad = (v: string) => v.padStart(2, '0');
  let offset = '';
  if (m[7]) {
    const word = ZONE_WORDS[m[7].toUpperCase()];
    if (word) offset = word;
    else {
      const digits = m[7].slice(1).replace(':', '');
      offset = `${m[7][0]}${digits.slice(0, 2)}:${digits.slice(2) || '00'}`;
      if (offset === '+00:00' || offset === '-00:00') offset = 'Z';
    }
  }
  const result = `${m[1]}-${pad(m[2])}-${pad(m[3])}T${pad(m[4])}:${m[5]}${m[6] ? `:${m[6]}` : ''}${offset}`;
  return result !== text && parseTimeText(result).ok ? result : undefined;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/**
 * A date as service-health notices write it, "Tuesday, November 19, 2019, 8:50 PM" (the weekday,
 * the comma and a zone word optional), in the format. A weekday that does not fit the date
 * gives undefined: one of the two is wrong and only the writer knows which.
 */
function fromEnglishDate(text: string): string | undefined {
  const m = /^\s*(?:([A-Za-z]+),?\s+)?([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4}),?\s+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?\s*(JST|UTC|GMT)?\s*$/.exec(text);
  if (!m) return undefined;
  const month = MONTHS.findIndex((name) => name.startsWith(m[2].toLowerCase()) && m[2].length >= 3);
  if (month < 0) return undefined;
  let hour = Number(m[5]);
  if (m[8]) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (/^[Pp]/.test(m[8]) ? 12 : 0);
  }
  const year = Number(m[4]);
  const day = Number(m[3]);
  if (m[1]) {
    const weekday = WEEKDAYS.findIndex((name) => name.startsWith(m[1].toLowerCase()) && m[1].length >= 3);
    if (weekday < 0 || new Date(Date.UTC(year, month, day)).getUTCDay() !== weekday) return undefined;
  }
  const pad = (v: number) => String(v).padStart(2, '0');
  const offset = m[9] ? ZONE_WORDS[m[9].toUpperCase()] : '';
  return `${year}-${pad(month + 1)}-${pad(day)}T${pad(hour)}:${m[6]}${m[7] ? `:${m[7]}` : ''}${offset}`;
}
