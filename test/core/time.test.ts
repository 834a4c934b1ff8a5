/** Time arithmetic: every year the format can write, fractions of a second, short differences. */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { daysInMonth, formatDuration, formatInOffset, formatJst, formatOffsetFrom, JST_OFFSET_MINUTES, parseTimeText } from '../../common/time';
import { HEAD, lines, only, rows } from './diagnose';

const DAY = 86_400_000;

/** A UTC wall clock anywhere in 0000-01-01 .. 9999-12-31, as the format writes it. */
const utcTexts = fc.record({
  year: fc.integer({ min: 0, max: 9999 }),
  month: fc.integer({ min: 1, max: 12 }),
  dayIndex: fc.nat(30),
  hour: fc.integer({ min: 0, max: 23 }),
  minute: fc.integer({ min: 0, max: 59 }),
}).map(({ year, month, dayIndex, hour, minute }) => {
  const two = (n: number) => String(n).padStart(2, '0');
  const day = (dayIndex % daysInMonth(year, month)) + 1;
  return `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}Z`;
});

function epochOf(text: string, assumedOffsetMinutes?: number): number {
  const parsed = parseTimeText(text, assumedOffsetMinutes);
  assert.ok(parsed.ok, `${text} should read`);
  return parsed.value.epochMs;
}

describe('time arithmetic', () => {
  describe('years 0000 to 9999', () => {
    it('the ends of the range are the instants the calendar says', () => {
      // The proleptic Gregorian calendar's day 0000-01-01 is 719,528 days before 1970-01-01.
      assert.equal(epochOf('0000-01-01T00:00Z'), -719_528 * DAY);
      assert.equal(epochOf('9999-12-31T23:59Z'), Date.parse('9999-12-31T23:59:00Z'));
      assert.equal(epochOf('0000-03-01T00:00Z') - epochOf('0000-02-28T00:00Z'), 2 * DAY, '0000 is a leap year');
      assert.equal(epochOf('0099-12-31T00:00Z'), Date.parse('0099-12-31T00:00:00Z'));
    });

    it('a year-0000 pair across the leap day agrees (Date.UTC would put it in 1900)', () => {
      const text = lines(...HEAD, 'start:', '  utc: 0000-02-28T20:00Z', '  jst: 0000-02-29T05:00');
      assert.deepEqual(rows(text), []);
      assert.equal(formatJst(epochOf('0000-02-28T20:00Z'), { offset: false }), '0000-02-29T05:00');
    });

    it('every UTC time reads back as written, and its JST pair names the same instant', () => {
      fc.assert(fc.property(utcTexts, (utc) => {
        const ms = epochOf(utc);
        assert.equal(formatInOffset(ms, 0), utc);
        const jst = formatInOffset(ms, JST_OFFSET_MINUTES, { offset: false });
        // Past 9999-12-31T15:00Z the JST clock is in year 10000, which the format cannot write.
        if (jst.length !== utc.length - 1) return;
        assert.equal(epochOf(jst, JST_OFFSET_MINUTES), ms);
        assert.equal(epochOf(`${jst}+09:00`), ms);
        // One day later on the calendar is exactly one day later in time, also across year 0/99/100.
        const next = formatInOffset(ms + DAY, 0);
        if (next.length === utc.length) assert.equal(epochOf(next) - ms, DAY);
      }), { seed: 20191119, numRuns: 2000 });
    });
  });

  describe('fractions of a second', () => {
    it('up to three digits are milliseconds, compared exactly', () => {
      assert.equal(epochOf('2019-11-19T01:40:00.25Z') - epochOf('2019-11-19T01:40:00Z'), 250);
      assert.equal(epochOf('2019-11-19T01:40:00.251Z') - epochOf('2019-11-19T01:40:00.250Z'), 1);
    });

    it('more than three digits: refused with invalid-time, not cut off so .2501 and .2509 agree', () => {
      assert.deepEqual(parseTimeText('2019-11-19T01:40:00.2501Z'), { ok: false, error: { kind: 'fraction', detail: '.2501' } });
      const text = lines(...HEAD, 'start:', '  utc: 2019-11-19T01:40:00.2501Z', '  jst: 2019-11-19T10:40:00.2509');
      assert.deepEqual(rows(text), [
        { code: 'invalid-time', severity: 'error', range: '4:7-4:32' },
        { code: 'invalid-time', severity: 'error', range: '5:7-5:31' },
      ]);
      assert.equal(only(text, 'invalid-time')[0].message,
        '`2019-11-19T01:40:00.2501Z` has more than three digits after the seconds (.2501): times are compared to the millisecond, so write at most three, like 01:40:00.250.');
    });
  });

  describe('durations', () => {
    it('under a minute: exact seconds, never "0m"', () => {
      assert.deepEqual([0, 1, 250, 999, 1000, 30_500, 59_999].map(formatDuration), ['0s', '0.001s', '0.25s', '0.999s', '1s', '30.5s', '59.999s']);
      assert.deepEqual([-250, -30_000].map(formatDuration), ['-0.25s', '-30s']);
      assert.equal(formatOffsetFrom(1000, 1000), '+0s');
    });

    it('from a minute up: days, hours, minutes and seconds as before', () => {
      assert.deepEqual([60_000, 90_000, 36_600_000, 36_630_000, 2 * DAY + 3_600_000 + 30_000].map(formatDuration), ['1m', '1m 30s', '10h 10m', '10h 10m 30s', '2d 1h']);
    });

    it('a pair 250 ms apart says so in the mismatch message', () => {
      const text = lines(...HEAD, 'start:', '  utc: 2019-11-19T01:40:00.250Z', '  jst: 2019-11-19T10:40:00.500');
      assert.match(only(text, 'utc-jst-mismatch')[0].message, /: 0\.25s apart\.$/);
    });

    it('an end a few seconds before the start says how many', () => {
      const text = lines(...HEAD, 'start: 2019-11-19T10:40:30+09:00', 'end: 2019-11-19T10:40:00+09:00');
      assert.equal(only(text, 'end-before-start')[0].message, 'The end (2019-11-19 10:40 JST) is 30s before the start (2019-11-19 10:40:30 JST).');
    });
  });
});
