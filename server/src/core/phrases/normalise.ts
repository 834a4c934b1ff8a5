/**
 * What chrono-node misses, rewritten before it reads a phrase: full-width digits, spaced digits
 * ("2022 年 7 月"), era years (令和4年, 平成元年), 正午 and "noon", and relative days (同日, the
 * next day), which chrono would resolve against today. Every character of the rewritten text
 * remembers the span of the phrase it came from, so parts are reported on the source's own words.
 */

export interface Rewritten {
  readonly text: string;
  /** For each character of `text`: where its source starts and ends in the phrase. */
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

interface Replacement {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const ERAS: Readonly<Record<string, number>> = { 令和: 2018, 平成: 1988, 昭和: 1925, 大正: 1911 };

/** Full-width ASCII (digits, colon, slash, letters) and the ideographic space, one for one. */
function narrow(phrase: string): string {
  return phrase.replace(/[\uFF01-\uFF5D]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

export interface EraYear {
  readonly era: string;
  readonly year: number;
  readonly start: number;
  readonly end: number;
}

export interface RelativeWord {
  readonly days: -1 | 0 | 1;
  readonly start: number;
  readonly end: number;
}

const RELATIVE: readonly (readonly [RegExp, -1 | 0 | 1])[] = [
  [/同日|当日|\bthe same day\b|\bthat day\b/gi, 0],
  [/翌日|\bthe (?:next|following) day\b/gi, 1],
  [/前日|\bthe (?:previous|prior) day\b|\bthe day before\b/gi, -1],
];

export interface Normalised extends Rewritten {
  readonly eras: readonly EraYear[];
  readonly relative: readonly RelativeWord[];
}

export function normalisePhrase(phrase: string): Normalised {
  const narrowed = narrow(phrase);
  const replacements: Replacement[] = [];
  const eras: EraYear[] = [];
  const relative: RelativeWord[] = [];
  for (const m of narrowed.matchAll(/(令和|平成|昭和|大正)\s*(元|\d{1,2})\s*年/g)) {
    const year = ERAS[m[1]] + (m[2] === '元' ? 1 : Number(m[2]));
    eras.push({ era: m[1], year, start: m.index, end: m.index + m[0].length });
    replacements.push({ start: m.index, end: m.index + m[0].length, text: `${year}年` });
  }
  // Spaces inside a Japanese date or clock ("2022 年 7 月 2 日 1 時 35 分"), which chrono does not read.
  for (const m of narrowed.matchAll(/(?<=\d)\s+(?=[年月日時分秒])|(?<=[年月日時分])\s+(?=\d)/g)) {
    replacements.push({ start: m.index, end: m.index + m[0].length, text: '' });
  }
  // 夜10時 is 22:00 (chrono reads 10:00); 朝 is the morning. 深夜 is left as written.
  for (const m of narrowed.matchAll(/(?<!深)夜(?=(?:[6-9]|1[01])時)|朝(?=\d{1,2}時)/g)) {
    replacements.push({ start: m.index, end: m.index + 1, text: m[0] === '朝' ? '午前' : '午後' });
  }
  for (const m of narrowed.matchAll(/正午|(?:\b12(?::00)?\s*)?\bnoon\b/gi)) {
    replacements.push({ start: m.index, end: m.index + m[0].length, text: '12:00' });
  }
  for (const [pattern, days] of RELATIVE) {
    for (const m of narrowed.matchAll(pattern)) {
      relative.push({ days, start: m.index, end: m.index + m[0].length });
      // A space keeps words apart; chrono would otherwise read "the next day" as tomorrow.
      replacements.push({ start: m.index, end: m.index + m[0].length, text: ' ' });
    }
  }
  return { ...apply(narrowed, replacements), eras, relative };
}

/** The text with the replacements made (overlapping ones after the first are dropped). */
function apply(text: string, replacements: Replacement[]): Rewritten {
  replacements.sort((a, b) => a.start - b.start);
  let out = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  const copy = (to: number) => {
    for (; at < to; at++) {
      out += text[at];
      starts.push(at);
      ends.push(at + 1);
    }
  };
  for (const r of replacements) {
    if (r.start < at) continue;
    copy(r.start);
    for (const c of r.text) {
      out += c;
      starts.push(r.start);
      ends.push(r.end);
    }
    at = r.end;
  }
  copy(text.length);
  return { text: out, starts, ends };
}

/** The phrase's span for `[start, end)` of the rewritten text. */
export function sourceSpan(rewritten: Rewritten, start: number, end: number): { start: number; end: number } {
  if (end <= start) {
    const at = start < rewritten.starts.length ? rewritten.starts[start] : (rewritten.ends.at(-1) ?? 0);
    return { start: at, end: at };
  }
  return { start: rewritten.starts[start], end: rewritten.ends[end - 1] };
}
