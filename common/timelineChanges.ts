/**
 * `incident/timelineChanges`: the timeline model as one splice of the events list against the
 * model the client last received, instead of the whole model (3.6 MB of JSON at 10,000 events).
 * The server keeps the last model it answered per document; any other base gets the full model.
 */
import type { TimelineChanges, TimelineEventJson, TimelineModel } from './protocol';

/** Deep equality of plain JSON values (what the protocol carries); no allocation on the way. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const key in x) {
    keys++;
    if (!sameJson(x[key], y[key])) return false;
  }
  for (const key in y) if (key in y) keys--;
  return keys === 0;
}

/** The one splice turning `base` events into `next` events: the unchanged head and tail stay out. */
export function diffTimeline(base: TimelineModel, next: TimelineModel): TimelineChanges {
  const before = base.events;
  const after = next.events;
  let head = 0;
  const most = Math.min(before.length, after.length);
  while (head < most && sameJson(before[head], after[head])) head++;
  let tail = 0;
  while (tail < most - head && sameJson(before[before.length - 1 - tail], after[after.length - 1 - tail])) tail++;
  const events: TimelineEventJson[] = after.slice(head, after.length - tail);
  return {
    kind: 'changes',
    uri: next.uri,
    version: next.version,
    baseVersion: base.version,
    incident: next.incident,
    problems: next.problems,
    start: head,
    deleteCount: before.length - tail - head,
    events,
  };
}

/** Applies changes to the model they were made against (what a client does). */
export function applyTimelineChanges(base: TimelineModel, changes: TimelineChanges): TimelineModel {
  const events = [...base.events.slice(0, changes.start), ...changes.events, ...base.events.slice(changes.start + changes.deleteCount)];
  return { uri: changes.uri, version: changes.version, incident: changes.incident, events, problems: changes.problems };
}

/** The last model answered per document (a few documents: the ones with a preview open). */
export class TimelineHistory {
  private readonly last = new Map<string, TimelineModel>();

  constructor(private readonly capacity = 8) {}

  answer(baseVersion: number, next: TimelineModel): TimelineChanges | { readonly kind: 'full'; readonly model: TimelineModel } {
    const base = this.last.get(next.uri);
    this.last.delete(next.uri);
    this.last.set(next.uri, next);
    // Least recently asked first: drop the oldest beyond capacity.
    while (this.last.size > this.capacity) this.last.delete(this.last.keys().next().value as string);
    if (!base || base.version !== baseVersion) return { kind: 'full', model: next };
    return diffTimeline(base, next);
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }
}
