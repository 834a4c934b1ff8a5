/** Export file names and types, without vscode so plain tests cover them. */
import type { ExportFormat } from '../../../common/render/index';

export const EXPORT_EXTENSIONS: Readonly<Record<ExportFormat, { extension: string; label: string }>> = {
  html: { extension: 'html', label: 'HTML' },
  svg: { extension: 'svg', label: 'SVG' },
  md: { extension: 'md', label: 'Markdown' },
};

/** `incidents/x.incident.yaml` -> `incidents/x.timeline.html` */
export function exportFileName(documentPath: string, format: ExportFormat): string {
  const base = documentPath.replace(/\.incident\.ya?ml$/i, '').replace(/\.ya?ml$/i, '');
  return `${base}.timeline.${EXPORT_EXTENSIONS[format].extension}`;
}
