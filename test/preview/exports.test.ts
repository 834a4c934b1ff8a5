/** The renderer's string outputs (HTML, SVG, Markdown), the page HTML's CSP, and the model conversion. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { exportFileName } from '../../client/src/preview/exportFileName';
import { contentSecurityPolicy, previewHtml } from '../../client/src/preview/previewHtml';
import { parseIncident } from '../../server/src/core/parse';
import { axisTicks, buildTimelineView, renderExport, safeHref, visibleText } from '../../common/render/index';
import { toTimelineModel } from '../../server/src/timelineModel';

const ROOT = path.join(__dirname, '../..');
const EXAMPLE = fs.readFileSync(path.join(ROOT, 'examples/exchange-online-2019-11-19.incident.yaml'), 'utf8');
const modelOf = (text: string) => toTimelineModel('file:///x.incident.yaml', 3, parseIncident(text));
const XSS = '<img src=x onerror=alert(1)>';

function xssIncident(): string {
  const q = JSON.stringify(XSS);
  return `id: ${q}\ntitle: ${q}\nstatus: resolved\nservice: ${q}\nstart: 2024-03-01T00:00Z\nimpact: ${q}\nsources:\n  - url: https://example.com/"onmouseover="x\n    title: ${q}\ntimeline:\n  - at: 2024-03-01T00:05Z\n    event: ${q}\n  - at: 2024-03-01 25:00\n    event: "| pipe *star* [link](javascript:x) \`code\`"\n`;
}

describe('toTimelineModel', () => {
  it('turns the example into the protocol model: ISO UTC times, LSP ranges, counts', () => {
    const model = modelOf(EXAMPLE);
    assert.equal(model.version, 3);
    assert.equal(model.incident?.id, 'EX196121');
    assert.equal(model.incident?.start?.utc, '2019-11-19T01:40:00.000Z');
    assert.equal(model.incident?.start?.text, '2019-11-19T01:40Z / 2019-11-19T10:40');
    assert.deepEqual(model.events.map((e) => [e.index, e.kind, e.at?.utc, e.range.start.line]), [
      [0, 'detected', '2019-11-19T01:40:00.000Z', 36],
      [1, 'resolved', '2019-11-19T11:50:00.000Z', 43],
    ]);
    assert.deepEqual(model.problems, { errors: 0, warnings: 0 });
  });
});

describe('renderHtml: the reading order of the preview', () => {
  it('writes the window in words, a row per day and per compressed gap, every text whole', () => {
    const html = renderExport(modelOf(EXAMPLE), 'html', 'both');
    assert.ok(html.includes('<h1>EX196121 — Problems receiving mail</h1>\n<p class="window"><span>2019-11-19 10:40–20:50 JST, 10h 10m</span><span>2019-11-19 01:40–11:50 UTC</span></p>\n<dl>'), html.slice(0, 3000));
    const body = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
    assert.deepEqual(body.match(/<tr class="(day|gap)">.*?<\/tr>/g), [
      '<tr class="day"><th colspan="5">2019-11-19</th></tr>',
      '<tr class="gap"><td colspan="5">… 10h 10m …</td></tr>',
    ]);
    assert.ok(body.includes('<td>Start of impact: mail from external users and internal mail with attachments is delayed or not received in Australia, Japan and India.</td>'));
    assert.ok(body.indexOf('class="day"') < body.indexOf('Start of impact') && body.indexOf('class="gap"') < body.indexOf('The configuration change'));
  });
});

describe('renderMarkdown (whole texts in markdown.test.ts)', () => {
  it('keeps user text literal: no HTML, no emphasis, no extra cells, unreadable events listed', () => {
    const md = renderExport(modelOf(xssIncident()), 'md', 'both');
    assert.ok(!md.includes('<img'), md);
    assert.ok(md.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(md.includes('- 2024-03-01 25:00: \\| pipe \\*star\\* \\[link\\](javascript:x) \\`code\\`'), md);
    const row = md.split('\n').find((line) => line.startsWith('| 2024-03-01 09:05'));
    assert.equal(row, '| 2024-03-01 09:05 | 2024-03-01 00:05 |  | &lt;img src=x onerror=alert(1)&gt; |');
  });
});

describe('renderSvg and renderHtml', () => {
  it('escape every user string and contain no script', () => {
    const model = modelOf(xssIncident());
    for (const format of ['html', 'svg'] as const) {
      const out = renderExport(model, format, 'both');
      assert.ok(!/<img|<script|onerror=alert\(1\)>|onmouseover="/i.test(out.replace(/&lt;img src=x onerror=alert\(1\)&gt;/g, '')), `${format}: ${out}`);
      assert.ok(out.includes('&lt;img src=x onerror=alert(1)&gt;'));
    }
    const html = renderExport(model, 'html', 'JST');
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`));
    assert.ok(html.includes('<code>2024-03-01 25:00</code>'), 'unreadable events are listed');
    // Nothing loads from the network: the one URL attribute in any tag is the source's link (a
    // click, not a load), and the style sheet fetches nothing.
    // Attributes are read in order, so a quoted value (an escaped payload) is never taken for one.
    const urlAttributes = [...html.matchAll(/<[a-zA-Z][^>]*>/g)].flatMap((tag) =>
      [...tag[0].matchAll(/([^\s=<>"'/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>"']+))?/g)].slice(1)
        .filter((m) => /^(src|href|xlink:href|action|formaction|srcset|poster|data|background)$/i.test(m[1]!)).map((m) => m[0]));
    assert.deepEqual(urlAttributes, ['href="https://example.com/%22onmouseover=%22x"']);
    assert.doesNotMatch(html, /url\(|@import/i);
  });
});

describe('figures the times contradict', () => {
  const backwards = 'id: B\ntitle: Backwards\nstatus: resolved\nstart: 2024-03-01T10:10Z\nend: 2024-03-01T00:00Z\ntimeline:\n'
    + '  - at: 2024-03-01T00:00Z\n    kind: detected\n    event: seen\n  - at: 2024-03-01T10:40Z\n    kind: resolved\n    event: fixed\n';

  it('the view withholds a figure whose time is before the start, and keeps the others', () => {
    assert.deepEqual(buildTimelineView(modelOf(backwards)).figures, [
      { key: 'duration', value: undefined, withheld: 'order' },
      { key: 'timeToDetect', value: undefined, withheld: 'order' },
      { key: 'timeToResolve', value: '30m' },
    ]);
  });

  it('every export gives the reason instead of a negative figure', () => {
    const model = modelOf(backwards);
    const html = renderExport(model, 'html', 'JST');
    assert.ok(html.includes('<div class="figures"><div>Duration<em>end is before start</em></div><div>Time to detect<em>detected before start</em></div><div>Time to resolve<strong>30m</strong></div></div>'), html);
    assert.ok(renderExport(model, 'svg', 'JST').includes('>resolved · Duration end is before start · Time to detect detected before start · Time to resolve 30m</tspan>'));
    const md = renderExport(model, 'md', 'JST');
    assert.ok(md.includes('- **Duration:** end is before start\n- **Time to detect:** detected before start\n- **Time to resolve:** 30m\n'), md);
    for (const out of [html, renderExport(model, 'svg', 'both'), md]) assert.ok(!/(Duration|Time to detect)\W*-/.test(out), 'no negative figure');
  });
});

describe('hidden characters', () => {
  it('visibleText names bidi controls, C0/C1 controls and lone surrogates, and keeps tab, line breaks and pairs', () => {
    assert.equal(visibleText('a\u202Eb\u2066c\u200Fd\u0001e\u0085f\uD800g'), 'a⟨U+202E⟩b⟨U+2066⟩c⟨U+200F⟩d⟨U+0001⟩e⟨U+0085⟩f⟨U+D800⟩g');
    assert.equal(visibleText('tab\tlf\ncr\r 😀 日本'), 'tab\tlf\ncr\r 😀 日本');
  });

  it('a right-to-left override in a source link is shown, in every export, and the link target is percent-encoded', () => {
    const text = 'id: A\ntitle: "T\\u202E"\nstatus: investigating\nstart: 2024-03-01T00:00Z\nsources:\n  - url: "https://example.com/a\\u202Eb"\n    title: "invoice\\u202Efdp.exe"\n';
    const model = modelOf(text);
    assert.equal(model.incident?.sources?.[0].title, 'invoice\u202Efdp.exe');
    const html = renderExport(model, 'html', 'JST');
    assert.ok(html.includes('<li><a href="https://example.com/a%E2%80%AEb" rel="noreferrer noopener">invoice⟨U+202E⟩fdp.exe</a></li>'), html);
    for (const format of ['html', 'svg', 'md'] as const) {
      const out = renderExport(model, format, 'JST');
      assert.ok(!out.includes('\u202E'), `${format} applies no U+202E`);
      assert.ok(out.includes('T⟨U+202E⟩'), `${format} names it`);
    }
    assert.equal(safeHref('javascript:alert(1)'), undefined);
  });
});

describe('layout pieces', () => {
  it('axisTicks: JST ticks are UTC ticks shifted by 9 hours, labelled on the JST clock', () => {
    const start = Date.parse('2019-11-19T01:00Z');
    const end = Date.parse('2019-11-19T04:00Z');
    assert.deepEqual(axisTicks(start, end, 330, 'JST').map((t) => t.label), ['10:00', '11:00', '12:00', '13:00']);
    assert.deepEqual(axisTicks(start, end, 330, 'UTC').map((t) => [t.label, new Date(t.epochMs).toISOString()]).slice(0, 2), [
      ['01:00', '2019-11-19T01:00:00.000Z'], ['02:00', '2019-11-19T02:00:00.000Z'],
    ]);
    // Midnight JST (15:00 UTC) is labelled with the date.
    assert.ok(axisTicks(Date.parse('2019-11-19T12:00Z'), Date.parse('2019-11-19T18:00Z'), 400, 'JST').some((t) => t.label === '11-20' && t.epochMs === Date.parse('2019-11-19T15:00Z')));
  });

  it('axisTicks: in a zone with daylight saving each tick sits at the instant its label names, across the change', () => {
    const iso = (ms: number) => new Date(ms).toISOString().slice(11, 16);
    // 2022-11-06 in Los Angeles: 00:00 PDT (07:00Z) to 06:00 PST (14:00Z); 01:00–02:00 happens twice.
    const fallBack = axisTicks(Date.parse('2022-11-06T07:00Z'), Date.parse('2022-11-06T14:00Z'), 770, 'America/Los_Angeles');
    assert.deepEqual(fallBack.map((t) => `${t.label}=${iso(t.epochMs)}`), [
      '11-06=07:00', '01:00=08:00', '02:00=10:00', '03:00=11:00', '04:00=12:00', '05:00=13:00', '06:00=14:00',
    ]);
    // 2022-03-13: 02:00–03:00 never happens, so no tick names it.
    const springForward = axisTicks(Date.parse('2022-03-13T08:00Z'), Date.parse('2022-03-13T12:00Z'), 550, 'America/Los_Angeles');
    assert.deepEqual(springForward.map((t) => `${t.label}=${iso(t.epochMs)}`), ['03-13=08:00', '01:00=09:00', '03:00=10:00', '04:00=11:00', '05:00=12:00']);
  });
});

describe('preview page HTML', () => {
  it('has a strict CSP with the nonce on its one script, and the state in an escaped attribute', () => {
    assert.equal(contentSecurityPolicy('https://x.vscode-cdn.net', 'abc'),
      "default-src 'none'; script-src 'nonce-abc'; style-src https://x.vscode-cdn.net; img-src https://x.vscode-cdn.net; font-src https://x.vscode-cdn.net");
    const html = previewHtml({
      cspSource: 'https://x.vscode-cdn.net', scriptUri: 'https://x/main.js', styleUri: 'https://x/main.css', defaultZone: 'UTC', nonce: 'abc',
      state: { uri: 'file:///"><script>alert(1)</script>', locked: false, zone: 'UTC', zoneChosen: false, mode: 'timeline', zoom: 1, scrollLeft: 0, scrollTop: 0 },
    });
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.ok(html.includes('<script nonce="abc" src="https://x/main.js"></script>'));
    assert.ok(html.includes('data-state="{&quot;uri&quot;:&quot;file:///\\&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;'));
    assert.ok(html.includes('data-default-zone="UTC"'));
    const a = previewHtml({ cspSource: 'x', scriptUri: 'x', styleUri: 'x', defaultZone: 'JST' });
    const b = previewHtml({ cspSource: 'x', scriptUri: 'x', styleUri: 'x', defaultZone: 'JST' });
    const nonce = (s: string) => /nonce="([^"]+)"/.exec(s)?.[1];
    assert.ok(nonce(a) && nonce(a)!.length >= 16 && nonce(a) !== nonce(b), 'a fresh nonce per page');
  });

  it('names exports after the incident file', () => {
    assert.equal(exportFileName('/w/incidents/ex.incident.yaml', 'html'), '/w/incidents/ex.timeline.html');
    assert.equal(exportFileName('/w/ex.incident.yml', 'md'), '/w/ex.timeline.md');
    assert.equal(exportFileName('/w/other.yaml', 'svg'), '/w/other.timeline.svg');
  });
});
