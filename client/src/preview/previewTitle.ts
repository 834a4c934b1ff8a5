/** The preview tab's title, without vscode so plain tests cover it in both languages. */
import type { Translate } from '../../../common/render/labels';

/** "Preview x.incident.yaml", or "[Preview] x.incident.yaml" when locked, as the Markdown preview says. */
export function previewTitle(documentPath: string, locked: boolean, t: Translate): string {
  const name = documentPath.split('/').pop() ?? documentPath;
  return locked ? t('[Preview] {0}', name) : t('Preview {0}', name);
}
