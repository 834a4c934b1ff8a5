import { t } from '../l10n';
import { FACT_DETECTED, publicationOrder, timelineFacts } from '../facts';
import type { Rule } from './rule';
import { describeIn } from '../zonedTime';

/**
 * Statuses move forward (investigating → … → resolved) unless the problem came back, which an
 * event of kind `detected` between the two updates says. Information: going back may be honest.
 */
export const statusRegression: Rule = {
  name: 'status-regression',
  check(incident, report) {
    // Times in messages are named in the file's zone (describeIn).
    const zone = incident.zone?.value;
    const facts = timelineFacts(incident);
    const order = publicationOrder(facts);
    if (order.length < 2) return;
    const { flags, publishedMs, status } = facts;
    // Sorted, so one pointer walks them beside the updates: linear on long timelines.
    const detections: number[] = [];
    for (let index = 0; index < flags.length && (facts.any & FACT_DETECTED) !== 0; index++) {
      if ((flags[index] & FACT_DETECTED) !== 0 && !Number.isNaN(publishedMs[index])) detections.push(publishedMs[index]);
    }
    detections.sort((a, b) => a - b);
    let next = 0;
    let previous = -1;
    for (const index of order) {
      // Status ranks plus one (TimelineFacts.status); 0: no status.
      if (status[index] === 0) continue;
      const ms = publishedMs[index];
      // The detections up to `previous` are behind us; is there one in (previous, current]?
      while (previous >= 0 && next < detections.length && detections[next] <= publishedMs[previous]) next++;
      const detectedBetween = next < detections.length && detections[next] <= ms;
      if (previous >= 0 && status[index] < status[previous] && !detectedBetween) {
        const current = incident.timeline[index].status!;
        const before = incident.timeline[previous];
        report({
          code: 'status-regression',
          severity: 'information',
          span: current.entry.valueSpan,
          message: t('Event {0} (published {1}) announces `{2}`, an earlier status than `{3}` announced by event {4} (published {5}), with no event of kind `detected` between them.',
            index + 1, describeIn(ms, zone), current.value, before.status!.value, previous + 1, describeIn(publishedMs[previous], zone)),
          related: [{ span: before.status!.entry.valueSpan, message: t('the earlier update\'s status') }],
        });
      }
      previous = index;
    }
  },
};
