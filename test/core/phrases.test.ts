import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

import { MAX_PHRASE_LENGTH, readPhrase, readPhraseCached } from '../../server/src/core/phrases';
import { summarise, type PhraseSummary } from './phraseSummary';

interface RealPhrase extends PhraseSummary {
  readonly phrase: string;
  readonly source: string;
}

const REAL: RealPhrase[] = parse(readFileSync(join(__dirname, '../data/phrases/phrases.yaml'), 'utf8'));

describe('phrase reader: real phrases from published notices', () => {
  it('has at least 60, each with its source, English and Japanese', () => {
    assert.ok(REAL.length >= 60, `${REAL.length} phrases`);
    for (const entry of REAL) assert.match(entry.source, /^(https?:\/\/|seed: )/, entry.phrase);
    assert.ok(REAL.filter((e) => /[\u3040-\u9fff]/.test(e.phrase)).length >= 30);
    assert.ok(REAL.filter((e) => !/[\u3040-\u9fff]/.test(e.phrase)).length >= 30);
  });

  for (const { phrase, source, ...expected } of REAL) {
    it(`reads ${JSON.stringify(phrase)}`, () => {
      assert.deepStrictEqual(summarise(phrase, readPhrase(phrase)), expected, source);
    });
  }
});

/** One phrase's reading as the data file writes it. */
const read = (phrase: string) => summarise(phrase, readPhrase(phrase));

describe('phrase reader: forms chrono-node misses', () => {
  it('reads spaced digits and reports the parts on the spaced words', () => {
    assert.deepStrictEqual(read('2022 年 7 月 2 日 1 時 35 分'), {
      time: { date: '2022-07-02 = 2022 年 7 月 2 日', clock: '01:35 = 1 時 35 分' },
    });
  });

  it('reads full-width digits', () => {
    assert.deepStrictEqual(read('２０２２年７月２日　１時３５分頃'), {
      time: { date: '2022-07-02 = ２０２２年７月２日', clock: '01:35 = １時３５分' },
      approx: '頃',
    });
  });

  it('reads era years, 元年 included, with the era as its own part', () => {
    assert.deepStrictEqual(read('令和4年7月2日（土）午前1時35分'), {
      time: { date: '2022-07-02 = 令和4年7月2日', era: '2022 = 令和4年', weekday: 'Sat = （土）', clock: '01:35 = 午前1時35分' },
    });
    assert.deepStrictEqual(read('平成元年1月8日'), { time: { date: '1989-01-08 = 平成元年1月8日', era: '1989 = 平成元年' } });
    assert.deepStrictEqual(read('令和元年5月1日'), { time: { date: '2019-05-01 = 令和元年5月1日', era: '2019 = 令和元年' } });
  });

  it('reads 正午, noon, 半 and 午後 with a 12-hour clock', () => {
    assert.deepStrictEqual(read('7月2日正午'), { time: { date: '--07-02 = 7月2日', clock: '12:00 = 正午' } });
    assert.deepStrictEqual(read('12:00 noon PT'), { time: { clock: '12:00 = 12:00 noon', zone: 'America/Los_Angeles = PT' } });
    assert.deepStrictEqual(read('午後3時半'), { time: { clock: '15:30 = 午後3時半' } });
    assert.deepStrictEqual(read('12:05 AM UTC'), { time: { clock: '00:05 = 12:05 AM', zone: 'UTC = UTC' } });
  });

  it('reads a twin whose zone word comes first in its brackets, past a bracketed weekday (chrono takes "(UTC" into the first time)', () => {
    assert.deepStrictEqual(read('2019年11月19日 (火曜日) 10:40 (UTC 1:40)'), {
      time: { date: '2019-11-19 = 2019年11月19日', weekday: 'Tue = (火曜日)', clock: '10:40 = 10:40' },
      twin: { clock: '01:40 = 1:40', zone: 'UTC = UTC' },
    });
    assert.deepStrictEqual(read('2019年11月19日 午後8:50 (協定世界時 11:50)'), {
      time: { date: '2019-11-19 = 2019年11月19日', clock: '20:50 = 午後8:50' },
      twin: { clock: '11:50 = 11:50', zone: 'UTC = 協定世界時' },
    });
    // Two times in brackets each still make a range, not a twin.
    assert.deepStrictEqual(read('10:40 (UTC 1:40) to 11:40 (UTC 2:40)'), { left: 'range' });
  });

  it('reads relative days against nothing: the rule resolves them', () => {
    assert.deepStrictEqual(read('翌日 5時05分'), { time: { clock: '05:05 = 5時05分', relative: '+1 = 翌日' } });
    assert.deepStrictEqual(read('前日23時'), { time: { clock: '23:00 = 23時', relative: '-1 = 前日' } });
    assert.deepStrictEqual(read('the next day at 3:00 PM'), { time: { clock: '15:00 = 3:00 PM', relative: '+1 = the next day' } });
  });

  it('reads a dated twin in another zone and fixed offsets', () => {
    assert.deepStrictEqual(read('10月30日 1:00 JST (10月29日 16:00 UTC)'), {
      time: { date: '--10-30 = 10月30日', clock: '01:00 = 1:00', zone: 'Asia/Tokyo +09:00 = JST' },
      twin: { date: '--10-29 = 10月29日', clock: '16:00 = 16:00', zone: 'UTC = UTC' },
    });
    assert.deepStrictEqual(read('10:40 UTC+9'), { time: { clock: '10:40 = 10:40', zone: '+09:00 = UTC+9' } });
  });

  it('reads seconds when they are written', () => {
    assert.deepStrictEqual(read('2024-03-11 22:45:30 UTC'), {
      time: { date: '2024-03-11 = 2024-03-11', clock: '22:45:30 = 22:45:30', zone: 'UTC = UTC' },
    });
  });
});

describe('phrase reader: what it leaves alone', () => {
  it('leaves text without a time, empty text and prose-length text alone', () => {
    assert.deepStrictEqual(read(''), { left: 'no-time' });
    assert.deepStrictEqual(read('shortly after the deploy'), { left: 'no-time' });
    assert.deepStrictEqual(read('2019-11-19 10:40 '.repeat(Math.ceil(MAX_PHRASE_LENGTH / 17))), { left: 'no-time' });
  });

  it('leaves a second time that is not a bracketed twin alone (a range)', () => {
    assert.deepStrictEqual(read('10:40 to 20:50'), { left: 'range' });
    assert.deepStrictEqual(read('10:40 (20:50)'), { left: 'range' });
  });

  it('leaves a phrase alone when it writes a clock that cannot be read: the date alone would be a guess', () => {
    assert.deepEqual(read('2019-11-19 25:00Z'), { left: 'unsure' });
    assert.deepEqual(read('2019年11月19日 25時頃'), { approx: '頃', left: 'unsure' });
  });

  it('leaves a zone it cannot name alone instead of reading the clock in another zone', () => {
    assert.deepStrictEqual(read('10:40 IST'), { left: 'unknown-zone' });
    assert.deepStrictEqual(read('米国時間1月22日午後5時'), { left: 'unknown-zone' });
  });

  it('reads the same phrase once: the cache returns the same reading', () => {
    const phrase = '2019年11月19日 20時50分';
    assert.equal(readPhraseCached(phrase), readPhraseCached(phrase));
  });
});
