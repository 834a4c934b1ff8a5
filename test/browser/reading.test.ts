/**
 * The reading layout (issue 12) in real Chromium with the production CSP: every event's whole
 * text on the page, the window in words, compressed gaps with their length, day headings, the
 * legend of the kinds present, and a 360 px panel where nothing overflows. On the flagship, a
 * 40-update burst, a three-day incident with long gaps and 2,000 events.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { TimelineEventJson, TimelineModel } from '../../common/protocol';
import { ARTIFACTS, exampleText, modelOf, usePreviewPages, type PreviewPageHandle, type Theme } from './harness';

const MINUTE = 60_000;
const T0 = Date.parse('2024-08-14T22:55:00Z');
const KINDS = ['detected', 'update', 'mitigated', 'resolved', 'cause', 'report', 'note'];

/** A model built directly: events at the given minutes from T0, with the given texts. */
function modelAt(minutes: readonly number[], text: (i: number) => string, kinds: (i: number) => string | undefined = (i) => KINDS[i % KINDS.length], uri = 'file:///work/r.incident.yaml'): TimelineModel {
  const events: TimelineEventJson[] = minutes.map((m, i) => {
    const line = 10 + i * 3;
    return {
      index: i,
      range: { start: { line, character: 2 }, end: { line: line + 2, character: 20 } },
      at: { utc: new Date(T0 + m * MINUTE).toISOString(), text: '', range: { start: { line, character: 6 }, end: { line, character: 26 } } },
      kind: kinds(i),
      text: text(i),
    };
  });
  const whole = { start: { line: 0, character: 0 }, end: { line: 10 + minutes.length * 3, character: 0 } };
  const last = Math.max(...minutes);
  return {
    uri, version: 1,
    incident: { id: 'R-1', title: 'Reading', status: 'resolved', start: { utc: new Date(T0).toISOString(), text: '', range: whole }, end: { utc: new Date(T0 + last * MINUTE).toISOString(), text: '', range: whole }, range: whole },
    events, problems: { errors: 0, warnings: 0 },
  };
}

const COMPONENTS = ['Git Operations', 'API Requests', 'Webhooks', 'Issues', 'Pull Requests', 'Actions', 'Packages', 'Pages', 'Codespaces', 'Copilot'];

/** GitHub 2024-08-14 style: 40 updates in 90 minutes, one per component, one of them long. */
function burst(): TimelineModel {
  const minutes = Array.from({ length: 40 }, (_, i) => Math.round((i * 90) / 39));
  return modelAt(minutes, (i) => (i === 20
    ? `${COMPONENTS[i % 10]} is experiencing degraded performance. ${'We are continuing to investigate elevated error rates and latency across several services and will post an update as soon as we know more. '.repeat(3).trim()}`
    : `${COMPONENTS[i % 10]} is ${i < 30 ? 'experiencing degraded availability. We are investigating.' : 'operating normally.'}`), (i) => (i === 0 ? 'detected' : i === 39 ? 'resolved' : 'update'));
}

/** KDDI 2022 style: three days, gaps of hours between bursts. */
function threeDays(): TimelineModel {
  const minutes = [0, 20, 45, 50, 400, 410, 1500, 1530, 1545, 2900, 3060, 3070];
  return modelAt(minutes, (i) => `Day update ${i}: voice and data recovery ${i < 6 ? 'in progress' : 'continues'} in the western region.`);
}

describe('preview page: the reading layout', function () {
  const pages = usePreviewPages();

  async function open(model: TimelineModel, viewport = { width: 1000, height: 700 }, theme: Theme = 'light'): Promise<PreviewPageHandle> {
    const p = await pages.open(theme, viewport);
    await p.render(model);
    return p;
  }

  /** Scrolls the whole viewport through, collecting each event's visible text by index. */
  async function visibleTexts(handle: PreviewPageHandle): Promise<Map<number, string>> {
    const seen = new Map<number, string>();
    for (let step = 0; ; step++) {
      const { texts, done } = await handle.page.evaluate(async (n) => {
        const vp = document.querySelector<HTMLElement>('.viewport')!;
        if (n > 0) {
          vp.scrollTop += vp.clientHeight * 0.8;
          await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        }
        const v = vp.getBoundingClientRect();
        // Only what is on screen counts: inside the viewport, not clipped by its own box.
        const texts = [...document.querySelectorAll<HTMLElement>('.event')].filter((e) => {
          const r = e.getBoundingClientRect();
          return r.bottom > v.top && r.top < v.bottom;
        }).map((e) => {
          const text = e.querySelector<HTMLElement>('.text')!;
          return [Number(e.dataset.index), text.scrollHeight <= text.clientHeight + 1 && text.scrollWidth <= text.clientWidth + 1 ? text.innerText : '(clipped)'] as const;
        });
        return { texts, done: vp.scrollTop + vp.clientHeight >= vp.scrollHeight - 1 };
      }, step);
      for (const [index, text] of texts) seen.set(index, text);
      if (done) return seen;
      assert.ok(step < 10_000, 'scrolling ends');
    }
  }

  function assertWholeTexts(seen: Map<number, string>, model: TimelineModel): void {
    assert.equal(seen.size, model.events.length, 'every event was on screen once');
    for (const event of model.events) assert.equal(seen.get(event.index), event.text, `event ${event.index}`);
  }

  /** Elements whose box reaches past the page's right edge or whose content is wider than their box and cut (no scrollbar). */
  const horizontalOverflow = (handle: PreviewPageHandle) => handle.page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll<HTMLElement>('#app *')].filter((e) => {
      if (e.closest('.sr-only') || e.getClientRects().length === 0) return false;
      // Inside a box that scrolls sideways (the legend) reaching past it is not clipping.
      for (let a = e.parentElement; a; a = a.parentElement) if (['auto', 'scroll'].includes(getComputedStyle(a).overflowX)) return false;
      const r = e.getBoundingClientRect();
      const style = getComputedStyle(e);
      const cuts = style.overflowX === 'hidden' || style.overflowX === 'clip';
      return r.right > width + 0.5 || r.left < -0.5 || (cuts && e.scrollWidth > e.clientWidth + 1);
    }).map((e) => `${e.tagName.toLowerCase()}.${e.className} ${e.textContent?.slice(0, 30)}`);
  });

  it('the flagship: window in words, every text whole, the gap compressed, one day heading, fits 900 px', async () => {
    const model = modelOf(exampleText());
    const handle = await open(model, { width: 1000, height: 900 });
    const page = handle.page;
    assert.equal(await page.locator('header .window').innerText(), '2019-11-19 10:40–20:50 JST, 10h 10m');
    assertWholeTexts(await visibleTexts(handle), model);
    assert.deepEqual(await page.$$eval('.item', (items) => items.map((e) => (e.classList.contains('event')
      ? [...e.querySelectorAll('.when span')].map((s) => s.textContent).join(' ')
      : `${e.className}: ${e.textContent}`))), [
      'item day: 2019-11-19',
      '10:40 JST +0s detected',
      'item gap: … 10h 10m …',
      '20:50 JST +10h 10m resolved',
    ]);
    assert.deepEqual(await page.$$eval('.legend button', (spans) => spans.map((s) => s.textContent)), ['detected', 'resolved']);
    // The whole page, header and timeline unscrolled, in one 900 px viewport.
    const height = await page.evaluate(() => {
      const app = document.getElementById('app')!;
      const vp = document.querySelector<HTMLElement>('.viewport')!;
      return [...app.children].reduce((sum, e) => sum + (e === vp ? vp.scrollHeight : (e as HTMLElement).scrollHeight), 0);
    });
    assert.ok(height <= 900, `page height ${height}`);
    // Both events are on screen: no overview strip, which would only frame all of them.
    assert.equal(await page.locator('.overview').isHidden(), true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'reading-flagship.png') });

    await page.getByRole('button', { name: 'Both', exact: true }).click();
    assert.deepEqual(await page.$$eval('header .window > span', (spans) => spans.map((s) => s.textContent)), ['2019-11-19 10:40–20:50 JST, 10h 10m', '2019-11-19 01:40–11:50 UTC']);
    assert.equal(await page.locator('.event[data-index="1"] .time').textContent(), '20:50 JST · 11:50 UTC');
    await page.getByRole('button', { name: 'UTC', exact: true }).click();
    assert.equal(await page.locator('header .window').innerText(), '2019-11-19 01:40–11:50 UTC, 10h 10m');
  });

  it('a 40-update burst at 360 px: every text whole, times uncut, nothing overflows, toolbar in two rows', async () => {
    const model = burst();
    const handle = await open(model, { width: 360, height: 640 });
    const page = handle.page;
    await page.screenshot({ path: path.join(ARTIFACTS, 'reading-burst-360.png') });
    assert.deepEqual(await horizontalOverflow(handle), []);
    const rows = await page.$$eval('.toolbar > *', (elements) => new Set(elements.flatMap((e) => [...e.querySelectorAll('button, span')].concat(e))
      .filter((e) => e.getClientRects().length).map((e) => Math.round(e.getBoundingClientRect().top / 12))).size);
    assert.ok(rows <= 2, `toolbar rows: ${rows}`);
    assert.deepEqual(await page.$$eval('.legend button', (spans) => spans.map((s) => s.textContent)), ['detected', 'update', 'resolved']);
    // The long text (≥ 300 characters) is cut with a button; everything else is whole.
    const long = model.events[20];
    assert.ok(long.text!.length >= 300);
    const seen = await visibleTexts(handle);
    assert.equal(seen.get(20), `${long.text!.slice(0, 240)}…`);
    seen.set(20, long.text!);
    assertWholeTexts(seen, model);
    const times = await page.$$eval('.event .time', (spans) => spans.map((s) => [s.textContent, s.scrollWidth <= s.clientWidth + 1]));
    assert.ok(times.length > 0 && times.every(([text, whole]) => /^\d\d:\d\d JST$/.test(String(text)) && whole), JSON.stringify(times));
    await page.locator('.viewport').evaluate((v) => { v.scrollTop = 0; });
    await handle.send({ type: 'highlight', index: 20 });
    const item = page.locator('.event[data-index="20"]');
    await item.getByRole('button', { name: 'Show the whole text' }).click();
    assert.equal(await item.locator('.text').innerText(), long.text);
    assert.equal(await item.getByRole('button').count(), 0);
    assert.deepEqual((await handle.posted()).filter((m) => m.type === 'reveal'), [], 'expanding is not a click on the event');
    assert.deepEqual(await horizontalOverflow(handle), []);
  });

  it('the flagship at 360 px: the facts fold away, the window and both texts stay, nothing overflows', async () => {
    const model = modelOf(exampleText());
    const handle = await open(model, { width: 360, height: 640 });
    const page = handle.page;
    assert.equal(await page.locator('header details.facts').evaluate((d) => (d as HTMLDetailsElement).open), false);
    assert.equal(await page.locator('header .window').innerText(), '2019-11-19 10:40–20:50 JST, 10h 10m');
    assertWholeTexts(await visibleTexts(handle), model);
    assert.deepEqual(await horizontalOverflow(handle), []);
    await page.screenshot({ path: path.join(ARTIFACTS, 'reading-flagship-360.png') });
    await page.getByText('Details', { exact: true }).click();
    assert.equal(await page.locator('header dd').first().isVisible(), true);
    assert.deepEqual(await horizontalOverflow(handle), []);
    // The reader's unfold survives the next render (each keystroke re-renders the header).
    await handle.render({ ...model, version: 2 });
    assert.equal(await page.locator('header dd').first().isVisible(), true);
  });

  it('three days with long gaps: a heading per day, gaps compressed with their length, short gaps proportional', async () => {
    const model = threeDays();
    const handle = await open(model, { width: 800, height: 2000 });
    const page = handle.page;
    await page.screenshot({ path: path.join(ARTIFACTS, 'reading-three-days.png') });
    const items = await page.$$eval('.item', (elements) => elements.map((e) => (e.classList.contains('event') ? `event ${(e as HTMLElement).dataset.index}` : (e as HTMLElement).innerText)));
    assert.deepEqual(items, [
      '2024-08-15', 'event 0', 'event 1', 'event 2', 'event 3', '… 5h 50m …', 'event 4', 'event 5',
      '… 18h 10m …', '2024-08-16', 'event 6', 'event 7', 'event 8',
      '… 22h 35m …', '2024-08-17', 'event 9', '… 2h 40m …', 'event 10', 'event 11',
    ]);
    // Short gaps are drawn to scale: 0.6 px a minute between one event's box and the next.
    const boxes = await page.$$eval('.event', (elements) => elements.map((e) => {
      const r = e.getBoundingClientRect();
      return { index: Number((e as HTMLElement).dataset.index), top: r.top + parseFloat(getComputedStyle(e).borderTopWidth), bottom: r.bottom };
    }));
    const box = (i: number) => boxes.find((b) => b.index === i)!;
    for (const [a, b, minutes] of [[0, 1, 20], [1, 2, 25], [2, 3, 5], [4, 5, 10], [6, 7, 30], [10, 11, 10]]) {
      assert.ok(Math.abs(box(b).top - box(a).bottom - minutes * 0.6) < 0.6, `${a}→${b}: ${box(b).top - box(a).bottom}`);
    }
    // Zooming in draws longer gaps to scale; the 2h 40m gap is no longer compressed.
    await page.getByRole('button', { name: 'Zoom in' }).click();
    assert.equal(await page.locator('.item.gap').count(), 3);
    // The window spans days: the end's date is written.
    assert.equal(await page.locator('header .window').innerText(), '2024-08-15 07:55–2024-08-17 11:05 JST, 2d 3h 10m');
  });

  it('finds its way: a day list that jumps, the legend filters kinds, a search, arrow keys over what is shown', async () => {
    const model = threeDays();
    const handle = await open(model, { width: 700, height: 400 });
    const page = handle.page;
    const shownIndexes = () => page.$$eval('.event', (elements) => elements.map((e) => Number((e as HTMLElement).dataset.index)));
    const days = page.getByRole('combobox', { name: 'Jump to a day' });
    assert.deepEqual(await days.locator('option').allTextContents(), ['2024-08-15', '2024-08-16', '2024-08-17']);
    await days.selectOption('2024-08-16');
    const heading = await page.locator('.item.day', { hasText: '2024-08-16' }).evaluate((e) => e.getBoundingClientRect().top - document.querySelector('.viewport')!.getBoundingClientRect().top);
    assert.ok(Math.abs(heading) < 1, `the day's heading at the top of the viewport: ${heading}`);

    await page.locator('.viewport').evaluate((v) => { v.scrollTop = 0; });
    await page.getByRole('button', { name: 'note' }).click();
    assert.equal(await page.getByRole('button', { name: 'note' }).getAttribute('aria-pressed'), 'false');
    assert.equal(await page.locator('.count').textContent(), '11 of 12 events');
    await page.locator('.viewport').evaluate((v) => { v.scrollTop = v.scrollHeight; });
    await page.waitForFunction(() => document.querySelector('.event[data-index="11"]') !== null);
    await page.locator('.viewport').evaluate((v) => { v.scrollTop = 0; });
    await page.getByRole('button', { name: 'note' }).click();
    assert.equal(await page.locator('.count').textContent(), '12 events');

    await page.getByRole('searchbox', { name: 'Search events' }).fill('UPDATE 1');
    assert.deepEqual(await shownIndexes(), [1, 10, 11]);
    assert.equal(await page.locator('.count').textContent(), '3 of 12 events');
    // Gaps are measured between the events shown.
    assert.deepEqual(await page.$$eval('.item:not(.event)', (items) => items.map((e) => e.textContent)), ['2024-08-15', '… 2d 2h 40m …', '2024-08-17']);
    await page.locator('.event[data-index="1"]').click();
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.locator('[aria-selected="true"]').getAttribute('data-index'), '10');
    await page.keyboard.press('End');
    assert.equal(await page.locator('[aria-selected="true"]').getAttribute('data-index'), '11');
    await page.getByRole('searchbox', { name: 'Search events' }).fill('no such words');
    assert.equal(await page.locator('.canvas .empty').textContent(), 'No event matches the filters.');
    assert.equal(await page.locator('.canvas .empty').isVisible(), true);
  });

  it('the legend keeps every kind in view: names while they fit beside the search, shapes only when they do not', async () => {
    const model = modelAt(KINDS.map((_, i) => i * 10), (i) => `event ${i}`);
    const handle = await open(model, { width: 620, height: 600 });
    const page = handle.page;
    const legend = () => page.locator('.legend').evaluate((e) => ({
      overflow: e.scrollWidth - e.clientWidth,
      names: [...e.querySelectorAll('.name')].filter((n) => (n as HTMLElement).offsetWidth > 0).length,
      labels: [...e.querySelectorAll('button')].map((b) => b.getAttribute('aria-label')),
    }));
    assert.deepEqual(await legend(), { overflow: 0, names: 0, labels: ['detected', 'update', 'mitigated', 'resolved', 'cause', 'report', 'note'] });
    await page.setViewportSize({ width: 1400, height: 600 });
    await page.waitForFunction(() => !document.querySelector('.legend')!.classList.contains('shapes-only'));
    assert.deepEqual((await legend()).names, 7);
    // At 360 px, beside the search, the day list and the count: four kinds over three days.
    const fourKinds = ['detected', 'update', 'mitigated', 'resolved'];
    const days = await open(modelAt([0, 20, 1500, 1530, 2900, 3070], (i) => `event ${i}`, (i) => fourKinds[Math.min(i, 3)]), { width: 360, height: 600 });
    assert.equal(await days.page.locator('.days').isVisible(), true);
    assert.deepEqual(await days.page.locator('.legend').evaluate((e) => [e.scrollWidth - e.clientWidth, e.querySelectorAll('button').length]), [0, 4]);
    // The window wraps, but its duration stays whole on one line.
    assert.equal(await days.page.locator('header .window .primary').textContent(), '2024-08-15 07:55–2024-08-17 11:05 JST, 2d 3h 10m');
    assert.equal(await days.page.locator('header .window .duration').evaluate((e) => e.getClientRects().length), 1);
  });

  it('the overview strip appears once the events run past the screen, its density marks drawn over the frame of what is on screen', async () => {
    const model = threeDays();
    const handle = await open(model, { width: 700, height: 2000 });
    const page = handle.page;
    assert.equal(await page.locator('.overview').isHidden(), true, 'everything fits');
    await page.setViewportSize({ width: 700, height: 400 });
    await page.locator('.overview canvas').waitFor({ state: 'visible' });
    // The first event (0.04 / 1.08 of the way along) sits on the frame's left edge: its bar, in the
    // theme's foreground (#3b3b3b), is drawn over the frame's stroke (#005fb8).
    const pixel = await page.locator('.overview canvas').evaluate((c) => {
      const canvas = c as HTMLCanvasElement;
      const bar = Math.floor((canvas.width * (0.04 / 1.08)) / 3) * 3;
      return [...canvas.getContext('2d')!.getImageData(bar + 1, canvas.height - 5, 1, 1).data];
    });
    assert.deepEqual(pixel, [0x3b, 0x3b, 0x3b, 255]);
    await page.setViewportSize({ width: 700, height: 2000 });
    await page.locator('.overview').waitFor({ state: 'hidden' });
  });

  it('the overview strip: the whole incident in one line, a click jumps to the event nearest that time', async () => {
    const model = threeDays();
    const handle = await open(model, { width: 700, height: 400 });
    const page = handle.page;
    const strip = page.locator('.overview canvas');
    const box = (await strip.boundingBox())!;
    assert.equal(Math.round(box.height), 24);
    // Columns with ink: the bursts of each day, nothing at the far edges beyond the padding.
    const inked = await strip.evaluate((c) => {
      const canvas = c as HTMLCanvasElement;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      return canvas.width > 0 && data.some((_, i) => i % 4 === 3 && data[i] > 0);
    });
    assert.ok(inked, 'drawn');
    // The domain runs from T0 - 4% to the end + 4% (3070 minutes): event 9 (2900 min) sits at 0.914 of the width.
    await strip.click({ position: { x: box.width * ((2900 + 0.04 * 3070) / (3070 * 1.08)), y: 12 } });
    assert.equal(await page.locator('[aria-selected="true"]').getAttribute('data-index'), '9');
    const inView = await page.locator('.event[data-index="9"]').evaluate((e) => {
      const r = e.getBoundingClientRect();
      const v = document.querySelector('.viewport')!.getBoundingClientRect();
      return r.top >= v.top && r.bottom <= v.bottom;
    });
    assert.ok(inView);
    assert.deepEqual((await handle.posted()).filter((m) => m.type === 'reveal'), [], 'a jump does not move the editor');
  });

  it('2,000 events: every text whole while scrolling through, a small DOM, zoom keeps the selection in view', async () => {
    const minutes = Array.from({ length: 2000 }, (_, i) => Math.floor(i * 2.2));
    const model = modelAt(minutes, (i) => `update ${i}: ${COMPONENTS[i % 10]} ${'recovering '.repeat(i % 7)}`.trim());
    const handle = await open(model, { width: 900, height: 700 });
    const page = handle.page;
    const inDom = () => page.evaluate(() => ({ events: document.querySelectorAll('.event').length, all: document.querySelectorAll('*').length }));
    const first = await inDom();
    assert.ok(first.events > 5 && first.events < 100 && first.all < 1500, JSON.stringify(first));
    assertWholeTexts(await visibleTexts(handle), model);
    assert.ok((await inDom()).events < 100);
    await handle.send({ type: 'highlight', index: 1234 });
    for (const name of ['Zoom in', 'Zoom in', 'Zoom out', 'Fit all']) {
      await page.getByRole('button', { name, exact: true }).click();
      const inView = await page.locator('.event[data-index="1234"]').evaluate((e) => {
        const r = e.getBoundingClientRect();
        const v = document.querySelector('.viewport')!.getBoundingClientRect();
        return r.top >= v.top && r.bottom <= v.bottom;
      });
      assert.ok(inView, `after ${name}`);
    }
  });

  it('hovering an event highlights it and asks the host to mark its source lines', async () => {
    const handle = await open(modelOf(exampleText()), { width: 800, height: 600 }, 'dark');
    const background = () => handle.page.locator('.event[data-index="1"]').evaluate((e) => getComputedStyle(e).backgroundColor);
    const before = await background();
    await handle.page.locator('.event[data-index="1"] .text').hover();
    assert.notEqual(await background(), before);
    // The host is asked to mark the source lines, once per event entered, and to clear them after.
    await handle.page.locator('.event[data-index="1"] .time').hover();
    await handle.page.locator('.event[data-index="0"] .text').hover();
    await handle.page.locator('header h1').hover();
    assert.deepEqual((await handle.posted()).filter((m) => m.type === 'hover'), [
      { type: 'hover', index: 1 }, { type: 'hover', index: 0 }, { type: 'hover', index: null },
    ]);
  });
});
