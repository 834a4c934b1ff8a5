import * as assert from 'node:assert/strict';
import type { HostMessage } from '../../client/src/previewMessages';
import { TimelineChangesRequest, type TimelineChanges, type TimelineEventJson, type TimelineModel } from '../../common/protocol';
import { parseIncident } from '../../server/src/core';
import { applyTimelineChanges } from '../../common/timelineChanges';
import { diffTimeline, TimelineHistory } from '../../server/src/timelineDiff';
import { toTimelineModel } from '../../server/src/timelineModel';
import { LspTestClient } from './lspClient';

const items = Array.from({ length: 30 }, (_, i) => `  - at: 2024-03-04T01:${String(i).padStart(2, '0')}Z\n    event: step ${i}\n`);
const text = `id: A\ntitle: T\nstatus: investigating\nstart: 2024-03-04T01:00Z\ntimeline:\n${items.join('')}`;
const model = (source: string, version: number) => toTimelineModel('file:///a.incident.yaml', version, parseIncident(source));

describe('incident/timelineChanges', () => {
  it('a keystroke in one event sends that event alone, and applying it gives the full model', () => {
    const at = text.indexOf('step 12') + 4;
    const edited = text.slice(0, at) + 'x' + text.slice(at);
    const changes = diffTimeline(model(text, 1), model(edited, 2));
    assert.equal(changes.start, 12);
    assert.equal(changes.deleteCount, 1);
    assert.deepEqual(changes.events.map((e) => e.text), ['stepx 12']);
    assert.deepEqual(applyTimelineChanges(model(text, 1), changes), model(edited, 2));
  });

  it('a new line moves the events below it: they are all sent, and applying still gives the full model', () => {
    const at = text.indexOf('  - at: 2024-03-04T01:20Z');
    const edited = text.slice(0, at) + '  - at: 2024-03-04T01:19:30Z\n    event: added\n' + text.slice(at);
    const changes = diffTimeline(model(text, 1), model(edited, 2));
    assert.equal(changes.start, 20);
    assert.equal(changes.deleteCount, 10);
    assert.equal(changes.events.length, 11);
    assert.deepEqual(applyTimelineChanges(model(text, 1), changes), model(edited, 2));
  });

  it('an event that loses one optional key and gains another (kind, source) is in the splice', () => {
    const plain = model(text, 1);
    const { source: _noSource, ...withKindKey } = plain.events[1];
    const { kind: _noKind, ...withSourceKey } = plain.events[1];
    // As many keys on both sides: `kind` present but undefined, then gone while a `source` arrives.
    const before: TimelineEventJson = { ...withKindKey, kind: undefined };
    const after: TimelineEventJson = { ...withSourceKey, source: 'https://status.example.com/1' };
    const base = { ...plain, events: [plain.events[0], before, ...plain.events.slice(2)] };
    const next = { ...plain, version: 2, events: [plain.events[0], after, ...plain.events.slice(2)] };
    const gained = diffTimeline(base, next);
    assert.deepEqual([gained.start, gained.deleteCount, gained.events], [1, 1, [after]]);
    assert.deepEqual(applyTimelineChanges(base, gained), next);
    const back = diffTimeline(next, { ...base, version: 3 });
    assert.deepEqual([back.start, back.deleteCount, back.events], [1, 1, [before]]);
  });

  it('sends the header only when it changed, and null when the text stopped being an incident', () => {
    const long = `id: A\ntitle: T\nstatus: investigating\nimpact: ${'mail queued. '.repeat(200)}\nstart: 2024-03-04T01:00Z\ntimeline:\n${items.join('')}`;
    const at = long.indexOf('step 12') + 4;
    const typed = long.slice(0, at) + 'x' + long.slice(at);
    const inEvent = diffTimeline(model(long, 1), model(typed, 2));
    assert.equal('incident' in inEvent, false);
    assert.ok(JSON.stringify(inEvent).length < 1024, `${JSON.stringify(inEvent).length} bytes`);
    assert.deepEqual(applyTimelineChanges(model(long, 1), inEvent), model(typed, 2));

    const retitled = typed.replace('title: T', 'title: Mail queued');
    const inHeader = diffTimeline(model(typed, 2), model(retitled, 3));
    assert.equal(inHeader.incident?.title, 'Mail queued');
    assert.deepEqual(applyTimelineChanges(model(typed, 2), inHeader), model(retitled, 3));

    const gone = diffTimeline(model(retitled, 3), model('- just a list\n', 4));
    assert.equal(gone.incident, null);
    assert.equal(applyTimelineChanges(model(retitled, 3), gone).incident, undefined);
  });

  it('answers the full model when it does not hold the client\'s base version', () => {
    const history = new TimelineHistory();
    assert.equal(history.answer(-1, model(text, 1)).kind, 'full');
    assert.equal(history.answer(1, model(text, 2)).kind, 'changes');
    assert.equal(history.answer(1, model(text, 3)).kind, 'full');
  });
});

describe('incident/timelineChanges from the real server, 10,000 events', () => {
  it('typing in one event: each keystroke\'s patch message is that one event, under a kilobyte (the README\'s promise)', async function () {
    this.timeout(120_000);
    const uri = 'file:///work/patch-size.incident.yaml';
    const events = Array.from({ length: 10_000 }, (_, i) => {
      const at = new Date(Date.parse('2024-03-01T00:00:00Z') + i * 60_000).toISOString().replace('.000Z', 'Z');
      return `  - at: ${at}\n    kind: update\n    event: "status update ${i}: queue draining"\n`;
    });
    let source = `id: P-1\ntitle: Patched\nstatus: resolved\nstart: 2024-03-01T00:00:00Z\nend: 2024-03-08T00:00:00Z\ntimeline:\n${events.join('')}`;
    const client = await LspTestClient.start();
    try {
      await client.initialize({ pull: false });
      client.open(uri, source);
      const first = await client.request(TimelineChangesRequest.type, { uri, baseVersion: -1 });
      assert.equal(first?.kind, 'full');
      let held = (first as { model: TimelineModel }).model;
      // Type "abc" into event 5000's text, one keystroke at a time, as the preview host asks after each.
      const line = 6 + 5_000 * 3 + 2;
      const sizes: number[] = [];
      for (const [n, key] of [...'abc'].entries()) {
        const character = '    event: "status update 5000: queue '.length + n;
        client.edit(uri, { start: { line, character }, end: { line, character } }, key);
        source = source.replace(`5000: queue ${'abc'.slice(0, n)}draining"`, `5000: queue ${'abc'.slice(0, n + 1)}draining"`);
        const answer = await client.request(TimelineChangesRequest.type, { uri, baseVersion: held.version });
        assert.equal(answer?.kind, 'changes');
        const changes = answer as TimelineChanges;
        assert.deepEqual([changes.start, changes.deleteCount, changes.events.map((e) => e.text)], [5_000, 1, [`status update 5000: queue ${'abc'.slice(0, n + 1)}draining`]]);
        held = applyTimelineChanges(held, changes);
        // What the panel posts to the page (client/src/preview/timelinePreview.ts), in UTF-8 bytes.
        const message: HostMessage = { type: 'patch', changes, locked: false, problems: changes.problems, extraZones: [] };
        sizes.push(Buffer.byteLength(JSON.stringify(message)));
      }
      assert.deepEqual(sizes.filter((size) => size >= 1024), [], `patch sizes ${sizes.join(', ')} B`);
      // As it crosses JSON (no undefined members), the patched model is the whole model.
      assert.deepEqual(held, JSON.parse(JSON.stringify(toTimelineModel(uri, held.version, parseIncident(source)))));
    } finally {
      await client.shutdown();
    }
  });
});
