/**
 * wrong-offset: a utc or jst value rewritten in its key's zone (the instant does not change); a
 * local value keeps its wall clock and gets its zone's offset at that time.
 */
import { outsideWritableYears, t } from '../core';
import { replaceScalar } from '../features/edit';
import { notOffered, offer, type QuickFix } from './fix';

export const wrongOffset: QuickFix<'wrong-offset'> = {
  fixes({ parsed, diagnostic, data }) {
    if (data.side === 'local') {
      return data.corrected === undefined ? [] : [offer(t('Write the zone\'s offset on that date: {0}', data.corrected), [replaceScalar(parsed, diagnostic.span, data.corrected)], true)];
    }
    if (data.corrected === undefined) {
      return [notOffered(data.side === 'utc' ? t('Write the same instant in UTC') : t('Write the same instant in JST'), outsideWritableYears(data.side))];
    }
    const title = data.side === 'utc' ? t('Write the same instant in UTC: {0}', data.corrected) : t('Write the same instant in JST: {0}', data.corrected);
    return [offer(title, [replaceScalar(parsed, diagnostic.span, data.corrected)], true)];
  },
};
