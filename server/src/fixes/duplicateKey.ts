/**
 * duplicate-key: deletes the repeated key with its value, whole lines only (a block mapping's
 * entry on its own lines); the first occurrence, the one the checker reads, stays.
 */
import { t } from '../core';
import { contentEnd } from '../features/edit';
import { offer, type QuickFix } from './fix';

export const duplicateKey: QuickFix<'duplicate-key'> = {
  fixes({ parsed, diagnostic, data }) {
    const keySpan = diagnostic.span;
    const { lineIndex, text } = parsed;
    const first = lineIndex.positionAt(keySpan.start).line;
    if (!/^\s*$/.test(text.slice(lineIndex.lineStart(first), keySpan.start))) return [];
    const last = lineIndex.positionAt(Math.max(keySpan.end, contentEnd(text, data.valueSpan))).line;
    const end = last + 1 < lineIndex.lineCount ? lineIndex.lineStart(last + 1) : text.length;
    // At the end of a file without a final line break, the break before the entry goes instead.
    const start = end === text.length && first > 0 && !/[\r\n]$/.test(text) ? lineIndex.lineEnd(first - 1) : lineIndex.lineStart(first);
    return [offer(t('Remove this repeated `{0}`', data.key), [{ span: { start, end }, newText: '' }])];
  },
};
