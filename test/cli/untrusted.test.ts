/**
 * The CLI against what a path or a file may hold (dist/cli.js in a child process): control
 * characters shown escaped on the terminal, only regular files read and never further than the
 * length that is checked, a closed or full standard output, and `render -o` onto its own input.
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync, type StdioOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const EXAMPLE = path.join(ROOT, 'examples/exchange-online-2019-11-19.incident.yaml');
/** Only so that a regression to a blocking read fails instead of hanging the suite. */
const HANG_GUARD_MS = 30_000;

interface Run {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(args: string[], cwd: string, stdout: StdioOptions = 'pipe'): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'C', NO_COLOR: '1' };
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  delete env.FORCE_COLOR;
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd, env, encoding: 'utf8', timeout: HANG_GUARD_MS, stdio: ['ignore', stdout as 'pipe', 'pipe'],
  });
  return { status: result.status, signal: result.signal, stdout: result.stdout ?? '', stderr: result.stderr };
}

describe('cli: untrusted paths and files', () => {
  let dir: string;

  before(function () {
    if (!fs.existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` (npm test does).');
  });
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'incident-untrusted-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);

  describe('control characters are shown, not obeyed', () => {
    it('a file name with newlines cannot forge a summary line', () => {
      const name = 'x\nChecked 1 file: no problems.\n.incident.yaml';
      write(name, 'id: A\ntitle: T\nstatus: investigating\n');
      const r = run(['check', name], dir);
      assert.equal(r.stdout, [
        'x\\nChecked 1 file: no problems.\\n.incident.yaml:1:1: error missing-field The incident has no `start`.',
        'Checked 1 file: 1 error, 0 warnings in 1 of them.',
        '',
      ].join('\n'));
      assert.equal(r.status, 1);
    });

    it('a value holding ESC[2K ESC[1G and U+202E in a message, escaped in text and in JSON', () => {
      write('a.incident.yaml', 'id: A\ntitle: T\nstatus: "\\e[2K\\e[1Gresolvd \\u202eok \\u0085"\nstart: 2024-03-04T01:00Z\n');
      const text = run(['check', 'a.incident.yaml'], dir);
      assert.equal(text.stdout.split('\n')[0],
        'a.incident.yaml:3:9: error invalid-value `\\x1b[2K\\x1b[1Gresolvd \\u202eok \\x85` is not a valid status: expected one of investigating, identified, monitoring, resolved.');
      assert.equal(text.status, 1);
      const json = run(['check', '--format', 'json', 'a.incident.yaml'], dir);
      assert.doesNotMatch(json.stdout, /[\u001b\u0085\u202e]/);
      const [diagnostic] = JSON.parse(json.stdout) as { message: string }[];
      assert.equal(diagnostic.message, '`\u001b[2K\u001b[1Gresolvd \u202eok \u0085` is not a valid status: expected one of investigating, identified, monitoring, resolved.');
    });

    it('error lines: paths, commands and option values from the command line', () => {
      const missing = run(['check', 'gone\u001b[2K\r.incident.yaml'], dir);
      assert.equal(missing.stderr, 'incident-timeline: cannot read gone\\x1b[2K\\r.incident.yaml: no such file or folder\n');
      assert.equal(missing.status, 2);
      assert.equal(run(['render', 'gone\u202e.incident.yaml'], dir).stderr,
        'incident-timeline: cannot read gone\\u202e.incident.yaml: no such file or folder\n');
      assert.match(run(['\u001b[31mcheck'], dir).stderr, /^incident-timeline: unknown command `\\x1b\[31mcheck`; /);
      assert.equal(run(['check', '--format', 'te\nxt'], dir).stderr, 'incident-timeline: --format must be text or json, not `te\\nxt`.\n');
      assert.equal(run(['check', '--lang', 'j\u009ba'], dir).stderr, 'incident-timeline: --lang must be ja or en, not `j\\x9ba`.\n');
    });
  });

  describe('only regular files are read, and no further than needed', () => {
    const refused = (name: string) => `incident-timeline: cannot read ${name}: is not a regular file\n`;

    it('a symbolic link to /dev/zero or /dev/urandom, named *.incident.yaml', function () {
      if (!fs.existsSync('/dev/zero') || !fs.existsSync('/dev/urandom')) this.skip();
      fs.symlinkSync('/dev/zero', path.join(dir, 'zero.incident.yaml'));
      fs.symlinkSync('/dev/urandom', path.join(dir, 'random.incident.yaml'));
      for (const name of ['zero.incident.yaml', 'random.incident.yaml']) {
        const checked = run(['check', name], dir);
        assert.deepEqual([checked.status, checked.stderr, checked.stdout], [2, refused(name), 'Checked 0 files: no problems.\n']);
        const rendered = run(['render', name], dir);
        assert.deepEqual([rendered.status, rendered.stderr, rendered.stdout], [2, refused(name), '']);
      }
    });

    it('a FIFO is refused without waiting for a writer', function () {
      if (process.platform === 'win32') this.skip();
      assert.equal(spawnSync('mkfifo', [path.join(dir, 'pipe.incident.yaml')]).status, 0);
      const checked = run(['check', 'pipe.incident.yaml'], dir);
      assert.deepEqual([checked.signal, checked.status, checked.stderr], [null, 2, refused('pipe.incident.yaml')]);
      const rendered = run(['render', 'pipe.incident.yaml'], dir);
      assert.deepEqual([rendered.signal, rendered.status, rendered.stderr], [null, 2, refused('pipe.incident.yaml')]);
    });

    it('a folder named *.incident.yaml: render says it is a folder; check looks inside it', () => {
      fs.mkdirSync(path.join(dir, 'folder.incident.yaml'));
      const rendered = run(['render', 'folder.incident.yaml'], dir);
      assert.deepEqual([rendered.status, rendered.stderr], [2, 'incident-timeline: cannot read folder.incident.yaml: is a folder\n']);
      const checked = run(['check', 'folder.incident.yaml'], dir);
      assert.deepEqual([checked.status, checked.stderr], [0, 'incident-timeline: no incident files (*.incident.yaml, *.incident.yml) in folder.incident.yaml\n']);
    });

    it('in Japanese too', function () {
      if (!fs.existsSync('/dev/zero')) this.skip();
      fs.symlinkSync('/dev/zero', path.join(dir, 'zero.incident.yaml'));
      assert.equal(run(['check', '--lang', 'ja', 'zero.incident.yaml'], dir).stderr,
        'incident-timeline: zero.incident.yaml を読めません: 通常のファイルではありません\n');
    });

    it('a 100 GB sparse file: reading stops after --max-file-length characters, a file-too-large warning', () => {
      const big = path.join(dir, 'big.incident.yaml');
      fs.writeFileSync(big, 'id: A\n');
      fs.truncateSync(big, 100 * 2 ** 30);
      const r = run(['check', '--max-file-length', '1000', 'big.incident.yaml'], dir);
      assert.equal(r.stdout, [
        'big.incident.yaml:1:1: warning file-too-large This file has more than 1,000 characters, the most that are checked; it was not validated.',
        'Checked 1 file: 0 errors, 1 warning in 1 of them.',
        '',
      ].join('\n'));
      assert.deepEqual([r.status, r.stderr], [0, '']);
      const rendered = run(['render', 'big.incident.yaml'], dir);
      assert.deepEqual([rendered.status, rendered.stderr], [2, 'incident-timeline: cannot read big.incident.yaml: longer than 16,777,216 characters\n']);
    });
  });

  describe('standard output closed or full: one line, exit 2', () => {
    /**
     * Runs the CLI with `closed` (its stdout or stderr) closed by the reader before the CLI starts:
     * the shell waits until the pipe's only reader is gone, then becomes the CLI. Returns the exit
     * code and what came out of the other stream.
     */
    async function runWithClosed(closed: 'stdout' | 'stderr', args: string): Promise<{ status: number | null; other: string }> {
      const child = spawn('sh', ['-c', `read go; exec "$0" "$1" ${args}`, process.execPath, CLI], {
        cwd: dir, env: { ...process.env, LANG: 'C' }, stdio: ['pipe', 'pipe', 'pipe'],
      });
      let other = '';
      (closed === 'stdout' ? child.stderr : child.stdout).setEncoding('utf8').on('data', (text: string) => (other += text));
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      await new Promise((resolve) => {
        child[closed].on('close', resolve);
        child[closed].destroy();
      });
      child.stdin.end('go\n');
      return { status: await exited, other };
    }

    it('a pipe whose reader has gone (`| head -0`)', async function () {
      if (process.platform === 'win32') this.skip();
      write('a.incident.yaml', 'id: A\n');
      assert.deepEqual(await runWithClosed('stdout', 'check a.incident.yaml'), { status: 2, other: 'incident-timeline: cannot write to standard output: the pipe was closed\n' });
    });

    it('standard error closed: the output is written and the exit code is the command\'s own', async function () {
      if (process.platform === 'win32') this.skip();
      // A date without a clock leaves the duration open: render says so on stderr and exits 0.
      write('d.incident.yaml', ['id: D', 'title: Dates', 'status: resolved', 'start: {utc: 2024-03-04}', 'end: 2024-03-05T01:00Z', 'timeline:',
        '  - at: {utc: 2024-03-04}', '    kind: detected', '    event: found', '  - at: 2024-03-05T01:00Z', '    kind: resolved', '    event: fixed', ''].join('\n'));
      const { status, other } = await runWithClosed('stderr', 'render --format md d.incident.yaml');
      assert.equal(status, 0);
      assert.match(other, /^## D: Dates\n/);
    });

    it('a full device (/dev/full)', function () {
      if (!fs.existsSync('/dev/full')) this.skip();
      write('a.incident.yaml', 'id: A\n');
      const full = fs.openSync('/dev/full', 'w');
      try {
        for (const args of [['check', 'a.incident.yaml'], ['render', EXAMPLE]]) {
          const r = run(args, dir, full as unknown as StdioOptions);
          assert.deepEqual([r.status, r.stderr], [2, 'incident-timeline: cannot write to standard output: no space left on the device\n'], args.join(' '));
        }
      } finally {
        fs.closeSync(full);
      }
    });
  });

  describe('render -o onto its own input', () => {
    it('is refused under any name: the same path, another path, a symbolic link, a hard link', () => {
      const input = path.join(dir, 'a.incident.yaml');
      const original = fs.readFileSync(EXAMPLE, 'utf8');
      fs.writeFileSync(input, original);
      fs.mkdirSync(path.join(dir, 'sub'));
      fs.symlinkSync(input, path.join(dir, 'link.html'));
      fs.linkSync(input, path.join(dir, 'hard.html'));
      for (const output of ['a.incident.yaml', 'sub/../a.incident.yaml', input, 'link.html', 'hard.html']) {
        const r = run(['render', 'a.incident.yaml', '-o', output], dir);
        assert.deepEqual([r.status, r.stderr], [2, `incident-timeline: ${output} is the incident file itself; choose another output file.\n`], output);
        assert.equal(fs.readFileSync(input, 'utf8'), original, output);
      }
      const other = run(['render', 'a.incident.yaml', '-o', 'a.html'], dir);
      assert.deepEqual([other.status, other.stderr], [0, '']);
      assert.match(fs.readFileSync(path.join(dir, 'a.html'), 'utf8'), /^<!DOCTYPE html>/i);
    });
  });
});
