/**
 * A guard against input nested deeply enough to overflow the stack inside the `yaml` library.
 * The library catches most overflows itself (RESOURCE_EXHAUSTION), but when the overflow strikes
 * while V8 compiles a regular expression, V8 aborts the whole process ("RegExpCompiler
 * Allocation failed") — seen with ~1,000 levels of `[`, `- ` or indentation once the parser is
 * warm. A server or CLI must not die on a file, so such text is not handed to the parser.
 */

/** Far below the ~900 levels where the stack overflows; incident files need fewer than ten. */
export const MAX_NESTING = 200;

/**
 * The most list items and mapping entries a file may hold to be parsed: the `yaml` library
 * spends about 1 KB and several microseconds per node (a 2 MB flow list of a million items froze
 * the server for seconds at 1 GB; 14.7 MB ran out of memory). 200,000 is four times the entries
 * of a 10,000-event timeline (48,000; the largest in the benchmark).
 */
export const MAX_ENTRIES = 200_000;

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

function isLineEnd(code: number): boolean {
  return code === 10 || code === 13 || Number.isNaN(code);
}

/**
 * Scans the text (without parsing) for an upper bound of collection nesting: flow brackets
 * outside quotes and comments, block indentation levels and compact `- ` / `? ` markers.
 * Returns the offset where the bound first exceeds `max`, or -1. It may overestimate (brackets
 * in block scalars), never underestimate the nesting the parser would recurse through.
 */
export function findExcessiveNesting(text: string, max: number = MAX_NESTING): number {
  return scanNesting(text, 0, text.length, newNestingState(), max);
}

/** Where a scan stands between two parts of a text: what it carries from one into the next. */
export interface NestingState {
  indents: number[];
  flow: number;
  quote: number;
  /**
   * List items and mapping entries seen so far (`- `, `? `, `key: `, flow brackets and commas,
   * outside quotes and comments): the measure of how much work the parse will be.
   */
  entries: number;
}

export function newNestingState(indents: number[] = []): NestingState {
  return { indents, flow: 0, quote: 0, entries: 0 };
}

/**
 * The scan of `findExcessiveNesting` over `text[from, to)`, resumable: it starts from `state`
 * and leaves it updated, so the incremental parser keeps each timeline item's verdict with its
 * reading and scans only the items an edit touched.
 */
export function scanNesting(text: string, from: number, to: number, state: NestingState, max: number = MAX_NESTING): number {
  const { indents } = state;
  let { flow, quote, entries } = state;
  const at = (k: number) => (k < to ? text.charCodeAt(k) : NaN);
  let i = from;
  let exceeded = -1;
  scan: while (i < to) {
    // Line start: indentation.
    let column = 0;
    while (i < to && isBlank(at(i))) {
      i++;
      column++;
    }
    const first = at(i);
    if (flow === 0 && quote === 0 && !isLineEnd(first) && first !== 35 /* # */) {
      while (indents.length > 0 && indents[indents.length - 1] >= column) indents.pop();
      indents.push(column);
    }
    let block = indents.length;
    if (block + flow > max) {
      exceeded = i;
      break;
    }
    let previous = 32;
    for (; i < to; i++) {
      const c = at(i);
      if (c === 10 || c === 13) break;
      if (quote !== 0) {
        if (c === 92 /* \ */ && quote === 34) i++;
        else if (c === quote) quote = 0;
        previous = c;
        continue;
      }
      const afterSeparator = isBlank(previous) || previous === 91 || previous === 123 || previous === 44;
      if (c === 35 /* # */ && isBlank(previous)) {
        while (i < to && !isLineEnd(at(i))) i++;
        break;
      }
      if ((c === 34 || c === 39) && afterSeparator) {
        quote = c;
      } else if (c === 58 /* : */) {
        if (isBlank(at(i + 1)) || isLineEnd(at(i + 1))) entries++;
      } else if (c === 44 /* , */) {
        if (flow > 0) entries++;
      } else if (c === 91 /* [ */ || c === 123 /* { */) {
        entries++;
        flow++;
        if (block + flow > max) {
          exceeded = i;
          break scan;
        }
      } else if (c === 93 /* ] */ || c === 125 /* } */) {
        if (flow > 0) flow--;
      } else if ((c === 45 /* - */ || c === 63 /* ? */) && isBlank(previous) && (isBlank(at(i + 1)) || isLineEnd(at(i + 1)))) {
        entries++;
        block++;
        if (block + flow > max) {
          exceeded = i;
          break scan;
        }
      }
      previous = c;
    }
    if (at(i) === 13 && at(i + 1) === 10) i++;
    i++;
  }
  state.flow = flow;
  state.quote = quote;
  state.entries = entries;
  return exceeded;
}
