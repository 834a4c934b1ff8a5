/**
 * What a quick fix is: one module per diagnostic code, found through registry.ts. A fix reads the
 * diagnostic's typed `data` and the current parse (for layout: indentation, quoting, line
 * endings); never the message, which is translated, and never a parse of its own.
 */
import type { DataOf, DiagnosticData, IncidentDiagnostic, ParsedIncident } from '../core';
import type { OffsetEdit } from '../features/edit';

/** A file an action creates next to the document, by name (the LSP layer makes its URI). */
export interface NewFile {
  readonly name: string;
  readonly text: string;
}

/** What every fix receives: the current parse and what the editor knows. */
export interface FixEnvironment {
  readonly parsed: ParsedIncident;
  /** The clock, for placeholders when the file has no time to take one from. */
  readonly now: number;
  /** The document's file name, when the client can create files next to it. */
  readonly documentName?: string;
  /** The ids in use across the workspace, when the editor knows them. */
  readonly takenIds?: ReadonlySet<string>;
}

/** What a fix receives: the environment, the diagnostic and its data, typed by its code. */
export interface FixContext<D extends DiagnosticData = DiagnosticData> extends FixEnvironment {
  readonly diagnostic: IncidentDiagnostic;
  readonly data: D;
}

/** One action a fix offers: its edits, or why it cannot be applied here. */
export interface FixAction {
  readonly title: string;
  readonly edits: readonly OffsetEdit[];
  readonly isPreferred?: boolean;
  /** A file to create in the document's folder (the edits apply to the document itself). */
  readonly newFile?: NewFile;
  /** Why the action is shown but not applicable (LSP `CodeAction.disabled`); no edits then. */
  readonly disabled?: string;
  /** Actions with the same key are offered once, however many diagnostics ask for them. */
  readonly key?: string;
}

/** The fix of one code: the actions for one of its diagnostics (none when nothing fits). */
export interface QuickFix<C extends DiagnosticData['code']> {
  fixes(context: FixContext<DataOf<C>>): readonly FixAction[];
}

export function offer(title: string, edits: readonly OffsetEdit[], isPreferred = false): FixAction {
  return { title, edits, isPreferred };
}

/** An action the editor shows greyed out with its reason, so a missing fix is explained. */
export function notOffered(title: string, reason: string): FixAction {
  return { title, edits: [], disabled: reason };
}
