/**
 * The clocks views print times on: JST and UTC (fixed offsets, exact and fast, what every view
 * printed so far) or any IANA zone read through Intl, with its daylight saving, named by its
 * abbreviation on each date ("PST" in January, "PDT" in July).
 */
import { formatInOffset, JST_OFFSET_MINUTES } from '../time';
import type { ZoneMode } from '../settings';
import { canonicalZone, offsetMinutesAt, wallAtOffset, zoneAbbreviation } from '../zones';

/** 'JST', 'UTC', or an IANA zone name other than Asia/Tokyo and UTC. */
export type Clock = string;

export { isZoneChoice, type ZoneChoice } from '../settings';

/**
 * What a view prints times in: a zone mode; 'file', the incident's own root `zone` (`fallback`
 * when it has none); or one IANA zone (the CLI's `--zone America/Los_Angeles`).
 */
export type DisplayZone = ZoneMode | 'file' | { readonly iana: string };

const FIXED_OFFSETS: Readonly<Record<string, number>> = { JST: JST_OFFSET_MINUTES, UTC: 0 };

/** The clock of an IANA name: Asia/Tokyo is JST and every spelling of UTC is UTC, so they keep the fast path. */
export function clockOf(zone: string): Clock {
  const canonical = canonicalZone(zone) ?? zone;
  if (canonical === 'Asia/Tokyo') return 'JST';
  return canonical === 'UTC' || canonical === 'Etc/UTC' ? 'UTC' : canonical;
}

/** The clocks of a choice, the primary one first ('both': JST, then UTC). */
export function displayClocks(display: DisplayZone, fileZone: string | undefined, fallback: ZoneMode = 'JST'): Clock[] {
  if (typeof display === 'object') return [clockOf(display.iana)];
  if (display === 'file') return fileZone ? [clockOf(fileZone)] : displayClocks(fallback, undefined);
  return display === 'both' ? ['JST', 'UTC'] : [display];
}

/** The instant's calendar fields on a clock (seconds with their fraction). */
export interface WallFields {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** The calendar fields of an instant on a clock: the instant moved by the clock's offset then, read as UTC. */
export function wallFields(epochMs: number, clock: Clock): WallFields {
  const { year, month, day, hour, minute, second, millisecond } = wallAtOffset(epochMs, FIXED_OFFSETS[clock] ?? offsetMinutesAt(clock, epochMs));
  return { year, month, day, hour, minute, second: second + millisecond / 1000 };
}

const two = (n: number) => String(n).padStart(2, '0');

/** "2019-11-19 10:40" on a clock (seconds when they are not zero). */
export function wallText(epochMs: number, clock: Clock): string {
  const fixed = FIXED_OFFSETS[clock];
  if (fixed !== undefined) return formatInOffset(epochMs, fixed, { separator: ' ', offset: false });
  const f = wallFields(epochMs, clock);
  const whole = Math.floor(f.second);
  const ms = Math.round((f.second - whole) * 1000);
  const seconds = f.second ? `:${two(whole)}${ms ? `.${String(ms).padStart(3, '0')}` : ''}` : '';
  return `${String(f.year).padStart(4, '0')}-${two(f.month)}-${two(f.day)} ${two(f.hour)}:${two(f.minute)}${seconds}`;
}

/** The zone's name at that instant: "JST", "UTC", "PST" / "PDT", "GMT" / "BST". */
export function zoneLabel(epochMs: number, clock: Clock): string {
  return clock in FIXED_OFFSETS ? clock : zoneAbbreviation(clock, epochMs);
}

/**
 * The clock's name for a button or a column that spans dates: "JST", "UTC", the generic name
 * where one is in use ("PT", "ET"), else the abbreviation at `atMs` ("BST", "AEDT"), else the
 * place in its IANA name ("Sao Paulo" rather than "UTC-3").
 */
export function clockName(clock: Clock, atMs: number): string {
  if (clock in FIXED_OFFSETS) return clock;
  const generic = new Intl.DateTimeFormat('en-US', { timeZone: clock, timeZoneName: 'shortGeneric' })
    .formatToParts(new Date(atMs)).find((p) => p.type === 'timeZoneName')?.value ?? '';
  if (/^[A-Z]{2,5}$/.test(generic)) return generic;
  const abbreviation = zoneAbbreviation(clock, atMs);
  if (/^[A-Z]{2,5}$/.test(abbreviation)) return abbreviation;
  return clock.slice(clock.lastIndexOf('/') + 1).replace(/_/g, ' ');
}

/** "2019-11-19 10:40 JST", "2021-01-04 18:55 PST". */
export function fullTimeText(epochMs: number, clock: Clock): string {
  return `${wallText(epochMs, clock)} ${zoneLabel(epochMs, clock)}`;
}
