/**
 * `incident/timelineChanges` on the server's side: the timeline model as one splice of the events
 * list against the model the client last received, instead of the whole model (3.6 MB of JSON at
 * 10,000 events). The server keeps the last model it answered per document; any other base gets
 * the full model. Clients only apply splices (common/timelineChanges.ts), so the diff may use Node.
 */
import { isDeepStrictEqual } from 'node:util';
import type { TimelineChanges, TimelineModel } from '../../common/protocol';

/** The one splice turning `base` events into `next` events: the unchanged head and tail stay out. */
export function diffTimeline(base: TimelineModel, next: TimelineModel): TimelineChanges {
  const before = base.events;
  const after = next.events;
  let head = 0;
  const most = Math.min(before.length, after.length);
  while (head < most && isDeepStrictEqual(before[head], after[head])) head++;
  let tail = 0;
  while (tail < most - head && isDeepStrictEqual(before[before.length - 1 - tail], after[after.length - 1 - tail])) tail++;
  const changes: TimelineChanges = {
    kind: 'changes',
    uri: next.uri,
    version: next.version,
    baseVersion: base.version,
    problems: next.problems,
    start: head,
    deleteCount: before.length - tail - head,
    events: after.slice(head, after.length - tail),
  };
  // The header goes along only when it changed: a keystroke in an event should not resend it.
  return isDeepStrictEqual(base.incident, next.incident) ? changes : { ...changes, incident: next.incident ?? null };
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
