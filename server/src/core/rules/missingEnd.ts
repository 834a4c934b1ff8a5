import { t } from '../l10n';
import type { Rule } from './rule';

/** A resolved incident has an end. */
export const missingEnd: Rule = {
  name: 'missing-end',
  check(incident, report) {
    if (incident.status?.value !== 'resolved' || incident.end) return;
    const statusSpan = incident.status.entry.valueSpan;
    report({
      code: 'missing-end',
      severity: 'error',
      span: statusSpan,
      message: t('The incident is resolved but has no `end`: add when it ended.'),
      data: { code: 'missing-end', statusSpan },
    });
  },
};
