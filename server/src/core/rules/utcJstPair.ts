import { t } from '../l10n';
import type { IncidentDiagnostic } from '../diagnostics';
import type { TimeSide, TimeValue } from '../model';
import { commonWindow, windowOf } from '../zonedTime';
import { HOUR, describeJst, formatDuration, JST_OFFSET_MINUTES } from '../../../../common/time';
import { formatWritable, outsideWritableYears } from '../times';
import { eventRule, type Report } from './rule';
import { quoted } from '../text';

/**
 * Both sides of a utc/jst pair name one instant. When they are exactly 9 hours apart one side
 * was almost certainly written in the other zone's clock; the diagnostic says which and sits on it.
 */
export const utcJstPair = eventRule({
  name: 'utc-jst-mismatch',
  // Each pair is judged on its own.
  context: () => '',
  checkRoot(incident, report) {
    if (incident.start) checkPair(incident.start, 'start', report);
    if (incident.end) checkPair(incident.end, 'end', report);
  },
  checkEvent(event, _incident, report) {
    // Without per-time objects or label strings: the label is only needed for a mismatch.
    if (event.at?.form === 'pair') checkPair(event.at, event.index, report);
    // Updates' own times: rare, so their label strings cost nothing on a plain timeline.
    if (event.posted?.form === 'pair') checkPair(event.posted, `timeline[${event.index}].posted`, report);
    if (event.nextUpdate?.form === 'pair') checkPair(event.nextUpdate, `timeline[${event.index}].next_update`, report);
  },
});

/** `where`: a label as allTimes names it, or the index of a timeline event for its `at`. */
function checkPair(time: TimeValue, where: string | number, report: Report): void {
  const { utc, jst } = time;
  if (time.form !== 'pair' || !utc || !jst) return;
  if (utc.epochMs === undefined || jst.epochMs === undefined || utc.wrongOffset || jst.wrongOffset) return;
  if (utc.epochMs === jst.epochMs && utc.precision === jst.precision) return;
  const label = typeof where === 'number' ? `timeline[${where}].at` : where;
  if (utc.precision === 'day' || jst.precision === 'day') {
    checkDays(utc, jst, label, report);
    return;
  }
  const diff = jst.epochMs - utc.epochMs;
  // Both sides showing the same clock time puts the jst instant 9 hours before the utc one: one
  // side was copied from the other zone's clock (which one, the text alone cannot tell; the
  // jst side is the usual slip). 9 hours the other way means the offset was applied twice.
  const sameClock = diff === -9 * HOUR;
  const twice = diff === 9 * HOUR;
  const suspect = sameClock ? 'jst' : undefined;
  const keepSeconds = (s: string) => /T?\d{2}:\d{2}:\d{2}/.test(s);
  const separator = (s: string) => (s.includes('T') ? 'T' : ' ');
  const withOffset = (s: string) => /(Z|[+-]\d{2}:\d{2})$/.test(s);
  // Undefined where the other side's instant cannot be written in this zone (years 0000–9999).
  const correctedJst = formatWritable(utc.epochMs, JST_OFFSET_MINUTES, { seconds: keepSeconds(jst.text), separator: separator(jst.text), offset: withOffset(jst.text) });
  const correctedUtc = formatWritable(jst.epochMs, 0, { seconds: keepSeconds(utc.text), separator: separator(utc.text), offset: withOffset(utc.text) });
  const difference = formatDuration(Math.abs(diff));
  let message = t('`{0}`: utc and jst name different instants. utc {1} is {2}, but jst {3} is {4}: {5} apart.',
    label, quoted(utc.text), describeJst(utc.epochMs), quoted(jst.text), describeJst(jst.epochMs), difference);
  if (sameClock) message += ' ' + t('Both show the same clock time, so one side was written in the other zone\'s clock (exactly 9 hours off).');
  if (twice) message += ' ' + t('The 9-hour offset looks applied twice: one side was converted from the other zone\'s clock in the wrong direction.');
  // Say why a correction is missing from the quick fixes, in every client (and the CLI).
  if (correctedJst === undefined) message += ' ' + outsideWritableYears('jst');
  if (correctedUtc === undefined) message += ' ' + outsideWritableYears('utc');
  report({
    code: 'utc-jst-mismatch',
    severity: 'error',
    span: jst.span,
    message,
    data: { code: 'utc-jst-mismatch', utcSpan: utc.span, jstSpan: jst.span, correctedJst, correctedUtc, suspect },
  });
}

/**
 * A pair with a date alone on one side or both: the sides agree when they can name the same
 * time (the clock falls on that day; the two days overlap). A correction is a date, or a clock
 * where the other side is one.
 */
function checkDays(utc: TimeSide, jst: TimeSide, label: string, report: (diagnostic: IncidentDiagnostic) => void): void {
  const utcWindow = windowOf(utc)!;
  const jstWindow = windowOf(jst)!;
  if (commonWindow(utcWindow, jstWindow)) return;
  const day = (ms: number, offset: number) => formatWritable(ms, offset)?.slice(0, 10);
  // A day's correction on the other side is its date there; from a day, no clock can be written.
  const correctedJst = jst.precision === 'day' ? (utc.precision === 'day' ? undefined : day(utc.epochMs!, JST_OFFSET_MINUTES)) : undefined;
  const correctedUtc = utc.precision === 'day' ? (jst.precision === 'day' ? undefined : day(jst.epochMs!, 0)) : undefined;
  report({
    code: 'utc-jst-mismatch',
    severity: 'error',
    span: jst.span,
    message: t('`{0}`: utc and jst cannot name the same time. utc {1} is {2}, but jst {3} is {4}.',
      label, quoted(utc.text), describeSideInJst(utc), quoted(jst.text), describeSideInJst(jst)),
    data: { code: 'utc-jst-mismatch', utcSpan: utc.span, jstSpan: jst.span, correctedJst, correctedUtc },
  });
}

/** "2019-11-19 10:40 JST", or "2021-06-08 09:00 JST to 2021-06-09 09:00 JST" for a day. */
function describeSideInJst(side: TimeSide): string {
  return side.dayEndMs === undefined ? describeJst(side.epochMs!) : t('{0} to {1}', describeJst(side.epochMs!), describeJst(side.dayEndMs));
}
