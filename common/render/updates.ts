/**
 * A status page's updates as the preview and the exports draw them: each update's status, when it
 * was published, what it promised and whether the next one kept that promise, and the figures of
 * the whole series (time to first update, longest silence, promises kept). Updates are read in
 * the order they were published (`posted`, else `at`), as the core's status rules read them
 * (server/src/core/rules/updates.ts); this reads the same facts from the model the views get.
 */
import type { Status } from '../eventKinds';
import type { ComponentJson, TimelineEventJson } from '../protocol';
import type { TimelineView } from './layout';
import { oncePer } from '../memo';

/** What the views show about one update. */
export interface UpdateFacts {
  /** The event's index in the file. */
  readonly index: number;
  readonly status?: Status;
  /** When it was published: its `posted`, else its `at`; undefined when that time cannot be read. */
  readonly publishedMs?: number;
  /** Its `posted`, only where that differs from `at` (when it happened). */
  readonly postedMs?: number;
  /** The promised time of the next update. */
  readonly nextUpdateMs?: number;
  /** This update came after the time the one before it promised, while the incident was open. */
  readonly late?: { readonly byMs: number; readonly promisedMs: number; readonly promisedBy: number };
  /** The components it names, with their states, as written. */
  readonly components?: readonly ComponentJson[];
}

export interface UpdateSeries {
  /** Every update by its event's index. */
  readonly byIndex: ReadonlyMap<number, UpdateFacts>;
  /** Readable updates in the order they were published (stable: equal times keep the file's order). */
  readonly published: readonly UpdateFacts[];
  /** From the first `detected` event to the first update published at or after it. */
  readonly timeToFirstUpdateMs?: number;
  /** The longest time between two updates published while the incident was not yet resolved. */
  readonly longestGap?: { readonly ms: number; readonly fromMs: number; readonly toMs: number };
  /** Promises of a next update that a later update could keep: how many it kept. */
  readonly promises: { readonly kept: number; readonly made: number };
}

/** The same test as the core's isUpdate: an event that says something a status page publishes. */
export function isUpdateJson(event: TimelineEventJson): boolean {
  return event.status !== undefined || event.posted !== undefined || event.nextUpdate !== undefined
    || event.components !== undefined || event.kind === 'update';
}

function epochOf(iso: string | undefined): number | undefined {
  if (iso === undefined) return undefined;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : undefined;
}

/** Published time as the core reads it: a `posted` that cannot be read leaves the update unplaced. */
export function publishedOf(event: TimelineEventJson): number | undefined {
  return event.posted ? epochOf(event.posted.utc) : epochOf(event.at?.utc);
}

/** The updates of a view, read once per view (the header, the events and the lanes share them). */
export const updateSeries: (view: TimelineView) => UpdateSeries = oncePer((view) => readSeries(view));

function readSeries(view: TimelineView): UpdateSeries {
  const facts: UpdateFacts[] = [];
  for (const event of view.model.events) {
    if (!isUpdateJson(event)) continue;
    const atMs = epochOf(event.at?.utc);
    const publishedMs = publishedOf(event);
    const postedMs = epochOf(event.posted?.utc);
    facts.push({
      index: event.index,
      ...(event.status !== undefined ? { status: event.status } : {}),
      ...(publishedMs !== undefined ? { publishedMs } : {}),
      ...(postedMs !== undefined && postedMs !== atMs ? { postedMs } : {}),
      ...(epochOf(event.nextUpdate?.utc) !== undefined ? { nextUpdateMs: epochOf(event.nextUpdate?.utc) } : {}),
      ...(event.components !== undefined ? { components: event.components } : {}),
    });
  }
  // Array.prototype.sort is stable: updates published together keep the file's order.
  const published = facts.filter((f) => f.publishedMs !== undefined).sort((a, b) => a.publishedMs! - b.publishedMs!);
  let status: Status | undefined;
  let previous: UpdateFacts | undefined;
  let longestGap: UpdateSeries['longestGap'];
  const promises = { kept: 0, made: 0 };
  const judged = published.map((current) => {
    let result = current;
    // As the late-update rule: a promise counts while the incident was not yet announced resolved.
    if (previous && status !== 'resolved') {
      const gap = current.publishedMs! - previous.publishedMs!;
      if (!longestGap || gap > longestGap.ms) longestGap = { ms: gap, fromMs: previous.publishedMs!, toMs: current.publishedMs! };
      const promised = previous.nextUpdateMs;
      if (promised !== undefined) {
        promises.made++;
        if (current.publishedMs! <= promised) promises.kept++;
        else result = { ...current, late: { byMs: current.publishedMs! - promised, promisedMs: promised, promisedBy: previous.index } };
      }
    }
    status = current.status ?? status;
    previous = current;
    return result;
  });
  const byIndex = new Map(facts.map((f) => [f.index, f]));
  for (const f of judged) byIndex.set(f.index, f);
  const detected = view.events.find((e) => e.kind === 'detected');
  const first = detected && judged.find((f) => f.publishedMs! >= detected.epochMs);
  return {
    byIndex,
    published: judged,
    ...(detected && first ? { timeToFirstUpdateMs: first.publishedMs! - detected.epochMs } : {}),
    ...(longestGap ? { longestGap } : {}),
    promises,
  };
}
