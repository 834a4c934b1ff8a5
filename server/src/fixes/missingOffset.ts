/**
 * missing-offset: the time read as JST or as UTC, by appending the offset to the text as written
 * (so its year stays the one written). Neither is preferred: only the writer knows the clock.
 */
import { t } from '../core';
import { replaceScalar } from '../features/edit';
import { offer, type QuickFix } from './fix';

export const missingOffset: QuickFix<'missing-offset'> = {
  fixes({ parsed, diagnostic, data }) {
    return [
      offer(t('Read as JST (+09:00)'), [replaceScalar(parsed, diagnostic.span, data.text + '+09:00')]),
      offer(t('Read as UTC (Z)'), [replaceScalar(parsed, diagnostic.span, data.text + 'Z')]),
    ];
  },
};
