import { t } from '../l10n';
import { describeJst, formatDuration } from '../../../../common/time';
import type { Rule } from './rule';
import { describeTimeInJst } from '../zonedTime';
import { FACT_AT_DAY, timelineFacts } from '../facts';

/**
 * Each event is no earlier than the one listed before it (events whose time cannot be read are
 * skipped). Comparing neighbours, not the latest time so far, flags one misplaced event once. A
 * date without a clock is its whole day: flagged only when no clock could put the two in order.
 */
export const timelineOrder: Rule = {
  name: 'timeline-order',
  check(incident, report) {
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
              event.index + 1, describeTimeInJst(event.at!), previousIndex + 1, describeTimeInJst(incident.timeline[previousIndex].at!))
            : t('Timeline event {0} ({1}) is {2} earlier than event {3} before it ({4}); keep the timeline in time order.',
              event.index + 1, describeJst(at), formatDuration(previousMs - at), previousIndex + 1, describeJst(previousMs)),
          data: { code: 'timeline-order', index: event.index, previousIndex },
        });
      }
      previousIndex = index;
      previousMs = at;
      previousDay = day;
    }
  },
};
