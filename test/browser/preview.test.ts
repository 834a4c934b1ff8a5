/**
 * The preview page in real headless Chromium: the production HTML and CSP, the built bundle,
 * messages posted as the host posts them. Without /usr/bin/chromium these tests skip, except
 * under CI=true where that is a failure.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TimelineEventJson, TimelineModel } from '../../common/protocol';
import type { PreviewState } from '../../client/src/previewMessages';
import { ARTIFACTS, exampleText, modelOf, usePreviewPages, type PreviewPageHandle, type Theme } from './harness';

const MINUTE = 60_000;
const T0 = Date.parse('2024-03-01T00:00:00Z');

/** An incident whose events sit at known minutes from T0 (09:00 JST). */
function timedIncident(minutes: readonly number[], texts: readonly string[] = []): string {
  const iso = (m: number) => new Date(T0 + m * MINUTE).toISOString().replace(':00.000Z', 'Z');
  const events = minutes.map((m, i) => `  - at: ${iso(m)}\n    kind: ${['detected', 'update', 'mitigated', 'resolved', 'note'][i % 5]}\n    event: ${JSON.stringify(texts[i] ?? `event ${i}`)}`);
  return `id: T-1\ntitle: Timed\nstatus: resolved\nstart: ${iso(0)}\nend: ${iso(Math.max(...minutes))}\ntimeline:\n${events.join('\n')}\n`;
}

/** A large model built directly (no YAML): 10,000 events over three days, some sharing a minute. */
function bigModel(count: number, version = 1, textPrefix = 'update'): TimelineModel {
  const kinds = ['detected', 'update', 'mitigated', 'resolved', 'cause', 'report', 'note'];
  const events: TimelineEventJson[] = [];
  for (let i = 0; i < count; i++) {
    const minute = Math.floor((i * 3 * 24 * 60) / count) - (i % 3 === 0 ? 0 : 0);
    const line = 10 + i * 3;
    events.push({
      index: i,
      range: { start: { line, character: 2 }, end: { line: line + 2, character: 20 } },
      at: { utc: new Date(T0 + minute * MINUTE).toISOString(), text: '', range: { start: { line, character: 6 }, end: { line, character: 26 } } },
      kind: kinds[i % kinds.length],
      text: `${textPrefix} ${i}: status page refreshed`,
    });
  }
  const whole = { start: { line: 0, character: 0 }, end: { line: 10 + count * 3, character: 0 } };
  return {
    uri: 'file:///work/big.incident.yaml',
    version,
    incident: { id: 'BIG-1', title: 'Ten thousand events', status: 'resolved', start: { utc: new Date(T0).toISOString(), text: '', range: whole }, end: { utc: new Date(T0 + 3 * 24 * 60 * MINUTE).toISOString(), text: '', range: whole }, range: whole },
    events,
    problems: { errors: 0, warnings: 0 },
  };
}

describe('preview page in Chromium', function () {
  // Every test: no CSP violation, no console error, no dialog, no page error (usePreviewPages checks).
  const pages = usePreviewPages();
  const page = (theme: Theme = 'light', viewport?: { width: number; height: number }): Promise<PreviewPageHandle> => pages.open(theme, viewport);

  it('places every event at a y proportional to its time, in time order', async () => {
    const minutes = [0, 10, 30, 60, 150, 240];
    const p = await page();
    await p.render(modelOf(timedIncident(minutes)));
    const boxes = await p.page.$$eval('.event', (elements) => elements.map((e) => {
      const r = e.getBoundingClientRect();
      return { index: Number((e as HTMLElement).dataset.index), top: r.top + parseFloat(getComputedStyle(e).borderTopWidth), bottom: r.bottom, left: r.left };
    }));
    assert.deepEqual(boxes.map((b) => b.index), [0, 1, 2, 3, 4, 5], 'in time order, top to bottom');
    // No gap is longer than two hours: each is drawn to scale, 0.6 px a minute.
    for (let i = 1; i < minutes.length; i++) {
      const drawn = boxes[i].top - boxes[i - 1].bottom;
      assert.ok(Math.abs(drawn - (minutes[i] - minutes[i - 1]) * 0.6) < 0.6, `gap before ${i}: ${drawn}`);
    }
    // Events in the same minute stay readable: one under the other, none overlapping.
    await p.render(modelOf(timedIncident([0, 5, 5, 5, 20])));
    const same = await p.page.$$eval('.event', (elements) => elements.map((e) => {
      const r = e.getBoundingClientRect();
      return { index: Number((e as HTMLElement).dataset.index), left: r.left, top: r.top, bottom: r.bottom };
    }).filter((b) => [1, 2, 3].includes(b.index)));
    assert.equal(same.length, 3);
    assert.ok(Math.abs(same[0].left - same[2].left) < 0.5);
    assert.ok(same[0].bottom <= same[1].top && same[1].bottom <= same[2].top, 'events do not overlap');
  });

  it('prints times in JST, UTC or both, and keeps the choice in the page state', async () => {
    const p = await page();
    await p.render(modelOf(exampleText()));
    const firstTime = () => p.page.locator('.event[data-index="0"] .time').textContent();
    assert.equal(await firstTime(), '10:40 JST');
    await p.page.getByRole('button', { name: 'UTC', exact: true }).click();
    assert.equal(await firstTime(), '01:40 UTC');
    await p.page.getByRole('button', { name: 'Both', exact: true }).click();
    assert.equal(await firstTime(), '10:40 JST · 01:40 UTC');
    assert.deepEqual(await p.page.$$eval('header .window > span', (spans) => spans.map((s) => s.textContent)), ['2019-11-19 10:40–20:50 JST, 10h 10m', '2019-11-19 01:40–11:50 UTC']);
    const state = await p.page.evaluate(() => (window as unknown as { __state: { zone: string; zoneChosen: boolean } }).__state);
    assert.equal(state.zone, 'both');
    assert.equal(state.zoneChosen, true);
    const posted = await p.posted();
    assert.deepEqual(posted.filter((m) => m.type === 'state').map((m) => m.type === 'state' && m.state.zone), ['UTC', 'both']);
    // A panel whose zone was chosen ignores a new default.
    await p.send({ type: 'defaultZone', zone: 'UTC' });
    assert.equal(await firstTime(), '10:40 JST · 01:40 UTC');
  });

  it('starts another document fitted and at its beginning, keeping the zone', async () => {
    const p = await page();
    await p.render(modelOf(timedIncident(Array.from({ length: 40 }, (_, i) => i * 30))));
    await p.page.getByRole('button', { name: 'UTC', exact: true }).click();
    for (let i = 0; i < 3; i++) await p.page.getByRole('button', { name: 'Zoom in' }).click();
    await p.page.locator('.viewport').evaluate((v) => { v.scrollTop = 500; });
    await p.render(modelOf(exampleText(), 'file:///work/other.incident.yaml'));
    const scrollTop = await p.page.locator('.viewport').evaluate((v) => v.scrollTop);
    const zoom = await p.page.evaluate(() => (window as unknown as { __state: { zoom: number } }).__state.zoom);
    assert.deepEqual({ scrollTop, zoom }, { scrollTop: 0, zoom: 1 });
    assert.equal(await p.page.locator('.event[data-index="0"] .time').textContent(), '01:40 UTC');
  });

  it('follows the zone setting until the user picks one in the panel', async () => {
    const p = await page();
    await p.render(modelOf(exampleText()));
    await p.send({ type: 'defaultZone', zone: 'UTC' });
    assert.equal(await p.page.locator('.event[data-index="0"] .time').textContent(), '01:40 UTC');
    assert.equal(await p.page.getByRole('button', { name: 'UTC', exact: true }).getAttribute('aria-pressed'), 'true');
  });

  it('comes back from a saved state (after a reload) with its zone, mode and selection', async () => {
    const model = modelOf(exampleText());
    const p = await pages.open('light', undefined, {
      uri: model.uri, locked: false, zone: 'both', zoneChosen: true, mode: 'list', zoom: 3, scrollLeft: 0, scrollTop: 0, selected: 1,
    });
    await p.render(model);
    assert.equal(await p.page.locator('.event[data-index="1"]').getAttribute('aria-selected'), 'true');
    assert.equal(await p.page.locator('.event[data-index="0"] .time').textContent(), '10:40 JST · 01:40 UTC');
    assert.equal(await p.page.getByRole('button', { name: 'List' }).getAttribute('aria-pressed'), 'true');
    assert.equal(await p.page.getByRole('button', { name: 'Both', exact: true }).getAttribute('aria-pressed'), 'true');
    await p.page.getByRole('button', { name: 'List' }).click();
    // Back on the time-true layout at the saved zoom: the 10h 10m gap is still one marker.
    assert.equal(await p.page.evaluate(() => (window as unknown as { __state: { zoom: number } }).__state.zoom), 3);
    assert.deepEqual(await p.page.$$eval('.item.gap', (gaps) => gaps.map((g) => g.textContent)), ['… 10h 10m …']);
  });

  it('keeps the kinds hidden, the search and the Details fold in its saved state, and brings them back after a reload', async () => {
    const model = modelOf(exampleText());
    const first = await page();
    await first.render(model);
    assert.equal(await first.page.locator('details.facts').evaluate((d) => (d as HTMLDetailsElement).open), true, 'a wide, tall panel starts unfolded');
    await first.page.getByRole('button', { name: 'resolved', exact: true }).click();
    await first.page.getByRole('searchbox').fill('Mail');
    await first.page.locator('details.facts > summary').click();
    const saved = await first.page.evaluate(() => (window as unknown as { __state: PreviewState }).__state);
    assert.deepEqual([saved.hiddenKinds, saved.query, saved.detailsOpen], [['resolved'], 'Mail', false]);

    const revived = await pages.open('light', undefined, saved);
    await revived.render(model);
    const p = revived.page;
    assert.equal(await p.getByRole('button', { name: 'resolved', exact: true }).getAttribute('aria-pressed'), 'false');
    assert.equal(await p.getByRole('searchbox').inputValue(), 'Mail');
    assert.deepEqual(await p.$$eval('.event', (events) => events.map((e) => e.getAttribute('data-index'))), ['0'], 'the resolved event stays hidden, the search still applies');
    assert.equal(await p.locator('.count').textContent(), '1 of 2 events');
    assert.equal(await p.locator('details.facts').evaluate((d) => (d as HTMLDetailsElement).open), false, 'the fold the reader chose');
    // Typing re-renders the header: the fold stays as chosen.
    await revived.render({ ...model, version: 2 });
    assert.equal(await p.locator('details.facts').evaluate((d) => (d as HTMLDetailsElement).open), false);
    // Another document starts unfiltered; the fold is the reader's, for every document.
    await revived.render({ ...model, uri: 'file:///work/other.incident.yaml' });
    assert.equal(await p.getByRole('searchbox').inputValue(), '');
    assert.equal(await p.locator('.event').count(), 2);
    const after = await p.evaluate(() => (window as unknown as { __state: PreviewState }).__state);
    assert.deepEqual([after.hiddenKinds, after.query, after.detailsOpen], [undefined, undefined, false]);
  });

  it('shows the header, durations and links that open through the host', async () => {
    const text = exampleText().replace('tags:', 'sources:\n  - url: https://example.com/status\n    title: Status page\ntags:');
    const p = await page();
    await p.render(modelOf(text));
    assert.equal(await p.page.locator('header h1').textContent(), 'EX196121Problems receiving mail');
    const figures = await p.page.$$eval('.figure', (elements) => elements.map((e) => e.textContent));
    assert.deepEqual(figures, ['Duration10h 10m', 'Time to detect0s', 'Time to resolve10h 10m']);
    await p.page.getByRole('link', { name: 'Status page' }).click();
    assert.deepEqual((await p.posted()).filter((m) => m.type === 'openLink'), [{ type: 'openLink', url: 'https://example.com/status' }]);
    assert.equal(p.page.url(), `${pages.server.origin}/`, 'the webview itself does not navigate away');
  });

  it('adds incidentTimeline.extraTimeZones to each event tooltip, skipping unknown zones', async () => {
    const p = await page();
    await p.render(modelOf(exampleText()), { extraZones: ['America/New_York', 'Not/AZone'] });
    assert.equal(await p.page.locator('.event[data-index="0"]').getAttribute('title'),
      '2019-11-19 10:40 JST, +0s, detected: Start of impact: mail from external users and internal mail with attachments is delayed or not received in Australia, Japan and India.\n'
      + 'America/New_York: 2019-11-18 20:40-05:00');
  });

  it('posts reveal with the event index on click, and on Enter after arrow keys', async () => {
    const p = await page();
    await p.render(modelOf(timedIncident([0, 10, 30, 60])));
    await p.page.locator('.event[data-index="2"]').click();
    assert.deepEqual((await p.posted()).filter((m) => m.type === 'reveal'), [{ type: 'reveal', index: 2 }]);
    await p.page.keyboard.press('ArrowRight');
    const selected = () => p.page.$$eval('[aria-selected="true"]', (elements) => elements.map((e) => (e as HTMLElement).dataset.index));
    assert.deepEqual(await selected(), ['3']);
    await p.page.keyboard.press('ArrowLeft');
    await p.page.keyboard.press('ArrowLeft');
    assert.deepEqual(await selected(), ['1']);
    assert.equal(await p.page.locator('.viewport').getAttribute('aria-activedescendant'), 'event-1');
    await p.page.keyboard.press('Enter');
    assert.deepEqual((await p.posted()).filter((m) => m.type === 'reveal'), [{ type: 'reveal', index: 2 }, { type: 'reveal', index: 1 }]);
    assert.match(await p.page.locator('[aria-live]').textContent() ?? '', /^2024-03-01 09:10 JST, \+10m, update: event 1$/);
  });

  it('highlights the event the host names and brings it into view, without posting anything back', async () => {
    const p = await page('light', { width: 700, height: 500 });
    await p.render(modelOf(timedIncident(Array.from({ length: 60 }, (_, i) => i * 2))));
    await p.page.getByRole('button', { name: 'Zoom in' }).click();
    await p.page.getByRole('button', { name: 'Zoom in' }).click();
    const before = (await p.posted()).length;
    await p.send({ type: 'highlight', index: 57 });
    const element = p.page.locator('.event[data-index="57"]');
    await element.waitFor();
    assert.equal(await element.getAttribute('aria-selected'), 'true');
    const inView = await element.evaluate((e) => {
      const r = e.getBoundingClientRect();
      const v = document.querySelector('.viewport')!.getBoundingClientRect();
      return r.left >= v.left && r.right <= v.right + 1 && r.top >= v.top && r.bottom <= v.bottom + 1;
    });
    assert.ok(inView, 'scrolled into view');
    assert.equal((await p.posted()).length, before, 'a highlight from the host is not echoed');
  });

  it('renders an XSS payload as inert text everywhere', async () => {
    const payload = '<img src=x onerror=alert(1)>';
    const text = `id: X-1\ntitle: ${JSON.stringify(payload)}\nstatus: resolved\nservice: ${JSON.stringify(payload)}\nstart: 2024-03-01T00:00Z\nsources:\n  - url: "https://example.com/?q=<script>"\n    title: ${JSON.stringify(payload)}\ntimeline:\n  - at: 2024-03-01T00:05Z\n    event: ${JSON.stringify(payload)}\n  - at: not a time\n    event: ${JSON.stringify(payload)}\n`;
    const p = await page();
    await p.render(modelOf(text));
    assert.equal(await p.page.locator('img').count(), 0);
    assert.equal(await p.page.locator('.event .text').textContent(), payload);
    assert.equal(await p.page.locator('header dd').first().textContent(), payload);
    assert.match(await p.page.locator('.unreadable li').textContent() ?? '', /<img src=x onerror=alert\(1\)>$/);
    await p.page.getByRole('link', { name: payload }).click();
    await p.page.locator('.event').click();
    assert.ok((await p.posted()).some((m) => m.type === 'openLink' && m.url === 'https://example.com/?q=<script>'));
    assert.ok((await p.posted()).some((m) => m.type === 'reveal' && m.index === 0));
  });

  it('keeps showing the model, the error count with a Problems button and the unreadable events', async () => {
    const p = await page();
    const text = timedIncident([0, 10]).replace('  - at: 2024-03-01T00:10Z', '  - at: 2024-03-01 25:99');
    const model = modelOf(text);
    await p.render(model, { problems: { errors: 2, warnings: 1 } });
    assert.equal(await p.page.locator('.banner').textContent(), '2 errors, 1 warning in this file.Show Problems');
    await p.page.getByRole('button', { name: 'Show Problems' }).click();
    assert.ok((await p.posted()).some((m) => m.type === 'showProblems'));
    assert.equal(await p.page.locator('.unreadable h2').textContent(), 'Events whose time could not be read (1)');
    assert.equal(await p.page.locator('.unreadable li').textContent(), '2024-03-01 25:99 event 1');
    await p.page.locator('.unreadable a').click();
    assert.ok((await p.posted()).some((m) => m.type === 'reveal' && m.index === 1));
    // Counts from the Problems view (workspace checks included) replace the model's.
    await p.send({ type: 'problems', problems: { errors: 0, warnings: 1 } });
    assert.equal(await p.page.locator('.banner').textContent(), '1 warning in this file.Show Problems');
    assert.equal(await p.page.locator('.banner').getAttribute('class'), 'banner');
    await p.render(model, { stale: true, problems: { errors: 1, warnings: 0 } });
    assert.match(await p.page.locator('.banner').textContent() ?? '', /^The file has errors that hide part of the timeline; showing the last good version\.1 error in this file\./);
  });

  it('renders 10,000 events with a small DOM, in timeline and list mode, and reports the figures', async () => {
    const p = await page('light', { width: 1200, height: 800 });
    const measure = (model: TimelineModel) => p.page.evaluate(async (json) => {
      const m = JSON.parse(json) as TimelineModel;
      performance.clearMeasures();
      const t0 = performance.now();
      window.postMessage({ type: 'render', model: m, locked: false, problems: m.problems, stale: false, extraZones: [] }, '*');
      await new Promise<void>((resolve) => {
        const check = () => (performance.getEntriesByName('incident-render').length ? resolve() : setTimeout(check, 0));
        check();
      });
      // Until the next frame is painted.
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      return { script: performance.getEntriesByName('incident-render')[0].duration, frame: performance.now() - t0 };
    }, JSON.stringify(model));
    const first = await measure(bigModel(10_000));
    const update = await measure(bigModel(10_000, 2, 'edited'));
    const domSize = () => p.page.evaluate(() => ({ all: document.querySelectorAll('*').length, events: document.querySelectorAll('.event').length }));
    const fitted = await domSize();
    assert.ok(fitted.events > 0 && fitted.events < 400, `events in the DOM: ${fitted.events}`);
    assert.ok(fitted.all < 4000, `elements: ${fitted.all}`);
    assert.equal(await p.page.locator('.count').textContent(), '10000 events');
    assert.match(await p.page.locator('.event .text').first().textContent() ?? '', /^edited /);
    // Scroll to the far corner: a different slice, still small.
    await p.page.locator('.viewport').evaluate((v) => { v.scrollTop = v.scrollHeight; });
    // Only the late events (those near the bottom) are in the DOM now.
    await p.page.waitForFunction(() => {
      const indexes = [...document.querySelectorAll<HTMLElement>('.event')].map((e) => Number(e.dataset.index));
      return indexes.length > 0 && Math.min(...indexes) > 8000;
    });
    assert.ok((await domSize()).events < 400);
    await p.page.getByRole('button', { name: 'List' }).click();
    const listed = await domSize();
    assert.ok(listed.events > 10 && listed.events < 100, `rows in the DOM: ${listed.events}`);
    await p.page.locator('.viewport').evaluate((v) => { v.scrollTop = v.scrollHeight; });
    await p.page.waitForFunction(() => document.querySelector('.event[data-index="9999"]') !== null);
    const figures = { events: 10_000, firstRender: first, update, domElements: fitted.all, eventElements: fitted.events };
    fs.writeFileSync(path.join(ARTIFACTS, 'preview-10k.json'), JSON.stringify(figures, null, 2));
    console.log(`      10,000 events: first render ${first.script.toFixed(0)} ms script / ${first.frame.toFixed(0)} ms to frame; `
      + `update ${update.script.toFixed(0)} / ${update.frame.toFixed(0)} ms; ${fitted.all} elements, ${fitted.events} events in the DOM`);
  });

  it('fits a narrow panel: nothing overflows the page, both events drawn across its width', async () => {
    const p = await page('light', { width: 360, height: 640 });
    await p.render(modelOf(exampleText()));
    assert.deepEqual(await p.page.evaluate(() => [document.documentElement.scrollWidth, document.body.scrollWidth]), [360, 360]);
    const widths = await p.page.$$eval('.event', (elements) => elements.map((e) => Math.round(e.getBoundingClientRect().width)));
    assert.deepEqual(widths, [360, 360]);
    await p.page.screenshot({ path: path.join(ARTIFACTS, 'preview-narrow.png') });
  });

  for (const theme of ['light', 'dark', 'high-contrast'] as const) {
    it(`saves a ${theme} screenshot of the example to test-artifacts/`, async () => {
      const p = await page(theme, { width: 1000, height: 640 });
      await p.render(modelOf(exampleText()));
      const file = path.join(ARTIFACTS, `preview-${theme}.png`);
      await p.page.screenshot({ path: file });
      assert.ok(fs.statSync(file).size > 1000);
      const background = await p.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const expected = { light: 'rgb(255, 255, 255)', dark: 'rgb(31, 31, 31)', 'high-contrast': 'rgb(0, 0, 0)' }[theme];
      assert.equal(background, expected, 'colours come from the theme variables');
    });
  }
});
