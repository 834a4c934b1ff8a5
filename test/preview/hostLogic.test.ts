/** The preview's host-side logic as plain modules: throttle, stale-version drop, sync without loops, state. */
import * as assert from 'node:assert/strict';
import { eventAtLine, EditorSync, type EventRange } from '../../client/src/preview/editorSync';
import { LiveModel, ModelReceiver } from '../../client/src/preview/liveModel';
import { RenderThrottle, type Timers } from '../../client/src/preview/renderThrottle';
import { parsePreviewState, parseWebviewMessage } from '../../client/src/previewMessages';
import type { TimelineModel } from '../../common/protocol';

/** Timers driven by hand: `fire()` runs what is due, nothing runs on its own. */
class ManualTimers implements Timers {
  now = 0;
  private queue: { at: number; callback: () => void; id: number }[] = [];
  private next = 1;
  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.next++;
    this.queue.push({ at: this.now + ms, callback, id });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.queue = this.queue.filter((t) => t.id !== handle);
  }
  advance(ms: number): void {
    this.now += ms;
    const due = this.queue.filter((t) => t.at <= this.now);
    this.queue = this.queue.filter((t) => t.at > this.now);
    for (const t of due) t.callback();
  }
  get scheduled(): number[] {
    return this.queue.map((t) => t.at);
  }
}

describe('RenderThrottle', () => {
  it('renders at once when idle, then one render per window while typing, the last keystroke included', () => {
    const timers = new ManualTimers();
    const runs: number[] = [];
    const throttle = new RenderThrottle(() => runs.push(timers.now), 100, timers);
    throttle.request();
    assert.deepEqual(runs, [0]);
    // A burst of keystrokes at 10, 50, 90, 130, 160 ms: one render when each window closes.
    for (const t of [10, 50, 90]) {
      timers.advance(t - timers.now);
      throttle.request();
    }
    assert.equal(throttle.pending, true);
    assert.deepEqual(timers.scheduled, [100]);
    timers.advance(100 - timers.now);
    assert.deepEqual(runs, [0, 100]);
    for (const t of [130, 160]) {
      timers.advance(t - timers.now);
      throttle.request();
    }
    timers.advance(200 - timers.now);
    assert.deepEqual(runs, [0, 100, 200], 'the last keystroke (160) is on screen by 200');
    // Nothing was asked during the last window: it closes without a render.
    timers.advance(100);
    assert.deepEqual(runs, [0, 100, 200]);
    assert.equal(throttle.pending, false);
    assert.deepEqual(timers.scheduled, []);
    // One edit after a pause renders at once, not a window later.
    timers.advance(500);
    throttle.request();
    assert.deepEqual(runs, [0, 100, 200, 800]);
  });

  it('as the preview builds it (default window): typing for a second renders every 100 ms, each keystroke within 100 ms', () => {
    const timers = new ManualTimers();
    const runs: number[] = [];
    const throttle = new RenderThrottle(() => runs.push(timers.now), undefined, timers);
    const keystrokes: number[] = [];
    for (let t = 0; t < 1000; t += 10) {
      timers.advance(t - timers.now);
      throttle.request();
      keystrokes.push(t);
    }
    while (timers.now < 1200) timers.advance(10);
    assert.deepEqual(runs, [0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
    const latencies = keystrokes.map((k) => runs.find((r) => r >= k)! - k);
    assert.equal(Math.max(...latencies), 90);
  });

  it('renders at once again after reset (another document) and on an immediate request', () => {
    const timers = new ManualTimers();
    let runs = 0;
    const throttle = new RenderThrottle(() => runs++, 300, timers);
    throttle.request();
    throttle.request();
    assert.equal(runs, 1);
    throttle.reset();
    assert.deepEqual(timers.scheduled, [], 'the pending render is cancelled');
    throttle.request();
    assert.equal(runs, 2);
    throttle.request(true);
    assert.equal(runs, 3);
    throttle.dispose();
  });
});

const RANGE = { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } };

function model(version: number, incident = true, uri = 'file:///a.incident.yaml', events = 0, errors = incident ? 0 : 2): TimelineModel {
  return {
    uri, version, incident: incident ? { id: `v${version}`, range: RANGE } : undefined,
    events: Array.from({ length: events }, (_, index) => ({ index, range: RANGE })), problems: { errors, warnings: 0 },
  };
}

function pick(shown: ReturnType<LiveModel['accept']>) {
  return { version: shown?.model.version, stale: shown?.stale, errors: shown?.problems.errors };
}

describe('LiveModel', () => {
  it('drops answers for a version older than the one shown', () => {
    const live = new LiveModel();
    assert.equal(live.accept(model(5))?.model.version, 5);
    assert.equal(live.accept(model(7))?.model.version, 7);
    assert.equal(live.accept(model(6)), undefined, 'a slow answer for version 6 arrives after 7');
    assert.equal(live.accept(model(7))?.model.version, 7, 'the same version again (a reload) is drawn');
  });

  it('keeps the last good timeline, marked stale, with the newest problem counts', () => {
    const live = new LiveModel();
    live.accept(model(1));
    const shown = live.accept(model(2, false));
    assert.deepEqual({ version: shown?.model.version, stale: shown?.stale, problems: shown?.problems }, { version: 1, stale: true, problems: { errors: 2, warnings: 0 } });
    assert.equal(live.good?.version, 1);
    assert.deepEqual(live.accept(model(3))?.stale, false);
  });

  it('with errors, a model that lost events or header fields keeps the last good one; one that lost nothing replaces it', () => {
    const live = new LiveModel();
    live.accept(model(1, true, undefined, 3));
    // `{{{` typed at the top: still a mapping, but the id and every event are gone.
    const broken: TimelineModel = { ...model(2, true, undefined, 0, 44), incident: { range: RANGE } };
    assert.deepEqual(pick(live.accept(broken)), { version: 1, stale: true, errors: 44 });
    // One event loses its time: same events, same header: shown, so the event is listed as unreadable.
    assert.deepEqual(pick(live.accept(model(3, true, undefined, 3, 1))), { version: 3, stale: false, errors: 1 });
    // Without errors, a shorter timeline is simply the new truth (events deleted on purpose).
    assert.deepEqual(pick(live.accept(model(4, true, undefined, 1, 0))), { version: 4, stale: false, errors: 0 });
  });

  it('starts over for another document: nothing stale from the previous one', () => {
    const live = new LiveModel();
    live.accept(model(9));
    live.reset();
    const shown = live.accept(model(1, false, 'file:///b.incident.yaml'));
    assert.equal(shown?.stale, false);
    assert.equal(shown?.model.uri, 'file:///b.incident.yaml');
  });
});

describe('ModelReceiver', () => {
  const base = model(1, true, undefined, 3);
  const changes = (baseVersion: number, version: number) => ({
    kind: 'changes' as const, uri: base.uri, version, baseVersion, incident: base.incident, problems: base.problems,
    start: 1, deleteCount: 1, events: [{ index: 1, range: RANGE, text: 'edited' }],
  });

  it('applies changes to the version it holds and asks for everything otherwise', () => {
    const receiver = new ModelReceiver();
    assert.equal(receiver.baseVersion, -1);
    assert.equal(receiver.receive(changes(1, 2)), undefined, 'nothing held yet');
    assert.equal(receiver.receive({ kind: 'full', model: base }), base);
    assert.equal(receiver.baseVersion, 1);
    const next = receiver.receive(changes(1, 2));
    assert.deepEqual(next?.events.map((e) => e.text), [undefined, 'edited', undefined]);
    assert.equal(receiver.baseVersion, 2);
    assert.equal(receiver.receive(changes(7, 8)), undefined, 'changes against a version it does not hold');
    assert.equal(receiver.baseVersion, -1, 'so the next request asks for everything');
    assert.equal(receiver.receive(null), null, 'the server does not know the document');
  });
});

const EVENTS: EventRange[] = [
  { index: 0, range: { start: { line: 10, character: 2 }, end: { line: 13, character: 0 } } },
  { index: 1, range: { start: { line: 13, character: 2 }, end: { line: 16, character: 5 } } },
  { index: 2, range: { start: { line: 20, character: 2 }, end: { line: 22, character: 0 } } },
];

describe('eventAtLine', () => {
  it('finds the event whose list item holds the line', () => {
    assert.deepEqual([9, 10, 12, 13, 16, 17, 20, 21, 22].map((line) => eventAtLine(EVENTS, line)), [null, 0, 0, 1, 1, null, 2, 2, null]);
    assert.equal(eventAtLine([], 3), null);
  });
});

describe('EditorSync', () => {
  const uri = 'file:///a.incident.yaml';

  it('forwards cursor moves as highlights, once per event', () => {
    const sync = new EditorSync();
    assert.equal(sync.selectionChanged(uri, 11, EVENTS), 0);
    assert.equal(sync.selectionChanged(uri, 12, EVENTS), undefined, 'same event: nothing new to send');
    assert.equal(sync.selectionChanged(uri, 14, EVENTS), 1);
    assert.equal(sync.selectionChanged(uri, 18, EVENTS), null, 'outside every event');
  });

  it('does not echo the selection the preview asked for (no loop)', () => {
    const sync = new EditorSync();
    sync.selectionChanged(uri, 11, EVENTS);
    // The preview asks to reveal event 2, whose source starts on line 20.
    sync.revealing(uri, 20, 2);
    assert.equal(sync.selectionChanged(uri, 20, EVENTS), undefined, 'the echo of our own reveal');
    assert.equal(sync.selectionChanged(uri, 21, EVENTS), undefined, 'still event 2, already highlighted');
    assert.equal(sync.selectionChanged(uri, 14, EVENTS), 1, 'the user moves on: forwarded again');
  });
});

describe('webview messages and saved state', () => {
  it('accepts well-formed messages and rejects the rest', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'reveal', index: 3 }), { type: 'reveal', index: 3 });
    assert.deepEqual(parseWebviewMessage({ type: 'openLink', url: 'https://example.com' }), { type: 'openLink', url: 'https://example.com' });
    assert.deepEqual(parseWebviewMessage({ type: 'ready', extra: 1 }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'hover', index: 4 }), { type: 'hover', index: 4 });
    assert.deepEqual(parseWebviewMessage({ type: 'hover', index: null }), { type: 'hover', index: null });
    for (const bad of [null, 'reveal', { type: 'reveal', index: -1 }, { type: 'reveal', index: 1.5 }, { type: 'openLink' }, { type: 'eval', code: 'x' }, { type: 'hover' }, { type: 'hover', index: -2 }]) {
      assert.equal(parseWebviewMessage(bad), undefined, JSON.stringify(bad));
    }
  });

  it('revives a saved state, clamping what is out of range and defaulting what is missing', () => {
    assert.deepEqual(parsePreviewState({ uri: 'file:///a', locked: true, zone: 'UTC', zoneChosen: true, mode: 'list', zoom: 99999, scrollLeft: -5, scrollTop: 40, selected: 2 }), {
      uri: 'file:///a', locked: true, zone: 'UTC', zoneChosen: true, mode: 'list', zoom: 4096, scrollLeft: 0, scrollTop: 40, selected: 2,
    });
    assert.deepEqual(parsePreviewState({ uri: 'file:///a', zone: 'PST', zoom: 'big' }), {
      uri: 'file:///a', locked: false, zone: 'JST', zoneChosen: false, mode: 'timeline', zoom: 1, scrollLeft: 0, scrollTop: 0,
    });
    // The filters and the fold: known kinds only (in the catalogue's order), a search of a sane length.
    assert.deepEqual(parsePreviewState({ uri: 'file:///a', hiddenKinds: ['note', 'bogus', 7, 'detected'], query: 'x'.repeat(600), detailsOpen: false }), {
      uri: 'file:///a', locked: false, zone: 'JST', zoneChosen: false, mode: 'timeline', zoom: 1, scrollLeft: 0, scrollTop: 0,
      hiddenKinds: ['detected', 'note'], query: 'x'.repeat(500), detailsOpen: false,
    });
    assert.deepEqual(Object.keys(parsePreviewState({ uri: 'file:///a', hiddenKinds: 'note', query: 3, detailsOpen: 'yes' })!).sort(), ['locked', 'mode', 'scrollLeft', 'scrollTop', 'uri', 'zone', 'zoneChosen', 'zoom']);
    // The file's own zone is a choice a panel keeps across a reload; a zone name itself is not.
    assert.equal(parsePreviewState({ uri: 'file:///a', zone: 'file', zoneChosen: true })?.zone, 'file');
    assert.equal(parsePreviewState({ uri: 'file:///a', zone: 'America/Los_Angeles' })?.zone, 'JST');
    assert.deepEqual(parseWebviewMessage({ type: 'state', state: { uri: 'file:///a', zone: 'file' } }), {
      type: 'state', state: { uri: 'file:///a', locked: false, zone: 'file', zoneChosen: false, mode: 'timeline', zoom: 1, scrollLeft: 0, scrollTop: 0 },
    });
    assert.equal(parsePreviewState({ zone: 'UTC' }), undefined, 'no document: nothing to revive');
    assert.equal(parsePreviewState(undefined), undefined);
  });
});
