import type { IncidentDiagnostic } from './diagnostics';
import { t } from './l10n';
import type { Incident } from './model';
import { quoted } from './text';

export interface IncidentFile {
  readonly uri: string;
  readonly incident: Incident | undefined;
}

/**
 * duplicate-id across files: every file whose id another file also uses gets a warning on its
 * id, naming the others. Returns diagnostics by uri (only for files that have some).
 */
export function findDuplicateIds(files: Iterable<IncidentFile>, displayName: (uri: string) => string = (u) => u): Map<string, IncidentDiagnostic[]> {
  const byId = new Map<string, IncidentFile[]>();
  for (const file of files) {
    const id = file.incident?.id?.value;
    if (id === undefined) continue;
    const list = byId.get(id);
    if (list) list.push(file);
    else byId.set(id, [file]);
  }
  const result = new Map<string, IncidentDiagnostic[]>();
  for (const [id, list] of byId) {
    if (list.length < 2) continue;
    for (const file of list) {
      const others = list.filter((f) => f !== file).map((f) => f.uri);
      const entry = file.incident!.id!.entry;
      const diagnostic: IncidentDiagnostic = {
        code: 'duplicate-id',
        severity: 'warning',
        span: entry.valueSpan,
        message: t('The id `{0}` is also used by {1}; each incident needs its own id.', quoted(id), others.map(displayName).join(', ')),
        data: { code: 'duplicate-id', id, others },
        related: list.filter((f) => f !== file).map((f) => ({ uri: f.uri, span: f.incident!.id!.entry.valueSpan, message: t('`{0}` is also the id here', quoted(id)) })),
      };
      const existing = result.get(file.uri);
      if (existing) existing.push(diagnostic);
      else result.set(file.uri, [diagnostic]);
    }
  }
  return result;
}
