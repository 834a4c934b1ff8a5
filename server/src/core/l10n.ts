/**
 * User-visible strings of the core go through @vscode/l10n, keyed by their English text, so the
 * server and the CLI share VS Code's translation format (l10n/bundle.l10n.<lang>.json).
 */
import * as l10n from '@vscode/l10n';

export const t = l10n.t;

let current = 'en';

/** Loads a translation bundle (its parsed contents), or resets to English with undefined. */
export function useTranslations(language: string, bundle: Record<string, string> | undefined): void {
  current = bundle ? language : 'en';
  // @vscode/l10n keeps the last bundle; an empty one means English.
  l10n.config({ contents: bundle ?? {} });
}

export function currentLanguage(): string {
  return current;
}
