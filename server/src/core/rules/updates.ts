import { publishedMs, STATUSES, type Incident, type Status, type TimelineEvent } from '../model';

/** An event read as a published update: one that says something a status page publishes. */
export function isUpdate(event: TimelineEvent): boolean {
  return event.status !== undefined || event.posted !== undefined || event.nextUpdate !== undefined
    || event.components !== undefined || event.kind?.value === 'update';
}

/** An update with the instant it was published (its `posted`, else its `at`). */
export interface Published {
  readonly event: TimelineEvent;
  readonly ms: number;
}

/** One reading per parse: five rules and the hover read the same list (the model is immutable). */
const byIncident = new WeakMap<Incident, readonly Published[]>();

/**
 * The updates in the order they were published; stable, so updates published at the same instant
 * keep the file's order. Updates whose time cannot be read are left out: their rules cannot judge.
 */
export function updatesByPublication(incident: Incident): readonly Published[] {
  let cached = byIncident.get(incident);
  if (!cached) {
    cached = readUpdates(incident);
    byIncident.set(incident, cached);
  }
  return cached;
}

function readUpdates(incident: Incident): Published[] {
  const out: Published[] = [];
  for (const event of incident.timeline) {
    if (!isUpdate(event)) continue;
    const ms = publishedMs(event);
    if (ms !== undefined) out.push({ event, ms });
  }
  return out.sort((a, b) => a.ms - b.ms);
}

/** investigating 0 … resolved 3: how far along a status is. */
export function statusRank(status: Status): number {
  return STATUSES.indexOf(status);
}
