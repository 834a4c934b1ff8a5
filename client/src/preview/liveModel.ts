/**
 * Which model a preview shows. Answers to `incident/timeline` can arrive out of order (a slow
 * answer for version 5 after the one for version 6): those for an older version than the one
 * on screen are dropped. When the newest text has errors that hide part of the timeline (a
 * mid-edit syntax error that loses the events or the header) the last good timeline stays,
 * marked stale, with the newest problem counts.
 */
import type { TimelineChanges, TimelineModel } from '../../../common/protocol';
import { applyTimelineChanges } from '../../../common/timelineChanges';

export interface ShownModel {
  readonly model: TimelineModel;
  readonly stale: boolean;
  readonly problems: TimelineModel['problems'];
}

export class LiveModel {
  private shownVersion = new Map<string, number>();
  private lastGood: TimelineModel | undefined;

  /**
   * What to draw for a model that just arrived, or undefined to draw nothing (an older version
   * than the one on screen).
   */
  accept(model: TimelineModel): ShownModel | undefined {
    const shown = this.shownVersion.get(model.uri);
    if (shown !== undefined && model.version < shown) return undefined;
    this.shownVersion.set(model.uri, model.version);
    const last = this.lastGood && this.lastGood.uri === model.uri ? this.lastGood : undefined;
    if (last && !replaces(model, last)) return { model: last, stale: true, problems: model.problems };
    if (model.incident) this.lastGood = model;
    return { model, stale: false, problems: model.problems };
  }

  /** The last model with an incident (what exports use when the newest text is broken). */
  get good(): TimelineModel | undefined {
    return this.lastGood;
  }

  /** A different document is shown: versions and the last good model start over. */
  reset(): void {
    this.shownVersion = new Map();
    this.lastGood = undefined;
  }
}

/**
 * Whether `next` may replace the last good model: always without errors; with errors only when
 * it still holds everything the good one had (as many events, and the id, title and start), so
 * an error in one time shows that event as unreadable while a broken file keeps the timeline.
 */
function replaces(next: TimelineModel, good: TimelineModel): boolean {
  if (!next.incident) return false;
  if (next.problems.errors === 0) return true;
  const had = good.incident;
  const has = next.incident;
  return next.events.length >= good.events.length
    && (!had?.id || !!has.id) && (!had?.title || !!has.title) && (!had?.start || !!has.start);
}

/** What `incident/timelineChanges` answers. */
export type TimelineAnswer = TimelineChanges | { readonly kind: 'full'; readonly model: TimelineModel } | null;

/**
 * The host's copy of the server's model, kept up to date from `incident/timelineChanges`: a
 * keystroke in a 10,000-event file brings one event over the wire, not megabytes. Changes
 * apply only to the version they were made against; anything else asks for the full model.
 */
export class ModelReceiver {
  private held: TimelineModel | undefined;

  /** The version to ask changes against (-1: send everything). */
  get baseVersion(): number {
    return this.held?.version ?? -1;
  }

  /**
   * The full model for an answer; null when the server does not know the document; undefined
   * when the changes were made against a version this receiver does not hold (ask again with
   * baseVersion -1).
   */
  receive(answer: TimelineAnswer): TimelineModel | null | undefined {
    if (!answer) return null;
    if (answer.kind === 'full') {
      this.held = answer.model;
      return answer.model;
    }
    if (!this.held || this.held.uri !== answer.uri || this.held.version !== answer.baseVersion) {
      this.held = undefined;
      return undefined;
    }
    this.held = applyTimelineChanges(this.held, answer);
    return this.held;
  }

  reset(): void {
    this.held = undefined;
  }
}
