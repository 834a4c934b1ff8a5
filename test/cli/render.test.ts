/**
 * `incident-timeline render`, run as users run it (the bundled dist/cli.js): the three formats
 * from the same renderer as the preview's exports, -o, --zone, and the exit codes.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const EXAMPLE = 'examples/exchange-online-2019-11-19.incident.yaml';

/** English whatever the machine's locale (LC_ALL outranks LC_MESSAGES and LANG). */
function run(args: string[], cwd = ROOT) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LC_ALL: 'en_US.UTF-8' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Each event of an SVG up to its first line (time, offset, kind), without its tooltip. */
function svgEvents(svg: string): string[] {
  return [...svg.matchAll(/<g class="event" data-index="\d+"><title>.*?<\/title>(.*?<\/text><text class="muted".*?<\/text><text class="muted".*?<\/text>)/g)].map((m) => m[1]);
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

  it('prints Markdown headed by the incident, with every event', () => {
    const r = run(['render', EXAMPLE, '--format', 'md']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    // Only lines the Markdown export keeps whatever its layout: the title, and each event's text.
    const mdLines = r.stdout.split('\n');
    assert.equal(mdLines[0], '## EX196121: Problems receiving mail');
    assert.ok(mdLines.some((line) => line.includes('Start of impact: mail from external users and internal mail with attachments is delayed or not received in Australia, Japan and India.')));
    assert.ok(mdLines.some((line) => line.includes('The configuration change is rolled back and service is restored; queued mail is delivered normally.')));
    // --zone reaches the Markdown (test/preview/markdown.test.ts compares whole texts per zone).
    const utc = run(['render', EXAMPLE, '--format', 'md', '--zone', 'UTC']).stdout.split('\n');
    assert.ok(utc.includes('| 2019-11-19 01:40 | detected | Start of impact: mail from external users and internal mail with attachments is delayed or not received in Australia, Japan and India. |'), utc.join('\n'));
  });

  it('Markdown of the GitHub example: the updates\' figures, the Update column and each component\'s windows', () => {
    const r = run(['render', 'examples/github-2026-03-03.incident.yaml', '--format', 'md', '--zone', 'UTC']);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.includes('- **Time to resolve:** 1h 23m\n- **Time to first update:** 31m\n- **Longest gap between updates:** 22m\n'), r.stdout);
    const from = r.stdout.indexOf('| 2026-03-03 19:32 |');
    assert.equal(r.stdout.slice(from, r.stdout.indexOf('### Sources')), [
      '| 2026-03-03 19:32 | update | Copilot is operating normally. | Copilot: operational |',
      '| 2026-03-03 19:54 | update | Git Operations is operating normally. | Git Operations: operational |',
      '| 2026-03-03 19:55 | update | Actions is operating normally. | Actions: operational |',
      '| 2026-03-03 20:06 | update | Recovery across all services; GitHub continues to monitor for full recovery. |  |',
      '| 2026-03-03 20:09 | resolved | Resolved, with the summary of impact, cause and next steps. | Resolved |',
      '',
      '### Component windows',
      '',
      '| Component | From | To | State | Duration |',
      '| --- | --- | --- | --- | --- |',
      '| Git Operations | 2026-03-03 18:46 UTC | 2026-03-03 19:54 UTC | affected, state not given | 1h 8m |',
      '| Actions | 2026-03-03 18:46 UTC | 2026-03-03 19:55 UTC | affected, state not given | 1h 9m |',
      '| Copilot | 2026-03-03 18:46 UTC | 2026-03-03 19:32 UTC | affected, state not given | 46m |',
      '',
      '',
    ].join('\n'));
  });

  it('writes a self-contained HTML file with -o: the header, the figures, the chart and a table of every event', () => {
    const out = path.join(dir, 'ex.html');
    const r = run(['render', EXAMPLE, '-o', out]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
    const html = fs.readFileSync(out, 'utf8');
    assert.ok(html.startsWith([
      '<!DOCTYPE html>',
      '<html lang="en">',
      '<head>',
      '<meta charset="utf-8">',
      '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      '<title>EX196121 — Problems receiving mail</title>',
      '<style>',
    ].join('\n')), html.slice(0, 400));
    const body = html.slice(html.indexOf('<body>'), html.indexOf('<svg'));
    assert.equal(body, [
      '<body>',
      '<h1>EX196121 — Problems receiving mail</h1>',
      '<p class="window"><span>2019-11-19 10:40–20:50 JST, 10h 10m</span></p>',
      '<dl><dt>Status</dt><dd>resolved</dd><dt>Service</dt><dd>Exchange Online</dd><dt>Regions</dt><dd>Australia, Japan, India</dd>'
      + '<dt>Start</dt><dd>2019-11-19 10:40 JST / 2019-11-19 01:40 UTC</dd><dt>End</dt><dd>2019-11-19 20:50 JST / 2019-11-19 11:50 UTC</dd>'
      + '<dt>Impact</dt><dd>Users may not have received emails sent from external users, or received them late. Delivery of emails with attachments sent to internal endpoints may also have been delayed. Mail was queued by the sender and expected to be delivered normally once resolved.</dd>'
      + '<dt>Cause</dt><dd>A configuration change to Microsoft&#39;s infrastructure (an update of the anti-spam function) caused unexpected impact to mail flow. Preliminary root cause.</dd></dl>',
      '<div class="figures"><div>Duration<strong>10h 10m</strong></div><div>Time to detect<strong>0s</strong></div><div>Time to resolve<strong>10h 10m</strong></div></div>',
      '',
      '<div class="chart">',
    ].join('\n'));
    const table = html.slice(html.indexOf('<h2>'), html.indexOf('</table>'));
    assert.equal(table, [
      '<h2>Timeline</h2>',
      '<table>',
      '<thead><tr><th>JST</th><th>UTC</th><th>From start</th><th>Kind</th><th>Event</th></tr></thead>',
      '<tbody>',
      '<tr class="day"><th colspan="5">2019-11-19</th></tr>',
      '<tr><td class="time">2019-11-19 10:40 JST</td><td class="time">2019-11-19 01:40 UTC</td><td class="offset">+0s</td><td>detected</td>'
      + '<td>Start of impact: mail from external users and internal mail with attachments is delayed or not received in Australia, Japan and India.</td></tr>',
      '<tr class="gap"><td colspan="5">… 10h 10m …</td></tr>',
      '<tr><td class="time">2019-11-19 20:50 JST</td><td class="time">2019-11-19 11:50 UTC</td><td class="offset">+10h 10m</td><td>resolved</td>'
      + '<td>The configuration change is rolled back and service is restored; queued mail is delivered normally.</td></tr>',
      '</tbody>',
      '',
    ].join('\n'));
    // No script and nothing from the network anywhere (the SVG namespace is the only URL).
    assert.deepEqual(html.match(/<script|<link|<img|<iframe|https?:\/\/[^"]*/gi), ['http://www.w3.org/2000/svg']);
  });

  it('renders the whole timeline as SVG in the chosen zone: the window in words, the day, each event with its time under the one before', () => {
    const r = run(['render', EXAMPLE, '--format', 'svg', '--zone', 'UTC']);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.startsWith('<svg xmlns="http://www.w3.org/2000/svg" class="it-svg" width="800" height="289" viewBox="0 0 800 289" role="img" aria-label="Timeline of EX196121: 2 events">'));
    assert.ok(r.stdout.includes('<tspan x="16" y="52">2019-11-19 01:40–11:50 UTC, 10h 10m</tspan>'));
    assert.ok(r.stdout.includes('<text class="fg" x="34" y="129" font-weight="600">2019-11-19</text>'));
    assert.ok(r.stdout.includes('<text class="muted" x="34" y="221" font-style="italic">… 10h 10m …</text>'));
    // test/preview/svg.test.ts compares the whole picture; here the bundle draws the same.
    assert.deepEqual(svgEvents(r.stdout), [
      '<path class="kind-detected" transform="translate(16 145)" d="M6 0.5 L11.5 11 L0.5 11 Z"/>'
      + '<text class="fg" x="34" y="155" font-weight="600">01:40 UTC</text><text class="muted" x="119.0" y="155">+0s</text><text class="muted" x="155.0" y="155">detected</text>',
      '<path class="kind-resolved" transform="translate(16 238)" d="M1 1 H11 V11 H1 Z"/>'
      + '<text class="fg" x="34" y="248" font-weight="600">11:50 UTC</text><text class="muted" x="119.0" y="248">+10h 10m</text><text class="muted" x="198.2" y="248">resolved</text>',
    ]);
  });

  it('exit 2 on usage errors and unreadable files, 1 when the file is not an incident', () => {
    assert.deepEqual(pick(run(['render', EXAMPLE, '--format', 'pdf'])), { status: 2, stderr: 'incident-timeline: --format must be html, svg or md, not `pdf`.\n' });
    // An abbreviation reads like a fixed offset and does not say where: not a zone, but its zone is offered.
    assert.deepEqual(pick(run(['render', EXAMPLE, '--zone', 'PST'])), {
      status: 2, stderr: 'incident-timeline: --zone must be JST, UTC, both, file or an IANA time zone name, not `PST`. Did you mean America/Los_Angeles, Asia/Omsk, Australia/Perth?\n',
    });
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

describe('cli: render --zone in any zone', () => {
  const SLACK = 'test/data/real/slack-2024-03-28.incident.yaml';

  it('writes a Pacific report in Pacific time, each time with its date\'s abbreviation; the name in any case', () => {
    const r = run(['render', SLACK, '--format', 'md', '--zone', 'america/los_angeles']);
    assert.deepEqual(pick(r), { status: 0, stderr: '' });
    const lines = r.stdout.split('\n');
    assert.ok(lines.includes('The incident lasted from 2024-03-28 10:47 PDT to 11:20 PDT.'), r.stdout);
    assert.ok(lines.includes('- **Start:** 2024-03-28 10:47 PDT'), r.stdout);
    assert.ok(lines.includes('| PT | Kind | Event | Update |'), r.stdout);
    assert.ok(lines.includes('| 2024-03-28 11:15 PDT | update | Slack receives reports of trouble signing in and using workflows; Slack is down completely for some users. |  |'), r.stdout);
    // The promised next update in the same zone, with its date's abbreviation.
    assert.ok(lines.includes('| 2024-03-28 11:40 PDT | update | Signs of improvement, still monitoring; Slack will confirm once resolved or update in 30 minutes. | Monitoring; next update by 03-28 12:10 PDT |'), r.stdout);
    const html = run(['render', SLACK, '--zone', 'America/Los_Angeles']).stdout;
    assert.ok(html.includes('<thead><tr><th>PT</th><th>UTC</th>'), html);
    assert.ok(html.includes('<td class="time">2024-03-28 10:47 PDT</td><td class="time">2024-03-28 17:47 UTC</td>'), html);
  });

  it("--zone file is the file's own zone, JST for a file without one", () => {
    assert.equal(run(['render', EXAMPLE, '--format', 'md', '--zone', 'file']).stdout, run(['render', EXAMPLE, '--format', 'md']).stdout);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'incident-render-'));
    try {
      fs.writeFileSync(path.join(dir, 'p.incident.yaml'), [
        'id: Z-2', 'title: Sign-in errors', 'status: resolved', 'zone: America/Los_Angeles', 'start: 2022-11-06T00:30', 'end: {local: 2022-11-06T10:10}', 'timeline:',
        '  - at: 2022-11-05', '    event: A configuration change is deployed',
        '  - at: 2022-11-06T00:30', '    kind: detected', '    event: Errors rise',
        '  - at: {local: 2022-11-06T05:00, approx: true}', '    kind: mitigated', '    event: Traffic shifted away',
        '  - at: 2022-11-06T10:10', '    kind: resolved', '    event: Recovered', '',
      ].join('\n'));
      const r = run(['render', 'p.incident.yaml', '--format', 'md', '--zone', 'file'], dir);
      assert.deepEqual(pick(r), { status: 0, stderr: '' });
      const lines = r.stdout.split('\n');
      assert.deepEqual(lines.slice(lines.indexOf('| PT | Kind | Event |')), [
        '| PT | Kind | Event |',
        '| --- | --- | --- |',
        '| 2022-11-05 (time not given) |  | A configuration change is deployed |',
        '| 2022-11-06 00:30 PDT | detected | Errors rise |',
        '| 2022-11-06 \\~05:00 PST | mitigated | Traffic shifted away |',
        '| 2022-11-06 10:10 PST | resolved | Recovered |',
        '',
      ]);
      assert.ok(lines.includes('The incident lasted from 2022-11-06 00:30 PDT to 2022-11-06 10:10 PST.'), r.stdout);
      assert.ok(lines.includes('- **Time to mitigate:** about 5h 30m'), r.stdout);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a figure a date without a clock leaves open is said on stderr but does not fail the render', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'incident-render-'));
    try {
      fs.writeFileSync(path.join(dir, 'd.incident.yaml'), 'id: D\ntitle: Dated\nstatus: investigating\nstart: {jst: 2022-01-16}\ntimeline:\n  - at: 2022-01-16T12:00+09:00\n    kind: detected\n    event: seen\n');
      assert.equal(run(['check', 'd.incident.yaml'], dir).status, 0);
      assert.deepEqual(pick(run(['render', 'd.incident.yaml', '-o', 'd.html'], dir)), { status: 0, stderr: 'incident-timeline: d.incident.yaml: Time to detect is left out: a date without a time leaves it open.\n' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an unknown zone is a usage error that names the nearest zones', () => {
    assert.deepEqual(pick(run(['render', EXAMPLE, '--zone', 'America/Los_Angles'])), {
      status: 2, stderr: 'incident-timeline: --zone must be JST, UTC, both, file or an IANA time zone name, not `America/Los_Angles`. Did you mean America/Los_Angeles, Atlantic/Stanley, Africa/Lagos?\n',
    });
  });
});
