/** end-before-start: swaps the texts of start and end when both are written the same way. */
import { t } from '../core';
import { columnOf, contentEnd } from '../features/edit';
import { offer, type QuickFix } from './fix';

export const endBeforeStart: QuickFix<'end-before-start'> = {
  fixes({ parsed, data }) {
    const text = parsed.text;
    const a = { start: data.startSpan.start, end: contentEnd(text, data.startSpan) };
    const b = { start: data.endSpan.start, end: contentEnd(text, data.endSpan) };
    const startText = text.slice(a.start, a.end);
    const endText = text.slice(b.start, b.end);
    const multiline = (s: string) => /[\r\n]/.test(s);
    // A block pair moved next to a key on another column would change its meaning.
    if (multiline(startText) !== multiline(endText)) return [];
    if (multiline(startText) && columnOf(parsed, a.start) !== columnOf(parsed, b.start)) return [];
    return [offer(t('Swap start and end'), [{ span: a, newText: endText }, { span: b, newText: startText }], true)];
  },
};
