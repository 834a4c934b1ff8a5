/**
 * The 'patch' message: the page applies the events splice of incident/timelineChanges to the
 * model it holds, and ends up exactly as a render of the whole new model would leave it. Then
 * the end-to-end figure for issue 5: an edit in a 10,000-event file -> the real server's splice ->
 * the page repainted, against posting the whole model.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import type { HostMessage } from '../../client/src/previewMessages';
import { TimelineChangesRequest, type TimelineChanges, type TimelineModel } from '../../common/protocol';
import { applyTimelineChanges } from '../../common/timelineChanges';
import { diffTimeline } from '../../server/src/timelineDiff';
import { LspTestClient } from '../server/lspClient';
import { ARTIFACTS, requireChromium, launchChromium, modelOf, openPreviewPage, startPageServer, type PageServer, type PreviewPageHandle } from './harness';

const KINDS = ['detected', 'update', 'mitigated', 'note', 'report'];

/** `count` events a minute apart from 2024-03-01T00:00Z; `edit` rewrites some of them. */
function incidentText(count: number, edit: (i: number, line: string) => string = (_i, line) => line, title = 'Patched'): string {
  const lines = ['id: P-1', `title: ${title}`, 'status: resolved', 'start: 2024-03-01T00:00:00Z', `end: ${new Date(Date.parse('2024-03-01T00:00:00Z') + count * 60_000).toISOString().replace('.000Z', 'Z')}`, 'timeline:'];
  for (let i = 0; i < count; i++) {
    const at = new Date(Date.parse('2024-03-01T00:00:00Z') + i * 60_000).toISOString().replace('.000Z', 'Z');
    lines.push(edit(i, `  - at: ${at}\n    kind: ${KINDS[i % KINDS.length]}\n    event: "status update ${i}: queue draining"`));
  }
  return `${lines.join('\n')}\n`;
}

function patchOf(changes: TimelineChanges): HostMessage {
  return { type: 'patch', changes, locked: false, problems: changes.problems, extraZones: [] };
}

describe('preview page: patches', function () {
  let browser: Browser;
  let server: PageServer;
  const open: PreviewPageHandle[] = [];

  before(async function () {
    requireChromium(this);
    browser = await launchChromium();
    server = await startPageServer('JST');
  });
  after(async () => {
    for (const p of open.splice(0)) await p.page.close();
    await browser?.close();
    await server?.close();
  });

  async function page(): Promise<PreviewPageHandle> {
    const p = await openPreviewPage(browser, server, 'light', { width: 1000, height: 700 });
    open.push(p);
    return p;
  }

  /** What a render leaves: the page's DOM and its saved state. */
  const snapshot = (p: PreviewPageHandle) => p.page.evaluate(() => ({
    html: document.getElementById('app')?.innerHTML ?? '',
    state: (window as unknown as { __state: unknown }).__state,
    painted: document.body.dataset.rendered !== undefined,
  }));

  async function patched(p: PreviewPageHandle, message: HostMessage): Promise<void> {
    const before = await p.page.evaluate(() => Number(document.body.dataset.rendered ?? 0));
    await p.send(message);
    await p.page.waitForFunction((n) => Number(document.body.dataset.rendered ?? 0) > n, before);
  }

  const cases: { name: string; after: string }[] = [
    { name: 'one event text typed into', after: incidentText(40, (i, l) => (i === 17 ? l.replace('queue', 'queues') : l)) },
    { name: 'an event moved in time (order, positions)', after: incidentText(40, (i, l) => (i === 3 ? l.replace('T00:03:00Z', 'T00:30:30Z') : l)) },
    { name: 'events added and removed, the header changed', after: incidentText(40, (i, l) => (i === 5 ? `${l}\n  - at: 2024-03-01T00:05:30Z\n    kind: cause\n    event: "a new one"` : i === 30 ? '' : l).replace(/\n\n/g, '\n'), 'Patched, retitled') },
    { name: 'a time broken (an unreadable event, an error count)', after: incidentText(40, (i, l) => (i === 9 ? l.replace('T00:09:00Z', 'T00:09:00Q') : l)) },
  ];
  for (const { name, after } of cases) {
    it(`a patch gives the same page as the whole model: ${name}`, async () => {
      const base = modelOf(incidentText(40), 'file:///work/p.incident.yaml', 1);
      const next = modelOf(after, 'file:///work/p.incident.yaml', 2);
      const changes = diffTimeline(base, next);
      assert.deepEqual(applyTimelineChanges(base, changes), next);
      const viaPatch = await page();
      await viaPatch.render(base);
      await patched(viaPatch, patchOf(changes));
      const whole = await page();
      await whole.render(base);
      await whole.render(next);
      const a = await snapshot(viaPatch);
      const b = await snapshot(whole);
      assert.ok(a.html.includes('event'), 'something was drawn');
      assert.equal(a.html, b.html);
      assert.deepEqual(a.state, b.state);
      assert.deepEqual(viaPatch.problems(), []);
      assert.ok(!(await viaPatch.posted()).some((m) => m.type === 'resync'));
    });
  }

  it('keeps the selection through a patch, as through a render', async () => {
    const base = modelOf(incidentText(40), 'file:///work/p.incident.yaml', 1);
    const next = modelOf(incidentText(40, (i, l) => (i === 2 ? l.replace('queue', 'the queue') : l)), 'file:///work/p.incident.yaml', 2);
    const pages = [await page(), await page()];
    for (const p of pages) {
      await p.render(base);
      await p.send({ type: 'highlight', index: 12 });
    }
    await patched(pages[0], patchOf(diffTimeline(base, next)));
    await pages[1].render(next);
    const [a, b] = [await snapshot(pages[0]), await snapshot(pages[1])];
    assert.equal((a.state as { selected?: number }).selected, 12);
    assert.equal(a.html, b.html);
    assert.deepEqual(a.state, b.state);
  });

  it('asks for the whole model when the patch is against another version, and draws nothing from it', async () => {
    const p = await page();
    const base = modelOf(incidentText(10), 'file:///work/p.incident.yaml', 3);
    await p.render(base);
    const before = await snapshot(p);
    const changes = diffTimeline({ ...base, version: 2 }, modelOf(incidentText(10, (i, l) => (i === 1 ? l.replace('queue', 'QUEUE') : l)), 'file:///work/p.incident.yaml', 4));
    await p.send(patchOf(changes));
    assert.deepEqual((await p.posted()).filter((m) => m.type === 'resync'), [{ type: 'resync' }]);
    assert.equal((await snapshot(p)).html, before.html);
    // And a patch to a page that has drawn nothing yet.
    const empty = await page();
    await empty.send(patchOf(diffTimeline(base, base)));
    assert.deepEqual((await empty.posted()).filter((m) => m.type === 'resync'), [{ type: 'resync' }]);
  });

  it('edit -> repainted preview, 10,000 events through the real server: patch against whole model (figures)', async function () {
    this.timeout(180_000);
    const uri = 'file:///work/bench-10k.incident.yaml';
    let text = incidentText(10_000);
    const client = await LspTestClient.start();
    try {
      await client.initialize({ pull: false });
      client.open(uri, text);
      await client.diagnostics(uri, { version: 1 });
      const p = await page();
      const first = await client.request(TimelineChangesRequest.type, { uri, baseVersion: -1 });
      assert.equal(first?.kind, 'full');
      let held = (first as { model: TimelineModel }).model;
      await p.render(held);
      // One edit -> the host's request -> what the page gets -> painted (a frame after the render).
      const paintedAfter = (message: HostMessage) => p.page.evaluate(async (json) => {
        const before = Number(document.body.dataset.rendered ?? 0);
        window.postMessage(JSON.parse(json), '*');
        await new Promise<void>((resolve) => {
          const check = () => (Number(document.body.dataset.rendered ?? 0) > before ? resolve() : setTimeout(check, 0));
          check();
        });
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      }, JSON.stringify(message));
      const line = 6 + 5_000 * 3 + 2;
      const samples: Record<'patch' | 'whole', number[]> = { patch: [], whole: [] };
      const bytes = { patch: 0, whole: 0 };
      for (let round = 0; round < 20; round++) {
        const how = round % 2 === 0 ? 'patch' : 'whole';
        const t0 = performance.now();
        const character = text.split('\n', line + 1)[line].indexOf(':') + 1;
        client.edit(uri, { start: { line, character }, end: { line, character } }, 'x');
        text = applyEdit(text, line, character, 'x');
        const answer = await client.request(TimelineChangesRequest.type, { uri, baseVersion: held.version });
        assert.equal(answer?.kind, 'changes');
        const changes = answer as TimelineChanges;
        held = applyTimelineChanges(held, changes);
        const message: HostMessage = how === 'patch' ? patchOf(changes) : { type: 'render', model: held, locked: false, problems: held.problems, stale: false, extraZones: [] };
        bytes[how] = JSON.stringify(message).length;
        await paintedAfter(message);
        samples[how].push(performance.now() - t0);
      }
      assert.match(await p.page.locator('.count').textContent() ?? '', /^10000 /);
      assert.deepEqual(p.problems(), []);
      const stat = (xs: number[]) => {
        const s = [...xs].sort((a, b) => a - b);
        return { p50: s[Math.floor((s.length - 1) * 0.5)], p95: s[Math.ceil((s.length - 1) * 0.95)], samples: s.length };
      };
      const figures = { events: 10_000, patch: { ...stat(samples.patch), messageBytes: bytes.patch }, whole: { ...stat(samples.whole), messageBytes: bytes.whole }, raw: samples };
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      fs.writeFileSync(path.join(ARTIFACTS, 'preview-edit-10k.json'), JSON.stringify(figures, null, 2));
      console.log(`      10,000 events, edit -> painted: patch p50 ${figures.patch.p50.toFixed(0)} / p95 ${figures.patch.p95.toFixed(0)} ms (${bytes.patch} B); `
        + `whole model p50 ${figures.whole.p50.toFixed(0)} / p95 ${figures.whole.p95.toFixed(0)} ms (${(bytes.whole / 1e6).toFixed(1)} MB)`);
    } finally {
      await client.shutdown();
    }
  });
});

function applyEdit(text: string, line: number, character: number, insert: string): string {
  let offset = 0;
  for (let i = 0; i < line; i++) offset = text.indexOf('\n', offset) + 1;
  return text.slice(0, offset + character) + insert + text.slice(offset + character);
}
