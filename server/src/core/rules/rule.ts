import type { IncidentDiagnostic } from '../diagnostics';
import type { Incident, TimelineEvent } from '../model';

export type Report = (diagnostic: IncidentDiagnostic) => void;

/** A check over the finished model: one rule, one module. */
export interface Rule {
  /** Names the rule in the message if it ever throws. */
  readonly name: string;
  /** `text` is the document, for rules that range a part of a scalar's value (a phrase's words). */
  check(incident: Incident, report: Report, text: string): void;
}

/**
 * A rule that judges each timeline event on its own: what it says of an event depends only on
 * that event (its text included) and on what `context` reads from the rest of the incident. The
 * incremental parser keeps each event's findings while the event and every event rule's context
 * stay the same, so a keystroke re-judges the event it touched, not all 10,000.
 */
export interface EventRule extends Rule {
  /**
   * Everything outside the event the findings depend on (the end, the component names, the start's
   * year …), as a string: findings are reused while it is unchanged. The display language and the
   * file's root `zone` (messages name times in it) are every rule's context already; messages that
   * name the event's index are re-made when it is renumbered.
   */
  context(incident: Incident): string;
  /** The findings on one event, its spans in `text`. */
  checkEvent(event: TimelineEvent, incident: Incident, report: Report, text: string): void;
  /** What the rule says outside the timeline (the start and the end, the title …), every time. */
  checkRoot?(incident: Incident, report: Report, text: string): void;
}

export function isEventRule(rule: Rule): rule is EventRule {
  return typeof (rule as EventRule).checkEvent === 'function';
}

/** An event rule whose `check` (the whole incident, as the full parse runs it) is its root part and every event. */
export function eventRule(parts: Omit<EventRule, 'check'>): EventRule {
  return {
    ...parts,
    check(incident, report, text) {
      parts.checkRoot?.(incident, report, text);
      for (const event of incident.timeline) parts.checkEvent(event, incident, report, text);
    },
  };
}
