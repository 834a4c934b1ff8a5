/**
 * Which model a preview shows. Answers to `incident/timeline` can arrive out of order (a slow
 * answer for version 5 after the one for version 6): those for an older version than the one
 * on screen are dropped. When the newest text is not an incident at all (mid-edit syntax error)
 * the last good timeline stays, marked stale, with the newest problem counts.
 */
import type { TimelineModel } from '../../../server/src/protocol';

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
    if (model.incident) {
      this.lastGood = model;
      return { model, stale: false, problems: model.problems };
    }
    if (this.lastGood && this.lastGood.uri === model.uri) {
      return { model: this.lastGood, stale: true, problems: model.problems };
    }
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
