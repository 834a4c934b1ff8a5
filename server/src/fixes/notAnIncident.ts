/**
 * not-an-incident on a second YAML document: the document's lines are cut from this file and
 * become a file of their own next to it, named after its id when it has one.
 */
import { t } from '../core';
import { lineEnding } from '../features/edit';
import { offer, type QuickFix } from './fix';

export const notAnIncident: QuickFix<'not-an-incident'> = {
  fixes({ parsed, data, documentName }) {
    // Only where the client can create files.
    if (!documentName) return [];
    const base = documentName.replace(/\.incident\.ya?ml$/i, '').replace(/\.ya?ml$/i, '');
    const name = `${data.id && data.id !== base ? data.id : `${base}-2`}.incident.yaml`;
    const body = parsed.text.slice(data.bodySpan.start, data.bodySpan.end);
    const text = /[\r\n]$/.test(body) ? body : body + lineEnding(parsed.text);
    return [{ ...offer(t('Move this incident to its own file ({0})', name), [{ span: data.documentSpan, newText: '' }], true), newFile: { name, text } }];
  },
};
