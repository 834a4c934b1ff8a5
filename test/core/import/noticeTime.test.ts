/**
 * The time phrases of Microsoft 365 notices, read into import times. The English forms are those
 * of published notices: "Tuesday, November 19, 2019, 10:40 AM (1:40 AM UTC)" (the flagship's
 * source, ../shared/seed), "Monday, January 18, 2016, at 12:00 PM UTC" and "By Friday, January 22,
 * 2016, at 1:00 AM UTC" (http://udm-its.blogspot.com/2016/01/o365-exchange-service-degradation-imap.html),
 * "Thursday, June 30, 2016, at 2:30 PM UTC" (https://status.n-able.com/2016/06/30/office-365-exchange-online-protection-routing-issues-update/),
 * "2018年11月30日(金)12時30分より" (https://moshbox.jp/?p=54880).
 */
import * as assert from 'node:assert/strict';
import { readNoticeTime } from '../../../server/src/import/readers/noticeTime';

describe('import: notice time phrases', () => {
  const read = (phrase: string, zone?: string) => readNoticeTime(phrase, zone);

  it('reads local time with its UTC twin as the UTC instant, keeping the phrase', () => {
    assert.deepEqual(read('Tuesday, November 19, 2019, 10:40 AM (1:40 AM UTC)'), {
      utc: '2019-11-19T01:40:00Z',
      written: 'Tuesday, November 19, 2019, 10:40 AM (1:40 AM UTC)',
    });
    assert.deepEqual(read('Tuesday, November 19, 2019, 8:50 PM (11:50 AM UTC)'), {
      utc: '2019-11-19T11:50:00Z',
      written: 'Tuesday, November 19, 2019, 8:50 PM (11:50 AM UTC)',
    });
  });

  it('takes the UTC day from the twin when the clocks straddle midnight, both ways', () => {
    assert.equal(pick(read('Monday, November 18, 2019, 9:00 PM (5:00 AM UTC)'), 'utc'), '2019-11-19T05:00:00Z');
    assert.equal(pick(read('Wednesday, November 20, 2019, 7:30 AM (10:30 PM UTC)'), 'utc'), '2019-11-19T22:30:00Z');
  });

  it('reads the older "at … UTC" form, with and without "By", and 12 AM / 12 PM', () => {
    assert.equal(pick(read('Monday, January 18, 2016, at 12:00 PM UTC'), 'utc'), '2016-01-18T12:00:00Z');
    assert.equal(pick(read('By Friday, January 22, 2016, at 1:00 AM UTC'), 'utc'), '2016-01-22T01:00:00Z');
    assert.equal(pick(read('Thursday, June 30, 2016, at 12:30 AM UTC'), 'utc'), '2016-06-30T00:30:00Z');
    assert.equal(pick(read('Mon, Mar 30, 2015 9:28 PM GMT'), 'utc'), '2015-03-30T21:28:00Z');
  });

  it('reads a numeric offset after UTC or GMT', () => {
    assert.equal(pick(read('November 19, 2019 10:40 (UTC+09:00)'), 'utc'), '2019-11-19T01:40:00Z');
    assert.equal(pick(read('19 November 2019 10:40 GMT+9'), 'utc'), '2019-11-19T01:40:00Z');
    assert.equal(pick(read('2019-11-18 20:40 UTC-5'), 'utc'), '2019-11-19T01:40:00Z');
  });

  it('keeps a named zone\'s wall clock with its IANA zone, and the instant its abbreviation fixes', () => {
    assert.deepEqual(read('Nov 19, 2019 5:10 PM PST'), {
      utc: '2019-11-20T01:10:00Z',
      local: '2019-11-19T17:10',
      zone: 'America/Los_Angeles',
      written: 'Nov 19, 2019 5:10 PM PST',
    });
    // A summer "PST" keeps both readings, so the checker can say they disagree.
    assert.deepEqual([pick(read('Jul 19, 2019 5:10 PM PST'), 'utc'), pick(read('Jul 19, 2019 5:10 PM PST'), 'local')], ['2019-07-20T01:10:00Z', '2019-07-19T17:10']);
    assert.deepEqual(read('Jul 19, 2019 5:10 PM PT'), { local: '2019-07-19T17:10', zone: 'America/Los_Angeles', written: 'Jul 19, 2019 5:10 PM PT' });
  });

  it('reads the Japanese forms, in Japan\'s clock when no zone is named', () => {
    assert.deepEqual(read('2018年11月30日(金)12時30分より', 'Asia/Tokyo'), {
      local: '2018-11-30T12:30',
      zone: 'Asia/Tokyo',
      written: '2018年11月30日(金)12時30分より',
    });
    assert.equal(pick(read('2019年11月19日 (火曜日) 10:40 (UTC 1:40)'), 'utc'), '2019-11-19T01:40:00Z');
    assert.equal(pick(read('2019年11月19日 午後8:50 (協定世界時 11:50)'), 'utc'), '2019-11-19T11:50:00Z');
    assert.equal(pick(read('2019/11/19 10:40 日本時間'), 'local'), '2019-11-19T10:40');
  });

  it('marks "about" and 頃 as approximate', () => {
    assert.deepEqual(read('2019年11月19日 午前1:40 (UTC) 頃'), {
      utc: '2019-11-19T01:40:00Z',
      written: '2019年11月19日 午前1:40 (UTC) 頃',
      approx: true,
    });
    assert.equal(pick(read('approximately Tuesday, November 19, 2019, 1:40 AM UTC'), 'approx'), true);
  });

  it('reads a date without a clock as a day', () => {
    assert.deepEqual(read('Tuesday, November 19, 2019'), { date: '2019-11-19', written: 'Tuesday, November 19, 2019' });
    assert.deepEqual(read('2019年11月19日頃'), { date: '2019-11-19', written: '2019年11月19日頃', approx: true });
  });

  it('names the first problem and its offset in the phrase', () => {
    assert.deepEqual(read('Tuesday, November 31, 2019, 10:40 AM (1:40 AM UTC)'), {
      message: 'There is no such day: November 31, 2019.',
      offset: 9,
    });
    assert.deepEqual(read('Tuesday, November 19, 2019, 13:40 PM UTC'), { message: 'There is no such time: 13:40 PM.', offset: 28 });
    assert.deepEqual(read('Tuesday, November 19, 2019, 10:40 AM (1:40 AM UTC'), {
      message: 'Expected `)` to close the time in brackets.',
      offset: 49,
    });
    assert.deepEqual(read('Tuesday, November 19, 2019, 10:40 AM XYZ'), { message: 'Unknown time zone `XYZ`.', offset: 37 });
    assert.deepEqual(read('Tuesday, November 19, 2019, 10:40 AM'), {
      message: 'The time names no zone: write it with UTC, as the notice does ("10:40 AM (1:40 AM UTC)").',
      offset: 36,
    });
    assert.deepEqual(read('soon'), { message: 'Expected a date ("November 19, 2019" or "2019年11月19日").', offset: 0 });
    assert.deepEqual(read('November 19, 2019 10:40 UTC, give or take'), { message: 'Unexpected text in a time: `, give or take`.', offset: 27 });
  });

  it('refuses two clocks that no zone can put apart', () => {
    assert.deepEqual(read('Tuesday, November 19, 2019, 10:40 AM (1:47 AM UTC)'), {
      message: 'The two clocks of this time are not a time zone apart.',
      offset: 38,
    });
  });
});

function pick(value: object, key: string): unknown {
  return (value as Record<string, unknown>)[key];
}
