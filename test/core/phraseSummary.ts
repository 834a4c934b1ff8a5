/**
 * Test support: a phrase's reading as short lines, each part's value and the words it was read
 * from ("2019-11-19 = November 19, 2019"), so the data file reads like a checked transcription.
 */
import type { Part, PhraseReading, PhraseTime, ZoneWord } from '../../server/src/core/phrases';
import { formatOffset } from '../../common/time';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function zoneText(zone: ZoneWord): string {
  if (zone.offsetMinutes !== undefined) return formatOffset(zone.offsetMinutes);
  return zone.abbreviationOffset === undefined ? zone.zone! : `${zone.zone} ${formatOffset(zone.abbreviationOffset)}`;
}

export type TimeSummary = Record<string, string>;
export interface PhraseSummary {
  time?: TimeSummary;
  twin?: TimeSummary;
  approx?: string;
  left?: string;
}

function summariseTime(phrase: string, time: PhraseTime): TimeSummary {
  const out: TimeSummary = {};
  const words = (part: Part<unknown>) => phrase.slice(part.span.start, part.span.end);
  if (time.date) {
    const { year, month, day } = time.date.value;
    out.date = `${year === undefined ? '-' : pad(year, 4)}-${pad(month)}-${pad(day)} = ${words(time.date)}`;
  }
  if (time.era) out.era = `${time.era.value.year} = ${words(time.era)}`;
  if (time.weekday) out.weekday = `${WEEKDAYS[time.weekday.value]} = ${words(time.weekday)}`;
  if (time.clock) {
    const { hour, minute, second } = time.clock.value;
    out.clock = `${pad(hour)}:${pad(minute)}${second === undefined ? '' : ':' + pad(second)} = ${words(time.clock)}`;
  }
  if (time.zone) out.zone = `${zoneText(time.zone.value)} = ${words(time.zone)}`;
  if (time.relativeDay) out.relative = `${time.relativeDay.value >= 0 ? '+' : ''}${time.relativeDay.value} = ${words(time.relativeDay)}`;
  return out;
}

export function summarise(phrase: string, reading: PhraseReading): PhraseSummary {
  const out: PhraseSummary = {};
  if (reading.time) out.time = summariseTime(phrase, reading.time);
  if (reading.twin) out.twin = summariseTime(phrase, reading.twin);
  if (reading.approx) out.approx = phrase.slice(reading.approx.span.start, reading.approx.span.end);
  if (reading.leftAlone) out.left = reading.leftAlone;
  return out;
}
