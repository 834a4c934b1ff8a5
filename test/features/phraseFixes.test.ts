import * as assert from 'node:assert/strict';
import { parseIncident, type DiagnosticCode } from '../../server/src/core';
import { quickFixes } from '../../server/src/features/codeActions';
import { applyEdits } from '../../server/src/features/edit';

const HEAD = ['id: INC-1', 'title: Mail delayed', 'status: investigating'];
const lines = (...l: string[]) => l.join('\n') + '\n';

/** The fixes of the first diagnostic with `code`. */
function fixesOf(text: string, code: DiagnosticCode) {
  const parsed = parseIncident(text);
  const diagnostic = parsed.diagnostics.find((d) => d.code === code);
  assert.ok(diagnostic, `no ${code} in ${JSON.stringify(parsed.diagnostics.map((d) => d.code))}`);
  return quickFixes(parsed, diagnostic, { now: 0 });
}

function applyFix(text: string, code: DiagnosticCode, title: string): string {
  const fix = fixesOf(text, code).find((f) => f.title === title);
  assert.ok(fix, `no fix ${title}`);
  return applyEdits(text, fix.edits);
}

const codes = (text: string) => parseIncident(text).diagnostics.map((d) => d.code);

describe('quick fixes for the source\'s words', () => {
  it('written-mismatch (approximate): sets `approx: true` in the mapping\'s layout, comments kept', () => {
    const block = lines(...HEAD, 'start:', '  jst: 2022-07-02T01:35  # KDDI', '  written: 2022年7月2日（土）1時35分頃');
    assert.equal(applyFix(block, 'written-mismatch', 'Set `approx: true`'),
      lines(...HEAD, 'start:', '  jst: 2022-07-02T01:35  # KDDI', '  approx: true', '  written: 2022年7月2日（土）1時35分頃'));
    const flow = lines(...HEAD, 'start: {utc: 2022-06-21T06:34Z, written: around 06:34 AM UTC}');
    const fixed = applyFix(flow, 'written-mismatch', 'Set `approx: true`');
    // In a flow mapping the key goes first, as insertEntry puts every key there.
    assert.equal(fixed, lines(...HEAD, 'start: {approx: true, utc: 2022-06-21T06:34Z, written: around 06:34 AM UTC}'));
    assert.deepEqual(codes(fixed), []);
  });

  it('unread-time: fills utc and jst from a phrase in JST or UTC, with approx for 頃', () => {
    const text = lines(...HEAD, 'start:', '  written: 日本時間2019年11月19日10時40分頃  # piyolog', 'timeline:',
      '  - at: {written: "Tuesday, November 19, 2019, 8:50 PM (11:50 AM UTC)"}', '    event: restored');
    const start = applyFix(text, 'unread-time', 'Fill the time from what was written');
    assert.equal(start, lines(...HEAD, 'start:', '  utc: 2019-11-19T01:40Z', '  jst: 2019-11-19T10:40', '  approx: true',
      '  written: 日本時間2019年11月19日10時40分頃  # piyolog', 'timeline:',
      '  - at: {written: "Tuesday, November 19, 2019, 8:50 PM (11:50 AM UTC)"}', '    event: restored'));
    // The local clock names no zone, its twin in UTC does: the instant comes from the twin.
    const both = applyFix(start, 'unread-time', 'Fill the time from what was written');
    assert.equal(both, start.replace('{written:', '{utc: 2019-11-19T11:50Z, jst: 2019-11-19T20:50, written:'));
    assert.deepEqual(codes(both), []);
  });

  it('unread-time: a named zone is filled as local (zone written only when the file does not say it)', () => {
    const text = lines(...HEAD, 'zone: America/Los_Angeles', 'start: {written: "Wednesday 08 April, 2020 beginning at 06:48 US/Pacific"}',
      'end: {written: 2020-04-08 10:42 ET}');
    const start = applyFix(text, 'unread-time', 'Fill the time from what was written');
    assert.equal(start, text.replace('{written: "Wed', '{local: 2020-04-08T06:48, written: "Wed'));
    const end = applyFix(start, 'unread-time', 'Fill the time from what was written');
    assert.equal(end, start.replace('{written: 2020', '{local: 2020-04-08T10:42, zone: America/New_York, written: 2020'));
    assert.deepEqual(codes(end), []);
  });

  it('unread-time: a relative day counts from the time before; no zone anywhere shows the fix disabled with why', () => {
    const text = lines(...HEAD, 'start: {jst: 2021-10-14T17:00, approx: true, written: 2021年10月14日（木）午後5時頃}', 'timeline:',
      '  - at: {written: 翌日 午前5時05分 JST}', '    event: 4G and 5G recovered');
    const fixed = applyFix(text, 'unread-time', 'Fill the time from what was written');
    assert.equal(fixed, text.replace('{written: 翌日', '{utc: 2021-10-14T20:05Z, jst: 2021-10-15T05:05, written: 翌日'));
    assert.deepEqual(codes(fixed), []);
    const [disabled] = fixesOf(lines(...HEAD, 'start: {written: 2019年11月19日 20時50分}'), 'unread-time');
    assert.deepEqual([disabled.title, disabled.edits, disabled.disabled],
      ['Fill the time from what was written', [], 'the phrase names no time zone, and neither does the mapping or the file']);
  });

  it('invalid-time: a pasted phrase moves into `written` with its value, quoted where YAML needs it', () => {
    const text = lines(...HEAD, 'start: Tuesday, November 19, 2019, 10:40 AM (1:40 AM UTC)  # the notice', 'end: "2019年11月19日 20時50分頃 JST"');
    const start = applyFix(text, 'invalid-time', 'Keep the words in `written` and fill the time');
    assert.equal(start, lines(...HEAD,
      'start: {utc: 2019-11-19T01:40Z, jst: 2019-11-19T10:40, written: "Tuesday, November 19, 2019, 10:40 AM (1:40 AM UTC)"}  # the notice',
      'end: "2019年11月19日 20時50分頃 JST"'));
    const end = applyFix(start, 'invalid-time', 'Keep the words in `written` and fill the time');
    assert.equal(end, start.replace('"2019年11月19日 20時50分頃 JST"', '{utc: 2019-11-19T11:50Z, jst: 2019-11-19T20:50, approx: true, written: 2019年11月19日 20時50分頃 JST}'));
    assert.deepEqual(codes(end), []);
    // A phrase naming no zone in a file without a root zone: not moved (never a guess).
    assert.deepEqual(fixesOf(lines(...HEAD, 'start: 2019年11月19日 20時50分'), 'invalid-time').map((f) => f.title), []);
  });
});
