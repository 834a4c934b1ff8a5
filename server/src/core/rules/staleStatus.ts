import { t } from '../l10n';
import { publicationOrder, timelineFacts } from '../facts';
import type { Rule } from './rule';
import { describeIn } from '../zonedTime';

/** The incident's `status` is what its latest published update announced. */
export const staleStatus: Rule = {
  name: 'stale-status',
  check(incident, report) {
    // Times in messages are named in the file's zone (describeIn).
    const zone = incident.zone?.value;
    const status = incident.status;
    if (!status) return;
    // The latest update with a status, found from the end of the publication order.
    const facts = timelineFacts(incident);
    const order = publicationOrder(facts);
    let k = order.length - 1;
    while (k >= 0 && facts.status[order[k]] === 0) k--;
    if (k < 0) return;
    const latest = incident.timeline[order[k]];
    const announced = latest.status!;
    if (announced.value === status.value) return;
    report({
      code: 'stale-status',
      severity: 'warning',
      span: status.entry.valueSpan,
      message: t('The incident\'s status is `{0}`, but the latest update (event {1}, published {2}) announces `{3}`.',
        status.value, latest.index + 1, describeIn(facts.publishedMs[order[k]], zone), announced.value),
      data: { code: 'stale-status', statusSpan: status.entry.valueSpan, latest: announced.value },
      related: [{ span: announced.entry.valueSpan, message: t('the latest update\'s status') }],
    });
  },
};
