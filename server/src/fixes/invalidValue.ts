/** invalid-value: the value replaced with the allowed one it is close to, keeping its quotes. */
import { t } from '../core';
import { replaceScalar } from '../features/edit';
import { offer, type QuickFix } from './fix';

export const invalidValue: QuickFix<'invalid-value'> = {
  fixes({ parsed, diagnostic, data }) {
    return data.suggestion ? [offer(t('Change to `{0}`', data.suggestion), [replaceScalar(parsed, diagnostic.span, data.suggestion)], true)] : [];
  },
};
