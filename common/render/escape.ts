/** Escapes for exports: every user string goes through one of these, never raw into markup. */

/**
 * What must not act unseen: bidi controls (U+202E can make a link's text read backwards), and
 * what XML 1.0 cannot hold (C0 controls but tab and line breaks, C1 controls, lone surrogates,
 * U+FFFE/U+FFFF), which makes an SVG not well-formed.
 */
const HIDDEN_CLASS = String.raw`[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF\uFFFE\uFFFF]`;
/** With the u flag a surrogate range matches only lone surrogates, not the halves of a pair. */
const HIDDEN_CHARACTERS = new RegExp(HIDDEN_CLASS, 'gu');
/** Without it, a quick test that most text fails (a surrogate pair passes it, then the u form decides). */
const MAYBE_HIDDEN = new RegExp(HIDDEN_CLASS);

/**
 * Incident text as shown anywhere (the preview page and every export): each hidden character
 * becomes its visible name, like ⟨U+202E⟩, and is never applied.
 */
export function visibleText(text: string): string {
  if (!MAYBE_HIDDEN.test(text)) return text;
  return text.replace(HIDDEN_CHARACTERS, (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`);
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML and SVG (element content and quoted attribute values), hidden characters made visible. */
export function escapeHtml(text: string): string {
  return visibleText(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * One line of Markdown shown literally: what could start emphasis, code, a link, a cell or a
 * heading is backslash-escaped, `<`/`>`/`&` become entities (so no HTML is ever formed), and
 * neither indentation (a code block) nor a leading `-`, `+`, `=` or `1.` (a list, an underline) survives.
 */
function escapeMarkdownLine(line: string): string {
  return visibleText(line.trimStart())
    .replace(/[\\`*_[\]|~#]/g, (c) => `\\${c}`)
    .replace(/[&<>]/g, (c) => HTML_ESCAPES[c])
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Text for a Markdown table cell, heading or list item: literal, on one line (line breaks become spaces). */
export function escapeMarkdownCell(text: string): string {
  return escapeMarkdownLine(text.replace(/\r\n|\r|\n/g, ' '));
}

/** Text for a Markdown paragraph: literal, line by line (a block scalar's final line break dropped). */
export function escapeMarkdownText(text: string): string {
  return text.trimEnd().split(/\r\n|\r|\n/).map(escapeMarkdownLine).join('\n');
}

/** Only http(s) and mailto links become links; anything else (javascript:, data:, …) stays text. */
export function isSafeLink(url: string): boolean {
  return safeHref(url) !== undefined;
}

/**
 * The link target to write for a safe link, as the URL parser normalizes it (controls and bidi
 * characters percent-encoded, so the target is the one the text names); undefined for any other.
 */
export function safeHref(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' || parsed.protocol === 'mailto:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
