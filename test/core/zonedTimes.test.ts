/**
 * Times as sources write them: the root `zone`, `{local, zone}` mappings, dates without a clock,
 * `approx` and `written`, read into the model; and the diagnostics of named zones (daylight
 * saving gaps and overlaps, offsets and UTC twins that do not fit the zone).
 */
import * as assert from 'node:assert/strict';
import type { DataOf, TimeValue } from '../../server/src/core';
import { diagnose, HEAD, lines, only, rows } from './diagnose';

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

/** The instant fields of a time, for comparing. */
function instant(time: TimeValue | undefined) {
  return time && { form: time.form, at: iso(time.epochMs), dayEnd: iso(time.dayEndMs), precision: time.precision };
}

const zoned = (zone: string, ...rest: string[]) => lines(...HEAD, `zone: ${zone}`, ...rest);

describe('times in named zones (read into the model)', () => {
  it('the root zone reads a time string without an offset, in that date\'s offset', () => {
    const text = zoned('America/Los_Angeles', 'start: 2021-01-04T18:55', 'end: 2021-06-08 10:00');
    assert.deepEqual(rows(text), []);
    const { incident } = diagnose(text);
    assert.equal(incident?.zone?.value, 'America/Los_Angeles');
    assert.deepEqual(instant(incident?.start), { form: 'string', at: '2021-01-05T02:55:00.000Z', dayEnd: undefined, precision: undefined });
    assert.deepEqual(incident?.start?.zone, { name: 'America/Los_Angeles' });
    assert.equal(iso(incident?.end?.epochMs), '2021-06-08T17:00:00.000Z');
  });

  it('a time with an offset keeps its offset, and no zone, under a root zone', () => {
    const { incident } = diagnose(zoned('Europe/London', 'start: 2019-11-19T10:40+09:00'));
    assert.equal(iso(incident?.start?.epochMs), '2019-11-19T01:40:00.000Z');
    assert.equal(incident?.start?.zone, undefined);
  });

  it('the root zone in any case, and JST, are canonical names in the model', () => {
    assert.equal(diagnose(zoned('america/new_york', 'start: 2022-07-01T09:00')).incident?.zone?.value, 'America/New_York');
    const jst = diagnose(zoned('JST', 'start: 2022-07-02T01:35')).incident;
    assert.equal(jst?.zone?.value, 'Asia/Tokyo');
    assert.equal(iso(jst?.start?.epochMs), '2022-07-01T16:35:00.000Z');
  });

  it('{local, zone}: the clock in the named zone, with the zone\'s span', () => {
    const text = lines(...HEAD, 'start: {local: 2021-01-04T18:55, zone: America/Los_Angeles}');
    assert.deepEqual(rows(text), []);
    const start = diagnose(text).incident?.start;
    assert.deepEqual(instant(start), { form: 'local', at: '2021-01-05T02:55:00.000Z', dayEnd: undefined, precision: undefined });
    assert.equal(start?.local?.text, '2021-01-04T18:55');
    assert.equal(text.slice(start!.zone!.span!.start, start!.zone!.span!.end), 'America/Los_Angeles');
  });

  it('{local} without `zone` takes the root zone; with a utc twin that agrees', () => {
    const text = zoned('America/Los_Angeles', 'start:', '  local: 2022-09-28T10:40', '  utc: 2022-09-28T17:40Z');
    assert.deepEqual(rows(text), []);
    const start = diagnose(text).incident?.start;
    assert.equal(iso(start?.epochMs), '2022-09-28T17:40:00.000Z');
    assert.deepEqual(start?.zone, { name: 'America/Los_Angeles' });
  });

  it('a local time with its zone\'s offset names one instant', () => {
    const text = lines(...HEAD, 'start: {local: 2022-11-06T01:30-08:00, zone: America/Los_Angeles}');
    assert.deepEqual(rows(text), []);
    assert.equal(iso(diagnose(text).incident?.start?.epochMs), '2022-11-06T09:30:00.000Z');
  });

  it('dates without a clock: the whole day in their zone, in every form', () => {
    const text = zoned('America/Los_Angeles',
      'start: 2021-06-08',
      'end: {jst: 2022-01-16}',
      'timeline:',
      '  - at: {utc: 2021-06-08}',
      '    event: a',
      '  - at: {local: 2021-06-08, zone: Europe/London}',
      '    event: b');
    assert.deepEqual(rows(text).filter((r) => r.code !== 'timeline-order'), []);
    const { incident } = diagnose(text);
    assert.deepEqual(instant(incident?.start), { form: 'string', at: '2021-06-08T07:00:00.000Z', dayEnd: '2021-06-09T07:00:00.000Z', precision: 'day' });
    assert.deepEqual(instant(incident?.end), { form: 'pair', at: '2022-01-15T15:00:00.000Z', dayEnd: '2022-01-16T15:00:00.000Z', precision: 'day' });
    assert.deepEqual(instant(incident?.timeline[0].at), { form: 'pair', at: '2021-06-08T00:00:00.000Z', dayEnd: '2021-06-09T00:00:00.000Z', precision: 'day' });
    assert.deepEqual(instant(incident?.timeline[1].at), { form: 'local', at: '2021-06-07T23:00:00.000Z', dayEnd: '2021-06-08T23:00:00.000Z', precision: 'day' });
  });

  it('a date and a clock in one pair: the clock, when it falls on that day', () => {
    const text = lines(...HEAD, 'start: {utc: 2022-01-16T01:00Z, jst: 2022-01-16}');
    assert.deepEqual(rows(text), []);
    assert.deepEqual(instant(diagnose(text).incident?.start), { form: 'pair', at: '2022-01-16T01:00:00.000Z', dayEnd: undefined, precision: undefined });
  });

  it('approx and written are kept, with the span of the words', () => {
    const text = lines(...HEAD, 'start: {jst: 2022-07-02T01:35, approx: true, written: 2022年7月2日（土）1時35分頃}');
    assert.deepEqual(rows(text), []);
    const start = diagnose(text).incident?.start;
    assert.equal(start?.approx, true);
    assert.equal(start?.written?.text, '2022年7月2日（土）1時35分頃');
    assert.equal(text.slice(start!.written!.span.start, start!.written!.span.end), '2022年7月2日（土）1時35分頃');
    assert.equal(iso(start?.epochMs), '2022-07-01T16:35:00.000Z');
    assert.equal(diagnose(lines(...HEAD, 'start: {jst: 2022-07-02T01:35, approx: false}')).incident?.start?.approx, undefined);
  });

  it('a mapping with only the source\'s words has no value yet, and no missing-field', () => {
    const text = lines(...HEAD, 'start: {written: "Tuesday, November 19, 2019, 10:40 AM"}');
    // unread-time (the phrase rules' own diagnostic) says so, on the words.
    assert.deepEqual(rows(text), [{ code: 'unread-time', severity: 'error', range: '3:17-3:55' }]);
    const start = diagnose(text).incident?.start;
    assert.equal(start?.epochMs, undefined);
    assert.equal(start?.written?.text, 'Tuesday, November 19, 2019, 10:40 AM');
  });
});

describe('diagnostics of named zones', () => {
  it('an unknown root zone is invalid-value with the nearest names; its times are left unread, without more errors', () => {
    const text = zoned('America/Los_Angles', 'start: 2021-01-04T18:55');
    assert.deepEqual(rows(text), [{ code: 'invalid-value', severity: 'error', range: '3:6-3:24' }]);
    const d = only(text, 'invalid-value')[0];
    assert.match(d.message, /^`America\/Los_Angles` is not a time zone: .* The nearest names: America\/Los_Angeles, /);
    const data = d.data as DataOf<'invalid-value'>;
    assert.equal(data.suggestion, 'America/Los_Angeles');
    assert.equal(data.allowed.length, 5);
    assert.equal(diagnose(text).incident?.start?.epochMs, undefined);
  });

  it('an abbreviation is not a zone name', () => {
    const text = lines(...HEAD, 'start: {local: 2021-01-04T18:55, zone: PST}');
    assert.deepEqual(rows(text), [{ code: 'invalid-value', severity: 'error', range: '3:39-3:42' }]);
  });

  it('a local time with no zone anywhere is missing-field `zone`', () => {
    const text = lines(...HEAD, 'start: {local: 2021-01-04T18:55}');
    assert.deepEqual(rows(text), [{ code: 'missing-field', severity: 'error', range: '3:7-3:32' }]);
    assert.equal((only(text, 'missing-field')[0].data as DataOf<'missing-field'>).key, 'zone');
  });

  it('a bare date without a zone is missing-offset, as a bare clock is', () => {
    const text = lines(...HEAD, 'start: 2021-06-08');
    assert.deepEqual(rows(text), [{ code: 'missing-offset', severity: 'error', range: '3:7-3:17' }]);
    assert.match(only(text, 'missing-offset')[0].message, /`2021-06-08` is a date with no zone/);
  });

  it('utc-local-mismatch: the message gives the zone\'s abbreviation and offset on that date, and the difference', () => {
    const text = lines(...HEAD, 'start:', '  local: 2021-01-04T18:55', '  zone: America/Los_Angeles', '  utc: 2021-01-05T01:55Z');
    assert.deepEqual(rows(text), [{ code: 'utc-local-mismatch', severity: 'error', range: '6:7-6:24' }]);
    const d = only(text, 'utc-local-mismatch')[0];
    assert.equal(d.message, '`start`: utc and local name different times. local `2021-01-04T18:55` in America/Los_Angeles is 2021-01-05 02:55 UTC (on 2021-01-04 America/Los_Angeles is on PST, UTC-8), but utc `2021-01-05T01:55Z` is 2021-01-05 01:55 UTC. They are 1h apart.');
    const data = d.data as DataOf<'utc-local-mismatch'>;
    assert.equal(data.correctedTwin, '2021-01-05T02:55Z');
    assert.equal(data.correctedLocal, '2021-01-04T17:55');
    assert.equal(diagnose(text).incident?.start?.epochMs, undefined);
  });

  it('utc-local-mismatch for a date whose twin falls on another day', () => {
    const text = lines(...HEAD, 'start: {local: 2021-06-08, zone: America/Los_Angeles, utc: 2021-06-08T03:00Z}');
    assert.deepEqual(rows(text), [{ code: 'utc-local-mismatch', severity: 'error', range: '3:59-3:76' }]);
  });

  it('wrong-offset: a local time with an offset its zone did not have that day (PST on a summer date)', () => {
    const text = lines(...HEAD, 'start: {local: 2022-09-28T10:40-08:00, zone: America/Los_Angeles}');
    assert.deepEqual(rows(text), [{ code: 'wrong-offset', severity: 'error', range: '3:15-3:37' }]);
    const d = only(text, 'wrong-offset')[0];
    assert.equal(d.message, '`start.local` value `2022-09-28T10:40-08:00` has offset -08:00, but on 2022-09-28 America/Los_Angeles is on PDT, UTC-7: write 2022-09-28T10:40-07:00, or leave the offset out.');
    assert.deepEqual(d.data, { code: 'wrong-offset', side: 'local', text: '2022-09-28T10:40-08:00', corrected: '2022-09-28T10:40-07:00' });
  });

  it('invalid-time: a local time in the spring-forward gap does not exist, and says so', () => {
    const text = zoned('America/New_York', 'start: 2022-03-13T02:30');
    assert.deepEqual(rows(text), [{ code: 'invalid-time', severity: 'error', range: '4:7-4:23' }]);
    assert.equal(only(text, 'invalid-time')[0].message, '`2022-03-13T02:30` does not exist in America/New_York: that night the clocks went from EST, UTC-5 to EDT, UTC-4 and skipped over it.');
  });

  it('ambiguous-time: the fall-back hour without an offset or twin names both readings', () => {
    const text = lines(...HEAD, 'timeline:', '  - at: {local: 2022-11-06T01:30, zone: America/Los_Angeles}', '    event: x', 'start: 2022-11-06T08:00Z');
    assert.deepEqual(rows(text), [{ code: 'ambiguous-time', severity: 'warning', range: '4:16-4:32' }]);
    const d = only(text, 'ambiguous-time')[0];
    assert.equal(d.message, '`at.local` `2022-11-06T01:30` happens twice in America/Los_Angeles: first on PDT, UTC-7 (2022-11-06 08:30 UTC), then again on PST, UTC-8 (2022-11-06 09:30 UTC). Add the offset to say which.');
    assert.deepEqual(d.data, { code: 'ambiguous-time', readings: [{ text: '2022-11-06T01:30-07:00', zone: 'PDT, UTC-7' }, { text: '2022-11-06T01:30-08:00', zone: 'PST, UTC-8' }] });
  });

  it('a utc twin says which reading of the fall-back hour is meant', () => {
    const text = zoned('America/Los_Angeles', 'start: {local: 2022-11-06T01:30, utc: 2022-11-06T09:30Z}');
    assert.deepEqual(rows(text), []);
    assert.equal(iso(diagnose(text).incident?.start?.epochMs), '2022-11-06T09:30:00.000Z');
    const neither = zoned('America/Los_Angeles', 'start: {local: 2022-11-06T01:30, utc: 2022-11-06T07:30Z}');
    assert.deepEqual(rows(neither), [{ code: 'utc-local-mismatch', severity: 'error', range: '4:38-4:55' }]);
    assert.equal((only(neither, 'utc-local-mismatch')[0].data as DataOf<'utc-local-mismatch'>).correctedLocal, '2022-11-06T00:30-07:00');
  });

  it('approx must be a boolean', () => {
    const text = lines(...HEAD, 'start: {jst: 2022-07-02T01:35, approx: yes}');
    assert.deepEqual(rows(text), [{ code: 'wrong-type', severity: 'error', range: '3:39-3:42' }]);
  });
});

describe('a date without a clock is its whole day in the order rules', () => {
  const LA = (...rest: string[]) => zoned('America/Los_Angeles', ...rest);

  it('timeline-order: a date after a clock time on that day could be in order; a date before it could not', () => {
    const inOrder = LA('start: 2021-06-08T08:00', 'timeline:', '  - at: 2021-06-08T09:00', '    event: a', '  - at: 2021-06-08', '    event: b');
    assert.deepEqual(rows(inOrder), []);
    const outOfOrder = LA('start: 2021-06-08T08:00', 'timeline:', '  - at: 2021-06-09T09:00', '    event: a', '  - at: 2021-06-08', '    event: b');
    assert.deepEqual(rows(outOfOrder), [{ code: 'timeline-order', severity: 'warning', range: '8:8-8:18' }]);
    assert.equal(only(outOfOrder, 'timeline-order')[0].message,
      // Named in the file's zone, the date as the whole day it is.
      'Timeline event 2 (2021-06-08 (all day, PDT)) is earlier than event 1 before it (2021-06-09 09:00 PDT) whatever the clock on its day; keep the timeline in time order.');
  });

  it('end-before-start: an end on the start\'s day is not before it; an end the day before is', () => {
    assert.deepEqual(rows(LA('start: 2021-06-08T10:00', 'end: 2021-06-08')), []);
    const before = LA('start: 2021-06-08T10:00', 'end: 2021-06-07');
    assert.deepEqual(rows(before), [{ code: 'end-before-start', severity: 'error', range: '5:5-5:15' }]);
    assert.equal(only(before, 'end-before-start')[0].message,
      'The end (2021-06-07 (all day, PDT)) is before the start (2021-06-08 10:00 PDT) whatever the clock on its day.');
  });

  it('resolved-after-end and posted-before-at: the day of a date counts as the date', () => {
    const sameDay = LA('start: 2021-06-08T08:00', 'end: 2021-06-08', 'timeline:', '  - at: 2021-06-08T20:00', '    kind: resolved', '    event: fixed',
      '  - at: 2021-06-08T21:00', '    posted: 2021-06-08', '    event: posted that day');
    assert.deepEqual(rows(sameDay), []);
    const nextDay = LA('start: 2021-06-08T08:00', 'end: 2021-06-08', 'timeline:', '  - at: 2021-06-09T00:30', '    kind: resolved', '    event: fixed');
    assert.deepEqual(rows(nextDay), [{ code: 'resolved-after-end', severity: 'warning', range: '7:8-7:24' }]);
  });

  it('late-update: a promised date is kept by an update any time that day', () => {
    const text = LA('start: 2021-06-08T08:00', 'timeline:',
      '  - at: 2021-06-08T09:00', '    kind: update', '    status: investigating', '    next_update: 2021-06-09', '    event: a',
      '  - at: 2021-06-09T23:00', '    kind: update', '    status: monitoring', '    event: b');
    assert.deepEqual(rows(text), []);
  });

  it('utc-jst-mismatch: a utc date and a jst clock on another day disagree, with a date as the correction', () => {
    const text = lines(...HEAD, 'start: {utc: 2022-01-16, jst: 2022-01-16T08:00}');
    assert.deepEqual(rows(text), [{ code: 'utc-jst-mismatch', severity: 'error', range: '3:30-3:46' }]);
    const d = only(text, 'utc-jst-mismatch')[0];
    assert.equal(d.message, '`start`: utc and jst cannot name the same time. utc 2022-01-16 is 2022-01-16 09:00 JST to 2022-01-17 09:00 JST, but jst 2022-01-16T08:00 is 2022-01-16 08:00 JST.');
    assert.equal((d.data as DataOf<'utc-jst-mismatch'>).correctedUtc, '2022-01-15');
  });
});
