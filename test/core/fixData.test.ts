/**
 * The `data` each fixable diagnostic carries for its fix (core/diagnostics.ts declares the shapes):
 * exact values and spans, so a fix needs neither the message nor a parse of its own.
 */
import * as assert from 'node:assert/strict';
import { parseIncident, type Span } from '../../server/src/core';
import { HEAD, lines, only } from './diagnose';

/** The span of the `n`th occurrence (from 0) of `needle` in `text`. */
function spanOf(text: string, needle: string, n = 0): Span {
  let start = -1;
  for (let i = 0; i <= n; i++) start = text.indexOf(needle, start + 1);
  assert.ok(start >= 0, needle);
  return { start, end: start + needle.length };
}

describe('the data of fixable diagnostics', () => {
  it('invalid-time: the scalar as read, without its quotes; none for a block scalar', () => {
    const text = lines(...HEAD, 'start: "2019/11/19 10:40 JST"', 'end: |', '  2019/11/19 20:50 JST');
    const [quoted, block] = only(text, 'invalid-time');
    assert.deepEqual(quoted.data, { code: 'invalid-time', text: '2019/11/19 10:40 JST' });
    assert.equal(block.data, undefined);
  });

  it('wrong-type: a one-line string where a list belongs, with its key; none through an anchor, alias or tag', () => {
    const text = lines(...HEAD, 'start: 2019-11-19T10:40+09:00', 'regions: "Australia, Japan"', 'tags: !!str mail, spam', 'next_steps: &steps a, b');
    const [regions, tags, steps] = only(text, 'wrong-type');
    assert.deepEqual(regions.data, { code: 'wrong-type', key: 'regions', keySpan: spanOf(text, 'regions'), listText: 'Australia, Japan' });
    assert.equal(tags.data, undefined);
    assert.equal(steps.data, undefined);
    const alias = lines(...HEAD, 'start: 2019-11-19T10:40+09:00', 'cause: &c mail, spam', 'regions: *c');
    assert.deepEqual(only(alias, 'wrong-type').map((d) => d.data), [undefined]);
    // A number is taken as written.
    const number = lines(...HEAD, 'start: 2019-11-19T10:40+09:00', 'tags: 2019');
    assert.deepEqual(only(number, 'wrong-type')[0].data, { code: 'wrong-type', key: 'tags', keySpan: spanOf(number, 'tags'), listText: '2019' });
  });

  it('missing-field: the mapping and the entries it has', () => {
    const text = lines('id: INC-1', 'status: investigating', 'start: 2019-11-19T10:40+09:00', 'sources:', '  - title: notice');
    const [title, source] = only(text, 'missing-field');
    const item = spanOf(text, 'title: notice');
    assert.deepEqual(source.data, {
      code: 'missing-field', key: 'url', container: 'source', containerSpan: { start: item.start, end: text.length },
      entries: [{ key: 'title', keySpan: spanOf(text, 'title'), valueSpan: spanOf(text, 'notice') }],
    });
    assert.equal(title.data?.code === 'missing-field' && title.data.container, 'incident');
    assert.deepEqual(title.data?.code === 'missing-field' && title.data.entries.map((e) => e.key), ['id', 'status', 'start', 'sources']);
  });

  it('duplicate-key: the repeated value\'s span, so the fix removes its lines', () => {
    const text = lines(...HEAD, 'start: 2019-11-19T10:40+09:00', 'sources:', '  - url: https://a.example/', '    url: https://b.example/');
    assert.deepEqual(only(text, 'duplicate-key')[0].data, {
      code: 'duplicate-key', key: 'url', firstSpan: spanOf(text, 'url'), valueSpan: spanOf(text, 'https://b.example/'),
    });
  });

  it('not-an-incident on a second document: its lines, its body and a file-safe id', () => {
    const first = lines(...HEAD, 'start: 2019-11-19T10:40+09:00');
    const second = lines('id: INC-2', 'title: Another');
    const text = first + '---\n' + second + '...\n';
    const [d] = only(text, 'not-an-incident');
    assert.deepEqual(d.data, { code: 'not-an-incident', documentSpan: { start: first.length, end: first.length + 4 + second.length }, bodySpan: { start: first.length + 4, end: first.length + 4 + second.length }, id: 'INC-2' });
    // An id that is not a plain file name is not used as one.
    const unsafe = first + '---\n' + lines('id: ../../etc/x', 'title: t');
    const data = only(unsafe, 'not-an-incident')[0].data;
    assert.equal(data?.code === 'not-an-incident' && data.id, undefined);
    // Nothing to move: no data.
    assert.equal(only(first + '---\n', 'not-an-incident')[0]?.data, undefined);
  });

  it('wrong-offset and utc-jst-mismatch: no converted text outside the years 0000–9999', () => {
    const text = lines(...HEAD, 'start:', '  utc: 9999-12-31T20:00Z', '  jst: 9999-12-31T20:00', 'end:', '  jst: 9999-12-31T20:00Z');
    const mismatch = only(text, 'utc-jst-mismatch')[0].data;
    assert.deepEqual(mismatch, {
      code: 'utc-jst-mismatch', utcSpan: spanOf(text, '9999-12-31T20:00Z'), jstSpan: spanOf(text, '9999-12-31T20:00', 1),
      correctedJst: undefined, correctedUtc: '9999-12-31T11:00Z', suspect: 'jst',
    });
    assert.deepEqual(only(text, 'wrong-offset')[0].data, { code: 'wrong-offset', side: 'jst', text: '9999-12-31T20:00Z', corrected: undefined });
    assert.equal(parseIncident(text).diagnostics.length, 2);
  });
});
