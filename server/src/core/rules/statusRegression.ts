import { t } from '../l10n';
import { describeJst } from '../../../../common/time';
import { publishedMs } from '../model';
import type { Rule } from './rule';
import { statusRank, updatesByPublication, type Published } from './updates';

/**
 * Statuses move forward (investigating → … → resolved) unless the problem came back, which an
 * event of kind `detected` between the two updates says. Information: going back may be honest.
 */
export const statusRegression: Rule = {
  name: 'status-regression',
  check(incident, report) {
    const updates = updatesByPublication(incident);
    if (updates.length < 2) return;
    // Sorted, so one pointer walks them beside the updates: linear on long timelines.
    const detections: number[] = [];
    for (const event of incident.timeline) {
      const ms = event.kind?.value === 'detected' ? publishedMs(event) : undefined;
      if (ms !== undefined) detections.push(ms);
    }
    detections.sort((a, b) => a - b);
    let next = 0;
    let previous: Published | undefined;
    for (const current of updates) {
      const status = current.event.status;
      if (!status) continue;
      // The detections up to `previous` are behind us; is there one in (previous, current]?
      while (previous && next < detections.length && detections[next] <= previous.ms) next++;
      const detectedBetween = next < detections.length && detections[next] <= current.ms;
      if (previous && statusRank(status.value) < statusRank(previous.event.status!.value) && !detectedBetween) {
        report({
          code: 'status-regression',
          severity: 'information',
          span: status.entry.valueSpan,
          message: t('Event {0} (published {1}) announces `{2}`, an earlier status than `{3}` announced by event {4} (published {5}), with no event of kind `detected` between them.',
            current.event.index + 1, describeJst(current.ms), status.value, previous.event.status!.value, previous.event.index + 1, describeJst(previous.ms)),
          related: [{ span: previous.event.status!.entry.valueSpan, message: t('the earlier update\'s status') }],
        });
      }
      previous = current;
    }
  },
};
