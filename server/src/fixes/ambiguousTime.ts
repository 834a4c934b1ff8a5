/** ambiguous-time: one fix per reading, each writing the offset that names it. */
import { t } from '../core';
import { replaceScalar } from '../features/edit';
import { offer, type QuickFix } from './fix';

export const ambiguousTime: QuickFix<'ambiguous-time'> = {
  fixes({ parsed, diagnostic, data }) {
    return data.readings.map((reading) => offer(t('Read as {0} ({1})', reading.text, reading.zone), [replaceScalar(parsed, diagnostic.span, reading.text)]));
  },
};
