/**
 * The refactoring "Write as a utc/jst pair": a time written as one string with an offset becomes
 * a block pair under its key (block mappings only).
 */
import { outsideWritableYears, t, unwritableZone, type ParsedIncident, type TimeValue } from '../../core';
import { columnOf, indentUnit, lineEnding } from '../../features/edit';
import { jstText, styleOf, utcText } from '../../features/timeText';
import { notOffered, offer, type FixAction } from '../fix';

export function writeAsPair(parsed: ParsedIncident, time: TimeValue): FixAction | undefined {
  const incident = parsed.incident;
  const value = time.value;
  if (!incident || time.form !== 'string' || !value || value.offsetMinutes === null || value.epochMs === undefined || value.wrongOffset) return undefined;
  const owner = incident.timeline.find((e) => e.at === time)?.entries ?? incident.entries;
  const entry = owner.find((e) => e.valueSpan.start === time.span.start);
  if (!entry) return undefined;
  const { text, lineIndex } = parsed;
  const keyLine = lineIndex.positionAt(entry.keySpan.start).line;
  if (!/^\s*(?:-\s+)?$/.test(text.slice(lineIndex.lineStart(keyLine), entry.keySpan.start))) return undefined;
  if (lineIndex.positionAt(value.span.start).line !== keyLine) return undefined;
  const colon = text.indexOf(':', entry.keySpan.end);
  if (colon < 0 || colon > value.span.start) return undefined;
  const title = t('Write as a utc/jst pair');
  const zone = unwritableZone(value.epochMs);
  if (zone) return notOffered(title, outsideWritableYears(zone));
  const eol = lineEnding(text);
  const inner = ' '.repeat(columnOf(parsed, entry.keySpan.start) + indentUnit(parsed));
  const style = styleOf(value.text);
  return offer(title, [{
    span: { start: colon + 1, end: value.span.end },
    newText: `${eol}${inner}utc: ${utcText(value.epochMs, style)}${eol}${inner}jst: ${jstText(value.epochMs, style)}`,
  }]);
}
