import { t } from '../l10n';
import { describeJst } from '../../../../common/time';
import type { Rule } from './rule';
import { updatesByPublication } from './updates';

/** The incident's `status` is what its latest published update announced. */
export const staleStatus: Rule = {
  name: 'stale-status',
  check(incident, report) {
    const status = incident.status;
    if (!status) return;
    const updates = updatesByPublication(incident);
    let latest: (typeof updates)[number] | undefined;
    for (let i = updates.length - 1; i >= 0 && !latest; i--) if (updates[i].event.status) latest = updates[i];
    if (!latest || latest.event.status!.value === status.value) return;
    const announced = latest.event.status!;
    report({
      code: 'stale-status',
      severity: 'warning',
      span: status.entry.valueSpan,
      message: t('The incident\'s status is `{0}`, but the latest update (event {1}, published {2}) announces `{3}`.',
        status.value, latest.event.index + 1, describeJst(latest.ms), announced.value),
      data: { code: 'stale-status', statusSpan: status.entry.valueSpan, latest: announced.value },
      related: [{ span: announced.entry.valueSpan, message: t('the latest update\'s status') }],
    });
  },
};
