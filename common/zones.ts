/**
 * Named time zones through the platform's Intl (full ICU in Node and in VS Code): offsets,
 * abbreviations and daylight saving come from its tz database, never from tables of ours.
 * Pure; shared by the server core, the client and the webview.
 */
import { formatInOffset } from './time';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The names UTC goes by (lower case). */
const NAMED_UTC = new Set(['utc', 'z', 'gmt', 'etc/utc', 'etc/gmt', 'etc/uct', 'uct', 'zulu', 'etc/zulu', 'universal', 'etc/universal']);

let supportedCache: readonly string[] | undefined;

/** Every zone name the platform lists, with `UTC` (which `supportedValuesOf` leaves out). */
export function supportedZones(): readonly string[] {
  supportedCache ??= ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];
  return supportedCache;
}

const canonicalCache = new Map<string, string | undefined>();

/**
 * The zone an incident file names, as the platform calls it: an IANA name in any case
 * (`america/los_angeles` → `America/Los_Angeles`, the link `US/Pacific` → `America/Los_Angeles`),
 * `JST` → `Asia/Tokyo`, `UTC`/`Z`/`GMT` → `UTC`. Undefined for anything else, including
 * abbreviations and legacy names without a slash (`EST`, `PST8PDT`, `Japan`), which Intl accepts
 * but which read like fixed offsets or do not say where.
 */
export function canonicalZone(name: string): string | undefined {
  if (canonicalCache.has(name)) return canonicalCache.get(name);
  const result = findCanonical(name.trim());
  if (canonicalCache.size > 1000) canonicalCache.clear();
  canonicalCache.set(name, result);
  return result;
}

function findCanonical(name: string): string | undefined {
  const lower = name.toLowerCase();
  if (lower === 'jst') return 'Asia/Tokyo';
  if (NAMED_UTC.has(lower)) return 'UTC';
  if (!name.includes('/') || name.length > 64) return undefined;
  const listed = supportedZones().find((z) => z.toLowerCase() === lower);
  if (listed) return listed;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

const wallFormats = new Map<string, Intl.DateTimeFormat>();

function wallFormat(zone: string): Intl.DateTimeFormat {
  let format = wallFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, era: 'short', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23',
    });
    wallFormats.set(zone, format);
  }
  return format;
}

/** The wall clock of an instant in a zone, read as if it were UTC (milliseconds). */
function wallAsUtcMs(zone: string, epochMs: number): number {
  const parts = wallFormat(zone).formatToParts(new Date(epochMs));
  const field = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const bc = parts.find((p) => p.type === 'era')?.value ?.startsWith('B') === true;
  const date = new Date(0);
  date.setUTCFullYear(bc ? 1 - field('year') : field('year'), field('month') - 1, field('day'));
  return date.setUTCHours(field('hour'), field('minute'), field('second'), 0);
}

/** The zone's offset from UTC at an instant, in minutes east (−420 for PDT, 540 for JST). */
export function offsetMinutesAt(zone: string, epochMs: number): number {
  // Whole seconds: the wall clock has no milliseconds.
  const second = Math.floor(epochMs / 1000) * 1000;
  return (wallAsUtcMs(zone, second) - second) / MINUTE;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The calendar fields a clock shows at an instant. */
export interface WallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  /** 0 = Sunday. */
  readonly weekday: number;
}

/** The wall clock at an instant on a clock `offsetMinutes` east of UTC: the instant moved by the offset, read as UTC. */
export function wallAtOffset(epochMs: number, offsetMinutes: number): WallTime {
  const d = new Date(epochMs + offsetMinutes * MINUTE);
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(),
    hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), millisecond: d.getUTCMilliseconds(), weekday: d.getUTCDay(),
  };
}

/**
 * The instant as wall-clock time in an IANA zone with its offset ("2019-11-19 12:40+11:00") and
 * its weekday ("Tue"), through the cached offsetMinutesAt: the preview calls this for every event
 * and every extra zone, and an Intl formatter made per call cost tens of microseconds each.
 */
export function formatInZone(epochMs: number, zone: string): { text: string; offsetMinutes: number; weekday: string } {
  const offsetMinutes = offsetMinutesAt(zone, epochMs);
  const weekday = WEEKDAYS[wallAtOffset(epochMs, offsetMinutes).weekday];
  return { text: formatInOffset(epochMs, offsetMinutes, { separator: ' ' }), offsetMinutes, weekday };
}

/** Locales tried in turn for a zone's letters: ICU gives each region's letters only in its own locales. */
const ABBREVIATION_LOCALES = ['en-US', 'en-GB', 'en-AU', 'en-NZ', 'en-IN', 'en-CA', 'ja-JP'];
const nameFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The zone's abbreviation at an instant: "PST"/"PDT", "EST"/"EDT", "GMT"/"BST", "AEDT"/"AEST",
 * "JST", "UTC"; "UTC+5:30"-style where ICU has no letters for it.
 */
export function zoneAbbreviation(zone: string, epochMs: number): string {
  const date = new Date(epochMs);
  for (const locale of ABBREVIATION_LOCALES) {
    const key = `${locale} ${zone}`;
    let format = nameFormats.get(key);
    if (!format) {
      format = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' });
      nameFormats.set(key, format);
    }
    const name = format.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? '';
    if (/^[A-Z]{2,5}$/.test(name)) return name;
  }
  return utcOffsetName(offsetMinutesAt(zone, epochMs));
}

/** "UTC+9", "UTC-8", "UTC+5:30", "UTC" for a zero offset. */
export function utcOffsetName(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'UTC';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(Math.round(offsetMinutes));
  const minutes = abs % 60;
  return `UTC${sign}${Math.floor(abs / 60)}${minutes ? ':' + String(minutes).padStart(2, '0') : ''}`;
}

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;

/** A local text's wall clock read as UTC, or undefined when the text is not `YYYY-MM-DD[THH:MM[:SS[.fff]]]`. */
function localAsUtcMs(local: string): number | undefined {
  const m = LOCAL_PATTERN.exec(local);
  if (!m) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return date.setUTCHours(Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), Number((m[7] ?? '0').padEnd(3, '0')));
}

/**
 * The instants a wall-clock time names in a zone, earlier first: one as a rule; none when it falls
 * in a daylight-saving gap (the spring-forward hour); two when the clock shows it twice (the
 * fall-back hour). Also none for a text that is not `YYYY-MM-DDTHH:MM[:SS[.fff]]` (check it first).
 */
export function localToInstants(local: string, zone: string): number[] {
  const wall = localAsUtcMs(local);
  if (wall === undefined) return [];
  return instantsOfWall(wall, zone);
}

/** The instants a wall clock (given as if it were UTC, in ms) names in a zone: see localToInstants. */
export function instantsOfWall(wall: number, zone: string): number[] {
  // Every offset the zone has within a day of the wall clock; a transition is never closer than that to another.
  const offsets = new Set([offsetMinutesAt(zone, wall - DAY), offsetMinutesAt(zone, wall), offsetMinutesAt(zone, wall + DAY)]);
  const instants: number[] = [];
  for (const offset of offsets) {
    const instant = wall - offset * MINUTE;
    if (offsetMinutesAt(zone, instant) === offset && !instants.includes(instant)) instants.push(instant);
  }
  return instants.sort((a, b) => a - b);
}

/**
 * The first instant of a date (`YYYY-MM-DD`) in a zone: its midnight, or the moment the clock
 * jumps forward where midnight falls in a daylight-saving gap. Undefined for a text that is not a date.
 */
export function dayStartMs(date: string, zone: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const midnight = localAsUtcMs(date)!;
  const instants = instantsOfWall(midnight, zone);
  if (instants.length > 0) return instants[0];
  // In the gap: the jump happens at midnight read with the offset before it.
  return midnight - offsetMinutesAt(zone, midnight - DAY) * MINUTE;
}

/** The next calendar date after `YYYY-MM-DD`. */
export function nextDate(date: string): string {
  const d = new Date(localAsUtcMs(date)! + DAY);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** Optimal string alignment distance, small and local: zones.ts stays free of server imports. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length];
}

/**
 * The usual zone of an abbreviation people write for a zone name ("all times PST"). A hint for
 * suggestions only: offsets always come from Intl, and a test checks each against ICU's letters.
 */
const ABBREVIATION_ZONES: Readonly<Record<string, string>> = {
  PT: 'America/Los_Angeles', PST: 'America/Los_Angeles', PDT: 'America/Los_Angeles',
  MT: 'America/Denver', MST: 'America/Denver', MDT: 'America/Denver',
  CT: 'America/Chicago', CST: 'America/Chicago', CDT: 'America/Chicago',
  ET: 'America/New_York', EST: 'America/New_York', EDT: 'America/New_York',
  GMT: 'Europe/London', BST: 'Europe/London', CET: 'Europe/Paris', CEST: 'Europe/Paris',
  IST: 'Asia/Kolkata', AEST: 'Australia/Sydney', AEDT: 'Australia/Sydney',
};

/** The abbreviations `nearestZones` knows, with their zones: for the test that checks them against ICU. */
export const ABBREVIATION_HINTS = ABBREVIATION_ZONES;

const nearestCache = new Map<string, string[]>();

/**
 * The `n` zone names closest to a misspelt one, closest first: compared whole and by city
 * (`Los Angeles`, `tokyo` and `Amerca/Los_Angles` all find America/Los_Angeles); an abbreviation
 * (`PST`) puts its usual zone first.
 */
export function nearestZones(name: string, n: number): string[] {
  const key = `${n} ${name}`;
  let found = nearestCache.get(key);
  if (!found) {
    found = rankZones(name, n);
    // Asked on every keystroke while a file names a wrong zone: kept, within bounds.
    if (nearestCache.size > 200) nearestCache.clear();
    nearestCache.set(key, found);
  }
  return [...found];
}

function rankZones(name: string, n: number): string[] {
  const wanted = name.trim().toLowerCase().replace(/ /g, '_').slice(0, 64);
  const city = wanted.slice(wanted.lastIndexOf('/') + 1);
  const hinted = ABBREVIATION_ZONES[name.trim().toUpperCase()];
  const scored = supportedZones().map((zone) => {
    const lower = zone.toLowerCase();
    const zoneCity = lower.slice(lower.lastIndexOf('/') + 1);
    const score = zone === hinted ? -1 : Math.min(distance(wanted, lower), distance(city, zoneCity) + (wanted.includes('/') ? 1 : 0));
    return { zone, score };
  });
  scored.sort((a, b) => a.score - b.score || a.zone.localeCompare(b.zone));
  return scored.slice(0, Math.max(0, n)).map((s) => s.zone);
}
