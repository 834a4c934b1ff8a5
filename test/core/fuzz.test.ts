/**
 * Random YAML-like text and random edits of the flagship example: the core never throws, every
 * diagnostic span lies inside the text with start <= end, and the same text gives the same result.
 * Seeded, so a failure reproduces; fast-check prints the shrunk counterexample.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseIncident } from '../../server/src/core';

const FLAGSHIP = fs.readFileSync(path.join(__dirname, '../../examples/exchange-online-2019-11-19.incident.yaml'), 'utf8');
const SEED = 20191119;

/** Pieces of incident files and of things that break them. */
const fragment = fc.oneof(
  fc.constantFrom(
    'id', 'title', 'status', 'start', 'end', 'severity', 'timeline', 'at', 'event', 'kind', 'utc', 'jst', 'sources', 'url',
    'tags', 'regions', 'resolved', 'monitoring', 'major', 'detected', 'EX196121', 'メール受信障害', '📧',
  ),
  fc.constantFrom(': ', ':', '- ', '-', '  ', '    ', '\t', '\n', '\r\n', '\r', '"', "'", '[', ']', '{', '}', ',', '#', '&a ', '*a', '!!str ', '|', '>-', '---', '...', '?', '%YAML 1.2', '\uFEFF', '\u0000'),
  fc.constantFrom(
    '2019-11-19T10:40+09:00', '2019-11-19T01:40Z', '2019-11-19T10:40', '2019-02-30T10:40Z', '2019-11-19T24:61+09:00',
    '2019-11-19 20:50+08:00', '2020-02-29T00:00Z', '1900-02-29T00:00Z', 'https://example.com', 'ftp://x',
  ),
  fc.string({ maxLength: 8 }),
  fc.integer().map(String),
);

const yamlLike = fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join(''));

/** An edit of a text: replace a slice with some fragments (insertions and deletions included). */
const edit = fc.record({
  at: fc.nat(),
  length: fc.nat({ max: 40 }),
  insert: fc.array(fragment, { maxLength: 6 }).map((parts) => parts.join('')),
});

function applyEdits(text: string, edits: readonly { at: number; length: number; insert: string }[]): string {
  let result = text;
  for (const e of edits) {
    const start = e.at % (result.length + 1);
    result = result.slice(0, start) + e.insert + result.slice(start + e.length);
  }
  return result;
}

function checkInvariants(text: string): void {
  const first = parseIncident(text);
  for (const d of first.diagnostics) {
    assert.ok(d.span.start >= 0 && d.span.start <= d.span.end && d.span.end <= text.length, `${d.code} ${JSON.stringify(d.span)} in ${text.length}`);
    for (const r of d.related ?? []) {
      if (!r.uri) assert.ok(r.span.start >= 0 && r.span.start <= r.span.end && r.span.end <= text.length, `related of ${d.code}`);
    }
    assert.ok(d.message.length > 0);
  }
  assert.ok(first.diagnostics.every((d) => d.code !== 'internal-error'), first.diagnostics.find((d) => d.code === 'internal-error')?.message);
  const second = parseIncident(text);
  assert.deepEqual(second.diagnostics, first.diagnostics);
}

describe('fuzz: the core on random input', () => {
  it('random YAML-like text', () => {
    fc.assert(fc.property(yamlLike, checkInvariants), { seed: SEED, numRuns: 500 });
  });

  it('random edits of the flagship example', () => {
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (edits) => checkInvariants(applyEdits(FLAGSHIP, edits))), { seed: SEED, numRuns: 400 });
  });

  it('random lines of the flagship example, shuffled and reindented', () => {
    const flagshipLines = FLAGSHIP.split('\n');
    const line = fc.tuple(fc.constantFrom(...flagshipLines), fc.nat({ max: 6 })).map(([l, indent]) => ' '.repeat(indent) + l.trimStart());
    fc.assert(fc.property(fc.array(line, { maxLength: 50 }), (ls) => checkInvariants(ls.join('\n'))), { seed: SEED, numRuns: 300 });
  });
});
