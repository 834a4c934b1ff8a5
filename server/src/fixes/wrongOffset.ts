/** wrong-offset: the value rewritten in its key's zone; the instant does not change. */
import { outsideWritableYears, t } from '../core';
import { replaceScalar } from '../features/edit';
import { notOffered, offer, type QuickFix } from './fix';

export const wrongOffset: QuickFix<'wrong-offset'> = {
  fixes({ parsed, diagnostic, data }) {
    if (data.corrected === undefined) {
      return [notOffered(data.side === 'utc' ? t('Write the same instant in UTC') : t('Write the same instant in JST'), outsideWritableYears(data.side))];
    }
    const title = data.side === 'utc' ? t('Write the same instant in UTC: {0}', data.corrected) : t('Write the same instant in JST: {0}', data.corrected);
    return [offer(title, [replaceScalar(parsed, diagnostic.span, data.corrected)], true)];
  },
};
