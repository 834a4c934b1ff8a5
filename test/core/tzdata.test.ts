/**
 * Conversions in five zones with daylight saving, across every transition of 2014–2026, against a
 * table taken from tzdata (test/data/tzdata/transitions.tsv): the offset on each side, the
 * abbreviation, the wall clocks the gap skips and the overlap repeats, and what the reader makes
 * of them. São Paulo is there for its rule changes: midnight transitions, and no DST since 2019.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatInOffset, MINUTE } from '../../common/time';
import { dayStartMs, localToInstants, offsetMinutesAt, zoneAbbreviation } from '../../common/zones';
import { HEAD, lines, rows } from './diagnose';

interface Transition {
  readonly zone: string;
  readonly at: number;
  readonly before: number;
  readonly after: number;
  readonly abbreviationBefore: string;
  readonly abbreviationAfter: string;
}

const TABLE: readonly Transition[] = fs.readFileSync(path.join(__dirname, '../data/tzdata/transitions.tsv'), 'utf8')
  .split('\n').filter((line) => line && !line.startsWith('#')).map((line) => {
    const [zone, at, before, after, abbreviationBefore, abbreviationAfter] = line.split('\t');
    return { zone, at: Date.parse(at), before: Number(before), after: Number(after), abbreviationBefore, abbreviationAfter };
  });

/** A wall clock as the format writes it (no offset). */
const wall = (wallAsUtcMs: number) => formatInOffset(wallAsUtcMs, 0, { offset: false, seconds: true });

describe('tzdata transitions in five zones', () => {
  it('the table covers the five zones, every year for the four that keep DST', () => {
    const count = (zone: string) => TABLE.filter((x) => x.zone === zone).length;
    for (const zone of ['America/Los_Angeles', 'America/New_York', 'Europe/London', 'Australia/Sydney']) assert.equal(count(zone), 26, zone);
    // São Paulo: DST until February 2019, none since (decree 9.772 of April 2019).
    assert.equal(count('America/Sao_Paulo'), 11);
    assert.equal(Math.max(...TABLE.filter((x) => x.zone === 'America/Sao_Paulo').map((x) => x.at)), Date.parse('2019-02-17T02:00:00Z'));
  });

  it('the offset on each side of every transition', () => {
    for (const x of TABLE) {
      assert.equal(offsetMinutesAt(x.zone, x.at - 1000), x.before, `${x.zone} before ${new Date(x.at).toISOString()}`);
      assert.equal(offsetMinutesAt(x.zone, x.at), x.after, `${x.zone} at ${new Date(x.at).toISOString()}`);
    }
  });

  it('the abbreviation on each side, where tzdata has letters', () => {
    for (const x of TABLE) {
      if (/^[A-Z]+$/.test(x.abbreviationBefore)) assert.equal(zoneAbbreviation(x.zone, x.at - 1000), x.abbreviationBefore, `${x.zone} ${new Date(x.at).toISOString()}`);
      if (/^[A-Z]+$/.test(x.abbreviationAfter)) assert.equal(zoneAbbreviation(x.zone, x.at), x.abbreviationAfter, `${x.zone} ${new Date(x.at).toISOString()}`);
    }
  });

  it('a wall clock in the gap names no instant; one in the overlap names two; just outside, one', () => {
    for (const x of TABLE) {
      const wallBefore = x.at + x.before * MINUTE; // the clock reads this as the transition comes
      const wallAfter = x.at + x.after * MINUTE; // and this right after it
      const first = Math.min(wallBefore, wallAfter);
      const last = Math.max(wallBefore, wallAfter);
      const middle = (first + last) / 2;
      const where = `${x.zone} ${wall(middle)}`;
      if (x.after > x.before) {
        assert.deepEqual(localToInstants(wall(middle), x.zone), [], `${where} is in the gap`);
        assert.deepEqual(localToInstants(wall(first - 60_000), x.zone), [x.at - 60_000], `${where}: a minute before the gap`);
        assert.deepEqual(localToInstants(wall(last), x.zone), [x.at], `${where}: the end of the gap`);
      } else {
        assert.deepEqual(localToInstants(wall(middle), x.zone), [middle - x.before * MINUTE, middle - x.after * MINUTE], `${where} is shown twice`);
        assert.deepEqual(localToInstants(wall(last), x.zone), [last - x.after * MINUTE], `${where}: the end of the overlap`);
      }
    }
  });

  it('the reader on every transition: invalid-time in a gap, ambiguous-time in an overlap', () => {
    for (const x of TABLE) {
      const middle = x.at + ((x.before + x.after) / 2) * MINUTE;
      const text = lines(...HEAD, `start: {local: ${wall(middle).slice(0, 16)}, zone: ${x.zone}}`);
      const expected = x.after > x.before ? 'invalid-time' : 'ambiguous-time';
      assert.deepEqual(rows(text).map((r) => r.code), [expected], `${x.zone} ${wall(middle)}`);
    }
  });

  it('São Paulo: a day whose midnight was skipped starts at 01:00; since 2019 no November gap', () => {
    assert.equal(dayStartMs('2018-11-04', 'America/Sao_Paulo'), Date.parse('2018-11-04T03:00:00Z'));
    assert.deepEqual(localToInstants('2018-11-04T00:30', 'America/Sao_Paulo'), []);
    assert.deepEqual(localToInstants('2019-11-03T00:30', 'America/Sao_Paulo'), [Date.parse('2019-11-03T03:30:00Z')]);
    assert.equal(offsetMinutesAt('America/Sao_Paulo', Date.parse('2024-12-01T12:00:00Z')), -180);
  });
});
