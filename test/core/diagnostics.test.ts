/**
 * Every diagnostic code on inline text: code, severity, exact range, and a message that names
 * the actual values.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { YAMLError } from 'yaml';
import { useTranslations, type DiagnosticData } from '../../server/src/core';
import { STANDARD_RULES, type Rule } from '../../server/src/core/rules';
import { describeYamlError } from '../../server/src/core/yamlErrors';
import { HEAD, capProblems, diagnose, duplicateIds, lines, only, rangeOf, rows } from './diagnose';

const JAPANESE = JSON.parse(readFileSync(path.join(__dirname, '../../l10n/bundle.l10n.ja.json'), 'utf8')) as Record<string, string>;
const useLocale = (language: 'en' | 'ja') => useTranslations(language, language === 'ja' ? JAPANESE : undefined);

const START_PAIR = ['start:', '  utc: 2019-11-19T01:40Z', '  jst: 2019-11-19T10:40'];

describe('diagnostics by code', () => {
  it('a valid incident has none', () => {
    assert.deepEqual(rows(lines(...HEAD, 'start: 2019-11-19T10:40+09:00')), []);
    assert.deepEqual(rows(lines(...HEAD, ...START_PAIR)), []);
  });

  describe('yaml-syntax', () => {
    it('one per parser error, at its position, keeping the yaml library\'s error kind', () => {
      const text = lines(...HEAD, 'start: 2019-11-19T10:40+09:00', 'tags: [a, b');
      const found = only(text, 'yaml-syntax');
      assert.ok(found.length >= 1);
      const parsed = diagnose(text);
      for (const d of found) {
        assert.equal(d.severity, 'error');
        assert.equal(d.data?.code, 'yaml-syntax');
        const yamlCode = (d.data as Extract<DiagnosticData, { code: 'yaml-syntax' }>).yamlCode;
        assert.match(yamlCode, /^[A-Z_]+$/);
        assert.ok(d.message.includes(`(${yamlCode})`), d.message);
        // Positions are on or after the unclosed list.
        assert.ok(parsed.lineIndex.positionAt(d.span.start).line >= 4);
      }
    });

    it('a tab used as indentation: TAB_AS_INDENT on the tab', () => {
      const text = lines(...HEAD, 'start:', '\tutc: 2019-11-19T01:40Z');
      const d = only(text, 'yaml-syntax');
      assert.equal(d.length, 1);
      assert.equal(d[0].severity, 'error');
      assert.equal(rangeOf(diagnose(text).lineIndex, d[0].span), '4:0-4:1');
      assert.match(d[0].message, /TAB_AS_INDENT/);
    });

    it('says what went wrong in its own translated words, not the yaml library\'s English', () => {
      const cases: [string, string, string, string][] = [
        [lines(...HEAD, 'start: 2019-11-19T10:40+09:00', 'impact: "mail is queued'), '5:0-5:0',
          'YAML syntax error (MISSING_CHAR): the quoted text is not closed: add the closing quote.',
          'YAML の構文エラー (MISSING_CHAR): 引用符で囲んだ文字列が閉じていません。閉じる引用符を追加してください。'],
        [lines(...HEAD, 'start: 2019-11-19T10:40+09:00', 'impact: a: b'), '4:8-4:9',
          'YAML syntax error (BLOCK_AS_IMPLICIT_KEY): a mapping or list cannot start on the line of another key (as in `a: b: c`); put it on lines of its own, or quote the value.',
          'YAML の構文エラー (BLOCK_AS_IMPLICIT_KEY): マッピングやリストは別のキーと同じ行では始められません (`a: b: c` のように)。別の行に書くか、値を引用符で囲んでください。'],
        [lines(...HEAD, 'start:', '\tutc: 2019-11-19T01:40Z'), '4:0-4:1',
          'YAML syntax error (TAB_AS_INDENT): a tab is used as indentation; YAML indents with spaces only.',
          'YAML の構文エラー (TAB_AS_INDENT): インデントにタブが使われています。YAML のインデントは空白だけです。'],
      ];
      try {
        for (const [text, range, english, japanese] of cases) {
          const parsed = diagnose(text);
          const d = parsed.diagnostics.filter((x) => x.code === 'yaml-syntax');
          assert.deepEqual(d.map((x) => [rangeOf(parsed.lineIndex, x.span), x.message]), [[range, english]]);
          const yamlCode = /\(([A-Z_]+)\)/.exec(english)![1];
          assert.deepEqual(d[0].data, { code: 'yaml-syntax', yamlCode });
          useLocale('ja');
          assert.deepEqual(diagnose(text).diagnostics.filter((x) => x.code === 'yaml-syntax').map((x) => x.message), [japanese]);
          useLocale('en');
        }
        // Every kind the library has (its ErrorCode type) reads in Japanese under the Japanese bundle.
        const codes: YAMLError['code'][] = ['ALIAS_PROPS', 'BAD_ALIAS', 'BAD_DIRECTIVE', 'BAD_DQ_ESCAPE', 'BAD_INDENT', 'BAD_PROP_ORDER',
          'BAD_SCALAR_START', 'BLOCK_AS_IMPLICIT_KEY', 'BLOCK_IN_FLOW', 'DUPLICATE_KEY', 'IMPOSSIBLE', 'KEY_OVER_1024_CHARS', 'MISSING_CHAR',
          'MULTILINE_IMPLICIT_KEY', 'MULTIPLE_ANCHORS', 'MULTIPLE_DOCS', 'MULTIPLE_TAGS', 'NON_STRING_KEY', 'RESOURCE_EXHAUSTION',
          'TAB_AS_INDENT', 'TAG_RESOLVE_FAILED', 'UNEXPECTED_TOKEN', 'BAD_COLLECTION_TYPE'];
        const libraryMessages = ['Missing closing "quote', 'Implicit map keys need to be followed by map values', 'Missing , between flow sequence items', 'x'];
        const describeAll = () => codes.flatMap((code) => libraryMessages.map((message) => describeYamlError({ code, message })));
        const english = describeAll();
        useLocale('ja');
        const japanese = describeAll();
        assert.deepEqual(japanese.filter((m) => !/[\u3040-\u30ff]/.test(m)), []);
        assert.ok(japanese.every((m, i) => m !== english[i]));
      } finally {
        useLocale('en');
      }
    });

    it('an alias without an anchor is reported (the yaml library only notices when converting)', () => {
      const text = lines('id: *x', 'title: t', 'status: monitoring', 'start: 2019-11-19T10:40+09:00');
      const d = only(text, 'yaml-syntax');
      assert.equal(d.length, 1);
      assert.equal(rangeOf(diagnose(text).lineIndex, d[0].span), '0:4-0:6');
      assert.match(d[0].message, /UNRESOLVED_ALIAS.*`\*x`/);
    });
  });

  describe('duplicate-key', () => {
    it('on the repeated key, pointing at the first', () => {
      const text = lines(...HEAD, 'start: 2019-11-19T10:40+09:00', 'title: Again');
      const parsed = diagnose(text);
      assert.deepEqual(rows(text), [{ code: 'duplicate-key', severity: 'error', range: '4:0-4:5' }]);
      const d = parsed.diagnostics[0];
      assert.match(d.message, /`title`/);
      assert.equal(d.related?.length, 1);
      assert.equal(rangeOf(parsed.lineIndex, d.related![0].span), '1:0-1:5');
      assert.match(d.related![0].message, /`title`/);
      const again = text.indexOf('Again');
      assert.deepEqual(d.data, { code: 'duplicate-key', key: 'title', firstSpan: d.related![0].span, valueSpan: { start: again, end: again + 'Again'.length } });
    });

    it('in an event and in a time pair', () => {
      const text = lines(...HEAD, ...START_PAIR, '  utc: 2019-11-19T01:41Z', 'timeline:', '  - at: 2019-11-19T10:40+09:00', '    event: a', '    event: b');
      assert.deepEqual(rows(text), [
        { code: 'duplicate-key', severity: 'error', range: '6:2-6:5' },
        { code: 'duplicate-key', severity: 'error', range: '10:4-10:9' },
      ]);
    });
  });

  describe('not-an-incident', () => {
    it('an empty file: on the first line', () => {
      assert.deepEqual(rows(''), [{ code: 'not-an-incident', severity: 'error', range: '0:0-0:0' }]);
    });
    it('a comment-only file: on the first line', () => {
      assert.deepEqual(rows('# only a comment\n\n'), [{ code: 'not-an-incident', severity: 'error', range: '0:0-0:16' }]);
    });
    it('a root list: on the list, naming what it found', () => {
      const text = '- id: a\n- id: b\n';
      assert.deepEqual(rows(text), [{ code: 'not-an-incident', severity: 'error', range: '0:0-2:0' }]);
      assert.match(only(text, 'not-an-incident')[0].message, /a list/);
    });
    it('a root scalar', () => {
      const text = 'just words\n';
      assert.deepEqual(rows(text), [{ code: 'not-an-incident', severity: 'error', range: '0:0-0:10' }]);
      assert.match(only(text, 'not-an-incident')[0].message, /a string/);
    });
    it('a second YAML document: on its --- line, the first is still read', () => {
      const text = lines(...HEAD, 'start: 2019-11-19T10:40+09:00', '---', ...HEAD, 'start: 2019-11-19T10:40+09:00');
      assert.deepEqual(rows(text), [{ code: 'not-an-incident', severity: 'error', range: '4:0-4:3' }]);
      assert.match(only(text, 'not-an-incident')[0].message, /document 2/);
      assert.equal(diagnose(text).incident?.id?.value, 'EX196121');
    });
  });

  describe('missing-field', () => {
    it('each missing root key, on the first line (`id` is optional: the file name stands for it)', () => {
      const text = lines('# header comment', 'service: Exchange Online');
      assert.deepEqual(rows(text).filter((r) => r.code === 'missing-field'), ['start', 'status', 'title'].map(() => ({ code: 'missing-field', severity: 'error', range: '1:0-1:24' })));
      const keys = only(text, 'missing-field').map((d) => (d.data as Extract<DiagnosticData, { code: 'missing-field' }>).key).sort();
      assert.deepEqual(keys, ['start', 'status', 'title']);
      assert.deepEqual(rows(lines(...HEAD.slice(1), 'start: 2019-11-19T10:40+09:00')), []);
      assert.ok(only(text, 'missing-field').some((d) => d.message.includes('`status`')));
    });
    it('at and event in an event, on its first key', () => {
      const text = lines(...HEAD, 'start: 2019-11-19T10:40+09:00', 'timeline:', '  - event: Mail queued', '  - at: 2019-11-19T10:50+09:00');
      assert.deepEqual(rows(text), [
        { code: 'missing-field', severity: 'error', range: '5:4-5:9' },
        { code: 'missing-field', severity: 'error', range: '6:4-6:6' },
      ]);
      const [noAt, noEvent] = only(text, 'missing-field');
      assert.match(noAt.message, /event 1 has no `at`/);
      assert.match(noEvent.message, /event 2 has no `event`/);
    });
    it('a time pair with neither side, and a source without url', () => {
      const text = lines(...HEAD, 'start: {}', 'sources:', '  - title: Notice');
      assert.deepEqual(rows(text), [
        { code: 'missing-field', severity: 'error', range: '3:7-3:9' },
        { code: 'missing-field', severity: 'error', range: '5:4-6:0' },
      ]);
    });
  });

  describe('unknown-field', () => {
    it('with a suggestion when a known key is close', () => {
      const text = lines(...HEAD, 'start: 2019-11-19T10:40+09:00', 'sevrity: major');
      assert.deepEqual(rows(text), [{ code: 'unknown-field', severity: 'warning', range: '4:0-4:7' }]);
      const d = only(text, 'unknown-field')[0];
      assert.match(d.message, /`sevrity`.*did you mean `severity`\?/);
      assert.deepEqual(d.data, {
        code: 'unknown-field', key: 'sevrity', suggestion: 'severity',
        allowed: ['id', 'title', 'status', 'severity', 'service', 'regions', 'zone', 'start', 'end', 'components', 'impact', 'cause', 'next_steps', 'tags', 'sources', 'timeline'],
      });
    });
    it('without one, listing the known keys', () => {
      const text = lines(...HEAD, 'start: 2019-11-19T10:40+09:00', 'owner: mail team');
      assert.deepEqual(rows(text), [{ code: 'unknown-field', severity: 'warning', range: '4:0-4:5' }]);
      const d = only(text, 'unknown-field')[0];
      assert.match(d.message, /`owner`.*Known fields: id, title, status/);
      assert.equal((d.data as Extract<DiagnosticData, { code: 'unknown-field' }>).suggestion, undefined);
    });
    it('in an event, suggesting event keys', () => {
      const text = lines(...HEAD, 'start: 2019-11-19T10:40+09:00', 'timeline:', '  - at: 2019-11-19T10:40+09:00', '    event: x', '    knd: detected');
      assert.deepEqual(rows(text), [{ code: 'unknown-field', severity: 'warning', range: '7:4-7:7' }]);
      const d = only(text, 'unknown-field')[0];
      assert.match(d.message, /did you mean `kind`/);
      assert.deepEqual(d.data, { code: 'unknown-field', key: 'knd', suggestion: 'kind', allowed: ['at', 'posted', 'event', 'kind', 'status', 'components', 'next_update', 'source'] });
    });
  });

  describe('wrong-type', () => {
    it('a list where a string belongs, a string where a list belongs, an empty required string', () => {
      const text = lines('id: [EX196121]', 'title: ""', 'status: monitoring', 'start: 2019-11-19T10:40+09:00', 'regions: Japan', 'tags: [mail, [nested]]', 'timeline: {}');
      assert.deepEqual(rows(text), [
        { code: 'wrong-type', severity: 'error', range: '0:4-0:14' },
        { code: 'wrong-type', severity: 'error', range: '1:7-1:9' },
        { code: 'wrong-type', severity: 'error', range: '4:9-4:14' },
        { code: 'wrong-type', severity: 'error', range: '5:13-5:21' },
        { code: 'wrong-type', severity: 'error', range: '6:10-6:12' },
      ]);
      const messages = only(text, 'wrong-type').map((d) => d.message);
      assert.match(messages[0], /`id` must be a string, got a list/);
      assert.match(messages[1], /`title`.*empty string/);
      assert.match(messages[2], /`regions` must be a list of strings, got a string/);
      assert.match(messages[3], /item of `tags`.*a list/);
      assert.match(messages[4], /`timeline` must be a list of events, got a mapping/);
    });
    it('a timeline item that is not a mapping', () => {
      const text = lines(...HEAD, 'start: 2019-11-19T10:40+09:00', 'timeline:', '  - 42');
      assert.deepEqual(rows(text), [{ code: 'wrong-type', severity: 'error', range: '5:4-5:6' }]);
      assert.match(only(text, 'wrong-type')[0].message, /item 1.*a number \(42\)/);
    });
  });

  describe('invalid-value', () => {
    it('a status outside the enumeration: lists the allowed values and suggests the nearest', () => {
      const text = lines('id: a', 'title: b', 'status: resolvd', 'start: 2019-11-19T10:40+09:00');
      assert.deepEqual(rows(text), [{ code: 'invalid-value', severity: 'error', range: '2:8-2:15' }]);
      const d = only(text, 'invalid-value')[0];
      assert.match(d.message, /`resolvd` is not a valid status: expected one of investigating, identified, monitoring, resolved\. Did you mean `resolved`\?/);
      assert.deepEqual(d.data, { code: 'invalid-value', value: 'resolvd', suggestion: 'resolved', allowed: ['investigating', 'identified', 'monitoring', 'resolved'] });
    });
    it('no suggestion when nothing is close; severity and kind too', () => {
      const text = lines(...HEAD, 'severity: catastrophic', 'start: 2019-11-19T10:40+09:00', 'timeline:', '  - at: 2019-11-19T10:40+09:00', '    event: x', '    kind: Detected');
      assert.deepEqual(rows(text), [
        { code: 'invalid-value', severity: 'error', range: '3:10-3:22' },
        { code: 'invalid-value', severity: 'error', range: '8:10-8:18' },
      ]);
      const [severity, kind] = only(text, 'invalid-value');
      assert.doesNotMatch(severity.message, /Did you mean/);
      assert.match(severity.message, /`catastrophic`.*critical, major, minor, info/);
      assert.match(kind.message, /Did you mean `detected`/);
    });
    it('a source that is not an http(s) URL', () => {
      const text = lines(...HEAD, 'start: 2019-11-19T10:40+09:00', 'sources:', '  - ftp://example.com/notice');
      assert.deepEqual(rows(text), [{ code: 'invalid-value', severity: 'error', range: '5:4-5:28' }]);
      assert.match(only(text, 'invalid-value')[0].message, /`ftp:\/\/example.com\/notice`/);
    });
  });

  describe('invalid-time', () => {
    const at = (time: string) => lines(...HEAD, `start: ${time}`);
    for (const [time, why] of [
      ['2019-02-30T10:40+09:00', /not a real date \(2019-02 has no day 30\)/],
      ['1900-02-29T10:40Z', /not a real date \(1900-02 has no day 29\)/],
      ['2019-13-01T10:40Z', /not a real date \(month 13\)/],
      ['2019-11-19T24:61+09:00', /not a real clock time \(24:61\)/],
      ['2019-11-19T10:40+24:00', /impossible offset/],
      ['Tuesday 10:40 AM', /is not a time: expected YYYY-MM-DDThh:mm/],
    ] as const) {
      it(`${time}`, () => {
        const text = at(time);
        assert.deepEqual(rows(text), [{ code: 'invalid-time', severity: 'error', range: `3:7-3:${7 + time.length}` }]);
        const d = only(text, 'invalid-time')[0];
        assert.ok(d.message.includes(`\`${time}\``), d.message);
        assert.match(d.message, why);
      });
    }
    it('2020-02-29 is a real date (leap year), 2000-02-29 too', () => {
      assert.deepEqual(rows(at('2020-02-29T10:40+09:00')), []);
      assert.deepEqual(rows(at('2000-02-29T10:40+09:00')), []);
    });
    it('a mapping or list where a time belongs', () => {
      const text = lines(...HEAD, 'start: [2019-11-19T10:40+09:00]');
      assert.deepEqual(rows(text), [{ code: 'invalid-time', severity: 'error', range: '3:7-3:31' }]);
      assert.match(only(text, 'invalid-time')[0].message, /got a list/);
    });
  });

  describe('missing-offset', () => {
    it('a plain time string without an offset, on the value', () => {
      const text = lines(...HEAD, 'start: 2019-11-19T10:40');
      assert.deepEqual(rows(text), [{ code: 'missing-offset', severity: 'error', range: '3:7-3:23' }]);
      const d = only(text, 'missing-offset')[0];
      assert.match(d.message, /`2019-11-19T10:40` has no offset/);
      assert.deepEqual(d.data, { code: 'missing-offset', text: '2019-11-19T10:40' });
    });
    it('not under utc/jst, where the key supplies the zone', () => {
      assert.deepEqual(rows(lines(...HEAD, 'start:', '  utc: 2019-11-19T01:40', '  jst: 2019-11-19T10:40')), []);
    });
  });

  describe('wrong-offset', () => {
    it('a utc value with a non-zero offset', () => {
      const text = lines(...HEAD, 'start:', '  utc: 2019-11-19T10:40+09:00');
      assert.deepEqual(rows(text), [{ code: 'wrong-offset', severity: 'error', range: '4:7-4:29' }]);
      const d = only(text, 'wrong-offset')[0];
      assert.match(d.message, /`utc` value `2019-11-19T10:40\+09:00` has offset \+09:00.*2019-11-19T01:40Z/);
      assert.deepEqual(d.data, { code: 'wrong-offset', side: 'utc', text: '2019-11-19T10:40+09:00', corrected: '2019-11-19T01:40Z' });
    });
    it('a jst value with Z or another offset', () => {
      const text = lines(...HEAD, 'start:', '  jst: 2019-11-19T01:40Z', 'end:', '  jst: 2019-11-19 20:50+08:00');
      assert.deepEqual(rows(text), [
        { code: 'wrong-offset', severity: 'error', range: '4:7-4:24' },
        { code: 'wrong-offset', severity: 'error', range: '6:7-6:29' },
      ]);
      const [z, eight] = only(text, 'wrong-offset');
      assert.match(z.message, /`jst` value `2019-11-19T01:40Z` has offset Z.*2019-11-19T10:40\+09:00/);
      assert.match(eight.message, /has offset \+08:00.*2019-11-19 21:50\+09:00/);
    });
    it('with a wrong offset the pair is not also called a mismatch', () => {
      const text = lines(...HEAD, 'start:', '  utc: 2019-11-19T10:40+09:00', '  jst: 2019-11-19T19:40');
      assert.deepEqual(rows(text).map((r) => r.code), ['wrong-offset']);
    });
  });

  describe('utc-jst-mismatch', () => {
    const pair = (utc: string, jst: string) => lines(...HEAD, 'start:', `  utc: ${utc}`, `  jst: ${jst}`);
    it('the same clock on both sides (9 hours): one side written in the other zone\'s clock', () => {
      const text = pair('2019-11-19T01:40Z', '2019-11-19T01:40');
      assert.deepEqual(rows(text), [{ code: 'utc-jst-mismatch', severity: 'error', range: '5:7-5:23' }]);
      const d = only(text, 'utc-jst-mismatch')[0];
      assert.match(d.message, /utc 2019-11-19T01:40Z is 2019-11-19 10:40 JST, but jst 2019-11-19T01:40 is 2019-11-19 01:40 JST: 9h apart/);
      assert.match(d.message, /written in the other zone's clock/);
      const data = d.data as Extract<DiagnosticData, { code: 'utc-jst-mismatch' }>;
      assert.equal(data.correctedJst, '2019-11-19T10:40');
      assert.equal(data.correctedUtc, '2019-11-18T16:40Z');
      assert.equal(data.suspect, 'jst');
    });
    it('utc written in the JST clock is the same-clock case too', () => {
      const d = only(pair('2019-11-19T10:40', '2019-11-19T10:40'), 'utc-jst-mismatch')[0];
      assert.match(d.message, /9h apart\. Both show the same clock time/);
      assert.equal((d.data as Extract<DiagnosticData, { code: 'utc-jst-mismatch' }>).correctedUtc, '2019-11-19T01:40');
    });
    it('9 hours the other way: the offset applied twice', () => {
      const text = pair('2019-11-19T01:40Z', '2019-11-19T19:40');
      assert.deepEqual(rows(text), [{ code: 'utc-jst-mismatch', severity: 'error', range: '5:7-5:23' }]);
      const d = only(text, 'utc-jst-mismatch')[0];
      assert.match(d.message, /jst 2019-11-19T19:40 is 2019-11-19 19:40 JST: 9h apart\. The 9-hour offset looks applied twice/);
      assert.equal((d.data as Extract<DiagnosticData, { code: 'utc-jst-mismatch' }>).suspect, undefined);
    });
    it('an arbitrary difference, with seconds', () => {
      const text = pair('2019-11-19T01:40:00Z', '2019-11-19T11:47:30');
      assert.deepEqual(rows(text), [{ code: 'utc-jst-mismatch', severity: 'error', range: '5:7-5:26' }]);
      const d = only(text, 'utc-jst-mismatch')[0];
      assert.match(d.message, /2019-11-19 10:40 JST.*2019-11-19 11:47:30 JST: 1h 7m 30s apart\.$/);
      assert.doesNotMatch(d.message, /9 hours/);
      assert.equal((d.data as Extract<DiagnosticData, { code: 'utc-jst-mismatch' }>).correctedJst, '2019-11-19T10:40:00');
    });
    it('in a timeline event, named by its place', () => {
      const text = lines(...HEAD, 'start: 2019-11-19T10:40+09:00', 'timeline:', '  - at: {utc: 2019-11-19T01:40Z, jst: 2019-11-19T10:41}', '    event: x');
      assert.deepEqual(rows(text), [{ code: 'utc-jst-mismatch', severity: 'error', range: '5:38-5:54' }]);
      assert.match(only(text, 'utc-jst-mismatch')[0].message, /^`timeline\[0\]\.at`.*1m apart/);
    });
  });

  describe('missing-end', () => {
    it('resolved without an end: on the status value', () => {
      const text = lines('id: a', 'title: b', 'status: resolved', 'start: 2019-11-19T10:40+09:00');
      assert.deepEqual(rows(text), [{ code: 'missing-end', severity: 'error', range: '2:8-2:16' }]);
      assert.match(only(text, 'missing-end')[0].message, /resolved but has no `end`/);
    });
    it('not when the status is anything else', () => {
      assert.deepEqual(rows(lines('id: a', 'title: b', 'status: monitoring', 'start: 2019-11-19T10:40+09:00')), []);
    });
  });

  describe('end-before-start', () => {
    it('an end before the start: an error on the end, with the times and the gap', () => {
      const text = lines(...HEAD, 'start: 2019-11-19T10:40+09:00', 'end: 2019-11-19T08:50+09:00');
      assert.deepEqual(rows(text), [{ code: 'end-before-start', severity: 'error', range: '4:5-4:27' }]);
      const d = only(text, 'end-before-start')[0];
      assert.equal(d.message, 'The end (2019-11-19 08:50 JST) is 1h 50m before the start (2019-11-19 10:40 JST).');
      assert.equal(rangeOf(diagnose(text).lineIndex, d.related![0].span), '3:7-3:29');
    });
    it('an end equal to the start: a warning with the same code', () => {
      const text = lines(...HEAD, 'start: 2019-11-19T10:40+09:00', 'end: 2019-11-19T01:40Z');
      assert.deepEqual(rows(text), [{ code: 'end-before-start', severity: 'warning', range: '4:5-4:22' }]);
      assert.match(only(text, 'end-before-start')[0].message, /same instant as the start \(2019-11-19 01:40 UTC = 2019-11-19 10:40 JST\)/);
    });
  });

  describe('timeline-order', () => {
    it('compares neighbours: one misplaced event is flagged once', () => {
      const text = lines(...HEAD, 'start: 2019-11-19T10:40+09:00', 'timeline:',
        '  - at: 2019-11-19T10:40+09:00', '    event: a',
        '  - at: 2019-11-19T12:00+09:00', '    event: b',
        '  - at: 2019-11-19T11:00+09:00', '    event: c',
        '  - at: 2019-11-19T13:00+09:00', '    event: d');
      assert.deepEqual(rows(text), [{ code: 'timeline-order', severity: 'warning', range: '9:8-9:30' }]);
      const d = only(text, 'timeline-order')[0];
      assert.equal(d.message, 'Timeline event 3 (2019-11-19 11:00 JST) is 1h earlier than event 2 before it (2019-11-19 12:00 JST); keep the timeline in time order.');
      assert.deepEqual(d.data, { code: 'timeline-order', index: 2, previousIndex: 1 });
    });
    it('equal times are in order', () => {
      const text = lines(...HEAD, 'start: 2019-11-19T10:40+09:00', 'timeline:',
        '  - at: 2019-11-19T10:40+09:00', '    event: a', '  - at: 2019-11-19T01:40Z', '    event: b');
      assert.deepEqual(rows(text), []);
    });
  });

  describe('a check that cannot judge stays silent', () => {
    it('an invalid time adds no order, mismatch or end noise', () => {
      const text = lines(...HEAD,
        'start:', '  utc: 2019-02-30T01:40Z', '  jst: 2019-11-19T10:40',
        'end: 2019-11-19T24:00+09:00',
        'timeline:',
        '  - at: 2019-11-19T12:00+09:00', '    event: a',
        '  - at: 2019-11-19T10:61+09:00', '    event: b',
        '  - at: 2019-11-19T12:30+09:00', '    event: c');
      assert.deepEqual(rows(text).map((r) => r.code), ['invalid-time', 'invalid-time', 'invalid-time']);
    });
    it('a missing offset gives no instant, so no order or end-before-start follow', () => {
      const text = lines(...HEAD, 'start: 2019-11-19T10:40+09:00', 'end: 2019-11-19T01:00',
        'timeline:', '  - at: 2019-11-19T12:00+09:00', '    event: a', '  - at: 2019-11-19T01:00', '    event: b');
      assert.deepEqual(rows(text).map((r) => r.code), ['missing-offset', 'missing-offset']);
    });
  });

  describe('duplicate-id (across files)', () => {
    it('a warning on each file\'s id value, naming the others', () => {
      const a = diagnose(lines(...HEAD, 'start: 2019-11-19T10:40+09:00'));
      const b = diagnose(lines('# copy', ...HEAD, 'start: 2019-11-19T10:40+09:00'));
      const c = diagnose(lines('id: other', 'title: t', 'status: monitoring', 'start: 2019-11-19T10:40+09:00'));
      const found = duplicateIds([
        { uri: 'a.incident.yaml', incident: a.incident },
        { uri: 'b.incident.yaml', incident: b.incident },
        { uri: 'c.incident.yaml', incident: c.incident },
      ]);
      assert.deepEqual([...found.keys()], ['a.incident.yaml', 'b.incident.yaml']);
      const [da] = found.get('a.incident.yaml')!;
      const [db] = found.get('b.incident.yaml')!;
      assert.equal(da.code, 'duplicate-id');
      assert.equal(da.severity, 'warning');
      assert.equal(rangeOf(a.lineIndex, da.span), '0:4-0:12');
      assert.equal(rangeOf(b.lineIndex, db.span), '1:4-1:12');
      assert.equal(da.message, 'The id `EX196121` is also used by b.incident.yaml; each incident needs its own id.');
      assert.deepEqual(da.related?.map((r) => r.uri), ['b.incident.yaml']);
      assert.deepEqual(da.data, { code: 'duplicate-id', id: 'EX196121', others: ['b.incident.yaml'] });
    });

    it('names at most three other files and counts the rest, in message, related places and data', () => {
      const parsed = diagnose(lines(...HEAD, 'start: 2019-11-19T10:40+09:00'));
      const files = Array.from({ length: 3_000 }, (_, i) => ({ uri: `f${i}.incident.yaml`, incident: parsed.incident }));
      const found = duplicateIds(files);
      assert.equal(found.size, 3_000);
      const [first] = found.get('f0.incident.yaml')!;
      assert.equal(first.message, 'The id `EX196121` is also used by f1.incident.yaml, f2.incident.yaml, f3.incident.yaml and 2,996 more; each incident needs its own id.');
      assert.deepEqual(first.related?.map((r) => [r.uri, rangeOf(parsed.lineIndex, r.span), r.message]), [
        ['f1.incident.yaml', '0:4-0:12', '`EX196121` is also the id here'],
        ['f2.incident.yaml', '0:4-0:12', '`EX196121` is also the id here'],
        ['f3.incident.yaml', '0:4-0:12', '`EX196121` is also the id here'],
      ]);
      assert.deepEqual(first.data, { code: 'duplicate-id', id: 'EX196121', others: ['f1.incident.yaml', 'f2.incident.yaml', 'f3.incident.yaml'] });
      // A file among the named ones names the other three of the first four.
      assert.equal(found.get('f2.incident.yaml')![0].message, 'The id `EX196121` is also used by f0.incident.yaml, f1.incident.yaml, f3.incident.yaml and 2,996 more; each incident needs its own id.');
      assert.equal(found.get('f2999.incident.yaml')![0].message, 'The id `EX196121` is also used by f0.incident.yaml, f1.incident.yaml, f2.incident.yaml and 2,996 more; each incident needs its own id.');
      // Four files: the three others are all named, nothing is counted.
      const four = duplicateIds(files.slice(0, 4));
      assert.equal(four.get('f3.incident.yaml')![0].message, 'The id `EX196121` is also used by f0.incident.yaml, f1.incident.yaml, f2.incident.yaml; each incident needs its own id.');
    });
  });

  describe('too-many-problems (the cap per file)', () => {
    // Each item: a time without offset (error), an unknown kind (error), an unknown field (warning).
    const item = (i: number) => [`  - at: 2019-11-19T10:${String(i % 60).padStart(2, '0')}`, `    event: e${i}`, '    kind: nonsense', '    extra: 1'];
    const manyItems = (count: number) => [...HEAD, 'start: 2019-11-19T10:40+09:00', 'timeline:', ...Array.from({ length: count }, (_, i) => item(i).join('\n'))].join('\n') + '\n';
    const described = (parsed: ReturnType<typeof diagnose>, max: number) =>
      capProblems(parsed.diagnostics, max, parsed.lineIndex).diagnostics.map((d) => `${d.code} ${d.severity} ${rangeOf(parsed.lineIndex, d.span)}`);

    it('keeps every error before any warning, in document order, and ends with how many were left out', () => {
      const parsed = diagnose(manyItems(4));
      assert.deepEqual(parsed.diagnostics.map((d) => `${d.code} ${d.severity}`), Array.from({ length: 4 }, () => [
        'missing-offset error', 'invalid-value error', 'unknown-field warning']).flat());
      const capped = capProblems(parsed.diagnostics, 9, parsed.lineIndex);
      assert.equal(capped.omitted, 3);
      assert.deepEqual(described(parsed, 9), [
        'missing-offset error 5:8-5:24', 'invalid-value error 7:10-7:18', 'unknown-field warning 8:4-8:9',
        'missing-offset error 9:8-9:24', 'invalid-value error 11:10-11:18',
        'missing-offset error 13:8-13:24', 'invalid-value error 15:10-15:18',
        'missing-offset error 17:8-17:24', 'invalid-value error 19:10-19:18',
        // On the line of the last one kept.
        'too-many-problems information 19:0-19:18',
      ]);
      assert.equal(capped.diagnostics.at(-1)!.message, '3 more problems in this file are not shown; at most 9 are listed per file.');
      assert.equal(capProblems(parsed.diagnostics, 11, parsed.lineIndex).diagnostics.at(-1)!.message, '1 more problem in this file is not shown; at most 11 are listed per file.');
      // A cap below the number of errors holds the first errors only.
      assert.deepEqual(described(parsed, 2), ['missing-offset error 5:8-5:24', 'invalid-value error 7:10-7:18', 'too-many-problems information 7:0-7:18']);
    });

    it('leaves a file within the cap as it is', () => {
      const parsed = diagnose(manyItems(4));
      const capped = capProblems(parsed.diagnostics, 12, parsed.lineIndex);
      assert.equal(capped.omitted, 0);
      assert.equal(capped.diagnostics, parsed.diagnostics);
    });

    it('2,000 bad items: the first 1,000 errors and one line for the 5,000 others', () => {
      const parsed = diagnose(manyItems(2_000));
      assert.equal(parsed.diagnostics.length, 6_000);
      const capped = capProblems(parsed.diagnostics, 1_000, parsed.lineIndex);
      assert.equal(capped.diagnostics.length, 1_001);
      assert.ok(capped.diagnostics.slice(0, 1_000).every((d) => d.severity === 'error'));
      assert.equal(capped.diagnostics.at(-1)!.message, '5,000 more problems in this file are not shown; at most 1,000 are listed per file.');
      // The 1,000th error is item 499's kind.
      assert.equal(rangeOf(parsed.lineIndex, capped.diagnostics.at(-1)!.span), '2003:0-2003:18');
    });
  });

  describe('file-too-large and internal-error', () => {
    it('file-too-large: a warning on the first line, nothing parsed', () => {
      const text = lines(...HEAD, 'start: 2019-11-19T10:40+09:00');
      const parsed = diagnose(text, { maxLength: 20 });
      assert.deepEqual(rows(text, { maxLength: 20 }), [{ code: 'file-too-large', severity: 'warning', range: '0:0-0:12' }]);
      assert.equal(parsed.incident, undefined);
      assert.match(parsed.diagnostics[0].message, new RegExp(`${text.length} characters, more than the 20`));
    });
    it('file-too-large: more list items and mapping entries than maxEntries, counted without parsing', () => {
      // One per `key:` line (4), and in the tags line `:` 1, `[` 1 and a comma per further item (2).
      const text = lines(...HEAD, 'start: 2019-11-19T10:40+09:00', 'tags: [a, b, c]');
      assert.deepEqual(rows(text, { maxEntries: 8 }), []);
      assert.deepEqual(rows(text, { maxEntries: 7 }), [{ code: 'file-too-large', severity: 'warning', range: '0:0-0:12' }]);
      const parsed = diagnose(text, { maxEntries: 7 });
      assert.equal(parsed.incident, undefined);
      assert.equal(parsed.diagnostics[0].message, 'This file holds 8 list items and mapping entries, more than the 7 that are checked; it was not validated.');
    });
    it('internal-error: a rule that throws becomes one error on the first line; the other rules still run', () => {
      const throwing: Rule = { name: 'exploding-rule', check() { throw new Error('boom'); } };
      const options = { rules: [throwing, ...STANDARD_RULES] };
      const text = lines('# notice', 'id: a', 'title: b', 'status: resolved', 'start: 2019-11-19T10:40+09:00');
      assert.deepEqual(rows(text, options), [
        { code: 'internal-error', severity: 'error', range: '0:0-0:8' },
        { code: 'missing-end', severity: 'error', range: '3:8-3:16' },
      ]);
      assert.match(diagnose(text, options).diagnostics[0].message, /\(exploding-rule failed: boom\)/);
    });
  });
});
