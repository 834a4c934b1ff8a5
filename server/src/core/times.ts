import type { Incident, TimeValue } from './model';

/** Every time in an incident with the name messages use for it ("start", "event 3"). */
export function* allTimes(incident: Incident): Generator<{ label: string; time: TimeValue }> {
  if (incident.start) yield { label: 'start', time: incident.start };
  if (incident.end) yield { label: 'end', time: incident.end };
  for (const event of incident.timeline) {
    if (event.at) yield { label: `timeline[${event.index}].at`, time: event.at };
  }
}
