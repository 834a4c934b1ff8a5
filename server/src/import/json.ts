/**
 * Reading JSON sources with errors that say where: a syntax error by line and column, a missing
 * or mistyped field by its JSON path (`incidents[2].incident_updates[0].display_at`).
 */
import { t } from '../core/l10n';
import { LineIndex } from '../core/text';
import { ImportError } from './imported';

export type JsonObject = Readonly<Record<string, unknown>>;

/**
 * Parses JSON; on a syntax error, an ImportError at the first offending character (in `within`,
 * the whole file, when the JSON is wrapped in it at `offset`).
 */
export function parseJson(text: string, what: string, within: { readonly text: string; readonly offset: number } = { text, offset: 0 }): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const offset = firstJsonError(text);
    const position = new LineIndex(within.text).positionAt(within.offset + offset);
    const found = offset >= text.length ? t('the end of the text') : JSON.stringify(text.slice(offset, offset + 12));
    throw new ImportError(t('{0} is not valid JSON: unexpected {1}', what, found), t('line {0}, column {1}', position.line + 1, position.character + 1));
  }
}

/**
 * The offset of the first character that makes `text` invalid JSON (text.length when it ends too
 * soon): JSON.parse says only that it failed, not where, in the messages of some Node versions.
 */
export function firstJsonError(text: string): number {
  let i = 0;
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string) => {
    for (const c of word) if (text[i++] !== c) { i--; fail(); }
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) { i += k; fail(); }
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x') || i >= text.length) fail();
      }
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const digits = () => {
    const from = i;
    while (text[i] >= '0' && text[i] <= '9') i++;
    if (i === from) fail();
  };
  const number = () => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else digits();
    if (text[i] === '.') { i++; digits(); }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      digits();
    }
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      space();
      if (text[i] === '}') { i++; return; }
      for (;;) {
        space();
        if (text[i] !== '"') fail();
        string();
        space();
        if (text[i] !== ':') fail();
        i++;
        value();
        space();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; return; }
        fail();
      }
    }
    if (c === '[') {
      i++;
      space();
      if (text[i] === ']') { i++; return; }
      for (;;) {
        value();
        space();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') { i++; return; }
        fail();
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    fail();
  };
  try {
    value();
    space();
    if (i < text.length) fail();
  } catch (offset) {
    if (typeof offset === 'number') return Math.min(offset, text.length);
    throw offset;
  }
  return text.length;
}

/** A path one step deeper: `a.b`, `a[2]`. */
export function at(path: string, step: string | number): string {
  if (typeof step === 'number') return `${path}[${step}]`;
  return path ? `${path}.${step}` : step;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return t('a list');
  if (typeof value === 'object') return t('an object');
  if (typeof value === 'string') return t('a string');
  return typeof value === 'number' ? t('a number') : t('true or false');
}

function wrongType(path: string, expected: string, value: unknown): ImportError {
  return value === undefined
    ? new ImportError(t('`{0}` is missing ({1} expected)', path, expected), path)
    : new ImportError(t('`{0}` is {1}, not {2}', path, kindOf(value), expected), path);
}

export function objectAt(value: unknown, path: string): JsonObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw wrongType(path, t('an object'), value);
  return value as JsonObject;
}

export function listAt(value: unknown, path: string): readonly unknown[] {
  if (!Array.isArray(value)) throw wrongType(path, t('a list'), value);
  return value;
}

export function textAt(value: unknown, path: string): string {
  if (typeof value !== 'string') throw wrongType(path, t('a string'), value);
  return value;
}

/** An id written as a string or a number (Slack numbers its incidents), as a string. */
export function idAt(value: unknown, path: string): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') throw wrongType(path, t('a string or a number'), value);
  return value;
}

/** A string, or undefined for a missing or null field (sources write null for "none"). */
export function optionalTextAt(value: unknown, path: string): string | undefined {
  return value === undefined || value === null ? undefined : textAt(value, path);
}

/** A list of objects, or an empty list for a missing or null field. */
export function optionalListAt(value: unknown, path: string): readonly unknown[] {
  return value === undefined || value === null ? [] : listAt(value, path);
}

/** An ISO 8601 instant with an offset (`Z` or ±hh:mm), as UTC text ending in Z. */
export function instantAt(value: unknown, path: string): string {
  const text = textAt(value, path);
  const epochMs = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(text) ? Date.parse(text) : NaN;
  if (Number.isNaN(epochMs)) throw new ImportError(t('`{0}` is not a time with an offset: `{1}`', path, text), path);
  return new Date(epochMs).toISOString();
}

export function optionalInstantAt(value: unknown, path: string): string | undefined {
  return value === undefined || value === null ? undefined : instantAt(value, path);
}
