/**
 * The exports and the page's incident text as Chromium reads them: the SVG through its real XML
 * parser (image/svg+xml), hidden characters shown by name on the page.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildTimelineView, renderExport, renderSvg } from '../../common/render/index';
import { launchChromium, modelOf, openPreviewPage, requireChromium, startPageServer, violations, type PageServer } from './harness';

/** Every character XML 1.0 cannot hold or that would reorder text unseen, one per incident. */
const HIDDEN: readonly string[] = [
  ...range(0x01, 0x08), 0x0b, 0x0c, ...range(0x0e, 0x1f), ...range(0x7f, 0x9f),
  0x200e, 0x200f, ...range(0x202a, 0x202e), ...range(0x2066, 0x2069), 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xfffe, 0xffff,
].map((code) => String.fromCharCode(code));

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

const hex = (c: string) => c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');

/** The character in every kind of text an export writes: title, facts, source title, event text. */
function incidentWith(c: string): string {
  // As YAML double-quoted escapes, so the file itself is plain ASCII.
  const q = (text: string) => `"${text.replace(/[\u0000-\u001f\u007f-\uffff]/g, (x) => `\\u${hex(x)}`)}"`;
  return `id: ${q(`X${c}1`)}\ntitle: ${q(`title ${c}`)}\nstatus: resolved\nservice: ${q(`svc ${c}`)}\nimpact: ${q(`impact ${c}`)}\n`
    + `start: 2024-03-01T00:00Z\nend: 2024-03-01T01:00Z\nsources:\n  - url: https://example.com/\n    title: ${q(`link ${c}txt.exe`)}\n`
    + `timeline:\n  - at: 2024-03-01T00:05Z\n    kind: detected\n    event: ${q(`event ${c} text`)}\n`;
}

describe('exports and page text in Chromium', function () {
  let browser: Browser;
  let blank: Page;
  let server: PageServer;

  before(async function () {
    requireChromium(this);
    browser = await launchChromium();
    blank = await browser.newPage();
    server = await startPageServer();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The parser's error, or '' when the text is well-formed XML. */
  const xmlError = (xml: string) => blank.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return doc.getElementsByTagName('parsererror')[0]?.textContent ?? '';
  }, xml);

  it('the SVG export, and the HTML export\'s inline SVG, are well-formed XML whatever control character the text holds', async () => {
    const failures: string[] = [];
    for (const c of HIDDEN) {
      const model = modelOf(incidentWith(c));
      assert.equal(model.events[0]?.text, `event ${c} text`, `U+${hex(c)} reaches the model`);
      const svg = renderExport(model, 'svg', 'JST');
      const html = renderExport(model, 'html', 'JST');
      const inline = /<svg[\s\S]*<\/svg>/.exec(html)?.[0] ?? '';
      for (const [name, xml] of [['svg', svg], ['html', inline]] as const) {
        const error = await xmlError(xml);
        if (error) failures.push(`U+${hex(c)} in ${name}: ${error.slice(0, 80)}`);
      }
      // The HTML's inline SVG is the overview strip: the event's text is in the table.
      for (const [name, text] of [['svg', svg], ['html', html]] as const) {
        if (!text.includes(`event ⟨U+${hex(c)}⟩ text`)) failures.push(`U+${hex(c)} in ${name}: not shown by name`);
      }
    }
    assert.deepEqual(failures, []);
  });

  it('the page shows bidi and control characters by name, in the header, the source link and the events', async () => {
    assert.ok(fs.existsSync(path.resolve(__dirname, '../../dist/webview/main.js')), 'run `npm run build` first (npm test does)');
    const p = await openPreviewPage(browser, server);
    await p.render(modelOf(incidentWith('\u202e')));
    assert.equal(await p.page.locator('header h1').textContent(), 'X⟨U+202E⟩1title ⟨U+202E⟩');
    assert.equal(await p.page.locator('.sources a').textContent(), 'link ⟨U+202E⟩txt.exe');
    assert.equal(await p.page.locator('.event[data-index="0"] .text').textContent(), 'event ⟨U+202E⟩ text');
    const pageText = await p.page.evaluate(() => document.body.innerText + [...document.querySelectorAll('[title],[aria-label]')]
      .map((e) => `${e.getAttribute('title') ?? ''}${e.getAttribute('aria-label') ?? ''}`).join(''));
    assert.ok(!pageText.includes('\u202e'), 'no U+202E applied anywhere on the page');
    assert.deepEqual(await violations(p.page), []);
    assert.deepEqual(p.problems(), []);
    await p.page.close();
  });

  /** Every text of an SVG as Chromium lays it out, each event's text lines, and the picture's size. */
  async function layoutOf(svg: string) {
    await blank.setContent(`<!DOCTYPE html><html><body style="margin:0">${svg}</body></html>`);
    return blank.evaluate(() => {
      const root = document.querySelector('svg')!;
      const boxes = [...root.querySelectorAll('text')].map((t) => {
        const r = t.getBBox();
        return { text: (t.textContent ?? '').slice(0, 40), left: r.x, right: r.x + r.width, top: r.y, bottom: r.y + r.height };
      });
      const events = [...root.querySelectorAll('g.event')].map((g) => ({
        index: Number(g.getAttribute('data-index')),
        // The text block is the event's one plain-weight <text> in the body colour (the time and
        // status are bold, an update's notes muted); its tspans are the wrapped lines.
        lines: [...g.querySelectorAll('text.fg:not([font-weight]) tspan')].map((span) => span.textContent ?? ''),
      }));
      return { width: root.width.baseVal.value, height: root.height.baseVal.value, boxes, events };
    });
  }

  function overlaps(boxes: readonly { text: string; left: number; right: number; top: number; bottom: number }[]): string[] {
    const found: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) found.push(`${a.text} / ${b.text}`);
      }
    }
    return found;
  }

  it('the SVG export as Chromium draws it: every event\'s whole text inside the picture at 360 and 800 px, nothing overlapping, no empty space (real reports too)', async () => {
    const at = (minutes: number) => new Date(Date.parse('2024-03-01T00:00Z') + minutes * 60_000).toISOString().replace(':00.000Z', 'Z');
    const japanese = '全国で au の音声通話およびデータ通信が利用しづらい状況が発生。コアネットワークのルーター交換作業中に不具合が発生し、VoLTE 交換機への通信が集中しました。';
    const long = `Elevated error rates on API requests, Webhooks and Actions. ${'We continue to investigate and will post an update as soon as we know more. '.repeat(5)}`.trim();
    // A burst a minute apart, a gap of hours, a second day; English and Japanese; a text over 300 characters and an unbreakable word.
    const minutes = [0, 1, 2, 3, 5, 8, 400, 410, 1500, 1530];
    const texts = (i: number) => [japanese, long, 'Supercalifragilisticexpialidocious-without-any-space-at-all-in-a-very-long-identifier-name', 'Short.'][i % 4];
    const incident = `id: W\ntitle: 長いタイトルのインシデント: Wide outage across many services and regions\nstatus: resolved\nstart: ${at(0)}\nend: ${at(1530)}\ntimeline:\n${
      minutes.map((m, i) => `  - at: ${at(m)}\n    kind: ${i % 3 ? 'update' : 'detected'}\n    event: ${JSON.stringify(texts(i))}`).join('\n')}\n`;
    const view = buildTimelineView(modelOf(incident));
    const flagship = buildTimelineView(modelOf(fs.readFileSync(path.resolve(__dirname, '../../examples/exchange-online-2019-11-19.incident.yaml'), 'utf8')));
    // And the real reports, each as its source wrote it.
    const realDir = path.resolve(__dirname, '../data/real');
    const real = fs.readdirSync(realDir).filter((f) => f.endsWith('.incident.yaml'))
      .map((f) => [f, buildTimelineView(modelOf(fs.readFileSync(path.join(realDir, f), 'utf8')))] as const);
    assert.ok(real.length >= 10);
    for (const [name, v] of [['mixed', view], ['flagship', flagship], ...real] as const) {
      for (const zone of ['both', 'JST'] as const) {
        for (const width of [360, 800]) {
          const where = `${name}, ${zone}, ${width} px`;
          const drawn = await layoutOf(renderSvg(v, { zone, width }));
          assert.equal(drawn.width, width);
          const outside = drawn.boxes.filter((b) => b.left < 0 || b.right > width - 8 || b.top < 0 || b.bottom > drawn.height).map((b) => `${b.text}: ${b.left.toFixed(0)}..${b.right.toFixed(0)}`);
          assert.deepEqual(outside, [], `${where}: text past the edges`);
          assert.deepEqual(overlaps(drawn.boxes), [], `${where}: overlapping text`);
          // Whole texts: the lines put back together are the event's text (CJK lines break without a space).
          const squeeze = (text: string) => text.replace(/\s+/g, '');
          assert.deepEqual(drawn.events.map((e) => squeeze(e.lines.join(''))), v.events.map((e) => squeeze(e.text)), where);
          // No empty acres: the picture ends with its last text, and no stretch between two texts is
          // taller than the longest proportional space (2 h at 0.6 px a minute) and an event's padding.
          const sorted = [...drawn.boxes].sort((a, b) => a.top - b.top);
          assert.ok(drawn.height - Math.max(...sorted.map((b) => b.bottom)) < 24, `${where}: ${drawn.height} tall`);
          let reach = sorted[0].bottom;
          for (const b of sorted) {
            assert.ok(b.top - reach <= 72 + 24, `${where}: ${b.top - reach} px empty above ${b.text}`);
            reach = Math.max(reach, b.bottom);
          }
        }
      }
    }
  });

  it('the page gives the reason instead of a negative figure', async () => {
    const p = await openPreviewPage(browser, server);
    await p.render(modelOf('id: B\ntitle: Backwards\nstatus: resolved\nstart: 2024-03-01T10:10Z\nend: 2024-03-01T00:00Z\ntimeline:\n  - at: 2024-03-01T10:40Z\n    kind: resolved\n    event: fixed\n'));
    assert.deepEqual(await p.page.$$eval('.figure', (elements) => elements.map((e) => [e.querySelector('.label')?.textContent, e.querySelector('.value')?.textContent, e.querySelector('.value')?.className])), [
      ['Duration', 'end is before start', 'value withheld'],
      ['Time to resolve', '30m', 'value'],
    ]);
    assert.deepEqual(p.problems(), []);
    await p.page.close();
  });
});
