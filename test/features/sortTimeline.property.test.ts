/** Sorting the timeline and fix-all, on generated timelines: in order, nothing lost, stable, idempotent. */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseIncident } from '../../server/src/core';
import { fixAll, sortTimeline } from '../../server/src/features/codeActions';
import { applyEdits } from '../../server/src/features/edit';

/** How an event's `at` is written: every form fix-all has work on, and the forms it must leave alone. */
const AT_FORMS = ['string', 'jst-only', 'utc-only', 'flow-utc-only', 'pair', 'utc-wrong-offset', 'jst-wrong-offset', 'jst-only-wrong-offset'] as const;
type AtForm = (typeof AT_FORMS)[number];

interface GeneratedEvent {
  readonly minute: number;
  readonly comment: boolean;
  readonly blankAfter: boolean;
  readonly form: AtForm;
}

const eventArbitrary: fc.Arbitrary<GeneratedEvent> = fc.record({
  minute: fc.integer({ min: 0, max: 30 }),
  comment: fc.boolean(),
  blankAfter: fc.boolean(),
  form: fc.constantFrom(...AT_FORMS),
});

const HEAD = ['id: P-1', 'title: generated', 'status: monitoring', 'start: 2019-11-19T10:00+09:00', 'timeline:'];
const TAIL = ['tags: [generated]', ''];

/** One event's lines, from its comment to its `event:` line. */
function itemLines(e: GeneratedEvent, i: number): string[] {
  const mm = String(e.minute).padStart(2, '0');
  const jst = `2019-11-19T10:${mm}`;
  const utc = `2019-11-19T01:${mm}Z`;
  const at = {
    'string': [`  - at: ${jst}+09:00  # ${i}`],
    'jst-only': ['  - at:', `      jst: ${jst}  # ${i}`],
    'utc-only': ['  - at:', `      utc: ${utc}`],
    'flow-utc-only': [`  - at: {utc: ${utc}}`],
    'pair': ['  - at:', `      utc: ${utc}`, `      jst: ${jst}`],
    'utc-wrong-offset': ['  - at:', `      utc: ${jst}+09:00`, `      jst: ${jst}`],
    'jst-wrong-offset': ['  - at:', `      utc: ${utc}`, `      jst: ${utc}`],
    'jst-only-wrong-offset': ['  - at:', `      jst: ${utc}  # ${i}`],
  }[e.form];
  return [...(e.comment ? [`  # about event ${i}`] : []), ...at, `    event: event ${i}`];
}

/**
 * The incident with its events' items in `order` (positions from 0), each position keeping the
 * blank line after it: sorting moves items, not the gaps between them.
 */
function incidentText(events: readonly GeneratedEvent[], eol: string, order = events.map((_, i) => i)): string {
  const lines = [...HEAD];
  order.forEach((item, position) => {
    lines.push(...itemLines(events[item], item));
    if (events[position].blankAfter && position < events.length - 1) lines.push('');
  });
  lines.push(...TAIL);
  return lines.join(eol);
}

/** The instant of each event, in timeline order. */
function instants(text: string): (number | undefined)[] {
  return parseIncident(text).incident!.timeline.map((e) => e.at?.epochMs ?? e.at?.utc?.epochMs ?? e.at?.jst?.epochMs);
}

describe('sort the timeline (generated timelines)', () => {
  it('every item moves whole, comments included, into time order, equal times in their written order', () => {
    const sortable = fc.array(eventArbitrary.filter((e) => !e.form.includes('wrong')), { minLength: 2, maxLength: 8 });
    fc.assert(fc.property(sortable, fc.boolean(), (events, crlf) => {
      const eol = crlf ? '\r\n' : '\n';
      const text = incidentText(events, eol);
      const edit = sortTimeline(parseIncident(text));
      const sorted = edit ? applyEdits(text, [edit]) : text;
      // Stable: by minute, then by the written position.
      const order = events.map((e, i) => ({ minute: e.minute, i })).sort((a, b) => a.minute - b.minute || a.i - b.i).map((e) => e.i);
      assert.equal(sorted, incidentText(events, eol, order));
      const parsed = parseIncident(sorted);
      assert.deepEqual(parsed.diagnostics.map((d) => d.code), []);
      assert.equal(sortTimeline(parsed), undefined);
      assert.equal(edit === undefined, order.every((item, position) => item === position), 'an edit exactly when the order changes');
    }), { numRuns: 200 });
  });

  it('fix all is idempotent, keeps every instant, and leaves no wrong offset or one-sided pair', () => {
    let wrongOffsets = 0;
    let oneSided = 0;
    fc.assert(fc.property(fc.array(eventArbitrary, { minLength: 1, maxLength: 6 }), (events) => {
      const text = incidentText(events, '\n');
      const before = parseIncident(text);
      if (before.diagnostics.some((d) => d.code === 'wrong-offset')) wrongOffsets++;
      if (before.incident!.timeline.some((e) => e.at?.form === 'pair' && !(e.at.utc && e.at.jst))) oneSided++;
      const once = applyEdits(text, fixAll(before));
      const after = parseIncident(once);
      assert.deepEqual(after.diagnostics.filter((d) => d.code !== 'timeline-order').map((d) => d.code), [], once);
      assert.ok(after.incident!.timeline.every((e) => e.at?.form === 'string' || (e.at?.utc && e.at.jst)), once);
      assert.deepEqual(instants(once), instants(text));
      assert.deepEqual(fixAll(after), []);
    }), { numRuns: 100 });
    // The generator does produce what fix-all works on (six events of eight forms over 100 runs).
    assert.ok(wrongOffsets >= 20, `only ${wrongOffsets} texts with a wrong offset`);
    assert.ok(oneSided >= 20, `only ${oneSided} texts with a one-sided pair`);
  });
});
