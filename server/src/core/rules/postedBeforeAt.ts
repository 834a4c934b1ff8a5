import { t } from '../l10n';
import { formatDuration } from '../../../../common/time';
import { eventRule } from './rule';
import { describeIn, latestMs } from '../zonedTime';

/** An update is published no earlier than what it describes: `posted` before `at` is a slip. */
export const postedBeforeAt = eventRule({
  name: 'posted-before-at',
  context: () => '',
  checkEvent(event, incident, report) {
    const zone = incident.zone?.value;
    const posted = event.posted?.epochMs;
    const at = event.at?.epochMs;
    // A date is its whole day: only a `posted` that ends before `at` can begin is a slip.
    if (posted === undefined || at === undefined || latestMs(event.posted!)! >= at) return;
    report({
      code: 'posted-before-at',
      severity: 'warning',
      span: event.posted!.span,
      message: t('Event {0} was posted at {1}, {2} before the time it describes ({3}): `posted` is when the update was published, `at` when it happened.',
        event.index + 1, describeIn(posted, zone), formatDuration(at - posted), describeIn(at, zone)),
    });
  },
});
