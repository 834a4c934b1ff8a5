import type { IncidentDiagnostic } from '../diagnostics';
import type { Incident } from '../model';

/** A check over the finished model: one rule, one module. */
export interface Rule {
  /** Names the rule in the message if it ever throws. */
  readonly name: string;
  /** `text` is the document, for rules that range a part of a scalar's value (a phrase's words). */
  check(incident: Incident, report: (diagnostic: IncidentDiagnostic) => void, text: string): void;
}
