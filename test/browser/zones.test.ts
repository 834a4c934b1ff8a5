/**
 * Times as sources write them, in the preview (Chromium, production CSP): the zone switch offers
 * the file's own zone by its abbreviation ("PT") and prints each time with the abbreviation of
 * its date; approximate times read "~01:35" ("01:35頃" in Japanese); a date without a clock
 * sits under its day heading, says "time not given", and the figures that rest on it say why.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { WebviewMessage } from '../../client/src/previewMessages';
import { approximate, dated, pacific } from '../preview/zoneModels';
import { ARTIFACTS, japaneseLabels, type PreviewPageHandle, usePreviewPages } from './harness';

/** What the page shows, top to bottom: day headings, gaps, and each event's time line. */
async function readingLines(p: PreviewPageHandle): Promise<string[]> {
  return p.page.$$eval('.canvas .item', (items) => [...items]
    .sort((a, b) => parseFloat((a as HTMLElement).style.top) - parseFloat((b as HTMLElement).style.top))
    .map((item) => (item.classList.contains('event') ? (item.querySelector('.when') as HTMLElement).innerText.replace(/\s+/g, ' ').trim() : (item as HTMLElement).innerText.trim())));
}

const zoneButtons = (p: PreviewPageHandle) => p.page.$$eval('[data-zone]', (buttons) => buttons.map((b) => `${b.textContent}${b.getAttribute('aria-pressed') === 'true' ? '*' : ''}`));
const windowLine = (p: PreviewPageHandle) => p.page.locator('header .window').innerText();

describe('preview page: times as sources write them', function () {
  const pages = usePreviewPages();

  it("offers the file's own zone by its abbreviation and prints each time with that date's abbreviation", async () => {
    const p = await pages.open();
    await p.render(pacific);
    assert.deepEqual(await zoneButtons(p), ['PT', 'JST*', 'UTC', 'Both']);
    assert.equal(await p.page.locator('[data-zone="file"]').getAttribute('title'), 'America/Los_Angeles');
    assert.deepEqual(await readingLines(p), ['2022-11-06', '16:30 JST +0s detected', '… 10h 40m …', '2022-11-07', '03:10 JST +10h 40m resolved']);

    await p.page.click('[data-zone="file"]');
    assert.deepEqual(await zoneButtons(p), ['PT*', 'JST', 'UTC', 'Both']);
    // The fall-back happened in between: PDT before it, PST after, and the window says both.
    assert.deepEqual(await readingLines(p), ['2022-11-06', '00:30 PDT +0s detected', '… 10h 40m …', '10:10 PST +10h 40m resolved']);
    assert.equal(await windowLine(p), '2022-11-06 00:30 PDT – 2022-11-06 10:10 PST, 10h 40m');
    await p.page.screenshot({ path: path.join(ARTIFACTS, 'preview-file-zone.png') });
    assert.equal(await p.page.locator('.event[data-index="1"]').getAttribute('aria-label'), '2022-11-06 10:10 PST, +10h 40m, resolved: Recovered');
    const states = (await p.posted()).filter((m): m is Extract<WebviewMessage, { type: 'state' }> => m.type === 'state');
    assert.equal(states[states.length - 1].state.zone, 'file', 'the host exports in the file zone too');

    // A file without a zone of its own: no PT button, and the choice reads as the setting's zone.
    await p.render({ ...approximate, uri: pacific.uri });
    assert.deepEqual(await zoneButtons(p), ['JST*', 'UTC', 'Both']);
    assert.equal(await windowLine(p), '2022-07-02 ~01:35–11:35 JST, about 10h');
    // And back: the file zone is still the choice.
    await p.render(pacific);
    assert.deepEqual(await zoneButtons(p), ['PT*', 'JST', 'UTC', 'Both']);
  });

  it('a zone setting that changes before the first model presses its button at once', async () => {
    const p = await pages.open();
    await p.send({ type: 'defaultZone', zone: 'UTC' });
    assert.deepEqual(await zoneButtons(p), ['JST', 'UTC*', 'Both']);
  });

  it('at 360 px the file-zone button keeps the toolbar in two rows, and PDT/PST times are not cut', async () => {
    const p = await pages.open('light', { width: 360, height: 640 });
    await p.render(pacific);
    await p.page.click('[data-zone="file"]');
    await p.page.screenshot({ path: path.join(ARTIFACTS, 'preview-file-zone-360.png') });
    const rows = await p.page.$$eval('.toolbar button, .toolbar input, .toolbar select', (elements) => new Set(elements
      .filter((e) => e.getClientRects().length).map((e) => Math.round(e.getBoundingClientRect().top / 12))).size);
    assert.ok(rows <= 2, `toolbar rows: ${rows}`);
    const toolbar = await p.page.locator('.toolbar').evaluate((e) => [e.scrollWidth, e.clientWidth]);
    assert.ok(toolbar[0] <= toolbar[1], `toolbar overflows: ${toolbar.join(' > ')}`);
    const times = await p.page.$$eval('.event .time', (spans) => spans.map((s) => [s.textContent, s.scrollWidth <= s.clientWidth + 1]));
    assert.deepEqual(times, [['00:30 PDT', true], ['10:10 PST', true]]);
  });

  it('writes approximate times "~01:35" and the figures that rest on them "about"', async () => {
    const p = await pages.open();
    await p.render(approximate);
    assert.deepEqual(await readingLines(p), ['2022-07-02', '~01:35 JST ~+0s detected', '… 10h …', '11:35 JST ~+10h resolved']);
    assert.deepEqual(await p.page.$$eval('header .figure', (figures) => figures.map((f) => (f as HTMLElement).innerText.replace(/\s+/g, ' '))), ['Duration about 10h', 'Time to detect about 0s', 'Time to resolve about 10h']);
    await p.page.click('[data-zone="both"]');
    assert.equal(await p.page.locator('.event[data-index="0"] .time').innerText(), '~01:35 JST · ~16:35 UTC');
  });

  it('puts a date without a clock first under its day heading, says the time was not given, and why figures are left out', async () => {
    const p = await pages.open();
    await p.render(dated);
    assert.deepEqual(await readingLines(p), [
      '2022-01-16', '2022-01-16 JST time not given no kind', '05:00 JST detected', '… 14h …', '19:00 JST mitigated',
      // The gap is measured between timed events: the date alone of the 21st falls inside it.
      '2022-01-21', '2022-01-21 UTC time not given report', '… 4d 18h …', '13:00 JST resolved',
    ]);
    assert.equal(await windowLine(p), '2022-01-16 JST – 2022-01-21 13:00 JST, about 5d');
    await p.page.screenshot({ path: path.join(ARTIFACTS, 'preview-dates-alone.png') });
    assert.deepEqual(await p.page.$$eval('header .figure .value', (values) => values.map((v) => `${v.textContent}${v.classList.contains('withheld') ? ' (withheld)' : ''}`)),
      ['about 5d', 'a date without a time leaves it open (withheld)', 'a date without a time leaves it open (withheld)', 'about 5d']);
    assert.equal(await p.page.locator('.event[data-index="1"]').getAttribute('aria-label'), '2022-01-16 JST (time not given), no kind: Access by the third party begins');
    // In UTC the timed events move to the day before while the date stays.
    await p.page.click('[data-zone="UTC"]');
    const utc = await readingLines(p);
    assert.deepEqual(utc.slice(0, 4), ['2022-01-15', '20:00 UTC detected', '2022-01-16', '2022-01-16 JST time not given no kind']);
  });
});

describe('preview page: approximate times in Japanese', function () {
  const pages = usePreviewPages({ labels: japaneseLabels });

  it('writes "01:35頃" and "約10h", and "時刻の記載なし" beside a date alone', async () => {
    const p = await pages.open();
    await p.render(approximate);
    assert.equal(await p.page.locator('.event[data-index="0"] .time').innerText(), '01:35頃 JST');
    assert.equal(await windowLine(p), '2022-07-02 01:35頃–11:35 JST, 約10h');
    await p.render(dated);
    assert.equal(await p.page.locator('.event[data-index="1"] .no-clock').innerText(), '時刻の記載なし');
    await p.page.screenshot({ path: path.join(ARTIFACTS, 'preview-dates-alone-ja.png') });
  });
});

describe("preview page: the zone setting 'file'", function () {
  const pages = usePreviewPages({ defaultZone: 'file' });

  it("a setting of 'file' starts each panel in the file's own zone, and in JST for a file without one", async () => {
    const p = await pages.open();
    await p.render(pacific);
    assert.deepEqual(await zoneButtons(p), ['PT*', 'JST', 'UTC', 'Both']);
    assert.equal(await windowLine(p), '2022-11-06 00:30 PDT – 2022-11-06 10:10 PST, 10h 40m');
    await p.render({ ...approximate, uri: pacific.uri });
    assert.deepEqual(await zoneButtons(p), ['JST*', 'UTC', 'Both']);
    assert.equal(await windowLine(p), '2022-07-02 ~01:35–11:35 JST, about 10h');
    // The setting changed to UTC: a panel that never chose follows it.
    await p.send({ type: 'defaultZone', zone: 'UTC' });
    assert.deepEqual(await zoneButtons(p), ['JST', 'UTC*', 'Both']);
  });
});
