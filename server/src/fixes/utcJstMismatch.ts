/**
 * utc-jst-mismatch: keep one side and correct the other to the same instant. When one side is
 * exactly 9 hours off, the fix that corrects that side is preferred.
 */
import { outsideWritableYears, t } from '../core';
import { replaceScalar } from '../features/edit';
import { notOffered, offer, type QuickFix } from './fix';

export const utcJstMismatch: QuickFix<'utc-jst-mismatch'> = {
  fixes({ parsed, data }) {
    return [
      data.correctedJst === undefined
        ? notOffered(t('Keep UTC, correct JST'), outsideWritableYears('jst'))
        : offer(t('Keep UTC, correct JST to {0}', data.correctedJst), [replaceScalar(parsed, data.jstSpan, data.correctedJst)], data.suspect === 'jst'),
      data.correctedUtc === undefined
        ? notOffered(t('Keep JST, correct UTC'), outsideWritableYears('utc'))
        : offer(t('Keep JST, correct UTC to {0}', data.correctedUtc), [replaceScalar(parsed, data.utcSpan, data.correctedUtc)], data.suspect === 'utc'),
    ];
  },
};
