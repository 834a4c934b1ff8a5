/**
 * Text from files and the command line shown on a terminal: control characters in a path or a
 * value would act instead of showing (a newline forging a summary line, ESC[2K erasing the line
 * before, U+202E reversing what follows), so they are written as escapes.
 */

/** DEL, C1, the bidi marks, embeddings, overrides and isolates, and the Unicode line separators. */
const BEYOND_C0 = String.raw`\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069`;
const CONTROLS = new RegExp(String.raw`[\u0000-\u001f${BEYOND_C0}]`, 'g');
const CONTROLS_BEYOND_C0 = new RegExp(`[${BEYOND_C0}]`, 'g');
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function hex(code: number, digits: number): string {
  return code.toString(16).padStart(digits, '0');
}

/** `a⏎b` -> `a\nb`, ESC -> `\x1b`, U+202E -> `\u202e`; everything else as it is. */
export function showControls(text: string): string {
  return text.replace(CONTROLS, (c) => {
    const code = c.charCodeAt(0);
    return NAMED[c] ?? (code <= 0xff ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`);
  });
}

/**
 * JSON.stringify escapes C0 but writes DEL, C1 and bidi controls as they are; outside C0 they can
 * only stand inside strings, where `\uXXXX` is the same value.
 */
export function jsonForTerminal(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(CONTROLS_BEYOND_C0, (c) => `\\u${hex(c.charCodeAt(0), 4)}`);
}
