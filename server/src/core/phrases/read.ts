/**
 * Reads a source's own time phrase ("Tuesday, November 19, 2019, 10:40 AM (1:40 AM UTC)",
 * "2022年7月2日（土）1時35分頃") into its parts, each with its span in the phrase. chrono-node finds
 * the time expressions and reads their dates; our normaliser feeds it what it misses, and the
 * parts' values and spans come from our own patterns, checked against chrono's reading: where the
 * two disagree, or the phrase is a range or names a zone we do not know, nothing is read. Never a
 * guess, so never a false alarm. Pure: a function of the phrase alone, cached by its text.
 */
import * as chrono from 'chrono-node';

import { normalisePhrase, sourceSpan, type Normalised } from './normalise';
import { findZoneWords, type ZoneMatch, type ZoneWord } from './zoneWords';

/** Offsets into the phrase (UTF-16 code units). */
export interface PhraseSpan {
  readonly start: number;
  readonly end: number;
}

export interface Part<T> {
  readonly value: T;
  readonly span: PhraseSpan;
}

export interface PhraseDate {
  /** Absent when the phrase gives no year ("10月29日", "February 28"). */
  readonly year?: number;
  readonly month: number;
  readonly day: number;
}

export interface PhraseClock {
  /** 0–23: AM/PM, 午前/午後 and noon already applied; a clock without them is a 24-hour clock. */
  readonly hour: number;
  readonly minute: number;
  /** Present when seconds were written. */
  readonly second?: number;
}

/** One time expression of a phrase. */
export interface PhraseTime {
  readonly span: PhraseSpan;
  readonly date?: Part<PhraseDate>;
  /** The era year ("令和4年", "平成元年") when the date's year is written in one. */
  readonly era?: Part<{ readonly era: string; readonly year: number }>;
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday?: Part<number>;
  readonly clock?: Part<PhraseClock>;
  readonly zone?: Part<ZoneWord>;
  /** 同日 / 翌日 / 前日, "the next day": days after the previous time in the file. */
  readonly relativeDay?: Part<-1 | 0 | 1>;
}

export type LeftAlone =
  /** No date and no clock in it. */
  | 'no-time'
  /** Two times that are not a time and its twin in another zone ("from 07:05 UTC to 12:43 UTC"). */
  | 'range'
  /** chrono reads a zone that our zone words do not know ("IST"). */
  | 'unknown-zone'
  /** Our reading of a part and chrono's differ. */
  | 'unsure';

export interface PhraseReading {
  /** The time the phrase gives; absent when the phrase is left alone. */
  readonly time?: PhraseTime;
  /** The same instant in another zone, in brackets: "(1:40 AM UTC)", "(10月29日 16:00 UTC)". */
  readonly twin?: PhraseTime;
  /** The word that says the time is approximate (頃, ごろ, around, approximately…). */
  readonly approx?: Part<string>;
  readonly leftAlone?: LeftAlone;
}

const APPROX =
  /頃|ごろ|前後|過ぎ|すぎ|(?<=[時分])前(?!日)|\b(?:about|around|approximately|approx\.|roughly|circa|as early as)(?=\W|$)|(?:^|(?<=[(（]))~(?=\s*\d)/i;

/** The longest phrase read; longer text is prose, not a time. */
export const MAX_PHRASE_LENGTH = 200;

export function readPhrase(phrase: string): PhraseReading {
  const approxMatch = APPROX.exec(phrase);
  const approx = approxMatch ? { value: approxMatch[0], span: { start: approxMatch.index, end: approxMatch.index + approxMatch[0].length } } : undefined;
  const withApprox = (reading: Omit<PhraseReading, 'approx'>): PhraseReading => (approx ? { ...reading, approx } : reading);
  if (phrase.length > MAX_PHRASE_LENGTH) return withApprox({ leftAlone: 'no-time' });
  const normalised = normalisePhrase(phrase);
  const groups = phraseGroups(normalised);
  if (groups === 'range') return withApprox({ leftAlone: 'range' });
  if (groups.length === 0) return withApprox({ leftAlone: 'no-time' });
  const zones = findZoneWords(normalised.text);
  const times: PhraseTime[] = [];
  const lead = twinLead(zones, groups, normalised.text);
  for (let i = 0; i < groups.length; i++) {
    // A zone word chrono took into the first time's text but that opens the twin's brackets explains chrono's zone there.
    const time = readGroup(normalised, groups[i], zonesOf(zones, groups, i, lead), i === 0 && lead.length > 0);
    if (typeof time === 'string') return withApprox({ leftAlone: time });
    times.push(time);
  }
  // A clock the phrase writes but neither reader could take ("25:00"): the date alone would be a guess at the time.
  if (!times[0].clock && [...normalised.text.matchAll(CLOCK)].length > 0) return withApprox({ leftAlone: 'unsure' });
  const [first, twin] = times;
  if (twin && (!twin.zone || !twin.clock)) return withApprox({ leftAlone: 'range' });
  // A relative word stands for the date ("翌日 5時05分"); beside a written date it adds nothing.
  const relative = normalised.relative[0];
  const time = relative && !first.date ? { ...first, relativeDay: { value: relative.days, span: { start: relative.start, end: relative.end } } } : first;
  return withApprox(twin ? { time, twin } : { time });
}

/** A time expression chrono found: one result, or a date and a clock it read apart. */
interface Group {
  readonly start: number;
  readonly end: number;
  readonly results: readonly chrono.ParsedResult[];
}

/**
 * chrono's expressions, a date joined with the clock it split off ("08 April, 2020 beginning at
 * 06:48"); 'range' when chrono read one as a range ("1:35～2:10").
 */
function timeGroups(normalised: Normalised): Group[] | 'range' {
  const text = normalised.text;
  const parser = /[\u3040-\u30ff\u3400-\u9fff]/.test(text) ? chrono.ja.strict : chrono.en.strict;
  const results = parser.parse(text, new Date(0)).filter((r) => certainDay(r) || r.start.isCertain('hour'));
  const groups: Group[] = [];
  for (const result of results) {
    if (result.end) return 'range';
    const end = result.index + result.text.length;
    const last = groups.at(-1);
    const between = last ? text.slice(last.end, result.index) : '';
    const lastHasClock = last?.results.some((r) => r.start.isCertain('hour'));
    const lastHasDate = last?.results.some(certainDay);
    // A bracketed weekday between a date and its clock ("2019年11月19日 (火曜日) 10:40") is no twin's bracket.
    const gap = between.replace(BRACKETED_WEEKDAY, ' ');
    const joins = last && !/\d|[(（]/.test(gap) && between.length <= 24 &&
      ((lastHasDate && !lastHasClock && result.start.isCertain('hour') && !certainDay(result)) ||
        (lastHasClock && !lastHasDate && certainDay(result) && !result.start.isCertain('hour')));
    if (last && joins) groups[groups.length - 1] = { start: last.start, end, results: [...last.results, result] };
    else groups.push({ start: result.index, end, results: [result] });
  }
  return groups;
}

/** The text ends inside a bracket ("… 10:40 (", "… 10:40 (UTC 1"): the next time is bracketed. */
function opensBracket(text: string): boolean {
  const open = Math.max(text.lastIndexOf('('), text.lastIndexOf('（'));
  return open >= 0 && open > Math.max(text.lastIndexOf(')'), text.lastIndexOf('）'));
}

const BRACKETED_WEEKDAY = /[(（]\s*(?:[日月火水木金土](?:曜日?)?|(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat)[a-z]*\.?)\s*[)）]/gi;

/** At most a time and its bracketed twin: anything else is a range (or two times) and left alone. */
function phraseGroups(normalised: Normalised): Group[] | 'range' {
  const groups = timeGroups(normalised);
  if (groups === 'range' || groups.length > 2) return 'range';
  if (groups.length === 2 && !opensBracket(normalised.text.slice(groups[0].start, groups[1].start + 1))) return 'range';
  return groups;
}

/** The prose that can hold a time worth judging: a weekday or a zone abbreviation. */
const MENTION_HINT = /\b(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat)[a-z]*\b|[（(][日月火水木金土][)）・]|[日月火水木金土]曜|\b[A-Z]{1,2}[SD]T\b|太平洋標準時|太平洋夏時間/;

/**
 * The times mentioned in prose (an impact, a cause, an event's text), each read as readPhrase
 * reads one; those it would leave alone are skipped. Spans are offsets in `text`.
 */
export function readMentions(text: string): PhraseTime[] {
  if (!MENTION_HINT.test(text)) return [];
  const normalised = normalisePhrase(text);
  const groups = timeGroups(normalised);
  if (groups === 'range') return [];
  const zones = findZoneWords(normalised.text);
  const times: PhraseTime[] = [];
  for (let i = 0; i < groups.length; i++) {
    // In prose a zone word belongs to a time only beside it ("10:40 AM PST", "日本時間の午後7時").
    const near = zones.filter((z) => z.end >= groups[i].start - 6 && z.start <= groups[i].end + 2);
    const time = readGroup(normalised, groups[i], near);
    if (typeof time !== 'string') times.push(time);
  }
  return times;
}

function certainDay(result: chrono.ParsedResult): boolean {
  return result.start.isCertain('day');
}

/**
 * The zone words of group `i`: inside it, or after it before the next one; one before the first
 * group belongs to it (日本時間2019年…), and one that opens the twin's brackets belongs to the twin
 * ("10:40 (UTC 1:40)", "太平洋標準時11時(UTC 18時)頃").
 */
function zonesOf(zones: readonly ZoneMatch[], groups: readonly Group[], i: number, lead: readonly ZoneMatch[]): ZoneMatch[] {
  const from = i === 0 ? 0 : groups[i].start;
  const to = i + 1 < groups.length ? groups[i + 1].start : Infinity;
  return zones.filter((z) => (z.start >= from && z.start < to && !(i === 0 && lead.includes(z))) || (i === 1 && lead.includes(z)));
}

/** The zone word that opens the twin's brackets, right before its clock ("(UTC 1:40)"); chrono may take it into the first time's text. */
function twinLead(zones: readonly ZoneMatch[], groups: readonly Group[], text: string): ZoneMatch[] {
  const twin = groups[1];
  if (!twin) return [];
  return zones.filter((z) => z.start > groups[0].start && z.end <= twin.start
    && /[(（]\s*$/.test(text.slice(groups[0].start, z.start)) && /^\s*$/.test(text.slice(z.end, twin.start)));
}

const CLOCK =
  /(?:(午前|午後)\s*)?(?:(\d{1,2})時(?:(\d{1,2})分|(半))?(?:(\d{1,2})秒)?|(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?\s?[Mm]\b\.?)?|(\d{1,2})\s*([AaPp])\.?\s?[Mm]\b\.?)/g;

const WEEKDAYS_EN = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const WEEKDAYS_JA = '日月火水木金土';
const WEEKDAY =
  /\b(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sun|Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat)\b\.?|[(（]\s*([日月火水木金土])(?:曜日?)?\s*(?:[・,、][^)）]{0,3})?[)）]|([日月火水木金土])曜日?/g;

const MONTHS = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
const DATE_TOKEN =
  /\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}\/\d{1,2}(?:\/\d{2,4})?|\d+[年月日]|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b\.?|\b\d{1,4}(?:st|nd|rd|th)?\b/gi;

/** A part's span in the phrase, from `[start, end)` of the normalised text. */
function span(normalised: Normalised, start: number, end: number): PhraseSpan {
  return sourceSpan(normalised, start, end);
}

function readGroup(normalised: Normalised, group: Group, zones: readonly ZoneMatch[], zoneLent = false): PhraseTime | LeftAlone {
  const text = normalised.text;
  const chronoClock = group.results.find((r) => r.start.isCertain('hour'));
  const chronoDate = group.results.find(certainDay);
  const covered: PhraseSpan[] = [];
  let clock: Part<PhraseClock> | undefined;
  if (chronoClock) {
    const read = readClock(text, group.start, group.end, chronoClock.start.get('hour') ?? -1, chronoClock.start.get('minute') ?? 0);
    if (!read) return 'unsure';
    covered.push(read.at);
    clock = { value: read.clock, span: span(normalised, read.at.start, read.at.end) };
  }
  const zone = zones[0];
  if (zone && !zone.word) return 'unknown-zone';
  if (zone) covered.push(zone);
  if (!zone && !zoneLent && group.results.some((r) => r.start.isCertain('timezoneOffset'))) return 'unknown-zone';
  let weekday: Part<number> | undefined;
  for (const m of text.slice(group.start, group.end).matchAll(WEEKDAY)) {
    const at = { start: group.start + m.index, end: group.start + m.index + m[0].length };
    if (covered.some((c) => c.start < at.end && at.start < c.end)) continue;
    const value = m[1] ? WEEKDAYS_EN.indexOf(m[1].slice(0, 3).toLowerCase()) : WEEKDAYS_JA.indexOf(m[2] ?? m[3]);
    weekday = { value, span: span(normalised, at.start, at.end) };
    covered.push(at);
    break;
  }
  let date: Part<PhraseDate> | undefined;
  let era: PhraseTime['era'];
  if (chronoDate) {
    const at = dateSpan(text, group, covered);
    if (!at) return 'unsure';
    const c = chronoDate.start;
    const value: PhraseDate = {
      ...(c.isCertain('year') ? { year: c.get('year') ?? 0 } : {}),
      month: c.get('month') ?? 0,
      day: c.get('day') ?? 0,
    };
    date = { value, span: span(normalised, at.start, at.end) };
    const eraYear = normalised.eras.find((e) => e.start >= date!.span.start && e.end <= date!.span.end);
    if (eraYear) era = { value: { era: eraYear.era, year: eraYear.year }, span: { start: eraYear.start, end: eraYear.end } };
  }
  const spanAll = span(normalised, group.start, trimmedEnd(text, group));
  return {
    span: spanAll,
    ...(date ? { date } : {}),
    ...(era ? { era } : {}),
    ...(weekday ? { weekday } : {}),
    ...(clock ? { clock } : {}),
    ...(zone?.word ? { zone: { value: zone.word, span: span(normalised, zone.start, zone.end) } } : {}),
  };
}

/** The group's end less trailing spaces and a closing bracket it did not open (chrono's "1:40 AM UTC)"). */
function trimmedEnd(text: string, group: Group): number {
  let end = group.end;
  const opened = (t: string) => (t.match(/[(（]/g)?.length ?? 0) - (t.match(/[)）]/g)?.length ?? 0);
  while (end > group.start && (/[\s,、]/.test(text[end - 1]) || (/[)）]/.test(text[end - 1]) && opened(text.slice(group.start, end)) < 0))) end--;
  return end;
}

/** Our reading of the clock in `[from, to)`, which must agree with chrono's hour and minute. */
function readClock(text: string, from: number, to: number, hour: number, minute: number): { clock: PhraseClock; at: PhraseSpan } | undefined {
  for (const m of text.slice(from, to).matchAll(CLOCK)) {
    const [, ampmJa, hJa, minJa, half, secJa, hColon, minColon, secColon, meridiemColon, hBare, meridiemBare] = m;
    let h = Number(hJa ?? hColon ?? hBare);
    const min = Number(minJa ?? minColon ?? (half ? 30 : 0));
    const secText = secJa ?? secColon;
    const meridiem = (meridiemColon ?? meridiemBare)?.toLowerCase() ?? (ampmJa === '午前' ? 'a' : ampmJa === '午後' ? 'p' : undefined);
    if (meridiem) {
      if (h < 1 || h > 12) continue;
      h = (h % 12) + (meridiem === 'p' ? 12 : 0);
    }
    if (h > 23 || min > 59 || (secText !== undefined && Number(secText) > 59)) continue;
    if (h !== hour || min !== minute) continue;
    const clock: PhraseClock = secText !== undefined ? { hour: h, minute: min, second: Number(secText) } : { hour: h, minute: min };
    return { clock, at: { start: from + m.index, end: from + m.index + m[0].length } };
  }
  return undefined;
}

/** From the first to the last date token of the group that no other part covers. */
function dateSpan(text: string, group: Group, covered: readonly PhraseSpan[]): PhraseSpan | undefined {
  let start = -1;
  let end = -1;
  for (const m of text.slice(group.start, group.end).matchAll(DATE_TOKEN)) {
    const at = { start: group.start + m.index, end: group.start + m.index + m[0].length };
    if (covered.some((c) => c.start < at.end && at.start < c.end)) continue;
    if (/^[a-z]/i.test(m[0]) && !MONTHS.test(m[0])) continue;
    if (start < 0) start = at.start;
    end = at.end;
  }
  return start < 0 ? undefined : { start, end };
}
