/** Sorting the timeline, on generated timelines: always in order, nothing lost, stable. */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseIncident } from '../../server/src/core';
import { fixAll, sortTimeline } from '../../server/src/features/codeActions';
import { applyEdits } from '../../server/src/features/edit';

const eventArbitrary = fc.record({
  minute: fc.integer({ min: 0, max: 30 }),
  comment: fc.boolean(),
  blankAfter: fc.boolean(),
  pair: fc.boolean(),
});

function incidentText(events: { minute: number; comment: boolean; blankAfter: boolean; pair: boolean }[], eol: string): string {
  const lines = ['id: P-1', 'title: generated', 'status: monitoring', 'start: 2019-11-19T10:00+09:00', 'timeline:'];
  events.forEach((e, i) => {
    const jst = `2019-11-19T10:${String(e.minute).padStart(2, '0')}`;
    if (e.comment) lines.push(`  # about event ${i}`);
    if (e.pair) lines.push('  - at:', `      jst: ${jst}`);
    else lines.push(`  - at: ${jst}+09:00  # ${i}`);
    lines.push(`    event: event ${i}`);
    if (e.blankAfter && i < events.length - 1) lines.push('');
  });
  lines.push('tags: [generated]', '');
  return lines.join(eol);
}

describe('sort the timeline (generated timelines)', () => {
  it('leaves no timeline-order, keeps every line, and keeps equal times in their order', () => {
    fc.assert(fc.property(fc.array(eventArbitrary, { minLength: 2, maxLength: 8 }), fc.boolean(), (events, crlf) => {
      const eol = crlf ? '\r\n' : '\n';
      const text = incidentText(events, eol);
      const edit = sortTimeline(parseIncident(text));
      const sorted = edit ? applyEdits(text, [edit]) : text;
      const parsed = parseIncident(sorted);
      assert.deepEqual(parsed.diagnostics.map((d) => d.code), []);
      assert.deepEqual(sorted.split(eol).filter((l) => l.trim()).sort(), text.split(eol).filter((l) => l.trim()).sort());
      // Stable: the events come out ordered by minute, then by their original index.
      const expected = events.map((e, i) => ({ ...e, i })).sort((a, b) => a.minute - b.minute || a.i - b.i).map((e) => `event ${e.i}`);
      assert.deepEqual(parsed.incident!.timeline.map((e) => e.event!.value), expected);
      // Each comment still sits right above its event.
      const out = sorted.split(eol);
      out.forEach((line, n) => {
        const m = /# about event (\d+)/.exec(line);
        if (m) assert.ok(out.slice(n + 1, n + 3).some((l) => l.includes(`# ${m[1]}`) || l.includes('- at:')), sorted);
      });
      assert.equal(sortTimeline(parsed), undefined);
    }), { numRuns: 200 });
  });

  it('fix all is idempotent', () => {
    fc.assert(fc.property(fc.array(eventArbitrary, { minLength: 1, maxLength: 6 }), (events) => {
      const text = incidentText(events, '\n');
      const once = applyEdits(text, fixAll(parseIncident(text)));
      assert.deepEqual(fixAll(parseIncident(once)), []);
    }), { numRuns: 100 });
  });
});
