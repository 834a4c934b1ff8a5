import { t } from '../l10n';
import { formatDuration } from '../../../../common/time';
import { publicationOrder, timelineFacts } from '../facts';
import { STATUSES } from '../model';
import type { Rule } from './rule';
import { describeIn, describeTimeIn } from '../zonedTime';

/** `resolved` as TimelineFacts.status writes it (rank plus one). */
const RESOLVED = STATUSES.indexOf('resolved') + 1;

/** An update keeps the previous update's promise of the next one, while the incident is open. */
export const lateUpdate: Rule = {
  name: 'late-update',
  check(incident, report) {
    // Times in messages are named in the file's zone (describeIn).
    const zone = incident.zone?.value;
    // Over the facts in publication order: events are read only for a message.
    const facts = timelineFacts(incident);
    const order = publicationOrder(facts);
    let status = 0;
    let previous = -1;
    for (const index of order) {
      const ms = facts.publishedMs[index];
      // A promised date is its whole day: late only once that day is over (promisedMs is its last millisecond).
      const promised = previous >= 0 ? facts.promisedMs[previous] : NaN;
      if (!Number.isNaN(promised) && status !== RESOLVED && ms > promised) {
        const event = incident.timeline[index];
        const before = incident.timeline[previous];
        report({
          code: 'late-update',
          severity: 'warning',
          span: (event.posted ?? event.at)!.span,
          message: t('Event {0} was published at {1}, {2} later than event {3} promised the next update ({4}).',
            event.index + 1, describeIn(ms, zone), formatDuration(ms - promised), before.index + 1, describeTimeIn(before.nextUpdate!, zone)),
          related: [{ span: before.nextUpdate!.span, message: t('the promise') }],
        });
      }
      if (facts.status[index] !== 0) status = facts.status[index];
      previous = index;
    }
  },
};
