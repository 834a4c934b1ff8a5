/**
 * Input no incident file should hold: each gets a clear diagnostic or is handled, positions stay
 * right, and nothing throws or hangs (mocha's timeout is the hang guard; nothing here is timed).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_MAX_LENGTH, parseIncident, quoted, type ParsedIncident } from '../../server/src/core';
import { IncrementalIncidentParser } from '../../server/src/core/incremental';
import { Alias } from 'yaml';
import { HEAD, lines, rangeOf, rows } from './diagnose';

/** How often `fn` asks the yaml library to resolve an alias (each such call walks the whole document). */
function countAliasResolves(fn: () => void): number {
  const original = Object.getOwnPropertyDescriptor(Alias.prototype, 'resolve')!;
  let calls = 0;
  Alias.prototype.resolve = function (this: Alias, ...args: Parameters<Alias['resolve']>) {
    calls++;
    return (original.value as Alias['resolve']).apply(this, args);
  };
  try {
    fn();
  } finally {
    Object.defineProperty(Alias.prototype, 'resolve', original);
  }
  return calls;
}

const FLAGSHIP = fs.readFileSync(path.join(__dirname, '../../examples/exchange-online-2019-11-19.incident.yaml'), 'utf8');

/** Where a root entry's value is, as LSP lines and characters. */
function rangeOfValue(parsed: ParsedIncident, key: string): string {
  return rangeOf(parsed.lineIndex, parsed.incident!.entries.find((e) => e.key === key)!.valueSpan);
}

function codes(parsed: ParsedIncident): string[] {
  return [...new Set(parsed.diagnostics.map((d) => d.code))].sort();
}

function assertSpansInside(parsed: ParsedIncident): void {
  for (const d of parsed.diagnostics) {
    assert.ok(d.span.start >= 0 && d.span.start <= d.span.end && d.span.end <= parsed.text.length, `${d.code} ${JSON.stringify(d.span)}`);
  }
}

describe('bad input', () => {
  it('malformed YAML: an unclosed quote is a yaml-syntax error with the library\'s kind', () => {
    const parsed = parseIncident(lines(...HEAD, 'start: 2019-11-19T10:40+09:00', 'impact: "mail is queued'));
    assert.ok(parsed.diagnostics.some((d) => d.code === 'yaml-syntax' && d.severity === 'error' && /\(MISSING_CHAR\)/.test(d.message)), JSON.stringify(parsed.diagnostics));
    assertSpansInside(parsed);
  });

  it('malformed YAML: a key without a colon at the end of a mapping', () => {
    const parsed = parseIncident(lines(...HEAD, 'start: 2019-11-19T10:40+09:00', 'impact'));
    assert.ok(parsed.diagnostics.some((d) => d.code === 'yaml-syntax'));
    assertSpansInside(parsed);
  });

  it('an empty file and whitespace-only files: not-an-incident', () => {
    for (const text of ['', '\n\n', '   ', '\r\n']) {
      assert.deepEqual(codes(parseIncident(text)), ['not-an-incident'], JSON.stringify(text));
    }
  });

  it('a root list: not-an-incident, nothing else', () => {
    assert.deepEqual(codes(parseIncident('- id: EX196121\n- id: EX196122\n')), ['not-an-incident']);
  });

  it('binary bytes: NULs and random bytes are handled with diagnostics, not exceptions', () => {
    const nul = parseIncident('id: EX\u0000196121\ntitle: \u0000\u0000\nstatus: monitoring\n');
    assert.ok(nul.diagnostics.length > 0);
    assertSpansInside(nul);
    let seed = 7;
    let bytes = '';
    for (let i = 0; i < 200_000; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      bytes += String.fromCharCode(seed % 256);
    }
    const random = parseIncident(bytes);
    assert.ok(random.diagnostics.length > 0);
    assert.equal(random.incident, undefined);
    assertSpansInside(random);
    // As the CLI reads such a file: invalid UTF-8 becomes U+FFFD.
    const decoded = parseIncident(Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256)).toString('utf8'));
    assertSpansInside(decoded);
  });

  it('a 50 MB file: file-too-large at once, not parsed', () => {
    const text = 'id: EX196121\n' + 'x'.repeat(50 * 1024 * 1024);
    const parsed = parseIncident(text);
    assert.equal(parsed.incident, undefined);
    assert.deepEqual(parsed.diagnostics.map((d) => [d.code, d.severity, d.span.start, d.span.end]), [['file-too-large', 'warning', 0, 12]]);
    assert.match(parsed.diagnostics[0].message, /52,428,813 characters, more than the 16,777,216/);
  });

  it('a 14.7 MB flow list (under the length limit): file-too-large for its entries, not parsed', () => {
    // It ran the server and `check` out of memory (4.4 GB) after 73 s; a 2 MB one froze the server 6.4 s.
    const text = lines(...HEAD, 'start: 2019-11-19T10:40+09:00', `tags: [${'a,'.repeat(7_350_000)}a]`);
    assert.ok(text.length > 14_700_000 && text.length < DEFAULT_MAX_LENGTH);
    const parsed = parseIncident(text);
    assert.equal(parsed.incident, undefined);
    assert.deepEqual(parsed.diagnostics.map((d) => [d.code, d.severity, d.span.start, d.span.end]), [['file-too-large', 'warning', 0, 12]]);
    assert.equal(parsed.diagnostics[0].message, 'This file holds 7,350,006 list items and mapping entries, more than the 200,000 that are checked; it was not validated.');
    // The incremental parser (the server's) gives the same verdict.
    assert.deepStrictEqual(new IncrementalIncidentParser().parse(text).diagnostics, parsed.diagnostics);
  });

  it('a 1 MB value is quoted in messages by a short prefix, never whole', () => {
    const huge = 'x'.repeat(1_000_000);
    const digits = '1'.repeat(1_000_000);
    const text = lines(`id: ${huge}`, 'title: T', `status: ${huge}`, `start: ${huge}`, 'end:', `  utc: ${huge}`, `title: ${digits}`,
      `${huge}: 1`, `sources: [${huge}]`, `cause: *${huge}`);
    const parsed = parseIncident(text);
    const prefix = `${'x'.repeat(59)}…`;
    // Code, where it sits, and the message's quoted part: each whole value stays in the range.
    assert.deepEqual(parsed.diagnostics.map((d) => [d.code, d.span.end - d.span.start, d.message.length < 300]), [
      ['invalid-value', 1_000_000, true], ['invalid-time', 1_000_000, true], ['invalid-time', 1_000_000, true],
      ['duplicate-key', 5, true], ['unknown-field', 1_000_000, true], ['yaml-syntax', 1_000_000, true],
      ['invalid-value', 1_000_000, true], ['yaml-syntax', 1_000_001, true],
    ]);
    const messages = parsed.diagnostics.map((d) => d.message);
    assert.equal(messages[0], `\`${prefix}\` is not a valid status: expected one of investigating, identified, monitoring, resolved.`);
    assert.ok(messages[1].startsWith(`\`${prefix}\` is not a time:`), messages[1]);
    assert.equal(messages[4], `Unknown field \`${prefix}\` in the incident. Known fields: id, title, status, severity, service, regions, zone, start, end, components, impact, cause, next_steps, tags, sources, timeline.`);
    assert.equal(messages[6], `\`${prefix}\` is not a web address: expected an http:// or https:// URL.`);
    assert.equal(messages[7], `YAML syntax error (UNRESOLVED_ALIAS): the alias \`*${prefix}\` has no anchor \`&${prefix}\` set before it.`);
    // A number as written, where a list belongs.
    const number = parseIncident(lines('id: a', 'title: T', 'status: monitoring', 'start: 2019-11-19T10:40+09:00', `tags: ${digits}`));
    assert.deepEqual(number.diagnostics.map((d) => d.message), [`\`tags\` must be a list of strings, got a number (${'1'.repeat(59)}…).`]);
  });

  it('quoted cuts a value to 60 characters with an ellipsis, never inside a surrogate pair', () => {
    assert.equal(quoted('a'.repeat(60)), 'a'.repeat(60));
    assert.equal(quoted('a'.repeat(61)), `${'a'.repeat(59)}…`);
    assert.equal(quoted(`${'a'.repeat(57)}😀😀`), `${'a'.repeat(57)}😀…`);
    assert.equal(quoted(`${'a'.repeat(58)}😀😀`), `${'a'.repeat(58)}…`);
    assert.equal(quoted(`${'a'.repeat(56)}😀😀😀`), `${'a'.repeat(56)}😀…`);
  });

  it('a YAML alias bomb (billion laughs) is not expanded', () => {
    let bomb = 'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let i = 1; i < 10; i++) {
      const name = String.fromCharCode(97 + i);
      const previous = String.fromCharCode(96 + i);
      bomb += `${name}: &${name} [${Array(9).fill('*' + previous).join(', ')}]\n`;
    }
    const parsed = parseIncident(bomb + 'id: EX196121\ntitle: Laughs\nstatus: monitoring\nstart: 2019-11-19T10:40+09:00\ntags: *j\nregions: *a\n');
    // `tags` gets one wrong-type per aliased list item (9), not 9^9 of anything.
    const wrongTypes = parsed.diagnostics.filter((d) => d.code === 'wrong-type');
    assert.equal(wrongTypes.length, 9);
    assert.deepEqual(parsed.incident?.regions?.value, Array(9).fill('lol'));
    assertSpansInside(parsed);
  });

  it('an alias to its own anchor (a cycle) does not loop', () => {
    const parsed = parseIncident(lines(...HEAD, 'start: 2019-11-19T10:40+09:00', 'tags: &t [a, *t]'));
    assert.deepEqual(rows(lines(...HEAD, 'start: 2019-11-19T10:40+09:00', 'tags: &t [a, *t]')), [{ code: 'wrong-type', severity: 'error', range: '4:13-4:15' }]);
    assertSpansInside(parsed);
  });

  it('aliases are resolved in one walk of the document, not one walk per alias', () => {
    // 4,000 aliases to one time pair took 9.5 s (54.5 s at 4,000 in `check`) when each alias
    // walked the whole document through the yaml library's Alias.resolve.
    const text = lines(...HEAD, 'start: 2019-11-19T10:40+09:00', 'x0: &t0 {utc: 2019-11-19T01:40Z, jst: 2019-11-19T10:40}', 'timeline:',
      ...Array.from({ length: 4_000 }, () => '  - at: *t0\n    event: e'));
    const walks = countAliasResolves(() => {
      const parsed = parseIncident(text);
      assert.deepEqual(rows(text), [{ code: 'unknown-field', severity: 'warning', range: '4:0-4:2' }]);
      assert.equal(parsed.incident?.timeline.length, 4_000);
      assert.ok(parsed.incident?.timeline.every((e) => e.at?.epochMs === Date.UTC(2019, 10, 19, 1, 40)));
    });
    assert.equal(walks, 0);
  });

  it('an alias names the last node anchored before it, as YAML says, and an anchor after it is unresolved', () => {
    // The second &s wins for `end`: the same instant as the start, not the id.
    const text = lines('id: &s EX1', 'title: T', 'status: resolved', 'start: &s 2019-11-19T10:40+09:00', 'end: *s', 'cause: *later', 'impact: &later x');
    assert.deepEqual(rows(text), [
      { code: 'end-before-start', severity: 'warning', range: '3:10-3:32' },
      { code: 'yaml-syntax', severity: 'error', range: '5:7-5:13' },
    ]);
  });

  it('deep nesting: 100,000 [ and 100,000 {', () => {
    for (const text of ['['.repeat(100_000), 'a: ' + '{a: '.repeat(100_000), '['.repeat(50_000) + ']'.repeat(50_000), '- '.repeat(50_000)]) {
      const parsed = parseIncident(text);
      // Too deep for the yaml parser to be safe: one clear diagnostic, not hundreds, no crash.
      assert.deepEqual(parsed.diagnostics.map((d) => [d.code, d.severity, d.data]), [['yaml-syntax', 'error', { code: 'yaml-syntax', yamlCode: 'RESOURCE_EXHAUSTION' }]]);
      assert.match(parsed.diagnostics[0].message, /nested more than 200 levels/);
      assertSpansInside(parsed);
    }
  });

  it('tabs: as indentation a yaml-syntax error on the tab; as separation after a colon fine', () => {
    assert.deepEqual(rows(lines(...HEAD, 'start:', '\tutc: 2019-11-19T01:40Z')).find((r) => r.code === 'yaml-syntax'), { code: 'yaml-syntax', severity: 'error', range: '4:0-4:1' });
    assert.deepEqual(rows(lines('id:\tEX196121', 'title: t', 'status: monitoring', 'start:\t2019-11-19T10:40+09:00')), []);
  });

  it('CRLF line endings: the same lines and characters as LF', () => {
    const broken = FLAGSHIP.replace('status: resolved', 'status: resolvd').replace('  jst: 2019-11-19T20:50', '  jst: 2019-11-19T11:50').replace('tags:', 'tag:');
    const lf = rows(broken);
    const crlf = rows(broken.replace(/\n/g, '\r\n'));
    assert.deepEqual(lf.map((r) => r.code), ['invalid-value', 'utc-jst-mismatch', 'unknown-field']);
    assert.deepEqual(crlf, lf);
  });

  it('lone CR line endings (old Mac): line breaks, as YAML 1.2 and LSP read them, with every position right', () => {
    // The yaml library read such a file as one line: the valid flagship got 8 errors.
    const cr = FLAGSHIP.replace(/\n/g, '\r');
    assert.deepEqual(rows(cr), []);
    const broken = FLAGSHIP.replace('status: resolved', 'status: resolvd').replace('  jst: 2019-11-19T20:50', '  jst: 2019-11-19T11:50').replace('tags:', 'tag:');
    assert.deepEqual(rows(broken.replace(/\n/g, '\r')), rows(broken));
    // Offsets too: the same text is one character for one, so the model is the LF file's.
    assert.deepStrictEqual(parseIncident(broken.replace(/\n/g, '\r')).incident, parseIncident(broken).incident);
    // Mixed with CRLF and LF, and inside a block scalar and a folded quoted value.
    const mixed = lines(...HEAD, 'start: 2019-11-19T10:40+09:00', 'impact: |', '  one', '  two', 'cause: "a', '  b"', 'tags: [x]').replace('one\n', 'one\r').replace('status: monitoring\n', 'status: monitoring\r\n').replace('"a\n', '"a\r');
    const parsed = parseIncident(mixed);
    assert.deepEqual(parsed.diagnostics, []);
    assert.equal(parsed.incident?.impact?.value, 'one\ntwo\n');
    assert.equal(parsed.incident?.cause?.value, 'a b');
    assert.deepEqual(rangeOfValue(parsed, 'tags'), '9:6-9:9');
  });

  it('a byte order mark: no syntax error, and every line after the first keeps its ranges', () => {
    const broken = FLAGSHIP.replace('  jst: 2019-11-19T20:50', '  jst: 2019-11-19T11:50');
    const plain = rows(broken);
    const withBom = rows('\uFEFF' + broken);
    assert.deepEqual(withBom, plain);
    assert.deepEqual(plain.map((r) => r.code), ['utc-jst-mismatch']);
    // On the first line the BOM is a character of the text the core was given: one more.
    assert.deepEqual(rows('\uFEFFid: [x]\ntitle: t\nstatus: monitoring\nstart: 2019-11-19T10:40+09:00\n'), [{ code: 'wrong-type', severity: 'error', range: '0:5-0:8' }]);
    assert.deepEqual(rows('\uFEFF'), [{ code: 'not-an-incident', severity: 'error', range: '0:0-0:1' }]);
  });

  it('Japanese text in every field: read as written, ranges in UTF-16 code units', () => {
    const text = lines(
      'id: 障害-EX196121',
      'title: メール受信障害',
      'status: monitoring',
      'severity: major',
      'service: Exchange Online（エクスチェンジ）',
      'regions: [オーストラリア, 日本, インド]',
      'start: 2019-11-19T10:40+09:00',
      'impact: 外部からのメールが届かない📧',
      'cause: スパム対策機能の更新',
      'next_steps: [再発防止, 📧配信手順の見直し]',
      'tags: [メールフロー, [入れ子]]',
      'timeline:',
      '  - {event: 受信障害📧, at: 2019-11-19T10:40}',
      '  - at: 2019-11-19T20:50+09:00',
      '    event: ロールバックで復旧',
      '    種類: resolved',
      'sources: [{url: "https://example.com/障害", title: まとめ}]',
    );
    const parsed = parseIncident(text);
    assert.deepEqual(rows(text), [
      { code: 'wrong-type', severity: 'error', range: '10:15-10:20' },
      { code: 'missing-offset', severity: 'error', range: '12:24-12:40' },
      { code: 'unknown-field', severity: 'warning', range: '15:4-15:6' },
    ]);
    const incident = parsed.incident!;
    assert.equal(incident.id?.value, '障害-EX196121');
    assert.equal(incident.title?.value, 'メール受信障害');
    assert.deepEqual(incident.regions?.value, ['オーストラリア', '日本', 'インド']);
    assert.equal(incident.impact?.value, '外部からのメールが届かない📧');
    assert.equal(incident.timeline[0].event?.value, '受信障害📧');
    assert.equal(incident.timeline[1].event?.value, 'ロールバックで復旧');
    assert.equal(incident.sources?.value[0].title, 'まとめ');
    // The missing-offset span covers the time itself, and its range above (12:24) counts 📧 as
    // two UTF-16 units, as LSP positions do (in code points it would start at 23).
    const missingOffset = parsed.diagnostics.find((d) => d.code === 'missing-offset')!;
    assert.equal(text.slice(missingOffset.span.start, missingOffset.span.end), '2019-11-19T10:40');
  });
});
