/**
 * The CLI in Japanese, run as users run it (dist/cli.js): `render --lang ja` writes Japanese
 * headers in every format, and `--lang ja --help` (also per command) is Japanese, because the
 * help is translated when printed, after --lang has been read.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const EXAMPLE = 'examples/exchange-online-2019-11-19.incident.yaml';

/** Without the locale variables, so only --lang (or what a test sets) picks the language. */
function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const clean: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete clean.LC_ALL;
  delete clean.LC_MESSAGES;
  delete clean.LANG;
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...clean, ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cli: Japanese output', () => {
  before(function () {
    if (!fs.existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` (npm test does).');
  });

  it('render --format md --lang ja --zone both: Japanese sentence, facts, table header and kinds', () => {
    const r = run(['render', EXAMPLE, '--format', 'md', '--lang', 'ja', '--zone', 'both']);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.split('\n');
    const header = lines.findIndex((l) => l.startsWith('| JST'));
    assert.equal(lines[header], '| JST | UTC | 種別 | イベント |');
    assert.equal(lines[header + 1], '| --- | --- | --- | --- |');
    assert.ok(lines[header + 2].startsWith('| 2019年11月19日 10時40分 | 2019年11月19日 1時40分 | 検知 | Start of impact'), lines[header + 2]);
    assert.deepEqual(lines.slice(2, 14), [
      'システム障害は2019年11月19日10時40分から20時50分まで発生。',
      '',
      '- **ステータス:** resolved',
      '- **サービス:** Exchange Online',
      '- **リージョン:** Australia, Japan, India',
      '- **タグ:** Office 365, mail flow, anti-spam',
      '- **開始:** 2019年11月19日 10時40分 (JST) / 2019年11月19日 1時40分 (UTC)',
      '- **終了:** 2019年11月19日 20時50分 (JST) / 2019年11月19日 11時50分 (UTC)',
      '- **継続時間:** 10h 10m',
      '- **検知までの時間:** 0s',
      '- **復旧までの時間:** 10h 10m',
      '',
    ]);
  });

  it('LANG=ja_JP.UTF-8 picks Japanese headers too; --lang en wins over it', () => {
    assert.ok(run(['render', EXAMPLE, '--format', 'md'], { LANG: 'ja_JP.UTF-8' }).stdout.includes('\n| JST | 種別 | イベント |\n'));
    assert.ok(run(['render', EXAMPLE, '--format', 'md', '--lang', 'en'], { LANG: 'ja_JP.UTF-8' }).stdout.includes('\n| JST | Kind | Event |\n'));
  });

  it('render --format html --lang ja: lang="ja", Japanese headings and table header', () => {
    const r = run(['render', EXAMPLE, '--lang', 'ja']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^<!DOCTYPE html>\n<html lang="ja">\n/);
    assert.ok(r.stdout.includes('<thead><tr><th>JST</th><th>UTC</th><th>開始から</th><th>種別</th><th>イベント</th></tr></thead>'));
    assert.ok(r.stdout.includes('<dt>ステータス</dt><dd>resolved</dd>'));
    assert.ok(r.stdout.includes('<h2>タイムライン</h2>'));
    assert.ok(r.stdout.includes('<div>継続時間<strong>10h 10m</strong></div>'));
    // The overview strip's band title follows too.
    assert.ok(r.stdout.includes('<title>インシデント期間</title>'));
    assert.match(run(['render', EXAMPLE]).stdout, /^<!DOCTYPE html>\n<html lang="en">\n/);
  });

  it('render --format svg --lang ja: Japanese legend (the kinds present), figures and accessible name', () => {
    const r = run(['render', EXAMPLE, '--format', 'svg', '--lang', 'ja']);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.includes('aria-label="EX196121 のタイムライン: イベント 2 件"'), r.stdout.slice(0, 300));
    const legend = r.stdout.slice(0, r.stdout.indexOf('<line class="rail"'));
    assert.deepEqual([...legend.matchAll(/<text class="fg" x="[\d.]+" y="92">([^<]*)<\/text>/g)].map((m) => m[1]), ['検知', '復旧']);
    assert.ok(r.stdout.includes('>10:40 JST</text><text class="muted" x="113.2" y="155">+0s</text><text class="muted" x="149.2" y="155">検知</text>'), r.stdout);
  });

  it('why a file cannot be read, in Japanese', () => {
    const r = run(['render', 'missing.incident.yaml', '--lang', 'ja']);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'incident-timeline: missing.incident.yaml を読めません: そのようなファイルやフォルダーはありません\n');
  });

  it('--lang ja --help lists the commands in Japanese', () => {
    const r = run(['--lang', 'ja', '--help']);
    assert.equal(r.status, 0);
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], 'incident-timeline ' + (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version + ': YAML で書かれたインシデントタイムライン (*.incident.yaml) を検査します。');
    assert.deepEqual(lines.slice(2, 7), [
      '使い方: incident-timeline <command> [options]',
      '',
      'コマンド:',
      '  check   インシデントファイルを検査します (フォルダーからは *.incident.yaml / *.incident.yml を探します)。',
      '  render  インシデントタイムラインを HTML、SVG、Markdown に書き出します。',
    ]);
  });

  it('render --help --lang ja explains every option in Japanese', () => {
    const r = run(['render', '--help', '--lang', 'ja']);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, [
      '使い方: incident-timeline render FILE [--format html|svg|md] [--zone JST|UTC|both|file|ZONE] [-o OUT]',
      '',
      'インシデントタイムラインを HTML、SVG、Markdown に書き出します。',
      '',
      '  --format html|svg|md    単体で開ける HTML ページ (既定)、タイムライン全体の SVG、またはすべての項目を含む Markdown の概要',
      '  --zone JST|UTC|both     時刻を表示するタイムゾーン (既定 JST)',
      '  --zone file             ファイル自身のタイムゾーン (ルートの `zone`。無ければ JST)',
      '  --zone ZONE             IANA タイムゾーン (America/Los_Angeles など)。各時刻にその日付の略称 (PST、PDT) を付けます',
      '  -o, --output OUT        標準出力ではなく OUT に書き出す',
      '',
      '  終了コード: エラーのないファイルから書き出せたら 0、インシデントファイルでないとき、またはエラーや数値と矛盾する時刻があるときは 1 (出力は書き出します)、使い方の誤りや読み書きのエラーなら 2。',
      '',
    ].join('\n'));
  });

  it('help check in Japanese, and in English without --lang', () => {
    const ja = run(['--lang', 'ja', 'help', 'check']);
    assert.ok(ja.stdout.includes('  --format text|json      問題ごとに 1 行と集計 (既定)、または JSON 配列\n'), ja.stdout);
    assert.ok(ja.stdout.includes('\nインシデントファイルを検査します'), ja.stdout);
    const en = run(['help', 'check']);
    assert.ok(en.stdout.includes('  --format text|json      one line per problem and a summary (default), or a JSON array\n'), en.stdout);
    assert.ok(en.stdout.includes('\nCheck incident files and folders (searched for *.incident.yaml / *.incident.yml).\n'), en.stdout);
  });
});
