/**
 * The cap on how many diagnostics a file shows: a file with 100,000 bad items would otherwise
 * send hundreds of thousands of diagnostics (a report of over 100 MB) to the editor or the
 * terminal. The server's publisher and `check` both go through capDiagnostics.
 */
import type { Severity } from './codes';
import type { IncidentDiagnostic } from './diagnostics';
import { t } from './l10n';
import type { LineIndex } from './text';

const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

export interface CappedDiagnostics {
  /** The diagnostics kept, in document order, then a too-many-problems line when some were left out. */
  readonly diagnostics: readonly IncidentDiagnostic[];
  /** How many were left out. */
  readonly omitted: number;
}

/**
 * Keeps at most `maxProblems` of a file's diagnostics (sorted by position): the most severe
 * first (every error before any warning, and so on), the earliest in the file among equals, shown
 * in document order. When some are left out, one `too-many-problems` information diagnostic on
 * the line of the last one kept says how many. Linear in the number of diagnostics.
 */
export function capDiagnostics(diagnostics: readonly IncidentDiagnostic[], maxProblems: number, lineIndex: LineIndex): CappedDiagnostics {
  const omitted = diagnostics.length - maxProblems;
  if (omitted <= 0) return { diagnostics, omitted: 0 };
  // The least severe rank kept, and how many of that rank fit after every more severe one.
  const perRank = [0, 0, 0, 0];
  for (const diagnostic of diagnostics) perRank[RANK[diagnostic.severity]]++;
  let lastRank = 0;
  let room = maxProblems;
  while (room > perRank[lastRank]) room -= perRank[lastRank++];
  const kept: IncidentDiagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const rank = RANK[diagnostic.severity];
    if (rank < lastRank || (rank === lastRank && room-- > 0)) kept.push(diagnostic);
  }
  const last = kept.length > 0 ? kept[kept.length - 1].span.end : 0;
  const line = lineIndex.positionAt(last).line;
  kept.push({
    code: 'too-many-problems',
    severity: 'information',
    span: { start: lineIndex.lineStart(line), end: lineIndex.lineEnd(line) },
    message: omitted === 1
      ? t('1 more problem in this file is not shown; at most {0} are listed per file.', maxProblems.toLocaleString('en-US'))
      : t('{0} more problems in this file are not shown; at most {1} are listed per file.', omitted.toLocaleString('en-US'), maxProblems.toLocaleString('en-US')),
  });
  return { diagnostics: kept, omitted };
}
