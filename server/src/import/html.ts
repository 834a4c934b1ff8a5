/** HTML bodies of imported updates as plain text, through a real HTML parser (html-to-text). */
import { convert } from 'html-to-text';

/** Plain text of an HTML fragment: paragraphs kept apart, links as "text [url]", no markup. */
export function htmlText(html: string): string {
  return convert(html, { wordwrap: false }).trim();
}

/**
 * A body that may be HTML or plain text (Statuspage accepts both): plain text keeps its line
 * breaks, which an HTML reading would fold into spaces.
 */
export function bodyText(body: string): string {
  // Pages typed on Windows send CRLF: the file gets one kind of line break.
  return /<\/?[a-z][^>]*>|&[#a-z0-9]+;/i.test(body) ? htmlText(body) : body.replace(/\r\n?/g, '\n').trim();
}
