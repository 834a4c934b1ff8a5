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
    const detections: number[] = [];
    for (const event of incident.timeline) {
      const ms = event.kind?.value === 'detected' ? publishedMs(event) : undefined;
      if (ms !== undefined) detections.push(ms);
    }
    let previous: Published | undefined;
    for (const current of updatesByPublication(incident)) {
      const status = current.event.status;
      if (!status) continue;
      if (previous && statusRank(status.value) < statusRank(previous.event.status!.value)
        && !detections.some((ms) => ms > previous!.ms && ms <= current.ms)) {
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
