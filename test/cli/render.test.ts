/**
 * `incident-timeline render`, run as users run it (the bundled dist/cli.js): the three formats
 * from the same renderer as the preview's exports, -o, --zone, and the exit codes.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseIncident } from '../../server/src/core/parse';
import { renderExport } from '../../common/render/index';
import { toTimelineModel } from '../../server/src/timelineModel';

const ROOT = path.join(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const EXAMPLE = 'examples/exchange-online-2019-11-19.incident.yaml';

function run(args: string[], cwd = ROOT) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cli: render', () => {
  let dir: string;

  before(function () {
    if (!fs.existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` (npm test does).');
  });
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'incident-render-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints the same Markdown as the export command renders', () => {
    const r = run(['render', EXAMPLE, '--format', 'md']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    const text = fs.readFileSync(path.join(ROOT, EXAMPLE), 'utf8');
    const model = toTimelineModel('file:///x', 0, parseIncident(text));
    assert.equal(r.stdout, renderExport(model, 'md', 'JST'));
    assert.match(r.stdout, /^\| 2019-11-19 10:40 \| detected \| Start of impact/m);
    assert.equal(run(['render', EXAMPLE, '--format', 'md', '--zone', 'UTC']).stdout, renderExport(model, 'md', 'UTC'), '--zone reaches the Markdown');
  });

  it('writes a self-contained HTML file with -o (no script, nothing from the network)', () => {
    const out = path.join(dir, 'ex.html');
    const r = run(['render', EXAMPLE, '-o', out]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
    const html = fs.readFileSync(out, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.ok(html.includes('<title>EX196121 — Problems receiving mail</title>'));
    assert.ok(!/<script|<link|src="http/i.test(html));
    assert.ok(html.includes('<svg xmlns="http://www.w3.org/2000/svg"'));
  });

  it('renders the whole timeline as SVG in the chosen zone', () => {
    const r = run(['render', EXAMPLE, '--format', 'svg', '--zone', 'UTC']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="it-svg" width="1200"/);
    assert.ok(r.stdout.includes('>01:40 UTC <tspan'));
    assert.equal((r.stdout.match(/<g class="event"/g) ?? []).length, 2);
  });

  it('exit 2 on usage errors and unreadable files, 1 when the file is not an incident', () => {
    assert.deepEqual(pick(run(['render', EXAMPLE, '--format', 'pdf'])), { status: 2, stderr: 'incident-timeline: --format must be html, svg or md, not `pdf`.\n' });
    assert.deepEqual(pick(run(['render', EXAMPLE, '--zone', 'PST'])), { status: 2, stderr: 'incident-timeline: --zone must be one of JST, UTC, both, not `PST`.\n' });
    assert.deepEqual(pick(run(['render'])), { status: 2, stderr: 'incident-timeline: render takes exactly one file.\n' });
    assert.deepEqual(pick(run(['render', 'missing.incident.yaml'], dir)), { status: 2, stderr: 'incident-timeline: cannot read missing.incident.yaml: no such file or folder\n' });
    fs.writeFileSync(path.join(dir, 'list.incident.yaml'), '- a\n- b\n');
    assert.deepEqual(pick(run(['render', 'list.incident.yaml'], dir)), { status: 1, stderr: 'incident-timeline: list.incident.yaml is not an incident (run `incident-timeline check` to see why).\n' });
  });
});

describe('cli: render exit codes follow check', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'incident-render-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('exit 1 with the output written when the end is before the start, and says why on stderr', () => {
    fs.writeFileSync(path.join(dir, 'b.incident.yaml'), 'id: B\ntitle: Backwards\nstatus: resolved\nstart: 2024-03-01T10:10Z\nend: 2024-03-01T00:00Z\n');
    const r = run(['render', 'b.incident.yaml', '--format', 'md', '-o', 'b.md'], dir);
    assert.deepEqual(pick(r), { status: 1, stderr: [
      'incident-timeline: b.incident.yaml: Duration is left out: end is before start.',
      'incident-timeline: b.incident.yaml has errors (run `incident-timeline check` to see them).',
      '',
    ].join('\n') });
    assert.ok(fs.readFileSync(path.join(dir, 'b.md'), 'utf8').includes('- **Duration:** end is before start\n'));
    assert.equal(run(['check', 'b.incident.yaml'], dir).status, 1, 'as check');
  });

  it('exit 1 for a figure withheld without an error (detected before the start), 0 for a clean file', () => {
    fs.writeFileSync(path.join(dir, 'd.incident.yaml'), 'id: D\ntitle: Early\nstatus: investigating\nstart: 2024-03-01T10:10Z\ntimeline:\n  - at: 2024-03-01T10:00Z\n    kind: detected\n    event: seen\n');
    assert.equal(run(['check', 'd.incident.yaml'], dir).status, 0);
    assert.deepEqual(pick(run(['render', 'd.incident.yaml', '-o', 'd.html'], dir)), { status: 1, stderr: 'incident-timeline: d.incident.yaml: Time to detect is left out: detected before start.\n' });
    assert.deepEqual(pick(run(['render', path.join(ROOT, EXAMPLE), '-o', 'e.html'], dir)), { status: 0, stderr: '' });
  });
});

function pick(r: { status: number | null; stderr: string }) {
  return { status: r.status, stderr: r.stderr };
}
