/** Named zones through Intl: names, offsets, abbreviations, wall clocks in gaps and overlaps. */
import * as assert from 'node:assert/strict';
import { ABBREVIATION_HINTS, canonicalZone, dayStartMs, localToInstants, nearestZones, nextDate, offsetMinutesAt, utcOffsetName, zoneAbbreviation } from '../../common/zones';

const at = (iso: string) => Date.parse(iso);
const isos = (instants: readonly number[]) => instants.map((ms) => new Date(ms).toISOString());

describe('common/zones', () => {
  it('canonicalZone: IANA names in any case, links, JST and the names of UTC; nothing else', () => {
    assert.equal(canonicalZone('America/Los_Angeles'), 'America/Los_Angeles');
    assert.equal(canonicalZone('america/los_angeles'), 'America/Los_Angeles');
    assert.equal(canonicalZone('US/Pacific'), 'America/Los_Angeles');
    assert.equal(canonicalZone(' Europe/London '), 'Europe/London');
    assert.equal(canonicalZone('JST'), 'Asia/Tokyo');
    assert.equal(canonicalZone('jst'), 'Asia/Tokyo');
    for (const utc of ['UTC', 'utc', 'Z', 'GMT', 'Etc/UTC']) assert.equal(canonicalZone(utc), 'UTC', utc);
    // Abbreviations and slash-less legacy names say an offset, not a place.
    for (const refused of ['EST', 'PST', 'PST8PDT', 'Japan', 'Mars/Olympus', '', 'America/Los Angeles']) assert.equal(canonicalZone(refused), undefined, refused);
  });

  it('offsetMinutesAt follows daylight saving and half-hour zones', () => {
    assert.equal(offsetMinutesAt('America/Los_Angeles', at('2021-01-05T02:55Z')), -480);
    assert.equal(offsetMinutesAt('America/Los_Angeles', at('2022-09-28T17:40Z')), -420);
    assert.equal(offsetMinutesAt('Asia/Tokyo', at('2019-11-19T01:40Z')), 540);
    assert.equal(offsetMinutesAt('Asia/Kolkata', at('2019-11-19T01:40Z')), 330);
    assert.equal(offsetMinutesAt('UTC', 0), 0);
  });

  it('zoneAbbreviation: the letters of that date, or UTC±h where ICU has none', () => {
    assert.equal(zoneAbbreviation('America/Los_Angeles', at('2021-01-05T02:55Z')), 'PST');
    assert.equal(zoneAbbreviation('America/Los_Angeles', at('2022-09-28T17:40Z')), 'PDT');
    assert.equal(zoneAbbreviation('America/New_York', at('2022-07-01T12:00Z')), 'EDT');
    assert.equal(zoneAbbreviation('Europe/London', at('2022-01-01T12:00Z')), 'GMT');
    assert.equal(zoneAbbreviation('Europe/London', at('2022-07-01T12:00Z')), 'BST');
    assert.equal(zoneAbbreviation('Australia/Sydney', at('2022-01-01T12:00Z')), 'AEDT');
    assert.equal(zoneAbbreviation('Australia/Sydney', at('2022-07-01T12:00Z')), 'AEST');
    assert.equal(zoneAbbreviation('Asia/Tokyo', at('2022-07-01T12:00Z')), 'JST');
    assert.equal(zoneAbbreviation('UTC', 0), 'UTC');
    assert.equal(zoneAbbreviation('America/Sao_Paulo', at('2022-07-01T12:00Z')), 'UTC-3');
    assert.equal(utcOffsetName(330), 'UTC+5:30');
    assert.equal(utcOffsetName(-480), 'UTC-8');
  });

  it('localToInstants: one reading, none in the spring-forward gap, two in the fall-back hour', () => {
    assert.deepEqual(isos(localToInstants('2021-01-04T18:55', 'America/Los_Angeles')), ['2021-01-05T02:55:00.000Z']);
    assert.deepEqual(localToInstants('2022-03-13T02:30', 'America/Los_Angeles'), []);
    assert.deepEqual(isos(localToInstants('2022-11-06T01:30', 'America/Los_Angeles')), ['2022-11-06T08:30:00.000Z', '2022-11-06T09:30:00.000Z']);
    assert.deepEqual(isos(localToInstants('2022-10-30T01:15:30', 'Europe/London')), ['2022-10-30T00:15:30.000Z', '2022-10-30T01:15:30.000Z']);
    assert.deepEqual(isos(localToInstants('2022-10-02T02:30', 'Australia/Sydney')), []);
    assert.deepEqual(localToInstants('not a time', 'UTC'), []);
  });

  it('dayStartMs: midnight, or the jump where midnight is in the gap (São Paulo, 2018)', () => {
    assert.equal(new Date(dayStartMs('2021-06-08', 'America/Los_Angeles')!).toISOString(), '2021-06-08T07:00:00.000Z');
    assert.equal(new Date(dayStartMs('2018-11-04', 'America/Sao_Paulo')!).toISOString(), '2018-11-04T03:00:00.000Z');
    assert.equal(dayStartMs('2018-11-04T00:00', 'UTC'), undefined);
    assert.equal(nextDate('2020-02-28'), '2020-02-29');
    assert.equal(nextDate('2020-12-31'), '2021-01-01');
  });

  it('nearestZones: misspellings and bare cities find their zone first', () => {
    assert.equal(nearestZones('Amerca/Los_Angles', 3)[0], 'America/Los_Angeles');
    assert.equal(nearestZones('tokyo', 3)[0], 'Asia/Tokyo');
    assert.equal(nearestZones('Los Angeles', 1)[0], 'America/Los_Angeles');
    assert.equal(nearestZones('Europe/Londn', 5).length, 5);
    assert.equal(nearestZones('Europe/Londn', 5)[0], 'Europe/London');
  });
});

describe('common/zones: the abbreviation hints', () => {
  it('each abbreviation is what ICU calls its zone in winter or summer (or a generic name like PT)', () => {
    const winter = Date.UTC(2024, 0, 15);
    const summer = Date.UTC(2024, 6, 15);
    for (const [abbreviation, zone] of Object.entries(ABBREVIATION_HINTS)) {
      const letters = [zoneAbbreviation(zone, winter), zoneAbbreviation(zone, summer)];
      const generic = abbreviation.length === 2 && letters.every((l) => l[0] === abbreviation[0] && l.endsWith(abbreviation[1]));
      assert.ok(letters.includes(abbreviation) || generic, `${abbreviation} → ${zone} is ${letters.join('/')}`);
    }
    assert.equal(nearestZones('PST', 3)[0], 'America/Los_Angeles');
    assert.equal(nearestZones('est', 1)[0], 'America/New_York');
  });
});
