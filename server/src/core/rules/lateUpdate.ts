import { t } from '../l10n';
import { describeJst, formatDuration } from '../../../../common/time';
import type { Status } from '../model';
import type { Rule } from './rule';
import { describeTimeInJst, latestMs } from '../zonedTime';
import { updatesByPublication, type Published } from './updates';

/** An update keeps the previous update's promise of the next one, while the incident is open. */
export const lateUpdate: Rule = {
  name: 'late-update',
  check(incident, report) {
    let status: Status | undefined;
    let previous: Published | undefined;
    for (const current of updatesByPublication(incident)) {
      // A promised date is its whole day: late only once that day is over.
      const promised = previous?.event.nextUpdate && latestMs(previous.event.nextUpdate);
      if (previous && promised !== undefined && status !== 'resolved' && current.ms > promised) {
        const { event } = current;
        report({
          code: 'late-update',
          severity: 'warning',
          span: (event.posted ?? event.at)!.span,
          message: t('Event {0} was published at {1}, {2} later than event {3} promised the next update ({4}).',
            event.index + 1, describeJst(current.ms), formatDuration(current.ms - promised), previous.event.index + 1, describeTimeInJst(previous.event.nextUpdate!)),
          related: [{ span: previous.event.nextUpdate!.span, message: t('the promise') }],
        });
      }
      status = current.event.status?.value ?? status;
      previous = current;
    }
  },
};
