/**
 * The editing features never throw, whatever the text: mutations of the flagship example and
 * arbitrary strings, every feature at sampled offsets, every quick fix applied and re-parsed.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseIncident } from '../../server/src/core';
import { codeActions, quickFixes } from '../../server/src/features/codeActions';
import { completions } from '../../server/src/features/completion';
import { applyEdits } from '../../server/src/features/edit';
import { hover } from '../../server/src/features/hover';
import { documentSymbols, foldingRanges, selectionRanges } from '../../server/src/features/symbols';

const EXAMPLE = fs.readFileSync(path.join(__dirname, '../../examples/exchange-online-2019-11-19.incident.yaml'), 'utf8');
const BROKEN_DIR = path.join(__dirname, '../../examples/broken');
const BROKEN = fs.readdirSync(BROKEN_DIR).map((f) => fs.readFileSync(path.join(BROKEN_DIR, f), 'utf8'));

/** A text made from an example by deleting, inserting or duplicating a slice. */
const mutated = fc.tuple(fc.constantFrom(EXAMPLE, ...BROKEN), fc.nat(), fc.nat({ max: 40 }), fc.constantFrom('', ':', '- ', '\n', '  ', '{', '"', '#', 'utc: ', '2019-11-19T10:40', '\t', 'jst:\n  ', '\r\n', '日本'))
  .map(([text, at, length, insert]) => {
    const start = at % (text.length + 1);
    return text.slice(0, start) + insert + text.slice(start + length);
  });

function exercise(text: string, offsets: readonly number[]): void {
  const parsed = parseIncident(text);
  documentSymbols(parsed);
  foldingRanges(parsed);
  for (const raw of offsets) {
    const offset = raw % (text.length + 1);
    completions(parsed, offset, { now: 0 });
    hover(parsed, offset, { extraTimeZones: ['Asia/Kolkata'] });
    const chain = selectionRanges(parsed, offset);
    chain.forEach((span, i) => {
      if (i > 0) assert.ok(chain[i - 1].start >= span.start && chain[i - 1].end <= span.end, 'selection ranges nest');
    });
    codeActions(parsed, { start: offset, end: offset }, parsed.diagnostics.map((d) => ({ code: d.code, span: d.span })), { now: 0 });
  }
  for (const diagnostic of parsed.diagnostics) {
    for (const fix of quickFixes(parsed, diagnostic, { now: 0 })) {
      // Applying a fix gives a text the checker reads again without failing.
      const fixed = applyEdits(text, fix.edits);
      assert.ok(!parseIncident(fixed).diagnostics.some((d) => d.code === 'internal-error'), `${fix.title} on ${JSON.stringify(text)}`);
    }
  }
}

describe('editing features on any text', () => {
  it('mutated examples', () => {
    fc.assert(fc.property(mutated, fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), (text, offsets) => exercise(text, offsets)), { numRuns: 150 });
  });

  it('arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), (text, offsets) => exercise(text, offsets)), { numRuns: 150 });
  });
});
