/**
 * A one-sided pair (`utc:` without `jst:`, or the reverse) completed from the side that is there:
 * the quick fix under the cursor, and part of "add the missing JST/UTC" and fix-all.
 */
import { outsideWritableYears, t, unwritableZone, type ParsedIncident, type TimeValue } from '../../core';
import { columnOf, contentEnd, entryLineEnd, isFlowMapping, lineEnding } from '../../features/edit';
import { jstText, styleOf, utcText } from '../../features/timeText';
import { notOffered, offer, type FixAction } from '../fix';

export function completePair(parsed: ParsedIncident, time: TimeValue): FixAction | undefined {
  if (time.form !== 'pair' || (time.utc && time.jst) || !time.entries) return undefined;
  const present = time.utc ? 'utc' : 'jst';
  const side = time.utc ?? time.jst;
  // A side with the wrong offset still names its instant (wrong-offset rewrites only its notation).
  const instant = side?.epochMs;
  if (!side || instant === undefined) return undefined;
  // A key written twice or an unknown key in the pair: leave it to those fixes.
  if (time.entries.some((e) => e.key !== present)) return undefined;
  const missing = present === 'utc' ? 'jst' : 'utc';
  if (unwritableZone(instant, [missing])) {
    return notOffered(missing === 'jst' ? t('Add the JST time') : t('Add the UTC time'), outsideWritableYears(missing));
  }
  const entry = time.entries.find((e) => e.key === present)!;
  const style = styleOf(side.text);
  const text = missing === 'jst' ? jstText(instant, style) : utcText(instant, style);
  const title = missing === 'jst' ? t('Add the JST time ({0})', text) : t('Add the UTC time ({0})', text);
  if (isFlowMapping(parsed, time.span)) {
    const at = contentEnd(parsed.text, entry.valueSpan);
    return offer(title, [{ span: { start: at, end: at }, newText: `, ${missing}: ${text}` }]);
  }
  const at = entryLineEnd(parsed, entry);
  const indent = ' '.repeat(columnOf(parsed, entry.keySpan.start));
  return offer(title, [{ span: { start: at, end: at }, newText: `${lineEnding(parsed.text)}${indent}${missing}: ${text}` }]);
}
