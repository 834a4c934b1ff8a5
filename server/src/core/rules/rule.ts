import type { IncidentDiagnostic } from '../diagnostics';
import type { Incident } from '../model';

/** A check over the finished model: one rule, one module. */
export interface Rule {
  /** Names the rule in the message if it ever throws. */
  readonly name: string;
  check(incident: Incident, report: (diagnostic: IncidentDiagnostic) => void): void;
}
