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
      const inline = /<svg[\s\S]*<\/svg>/.exec(renderExport(model, 'html', 'JST'))?.[0] ?? '';
      for (const [name, xml] of [['svg', svg], ['html', inline]] as const) {
        const error = await xmlError(xml);
        if (error) failures.push(`U+${hex(c)} in ${name}: ${error.slice(0, 80)}`);
        if (!xml.includes(`event ⟨U+${hex(c)}⟩ text`)) failures.push(`U+${hex(c)} in ${name}: not shown by name`);
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

  /** Each event label's extent as Chromium lays the SVG out, and the picture's width. */
  async function labelBoxes(svg: string) {
    await blank.setContent(`<!DOCTYPE html><html><body style="margin:0">${svg}</body></html>`);
    return blank.evaluate(() => {
      const root = document.querySelector('svg')!;
      const boxes = [...root.querySelectorAll('g.event')].map((g) => {
        const rects = [...g.querySelectorAll('text')].map((t) => t.getBBox());
        return {
          index: Number(g.getAttribute('data-index')),
          left: Math.min(...rects.map((r) => r.x)), right: Math.max(...rects.map((r) => r.x + r.width)),
          top: Math.min(...rects.map((r) => r.y)), bottom: Math.max(...rects.map((r) => r.y + r.height)),
        };
      });
      return { width: root.width.baseVal.value, boxes };
    });
  }

  function overlaps(boxes: readonly { index: number; left: number; right: number; top: number; bottom: number }[]): string[] {
    const found: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) found.push(`${a.index}/${b.index}`);
      }
    }
    return found;
  }

  it('labels stay inside the picture, near the right edge too, and never overlap, as Chromium measures them', async () => {
    const at = (minutes: number) => new Date(Date.parse('2024-03-01T00:00Z') + minutes * 60_000).toISOString().replace(':00.000Z', 'Z');
    const long = 'データベースの接続数が上限に達し、決済 API の応答が遅延しました。再起動で回復';
    // Two days (dates in every label), both zones, a cluster a minute apart at each end, and an
    // event (700) just past where a fixed-width lane would end.
    const minutes = [0, 1, 2, 3, 4, 5, 700, 1500, 2870, 2871, 2872, 2873, 2874, 2875];
    const text = `id: W\ntitle: Wide\nstatus: resolved\nstart: ${at(0)}\nend: ${at(2875)}\ntimeline:\n${
      minutes.map((m, i) => `  - at: ${at(m)}\n    kind: update\n    event: "${i % 2 ? long : `Long English label number ${i} for the status page update`}"`).join('\n')}\n`;
    for (const zone of ['both', 'JST'] as const) {
      for (const width of [undefined, 800]) {
        const { width: drawn, boxes } = await labelBoxes(renderSvg(buildTimelineView(modelOf(text)), { zone, width }));
        assert.equal(boxes.length, minutes.length);
        const outside = boxes.filter((b) => b.left < 0 || b.right > drawn).map((b) => `${b.index}: ${b.left.toFixed(0)}..${b.right.toFixed(0)} of ${drawn}`);
        assert.deepEqual(outside, [], `${zone}, width ${width}: labels cut by the edge`);
        assert.deepEqual(overlaps(boxes), [], `${zone}, width ${width}: overlapping labels`);
      }
    }
    const html = /<svg[\s\S]*<\/svg>/.exec(renderExport(modelOf(text), 'html', 'both'))?.[0] ?? '';
    const inHtml = await labelBoxes(html);
    assert.deepEqual(inHtml.boxes.filter((b) => b.left < 0 || b.right > inHtml.width).map((b) => b.index), [], 'the HTML export\'s timeline too');
    assert.deepEqual(overlaps(inHtml.boxes), []);
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
