import type { IncidentDiagnostic } from './diagnostics';
import { t } from './l10n';
import type { Incident } from './model';
import { quoted, type Span } from './text';

export interface IncidentFile {
  readonly uri: string;
  readonly incident: Incident | undefined;
}

/** Where an id is written: its file and the span of its value. */
export interface IdLocation {
  readonly uri: string;
  readonly span: Span;
}

/**
 * How many other files a duplicate-id diagnostic names (in its message and related information);
 * the rest are only counted ("and 2,997 more"), so thousands of copies stay a short message.
 */
export const MAX_NAMED_DUPLICATES = 3;

/**
 * The duplicate-id warning on one file's id. `named` are other files with the same id (only the
 * first MAX_NAMED_DUPLICATES are used); `otherCount` is how many other files share it in all.
 */
export function duplicateIdDiagnostic(
  id: string,
  span: Span,
  named: readonly IdLocation[],
  otherCount: number,
  displayName: (uri: string) => string = (u) => u,
): IncidentDiagnostic {
  const shown = named.slice(0, MAX_NAMED_DUPLICATES);
  const names = shown.map((other) => displayName(other.uri)).join(', ');
  const more = otherCount - shown.length;
  return {
    code: 'duplicate-id',
    severity: 'warning',
    span,
    message: more > 0
      ? t('The id `{0}` is also used by {1} and {2} more; each incident needs its own id.', quoted(id), names, more.toLocaleString('en-US'))
      : t('The id `{0}` is also used by {1}; each incident needs its own id.', quoted(id), names),
    data: { code: 'duplicate-id', id, others: shown.map((other) => other.uri) },
    related: shown.map((other) => ({ uri: other.uri, span: other.span, message: t('`{0}` is also the id here', quoted(id)) })),
  };
}

/**
 * duplicate-id across files: every file whose id another file also uses gets a warning on its
 * id, naming the first few others in the order given. Returns diagnostics by uri (only for files
 * that have some). Linear in the number of files, however many share an id.
 */
export function findDuplicateIds(files: Iterable<IncidentFile>, displayName: (uri: string) => string = (u) => u): Map<string, IncidentDiagnostic[]> {
  const byId = new Map<string, IdLocation[]>();
  for (const file of files) {
    const field = file.incident?.id;
    if (field === undefined) continue;
    const location = { uri: file.uri, span: field.entry.valueSpan };
    const list = byId.get(field.value);
    if (list) list.push(location);
    else byId.set(field.value, [location]);
  }
  const result = new Map<string, IncidentDiagnostic[]>();
  for (const [id, list] of byId) {
    if (list.length < 2) continue;
    // One more than named, so that leaving out the file itself still leaves enough.
    const firstFew = list.slice(0, MAX_NAMED_DUPLICATES + 1);
    for (const file of list) {
      const named = firstFew.filter((other) => other !== file);
      const diagnostic = duplicateIdDiagnostic(id, file.span, named, list.length - 1, displayName);
      const existing = result.get(file.uri);
      if (existing) existing.push(diagnostic);
      else result.set(file.uri, [diagnostic]);
    }
  }
  return result;
}
