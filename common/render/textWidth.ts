/**
 * How wide a line of text will be in an SVG, without a DOM: the exports must wrap each event's
 * whole text themselves. Widths are DejaVu Sans's (what `system-ui, sans-serif` resolves to on
 * Linux, and wider than Segoe UI or Helvetica, so a line measured here never overflows there);
 * CJK and other full-width characters take a whole em.
 */

/** Advance widths of ASCII 0x20–0x7E in hundredths of an em, regular and bold (measured in Chromium). */
const REGULAR = [
  32, 40, 46, 84, 64, 95, 78, 27, 39, 39, 50, 84, 32, 36, 32, 34, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 34, 34, 84, 84, 84, 53,
  100, 68, 69, 70, 77, 63, 58, 77, 75, 29, 29, 66, 56, 86, 75, 79, 60, 79, 69, 63, 61, 73, 68, 99, 69, 61, 69, 39, 34, 39, 84, 50,
  50, 61, 63, 55, 63, 62, 35, 63, 63, 28, 28, 58, 28, 97, 63, 61, 63, 63, 41, 52, 39, 63, 59, 82, 59, 59, 52, 64, 34, 64, 84,
];
const BOLD = [
  35, 46, 52, 84, 70, 100, 87, 31, 46, 46, 52, 84, 38, 42, 38, 37, 70, 70, 70, 70, 70, 70, 70, 70, 70, 70, 40, 40, 84, 84, 84, 58,
  100, 77, 76, 73, 83, 68, 68, 82, 84, 37, 37, 77, 64, 100, 84, 85, 73, 85, 77, 72, 68, 81, 77, 110, 77, 72, 73, 46, 37, 46, 84, 50,
  50, 67, 72, 59, 72, 68, 44, 72, 71, 34, 34, 67, 34, 104, 71, 69, 72, 72, 49, 60, 48, 71, 65, 92, 65, 65, 58, 71, 37, 71, 84,
];

/** Hangul, CJK, kana, full-width forms, CJK punctuation, and the supplementary ideograph planes. */
const FULL_WIDTH = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;
/** Emoji and other pictographs: a little wider than an em in the colour fonts. */
const PICTOGRAPH = /[\u{1f000}-\u{1faff}\u2600-\u27bf]/u;
/** Punctuation that must not start a line (kinsoku): it stays with the character before it. */
const NO_LINE_START = /[、。，．・：；？！ー－〜～」』）】〕〉》”’,.;:!?)\]}]/u;

export interface Font {
  readonly size: number;
  readonly bold?: boolean;
}

function charWidth(c: string, font: Font): number {
  const code = c.codePointAt(0)!;
  let em: number;
  if (code >= 0x20 && code <= 0x7e) em = (font.bold ? BOLD : REGULAR)[code - 0x20] / 100;
  else if (FULL_WIDTH.test(c)) em = 1;
  else if (PICTOGRAPH.test(c)) em = 1.1;
  // Latin letters with accents, dashes, other scripts: about a capital's width.
  else em = font.bold ? 0.75 : 0.7;
  return em * font.size;
}

/** The estimated width of `text` on one line, in px. */
export function textWidth(text: string, font: Font): number {
  // ASCII by table lookup; only other characters pay for the regular expressions.
  const table = font.bold ? BOLD : REGULAR;
  let hundredths = 0;
  let other = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x20 && code <= 0x7e) hundredths += table[code - 0x20];
    else {
      const c = String.fromCodePoint(text.codePointAt(i)!);
      other += charWidth(c, font);
      i += c.length - 1;
    }
  }
  return (hundredths / 100) * font.size + other;
}

/** A piece that is never split unless it is wider than a whole line: a word, or one CJK character with its trailing punctuation. */
interface Unit {
  readonly text: string;
  readonly spaceBefore: boolean;
}

/** Printable ASCII and spaces only: words are what spaces separate. */
const PLAIN = /^[\x20-\x7e\t]*$/;

function units(paragraph: string): Unit[] {
  if (PLAIN.test(paragraph)) {
    return paragraph.split(/[ \t]+/).filter((word) => word).map((text, i) => ({ text, spaceBefore: i > 0 }));
  }
  const result: Unit[] = [];
  let word = '';
  let spaceBefore = false;
  const flush = () => {
    if (!word) return;
    result.push({ text: word, spaceBefore });
    word = '';
    spaceBefore = false;
  };
  for (const c of paragraph) {
    if (/\s/u.test(c)) {
      flush();
      spaceBefore = result.length > 0;
    } else if (NO_LINE_START.test(c) && !word && result.length && !spaceBefore) {
      const last = result.pop()!;
      result.push({ text: last.text + c, spaceBefore: last.spaceBefore });
    } else if (FULL_WIDTH.test(c)) {
      flush();
      word = c;
      flush();
    } else {
      word += c;
    }
  }
  flush();
  return result;
}

/**
 * `text` broken into lines no wider than `maxWidth` (as textWidth estimates them): at spaces
 * (runs of spaces collapse, as in HTML), between CJK characters (never before closing
 * punctuation), at line breaks the text has; a word wider than the line is cut where it must.
 */
export function wrapText(text: string, maxWidth: number, font: Font): string[] {
  const lines: string[] = [];
  const space = charWidth(' ', font);
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    let line = '';
    let width = 0;
    for (const unit of units(paragraph)) {
      const w = textWidth(unit.text, font);
      const gap = line && unit.spaceBefore ? space : 0;
      if (width + gap + w <= maxWidth) {
        line += (gap ? ' ' : '') + unit.text;
        width += gap + w;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      width = 0;
      // Too wide for any line: cut it by characters.
      for (const c of w > maxWidth ? unit.text : [unit.text]) {
        const cw = textWidth(c, font);
        if (line && width + cw > maxWidth) {
          lines.push(line);
          line = '';
          width = 0;
        }
        line += c;
        width += cw;
      }
    }
    lines.push(line);
  }
  // Blank lines at the ends carry nothing (a block scalar's final line break).
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  while (lines.length > 1 && lines[0] === '') lines.shift();
  return lines;
}
