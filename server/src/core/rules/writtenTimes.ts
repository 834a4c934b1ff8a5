import { t } from '../l10n';
import type { IncidentDiagnostic } from '../diagnostics';
import type { Incident, TimeValue } from '../model';
import { readPhraseCached, readsFromTimeBefore, type PhraseTime } from '../phrases';
import { abbreviationMisfitAt, compareTime, isoDate, wallAt, weekdayName, zoneLabel, type Mismatch, type PhraseZone } from '../phrases/compare';
import { fillFromPhrase } from '../phrases/fill';
import { locateValue, type Locate } from '../phrases/locate';
import { quoted } from '../text';
import { eventRule, type Rule } from './rule';
import { FACT_WRITTEN_IN_CONTEXT, timelineFacts } from '../facts';

const TOKYO = 'Asia/Tokyo';

/**
 * `written`, the source's own words for a time, against the time's value: every part of the
 * phrase that disagrees (weekday, date, clock, a relative day, a twin in another zone) is a
 * `written-mismatch` on that part; a phrase that says it is approximate while `approx` is not set
 * is one as a warning; an abbreviation that does not fit the date is `zone-abbreviation`.
 */
export const writtenTimes = eventRule({
  name: 'written-mismatch',
  // Each phrase is judged against its own time; the root zone (read by unread-time) is every rule's context.
  context: () => '',
  checkRoot(incident, report, text) {
    for (const time of [incident.start, incident.end]) if (time?.written) judgeWritten(incident, time, report, text);
  },
  checkEvent(event, incident, report, text) {
    // Phrases that count from the time before (同日, the next day, a date without a year) are
    // judged by writtenInContext, which knows that time; here only what the event alone decides.
    for (const time of [event.at, event.posted, event.nextUpdate]) {
      if (time?.written && !readsFromTimeBefore(time.written.text)) judgeWritten(incident, time, report, text, false);
    }
  },
});

/**
 * The timeline's phrases that count from the time before them (FACT_WRITTEN_IN_CONTEXT): few, so
 * this looks up each one's previous time instead of the findings being kept per event.
 */
export const writtenInContext: Rule = {
  name: 'written-mismatch (relative)',
  check(incident, report, text) {
    const { flags, any } = timelineFacts(incident);
    if ((any & FACT_WRITTEN_IN_CONTEXT) === 0) return;
    for (let index = 0; index < flags.length; index++) {
      if ((flags[index] & FACT_WRITTEN_IN_CONTEXT) === 0) continue;
      const event = incident.timeline[index];
      for (const time of [event.at, event.posted, event.nextUpdate]) {
        if (time?.written && readsFromTimeBefore(time.written.text)) judgeWritten(incident, time, report, text, true, index);
      }
    }
  },
};


/**
 * One time's `written` against its value (or, without a value, unread-time). `withPrevious`: look
 * up the time before it (false where the phrase does not count from it); `index`, its event's.
 */
function judgeWritten(incident: Incident, time: TimeValue, report: (d: IncidentDiagnostic) => void, text: string, withPrevious = true, index?: number): void {
  const previous = withPrevious ? previousTimeMs(incident, time, index) : undefined;
  if (isUnread(time)) unread(time, incident.zone?.value, previous, report);
  else checkWritten(time, previous, text, report);
}

/**
 * The instant of the time written just before `time` in the file (start, end and the events' times
 * in document order) that has one; `index`, the event that holds `time`, when it is in the timeline.
 */
function previousTimeMs(incident: Incident, time: TimeValue, index?: number): number | undefined {
  let best: TimeValue | undefined;
  const consider = (candidate: TimeValue | undefined): boolean => {
    if (!candidate || candidate.epochMs === undefined || candidate.span.start >= time.span.start) return false;
    if (!best || candidate.span.start > best.span.start) best = candidate;
    return true;
  };
  consider(incident.start);
  consider(incident.end);
  const { timeline } = incident;
  // The events before it, nearest first: the first that has a time before it has the latest one.
  let i = index ?? lastEventBefore(timeline, time.span.start);
  for (; i >= 0; i--) {
    const event = timeline[i];
    let found = false;
    for (const candidate of [event.at, event.posted, event.nextUpdate]) found = consider(candidate) || found;
    if (found) break;
  }
  return best?.epochMs;
}

/** The last event that starts before `offset` (-1 for none): a binary search, the events being in document order. */
function lastEventBefore(timeline: Incident['timeline'], offset: number): number {
  let low = 0;
  let high = timeline.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (timeline[mid].span.start < offset) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

/** Every time of the file in the order it is written (for 同日 / the next day: the time before). */
export function timesInOrder(incident: Incident): TimeValue[] {
  const times: TimeValue[] = [];
  if (incident.start) times.push(incident.start);
  if (incident.end) times.push(incident.end);
  for (const event of incident.timeline) {
    for (const time of [event.at, event.posted, event.nextUpdate]) if (time) times.push(time);
  }
  // Usually in order already (start, end, then the timeline); a sort of a sorted list is cheap.
  return times.sort((a, b) => a.span.start - b.span.start);
}

/** The zone a phrase without zone words is read in: the mapping's (local), else JST for a pair with a jst side, else UTC. */
export function mappingZone(time: TimeValue): string {
  if (time.form === 'local' && time.zone) return time.zone.name;
  return time.jst ? TOKYO : 'UTC';
}

function zoneOfWords(time: PhraseTime): PhraseZone | undefined {
  const word = time.zone?.value;
  if (!word) return undefined;
  return word.offsetMinutes !== undefined ? { offsetMinutes: word.offsetMinutes } : word.zone ? { zone: word.zone } : undefined;
}

/** A mapping with the source's words and no value key at all (one that failed to read has its own diagnostic). */
function isUnread(time: TimeValue): boolean {
  return time.form !== 'string' && !(time.entries ?? []).some((e) => e.key === 'utc' || e.key === 'jst' || e.key === 'local');
}

function unread(time: TimeValue, rootZone: string | undefined, previousMs: number | undefined, report: (d: IncidentDiagnostic) => void): void {
  const written = time.written!;
  const zone = time.zone?.name ?? rootZone;
  const filled = fillFromPhrase(readPhraseCached(written.text), {
    ...(zone ? { zone } : {}),
    ...(previousMs !== undefined ? { previousMs } : {}),
  });
  report({
    code: 'unread-time',
    severity: 'error',
    span: written.span,
    message: t('This time has only the source\'s words ({0}) and no value yet: add `utc`, `jst` or `local`.', quoted(written.text)),
    data: { code: 'unread-time', mapSpan: time.span, entries: time.entries ?? [], ...('reason' in filled ? { reason: filled.reason } : { filled }) },
  });
}

function checkWritten(time: TimeValue, previousMs: number | undefined, text: string, report: (d: IncidentDiagnostic) => void): void {
  const written = time.written!;
  const reading = readPhraseCached(written.text);
  const epochMs = time.epochMs;
  if (!reading.time || epochMs === undefined) return;
  const locate = locateValue(text, written.span, written.text);
  const words = (s: { start: number; end: number }) => quoted(written.text.slice(s.start, s.end));
  const dayOnly = time.precision === 'day';
  const zone = zoneOfWords(reading.time) ?? { zone: mappingZone(time) };
  const mismatches: Mismatch[] = compareTime(reading.time, epochMs, zone, { dayOnly, previousMs });
  const twinZone = reading.twin && zoneOfWords(reading.twin);
  if (reading.twin && twinZone) mismatches.push(...compareTime(reading.twin, epochMs, twinZone, { dayOnly }, true));
  for (const m of mismatches) {
    report({ code: 'written-mismatch', severity: 'error', span: locate(m.span), message: mismatchMessage(m, words(m.span), reading.time, epochMs) });
  }
  if (reading.approx && !time.approx) {
    report({
      code: 'written-mismatch',
      severity: 'warning',
      span: locate(reading.approx.span),
      message: t('`written` says the time is approximate ({0}), but `approx` is not set.', words(reading.approx.span)),
      data: { code: 'written-mismatch', approx: { mapSpan: time.span, entries: time.entries ?? [] } },
    });
  }
  for (const part of [reading.time, reading.twin]) checkAbbreviation(part, epochMs, locate, words, report);
}

function mismatchMessage(m: Mismatch, words: string, time: PhraseTime, epochMs: number): string {
  const where = zoneLabel(m.zone);
  switch (m.part) {
    case 'weekday': {
      const date = time.date?.value;
      const wall = wallAt(epochMs, m.zone);
      const day = date ? isoDate({ year: date.year ?? wall.year, month: date.month, day: date.day }) : isoDate(wall);
      return t('`written` says {0}, but {1} was a {2}.', words, day, weekdayName(m.expected as number));
    }
    case 'date':
    case 'twin-date':
      return t('`written` says {0}, but the time is on {1} in {2}.', words, String(m.expected), where);
    case 'relative':
      return t('`written` says {0} (counted from the time before), but the time is on {1} in {2}.', words, String(m.expected), where);
    default:
      return t('`written` says {0}, but the time is {1} in {2}.', words, String(m.expected), where);
  }
}

/** An abbreviation that names standard or summer time (PST, BST…) where the zone was on the other. */
export function checkAbbreviation(
  part: PhraseTime | undefined,
  epochMs: number,
  locate: Locate,
  words: (s: { start: number; end: number }) => string,
  report: (d: IncidentDiagnostic) => void,
): void {
  const word = part?.zone;
  if (!word || word.value.abbreviationOffset === undefined || !word.value.zone) return;
  const misfit = abbreviationMisfitAt(word.value.zone, word.value.abbreviationOffset, epochMs);
  if (!misfit) return;
  const date = isoDate(wallAt(epochMs, { zone: word.value.zone }));
  report({
    code: 'zone-abbreviation',
    severity: 'warning',
    span: locate(word.span),
    message: abbreviationMessage(words(word.span), date, word.value.zone, misfit.abbreviation, misfit.offset),
  });
}

/** One message for the abbreviation in `written` and in prose. */
export function abbreviationMessage(words: string, date: string, zone: string, abbreviation: string, offset: string): string {
  return t('{0} does not fit {1}: {2} was on {3} ({4}) then, not {0}.', words, date, zone, abbreviation, offset);
}
