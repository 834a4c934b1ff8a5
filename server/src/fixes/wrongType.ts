/**
 * wrong-type on `regions`, `tags` or `next_steps`: one string where a list of strings belongs
 * (`regions: Australia, Japan, India`) becomes a block list, split at commas (also Japanese 、).
 */
import { t } from '../core';
import { columnOf, indentUnit, lineEnding } from '../features/edit';
import { offer, type QuickFix } from './fix';

/** An item YAML would read as something else than a string keeps it by quoting. */
export function itemText(item: string): string {
  const plain = /^[\w\u3000-\u9fff\uff00-\uffef][^:#]*$/.test(item) && !/^(?:true|false|null|yes|no|on|off|~|[-+]?\d[\d._]*)$/i.test(item);
  return plain ? item : JSON.stringify(item);
}

export const wrongType: QuickFix<'wrong-type'> = {
  fixes({ parsed, diagnostic, data }) {
    const { text } = parsed;
    const span = diagnostic.span;
    // A string folded over several lines is left as written: splitting it would move its lines.
    if (/[\r\n]/.test(text.slice(span.start, span.end))) return [];
    const items = data.listText.split(/[,、]/).map((item) => item.trim()).filter((item) => item !== '');
    if (items.length === 0) return [];
    const colon = text.indexOf(':', data.keySpan.end);
    if (colon < 0 || colon > span.start) return [];
    const eol = lineEnding(text);
    const inner = ' '.repeat(columnOf(parsed, data.keySpan.start) + indentUnit(parsed));
    const newText = items.map((item) => `${eol}${inner}- ${itemText(item)}`).join('');
    return [offer(t('Write as a list: {0}', items.join(', ')), [{ span: { start: colon + 1, end: span.end }, newText }], true)];
  },
};
