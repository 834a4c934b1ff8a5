import { t } from '../l10n';
import { describeUtc, formatDuration } from '../../../../common/time';
import type { Rule } from './rule';
import { describeIn, describeTimeIn, latestMs } from '../zonedTime';

/**
 * The end comes after the start; an equal end is suspicious. A date without a clock is its whole
 * day: an error only when no clock could put the end after the start.
 */
export const endBeforeStart: Rule = {
  name: 'end-before-start',
  check(incident, report) {
    // Times in messages are named in the file's zone (describeIn).
    const zone = incident.zone?.value;
    const start = incident.start?.epochMs;
    const end = incident.end?.epochMs;
    if (start === undefined || end === undefined) return;
    const data = { code: 'end-before-start' as const, startSpan: incident.start!.span, endSpan: incident.end!.span };
    const related = [{ span: incident.start!.span, message: t('the start') }];
    if (incident.start!.dayEndMs !== undefined || incident.end!.dayEndMs !== undefined) {
      if (latestMs(incident.end!)! >= start) return;
      report({
        code: 'end-before-start',
        severity: 'error',
        span: incident.end!.span,
        message: t('The end ({0}) is before the start ({1}) whatever the clock on its day.', describeTimeIn(incident.end!, zone), describeTimeIn(incident.start!, zone)),
        data,
        related,
      });
      return;
    }
    if (end > start) return;
    if (end === start) {
      report({
        code: 'end-before-start',
        severity: 'warning',
        span: incident.end!.span,
        message: t('The end is the same instant as the start ({0} = {1}): the incident lasted no time.', describeUtc(end), describeIn(end, zone)),
        data,
        related,
      });
      return;
    }
    report({
      code: 'end-before-start',
      severity: 'error',
      span: incident.end!.span,
      message: t('The end ({0}) is {1} before the start ({2}).', describeIn(end, zone), formatDuration(start - end), describeIn(start, zone)),
      data,
      related,
    });
  },
};
