/** missing-end: adds an `end` pair after `start`, at the last resolved event (else the last event, else now). */
import { INCIDENT_KEYS, outsideWritableYears, t, unwritableZone } from '../core';
import { jstText, suggestedInstant } from '../features/timeText';
import { insertEntry, pairValue } from './insertEntry';
import { notOffered, offer, type QuickFix } from './fix';

export const missingEnd: QuickFix<'missing-end'> = {
  fixes({ parsed, now }) {
    const incident = parsed.incident;
    if (!incident) return [];
    const instant = suggestedInstant(incident, 'end', now);
    const zone = unwritableZone(instant);
    if (zone) return [notOffered(t('Add `{0}`', 'end'), outsideWritableYears(zone))];
    return [offer(t('Add `end` ({0})', jstText(instant).replace('T', ' ') + ' JST'),
      [insertEntry(parsed, incident.span, incident.entries, INCIDENT_KEYS, 'end', pairValue(instant))], true)];
  },
};
