/**
 * Which language the server and the CLI speak. The Japanese bundle is imported so esbuild puts
 * it in the bundle; English is the keys themselves.
 */
import ja from '../../../l10n/bundle.l10n.ja.json';
import { useTranslations } from '../core';

const BUNDLES: Readonly<Record<string, Record<string, string>>> = { ja };

export type Language = 'en' | 'ja';

/** A locale ("ja", "ja-JP", "ja_JP.UTF-8", "en-US") to a language we have; English otherwise. */
export function languageOf(locale: string | undefined): Language {
  return /^ja(?:[-_.]|$)/i.test(locale?.trim() ?? '') ? 'ja' : 'en';
}

/** Speaks the locale's language from now on (process-wide, as the server and the CLI are). */
export function useLocale(locale: string | undefined): Language {
  const language = languageOf(locale);
  useTranslations(language, language === 'en' ? undefined : BUNDLES[language]);
  return language;
}

/**
 * The CLI's language: `--lang` when given, else the POSIX locale variables in their order of
 * precedence (LC_ALL, LC_MESSAGES, LANG).
 */
export function cliLocale(lang: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  if (lang) return lang;
  return [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
}
