/**
 * `incident-timeline import`, run as users run it: the bundled dist/cli.js in a child process.
 * What it prints, the files it writes, merging into its own files, --force, --id, standard
 * input, refused sources and exit codes.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const DATA = path.join(ROOT, 'test/data/import');

function run(args: string[], cwd: string, input?: string): { status: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'C' };
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  delete env.FORCE_COLOR;
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, env, encoding: 'utf8', ...(input !== undefined ? { input } : {}) });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('CLI: import', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'incident-import-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes one checked file per incident into -o DIR and prints each with its check result', () => {
    const result = run(['import', path.join(DATA, 'statuspage-incidents.json'), '-o', 'out'], dir);
    assert.deepEqual(result, {
      status: 0,
      stdout: 'wrote out/k7w2hq9d3xyz.incident.yaml; checked: no problems.\nwrote out/p3n8v5r6def.incident.yaml; checked: no problems.\n',
      stderr: '',
    });
    assert.deepEqual(fs.readdirSync(path.join(dir, 'out')).sort(), ['k7w2hq9d3xyz.incident.yaml', 'p3n8v5r6def.incident.yaml']);
    const check = spawnSync(process.execPath, [CLI, 'check', 'out'], { cwd: dir, encoding: 'utf8' });
    assert.equal(check.status, 0, check.stdout);
  });

  it('merges a newer copy into the file it wrote, keeping the user\'s comment and key', () => {
    const older = JSON.parse(fs.readFileSync(path.join(DATA, 'statuspage-incident.json'), 'utf8'));
    const newest = older.incident.incident_updates.shift();
    older.incident.status = 'monitoring';
    delete older.incident.resolved_at;
    fs.writeFileSync(path.join(dir, 'older.json'), JSON.stringify(older));
    assert.equal(run(['import', 'older.json'], dir).status, 0);
    const file = path.join(dir, 'k7w2hq9d3xyz.incident.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('service: Example Widgets', 'service: Example Widgets  # our name for it\ntags: [sync]'));
    older.incident.incident_updates.unshift(newest);
    older.incident.status = 'resolved';
    older.incident.resolved_at = newest.display_at;
    fs.writeFileSync(path.join(dir, 'newer.json'), JSON.stringify(older));
    const result = run(['import', 'newer.json'], dir);
    assert.deepEqual(result, { status: 0, stdout: 'merged into k7w2hq9d3xyz.incident.yaml (1 new update; changed: status, end); checked: no problems.\n', stderr: '' });
    const text = fs.readFileSync(file, 'utf8');
    assert.match(text, /service: Example Widgets {2}# our name for it\ntags: \[sync\]\n/);
    assert.equal(text.split('# import: update%3Au4 ').length, 2);
  });

  it('does not overwrite another incident\'s file without --force', () => {
    const file = path.join(dir, '4242.incident.yaml');
    fs.writeFileSync(file, '# import: statuspage%3A4242\ntitle: Mine\nstatus: investigating\nstart: 2025-01-01T00:00Z\n');
    const refused = run(['import', path.join(DATA, 'slack-history.json'), '--id', '4242'], dir);
    assert.equal(refused.status, 2);
    assert.equal(refused.stdout, '');
    assert.equal(refused.stderr, `incident-timeline: cannot import ${path.join(DATA, 'slack-history.json')}: ${file} exists and cannot take this import (The file was imported from statuspage:4242, not from slack:4242; import into another folder or file.); use --force to overwrite it\n`);
    assert.match(fs.readFileSync(file, 'utf8'), /\ntitle: Mine\n/);
    const forced = run(['import', path.join(DATA, 'slack-history.json'), '--id', '4242', '--force'], dir);
    assert.deepEqual(forced, { status: 0, stdout: 'wrote 4242.incident.yaml (replaced); checked: no problems.\n', stderr: '' });
  });

  it('reads standard input, recognises the format, and exits 1 when a written file has errors', () => {
    const document = JSON.parse(fs.readFileSync(path.join(DATA, 'statuspage-incident.json'), 'utf8'));
    delete document.incident.resolved_at;
    const result = run(['import', '-'], dir, JSON.stringify(document));
    assert.equal(result.status, 1);
    assert.equal(result.stdout.split('\n')[0], 'wrote k7w2hq9d3xyz.incident.yaml; checked:');
    assert.equal(result.stdout.split('\n')[1], 'k7w2hq9d3xyz.incident.yaml:8:9: error missing-end The incident is resolved but has no `end`: add when it ended.');
  });

  it('refuses what it cannot read with exit 2 and one line that says why, and goes on with the other sources', () => {
    fs.writeFileSync(path.join(dir, 'broken.json'), '{"page": {}, "incident": {"id": "x",}}');
    const result = run(['import', 'http://status.example.test/api/v2/incidents.json', 'broken.json', 'missing.json', path.join(DATA, 'gcp-incidents.json'), '--id', 'Zx9cVb8nM7lK6jH5gF4d'], dir);
    assert.equal(result.status, 2);
    assert.equal(result.stdout, 'wrote Zx9cVb8nM7lK6jH5gF4d.incident.yaml; checked: no problems.\n');
    assert.equal(result.stderr, [
      'incident-timeline: cannot import http://status.example.test/api/v2/incidents.json: only https:// addresses are fetched, not `http://status.example.test/api/v2/incidents.json`',
      'incident-timeline: cannot import broken.json: The source is not in a format this command recognises (tried statuspage, gcp, apple, slack, graph, notice); name one with --from.',
      'incident-timeline: cannot import missing.json: no such file or folder',
      '',
    ].join('\n'));
    fs.writeFileSync(path.join(dir, 'mistyped.json'), '{"incidents": [{"id": 7}]}');
    assert.equal(run(['import', '--from', 'statuspage', 'mistyped.json'], dir).stderr, 'incident-timeline: cannot import mistyped.json: `$.incidents[0].id` is a number, not a string\n');
    const malformed = run(['import', '--from', 'statuspage', 'broken.json'], dir);
    assert.deepEqual(malformed, { status: 2, stdout: '', stderr: 'incident-timeline: cannot import broken.json: The Statuspage document is not valid JSON: unexpected "}}" (line 1, column 37)\n' });
  });

  it('checks its options', () => {
    assert.deepEqual(run(['import', '--from', 'rss', 'x.json'], dir), { status: 2, stdout: '', stderr: 'incident-timeline: --from must be one of statuspage, gcp, graph, notice, apple, slack, not `rss`.\n' });
    assert.equal(run(['import'], dir).stderr, 'incident-timeline: name at least one source: a file, - for standard input, or an https:// address.\n');
    assert.equal(run(['import', '-', '-'], dir).status, 2);
  });

  it('speaks Japanese with --lang ja, in its lines and in the header of the file it writes', () => {
    const result = run(['--lang', 'ja', 'import', path.join(DATA, 'slack-history.json'), '--id', '4242'], dir);
    assert.deepEqual(result, { status: 0, stdout: '4242.incident.yaml を書き出しました。チェック結果: 問題はありません。\n', stderr: '' });
    assert.match(fs.readFileSync(path.join(dir, '4242.incident.yaml'), 'utf8'), /^# incident-timeline import で https:\/\/slack-status\.com\/2025-09\/0a1b2c3d4e5f から取り込みました。\n/);
    assert.equal(run(['--lang', 'ja', 'import', 'http://example.test/'], dir).stderr, 'incident-timeline: http://example.test/ を取り込めません: 取得できるのは https:// のアドレスだけです (`http://example.test/` は不可)\n');
  });
});
