/** The CLI's language: `--lang ja|en` anywhere on the line, else LC_ALL, LC_MESSAGES, LANG. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const CLI = path.join(__dirname, '../../dist/cli.js');
const TEXT = 'id: a\ntitle: b\nstatus: investigating\nstart: 2019-11-19T10:40\n';

function run(args: string[], env: NodeJS.ProcessEnv): { status: number | null; stdout: string; stderr: string } {
  const clean: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete clean.LC_ALL;
  delete clean.LC_MESSAGES;
  delete clean.LANG;
  const result = spawnSync(process.execPath, [CLI, ...args], { env: { ...clean, ...env }, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cli: language', () => {
  let file: string;

  before(function () {
    if (!fs.existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` (npm test does).');
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'incident-lang-')), 'a.incident.yaml');
    fs.writeFileSync(file, TEXT);
  });

  const japanese = '`2019-11-19T10:40` にはオフセットがないため';

  it('--lang ja, before or after the command', () => {
    for (const args of [['--lang', 'ja', 'check', file], ['check', file, '--lang=ja']]) {
      const result = run(args, {});
      assert.equal(result.status, 1);
      assert.ok(result.stdout.includes(japanese), result.stdout);
    }
  });

  it('LANG, LC_MESSAGES and LC_ALL; --lang en wins over them', () => {
    assert.ok(run(['check', file], { LANG: 'ja_JP.UTF-8' }).stdout.includes(japanese));
    assert.ok(run(['check', file], { LC_MESSAGES: 'ja_JP.UTF-8', LANG: 'en_US.UTF-8' }).stdout.includes(japanese));
    assert.ok(!run(['check', file], { LC_ALL: 'C', LANG: 'ja_JP.UTF-8' }).stdout.includes(japanese));
    const english = run(['check', file, '--lang', 'en'], { LANG: 'ja_JP.UTF-8' });
    assert.match(english.stdout, /has no offset, so it could be any zone's clock/);
  });

  it('any other --lang is a usage error', () => {
    const result = run(['--lang', 'fr', 'check', file], {});
    assert.equal(result.status, 2);
    assert.equal(result.stderr, 'incident-timeline: --lang must be ja or en, not `fr`.\n');
  });
});
