import * as assert from 'node:assert/strict';
import { parseIncident } from '../../server/src/core';
import { applyTimelineChanges } from '../../common/timelineChanges';
import { diffTimeline, TimelineHistory } from '../../server/src/timelineDiff';
import { toTimelineModel } from '../../server/src/timelineModel';
import type { TimelineEventJson } from '../../common/protocol';

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

  it('answers the full model when it does not hold the client\'s base version', () => {
    const history = new TimelineHistory();
    assert.equal(history.answer(-1, model(text, 1)).kind, 'full');
    assert.equal(history.answer(1, model(text, 2)).kind, 'changes');
    assert.equal(history.answer(1, model(text, 3)).kind, 'full');
  });
});
