import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseIncident, useTranslations } from '../../server/src/core';
import { hover } from '../../server/src/features/hover';

const EXAMPLE = fs.readFileSync(path.join(__dirname, '../../examples/exchange-online-2019-11-19.incident.yaml'), 'utf8');

describe('hover on times', () => {
  afterEach(() => useTranslations('en', undefined));

  it('on start: UTC, JST, extra zones, weekday and the total duration', () => {
    const parsed = parseIncident(EXAMPLE);
    const offset = EXAMPLE.indexOf('start:') + 1;
    const result = hover(parsed, offset, { extraTimeZones: ['Australia/Sydney', 'Asia/Kolkata', 'Not/AZone'] });
    assert.ok(result);
    assert.deepEqual(result.span, { start: EXAMPLE.indexOf('start:'), end: EXAMPLE.indexOf('start:') + 5 });
    assert.equal(result.markdown, [
      '**2019-11-19 10:40 JST** (Tue)',
      '',
      '- UTC: 2019-11-19 01:40 (Tue)',
      '- JST: 2019-11-19 10:40 (Tue)',
      '- Australia/Sydney: 2019-11-19 12:40 +11:00 (Tue)',
      '- Asia/Kolkata: 2019-11-19 07:10 +05:30 (Tue)',
      '',
      'Total duration: 10h 10m',
    ].join('\n'));
  });

  it('on an event\'s jst side: the offset from start', () => {
    const parsed = parseIncident(EXAMPLE);
    const offset = EXAMPLE.lastIndexOf('jst: 2019-11-19T20:50') + 8;
    const result = hover(parsed, offset);
    assert.ok(result);
    assert.equal(EXAMPLE.slice(result.span.start, result.span.end), '2019-11-19T20:50');
    assert.equal(result.markdown, [
      '**2019-11-19 20:50 JST** (Tue)',
      '',
      '- UTC: 2019-11-19 11:50 (Tue)',
      '- JST: 2019-11-19 20:50 (Tue)',
      '',
      '+10h 10m after start',
    ].join('\n'));
  });

  it('a time with no offset shows both readings', () => {
    const text = 'id: a\ntitle: b\nstatus: identified\nstart: 2019-11-19T10:40\n';
    const result = hover(parseIncident(text), text.indexOf('10:40'));
    assert.ok(result);
    assert.equal(result.markdown, [
      'No offset is written, so this time is ambiguous.',
      '',
      '- Read as JST: 2019-11-19 10:40 JST = 2019-11-19 01:40 UTC',
      '- Read as UTC: 2019-11-19 10:40 UTC = 2019-11-19 19:40 JST',
    ].join('\n'));
  });

  it('nothing off times', () => {
    const parsed = parseIncident(EXAMPLE);
    assert.equal(hover(parsed, EXAMPLE.indexOf('Problems receiving')), undefined);
  });
});

describe('hover on components and update times', () => {
  const text = [
    'title: t', 'status: resolved', 'components: [Git Operations, Webhooks, Pages]',
    'start: 2024-05-01T10:00Z', 'end: 2024-05-01T11:00Z', 'timeline:',
    '  - at: 2024-05-01T10:05Z', '    posted: 2024-05-01T10:12Z', '    components: {Git Operations: degraded, Webhooks: major-outage}', '    event: a',
    '  - at: 2024-05-01T10:20Z', '    components: {Git Operations: major-outage}', '    event: b',
    '  - at: 2024-05-01T10:40Z', '    components: {Git Operations: operational}', '    event: c',
    '  - at: 2024-05-01T10:50Z', '    components: {Git Operations: degraded}', '    event: d',
    '',
  ].join('\n');
  const parsed = parseIncident(text);

  it('on a name in the root list: its windows of impact by publication, the open one marked', () => {
    const result = hover(parsed, text.indexOf('Git Operations') + 2);
    assert.deepEqual(result?.span, { start: text.indexOf('Git Operations'), end: text.indexOf('Git Operations') + 14 });
    assert.equal(result?.markdown, [
      'Windows of impact (by when the updates were published):',
      '',
      '- 2024-05-01 19:12 JST – 2024-05-01 19:40 JST (28m): `degraded` → `major-outage`',
      '- from 2024-05-01 19:50 JST, not restored: `degraded`',
    ].join('\n'));
  });

  it('on a name in an update, and on a component no update gives a state', () => {
    const inUpdate = text.indexOf('Webhooks: major');
    assert.equal(hover(parsed, inUpdate)?.markdown, 'Windows of impact (by when the updates were published):\n\n- from 2024-05-01 19:12 JST, not restored: `major-outage`');
    assert.equal(hover(parsed, text.indexOf('Pages'))?.markdown, 'No update gives this component a state other than operational.');
  });

  it('on `posted`: the time, like `at`', () => {
    const result = hover(parsed, text.indexOf('2024-05-01T10:12Z') + 3);
    assert.match(result?.markdown ?? '', /^\*\*2024-05-01 19:12 JST\*\* \(Wed\)/);
    assert.match(result?.markdown ?? '', /\+12m after start/);
  });
});

describe('hover on times in named zones, dates and approximate times', () => {
  const TEXT = [
    'title: x', 'status: resolved', 'zone: America/Los_Angeles', 'start: 2021-01-04T18:55', 'end: {local: 2021-01-05T02:10, approx: true}',
    'timeline:', '  - at: 2021-01-05', '    event: a', '  - at: {jst: 2021-01-06T10:00}', '    event: b', '',
  ].join('\n');
  const parsed = parseIncident(TEXT);

  it('a zoned time in its own zone with that date\'s abbreviation, then UTC, JST and the extra zones', () => {
    const result = hover(parsed, TEXT.indexOf('start:') + 1, { extraTimeZones: ['Europe/London'] });
    assert.equal(result?.markdown, [
      '**2021-01-04 18:55 PST** (Mon), America/Los\\_Angeles (UTC-8)',
      '',
      '- UTC: 2021-01-05 02:55 (Tue)',
      '- JST: 2021-01-05 11:55 (Tue)',
      '- Europe/London: 2021-01-05 02:55 Z (Tue)',
      '',
      'Total duration: ~7h 15m',
    ].join('\n'));
  });

  it('an approximate local time, hovered on its `local` side: "~" on the time and on the figures from it', () => {
    const result = hover(parsed, TEXT.indexOf('2021-01-05T02:10') + 3);
    assert.equal(TEXT.slice(result!.span.start, result!.span.end), '2021-01-05T02:10');
    assert.equal(result?.markdown, [
      '**~2021-01-05 02:10 PST** (Tue), America/Los\\_Angeles (UTC-8)',
      '',
      '- UTC: 2021-01-05 10:10 (Tue)',
      '- JST: 2021-01-05 19:10 (Tue)',
      '',
      'about +7h 15m after start · Total duration: ~7h 15m · The source gives this time as approximate.',
    ].join('\n'));
  });

  it('a date: its day in its zone, and the figure that needs a clock left out with the reason', () => {
    const result = hover(parsed, TEXT.indexOf('2021-01-05\n') + 2);
    assert.equal(result?.markdown, [
      '**2021-01-05** (Tue): some time that day in America/Los\\_Angeles',
      '',
      '- UTC: 2021-01-05 08:00 – 2021-01-06 08:00',
      '- JST: 2021-01-05 17:00 – 2021-01-06 17:00',
      '',
      'Time since start left out: a date without a clock is some time that day.',
    ].join('\n'));
  });

  it('a jst time in a zoned file is still shown in JST first', () => {
    assert.match(hover(parsed, TEXT.indexOf('jst: 2021') + 6)!.markdown, /^\*\*2021-01-06 10:00 JST\*\* \(Wed\)\n/);
  });
});

describe('hover on a time\'s written: how the source\'s words read', () => {
  afterEach(() => useTranslations('en', undefined));
  const HEAD = 'title: T\nstatus: investigating\n';
  const at = (text: string, words: string) => hover(parseIncident(text), text.indexOf(words) + 1);

  it('the flagship\'s start: each part, the zone it is read in, the twin, and that it agrees', () => {
    const result = at(EXAMPLE, 'Tuesday, November 19, 2019, 10:40 AM');
    assert.ok(result);
    assert.equal(EXAMPLE.slice(result.span.start, result.span.end), 'Tuesday, November 19, 2019, 10:40 AM (1:40 AM UTC)');
    assert.equal(result.markdown, [
      '**How the source\'s words read**',
      '',
      '- weekday `Tuesday`: Tuesday',
      '- date `November 19, 2019`: 2019-11-19',
      '- clock `10:40 AM`: 10:40',
      '- no zone words: read in Asia/Tokyo, the time\'s own zone',
      '- the same time in another zone:',
      '  - clock `1:40 AM`: 01:40',
      '  - zone `UTC`: UTC',
      '',
      'They agree with the value.',
    ].join('\n'));
  });

  it('a Japanese phrase with an era year and 頃, and one that disagrees, in Japanese', () => {
    useTranslations('ja', JSON.parse(fs.readFileSync(path.join(__dirname, '../../l10n/bundle.l10n.ja.json'), 'utf8')) as Record<string, string>);
    const text = `${HEAD}start: {jst: 2022-07-02T02:35, approx: true, written: 令和4年7月2日（土）1時35分頃}\n`;
    const result = at(text, '令和4年');
    assert.ok(result);
    assert.equal(result.markdown, [
      '**出典の文言の読み取り**',
      '',
      '- 曜日 `（土）`: 土曜日',
      '- 日付 `令和4年7月2日`: 2022-07-02',
      '- 和暦 `令和4年`: 2022年',
      '- 時刻 `1時35分`: 01:35',
      '- タイムゾーンの記載なし: この時刻のタイムゾーン Asia/Tokyo で読みます',
      '- おおよその時刻: `頃`',
      '',
      '1 箇所が値と食い違っています。問題ビューを参照してください。',
    ].join('\n'));
  });

  it('a day counted from the time before, a value still to fill, and a phrase left alone with the reason', () => {
    const relative = `${HEAD}start: 2024-03-04T23:00+09:00\nend: {jst: 2024-03-05T05:05, written: 翌日 5時05分}\n`;
    assert.equal(at(relative, '翌日')?.markdown, [
      '**How the source\'s words read**', '', '- `翌日`: the day after the time before', '- clock `5時05分`: 05:05',
      '- no zone words: read in Asia/Tokyo, the time\'s own zone', '', 'They agree with the value.',
    ].join('\n'));
    const unread = `${HEAD}start: {written: "March 4, 2024, 10:40 AM UTC"}\n`;
    assert.match(at(unread, 'March 4')!.markdown, /\n\nThere is no value yet to compare them with\.$/);
    const range = `${HEAD}start: {utc: 2024-03-04T07:05Z, written: from 07:05 UTC to 12:43 UTC}\n`;
    assert.equal(at(range, 'from 07:05')?.markdown,
      '**The source\'s words are not checked**: they give a range, or two times that are not one time and its twin in another zone.');
  });
});
