import { t } from '../l10n';
import { formatDuration } from '../../../../common/time';
import type { Rule } from './rule';
import { describeIn, describeTimeIn } from '../zonedTime';
import { FACT_AT_DAY, timelineFacts } from '../facts';

/**
 * Each event is no earlier than the one listed before it (events whose time cannot be read are
 * skipped). Comparing neighbours, not the latest time so far, flags one misplaced event once. A
 * date without a clock is its whole day: flagged only when no clock could put the two in order.
 */
export const timelineOrder: Rule = {
  name: 'timeline-order',
  check(incident, report) {
    // Times in messages are named in the file's zone (describeIn).
    const zone = incident.zone?.value;
    // Over the timeline's facts, not its events: this runs over every event on every keystroke,
    // and an event's objects are read only for a message.
    const { atMs, atLatestMs, flags } = timelineFacts(incident);
    let previousIndex = -1;
    let previousMs = 0;
    let previousDay = false;
    for (let index = 0; index < atMs.length; index++) {
      const at = atMs[index];
      if (Number.isNaN(at)) continue;
      const day = (flags[index] & FACT_AT_DAY) !== 0;
      if (previousIndex >= 0 && atLatestMs[index] < previousMs) {
        const event = incident.timeline[index];
        const days = previousDay || day;
        report({
          code: 'timeline-order',
          severity: 'warning',
          span: event.at!.span,
          message: days
            ? t('Timeline event {0} ({1}) is earlier than event {2} before it ({3}) whatever the clock on its day; keep the timeline in time order.',
              event.index + 1, describeTimeIn(event.at!, zone), previousIndex + 1, describeTimeIn(incident.timeline[previousIndex].at!, zone))
            : t('Timeline event {0} ({1}) is {2} earlier than event {3} before it ({4}); keep the timeline in time order.',
              event.index + 1, describeIn(at, zone), formatDuration(previousMs - at), previousIndex + 1, describeIn(previousMs, zone)),
          data: { code: 'timeline-order', index: event.index, previousIndex },
        });
      }
      previousIndex = index;
      previousMs = at;
      previousDay = day;
    }
  },
};
