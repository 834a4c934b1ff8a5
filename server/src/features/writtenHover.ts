/**
 * Hover on a time's `written`: how the checker read the source's words, part by part (weekday,
 * date or a day counted from the time before, clock, zone, a twin in another zone, approximate
 * words), the zone a phrase without zone words is read in, and whether it agrees with the value;
 * or, for a phrase left alone, why it is not checked. Everything is formatted by us: the phrase's
 * own words are quoted through inline code with their backticks removed.
 */
import { t, type ParsedIncident, type Span, type TimeValue } from '../core';
import { readPhraseCached, type PhraseReading, type PhraseTime } from '../core/phrases';
import { isoDate, weekdayName, zoneLabel } from '../core/phrases/compare';
import { mappingZone } from '../core/rules/writtenTimes';

const pad = (n: number) => String(n).padStart(2, '0');

/** The words of a part, as inline code on one line (a backtick or line break cannot end it early). */
function words(phrase: string, span: Span): string {
  return `\`${phrase.slice(span.start, span.end).replace(/`/g, "'").replace(/[\r\n\u2028\u2029]+/g, ' ')}\``;
}

function partLines(phrase: string, time: PhraseTime, zoneFromMapping: string | undefined): string[] {
  const lines: string[] = [];
  if (time.weekday) lines.push(t('weekday {0}: {1}', words(phrase, time.weekday.span), weekdayName(time.weekday.value)));
  if (time.date) {
    const { year, month, day } = time.date.value;
    lines.push(year === undefined
      ? t('date {0}: {1}, the year taken from the time before', words(phrase, time.date.span), `${pad(month)}-${pad(day)}`)
      : t('date {0}: {1}', words(phrase, time.date.span), isoDate({ year, month, day })));
  }
  if (time.era) lines.push(t('era year {0}: {1}', words(phrase, time.era.span), String(time.era.value.year)));
  if (time.relativeDay) {
    const days = time.relativeDay.value;
    const said = words(phrase, time.relativeDay.span);
    lines.push(days === 0 ? t('{0}: the same day as the time before', said) : days > 0 ? t('{0}: the day after the time before', said) : t('{0}: the day before the time before', said));
  }
  if (time.clock) {
    const { hour, minute, second } = time.clock.value;
    lines.push(t('clock {0}: {1}', words(phrase, time.clock.span), `${pad(hour)}:${pad(minute)}${second !== undefined ? ':' + pad(second) : ''}`));
  }
  const zone = time.zone?.value;
  const named = zone && (zone.offsetMinutes !== undefined ? { offsetMinutes: zone.offsetMinutes } : zone.zone ? { zone: zone.zone } : undefined);
  if (time.zone && named) lines.push(t('zone {0}: {1}', words(phrase, time.zone.span), zoneLabel(named)));
  else if (zoneFromMapping) lines.push(t('no zone words: read in {0}, the time\'s own zone', zoneFromMapping));
  return lines;
}

const LEFT_ALONE: Readonly<Record<NonNullable<PhraseReading['leftAlone']>, () => string>> = {
  'no-time': () => t('they give no date or clock time that can be read'),
  'range': () => t('they give a range, or two times that are not one time and its twin in another zone'),
  'unknown-zone': () => t('they name a zone this checker does not know for sure (IST, CST and others name several)'),
  'unsure': () => t('two readings of them disagree, and a guess could raise a false alarm'),
};

/** The hover of `time.written` under the cursor: `span` is its value's place. */
export function writtenHover(parsed: ParsedIncident, time: TimeValue): { span: Span; markdown: string } | undefined {
  const written = time.written;
  if (!written) return undefined;
  const phrase = written.text;
  const reading = readPhraseCached(phrase);
  const lines: string[] = [];
  if (!reading.time) {
    lines.push(`**${t('The source\'s words are not checked')}**: ${(LEFT_ALONE[reading.leftAlone ?? 'no-time'])()}.`);
    return { span: written.span, markdown: lines.join('\n') };
  }
  lines.push(`**${t('How the source\'s words read')}**`, '');
  for (const line of partLines(phrase, reading.time, mappingZone(time))) lines.push(`- ${line}`);
  if (reading.twin) {
    lines.push(`- ${t('the same time in another zone:')}`);
    for (const line of partLines(phrase, reading.twin, undefined)) lines.push(`  - ${line}`);
  }
  if (reading.approx) lines.push(`- ${t('approximate: {0}', words(phrase, reading.approx.span))}`);
  lines.push('');
  const found = parsed.diagnostics.filter((d) => d.code === 'written-mismatch' && d.span.start >= written.span.start && d.span.end <= written.span.end);
  if (time.epochMs === undefined) lines.push(t('There is no value yet to compare them with.'));
  else if (found.length === 0) lines.push(t('They agree with the value.'));
  else lines.push(t('{0} of them disagree with the value: see the Problems view.', String(found.length)));
  return { span: written.span, markdown: lines.join('\n') };
}
