/**
 * Where the characters of a scalar's value stand in the document, so a part of a phrase gets the
 * range of its own words. The value is the source less quotes, indentation and folded line
 * breaks; where an escape or a line fold makes the two differ beyond that, the whole node is used.
 */
import type { Span } from '../text';
import type { PhraseSpan } from './read';

export type Locate = (part: PhraseSpan) => Span;

export function locateValue(text: string, node: Span, value: string): Locate {
  const whole: Locate = () => node;
  const source = text.slice(node.start, node.end);
  const exact = source.indexOf(value);
  if (value.length > 0 && exact >= 0) {
    const base = node.start + exact;
    return (part) => ({ start: base + part.start, end: base + part.end });
  }
  // Block scalars and folded lines: each value character matched in order, skipping only what
  // YAML drops (indentation, line breaks, quotes, block indicators).
  const offsets: number[] = [];
  // A block scalar's header line (`>-`, `|+2`, a comment after it) holds none of the value.
  let j = source[0] === '|' || source[0] === '>' ? source.indexOf('\n') + 1 : 0;
  if (j === 0 && (source[0] === '|' || source[0] === '>')) return whole;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    while (j < source.length && source[j] !== c && !(c === ' ' && source[j] === '\n')) {
      if (!/[\s"'|>+-]/.test(source[j])) return whole;
      j++;
    }
    if (j >= source.length) return whole;
    offsets.push(node.start + j++);
  }
  return (part) => part.end > part.start && part.end <= offsets.length
    ? { start: offsets[part.start], end: offsets[part.end - 1] + 1 }
    : node;
}
