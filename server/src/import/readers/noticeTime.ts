/**
 * Reads the time phrases Microsoft 365 service-health notices write, in English and Japanese:
 * "Tuesday, November 19, 2019, 10:40 AM (1:40 AM UTC)", "Monday, March 30, 2015, at 9:28 AM UTC",
 * "By Friday, January 22, 2016, at 1:00 AM UTC", "2019年11月19日(火) 10:40 (UTC 1:40)",
 * "2018年11月30日(金)12時30分より". The grammar is the notices' own, narrow on purpose: a phrase it
 * does not know is an error with its position, never a guess. The phrase is kept in `written` so
 * the checker can compare it with the time we read.
 */
import { daysInMonth } from '../../../../common/time';
import { t } from '../../core/l10n';
import type { ImportedTime } from '../imported';
import { ZONE_ABBREVIATIONS } from '../zoneWords';

/** A phrase we could not read: what is wrong and where in the phrase (UTF-16 offset). */
export interface TimePhraseError {
  readonly message: string;
  readonly offset: number;
}

/**
 * Zone words beyond the status pages' abbreviations (zoneWords.ts): the generic US names and the
 * Japanese words, which name a zone but no fixed offset.
 */
const ZONE_NAMES: Readonly<Record<string, string>> = {
  PT: 'America/Los_Angeles',
  ET: 'America/New_York',
  CT: 'America/Chicago',
  MT: 'America/Denver',
  JST: 'Asia/Tokyo',
  日本時間: 'Asia/Tokyo',
  // tz's old names, as Google Cloud writes them ("2025-10-29 10:00 US/Pacific").
  'US/Pacific': 'America/Los_Angeles',
  'US/Eastern': 'America/New_York',
  'US/Central': 'America/Chicago',
  'US/Mountain': 'America/Denver',
};
const UTC_WORDS = new Set(['Z', '協定世界時']);

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY_EN = /(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?\s*,?\s*/iy;
const WEEKDAY_JA = /\s*[(（]?\s*[日月火水木金土](?:曜日?)?\s*[)）]?\s*[,、]?/y;
const APPROX_BEFORE = /(?:approximately|approx\.?|about|around|circa|~|約|およそ)\s*/iy;
const APPROX_AFTER = /\s*(?:頃|ごろ|くらい)/y;
const BY = /by\s+/iy;
const DATE_FORMS: readonly { readonly pattern: RegExp; readonly fields: (m: RegExpExecArray) => [string, string, string] }[] = [
  { pattern: new RegExp(`${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*,?\\s*(\\d{4})`, 'iy'), fields: (m) => [m[3]!, m[1]!, m[2]!] },
  { pattern: new RegExp(`(\\d{1,2})\\s+${MONTH}\\s*,?\\s*(\\d{4})`, 'iy'), fields: (m) => [m[3]!, m[2]!, m[1]!] },
  { pattern: /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/y, fields: (m) => [m[1]!, m[2]!, m[3]!] },
  { pattern: /(\d{4})[-/](\d{1,2})[-/](\d{1,2})/y, fields: (m) => [m[1]!, m[2]!, m[3]!] },
];
const DATE_CLOCK_GAP = /\s*[,、]?\s*(?:at\s+)?/iy;
const MERIDIEM_BEFORE = /(午前|午後|AM|PM)\s*/iy;
const CLOCK = /(\d{1,2})(?::(\d{2})(?::(\d{2}))?|\s*時(?:\s*(\d{1,2})\s*分)?)/y;
const MERIDIEM_AFTER = /\s*([AaPp])\.?\s*[Mm]\.?(?![A-Za-z])/y;
/** A zone word, optionally with an offset ("UTC+9", "GMT+09:00"), bare or alone in brackets ("(UTC)"). */
const ZONE_WORD = '(UTC|GMT|Z|協定世界時|日本時間|US/(?:Pacific|Eastern|Central|Mountain)|[A-Z]{2,4})(?:\\s*([+\\-−])\\s*(\\d{1,2})(?::?(\\d{2}))?)?';
const ZONE_FORMS = [new RegExp(`\\s*[(（]\\s*${ZONE_WORD}\\s*[)）]`, 'y'), new RegExp(`\\s*${ZONE_WORD}`, 'y')];
const CLOCK_AHEAD = /\s*(?:午前|午後|AM|PM)?\s*\d/iy;
const OPEN = /\s*[(（]\s*/y;
const CLOSE = /\s*[)）]/y;
const TRAILING = /\s*(?:より|から|まで|以降|[.。])/y;
const SPACE = /\s*/y;

interface Clock {
  readonly hour: number;
  readonly minute: number;
  readonly second?: number;
}

/** A zone word read: a fixed offset ("UTC+9", "PST"), a zone ("PT", "JST"), or both. */
interface ZoneRead {
  readonly offsetMinutes?: number;
  readonly zone?: string;
}

class PhraseCursor {
  pos = 0;
  constructor(readonly text: string) {}

  take(pattern: RegExp): RegExpExecArray | undefined {
    pattern.lastIndex = this.pos;
    const m = pattern.exec(this.text);
    if (!m) return undefined;
    this.pos = pattern.lastIndex;
    return m;
  }

  lookingAt(pattern: RegExp): boolean {
    pattern.lastIndex = this.pos;
    return pattern.test(this.text);
  }

  /** Tries `read`; puts the cursor back when it yields nothing. */
  attempt<T>(read: () => T | undefined): T | undefined {
    const at = this.pos;
    const value = read();
    if (value === undefined) this.pos = at;
    return value;
  }
}

class PhraseFailure extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

/**
 * Reads one time phrase. `defaultZone` is the zone of a phrase that names none (Japanese
 * admin-center text gives Japan's clock without saying so); without it such a phrase is an error.
 */
export function readNoticeTime(phrase: string, defaultZone?: string): ImportedTime | TimePhraseError {
  try {
    return readPhrase(phrase, defaultZone);
  } catch (error) {
    if (error instanceof PhraseFailure) return { message: error.message, offset: error.offset };
    throw error;
  }
}

export function isTimePhraseError(value: ImportedTime | TimePhraseError): value is TimePhraseError {
  return 'message' in value;
}

function readPhrase(phrase: string, defaultZone: string | undefined): ImportedTime {
  const written = phrase.trim();
  const cursor = new PhraseCursor(written);
  let approx = cursor.take(APPROX_BEFORE) !== undefined;
  cursor.take(BY);
  cursor.take(WEEKDAY_EN);
  const date = readDate(cursor);
  cursor.take(WEEKDAY_JA);
  cursor.take(DATE_CLOCK_GAP);
  if (!cursor.lookingAt(CLOCK_AHEAD)) {
    approx = cursor.take(APPROX_AFTER) !== undefined || approx;
    cursor.take(TRAILING);
    expectEnd(cursor);
    return { date: isoDate(date), written, ...(approx ? { approx } : {}) };
  }
  const clock = readClock(cursor);
  const zone = cursor.attempt(() => readZone(cursor));
  // The twin in brackets: the same instant on the other clock, "(1:40 AM UTC)".
  const twin = cursor.attempt(() => {
    if (!cursor.take(OPEN)) return undefined;
    // "(Tuesday 12:30 AM UTC)": the other clock's day, named when it differs.
    cursor.take(WEEKDAY_EN);
    const before = cursor.attempt(() => readZone(cursor));
    const twinClockAt = cursor.pos;
    const twinClock = readClock(cursor);
    const after = before ?? cursor.attempt(() => readZone(cursor));
    if (!cursor.take(CLOSE)) throw new PhraseFailure(t('Expected `)` to close the time in brackets.'), cursor.pos);
    return { clock: twinClock, zone: after, at: twinClockAt };
  });
  approx = cursor.take(APPROX_AFTER) !== undefined || approx;
  cursor.take(TRAILING);
  approx = cursor.take(APPROX_AFTER) !== undefined || approx;
  expectEnd(cursor);
  const extra = approx ? { approx } : {};
  const local = wallClock(date, clock);
  if (zone?.offsetMinutes !== undefined && zone.zone !== undefined) {
    return { utc: utcFrom(local, zone.offsetMinutes), local: isoLocal(local), zone: zone.zone, written, ...extra };
  }
  if (zone?.offsetMinutes !== undefined) return { utc: utcFrom(local, zone.offsetMinutes), written, ...extra };
  if (twin?.zone?.offsetMinutes !== undefined) {
    return { utc: utcFromTwin(local, twin.clock, twin.zone.offsetMinutes, twin.at), written, ...extra };
  }
  const zoneName = zone?.zone ?? defaultZone;
  if (zoneName === undefined) {
    throw new PhraseFailure(t('The time names no zone: write it with UTC, as the notice does ("10:40 AM (1:40 AM UTC)").'), cursor.pos);
  }
  return { local: isoLocal(local), zone: zoneName, written, ...extra };
}

interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

function readDate(cursor: PhraseCursor): CalendarDate {
  const at = cursor.pos;
  for (const form of DATE_FORMS) {
    const m = cursor.take(form.pattern);
    if (!m) continue;
    const [year, month, day] = form.fields(m);
    const monthNumber = /^\d+$/.test(month) ? Number(month) : MONTHS.indexOf(month.slice(0, 3).toLowerCase()) + 1;
    const date = { year: Number(year), month: monthNumber, day: Number(day) };
    if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > daysInMonth(date.year, date.month)) {
      throw new PhraseFailure(t('There is no such day: {0}.', m[0]), at);
    }
    return date;
  }
  throw new PhraseFailure(t('Expected a date ("November 19, 2019" or "2019年11月19日").'), at);
}

function readClock(cursor: PhraseCursor): Clock {
  cursor.take(SPACE);
  const before = cursor.take(MERIDIEM_BEFORE)?.[1];
  const at = cursor.pos;
  const m = cursor.take(CLOCK);
  if (!m) throw new PhraseFailure(t('Expected a clock time ("10:40 AM" or "10時40分").'), at);
  const after = cursor.take(MERIDIEM_AFTER)?.[1];
  const meridiem = (before ?? after)?.toLowerCase();
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? m[4] ?? 0);
  const second = m[3] === undefined ? undefined : Number(m[3]);
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) throw new PhraseFailure(t('There is no such time: {0}.', cursor.text.slice(at, cursor.pos)), at);
    const pm = meridiem === 'pm' || meridiem === 'p' || meridiem === '午後';
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || (second ?? 0) > 59) {
    throw new PhraseFailure(t('There is no such time: {0}.', cursor.text.slice(at, cursor.pos)), at);
  }
  return second === undefined ? { hour, minute } : { hour, minute, second };
}

function readZone(cursor: PhraseCursor): ZoneRead | undefined {
  const at = cursor.pos;
  const m = ZONE_FORMS.reduce<RegExpExecArray | undefined>((found, form) => found ?? cursor.take(form), undefined);
  if (!m) return undefined;
  const word = m[1]!;
  const extra = m[2] === undefined ? 0 : (m[2] === '+' ? 1 : -1) * (Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0));
  if (UTC_WORDS.has(word)) return { offsetMinutes: extra };
  if (ZONE_NAMES[word] !== undefined && m[2] === undefined) return { zone: ZONE_NAMES[word] };
  const abbreviation = ZONE_ABBREVIATIONS[word];
  if (!abbreviation) throw new PhraseFailure(t('Unknown time zone `{0}`.', word), at + m[0].indexOf(word));
  // An offset of zero (UTC, GMT) is UTC itself; "PST" is both a fixed offset and a zone, so the
  // checker can tell a summer "PST" from the zone's own clock.
  if (abbreviation.offsetMinutes === 0 || m[2] !== undefined) return { offsetMinutes: abbreviation.offsetMinutes + extra };
  return { offsetMinutes: abbreviation.offsetMinutes, zone: abbreviation.zone };
}

function expectEnd(cursor: PhraseCursor): void {
  cursor.take(SPACE);
  if (cursor.pos < cursor.text.length) {
    throw new PhraseFailure(t('Unexpected text in a time: `{0}`.', cursor.text.slice(cursor.pos)), cursor.pos);
  }
}

function wallClock(date: CalendarDate, clock: Clock): Date {
  const wall = new Date(0);
  wall.setUTCFullYear(date.year, date.month - 1, date.day);
  wall.setUTCHours(clock.hour, clock.minute, clock.second ?? 0, 0);
  return wall;
}

function utcFrom(local: Date, offsetMinutes: number): string {
  return isoUtc(new Date(local.getTime() - offsetMinutes * 60_000));
}

/**
 * The twin gives a clock without a date: the UTC day is the local day or a neighbour, whichever
 * puts the two clocks a real offset apart (within ±14 hours, in quarter hours).
 */
function utcFromTwin(local: Date, twin: Clock, twinOffsetMinutes: number, at: number): string {
  for (const dayShift of [0, -1, 1]) {
    const candidate = new Date(local.getTime());
    candidate.setUTCDate(candidate.getUTCDate() + dayShift);
    candidate.setUTCHours(twin.hour, twin.minute, twin.second ?? 0, 0);
    const instant = candidate.getTime() - twinOffsetMinutes * 60_000;
    const offset = (local.getTime() - instant) / 60_000;
    if (Math.abs(offset) <= 14 * 60 && offset % 15 === 0) return isoUtc(new Date(instant));
  }
  throw new PhraseFailure(t('The two clocks of this time are not a time zone apart.'), at);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isoDate(date: CalendarDate): string {
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

function isoLocal(wall: Date): string {
  const seconds = wall.getUTCSeconds() === 0 ? '' : `:${pad(wall.getUTCSeconds())}`;
  return `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}${seconds}`;
}

/** Instants as the import types carry them: '2019-11-19T01:40:00Z'. */
function isoUtc(instant: Date): string {
  return `${isoLocal(instant).slice(0, 16)}:${pad(instant.getUTCSeconds())}Z`;
}
