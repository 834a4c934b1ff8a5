import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseIncident } from '../../server/src/core';
import { findTimelineLayout, IncrementalIncidentParser, shiftEvent } from '../../server/src/core/incremental';
import { findExcessiveNesting, newNestingState, scanNesting } from '../../server/src/core/nesting';
import { useTranslations, type ParseOptions, type ParsedIncident } from '../../server/src/core';
import { STANDARD_RULES } from '../../server/src/core/rules';
import { eventRule } from '../../server/src/core/rules/rule';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

// Incremental validation must give exactly what a full parse gives: same diagnostics in the same
// order (positions, messages, data) and the same model (every time and span). These tests apply
// random edits in sequence and compare the two after each one.

/** Compares an incremental parse with the full one, with the text in the message when they differ. */
function assertSame(incremental: ParsedIncident, text: string, options: ParseOptions = {}): void {
  const full = parseIncident(text, options);
  assert.deepStrictEqual(incremental.diagnostics, full.diagnostics, `diagnostics differ for:\n${text}`);
  assert.deepStrictEqual(incremental.incident, full.incident, `models differ for:\n${text}`);
}

// 04:00Z is after the generated end (03:00Z): a mitigated event there is resolved-after-end.
const UTC_TIMES = ['2024-03-04T01:40Z', '2024-03-04T01:41:30Z', '2024-03-04T02:00Z', '2024-03-04T00:10Z', '2024-03-04T03:00:00Z', '2024-03-04T04:00Z'];
const JST_TIMES = ['2024-03-04T10:40', '2024-03-04T10:41:30+09:00', '2024-03-04T11:00', '2024-03-04T02:00', '2024-03-04 12:00'];

/** One timeline item's lines at indentation `indent`, in one of the forms people write. */
const itemArb = (indent: string) => fc.record({
  time: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...UTC_TIMES, ...JST_TIMES.map((t) => `${t.replace(' ', 'T')}+09:00`), '2024-03-04T10:40', 'soon', '2024-02-30T10:00Z') },
    { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...UTC_TIMES), fc.constantFrom(...JST_TIMES)).map(([u, j]) => ({ utc: u, jst: j })) },
    // Read in the root zone when there is one: a date, the spring-forward gap, the fall-back hour.
    { weight: 1, arbitrary: fc.constantFrom('2024-03-04', '2024-03-10T02:30', '2024-11-03T01:30',
      '{local: 2024-03-04T10:40, zone: Europe/London, approx: true}', '{local: 2024-11-03T01:30, utc: 2024-11-03T08:30Z, written: "about 1:30 AM"}',
      '{local: 2024-03-04T10:40-05:00}', '{jst: 2024-03-04, utc: 2024-03-04T01:40Z}', '{written: around noon}',
      // Phrases that count from the time before them: a relative day and a date without a year.
      '{jst: 2024-03-05T05:05, written: "翌日 5時05分"}', '{utc: 2024-03-04T02:00Z, written: "March 4, 02:00 UTC"}') },
  ),
  kind: fc.constantFrom(undefined, 'update', 'detected', 'mitigated', 'updat', ''),
  event: fc.constantFrom(
    'mail is delayed', '"quoted: text"', "'single # quoted'", '>-\n{i}  folded text\n{i}  on two lines',
    '|+\n{i}  kept\n\n', '|\n{i}  literal', '', 'plain text # with a comment', '"two\n{i}  lines"',
  ),
  extra: fc.constantFrom('', 'sourse: https://example.com/a', 'source: https://example.com/b', 'source: not-a-url', 'event: twice',
    // Updates: their keys carry spans the incremental path must shift like the others.
    'status: identified', 'posted: 2024-03-04T02:10Z', 'next_update: 2024-03-04T01:50Z', 'components: {Mail: degraded, Web: operational}',
    'components: [Mail, Wbe]', 'components: {Mail: down}'),
  comment: fc.constantFrom('', '# a comment at column 0', `${indent}  # an indented comment`, ''),
}).map(({ time, kind, event, extra, comment }) => {
  const inner = `${indent}  `;
  const lines: string[] = [];
  if (typeof time === 'string') lines.push(`${indent}- at: ${time}`);
  else lines.push(`${indent}- at:`, `${inner}  utc: ${time.utc}`, `${inner}  jst: ${time.jst}`);
  if (kind !== undefined) lines.push(`${inner}kind: ${kind}`);
  lines.push(`${inner}event: ${event.split('{i}').join(inner)}`);
  if (extra) lines.push(`${inner}${extra}`);
  if (comment) lines.push(comment);
  return lines.join('\n');
});

const incidentArb = fc.record({
  indent: fc.constantFrom('  ', '', '    '),
  count: fc.integer({ min: 0, max: 9 }),
  timelineLast: fc.boolean(),
  status: fc.constantFrom('resolved', 'investigating', 'resolvd'),
  withEnd: fc.boolean(),
  crlf: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  zone: fc.constantFrom([], [], ['zone: America/New_York'], ['zone: america/new_york # the source\'s zone'], ['zone: America/New_Yrok'], ['zone: "Europe/London"']),
}).chain(({ indent, count, timelineLast, status, withEnd, crlf, zone }) =>
  fc.array(itemArb(indent), { minLength: count, maxLength: count }).map((items) => {
    const head = ['# generated', 'id: GEN-1', 'title: Generated', `status: ${status}`, 'components: [Mail, Web]', 'start:', '  utc: 2024-03-04T01:40Z', '  jst: 2024-03-04T10:40'];
    const end = withEnd ? ['end: 2024-03-04T12:00+09:00'] : [];
    const timeline = ['timeline:', ...items];
    const tail = ['tags:', '  - mail', ...zone];
    const lines = timelineLast ? [...head, ...end, ...tail, ...timeline] : [...head, ...timeline, ...end, ...tail];
    const text = lines.join('\n') + '\n';
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  }));

/** Text that typing inserts: values, new items, broken and mended indentation. */
const TYPING = [
  'x', ' ', '\n', ':', ': ', '-', '- ', '#', ' #', '"', "'", '0', '9', 'Z', '+09:00', 'T', '  ', '    ',
  '\n  - at: 2024-03-04T01:45Z\n    event: added\n', '\n- at: 2024-03-04T01:45Z\n  event: added', '\n  - ', '\n  -\n',
  '\n   ', '\n ', '\nstatus: resolved\n', '\ntimeline:\n', '{utc: 2024-03-04T01:40Z}', '[a, b]', '|', '>', '|+\n\n',
  '? ', 'kind: note\n    ', '\n#c\n', '\n\n', '\nzone: Europe/London\n', 'zone: Asia/Tokyo\n', 'America/Chicago',
];
/** Typing slips that break the YAML somewhere (mended by later edits or an undo). */
const YAML_ERRORS = ['a: b', 'k: v: w', '"unclosed', "'", '@x', '`', '\n - x', '\n   bad: indent', '\n bad', '|x', '>-x', ': :', '- - ', '"\\q"', '\n    - x\n  y'];
/** Constructs that must send the parse down the full path. */
const BREAKING = ['&a ', '*a', '!!str ', '{', '[', ']', '}', '\t', '\r', '---\n', '...\n', '%YAML 1.2\n', '\ufeff'];

type Edit = { at: number; where: 'anywhere' | 'line start' | 'in a value' | 'in an event'; pick: number; remove: number; insert: string } | 'undo';
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 6, arbitrary: fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    where: fc.constantFrom('anywhere', 'line start', 'in a value', 'in a value', 'in an event'),
    pick: fc.nat({ max: 20 }),
    remove: fc.constantFrom(0, 0, 0, 1, 1, 2, 5, 20, 60),
    insert: fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom('x', 'a', '1', ' ', '日', 'é') },
      { weight: 8, arbitrary: fc.constantFrom(...TYPING) },
      { weight: 1, arbitrary: fc.constantFrom(...BREAKING) },
      { weight: 3, arbitrary: fc.constantFrom(...YAML_ERRORS) },
      { weight: 2, arbitrary: fc.constant('') },
    ),
  }) },
  // Mending: back to the text before the last edit, as an undo does.
  { weight: 3, arbitrary: fc.constant('undo' as const) },
);

function applyEdit(text: string, edit: Exclude<Edit, 'undo'>): string {
  let at = Math.floor(edit.at * text.length);
  if (edit.where === 'line start') at = text.lastIndexOf('\n', at - 1) + 1;
  if (edit.where === 'in an event') {
    // Typing in one of the timeline's event texts (`at` is biased to the ends of the text).
    const events: number[] = [];
    for (let i = text.indexOf('event: ', text.indexOf('timeline:')); i >= 0; i = text.indexOf('event: ', i + 1)) events.push(i + 7);
    if (events.length > 0) at = Math.min(text.length, events[edit.pick % events.length] + (edit.pick % 4));
  }
  if (edit.where === 'in a value') {
    // Typing inside a value, the common case: just after the nearest `key: `.
    const colon = text.indexOf(': ', at);
    at = colon >= 0 ? colon + 2 + Math.floor(edit.at * 4) : at;
    at = Math.min(at, text.length);
  }
  return text.slice(0, at) + edit.insert + text.slice(Math.min(text.length, at + edit.remove));
}

/**
 * Applies random edit sequences to random incidents, comparing the incremental parse with the
 * full one after each edit; counts how the incremental parser went.
 */
function checkEditSequences(editsArb: fc.Arbitrary<Edit[]>, numRuns: number): { incremental: number; broken: number; full: number; reasons: [string, number][] } {
  let incremental = 0;
  let broken = 0;
  let full = 0;
  const reasons = new Map<string, number>();
  fc.assert(
    // A cap on entries near what the generated files hold, so edits cross it both ways.
    fc.property(incidentArb, editsArb, fc.constantFrom(undefined, undefined, undefined, 40, 60), (initial, edits, maxEntries) => {
      const options = { maxEntries };
      const parser = new IncrementalIncidentParser(options);
      let text = initial;
      assertSame(parser.parse(text), text, options);
      const history: string[] = [];
      for (const edit of edits) {
        if (edit === 'undo') {
          text = history.pop() ?? text;
        } else {
          history.push(text);
          text = applyEdit(text, edit);
        }
        assertSame(parser.parse(text), text, options);
        const path = parser.lastPath;
        if (path.kind === 'incremental') {
          incremental++;
          if (path.brokenItems > 0) broken++;
        } else {
          full++;
          reasons.set(path.reason, (reasons.get(path.reason) ?? 0) + 1);
        }
      }
    }),
    { seed: 20261127, numRuns, endOnFailure: true },
  );
  return { incremental, broken, full, reasons: [...reasons].sort((a, b) => b[1] - a[1]) };
}

describe('incremental validation', function () {
  // The properties run hundreds of edit sequences: a hang guard for a shared, loaded machine.
  this.timeout(120_000);

  it('agrees with a full parse after every edit of a sequence (property)', () => {
    const runs = checkEditSequences(fc.array(editArb, { minLength: 1, maxLength: 16 }), 300);
    // The property means little if nearly every edit fell back to the full parse (random edits
    // break YAML often, and a break lasts until an undo mends it).
    assert.ok(runs.incremental * 2 > runs.full, JSON.stringify(runs));
  });

  it('agrees with a full parse while YAML errors come and go in the events, keeping the other items incremental (property)', () => {
    const slipArb: fc.Arbitrary<Edit> = fc.oneof(
      { weight: 4, arbitrary: fc.record({
        at: fc.constant(0),
        where: fc.constant('in an event' as const),
        pick: fc.nat({ max: 20 }),
        remove: fc.constantFrom(0, 0, 1, 3),
        insert: fc.constantFrom(...YAML_ERRORS, 'x', ' ', ''),
      }) },
      { weight: 2, arbitrary: fc.constant('undo' as const) },
    );
    const runs = checkEditSequences(fc.array(slipArb, { minLength: 1, maxLength: 12 }), 150);
    // Most of these edits leave an item with an error of its own: read in context, not a full parse.
    assert.ok(runs.broken * 3 > runs.full, JSON.stringify(runs));
  });

  it('re-parses only the item an edit touched, and renumbers items after an insertion', () => {
    const items = Array.from({ length: 50 }, (_, i) => `  - at: 2024-03-04T01:${String(i).padStart(2, '0')}Z\n    event: step ${i}\n`);
    let text = `id: A\ntitle: T\nstatus: investigating\nstart: 2024-03-04T01:00Z\ntimeline:\n${items.join('')}`;
    const parser = new IncrementalIncidentParser();
    assertSame(parser.parse(text), text);
    assert.deepEqual(parser.lastPath, { kind: 'incremental', parsedItems: 50, reusedItems: 0, brokenItems: 0 });

    const at = text.indexOf('step 20') + 4;
    text = text.slice(0, at) + 'x' + text.slice(at);
    assertSame(parser.parse(text), text);
    assert.deepEqual(parser.lastPath, { kind: 'incremental', parsedItems: 1, reusedItems: 49, brokenItems: 0 });

    // A new item with a mistake: the items after it move down one and keep their readings.
    const second = text.indexOf('  - at: 2024-03-04T01:01Z');
    text = text.slice(0, second) + '  - at: 2024-03-04T01:00:30Z\n    evnt: inserted\n' + text.slice(second);
    const parsed = parser.parse(text);
    assertSame(parsed, text);
    assert.deepEqual(parser.lastPath, { kind: 'incremental', parsedItems: 1, reusedItems: 50, brokenItems: 0 });
    assert.deepEqual(parsed.diagnostics.map((d) => [d.code, text.slice(d.span.start, d.span.end)]), [
      ['missing-field', 'at'],
      ['unknown-field', 'evnt'],
    ]);
    assert.equal(parsed.incident?.timeline[50].index, 50);

    // That item's messages name its number: moved down by typing above it, then renumbered by
    // an item added above, it says "timeline event 3", as a full parse does.
    const first = text.indexOf('step 0') + 4;
    text = text.slice(0, first) + 'y' + text.slice(first);
    assertSame(parser.parse(text), text);
    text = text.replace('  - at: 2024-03-04T01:00Z\n', '  - at: 2024-03-04T00:59Z\n    event: new first\n  - at: 2024-03-04T01:00Z\n');
    const renumbered = parser.parse(text);
    assertSame(renumbered, text);
    assert.ok(renumbered.diagnostics.some((d) => d.message.includes('timeline event 3')));
  });

  it('judges again only the events an edit touched, and every event when a rule\'s context changes', () => {
    // A rule that counts what it is asked to judge, beside the standard ones.
    let judged: number[] = [];
    const counting = eventRule({
      name: 'counting',
      context: (incident) => String(incident.end?.epochMs),
      checkEvent(event, incident, report) {
        judged.push(event.index);
        const end = incident.end?.epochMs;
        if (end !== undefined && event.at?.epochMs !== undefined && event.at.epochMs > end) {
          report({ code: 'internal-error', severity: 'information', span: event.at.span, message: `event ${event.index + 1} after the end` });
        }
      },
    });
    const options: ParseOptions = { rules: [...STANDARD_RULES, counting] };
    const items = Array.from({ length: 20 }, (_, i) => `  - at: 2024-03-04T01:${String(i).padStart(2, '0')}Z\n    kind: ${i === 15 ? 'mitigated' : 'note'}\n    components: [${i === 3 ? 'Mial' : 'Mail'}]\n    event: step ${i}\n`);
    let text = `id: A\ntitle: T\nstatus: investigating\ncomponents: [Mail]\nstart: 2024-03-04T01:00Z\ntimeline:\n${items.join('')}end: 2024-03-04T01:12Z\n`;
    const parser = new IncrementalIncidentParser(options);
    const edit = (from: string, to: string) => {
      assert.ok(text.includes(from), from);
      text = text.replace(from, to);
      judged = [];
      const parsed = parser.parse(text);
      const byParser = judged;
      judged = [];
      // The full parse beside it judges every event with the counting rule too: not counted.
      assertSame(parsed, text, options);
      judged = byParser;
      assert.equal(parser.lastPath.kind, 'incremental');
      return parsed;
    };
    const codes = (parsed: ParsedIncident) => parsed.diagnostics.map((d) => `${d.code} ${text.slice(d.span.start, d.span.end)}`);
    let parsed = edit('', '');
    assert.equal(judged.length, 20);
    assert.deepEqual(codes(parsed), [
      'unknown-component Mial',
      'internal-error 2024-03-04T01:13Z', 'internal-error 2024-03-04T01:14Z', 'internal-error 2024-03-04T01:15Z',
      'resolved-after-end 2024-03-04T01:15Z',
      'internal-error 2024-03-04T01:16Z', 'internal-error 2024-03-04T01:17Z', 'internal-error 2024-03-04T01:18Z', 'internal-error 2024-03-04T01:19Z',
    ]);

    // Typing in one event: that event alone is judged; the findings below it moved with it.
    parsed = edit('step 1\n', 'step 1x\n');
    assert.deepEqual(judged, [1]);
    // The end, after the timeline, moved: resolved-after-end's related location is the end, so it
    // judges every event again (its context names where the end is); the counting rule does not.
    assert.deepEqual(parsed.diagnostics.find((d) => d.code === 'resolved-after-end')?.related?.map((r) => text.slice(r.span.start, r.span.end)), ['2024-03-04T01:12Z']);

    // The end's time changes the counting rule's context: every event again.
    parsed = edit('end: 2024-03-04T01:12Z', 'end: 2024-03-04T01:17Z');
    assert.equal(judged.length, 20);
    assert.deepEqual(codes(parsed), ['unknown-component Mial', 'internal-error 2024-03-04T01:18Z', 'internal-error 2024-03-04T01:19Z']);

    // An event added above renumbers the rest: only those with findings are judged again (their messages name the index).
    parsed = edit('  - at: 2024-03-04T01:00Z\n', '  - at: 2024-03-04T00:59Z\n    event: new first\n  - at: 2024-03-04T01:00Z\n');
    assert.deepEqual(judged.sort((a, b) => a - b), [0, 4, 19, 20]);
    assert.ok(parsed.diagnostics.some((d) => d.message === 'event 21 after the end'));

    // The root components list is unknown-component's context: every event again, and Mial is now known.
    parsed = edit('components: [Mail]\n', 'components: [Mail, Mial]\n');
    assert.equal(judged.length, 0);
    assert.deepEqual(codes(parsed), ['internal-error 2024-03-04T01:18Z', 'internal-error 2024-03-04T01:19Z']);
  });

  it('judges a phrase that counts from the time before it again when that time changes, the phrase\'s item untouched', () => {
    let text = ['id: A', 'title: T', 'status: investigating', 'start: 2024-03-04T10:00+09:00', 'timeline:',
      '  - at: 2024-03-04T23:00+09:00', '    event: late evening',
      '  - at: {jst: 2024-03-05T05:05, written: "翌日 5時05分"}', '    event: next morning', ''].join('\n');
    const parser = new IncrementalIncidentParser();
    assertSame(parser.parse(text), text);
    assert.deepEqual(parser.parse(text).diagnostics, []);
    // The event before moves a day back: 翌日 is now the 4th, the item that says it unchanged.
    text = text.replace('2024-03-04T23:00+09:00', '2024-03-03T23:00+09:00');
    const parsed = parser.parse(text);
    assertSame(parsed, text);
    assert.deepEqual(parser.lastPath, { kind: 'incremental', parsedItems: 1, reusedItems: 1, brokenItems: 0 });
    assert.deepEqual(parsed.diagnostics.map((d) => `${d.code} ${text.slice(d.span.start, d.span.end)}`), ['written-mismatch 翌日']);
  });

  it('judges every event again in another display language', () => {
    const japanese = JSON.parse(readFileSync(path.join(__dirname, '../../l10n/bundle.l10n.ja.json'), 'utf8')) as Record<string, string>;
    const items = Array.from({ length: 5 }, (_, i) => `  - at: 2024-03-04T0${5 - i}:00Z\n    event: step ${i}\n`).join('');
    let text = `id: A\ntitle: T\nstatus: investigating\nstart: 2024-03-04T00:00Z\ntimeline:\n${items}`;
    const parser = new IncrementalIncidentParser();
    try {
      const english = parser.parse(text);
      assertSame(english, text);
      useTranslations('ja', japanese);
      text = text.replace('step 0', 'step 0!');
      const parsed = parser.parse(text);
      assertSame(parsed, text);
      assert.equal(parser.lastPath.kind, 'incremental');
      const order = parsed.diagnostics.filter((d) => d.code === 'timeline-order');
      assert.equal(order.length, 4);
      assert.ok(order.every((d) => /[ぁ-んァ-ン一-龯]/.test(d.message)), order.map((d) => d.message).join('\n'));
    } finally {
      useTranslations('en', undefined);
    }
  });

  it('reads every item again in the new root zone when the zone changes, and reuses them while it does not', () => {
    const items = Array.from({ length: 5 }, (_, i) => `  - at: 2024-03-04T0${i}:00\n    event: step ${i}\n`).join('');
    let text = `id: A\ntitle: T\nstatus: investigating\nzone: America/New_York\nstart: 2024-03-04T00:00\ntimeline:\n${items}`;
    const parser = new IncrementalIncidentParser();
    assertSame(parser.parse(text), text);
    text = text.replace('step 2', 'step 2!');
    assertSame(parser.parse(text), text);
    assert.deepEqual(parser.lastPath, { kind: 'incremental', parsedItems: 1, reusedItems: 4, brokenItems: 0 });
    text = text.replace('zone: America/New_York', 'zone: Europe/London');
    const london = parser.parse(text);
    assertSame(london, text);
    assert.deepEqual(parser.lastPath, { kind: 'incremental', parsedItems: 5, reusedItems: 0, brokenItems: 0 });
    assert.equal(new Date(london.incident!.timeline[0].at!.epochMs!).toISOString(), '2024-03-04T00:00:00.000Z');
    // A zone the lines cannot tell (its value on the next line) goes to the full parse.
    text = text.replace('zone: Europe/London', 'zone:\n  Europe/London');
    assertSame(parser.parse(text), text);
    assert.deepEqual(parser.lastPath, { kind: 'full', reason: 'root zone not on its line' });
  });

  it('falls back to the full parse for what cannot be split, and recovers after', () => {
    const base = 'id: A\ntitle: T\nstatus: investigating\nstart: 2024-03-04T01:00Z\ntimeline:\n  - at: 2024-03-04T01:10Z\n    event: one\n  - at: 2024-03-04T01:20Z\n    event: two\n';
    const cases: [string, string][] = [
      [base.replace('event: one', 'event: &e one').replace('event: two', 'event: *e'), 'anchors, aliases or tags'],
      [base.replace('event: two', 'event: "two'), 'YAML errors or warnings'],
      [base + '---\nid: B\n', 'document marker or directive'],
      [base.replace('    event: one', '\tevent: one'), 'tab'],
      [base.replace('    event: two', ' event: two'), 'odd indentation in the timeline'],
      [base.replace('timeline:\n', 'timeline: [\n').replace(/\n$/, ']\n'), 'timeline is not a block list'],
    ];
    // Nested past the limit of nesting.ts: in one item, and bracket by bracket over many items.
    const many = Array.from({ length: 205 }, (_, i) => `  - at: 2024-03-04T01:10Z\n    event: see [note ${i}\n`).join('');
    cases.push([base.replace('  - at: 2024-03-04T01:20Z', `  ${'- '.repeat(205)}x\n  - at: 2024-03-04T01:20Z`), 'nested too deep']);
    cases.push([base.replace('timeline:\n', `timeline:\n${many}`), 'nested too deep']);
    const parser = new IncrementalIncidentParser();
    for (const [text, reason] of cases) {
      assertSame(parser.parse(text), text);
      assert.deepEqual(parser.lastPath, { kind: 'full', reason });
    }
    assertSame(parser.parse(base), base);
    assert.equal(parser.lastPath.kind, 'incremental');
  });

  it('finds items by their dash lines, with comments and blank lines kept with the item above', () => {
    const text = 'id: A\ntimeline: # the log\n# first\n  - at: x\n\n# between\n  - at: y\n    event: |+\n      kept\n\nstatus: resolved\n';
    const layout = findTimelineLayout(text);
    assert.ok(!('reason' in layout));
    const slices = layout.items.map((s) => text.slice(s.start, s.end));
    // Each item runs to the next one's dash: yaml ends an item whose last value is empty there.
    assert.deepEqual(slices, ['  - at: x\n\n# between\n  ', '  - at: y\n    event: |+\n      kept\n\n']);
    assert.equal(text.slice(layout.end), 'status: resolved\n');
  });

  it('scans nesting as nesting.ts does, whole or resumed part by part (property)', () => {
    const lineArb = fc.tuple(fc.constantFrom('', ' ', '  ', '    ', '\t'), fc.array(fc.constantFrom('- ', '? ', '[', ']', '{', '}', '"', "'", '\\', 'a', ' ', '#', ',', ': '), { maxLength: 8 }))
      .map(([indent, parts]) => indent + parts.join(''));
    fc.assert(fc.property(fc.array(lineArb, { maxLength: 14 }), fc.constantFrom('\n', '\r\n'), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 14 }), (lines, eol, max, splitAt) => {
      const text = lines.join(eol);
      const expected = findExcessiveNesting(text, max);
      const whole = newNestingState();
      assert.equal(scanNesting(text, 0, text.length, whole, max), expected);
      // Resumed at a line start, carrying the state: the same first offset and, when the scan
      // went through, the same count of entries.
      const cut = lines.slice(0, splitAt).reduce((n, line) => n + line.length + eol.length, 0);
      if (cut >= text.length) return;
      const state = newNestingState();
      const first = scanNesting(text, 0, cut, state, max);
      assert.equal(first >= 0 ? first : scanNesting(text, cut, text.length, state, max), expected);
      if (expected < 0) assert.equal(state.entries, whole.entries);
    }), { seed: 7, numRuns: 2000 });
  });

  it('shifts every span of an event', () => {
    const text = 'id: A\ntimeline:\n  - at:\n      utc: 2024-03-04T01:40Z\n      jst: 2024-03-04T10:40\n    kind: note\n    event: e\n    source: https://example.com/\n';
    const moved = '\n\n' + text;
    const event = parseIncident(text).incident!.timeline[0];
    assert.deepStrictEqual(shiftEvent(event, 2), parseIncident(moved).incident!.timeline[0]);
  });
});
