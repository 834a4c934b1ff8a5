import { t } from '../l10n';
import { describeJst, formatDuration } from '../time';
import type { Rule } from './rule';

/**
 * Each event is no earlier than the one listed before it (events whose time cannot be read are
 * skipped). Comparing neighbours, not the latest time so far, flags one misplaced event once.
 */
export const timelineOrder: Rule = {
  name: 'timeline-order',
  check(incident, report) {
    let previous: { index: number; epochMs: number } | undefined;
    for (const event of incident.timeline) {
      const at = event.at?.epochMs;
      if (at === undefined) continue;
      if (previous && at < previous.epochMs) {
        report({
          code: 'timeline-order',
          severity: 'warning',
          span: event.at!.span,
          message: t('Timeline event {0} ({1}) is {2} earlier than event {3} before it ({4}); keep the timeline in time order.',
            event.index + 1, describeJst(at), formatDuration(previous.epochMs - at), previous.index + 1, describeJst(previous.epochMs)),
          data: { code: 'timeline-order', index: event.index, previousIndex: previous.index },
        });
      }
      previous = { index: event.index, epochMs: at };
    }
  },
};
