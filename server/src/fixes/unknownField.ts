/** unknown-field: the key renamed to the known key it is close to. */
import { t } from '../core';
import { offer, type QuickFix } from './fix';

export const unknownField: QuickFix<'unknown-field'> = {
  fixes({ diagnostic, data }) {
    return data.suggestion ? [offer(t('Change to `{0}`', data.suggestion), [{ span: diagnostic.span, newText: data.suggestion }], true)] : [];
  },
};
