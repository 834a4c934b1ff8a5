/** stale-status: the incident's status set to what the latest published update announced. */
import { t } from '../core';
import { replaceScalar } from '../features/edit';
import { offer, type QuickFix } from './fix';

export const staleStatus: QuickFix<'stale-status'> = {
  fixes({ parsed, data }) {
    return [offer(t('Set the status to `{0}`', data.latest), [replaceScalar(parsed, data.statusSpan, data.latest)], true)];
  },
};
