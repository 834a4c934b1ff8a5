/** Escapes for exports: every user string goes through one of these, never raw into markup. */

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML and SVG (element content and quoted attribute values). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * Text for a Markdown table cell, shown literally: the punctuation that could start emphasis, code,
 * links or a new cell is backslash-escaped,
 * `<`/`>`/`&` become entities (so no HTML is ever formed), line breaks become spaces.
 */
export function escapeMarkdownCell(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/[&<>]/g, (c) => HTML_ESCAPES[c]);
}

/** Only http(s) and mailto links become links; anything else (javascript:, data:, …) stays text. */
export function isSafeLink(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' || parsed.protocol === 'mailto:';
  } catch {
    return false;
  }
}
