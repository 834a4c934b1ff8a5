import { t } from '../l10n';
import { describeJst, formatDuration } from '../../../../common/time';
import type { Rule } from './rule';
import { describeTimeInJst } from '../zonedTime';

/**
 * Each event is no earlier than the one listed before it (events whose time cannot be read are
 * skipped). Comparing neighbours, not the latest time so far, flags one misplaced event once. A
 * date without a clock is its whole day: flagged only when no clock could put the two in order.
 */
export const timelineOrder: Rule = {
  name: 'timeline-order',
  check(incident, report) {
    // Two numbers, not an object per event: this runs over every event on every keystroke.
    let previousIndex = -1;
    let previousMs = 0;
    let previousDay = false;
    for (const event of incident.timeline) {
      const at = event.at?.epochMs;
      if (at === undefined) continue;
      const dayEnd = event.at!.dayEndMs;
      const latest = dayEnd === undefined ? at : dayEnd - 1;
      if (previousIndex >= 0 && latest < previousMs) {
        const days = previousDay || dayEnd !== undefined;
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
      previousIndex = event.index;
      previousMs = at;
      previousDay = dayEnd !== undefined;
    }
  },
};
