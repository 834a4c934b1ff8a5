/**
 * Updates and components in the preview (issue 11), in real Chromium with the production CSP:
 * each update's status chip, posting time, promise and lateness; a lane per component with its
 * bands where their times put them, a legend of the states drawn, a click on a band selecting the
 * event that set it; the figures in the header; the states apart in light, dark and high contrast.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildTimelineView } from '../../common/render/layout';
import type { TimelineModel } from '../../common/protocol';
import { ARTIFACTS, japaneseLabels, modelOf, type PreviewPageHandle, type Theme, usePreviewPages } from './harness';

const ROOT = path.join(__dirname, '../..');

const LANES = `title: Lanes
status: resolved
components: [API, Web]
start: 2024-05-01T10:00Z
end: 2024-05-01T12:00Z
timeline:
  - at: 2024-05-01T10:00Z
    kind: detected
    event: Errors begin.
  - at: 2024-05-01T10:05Z
    posted: 2024-05-01T10:20Z
    status: investigating
    next_update: 2024-05-01T10:50Z
    components: {API: major-outage}
    event: API is down.
  - at: 2024-05-01T11:00Z
    status: identified
    components: {API: partial-outage, Web: degraded}
    event: Partly back.
  - at: 2024-05-01T11:20Z
    status: monitoring
    components: {Web: maintenance}
    event: Web in maintenance.
  - at: 2024-05-01T11:30Z
    status: resolved
    components: {API: operational}
    event: API recovered.
`;

interface BandBox {
  readonly lane: string;
  readonly state: string;
  readonly index: string | null;
  readonly left: number;
  readonly right: number;
  readonly trackLeft: number;
  readonly trackWidth: number;
}

async function bandBoxes(p: PreviewPageHandle): Promise<BandBox[]> {
  return p.page.$$eval('.lanes .lane', (lanes) => lanes.flatMap((lane) => {
    const track = lane.querySelector('.track')!.getBoundingClientRect();
    return [...lane.querySelectorAll<HTMLElement>('.band')].map((band) => {
      const box = band.getBoundingClientRect();
      return {
        lane: lane.querySelector('.lane-name')!.textContent ?? '', state: band.dataset.state ?? '', index: band.dataset.index ?? null,
        left: box.left, right: box.right, trackLeft: track.left, trackWidth: track.width,
      };
    });
  }));
}

describe('preview page: updates and component lanes', function () {
  const pages = usePreviewPages();

  async function open(model: TimelineModel, theme: Theme = 'light', viewport = { width: 1000, height: 800 }): Promise<PreviewPageHandle> {
    const p = await pages.open(theme, viewport);
    await p.render(model);
    return p;
  }

  it('shows each update\'s status as a chip, its posting time where it differs, its promise and how late it came', async () => {
    const p = await open(modelOf(LANES));
    const events = await p.page.$$eval('.item.event', (items) => items.map((item) => ({
      index: (item as HTMLElement).dataset.index,
      status: item.querySelector('.when .update-status')?.textContent ?? null,
      facts: [...item.querySelectorAll('.update-facts > span')].map((s) => s.textContent),
      lateTitle: item.querySelector('.late')?.getAttribute('title') ?? null,
      label: item.getAttribute('aria-label'),
    })));
    assert.deepEqual(events.map((e) => [e.index, e.status, e.facts]), [
      ['0', null, []],
      ['1', 'Investigating', ['posted 19:20 JST', 'next update by 19:50 JST', 'API: major outage']],
      ['2', 'Identified', ['10m late', 'API: partial outage', 'Web: degraded']],
      ['3', 'Monitoring', ['Web: maintenance']],
      ['4', 'Resolved', ['API: operational']],
    ]);
    assert.equal(events[2].lateTitle, 'The update before promised this one by 19:50 JST');
    assert.equal(events[2].label, '2024-05-01 20:00 JST, +1h, no kind: Partly back.; Identified, 10m late, API: partial outage, Web: degraded');
    // The zone switch rewrites the times of the notes too.
    await p.page.click('button[data-zone="UTC"]');
    assert.deepEqual(await p.page.$$eval('.item.event[data-index="1"] .update-facts > span', (s) => s.map((e) => e.textContent)),
      ['posted 10:20 UTC', 'next update by 10:50 UTC', 'API: major outage']);
  });

  it('draws a lane per component with each band where its times put it, and a legend of the states drawn', async () => {
    const model = modelOf(LANES);
    const p = await open(model);
    const { domain } = buildTimelineView(model);
    const at = (iso: string) => (Date.parse(iso) - domain.startMs) / (domain.endMs - domain.startMs);
    const boxes = await bandBoxes(p);
    const expected = [
      ['API', 'unstated', null, '10:00', '10:20'], ['API', 'major-outage', '1', '10:20', '11:00'], ['API', 'partial-outage', '2', '11:00', '11:30'], ['API', 'operational', '4', '11:30', '12:00'],
      ['Web', 'unstated', null, '10:00', '11:00'], ['Web', 'degraded', '2', '11:00', '11:20'], ['Web', 'maintenance', '3', '11:20', '12:00'],
    ] as const;
    assert.deepEqual(boxes.map((b) => [b.lane, b.state, b.index]), expected.map(([lane, state, index]) => [lane, state, index]));
    boxes.forEach((b, i) => {
      const [, , , from, to] = expected[i];
      // Time-true: each edge within a pixel of where its instant falls on the incident's scale.
      assert.ok(Math.abs(b.left - (b.trackLeft + at(`2024-05-01T${from}Z`) * b.trackWidth)) <= 1, `${b.lane} ${b.state} starts at ${from}`);
      assert.ok(Math.abs(b.right - (b.trackLeft + at(`2024-05-01T${to}Z`) * b.trackWidth)) <= 1, `${b.lane} ${b.state} ends at ${to}`);
    });
    // The lanes share the overview strip's scale: the same left and right edges.
    const [strip, track] = await p.page.$$eval('.overview canvas, .lanes .track', (els) => els.map((e) => { const r = e.getBoundingClientRect(); return [Math.round(r.left), Math.round(r.right)]; }));
    assert.deepEqual(track, strip);
    assert.deepEqual(await p.page.$$eval('.lanes summary .legend-state', (s) => s.map((e) => e.textContent)),
      ['operational', 'degraded', 'partial outage', 'major outage', 'maintenance', 'affected, state not given']);
    assert.equal(await p.page.getAttribute('.lanes .band[data-state="major-outage"]', 'title'), 'API: major outage, 2024-05-01 19:20 JST – 2024-05-01 20:00 JST (40m)');
  });

  it('draws the lanes on the overview strip too: a thin row per component under the density bars, each band in its state\'s colour', async () => {
    const model = modelOf(LANES);
    const p = await open(model);
    const { domain } = buildTimelineView(model);
    const pixels = await p.page.$eval('.overview canvas', (canvas, d) => {
      const c = canvas as HTMLCanvasElement;
      const ctx = c.getContext('2d')!;
      const x = (iso: string) => Math.round(((Date.parse(iso) - d.startMs) / (d.endMs - d.startMs)) * c.width);
      const at = (iso: string, y: number) => [...ctx.getImageData(x(iso), y, 1, 1).data.slice(0, 3)];
      // Rows from y = 26: API (26–29), Web (30–33).
      return { height: c.height, cssHeight: c.getBoundingClientRect().height, apiMajor: at('2024-05-01T10:40Z', 27), webDegraded: at('2024-05-01T11:10Z', 31), webMaintenance: at('2024-05-01T11:40Z', 31), apiOperational: at('2024-05-01T11:45Z', 27) };
    }, domain);
    assert.equal(pixels.height, 24 + 2 * 4 + 2);
    assert.equal(pixels.cssHeight, 34);
    assert.deepEqual(pixels.apiMajor, [0xe5, 0x14, 0x00], 'charts-red');
    assert.deepEqual(pixels.webDegraded, [0xbf, 0x88, 0x03], 'charts-yellow');
    assert.deepEqual(pixels.webMaintenance, [0x1a, 0x85, 0xff], 'charts-blue');
    assert.deepEqual(pixels.apiOperational, [0x38, 0x8a, 0x34], 'charts-green: a line through the row\'s middle');
  });

  it('keeps the overview strip under 40 px of lanes however many components there are', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `Component ${i + 1}`);
    const p = await open(modelOf(`title: Many\nstatus: investigating\ncomponents: [${names.join(', ')}]\nstart: 2024-05-01T10:00Z\ntimeline:\n  - at: 2024-05-01T10:30Z\n    components: {${names.map((n) => `${n}: degraded`).join(', ')}}\n    event: All degraded.\n`));
    // Twelve rows of 3 px (36 / 12) and 2 px of margin under the 24 px of density.
    assert.equal(await p.page.$eval('.overview canvas', (c) => (c as HTMLCanvasElement).height), 24 + 12 * 3 + 2);
    assert.equal(await p.page.$$eval('.lanes .lane', (l) => l.length), 12);
  });

  it('a click on a band selects the event whose update set it, and marks its bands', async () => {
    const p = await open(modelOf(LANES));
    await p.page.click('.lanes .band[data-state="partial-outage"]');
    const posted = await p.posted();
    assert.deepEqual(posted.filter((m) => m.type === 'reveal'), [{ type: 'reveal', index: 2 }]);
    assert.equal(await p.page.getAttribute('.item.event.selected', 'data-index'), '2');
    // Event 2 set two states: both its bands are marked, and no other.
    assert.deepEqual(await p.page.$$eval('.lanes .band.selected', (b) => b.map((e) => (e as HTMLElement).dataset.state)), ['partial-outage', 'degraded']);
    // A band no update set (the root list's unstated start) is not a button.
    assert.equal(await p.page.$$eval('.lanes .band[data-state="unstated"]', (b) => b.map((e) => e.tagName).join()), 'SPAN,SPAN');
  });

  it('the lanes are one tab stop: arrows move between bands, along a lane and to the nearest in time in the next, Enter selects', async () => {
    const p = await open(modelOf(LANES));
    const stops = () => p.page.$$eval('.lanes .band[tabindex="0"]', (b) => b.map((e) => (e as HTMLElement).dataset.state));
    const focused = () => p.page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.state);
    assert.deepEqual(await stops(), ['major-outage']);
    assert.deepEqual(await p.page.$$eval('.lanes button.band', (b) => b.map((e) => (e as HTMLElement).tabIndex)), [0, -1, -1, -1, -1]);
    await p.page.focus('.lanes .band[tabindex="0"]');
    const keys: [string, string][] = [
      ['ArrowRight', 'partial-outage'], ['End', 'operational'],
      // API's operational band (11:30–12:00) is nearest Web's maintenance (11:20–12:00), and back.
      ['ArrowDown', 'maintenance'], ['ArrowUp', 'operational'], ['ArrowDown', 'maintenance'], ['ArrowLeft', 'degraded'],
      ['ArrowLeft', 'degraded'], ['ArrowDown', 'degraded'], ['Home', 'degraded'], ['ArrowUp', 'partial-outage'],
    ];
    for (const [key, state] of keys) {
      await p.page.keyboard.press(key);
      assert.equal(await focused(), state, `after ${key}`);
      assert.deepEqual(await stops(), [state], `one tab stop after ${key}`);
    }
    await p.page.keyboard.press('Enter');
    assert.deepEqual((await p.posted()).filter((m) => m.type === 'reveal'), [{ type: 'reveal', index: 2 }]);
    // Selecting an event elsewhere moves the tab stop to its band.
    await p.page.click('.item.event[data-index="3"]');
    assert.deepEqual(await stops(), ['maintenance']);
  });

  it('hovering an event marks its bands, and hovering a band marks its event, each telling the host once', async () => {
    const p = await open(modelOf(LANES));
    const hovered = () => p.page.$$eval('.lanes .band.hovered', (b) => b.map((e) => (e as HTMLElement).dataset.state));
    const hoveredEvents = () => p.page.$$eval('.item.event.hovered', (e) => e.map((x) => (x as HTMLElement).dataset.index));
    await p.page.hover('.item.event[data-index="2"] .text');
    assert.deepEqual(await hovered(), ['partial-outage', 'degraded']);
    await p.page.hover('.lanes .band[data-state="maintenance"]');
    assert.deepEqual(await hovered(), ['maintenance']);
    assert.deepEqual(await hoveredEvents(), ['3']);
    await p.page.screenshot({ path: path.join(ARTIFACTS, 'preview-lanes-hover.png') });
    // Under the pointer a band keeps its state's pattern (the buttons' hover background replaced it).
    assert.match(await p.page.$eval('.lanes .band[data-state="maintenance"]', (b) => getComputedStyle(b).backgroundImage), /^repeating-linear-gradient/);
    await p.page.mouse.move(1, 1);
    assert.deepEqual([await hovered(), await hoveredEvents()], [[], []]);
    const hovers = (await p.posted()).filter((m) => m.type === 'hover').map((m) => (m as { index: number | null }).index);
    // The pointer leaves the events on its way to the lanes: null between the two.
    assert.deepEqual(hovers, [2, null, 3, null]);
  });

  it('shows the figures of the updates in the header', async () => {
    const p = await open(modelOf(LANES));
    const figures = await p.page.$$eval('header .figure', (f) => f.map((e) => `${e.querySelector('.label')?.textContent}: ${e.querySelector('.value')?.textContent}`));
    assert.deepEqual(figures, [
      'Duration: 2h', 'Time to detect: 0s', 'Time to first update: 20m', 'Longest gap between updates: 40m',
      'Next-update promises kept: 0 of 1', 'API not operational: 1h 10m', 'Web not operational: 1h, not restored',
    ]);
  });

  for (const theme of ['light', 'dark', 'high-contrast'] as const) {
    it(`keeps the five states and the unstated band apart in the ${theme} theme, by colour and by pattern`, async () => {
      const p = await open(modelOf(LANES), theme);
      const looks = await p.page.$$eval('.lanes summary .swatch', (swatches) => swatches.map((s) => {
        const style = getComputedStyle(s);
        return { image: style.backgroundImage, color: style.backgroundColor, border: style.borderTopStyle };
      }));
      assert.equal(looks.length, 6);
      // Pattern alone (background image and border, colours ignored) tells every state apart.
      const patterns = looks.map((l) => `${l.image.replace(/rgba?\([^)]*\)/g, 'C')} ${l.border}`);
      assert.equal(new Set(patterns).size, 6, patterns.join('\n'));
      const colors = looks.map((l) => `${l.color} ${(/rgba?\([^)]*\)/.exec(l.image) ?? [''])[0]}`);
      assert.equal(new Set(colors).size, 6, colors.join('\n'));
      fs.writeFileSync(path.join(ARTIFACTS, `preview-lanes-${theme}.png`), await p.page.screenshot());
    });
  }

  it('fits a 360 px panel: no lane or update line overflows', async () => {
    const p = await open(modelOf(LANES), 'light', { width: 360, height: 700 });
    const overflowing = await p.page.$$eval('.lanes, .lanes .lane, .lanes summary, .update-facts, .item.event', (els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.className));
    assert.deepEqual(overflowing, []);
    fs.writeFileSync(path.join(ARTIFACTS, 'preview-lanes-360.png'), await p.page.screenshot());
  });

  it('on the GitHub example: each component unstated until the update that says it operates normally, which a click selects', async () => {
    const text = fs.readFileSync(path.join(ROOT, 'examples/github-2026-03-03.incident.yaml'), 'utf8');
    const p = await open(modelOf(text, 'file:///work/github-2026-03-03.incident.yaml'));
    const boxes = await bandBoxes(p);
    assert.deepEqual(boxes.map((b) => [b.lane, b.state, b.index]), [
      ['Git Operations', 'unstated', null], ['Git Operations', 'operational', '3'],
      ['Actions', 'unstated', null], ['Actions', 'operational', '4'],
      ['Copilot', 'unstated', null], ['Copilot', 'operational', '2'],
    ]);
    await p.page.click('.lanes .lane:nth-child(3) .band[data-state="operational"]');
    assert.equal(await p.page.getAttribute('.item.event.selected', 'data-index'), '2');
    const figures = await p.page.$$eval('header .figure', (f) => f.map((e) => `${e.querySelector('.label')?.textContent}: ${e.querySelector('.value')?.textContent}`));
    assert.deepEqual(figures.slice(-2), ['Time to first update: 31m', 'Longest gap between updates: 22m']);
    fs.writeFileSync(path.join(ARTIFACTS, 'preview-lanes-github.png'), await p.page.screenshot());
  });

  it('an incident without components or updates shows no lanes and no update chips', async () => {
    const p = await open(modelOf(fs.readFileSync(path.join(ROOT, 'examples/exchange-online-2019-11-19.incident.yaml'), 'utf8')));
    assert.equal(await p.page.isHidden('.lanes'), true);
    assert.equal(await p.page.$$eval('.update-status, .update-facts', (e) => e.length), 0);
  });
});

describe('preview page: updates and component lanes in Japanese', function () {
  const pages = usePreviewPages({ labels: japaneseLabels });

  it('names the statuses, states, notes, legend and figures in Japanese (incident text as written)', async () => {
    const p = await pages.open('light', { width: 1000, height: 800 });
    await p.render(modelOf(LANES));
    assert.deepEqual(await p.page.$$eval('.item.event[data-index="1"] .update-status, .item.event[data-index="1"] .update-facts > span', (s) => s.map((e) => e.textContent)),
      ['調査中', '掲載 19:20 JST', '次回更新予定 19:50 JST', 'API: 大規模な停止']);
    assert.equal(await p.page.textContent('.item.event[data-index="2"] .late'), '10m 遅れ');
    assert.deepEqual(await p.page.$$eval('.lanes summary > span', (s) => s.map((e) => e.textContent)),
      ['コンポーネント', '正常稼働', '性能低下', '部分的な停止', '大規模な停止', 'メンテナンス', '影響あり（状態の記載なし）']);
    const figures = await p.page.$$eval('header .figure', (f) => f.map((e) => `${e.querySelector('.label')?.textContent}: ${e.querySelector('.value')?.textContent}`));
    assert.deepEqual(figures.slice(2), ['最初の更新までの時間: 20m', '更新の最長間隔: 40m', '守られた次回更新の予告: 1件中0件', 'API の稼働停止時間: 1h 10m', 'Web の稼働停止時間: 1h（未復旧）']);
    fs.writeFileSync(path.join(ARTIFACTS, 'preview-lanes-ja.png'), await p.page.screenshot());
  });
});
