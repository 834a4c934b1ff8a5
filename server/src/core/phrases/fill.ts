/**
 * The value a phrase names, written in the format: what "Fill the time from what was written"
 * and the invalid-time fix put beside the phrase. Never a guess: a phrase without a year, a zone
 * or a clock it can take from somewhere gives a reason instead of a value.
 */
import { formatInOffset, JST_OFFSET_MINUTES, MINUTE, parseTimeText } from '../../../../common/time';
import { t } from '../l10n';
import { wallAt, type PhraseZone } from './compare';
import type { PhraseReading, PhraseTime } from './read';

const TOKYO = 'Asia/Tokyo';

/** The keys to write, in the format's notation, in the order they are written. */
export interface FilledTime {
  readonly utc?: string;
  readonly jst?: string;
  readonly local?: string;
  readonly zone?: string;
  readonly approx?: true;
}

export interface FillContext {
  /** The zone the mapping or the file names (`zone` of the mapping, else the root `zone`): not written again. */
  readonly zone?: string;
  /** The previous time in the file, for a relative day or a yearless date. */
  readonly previousMs?: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function fillFromPhrase(reading: PhraseReading, context: FillContext): FilledTime | { readonly reason: string } {
  const time = reading.time;
  if (!time) return { reason: t('the phrase gives no time that can be read') };
  const zone: PhraseZone | undefined = zoneOf(time) ?? (context.zone ? { zone: context.zone } : undefined);
  const approx = reading.approx ? { approx: true as const } : {};
  if (!zone) {
    const fromTwin = reading.twin && fillFromTwin(time, reading.twin, context);
    return fromTwin ? { ...fromTwin, ...approx } : { reason: t('the phrase names no time zone, and neither does the mapping or the file') };
  }
  const date = dateOf(time, zone, context);
  if (!date) return { reason: t('the phrase gives no year or date, and no time before it gives one') };
  const clock = time.clock?.value;
  const wall = clock ? `${date}T${pad(clock.hour)}:${pad(clock.minute)}${clock.second !== undefined ? ':' + pad(clock.second) : ''}` : date;
  const fixed = 'offsetMinutes' in zone ? zone.offsetMinutes : zone.zone === 'UTC' ? 0 : zone.zone === TOKYO ? JST_OFFSET_MINUTES : undefined;
  if (fixed === undefined) {
    const named = 'zone' in zone ? zone.zone : '';
    return { local: wall, ...(named !== context.zone ? { zone: named } : {}), ...approx };
  }
  if (!clock) {
    // A whole day: in its own zone's key; a fixed offset other than UTC's or JST's has no key for a day.
    if (fixed === JST_OFFSET_MINUTES) return { jst: date, ...approx };
    if (fixed === 0) return { utc: date, ...approx };
    return { reason: t('a date without a clock time is written in JST, UTC or a named zone, not at a fixed offset') };
  }
  const read = parseTimeText(wall, fixed);
  if (!read.ok) return { reason: t('the phrase names a date or clock time that does not exist') };
  return { ...pairOf(read.value.epochMs, clock.second !== undefined), ...approx };
}

function pairOf(epochMs: number, seconds: boolean): FilledTime {
  return {
    utc: formatInOffset(epochMs, 0, { seconds }),
    jst: formatInOffset(epochMs, JST_OFFSET_MINUTES, { seconds, offset: false }),
  };
}

function zoneOf(time: PhraseTime): PhraseZone | undefined {
  const word = time.zone?.value;
  if (!word) return undefined;
  return word.offsetMinutes !== undefined ? { offsetMinutes: word.offsetMinutes } : word.zone ? { zone: word.zone } : undefined;
}

/** The phrase's date with its year: written, or from the time before it (relative days, a yearless date). */
function dateOf(time: PhraseTime, zone: PhraseZone, context: FillContext): string | undefined {
  const previous = context.previousMs !== undefined ? wallAt(context.previousMs, zone) : undefined;
  if (time.date) {
    const { year, month, day } = time.date.value;
    const y = year ?? previous?.year;
    return y === undefined ? undefined : `${pad(y, 4)}-${pad(month)}-${pad(day)}`;
  }
  if (time.relativeDay && previous) {
    const date = new Date(0);
    date.setUTCFullYear(previous.year, previous.month - 1, previous.day + time.relativeDay.value);
    return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  }
  return undefined;
}

/**
 * "Tuesday, November 19, 2019, 10:40 AM (1:40 AM UTC)": the local clock names no zone, but its
 * twin does. The instant is the twin's clock on the one day (the local date, or a day either
 * side) that puts the local clock a whole quarter-hour offset of at most 14 hours away.
 */
function fillFromTwin(time: PhraseTime, twin: PhraseTime, context: FillContext): FilledTime | undefined {
  const twinZone = zoneOf(twin);
  const clock = time.clock?.value;
  const twinClock = twin.clock?.value;
  if (!twinZone || !clock || !twinClock || !time.date) return undefined;
  const { year, month, day } = time.date.value;
  const y = year ?? (context.previousMs !== undefined ? wallAt(context.previousMs, twinZone).year : undefined);
  if (y === undefined) return undefined;
  const localAsUtc = parseTimeText(`${pad(y, 4)}-${pad(month)}-${pad(day)}T${pad(clock.hour)}:${pad(clock.minute)}`, 0);
  if (!localAsUtc.ok) return undefined;
  const twinFixed = 'offsetMinutes' in twinZone ? twinZone.offsetMinutes : twinZone.zone === 'UTC' ? 0 : undefined;
  if (twinFixed === undefined) return undefined;
  const found: number[] = [];
  for (const shift of [-1, 0, 1]) {
    const date = new Date(localAsUtc.value.epochMs);
    date.setUTCDate(date.getUTCDate() + shift);
    date.setUTCHours(twinClock.hour, twinClock.minute, 0, 0);
    const instant = date.getTime() - twinFixed * MINUTE;
    const offset = (localAsUtc.value.epochMs - instant) / MINUTE;
    if (Math.abs(offset) <= 14 * 60 && offset % 15 === 0) found.push(instant);
  }
  return found.length === 1 ? pairOf(found[0], false) : undefined;
}
