import { t } from '../l10n';
import type { IncidentDiagnostic } from '../diagnostics';
import type { Field, Incident } from '../model';
import { readMentionsCached, type PhraseDate, type PhraseTime } from '../phrases';
import { abbreviationMisfit, isCalendarDate, isoDate, wallAt, weekdayName, weekdayOf } from '../phrases/compare';
import { locateValue, type Locate } from '../phrases/locate';
import { quoted, type Span } from '../text';
import { eventRule, type Report } from './rule';
import { abbreviationMessage } from './writtenTimes';

/**
 * Times mentioned in prose (title, impact, cause, next steps, event texts): a weekday that names
 * the date beside it wrongly ("Friday, 22 September 2022") and a zone abbreviation that does not
 * fit its date ("10:40 AM PST" beside September 28, 2022). Nothing else in prose is judged.
 */
export const proseTimes = eventRule({
  name: 'weekday-mismatch',
  // A date without a year is placed by the start.
  context: (incident) => String(incident.start?.epochMs),
  checkEvent(event, incident, report, text) {
    if (event.event) judge(event.event.value, event.event.entry.valueSpan, incident, report, text);
  },
  checkRoot(incident, report, text) {
    const fields: (Field<string> | undefined)[] = [incident.title, incident.impact, incident.cause];
    for (const field of fields) if (field) judge(field.value, field.entry.valueSpan, incident, report, text);
    if (incident.nextSteps) {
      // The items in order inside the list's node: each found after the one before.
      const node = incident.nextSteps.entry.valueSpan;
      let from = node.start;
      for (const step of incident.nextSteps.value) {
        const at = text.indexOf(step, from);
        const itemSpan = at >= 0 && at < node.end ? { start: at, end: at + step.length } : node;
        judge(step, itemSpan, incident, report, text);
        if (at >= 0) from = at + step.length;
      }
    }
  },
});

/** The mentions in one text, `node` its value's place in the document. */
function judge(value: string, node: Span, incident: Incident, report: Report, text: string): void {
  const mentions = readMentionsCached(value);
  if (mentions.length === 0) return;
  const locate = locateValue(text, node, value);
  for (const mention of mentions) checkMention(value, mention, locate, incident.start?.epochMs, report, text);
}

/** Noon UTC of a date: a yearless date is placed by it. */
function noonOf(year: number, date: PhraseDate): number {
  const noon = new Date(0);
  noon.setUTCFullYear(year, date.month - 1, date.day);
  return noon.setUTCHours(12);
}

/** A yearless date's year: the one that puts it nearest the incident's start. */
function yearOf(date: PhraseDate, start: number | undefined): number | undefined {
  if (date.year !== undefined) return date.year;
  if (start === undefined) return undefined;
  const startYear = wallAt(start, { zone: 'UTC' }).year;
  const years = [startYear - 1, startYear, startYear + 1].filter((year) => isCalendarDate(year, date.month, date.day));
  return years.sort((a, b) => Math.abs(noonOf(a, date) - start) - Math.abs(noonOf(b, date) - start))[0];
}

function checkMention(value: string, mention: PhraseTime, locate: Locate, start: number | undefined, report: (d: IncidentDiagnostic) => void, text: string): void {
  if (!mention.date) return;
  const year = yearOf(mention.date.value, start);
  const { month, day } = mention.date.value;
  if (year === undefined || !isCalendarDate(year, month, day)) return;
  const words = (s: { start: number; end: number }) => quoted(value.slice(s.start, s.end));
  const date = isoDate({ year, month, day });
  if (mention.weekday) {
    const actual = weekdayOf(year, month, day);
    if (actual !== mention.weekday.value) {
      report({
        code: 'weekday-mismatch',
        severity: 'warning',
        span: locate(mention.weekday.span),
        message: t('{0} is called a {1} here, but {2} was a {3}.', words(mention.date.span), words(mention.weekday.span), date, weekdayName(actual)),
      });
    }
  }
  const zone = mention.zone;
  if (zone?.value.abbreviationOffset !== undefined && zone.value.zone) {
    const clock = mention.clock?.value ?? { hour: 12, minute: 0 };
    const misfit = abbreviationMisfit(zone.value.zone, zone.value.abbreviationOffset, date, clock);
    if (misfit) {
      const span = locate(zone.span);
      // The fix writes the zone's own abbreviation where ICU has one in letters ("PDT", not
      // "UTC+5:30"), and only where the words were found in the document (not the whole value).
      const fixable = /^[A-Z]{2,5}$/.test(misfit.abbreviation) && text.slice(span.start, span.end) === value.slice(zone.span.start, zone.span.end);
      report({
        code: 'zone-abbreviation',
        severity: 'warning',
        span,
        message: abbreviationMessage(words(zone.span), date, zone.value.zone, misfit.abbreviation, misfit.offset),
        ...(fixable ? { data: { code: 'zone-abbreviation', abbreviation: misfit.abbreviation } } : {}),
      });
    }
  }
}

