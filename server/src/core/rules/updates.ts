import { publicationOrder, timelineFacts } from '../facts';
import type { Incident, TimelineEvent } from '../model';
import { oncePer } from '../../../../common/memo';

/** An update with the instant it was published (its `posted`, else its `at`). */
export interface Published {
  readonly event: TimelineEvent;
  readonly ms: number;
}

/**
 * The updates in the order they were published; stable, so updates published at the same instant
 * keep the file's order. Updates whose time cannot be read are left out: their rules cannot judge.
 * One reading per parse: the hover and the component windows read the same list.
 */
export const updatesByPublication: (incident: Incident) => readonly Published[] = oncePer((incident) => readUpdates(incident));

function readUpdates(incident: Incident): Published[] {
  const facts = timelineFacts(incident);
  return Array.from(publicationOrder(facts), (index) => ({ event: incident.timeline[index], ms: facts.publishedMs[index] }));
}
