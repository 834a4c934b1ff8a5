import { t } from '../l10n';
import { formatDuration } from '../../../../common/time';
import { eventRule } from './rule';
import { describeIn, describeTimeIn, latestMs } from '../zonedTime';

/**
 * A mitigating or resolving event happens by the end, not after it. Reads `at` (when it
 * happened), not `posted`: an announcement published later is not a contradiction.
 */
export const resolvedAfterEnd = eventRule({
  name: 'resolved-after-end',
  // The end's instants and where it is (the related location).
  context: ({ end }) => (end ? `${end.epochMs} ${end.dayEndMs} ${end.span.start} ${end.span.end}` : ''),
  checkEvent(event, incident, report) {
    const zone = incident.zone?.value;
    const kind = event.kind?.value;
    if (kind !== 'mitigated' && kind !== 'resolved') return;
    // A date is its whole day: what happens on the end's day is not after it.
    const end = incident.end && latestMs(incident.end);
    const at = event.at?.epochMs;
    if (end === undefined || at === undefined || at <= end) return;
    report({
      code: 'resolved-after-end',
      severity: 'warning',
      span: event.at!.span,
      message: t('Event {0} (kind `{1}`) happened at {2}, {3} after the end ({4}): correct `end`, or, if {2} is when it was announced, move it to `posted` and give `at` the time it happened.',
        event.index + 1, kind, describeIn(at, zone), formatDuration(at - end), describeTimeIn(incident.end!, zone)),
      related: [{ span: incident.end!.span, message: t('the end') }],
    });
  },
});
