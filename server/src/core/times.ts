import type { Incident, TimeValue } from './model';
import { t } from './l10n';
import { formatInOffset, JST_OFFSET_MINUTES, MINUTE, type FormatOptions } from '../../../common/time';

/** Every time in an incident with the name messages use for it ("start", "event 3"). */
export function* allTimes(incident: Incident): Generator<{ label: string; time: TimeValue }> {
  if (incident.start) yield { label: 'start', time: incident.start };
  if (incident.end) yield { label: 'end', time: incident.end };
  for (const event of incident.timeline) {
    if (event.at) yield { label: `timeline[${event.index}].at`, time: event.at };
    if (event.posted) yield { label: `timeline[${event.index}].posted`, time: event.posted };
    if (event.nextUpdate) yield { label: `timeline[${event.index}].next_update`, time: event.nextUpdate };
  }
}

/**
 * Whether an instant's wall clock at an offset falls in the years 0000–9999, the only years the
 * format writes: 9999-12-31T20:00Z is 10000-01-01 in JST, and no fix may write that.
 */
export function isWritableIn(epochMs: number, offsetMinutes: number): boolean {
  const year = new Date(epochMs + offsetMinutes * MINUTE).getUTCFullYear();
  return year >= 0 && year <= 9999;
}

/** The instant written at an offset, or undefined when its year is outside 0000–9999. */
export function formatWritable(epochMs: number, offsetMinutes: number, options?: FormatOptions): string | undefined {
  return isWritableIn(epochMs, offsetMinutes) ? formatInOffset(epochMs, offsetMinutes, options) : undefined;
}

/**
 * Why a time is not rewritten in a zone: the same instant falls before 0000 or after 9999 on that
 * zone's clock. Diagnostics and the disabled quick fixes say it in the same words.
 */
export function outsideWritableYears(zone: 'utc' | 'jst'): string {
  return zone === 'utc'
    ? t('In UTC this instant falls outside the years 0000–9999 that the format can write.')
    : t('In JST this instant falls outside the years 0000–9999 that the format can write.');
}

/** The first of `zones` whose clock would show an instant outside the years 0000–9999, if any. */
export function unwritableZone(epochMs: number, zones: readonly ('utc' | 'jst')[] = ['utc', 'jst']): 'utc' | 'jst' | undefined {
  return zones.find((zone) => !isWritableIn(epochMs, zone === 'jst' ? JST_OFFSET_MINUTES : 0));
}
