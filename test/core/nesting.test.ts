/**
 * The nesting guard: text nested deeply enough to overflow the stack in the yaml library (which
 * can abort the whole process inside V8's regexp compiler) is not parsed; ordinary incidents,
 * brackets in strings and comments, and long files are not affected.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseIncident } from '../../server/src/core';
import { findExcessiveNesting, MAX_NESTING } from '../../server/src/core/nesting';

const FLAGSHIP = readFileSync(path.join(__dirname, '../../examples/exchange-online-2019-11-19.incident.yaml'), 'utf8');

describe('core: nesting guard', () => {
  it('lets ordinary incidents, quoted and commented brackets, and long timelines through', () => {
    assert.equal(findExcessiveNesting(FLAGSHIP), -1);
    const brackets = '['.repeat(MAX_NESTING * 2);
    assert.equal(findExcessiveNesting(`title: "${brackets}"\nimpact: '${brackets}' # ${brackets}\n`), -1);
    const events = Array.from({ length: 10_000 }, (_, i) => `  - at: {utc: 2019-11-19T01:${String(i % 60).padStart(2, '0')}Z}\n    event: "step [${i}]"`).join('\n');
    assert.equal(findExcessiveNesting(`timeline:\n${events}\n`), -1);
    assert.equal(findExcessiveNesting('a: ' + '['.repeat(MAX_NESTING - 2) + ']'.repeat(MAX_NESTING - 2)), -1);
  });

  it('finds the offset where flow, compact or indented nesting goes past the limit', () => {
    assert.equal(findExcessiveNesting('a: ' + '['.repeat(1_000)), 3 + MAX_NESTING - 1);
    assert.equal(findExcessiveNesting('- '.repeat(1_000)), 2 * (MAX_NESTING - 1));
    const staircase = Array.from({ length: 1_000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    const offset = findExcessiveNesting(staircase);
    assert.ok(offset > 0);
    assert.equal(staircase.slice(offset, offset + 5), `k${MAX_NESTING}:`);
    assert.ok(findExcessiveNesting('{a: '.repeat(1_000)) >= 0);
  });

  it('reports too-deep text as one yaml-syntax RESOURCE_EXHAUSTION error, over and over without crashing', () => {
    // Small then deep nesting, repeatedly: the sequence that aborted the process before the guard.
    for (const depth of [1_000, 3_000, 100_000, 1_100, 3_000]) {
      for (const text of ['['.repeat(depth), '- '.repeat(depth)]) {
        const parsed = parseIncident(text);
        assert.deepEqual(parsed.diagnostics.map((d) => [d.code, d.severity, d.data]), [
          ['yaml-syntax', 'error', { code: 'yaml-syntax', yamlCode: 'RESOURCE_EXHAUSTION' }],
        ]);
        assert.equal(parsed.incident, undefined);
      }
    }
  });
});
