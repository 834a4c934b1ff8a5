/**
 * The quick fixes by diagnostic code. A code is fixable when its diagnostics carry data
 * (core/diagnostics.ts) that a fix reads; yaml-syntax's data only names the parser's error.
 * Adding a fix: a module in this folder, a row here, a test in test/features/codeActions.test.ts.
 */
import type { DataOf, DiagnosticCode, DiagnosticData, IncidentDiagnostic } from '../core';
import { ambiguousTime } from './ambiguousTime';
import { duplicateId } from './duplicateId';
import { duplicateKey } from './duplicateKey';
import { endBeforeStart } from './endBeforeStart';
import type { FixAction, FixContext, FixEnvironment, QuickFix } from './fix';
import { invalidTime } from './invalidTime';
import { invalidValue } from './invalidValue';
import { missingEnd } from './missingEnd';
import { missingField } from './missingField';
import { missingOffset } from './missingOffset';
import { notAnIncident } from './notAnIncident';
import { staleStatus } from './staleStatus';
import { timelineOrder } from './timelineOrder';
import { unknownComponent } from './unknownComponent';
import { unknownField } from './unknownField';
import { unreadTime } from './unreadTime';
import { utcJstMismatch } from './utcJstMismatch';
import { utcLocalMismatch } from './utcLocalMismatch';
import { wrongOffset } from './wrongOffset';
import { writtenMismatch } from './writtenMismatch';
import { wrongType } from './wrongType';
import { zoneAbbreviation } from './zoneAbbreviation';

export type FixableCode = Exclude<DiagnosticData['code'], 'yaml-syntax'>;

const FIXES: { readonly [C in FixableCode]: QuickFix<C> } = {
  'not-an-incident': notAnIncident,
  'duplicate-key': duplicateKey,
  'duplicate-id': duplicateId,
  'missing-field': missingField,
  'wrong-type': wrongType,
  'invalid-time': invalidTime,
  'unknown-field': unknownField,
  'invalid-value': invalidValue,
  'missing-offset': missingOffset,
  'wrong-offset': wrongOffset,
  'utc-jst-mismatch': utcJstMismatch,
  'utc-local-mismatch': utcLocalMismatch,
  'ambiguous-time': ambiguousTime,
  'missing-end': missingEnd,
  'end-before-start': endBeforeStart,
  'timeline-order': timelineOrder,
  'unknown-component': unknownComponent,
  'stale-status': staleStatus,
  'written-mismatch': writtenMismatch,
  'unread-time': unreadTime,
  'zone-abbreviation': zoneAbbreviation,
};

/** The codes that have a quick fix (the README names each fix). */
export const FIXABLE_CODES: readonly DiagnosticCode[] = Object.keys(FIXES) as FixableCode[];

function isFixable(data: DiagnosticData): data is DataOf<FixableCode> {
  return Object.prototype.hasOwnProperty.call(FIXES, data.code);
}

function run<C extends FixableCode>(code: C, context: FixContext<DataOf<C>>): readonly FixAction[] {
  return FIXES[code].fixes(context);
}

/** The actions of a diagnostic's fix; none when its code has no fix or it carries no data for one. */
export function fixesFor(diagnostic: IncidentDiagnostic, environment: FixEnvironment): readonly FixAction[] {
  const data = diagnostic.data;
  if (!data || data.code !== diagnostic.code || !isFixable(data)) return [];
  return run(data.code, { ...environment, diagnostic, data });
}
