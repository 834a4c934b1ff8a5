/**
 * A phrase's parts against the instant a time names: which parts disagree, each with its span in
 * the phrase and what it should say. Pure; the zone arithmetic is the platform's (Intl).
 */
import { formatOffset, MINUTE } from '../../../../common/time';
import { localToInstants, offsetMinutesAt, utcOffsetName, wallAtOffset, zoneAbbreviation, type WallTime } from '../../../../common/zones';
import { currentLanguage } from '../l10n';
import type { PhraseDate, PhraseSpan, PhraseTime } from './read';

/** The zone a phrase's clock is read in: an IANA zone, or a fixed offset ("UTC+9"). */
export type PhraseZone = { readonly zone: string } | { readonly offsetMinutes: number };

export type Wall = WallTime;

/** The wall clock an instant shows in a zone: the instant moved by the zone's offset, read as UTC. */
export function wallAt(epochMs: number, zone: PhraseZone): Wall {
  return wallAtOffset(epochMs, 'zone' in zone ? offsetMinutesAt(zone.zone, epochMs) : zone.offsetMinutes);
}

/** The weekday of a calendar date (0 = Sunday), by the platform's calendar. */
export function weekdayOf(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCDay();
}

/** Whether the date exists (no 30 February). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The date `days` after a wall's date. */
function addDays(wall: Wall, days: number): { year: number; month: number; day: number } {
  const date = new Date(0);
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day + days);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function zoneLabel(zone: PhraseZone): string {
  return 'zone' in zone ? zone.zone : `UTC${formatOffset(zone.offsetMinutes).replace('Z', '')}`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
export const isoDate = (d: { year: number; month: number; day: number }) => `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
const clockText = (w: Wall, seconds: boolean) => `${pad(w.hour)}:${pad(w.minute)}${seconds ? ':' + pad(w.second) : ''}`;

export type PhrasePart = 'weekday' | 'date' | 'clock' | 'relative' | 'twin-date' | 'twin-clock';

export interface Mismatch {
  readonly part: PhrasePart;
  readonly span: PhraseSpan;
  /** What the part should say, in the format's notation ("2019-11-19", "10:40") or a weekday number. */
  readonly expected: string | number;
  /** The zone the part was compared in. */
  readonly zone: PhraseZone;
}

export interface CompareOptions {
  /** The value is a whole day (a date without a clock): the phrase's clock is not compared. */
  readonly dayOnly?: boolean;
  /** The previous time in the file, for 同日 / 翌日 / "the next day". */
  readonly previousMs?: number;
}

/**
 * The parts of one time of a phrase that disagree with `epochMs` read in `zone`. A weekday beside
 * a date is checked against that date (the date's own mistake is reported on the date).
 */
export function compareTime(time: PhraseTime, epochMs: number, zone: PhraseZone, options: CompareOptions = {}, twin = false): Mismatch[] {
  const wall = wallAt(epochMs, zone);
  const out: Mismatch[] = [];
  const date = time.date?.value;
  if (time.weekday) {
    const own = date ? ownWeekday(date, wall.year) : wall.weekday;
    if (own !== undefined && own !== time.weekday.value) out.push({ part: 'weekday', span: time.weekday.span, expected: own, zone });
  }
  if (time.date && date && (date.month !== wall.month || date.day !== wall.day || (date.year !== undefined && date.year !== wall.year))) {
    out.push({ part: twin ? 'twin-date' : 'date', span: time.date.span, expected: date.year === undefined ? isoDate(wall).slice(5) : isoDate(wall), zone });
  }
  if (!time.date && time.relativeDay && options.previousMs !== undefined) {
    const said = addDays(wallAt(options.previousMs, zone), time.relativeDay.value);
    if (said.year !== wall.year || said.month !== wall.month || said.day !== wall.day) {
      out.push({ part: 'relative', span: time.relativeDay.span, expected: isoDate(wall), zone });
    }
  }
  const clock = time.clock?.value;
  if (time.clock && clock && !options.dayOnly &&
    (clock.hour !== wall.hour || clock.minute !== wall.minute || (clock.second !== undefined && clock.second !== wall.second))) {
    out.push({ part: twin ? 'twin-clock' : 'clock', span: time.clock.span, expected: clockText(wall, clock.second !== undefined), zone });
  }
  return out;
}

/** The weekday of the phrase's own date, its year given or the value's. */
function ownWeekday(date: PhraseDate, fallbackYear: number): number | undefined {
  const year = date.year ?? fallbackYear;
  return isCalendarDate(year, date.month, date.day) ? weekdayOf(year, date.month, date.day) : undefined;
}

/** A weekday's name in the messages' language ("Thursday", "木曜日"). */
export function weekdayName(weekday: number): string {
  // 1970-01-04 was a Sunday.
  return new Intl.DateTimeFormat(currentLanguage(), { weekday: 'long', timeZone: 'UTC' }).format(new Date((3 + weekday) * 24 * 60 * MINUTE));
}

export interface AbbreviationMisfit {
  /** The zone's own abbreviation then ("PDT"). */
  readonly abbreviation: string;
  /** Its offset, as every message names one ("UTC-7", utcOffsetName). */
  readonly offset: string;
}

/**
 * Whether an abbreviation of standard or summer time (PST, BST…) does not fit its zone at an
 * instant, and what the zone was on instead.
 */
export function abbreviationMisfitAt(zone: string, abbreviationOffset: number, epochMs: number): AbbreviationMisfit | undefined {
  const offset = offsetMinutesAt(zone, epochMs);
  return offset === abbreviationOffset ? undefined : { abbreviation: zoneAbbreviation(zone, epochMs), offset: utcOffsetName(offset) };
}

/** The same for a wall time written in prose: it fits when any reading of that wall time fits. */
export function abbreviationMisfit(zone: string, abbreviationOffset: number, date: string, clock: { hour: number; minute: number }): AbbreviationMisfit | undefined {
  const instants = localToInstants(`${date}T${pad(clock.hour)}:${pad(clock.minute)}`, zone);
  if (instants.length === 0) return undefined;
  const misfits = instants.map((ms) => abbreviationMisfitAt(zone, abbreviationOffset, ms));
  return misfits.every((m) => m) ? misfits[0] : undefined;
}
