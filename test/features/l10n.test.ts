import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseIncident } from '../../server/src/core';
import { quickFixes } from '../../server/src/features/codeActions';
import { hover } from '../../server/src/features/hover';
import { cliLocale, languageOf, useLocale } from '../../server/src/features/translations';

const ROOT = path.join(__dirname, '../..');
// The extractor is plain CommonJS so `node l10n/extract.cjs` runs without a build.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { collectMessages } = require('../../l10n/extract.cjs') as { collectMessages: () => Map<string, string[]> };
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, string>;
const placeholders = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join(' ');

describe('Japanese', () => {
  afterEach(() => useLocale('en'));

  it('every t() string of the server and client has a Japanese translation, and no bundle key is stale', () => {
    const messages = collectMessages();
    const en = readJson('l10n/bundle.l10n.json');
    const ja = readJson('l10n/bundle.l10n.ja.json');
    const used = [...messages.keys()];
    assert.ok(used.length > 50, `only ${used.length} messages found`);
    const missing = used.filter((m) => !(m in ja)).map((m) => `${m}  (${messages.get(m)!.join(', ')})`);
    assert.deepEqual(missing, [], 'untranslated: run `node l10n/extract.cjs` and translate into l10n/bundle.l10n.ja.json');
    assert.deepEqual(Object.keys(en), used, 'l10n/bundle.l10n.json is out of date: run `node l10n/extract.cjs`');
    assert.deepEqual(Object.keys(ja).filter((k) => !messages.has(k)), [], 'stale keys in l10n/bundle.l10n.ja.json');
    for (const [key, value] of Object.entries(ja)) {
      assert.ok(value.trim() !== '', `empty translation for ${key}`);
      assert.equal(placeholders(value), placeholders(key), `placeholders differ in the translation of ${key}`);
    }
  });

  it('every package.json string is in package.nls.json and package.nls.ja.json', () => {
    const manifest = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
    const keys = [...new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]))].sort();
    const en = readJson('package.nls.json');
    const ja = readJson('package.nls.ja.json');
    assert.deepEqual(keys.filter((k) => !(k in en)), [], 'missing in package.nls.json');
    assert.deepEqual(Object.keys(en).filter((k) => !(k in ja)), [], 'missing in package.nls.ja.json');
    assert.deepEqual(Object.keys(ja).filter((k) => !(k in en)), [], 'stale in package.nls.ja.json');
  });

  it('the locale picks the language', () => {
    assert.equal(languageOf('ja'), 'ja');
    assert.equal(languageOf('ja-JP'), 'ja');
    assert.equal(languageOf('ja_JP.UTF-8'), 'ja');
    assert.equal(languageOf('en-US'), 'en');
    assert.equal(languageOf('jam'), 'en');
    assert.equal(languageOf(undefined), 'en');
    assert.equal(cliLocale('en', { LANG: 'ja_JP.UTF-8' }), 'en');
    assert.equal(cliLocale(undefined, { LANG: 'ja_JP.UTF-8' }), 'ja_JP.UTF-8');
    assert.equal(cliLocale(undefined, { LC_ALL: 'C', LANG: 'ja_JP.UTF-8' }), 'C');
    assert.equal(cliLocale(undefined, { LC_ALL: '', LANG: 'ja_JP.UTF-8' }), 'ja_JP.UTF-8');
  });

  it('diagnostics, quick-fix titles and hovers speak Japanese, and English again after', () => {
    const text = 'id: a\ntitle: b\nstatus: resolvd\nstart: 2019-11-19T10:40\n';
    useLocale('ja-JP');
    const parsed = parseIncident(text);
    assert.deepEqual(parsed.diagnostics.map((d) => d.message), [
      '`resolvd` は status として正しくありません。investigating, identified, monitoring, resolved のいずれかを書いてください。`resolved` のことですか?',
      '`2019-11-19T10:40` にはオフセットがないため、どのタイムゾーンの時刻か分かりません。JST なら +09:00、UTC なら Z を付けるか、utc/jst のペアで書いてください。',
    ]);
    assert.deepEqual(quickFixes(parsed, parsed.diagnostics[1]).map((f) => f.title), ['JST として読む (+09:00)', 'UTC として読む (Z)']);
    const fixed = 'id: a\ntitle: b\nstatus: resolved\nstart: 2019-11-19T10:40+09:00\nend: 2019-11-19T20:50+09:00\n';
    assert.equal(hover(parseIncident(fixed), fixed.indexOf('end'))!.markdown, [
      '**2019-11-19 20:50 JST** (火)',
      '',
      '- UTC: 2019-11-19 11:50 (火)',
      '- JST: 2019-11-19 20:50 (火)',
      '',
      '開始から +10h 10m · 継続時間: 10h 10m',
    ].join('\n'));
    useLocale('en');
    assert.match(parseIncident(text).diagnostics[0].message, /is not a valid status/);
  });
});
