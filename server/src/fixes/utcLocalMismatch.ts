/**
 * utc-local-mismatch: keep the local time and correct its twin, or keep the twin and correct the
 * local time. Neither is preferred: a source's local clock and its UTC twin are both copied by hand.
 */
import { t } from '../core';
import { replaceScalar } from '../features/edit';
import { offer, type FixAction, type QuickFix } from './fix';

export const utcLocalMismatch: QuickFix<'utc-local-mismatch'> = {
  fixes({ parsed, data }) {
    const actions: FixAction[] = [];
    if (data.correctedTwin !== undefined) {
      actions.push(offer(data.side === 'utc' ? t('Keep the local time, correct UTC to {0}', data.correctedTwin) : t('Keep the local time, correct JST to {0}', data.correctedTwin),
        [replaceScalar(parsed, data.twinSpan, data.correctedTwin)]));
    }
    if (data.correctedLocal !== undefined) {
      actions.push(offer(data.side === 'utc' ? t('Keep UTC, correct the local time to {0}', data.correctedLocal) : t('Keep JST, correct the local time to {0}', data.correctedLocal),
        [replaceScalar(parsed, data.localSpan, data.correctedLocal)]));
    }
    return actions;
  },
};
