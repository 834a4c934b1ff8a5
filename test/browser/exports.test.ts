/**
 * The exports and the page's incident text as Chromium reads them: the SVG through its real XML
 * parser (image/svg+xml), hidden characters shown by name on the page.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { renderExport } from '../../common/render/index';
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
