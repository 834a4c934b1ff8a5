/**
 * The code actions for a range over one parse: each diagnostic's quick fix from the registry in
 * server/src/fixes/ (chosen by code, reading the diagnostic's `data`), completing a one-sided pair
 * or rewriting a time as a pair under the cursor, and the whole-file source actions.
 */
import { allTimes, t, type DiagnosticCode, type IncidentDiagnostic, type ParsedIncident, type Span } from '../core';
import type { OffsetEdit } from './edit';
import { ADD_MISSING_TIMES_KIND, FIX_ALL_KIND, QUICK_FIX_KIND, REWRITE_KIND } from '../../../common/codeActionKinds';
import { sortTimeline } from './sortTimeline';
import type { FixAction, FixEnvironment, NewFile } from '../fixes/fix';
import { FIXABLE_CODES, fixesFor } from '../fixes/registry';
import { completePair } from '../fixes/source/completePair';
import { addMissingTimes, fixAll } from '../fixes/source/fixAll';
import { writeAsPair } from '../fixes/source/writeAsPair';

export { ADD_MISSING_TIMES_KIND, FIX_ALL_KIND, QUICK_FIX_KIND, REWRITE_KIND, sortTimeline, addMissingTimes, fixAll, FIXABLE_CODES, type NewFile };
export { freshId } from '../fixes/duplicateId';

export interface IncidentCodeAction {
  readonly title: string;
  readonly kind: string;
  readonly edits: readonly OffsetEdit[];
  /** A file to create in the document's folder (the edits apply to the document itself). */
  readonly newFile?: NewFile;
  readonly isPreferred?: boolean;
  /** Why the action cannot be applied here: the editor shows it greyed out with this reason. */
  readonly disabled?: string;
  /** The diagnostic this action fixes, from the same parse. */
  readonly diagnostic?: IncidentDiagnostic;
}

export interface CodeActionOptions {
  /** The clock, for placeholders that need a time when the file has none (tests pass a fixed one). */
  readonly now?: number;
  /** Only actions of these kinds (or their sub-kinds), as in LSP `CodeActionContext.only`. */
  readonly only?: readonly string[];
  /**
   * The document's file name, when the client can create files: then a second YAML document can
   * move to a file of its own next to it.
   */
  readonly documentName?: string;
  /** The ids in use across the workspace: duplicate-id then offers a free one. */
  readonly takenIds?: ReadonlySet<string>;
}

/** A diagnostic the editor sent back, by code and position: matched against the current parse. */
export interface DiagnosticRef {
  readonly code: string;
  readonly span: Span;
}

/** A fix's action as a code action of `kind` (the fix's `key` is the caller's to use). */
function toAction({ title, edits, isPreferred = false, newFile, disabled }: FixAction, kind: string, diagnostic?: IncidentDiagnostic): IncidentCodeAction {
  const action: { -readonly [K in keyof IncidentCodeAction]: IncidentCodeAction[K] } = { title, kind, edits, isPreferred };
  if (newFile) action.newFile = newFile;
  if (disabled !== undefined) action.disabled = disabled;
  if (diagnostic) action.diagnostic = diagnostic;
  return action;
}

function fixContext(parsed: ParsedIncident, options: CodeActionOptions): FixEnvironment {
  return { parsed, now: options.now ?? Date.now(), documentName: options.documentName, takenIds: options.takenIds };
}

/** The fixes for one diagnostic of the current parse. */
export function quickFixes(parsed: ParsedIncident, diagnostic: IncidentDiagnostic, options: CodeActionOptions = {}): IncidentCodeAction[] {
  return fixesFor(diagnostic, fixContext(parsed, options)).map((action) => toAction(action, QUICK_FIX_KIND, diagnostic));
}

/**
 * duplicate-id comes from the workspace, not from this file's parse: it is rebuilt here when the
 * editor's diagnostic still sits on this file's id.
 */
function workspaceDiagnostic(parsed: ParsedIncident, ref: DiagnosticRef): IncidentDiagnostic | undefined {
  const id = parsed.incident?.id;
  if (ref.code !== 'duplicate-id' || !id || id.entry.valueSpan.start !== ref.span.start || id.entry.valueSpan.end !== ref.span.end) return undefined;
  return { code: 'duplicate-id', severity: 'warning', message: '', span: ref.span, data: { code: 'duplicate-id', id: id.value, others: [] } };
}

function kindMatches(kind: string, only: readonly string[] | undefined): boolean {
  return !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
}

/**
 * The actions for a range: fixes for the editor's diagnostics there (matched to this parse by
 * code and span, so stale ones are skipped), completing a one-sided pair under the cursor, and
 * the source actions.
 */
export function codeActions(parsed: ParsedIncident, range: Span, context: readonly DiagnosticRef[], options: CodeActionOptions = {}): IncidentCodeAction[] {
  const actions: IncidentCodeAction[] = [];
  const keys = new Set<string>();
  const add = (action: IncidentCodeAction, key?: string) => {
    if (!kindMatches(action.kind, options.only) || (action.edits.length === 0 && action.disabled === undefined)) return;
    if (key !== undefined) {
      if (keys.has(key)) return;
      keys.add(key);
    }
    actions.push(action);
  };
  const fixes = fixContext(parsed, options);
  for (const ref of context) {
    const diagnostic = parsed.diagnostics.find((d) =>
      d.code === (ref.code as DiagnosticCode) && d.span.start === ref.span.start && d.span.end === ref.span.end)
      ?? workspaceDiagnostic(parsed, ref);
    if (!diagnostic) continue;
    for (const action of fixesFor(diagnostic, fixes)) {
      add(toAction(action, QUICK_FIX_KIND, diagnostic), action.key);
    }
  }
  const incident = parsed.incident;
  if (incident) {
    for (const { time } of allTimes(incident)) {
      if (range.start < time.span.start || range.start > time.span.end) continue;
      const completed = completePair(parsed, time);
      if (completed) add(toAction(completed, QUICK_FIX_KIND));
      const pair = writeAsPair(parsed, time);
      if (pair) add(toAction(pair, REWRITE_KIND));
    }
  }
  // The whole-file actions walk every time: only when the editor asks for their kinds.
  if (kindMatches(ADD_MISSING_TIMES_KIND, options.only)) {
    add({ title: t('Add the missing JST/UTC to every time in the file'), kind: ADD_MISSING_TIMES_KIND, edits: addMissingTimes(parsed) });
  }
  if (kindMatches(FIX_ALL_KIND, options.only)) {
    add({ title: t('Fix all safe problems in this incident'), kind: FIX_ALL_KIND, edits: fixAll(parsed) });
  }
  return actions;
}
