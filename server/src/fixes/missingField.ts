/** missing-field: inserts the key in the format's order with a placeholder that checks clean. */
import { outsideWritableYears, t, unwritableZone, type DataOf, type Incident } from '../core';
import { jstText, suggestedInstant, utcText } from '../features/timeText';
import { insertEntry, keyOrder, pairValue, type NewValue } from './insertEntry';
import { notOffered, offer, type QuickFix } from './fix';

type Data = DataOf<'missing-field'>;

/** The instant a time placeholder is taken from, when the key is a time. */
function placeholderInstant(incident: Incident | undefined, data: Data, now: number): number | undefined {
  if (data.container === 'time') return data.key === 'zone' ? undefined : suggestedInstant(incident, 'at', now);
  if (data.container === 'event' && data.key === 'at') {
    const index = incident?.timeline.find((e) => e.span.start === data.containerSpan.start)?.index;
    return suggestedInstant(incident, 'at', now, index);
  }
  if (data.container === 'incident' && (data.key === 'start' || data.key === 'end')) return suggestedInstant(incident, data.key, now);
  return undefined;
}

function placeholder(incident: Incident | undefined, data: Data, instant: number | undefined, now: number): NewValue {
  if (instant !== undefined) {
    if (data.container !== 'time') return pairValue(instant);
    return { scalar: data.key === 'jst' ? jstText(instant) : utcText(instant) };
  }
  if (data.container === 'source') return { scalar: data.key === 'url' ? 'https://example.com/' : 'TODO' };
  if (data.container === 'event') return { scalar: data.key === 'kind' ? 'note' : 'TODO' };
  switch (data.key) {
    case 'status': return { scalar: 'investigating' };
    case 'severity': return { scalar: 'major' };
    case 'zone': return { scalar: 'UTC' };
    case 'id': return { scalar: `INC-${jstText(suggestedInstant(incident, 'start', now)).slice(0, 10).replace(/-/g, '')}` };
    default: return { scalar: 'TODO' };
  }
}

export const missingField: QuickFix<'missing-field'> = {
  fixes({ parsed, data, now }) {
    const title = t('Add `{0}`', data.key);
    const instant = placeholderInstant(parsed.incident, data, now);
    // A pair side is written in its key's zone, anything else as a utc/jst pair.
    const zone = instant === undefined ? undefined : unwritableZone(instant, data.container === 'time' ? [data.key === 'jst' ? 'jst' : 'utc'] : undefined);
    if (zone) return [notOffered(title, outsideWritableYears(zone))];
    const value = placeholder(parsed.incident, data, instant, now);
    // A local time's zone is the source's to say: UTC is a placeholder, never written by fix-all.
    const preferred = !(data.container === 'time' && data.key === 'zone');
    return [offer(title, [insertEntry(parsed, data.containerSpan, data.entries, keyOrder(data.container), data.key, value)], preferred)];
  },
};
