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

/**
 * Takes `--lang ja|en` (or `--lang=…`) out of the CLI's arguments, wherever it is, and picks the
 * language: the option, else the locale variables. `invalid` is set for any other value.
 */
export function cliLanguage(argv: readonly string[], env: NodeJS.ProcessEnv): { language: Language; rest: string[]; invalid?: string } {
  const rest: string[] = [];
  let lang: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === '--lang') lang = argv[++i] ?? '';
    else if (arg.startsWith('--lang=')) lang = arg.slice('--lang='.length);
    else rest.push(arg);
  }
  if (lang !== undefined && lang !== 'ja' && lang !== 'en') return { language: useLocale(cliLocale(undefined, env)), rest, invalid: lang };
  return { language: useLocale(cliLocale(lang, env)), rest };
}
