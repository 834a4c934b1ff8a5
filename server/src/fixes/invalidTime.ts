/** invalid-time: a time written almost in the format (slashes, a zone word, a notice's English date) rewritten in it. */
import { t } from '../core';
import { replaceScalar } from '../features/edit';
import { normalizeTimeText } from '../features/timeText';
import { offer, type QuickFix } from './fix';

export const invalidTime: QuickFix<'invalid-time'> = {
  fixes({ parsed, diagnostic, data }) {
    const normalized = normalizeTimeText(data.text);
    return normalized ? [offer(t('Write as {0}', normalized), [replaceScalar(parsed, diagnostic.span, normalized)], true)] : [];
  },
};
