import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { HEAD, lines, only, rows } from './diagnose';

/** Code, severity and range of the diagnostics with one of `codes`. */
function ours(text: string, ...codes: string[]) {
  return rows(text).filter((r) => codes.includes(r.code));
}

const PHRASE_CODES = ['written-mismatch', 'unread-time', 'weekday-mismatch', 'zone-abbreviation'];

describe('written-mismatch: the source\'s words against the value', () => {
  it('is silent when every part agrees (the flagship\'s notice, English and Japanese)', () => {
    const text = lines(...HEAD,
      'start:',
      '  utc: 2019-11-19T01:40Z',
      '  jst: 2019-11-19T10:40',
      '  written: Tuesday, November 19, 2019, 10:40 AM (1:40 AM UTC)',
      'end: {utc: 2019-11-19T11:50Z, jst: 2019-11-19T20:50, written: "Tuesday, November 19, 2019, 8:50 PM (11:50 AM UTC)"}',
      'timeline:',
      '  - at: {jst: 2019-11-19T10:40, approx: true, written: 令和元年11月19日（火）午前10時40分頃}',
      '    event: detected',
      '  - at: {jst: 2019-11-20T05:05, written: 翌日 ５時０５分}',
      '    event: recovered');
    assert.deepEqual(rows(text), []);
  });

  it('catches a published slip: 太平洋標準時11時(UTC 18時)頃 names PST with a twin that only fits PDT', () => {
    const phrase = '太平洋標準時11時(UTC 18時)頃';
    // In summer the clocks agree (11:00 PDT is 18:00 UTC); the abbreviation is the slip.
    const summer = lines(...HEAD, `start: {utc: 2022-06-15T18:00Z, approx: true, written: ${phrase}}`);
    assert.deepEqual(ours(summer, ...PHRASE_CODES), [{ code: 'zone-abbreviation', severity: 'warning', range: '3:55-3:61' }]);
    assert.equal(only(summer, 'zone-abbreviation')[0].message, '太平洋標準時 does not fit 2022-06-15: America/Los_Angeles was on PDT (UTC-7) then, not 太平洋標準時.');
    // In winter 11:00 PST is 19:00 UTC: the twin's clock is the slip, ranged on its words.
    const winter = lines(...HEAD, `start: {utc: 2022-01-15T19:00Z, approx: true, written: ${phrase}}`);
    assert.deepEqual(ours(winter, ...PHRASE_CODES), [{ code: 'written-mismatch', severity: 'error', range: '3:69-3:72' }]);
    assert.equal(only(winter, 'written-mismatch')[0].message, '`written` says 18時, but the time is 19:00 in UTC.');
  });

  it('reports each wrong part on its own words: weekday, clock, and the twin in another zone', () => {
    const text = lines(...HEAD,
      'start:',
      '  utc: 2019-11-19T02:40Z',
      '  jst: 2019-11-19T11:40',
      '  written: Wednesday, November 19, 2019, 10:40 AM (1:40 AM UTC)');
    assert.deepEqual(ours(text, ...PHRASE_CODES), [
      { code: 'written-mismatch', severity: 'error', range: '6:11-6:20' },
      { code: 'written-mismatch', severity: 'error', range: '6:41-6:49' },
      { code: 'written-mismatch', severity: 'error', range: '6:51-6:58' },
    ]);
    assert.deepEqual(only(text, 'written-mismatch').map((d) => d.message), [
      '`written` says Wednesday, but 2019-11-19 was a Tuesday.',
      '`written` says 10:40 AM, but the time is 11:40 in Asia/Tokyo.',
      '`written` says 1:40 AM, but the time is 02:40 in UTC.',
    ]);
  });

  it('ranges inside a quoted phrase, and reports a wrong date and era year', () => {
    const text = lines(...HEAD,
      'start: {jst: 2022-07-02T01:35, approx: true, written: "令和3年7月2日 1時35分頃"}',
      'end: {jst: 2022-07-05T15:36, written: \'July 6, 2022, 3:36 PM\'}');
    assert.deepEqual(ours(text, ...PHRASE_CODES), [
      { code: 'written-mismatch', severity: 'error', range: '3:55-3:63' },
      { code: 'written-mismatch', severity: 'error', range: '4:39-4:51' },
    ]);
    assert.deepEqual(only(text, 'written-mismatch').map((d) => d.message), [
      '`written` says 令和3年7月2日, but the time is on 2022-07-02 in Asia/Tokyo.',
      '`written` says July 6, 2022, but the time is on 2022-07-05 in Asia/Tokyo.',
    ]);
  });

  it('a yearless date is compared by month and day; a utc-only mapping is read in UTC', () => {
    const text = lines(...HEAD, 'start: {utc: 2023-03-01T12:01Z, written: March 02 12:01}');
    assert.deepEqual(ours(text, ...PHRASE_CODES), [{ code: 'written-mismatch', severity: 'error', range: '3:41-3:49' }]);
    assert.equal(only(text, 'written-mismatch')[0].message, '`written` says March 02, but the time is on 03-01 in UTC.');
  });

  it('an approximate phrase without `approx` is a warning on the word that says so', () => {
    const text = lines(...HEAD, 'start: {jst: 2022-07-02T01:35, written: 2022年7月2日（土）1時35分頃}');
    assert.deepEqual(ours(text, ...PHRASE_CODES), [{ code: 'written-mismatch', severity: 'warning', range: '3:57-3:58' }]);
    assert.equal(only(text, 'written-mismatch')[0].message, '`written` says the time is approximate (頃), but `approx` is not set.');
    const english = lines(...HEAD, 'start: {utc: 2022-06-21T06:34Z, written: approximately 06:34 AM UTC}');
    assert.deepEqual(ours(english, ...PHRASE_CODES), [{ code: 'written-mismatch', severity: 'warning', range: '3:41-3:54' }]);
  });

  it('reads relative days against the time before it in the file', () => {
    const text = lines(...HEAD,
      'start: {jst: 2021-10-14T17:00, approx: true, written: 2021年10月14日（木）午後5時頃}',
      'timeline:',
      '  - at: {jst: 2021-10-14T19:57, written: 同日19時57分}',
      '    event: partly recovered',
      '  - at: {jst: 2021-10-15T05:05, written: 同日午前5時05分}',
      '    event: 4G and 5G recovered');
    assert.deepEqual(ours(text, ...PHRASE_CODES), [{ code: 'written-mismatch', severity: 'error', range: '7:41-7:43' }]);
    assert.equal(only(text, 'written-mismatch')[0].message, '`written` says 同日 (counted from the time before), but the time is on 2021-10-15 in Asia/Tokyo.');
  });

  it('reads a local time\'s phrase in its zone, and a phrase\'s own zone word over the mapping\'s', () => {
    const text = lines(...HEAD,
      'start: {local: 2020-04-08T06:48, zone: America/Los_Angeles, written: Wednesday 08 April, 2020 beginning at 06:48}',
      'end: {local: 2020-04-08T07:42, zone: America/Los_Angeles, written: 2020-04-08 14:42 UTC}');
    assert.deepEqual(ours(text, ...PHRASE_CODES), []);
    const wrong = text.replace('14:42 UTC', '07:42 UTC');
    assert.deepEqual(ours(wrong, ...PHRASE_CODES), [{ code: 'written-mismatch', severity: 'error', range: '4:78-4:83' }]);
  });

  it('a date-only value is compared by its date alone', () => {
    const text = lines(...HEAD, 'start: {jst: 2018-06-19, approx: true, written: 2018年6月19日ごろ}', 'end: {jst: 2018-07-10, written: 2018年7月9日 22時20分}');
    assert.deepEqual(ours(text, ...PHRASE_CODES), [{ code: 'written-mismatch', severity: 'error', range: '4:32-4:41' }]);
  });

  it('gives nothing for a phrase it leaves alone: a range, a zone it cannot name, no time', () => {
    for (const phrase of ['Between 07:05 UTC and 12:43 UTC on 25 January 2023', '1:40 PM India Standard Time', 'shortly after the deploy', '21時13〜58分']) {
      assert.deepEqual(ours(lines(...HEAD, `start: {utc: 2023-01-25T07:05Z, written: "${phrase}"}`), ...PHRASE_CODES), [], phrase);
    }
  });
});

describe('zone-abbreviation', () => {
  it('in `written`: PST on a summer date is Pacific time with the wrong abbreviation, not UTC−8', () => {
    const text = lines(...HEAD, 'start: {local: 2022-09-28T10:40, zone: America/Los_Angeles, written: "Wednesday, September 28, 2022, 10:40 AM PST"}');
    assert.deepEqual(ours(text, ...PHRASE_CODES), [{ code: 'zone-abbreviation', severity: 'warning', range: '3:110-3:113' }]);
    assert.equal(only(text, 'zone-abbreviation')[0].message, 'PST does not fit 2022-09-28: America/Los_Angeles was on PDT (UTC-7) then, not PST.');
    assert.deepEqual(ours(text.replace(' PST"', ' PDT"'), ...PHRASE_CODES), []);
  });

  it('in prose: an abbreviation beside its date and clock; EST in July', () => {
    const text = lines(...HEAD,
      'start: 2022-09-28T17:40Z',
      'cause: A configuration push at 10:40 AM PST on September 28, 2022 removed the route.',
      'next_steps:',
      '  - Rehearse the rollback (last done on July 4, 2022 at 9:00 AM EST).',
      '  - Page at 9:00 AM EDT on July 5, 2022.');
    assert.deepEqual(ours(text, ...PHRASE_CODES), [
      { code: 'zone-abbreviation', severity: 'warning', range: '4:40-4:43' },
      { code: 'zone-abbreviation', severity: 'warning', range: '6:64-6:67' },
    ]);
    assert.equal(only(text, 'zone-abbreviation')[1].message, 'EST does not fit 2022-07-04: America/New_York was on EDT (UTC-4) then, not EST.');
  });
});

describe('weekday-mismatch', () => {
  it('a weekday that names the date beside it wrongly, in any prose field', () => {
    const text = lines(...HEAD,
      'start: 2022-09-22T09:00Z',
      'impact: The outage began on Friday, 22 September 2022 in the morning.',
      'timeline:',
      '  - at: 2022-09-22T09:00Z',
      '    event: 2022年9月22日（金）朝から接続できない状態が続いた',
      '  - at: 2022-09-22T10:00Z',
      '    event: Still down on Thursday, 22 September 2022.');
    assert.deepEqual(ours(text, ...PHRASE_CODES), [
      { code: 'weekday-mismatch', severity: 'warning', range: '4:28-4:34' },
      { code: 'weekday-mismatch', severity: 'warning', range: '7:21-7:24' },
    ]);
    assert.deepEqual(only(text, 'weekday-mismatch').map((d) => d.message), [
      '22 September 2022 is called a Friday here, but 2022-09-22 was a Thursday.',
      '2022年9月22日 is called a （金） here, but 2022-09-22 was a Thursday.',
    ]);
  });

  it('a yearless date takes the year nearest the start; without a start it is not judged', () => {
    const text = lines(...HEAD, 'start: 1999-11-01T03:47-05:00', 'impact: The last outage ended on Monday, November 1st.');
    assert.deepEqual(ours(text, ...PHRASE_CODES), []);
    const later = text.replace('1999-11-01T03:47', '2019-11-01T03:47');
    assert.deepEqual(ours(later, ...PHRASE_CODES), [{ code: 'weekday-mismatch', severity: 'warning', range: '4:33-4:39' }]);
    assert.deepEqual(ours(lines(...HEAD, 'impact: The last outage ended on Monday, November 1st.'), ...PHRASE_CODES), []);
  });

  it('finds the real slip in a published report: 23 January 2023 was a Monday', () => {
    const text = lines(...HEAD, 'start: 2023-01-25T07:05Z', 'impact: On Wednesday 23rd January 2023 at around 07:10 UTC, Microsoft experienced severe issues.');
    assert.deepEqual(ours(text, ...PHRASE_CODES), [{ code: 'weekday-mismatch', severity: 'warning', range: '4:11-4:20' }]);
  });
});

describe('unread-time', () => {
  it('a mapping with only the source\'s words is an error on the words', () => {
    const text = lines(...HEAD, 'start:', '  written: 2022年7月2日（土）1時35分頃 JST', '  approx: true');
    assert.deepEqual(rows(text), [{ code: 'unread-time', severity: 'error', range: '4:11-4:33' }]);
    assert.equal(only(text, 'unread-time')[0].message, 'This time has only the source\'s words (2022年7月2日（土）1時35分頃 JST) and no value yet: add `utc`, `jst` or `local`.');
  });
});

describe('the phrase rules on real reports', () => {
  it('stay silent on every clean real report and example', () => {
    const folders = [join(__dirname, '../data/real'), join(__dirname, '../../examples')];
    for (const folder of folders) {
      for (const name of readdirSync(folder).filter((n) => n.endsWith('.incident.yaml'))) {
        const text = readFileSync(join(folder, name), 'utf8');
        assert.deepEqual(ours(text, ...PHRASE_CODES), [], name);
      }
    }
  });
});
