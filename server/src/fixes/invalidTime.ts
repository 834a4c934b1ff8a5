/**
 * invalid-time: a time written almost in the format (slashes, a zone word, a notice's English date)
 * rewritten in it; and a source's phrase pasted as the value (`2019年11月19日 20時50分 JST`) moved
 * into `written` with the value it names filled in beside it, in one step.
 */
import { t, type ParsedIncident, type Span } from '../core';
import { readPhraseCached } from '../core/phrases';
import { fillFromPhrase } from '../core/phrases/fill';
import { timesInOrder } from '../core/rules/writtenTimes';
import { replaceScalar, type OffsetEdit } from '../features/edit';
import { normalizeTimeText } from '../features/timeText';
import { filledEntries } from './fillTime';
import { offer, type FixAction, type QuickFix } from './fix';

export const invalidTime: QuickFix<'invalid-time'> = {
  fixes({ parsed, diagnostic, data }) {
    const actions: FixAction[] = [];
    const normalized = normalizeTimeText(data.text);
    if (normalized) actions.push(offer(t('Write as {0}', normalized), [replaceScalar(parsed, diagnostic.span, normalized)], true));
    const moved = moveIntoWritten(parsed, diagnostic.span, data.text);
    if (moved) actions.push(offer(t('Keep the words in `written` and fill the time'), [moved], !normalized));
    return actions;
  },
};

/** A YAML flow scalar for any phrase: plain when nothing in it means something to YAML. */
function flowScalar(text: string): string {
  return /^[^\s\-?:,[\]{}#&*!|>'"%@`][^,[\]{}#]*$/.test(text) && !/:\s|\s$/.test(text) ? text : JSON.stringify(text);
}

/** The whole time (not one side of a mapping) as a mapping of the value the phrase names and the phrase. */
function moveIntoWritten(parsed: ParsedIncident, span: Span, phrase: string): OffsetEdit | undefined {
  const incident = parsed.incident;
  if (!incident) return undefined;
  const times = timesInOrder(incident);
  const index = times.findIndex((time) => time.form === 'string' && time.span.start === span.start && time.span.end === span.end);
  if (index < 0) return undefined;
  const previousMs = times.slice(0, index).reverse().find((time) => time.epochMs !== undefined)?.epochMs;
  const filled = fillFromPhrase(readPhraseCached(phrase), {
    ...(incident.zone ? { zone: incident.zone.value } : {}),
    ...(previousMs !== undefined ? { previousMs } : {}),
  });
  if ('reason' in filled) return undefined;
  const entries = filledEntries(filled).map(([key, value]) => `${key}: ${value}`);
  return { span, newText: `{${[...entries, `written: ${flowScalar(phrase)}`].join(', ')}}` };
}
