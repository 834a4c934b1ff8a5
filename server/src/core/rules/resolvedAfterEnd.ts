import { t } from '../l10n';
import { describeJst, formatDuration } from '../../../../common/time';
import type { Rule } from './rule';
import { describeTimeInJst, latestMs } from '../zonedTime';

/**
 * A mitigating or resolving event happens by the end, not after it. Reads `at` (when it
 * happened), not `posted`: an announcement published later is not a contradiction.
 */
export const resolvedAfterEnd: Rule = {
  name: 'resolved-after-end',
  check(incident, report) {
    // A date is its whole day: what happens on the end's day is not after it.
    const end = incident.end && latestMs(incident.end);
    if (end === undefined) return;
    for (const event of incident.timeline) {
      const kind = event.kind?.value;
      const at = event.at?.epochMs;
      if ((kind !== 'mitigated' && kind !== 'resolved') || at === undefined || at <= end) continue;
      report({
        code: 'resolved-after-end',
        severity: 'warning',
        span: event.at!.span,
        message: t('Event {0} (kind `{1}`) happened at {2}, {3} after the end ({4}): correct `end`, or, if {2} is when it was announced, move it to `posted` and give `at` the time it happened.',
          event.index + 1, kind, describeJst(at), formatDuration(at - end), describeTimeInJst(incident.end!)),
        related: [{ span: incident.end!.span, message: t('the end') }],
      });
    }
  },
};
