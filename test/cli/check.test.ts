/**
 * `incident-timeline check`, run as users run it: the bundled dist/cli.js in a child process
 * (`npm test` builds first). Exit codes, exact lines, the JSON shape, folders, bad paths.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DIAGNOSTIC_CODES } from '../../server/src/core';

const ROOT = path.join(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * As root every file is readable, so `unprivileged` runs the CLI as `nobody` through util-linux's
 * setpriv (CI runs as root); as anyone else it runs as that user. `nobody` may not reach the
 * checkout, so it runs a copy of the bundle (self-contained) from a folder of its own.
 */
function run(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; unprivileged?: boolean } = {}): Run {
  // The outcome must not depend on the colour settings of whoever runs the tests.
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  // Nor on the locale: these tests read English output.
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  env.LANG = 'C';
  Object.assign(env, options.env);
  const asNobody = options.unprivileged === true && process.getuid?.() === 0;
  const bundleCopy = asNobody ? fs.mkdtempSync(path.join(os.tmpdir(), 'incident-cli-bundle-')) : undefined;
  try {
    let cli = CLI;
    if (bundleCopy) {
      fs.chmodSync(bundleCopy, 0o755);
      cli = path.join(bundleCopy, 'cli.js');
      fs.copyFileSync(CLI, cli);
      fs.chmodSync(cli, 0o644);
    }
    const [command, ...commandArgs] = asNobody
      ? ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups', '--', process.execPath, cli, ...args]
      : [process.execPath, cli, ...args];
    const result = spawnSync(command!, commandArgs, { cwd: options.cwd ?? ROOT, env, encoding: 'utf8' });
    if (result.error) throw result.error;
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  } finally {
    if (bundleCopy) fs.rmSync(bundleCopy, { recursive: true, force: true });
  }
}

const CLEAN = [
  'id: EX196121',
  'title: Problems receiving mail',
  'status: monitoring',
  'start:',
  '  utc: 2019-11-19T01:40Z',
  '  jst: 2019-11-19T10:40',
  '',
].join('\n');

describe('cli: check', () => {
  let dir: string;

  before(function () {
    if (!fs.existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` (npm test does).');
  });

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'incident-cli-'));
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function write(relative: string, text: string | Buffer): string {
    const file = path.join(dir, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  }

  it('a clean file: exit 0 and a summary', () => {
    write('a.incident.yaml', CLEAN);
    const r = run(['check', 'a.incident.yaml'], { cwd: dir });
    assert.equal(r.stdout, 'Checked 1 file: no problems.\n');
    assert.equal(r.stderr, '');
    assert.equal(r.status, 0);
  });

  it('errors: one line per diagnostic, path:line:col: severity code message, exit 1', () => {
    write('b.incident.yaml', CLEAN.replace('monitoring', 'resolvd') + 'sevrity: major\n');
    const r = run(['check', 'b.incident.yaml'], { cwd: dir });
    assert.equal(r.stdout, [
      'b.incident.yaml:3:9: error invalid-value `resolvd` is not a valid status: expected one of investigating, identified, monitoring, resolved. Did you mean `resolved`?',
      'b.incident.yaml:7:1: warning unknown-field Unknown field `sevrity` in the incident: did you mean `severity`?',
      'Checked 1 file: 1 error, 1 warning in 1 of them.',
      '',
    ].join('\n'));
    assert.equal(r.status, 1);
  });

  it('warnings only: exit 0', () => {
    write('w.incident.yaml', CLEAN + 'owner: mail team\n');
    const r = run(['check', 'w.incident.yaml'], { cwd: dir });
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^w\.incident\.yaml:7:1: warning unknown-field /);
    assert.match(r.stdout, /Checked 1 file: 0 errors, 1 warning in 1 of them\.\n$/);
  });

  it('--format json: an array of {file, line, column, endLine, endColumn, severity, code, message}', () => {
    write('j.incident.yaml', CLEAN.replace('  jst: 2019-11-19T10:40', '  jst: 2019-11-19T01:40'));
    const r = run(['check', '--format', 'json', 'j.incident.yaml'], { cwd: dir });
    assert.equal(r.status, 1);
    const parsed: unknown = JSON.parse(r.stdout);
    assert.ok(Array.isArray(parsed));
    assert.equal(parsed.length, 1);
    const [d] = parsed as Record<string, unknown>[];
    assert.deepEqual(Object.keys(d), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
    assert.deepEqual({ ...d, message: undefined }, {
      file: 'j.incident.yaml', line: 6, column: 8, endLine: 6, endColumn: 24, severity: 'error', code: 'utc-jst-mismatch', message: undefined,
    });
    assert.match(String(d.message), /^`start`: utc and jst name different instants/);
  });

  it('--format json on a clean file prints [] and nothing else', () => {
    write('a.incident.yaml', CLEAN);
    const r = run(['check', '--format=json', dir]);
    assert.equal(r.stdout, '[]\n');
    assert.equal(r.status, 0);
  });

  it('folders: recursive, *.incident.yaml and .yml only, skipping node_modules and .git, in a stable order', () => {
    write('z.incident.yaml', CLEAN.replace('monitoring', 'x'));
    write('nested/deeper/a.incident.yml', CLEAN.replace('monitoring', 'x'));
    write('plain.yaml', 'not: [an incident');
    write('node_modules/pkg/n.incident.yaml', 'broken: [');
    write('.git/g.incident.yaml', 'broken: [');
    const r = run(['check', '--format', 'json', '.'], { cwd: dir });
    const files = [...new Set((JSON.parse(r.stdout) as { file: string }[]).map((d) => d.file))];
    assert.deepEqual(files, ['nested/deeper/a.incident.yml', 'z.incident.yaml']);
    assert.equal(r.status, 1);
    // No path means the current folder.
    assert.equal(run(['check', '--format', 'json'], { cwd: dir }).stdout, r.stdout);
  });

  it('a folder named with its path: files shown below it; a file named twice is checked once', () => {
    write('incidents/a.incident.yaml', CLEAN);
    const r = run(['check', path.join(dir, 'incidents'), path.join(dir, 'incidents/a.incident.yaml')]);
    assert.equal(r.stdout, 'Checked 1 file: no problems.\n');
    assert.equal(r.status, 0);
  });

  it('a missing path: exit 2 with a clear message on stderr, the other paths still checked', () => {
    write('a.incident.yaml', CLEAN.replace('monitoring', 'x'));
    const r = run(['check', 'missing.incident.yaml', 'a.incident.yaml'], { cwd: dir });
    assert.equal(r.stderr, 'incident-timeline: cannot read missing.incident.yaml: no such file or folder\n');
    assert.match(r.stdout, /^a\.incident\.yaml:3:9: error invalid-value /);
    assert.equal(r.status, 2);
  });

  it('a folder without incident files: a note on stderr, exit 0', () => {
    fs.mkdirSync(path.join(dir, 'empty'));
    const r = run(['check', 'empty'], { cwd: dir });
    assert.equal(r.stderr, 'incident-timeline: no incident files (*.incident.yaml, *.incident.yml) in empty\n');
    assert.equal(r.stdout, 'Checked 0 files: no problems.\n');
    assert.equal(r.status, 0);
  });

  it('an unreadable file: exit 2', () => {
    const file = write('locked.incident.yaml', CLEAN);
    fs.chmodSync(file, 0o000);
    // The folder is open to everyone (so `nobody` can get in); only the file is locked.
    fs.chmodSync(dir, 0o755);
    const r = run(['check', 'locked.incident.yaml'], { cwd: dir, unprivileged: true });
    assert.equal(r.stderr, 'incident-timeline: cannot read locked.incident.yaml: permission denied\n');
    assert.equal(r.status, 2);
  });

  it('a BOM is stripped first: columns match the same file without it', () => {
    const text = 'id: [EX196121]\ntitle: t\nstatus: monitoring\nstart: 2019-11-19T10:40+09:00\n';
    write('bom.incident.yaml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    write('plain.incident.yaml', text);
    const bom = run(['check', 'bom.incident.yaml'], { cwd: dir });
    const plain = run(['check', 'plain.incident.yaml'], { cwd: dir });
    assert.equal(bom.stdout.split('\n')[0], 'bom.incident.yaml:1:5: error wrong-type `id` must be a string, got a list.');
    assert.equal(bom.stdout.replace(/bom/g, 'plain'), plain.stdout);
  });

  it('CRLF files and Japanese text: lines as editors count them, columns in UTF-16 units', () => {
    write('ja.incident.yaml', 'id: 障害📧\r\ntitle: メール受信障害\r\nstatus: monitoring\r\nstart: 2019-11-19T10:40+09:00\r\ntags: [メール📧, [x]]\r\n');
    const r = run(['check', '--format', 'json', 'ja.incident.yaml'], { cwd: dir });
    const [d] = JSON.parse(r.stdout) as { line: number; column: number; endLine: number; endColumn: number; code: string }[];
    assert.deepEqual([d.code, d.line, d.column, d.endLine, d.endColumn], ['wrong-type', 5, 15, 5, 18]);
  });

  it('duplicate-id across the checked files, on each of them', () => {
    write('one.incident.yaml', CLEAN);
    write('two.incident.yaml', CLEAN);
    const r = run(['check', '.'], { cwd: dir });
    assert.equal(r.stdout, [
      'one.incident.yaml:1:5: warning duplicate-id The id `EX196121` is also used by two.incident.yaml; each incident needs its own id.',
      'two.incident.yaml:1:5: warning duplicate-id The id `EX196121` is also used by one.incident.yaml; each incident needs its own id.',
      'Checked 2 files: 0 errors, 2 warnings in 2 of them.',
      '',
    ].join('\n'));
    assert.equal(r.status, 0);
  });

  it('duplicate-id among many files names three others and counts the rest', () => {
    for (const name of ['a', 'b', 'c', 'd', 'e', 'f']) write(`${name}.incident.yaml`, CLEAN);
    const r = run(['check', '.'], { cwd: dir });
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], 'a.incident.yaml:1:5: warning duplicate-id The id `EX196121` is also used by b.incident.yaml, c.incident.yaml, d.incident.yaml and 2 more; each incident needs its own id.');
    assert.equal(lines[5], 'f.incident.yaml:1:5: warning duplicate-id The id `EX196121` is also used by a.incident.yaml, b.incident.yaml, c.incident.yaml and 2 more; each incident needs its own id.');
    assert.equal(lines[6], 'Checked 6 files: 0 errors, 6 warnings in 6 of them.');
  });

  describe('--max-problems', () => {
    // Each item: a time without offset (error), an unknown kind (error), an unknown field (warning).
    const manyItems = (count: number) => [...CLEAN.trimEnd().split('\n'), 'timeline:',
      ...Array.from({ length: count }, (_, i) => `  - at: 2019-11-19T10:${String(i % 60).padStart(2, '0')}\n    event: e${i}\n    kind: nonsense\n    extra: 1`)].join('\n') + '\n';

    it('lists the first N problems, errors first, then one line and the summary say how many were left out', () => {
      write('many.incident.yaml', manyItems(4));
      const r = run(['check', '--max-problems', '3', 'many.incident.yaml'], { cwd: dir });
      assert.equal(r.stdout, [
        'many.incident.yaml:8:9: error missing-offset `2019-11-19T10:00` has no offset, so it could be any zone\'s clock: add +09:00 for JST or Z for UTC, or write it as a utc/jst pair.',
        'many.incident.yaml:10:11: error invalid-value `nonsense` is not a valid kind: expected one of detected, update, mitigated, resolved, cause, report, note.',
        'many.incident.yaml:12:9: error missing-offset `2019-11-19T10:01` has no offset, so it could be any zone\'s clock: add +09:00 for JST or Z for UTC, or write it as a utc/jst pair.',
        // On the line of the last one listed.
        'many.incident.yaml:12:1: information too-many-problems 9 more problems in this file are not shown; at most 3 are listed per file.',
        'Checked 1 file: 8 errors, 4 warnings in 1 of them. 9 problems were not shown (at most 3 per file; see --max-problems).',
        '',
      ].join('\n'));
      assert.equal(r.status, 1);
      const json = JSON.parse(run(['check', '--format', 'json', '--max-problems', '3', 'many.incident.yaml'], { cwd: dir }).stdout) as { code: string; line: number; column: number; endLine: number; endColumn: number; severity: string }[];
      assert.deepEqual(json.map((d) => [d.code, d.severity, d.line, d.column, d.endLine, d.endColumn]), [
        ['missing-offset', 'error', 8, 9, 8, 25],
        ['invalid-value', 'error', 10, 11, 10, 19],
        ['missing-offset', 'error', 12, 9, 12, 25],
        ['too-many-problems', 'information', 12, 1, 12, 25],
      ]);
    });

    it('errors left out still fail the check', () => {
      write('many.incident.yaml', manyItems(4));
      write('clean.incident.yaml', CLEAN.replace('EX196121', 'OTHER'));
      const r = run(['check', '--max-problems', '1', '.'], { cwd: dir });
      assert.match(r.stdout, /^Checked 2 files: 8 errors, 4 warnings in 1 of them\. 11 problems were not shown \(at most 1 per file; see --max-problems\)\.\n$/m);
      assert.equal(r.status, 1);
    });

    it('by default at most 1,000 per file', () => {
      write('many.incident.yaml', manyItems(400));
      const json = JSON.parse(run(['check', '--format', 'json', 'many.incident.yaml'], { cwd: dir }).stdout) as { code: string; message: string }[];
      assert.equal(json.length, 1_001);
      assert.deepEqual(json.at(-1), { ...json.at(-1), code: 'too-many-problems', message: '200 more problems in this file are not shown; at most 1,000 are listed per file.' });
      const text = run(['check', 'many.incident.yaml'], { cwd: dir }).stdout.split('\n');
      assert.equal(text.at(-2), 'Checked 1 file: 800 errors, 400 warnings in 1 of them. 200 problems were not shown (at most 1000 per file; see --max-problems).');
    });

    it('must be a positive whole number', () => {
      for (const value of ['0', '-1', '2.5', 'many']) {
        const r = run(['check', `--max-problems=${value}`, '.'], { cwd: dir });
        assert.equal(r.status, 2, value);
        assert.match(r.stderr, new RegExp(`--max-problems must be a positive whole number, not \`${value.replace('.', '\\.')}\``));
      }
    });
  });

  it('--max-file-length: longer files get file-too-large (reading stops there, so "more than")', () => {
    write('a.incident.yaml', CLEAN);
    const r = run(['check', '--max-file-length', '10', 'a.incident.yaml'], { cwd: dir });
    assert.match(r.stdout, /^a\.incident\.yaml:1:1: warning file-too-large This file has more than 10 characters, the most that are checked; it was not validated\.\n/);
    assert.equal(r.status, 0);
    assert.equal(run(['check', '--max-file-length', 'ten'], { cwd: dir }).status, 2);
  });

  it('binary bytes and a 50 MB file: diagnostics, no crash', () => {
    write('binary.incident.yaml', Buffer.from(Array.from({ length: 65536 }, (_, i) => (i * 7919 + 13) % 256)));
    const big = Buffer.alloc(50 * 1024 * 1024, 'x');
    big.write('id: EX196121\n');
    write('big.incident.yaml', big);
    const r = run(['check', '--format', 'json', '.'], { cwd: dir });
    const found = JSON.parse(r.stdout) as { file: string; code: string }[];
    assert.deepEqual(found.filter((d) => d.file === 'big.incident.yaml').map((d) => d.code), ['file-too-large']);
    assert.ok(found.some((d) => d.file === 'binary.incident.yaml'));
    assert.ok(found.every((d) => d.code !== 'internal-error'));
    assert.equal(r.stderr, '');
  });

  describe('usage', () => {
    it('--help and help check: exit 0, list the commands and options', () => {
      const help = run(['--help']);
      assert.equal(help.status, 0);
      assert.match(help.stdout, /Usage: incident-timeline <command> \[options\]/);
      assert.match(help.stdout, /^ {2}check {2}/m);
      const checkHelp = run(['check', '--help']);
      assert.equal(checkHelp.status, 0);
      assert.match(checkHelp.stdout, /--format text\|json/);
      assert.equal(run(['help', 'check']).stdout, checkHelp.stdout);
    });

    it('--version prints the package version', () => {
      const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
      const r = run(['--version']);
      assert.equal(r.stdout, `${version}\n`);
      assert.equal(r.status, 0);
    });

    it('no command, an unknown command, an unknown option, a bad --format: exit 2 with a message', () => {
      const none = run([]);
      assert.equal(none.status, 2);
      assert.match(none.stderr, /Usage:/);
      const unknown = run(['lint']);
      assert.equal(unknown.status, 2);
      assert.match(unknown.stderr, /^incident-timeline: unknown command `lint`/);
      const option = run(['check', '--fromat', 'json']);
      assert.equal(option.status, 2);
      assert.match(option.stderr, /^incident-timeline: .*--fromat/);
      const format = run(['check', '--format', 'xml']);
      assert.equal(format.status, 2);
      assert.equal(format.stderr, 'incident-timeline: --format must be text or json, not `xml`.\n');
      assert.equal(format.stdout, '');
    });
  });

  describe('colour', () => {
    it('none when stdout is not a terminal', () => {
      write('a.incident.yaml', CLEAN.replace('monitoring', 'x'));
      assert.doesNotMatch(run(['check', 'a.incident.yaml'], { cwd: dir }).stdout, /\u001b\[/);
    });
    it('FORCE_COLOR turns it on, NO_COLOR wins over it', () => {
      write('a.incident.yaml', CLEAN.replace('monitoring', 'x'));
      const forced = run(['check', 'a.incident.yaml'], { cwd: dir, env: { FORCE_COLOR: '1' } });
      assert.match(forced.stdout, /\u001b\[31merror\u001b\[39m/);
      // Colour never changes the text itself.
      assert.equal(forced.stdout.replace(/\u001b\[\d+m/g, ''), run(['check', 'a.incident.yaml'], { cwd: dir }).stdout);
      assert.doesNotMatch(run(['check', 'a.incident.yaml'], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout, /\u001b\[/);
    });
  });
});

describe('cli: the examples', () => {
  it('examples/*.incident.yaml (top level) check clean', () => {
    const files = fs.readdirSync(path.join(ROOT, 'examples')).filter((f) => /\.incident\.ya?ml$/.test(f)).map((f) => path.join('examples', f));
    assert.ok(files.length >= 1);
    const r = run(['check', ...files]);
    assert.equal(r.stdout, `Checked ${files.length === 1 ? '1 file' : `${files.length} files`}: no problems.\n`);
    assert.equal(r.status, 0);
  });

  it('examples/broken shows every code that a file can show, and duplicate-id', () => {
    const r = run(['check', '--format', 'json', 'examples/broken']);
    assert.equal(r.status, 1);
    const found = new Set((JSON.parse(r.stdout) as { code: string }[]).map((d) => d.code));
    // too-many-problems needs over 1,000 problems in a file; the --max-problems tests show it.
    const expected = DIAGNOSTIC_CODES.filter((c) => c !== 'file-too-large' && c !== 'internal-error' && c !== 'too-many-problems');
    assert.deepEqual([...found].sort(), [...expected].sort());
  });
});
