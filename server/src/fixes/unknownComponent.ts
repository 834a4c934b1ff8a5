/**
 * unknown-component: the name added to the root `components` list (created when there is none),
 * or, when the list has a name close to it, the mention changed to that name.
 */
import { INCIDENT_KEYS, t, type ParsedIncident } from '../core';
import { columnOf, contentEnd, lineEnding, replaceScalar, type OffsetEdit } from '../features/edit';
import { offer, type FixAction, type QuickFix } from './fix';
import { insertEntry } from './insertEntry';
import { itemText } from './wrongType';

/** The edit that appends `name` to the root list, in the list's own style (block or flow). */
function addToList(parsed: ParsedIncident, name: string): OffsetEdit | undefined {
  const incident = parsed.incident;
  if (!incident) return undefined;
  const item = itemText(name);
  const field = incident.components;
  const entry = field?.entry ?? incident.entries.find((e) => e.key === 'components');
  if (!entry) return insertEntry(parsed, incident.span, incident.entries, INCIDENT_KEYS, 'components', { scalar: `[${item}]` });
  const { text } = parsed;
  const names = field?.value ?? [];
  const valueEnd = contentEnd(text, entry.valueSpan);
  if (text[entry.valueSpan.start] === '[') {
    const close = text.lastIndexOf(']', valueEnd);
    if (close < 0) return undefined;
    return { span: { start: close, end: close }, newText: names.length ? `, ${item}` : item };
  }
  const last = names[names.length - 1];
  if (!last) {
    // `components:` with no value yet: the list goes after the colon.
    if (entry.valueSpan.start !== entry.valueSpan.end && text.slice(entry.valueSpan.start, valueEnd).trim() !== '') return undefined;
    const colon = text.indexOf(':', entry.keySpan.end);
    return { span: { start: colon + 1, end: colon + 1 }, newText: ` [${item}]` };
  }
  const dash = text.lastIndexOf('-', last.span.start);
  const eol = lineEnding(text);
  return { span: { start: last.span.end, end: last.span.end }, newText: `${eol}${' '.repeat(columnOf(parsed, dash))}- ${item}` };
}

export const unknownComponent: QuickFix<'unknown-component'> = {
  fixes({ parsed, diagnostic, data }) {
    const actions: FixAction[] = [];
    if (data.suggestion) actions.push(offer(t('Change to `{0}`', data.suggestion), [replaceScalar(parsed, diagnostic.span, data.suggestion)], true));
    const add = addToList(parsed, data.name);
    if (add) actions.push({ ...offer(t('Add `{0}` to the incident\'s `components`', data.name), [add], !data.suggestion), key: `add-component:${data.name}` });
    return actions;
  },
};
