/**
 * Applying an `incident/timelineChanges` splice (server/src/timelineDiff.ts makes them): what the
 * preview host and the webview page both do with the answer.
 */
import type { TimelineChanges, TimelineModel } from './protocol';

/** Applies changes to the model they were made against (what a client does). */
export function applyTimelineChanges(base: TimelineModel, changes: TimelineChanges): TimelineModel {
  const events = [...base.events.slice(0, changes.start), ...changes.events, ...base.events.slice(changes.start + changes.deleteCount)];
  const incident = changes.incident === undefined ? base.incident : changes.incident ?? undefined;
  return { uri: changes.uri, version: changes.version, incident, events, problems: changes.problems };
}
