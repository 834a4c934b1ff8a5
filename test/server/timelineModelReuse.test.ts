/**
 * toTimelineModel reuses the JSON of events the incremental parser handed back unchanged: after
 * any sequence of edits the model must still deep-equal the one from a fresh full parse, lines
 * shifted by an equal-length edit (a character replaced by a line break) included.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseIncident } from '../../server/src/core';
import { IncrementalIncidentParser } from '../../server/src/core/incremental';
import { diffTimeline } from '../../server/src/timelineDiff';
import { toTimelineModel } from '../../server/src/timelineModel';

const URI = 'file:///work/reuse.incident.yaml';

function incident(count: number): string {
  const lines = ['id: R-1', 'title: Reuse', 'status: resolved', 'start: 2024-03-01T00:00:00Z', 'end: 2024-03-02T00:00:00Z', 'timeline:'];
  for (let i = 0; i < count; i++) {
    const minute = String(i % 60).padStart(2, '0');
    lines.push(i % 2
      ? `  - at: 2024-03-01T0${i % 10}:${minute}:00Z\n    kind: update\n    event: event ${i}`
      : `  - at:\n      utc: 2024-03-01T0${i % 10}:${minute}:00Z\n      jst: 2024-03-01T${String(9 + (i % 10)).padStart(2, '0')}:${minute}:00+09:00\n    event: "event ${i}"${i === 0 ? '\n    # x' : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

const INSERTS = ['x', '\n', '', ' ', '9', 'Q', '\n  - at: 2024-03-01T05:00:00Z\n    event: new', '#'];

describe('timeline model: reused events', () => {
  it('equals the model of a full parse after every edit (property)', function () {
    // CPU-bound: about 10 s alone, a minute on the loaded 2-core CI machine; the limit only catches a hang.
    this.timeout(180_000);
    fc.assert(fc.property(
      fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(3), insert: fc.constantFrom(...INSERTS) }), { minLength: 1, maxLength: 25 }),
      (edits) => {
        let text = incident(12);
        const parser = new IncrementalIncidentParser();
        let previous = toTimelineModel(URI, 0, parser.parse(text));
        edits.forEach((edit, i) => {
          const at = Math.floor(edit.at * text.length);
          text = text.slice(0, at) + edit.insert + text.slice(Math.min(text.length, at + edit.remove));
          const model = toTimelineModel(URI, i + 1, parser.parse(text));
          const full = toTimelineModel(URI, i + 1, parseIncident(text));
          assert.deepEqual(model, full);
          assert.deepEqual(diffTimeline(previous, model), diffTimeline(previous, full));
          previous = model;
        });
      },
    ), { numRuns: 300 });
  });

  it('keeps the events above a keystroke as the same objects, and moves the ones below a new line', () => {
    let text = incident(6);
    const parser = new IncrementalIncidentParser();
    const before = toTimelineModel(URI, 1, parser.parse(text));
    const third = text.indexOf('event 3');
    text = `${text.slice(0, third)}x${text.slice(third)}`;
    const typed = toTimelineModel(URI, 2, parser.parse(text));
    assert.equal(typed.events[0], before.events[0]);
    assert.equal(typed.events[2], before.events[2]);
    // Below the keystroke the parser hands back shifted copies at the same lines and columns:
    // their JSON is kept too (diffTimeline then passes them by identity).
    assert.equal(typed.events[4], before.events[4]);
    assert.equal(typed.events[5], before.events[5]);
    assert.notEqual(typed.events[3], before.events[3]);
    assert.deepEqual(typed, toTimelineModel(URI, 2, parseIncident(text)));
    // The x of event 0's comment replaced by a line break: same length, still valid YAML, so the
    // events below are handed back as the same objects, but every line below moves down.
    const x = text.indexOf('# x') + 2;
    text = `${text.slice(0, x)}\n${text.slice(x + 1)}`;
    const moved = toTimelineModel(URI, 3, parser.parse(text));
    assert.deepEqual(moved, toTimelineModel(URI, 3, parseIncident(text)));
    assert.equal(moved.problems.errors, 0);
    assert.equal(moved.events[1].range.start.line, before.events[1].range.start.line + 1);

    // An event added above renumbers the ones below: new JSON with the new index, then kept again.
    const second = text.indexOf('  - at: 2024-03-01T01:01:00Z');
    text = `${text.slice(0, second)}  - at: 2024-03-01T01:00:30Z\n    event: inserted\n${text.slice(second)}`;
    const renumbered = toTimelineModel(URI, 4, parser.parse(text));
    assert.deepEqual(renumbered, toTimelineModel(URI, 4, parseIncident(text)));
    assert.equal(renumbered.events[5].index, 5);
    assert.equal(renumbered.events[5].text, 'event 4');
    const last = text.lastIndexOf('event 5');
    text = `${text.slice(0, last)}y${text.slice(last)}`;
    const again = toTimelineModel(URI, 5, parser.parse(text));
    assert.equal(again.events[5], renumbered.events[5]);
  });
});
