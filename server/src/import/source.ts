/**
 * From a source's text to imported incidents: the reader for `--from`, or the first whose
 * detect() recognises the text; and the file name each incident is written to.
 */
import { t } from '../core/l10n';
import { ImportError, type ImportedIncident, type ImportFormat } from './imported';
import { READERS } from './readers';

export const IMPORT_FORMATS: readonly ImportFormat[] = ['statuspage', 'gcp', 'graph', 'notice', 'apple', 'slack'];

/** The incidents in a source; throws ImportError when no reader fits or the text is malformed. */
export function readSource(text: string, options: { readonly from?: ImportFormat; readonly url?: string; readonly fileName?: string }): ImportedIncident[] {
  const origin = { ...(options.url ? { url: options.url } : {}), ...(options.fileName ? { fileName: options.fileName } : {}) };
  if (text.trim() === '') throw new ImportError(t('The source is empty.'));
  const candidates = options.from ? READERS.filter((r) => r.format === options.from) : READERS;
  if (candidates.length === 0) throw new ImportError(t('No reader for the format `{0}` is installed.', options.from ?? ''));
  // With --from the reader is chosen; of a format's readers (Statuspage's JSON and Atom), the one that recognises the text.
  const reader = candidates.find((r) => r.detect(text)) ?? (options.from ? candidates[0] : undefined);
  if (!reader) {
    const tried = [...new Set(READERS.map((r) => r.format))].join(', ');
    throw new ImportError(t('The source is not in a format this command recognises (tried {0}); name one with --from.', tried));
  }
  const incidents = reader.read(text, origin);
  if (incidents.length === 0) throw new ImportError(t('The source holds no incident.'));
  return incidents;
}

/** `<id>.incident.yaml`, or `<start date>-<title>.incident.yaml` without an id; safe on every file system. */
export function incidentFileName(incident: ImportedIncident): string {
  const safe = (text: string) => text.normalize('NFKC').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[-.]+|-+$/g, '').slice(0, 80);
  const id = incident.id === undefined ? '' : safe(incident.id);
  if (id) return `${id}.incident.yaml`;
  const start = incident.start;
  const date = (start?.utc ?? start?.local ?? start?.date ?? '').slice(0, 10);
  return `${[date, safe(incident.title).toLowerCase()].filter(Boolean).join('-') || 'incident'}.incident.yaml`;
}
