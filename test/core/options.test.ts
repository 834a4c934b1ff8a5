/**
 * What a host gives the core through its options: the rules to run (no global list to mutate)
 * and a logger for what the user never sees in a diagnostic.
 */
import * as assert from 'node:assert/strict';
import { ParseCache, parseIncident, STANDARD_RULES, type ParseOptions, type Rule } from '../../server/src/core';
import { IncrementalIncidentParser } from '../../server/src/core/incremental';
import { lines } from './diagnose';

const TEXT = lines(
  'id: EX1', 'title: Mail delayed', 'status: monitoring', 'start: 2019-11-19T10:40+09:00', 'timeline:',
  '  - at: 2019-11-19T10:40+09:00', '    event: first', '  - at: 2019-11-19T10:50+09:00', '    kind: update', '    event: second',
  '  - at: 2019-11-19T11:00+09:00', '    event: third',
);

/** A house rule: every event says its kind. */
const kindRequired: Rule = {
  name: 'kind-required',
  check(incident, report) {
    for (const event of incident.timeline) {
      if (event.kind) continue;
      report({
        code: 'missing-field',
        severity: 'information',
        span: event.span,
        message: `Timeline event ${event.index + 1} has no kind.`,
        data: { code: 'missing-field', key: 'kind', container: 'event', containerSpan: event.span, entries: event.entries },
      });
    }
  },
};

const exploding: Rule = { name: 'exploding-rule', check() { throw new Error('boom'); } };

function kindRows(options: ParseOptions, parse: (text: string, options: ParseOptions) => { diagnostics: readonly { code: string; span: { start: number }; message: string }[] }): string[] {
  return parse(TEXT, options).diagnostics.filter((d) => d.code === 'missing-field').map((d) => `${TEXT.slice(d.span.start, d.span.start + 8)}|${d.message}`);
}

describe('core options', () => {
  it('runs the rules it is given, in every entry point, and only the standard ones by default', () => {
    const expected = ['at: 2019|Timeline event 1 has no kind.', 'at: 2019|Timeline event 3 has no kind.'];
    const options = { rules: [...STANDARD_RULES, kindRequired] };
    assert.deepEqual(kindRows(options, parseIncident), expected);
    const parser = new IncrementalIncidentParser(options);
    assert.deepEqual(kindRows(options, (text) => parser.parse(text)), expected);
    assert.equal(parser.lastPath.kind, 'incremental');
    assert.deepEqual(kindRows(options, (text) => new ParseCache(options).get('file:///a', 1, () => text)), expected);
    // Nothing leaked into the defaults.
    assert.deepEqual(kindRows({}, parseIncident), []);
    assert.deepEqual(kindRows({}, (text) => new IncrementalIncidentParser().parse(text)), []);
  });

  it('logs the error a fallback to the full parse swallowed, through the cache too', () => {
    const logged: string[] = [];
    const logger = { error: (message: string) => logged.push(message) };
    const cache = new ParseCache({ rules: [exploding], logger });
    const parsed = cache.get('file:///a', 1, () => TEXT);
    // The user sees the full parse's diagnostic; the log has what was swallowed, with its stack.
    assert.deepEqual(parsed.diagnostics.map((d) => d.code), ['internal-error']);
    assert.equal(logged.length, 1);
    assert.match(logged[0], /^Incremental parse fell back to a full parse: Error: boom\n\s+at /);
    // New settings keep the logger and the rules.
    cache.setOptions({ maxLength: 1_000_000 });
    cache.get('file:///a', 2, () => TEXT);
    assert.equal(logged.length, 2);
    // A clean parse logs nothing.
    new ParseCache({ logger }).get('file:///b', 1, () => TEXT);
    assert.equal(logged.length, 2);
  });
});
