/**
 * Times on screen as sources write them (issue 10's display part): any IANA zone with the
 * abbreviation of each date, approximate times ("~01:35", "1時35分頃"), dates without a clock
 * (under their day heading, "time not given", figures approximate or left out with the reason),
 * in the HTML and Markdown exports and the reading layout the preview and HTML share.
 */
import * as assert from 'node:assert/strict';
import { clockName, clockOf, displayClocks, fullTimeText, wallText, zoneLabel } from '../../common/render/clocks';
import { buildTimelineView, ENGLISH_LABELS, figureText, renderExport, renderMarkdown, timelineLabels, type DisplayZone } from '../../common/render/index';
import { readingItems, readingOptions, windowTexts } from '../../common/render/reading';
import { t } from '../../server/src/core';
import { useLocale } from '../../server/src/features/translations';
import { approximate, dated, LA, pacific } from './zoneModels';

describe('clocks: any IANA zone, named by the abbreviation of each date', () => {
  it('writes wall time and abbreviation through Intl, JST and UTC on their fixed offsets', () => {
    assert.equal(fullTimeText(Date.parse('2021-01-05T02:55Z'), LA), '2021-01-04 18:55 PST');
    assert.equal(fullTimeText(Date.parse('2022-09-28T17:40Z'), LA), '2022-09-28 10:40 PDT');
    assert.equal(fullTimeText(Date.parse('2022-07-01T12:00:30.250Z'), 'Europe/London'), '2022-07-01 13:00:30.250 BST');
    assert.equal(fullTimeText(Date.parse('2019-11-19T01:40Z'), 'JST'), '2019-11-19 10:40 JST');
    assert.equal(wallText(Date.parse('2019-11-19T01:40Z'), 'UTC'), '2019-11-19 01:40');
    assert.equal(zoneLabel(Date.parse('2022-01-10T00:00Z'), 'Australia/Sydney'), 'AEDT');
  });

  it('names a clock for a button or a column: the generic name, else the abbreviation, else the place', () => {
    assert.equal(clockName(LA, Date.parse('2022-07-01T00:00Z')), 'PT');
    assert.equal(clockName('America/New_York', Date.parse('2022-01-01T00:00Z')), 'ET');
    assert.equal(clockName('Europe/London', Date.parse('2022-07-01T00:00Z')), 'BST');
    assert.equal(clockName('America/Sao_Paulo', Date.parse('2022-07-01T00:00Z')), 'Sao Paulo');
    assert.equal(clockName('JST', 0), 'JST');
  });

  it("resolves a choice to clocks: 'file' is the file's own zone (JST and UTC kept as such), else the fallback", () => {
    assert.deepEqual(displayClocks('file', LA), [LA]);
    assert.deepEqual(displayClocks('file', 'Asia/Tokyo'), ['JST']);
    assert.deepEqual(displayClocks('file', undefined), ['JST']);
    assert.deepEqual(displayClocks('file', undefined, 'both'), ['JST', 'UTC']);
    assert.deepEqual(displayClocks({ iana: 'utc' }, LA), ['UTC']);
    assert.equal(clockOf('Asia/Tokyo'), 'JST');
  });
});

describe('exports in a named zone', () => {
  it('Markdown in the file zone: a PT column, each time with the abbreviation of its date', () => {
    const md = renderExport(pacific, 'md', 'file');
    assert.ok(md.includes('The incident lasted from 2022-11-06 00:30 PDT to 2022-11-06 10:10 PST.\n'), md);
    assert.ok(md.includes('- **Start:** 2022-11-06 00:30 PDT\n- **End:** 2022-11-06 10:10 PST\n'), md);
    assert.ok(md.includes('| PT | Kind | Event |\n| --- | --- | --- |\n| 2022-11-06 00:30 PDT | detected | Errors rise |\n| 2022-11-06 10:10 PST | resolved | Recovered |\n'), md);
  });

  it('Markdown in Japanese in a named zone names the zone after each time', () => {
    useLocale('ja');
    try {
      const md = renderMarkdown(buildTimelineView(pacific), { zone: { iana: LA }, labels: timelineLabels(t, 'ja') });
      assert.ok(md.includes('システム障害は2022年11月6日0時30分 (PDT)から2022年11月6日10時10分 (PST)まで発生。'), md);
      assert.ok(md.includes('| 2022年11月6日 0時30分 (PDT) |'), md);
    } finally {
      useLocale('en');
    }
  });

  it('HTML in another zone: that clock and UTC as columns, the window in words in that zone', () => {
    const html = renderExport(pacific, 'html', { iana: 'America/New_York' });
    // New York fell back at 06:00 UTC, before this incident: both ends in EST, written once.
    assert.ok(html.includes('<p class="window"><span>2022-11-06 02:30–13:10 EST, 10h 40m</span></p>'), html);
    assert.ok(html.includes('<thead><tr><th>ET</th><th>UTC</th><th>From start</th>'), html);
    assert.ok(html.includes('<tr><td class="time">2022-11-06 02:30 EST</td><td class="time">2022-11-06 07:30 UTC</td><td class="offset">+0s</td>'), html);
    assert.ok(html.includes('<dt>Start</dt><dd>2022-11-06 02:30 EST / 2022-11-06 07:30 UTC</dd>'), html);
  });

  it('JST, UTC and both keep their columns and texts', () => {
    const html = renderExport(pacific, 'html', 'UTC');
    assert.ok(html.includes('<thead><tr><th>JST</th><th>UTC</th>'), html);
    assert.ok(html.includes('<span>2022-11-06 07:30–18:10 UTC, 10h 40m</span>'), html);
  });
});

describe('approximate times', () => {
  it('English writes "~01:35", the offsets and figures that rest on it are approximate', () => {
    const view = buildTimelineView(approximate);
    assert.deepEqual(view.events.map((e) => e.offset), ['~+0s', '~+10h']);
    assert.deepEqual(view.figures.map((f) => figureText(f)), ['about 10h', 'about 0s', 'about 10h']);
    assert.deepEqual(windowTexts(view, ['JST', 'UTC']), ['2022-07-02 ~01:35–11:35 JST', '2022-07-01 ~16:35–2022-07-02 02:35 UTC']);
    const md = renderExport(approximate, 'md', 'JST');
    assert.ok(md.includes('| 2022-07-02 \\~01:35 | detected |'), md);
    assert.ok(md.includes('- **Duration:** about 10h\n'), md);
  });

  it('Japanese writes "1時35分頃"', () => {
    useLocale('ja');
    try {
      const labels = timelineLabels(t, 'ja');
      const md = renderMarkdown(buildTimelineView(approximate), { zone: 'JST', labels });
      assert.ok(md.includes('システム障害は2022年7月2日1時35分頃から11時35分まで発生。'), md);
      assert.ok(md.includes('| 2022年7月2日 1時35分頃 | 検知 |'), md);
      assert.ok(md.includes('- **継続時間:** 約10h'), md);
    } finally {
      useLocale('en');
    }
  });
});

describe('dates without a clock', () => {
  it('go first under their own day heading, with no proportional space, gaps measured between timed events', () => {
    const view = buildTimelineView(dated);
    const items = readingItems(view, ['JST'], readingOptions('list', 1)).map((item) => (item.type === 'event' ? view.events[item.position].text : item.type === 'day' ? item.date : `… ${item.duration} …`));
    assert.deepEqual(items, ['2022-01-16', 'Access by the third party begins', 'First alert', '… 14h …', 'Session revoked', '2022-01-21', 'Report received', '… 4d 18h …', 'Closed']);
    // In UTC the timed events move a day back; the dates stay the dates the source gave.
    const utc = readingItems(view, ['UTC'], readingOptions('timeline', 1)).flatMap((item) => (item.type === 'day' ? [item.date] : item.type === 'event' ? [view.events[item.position].text] : []));
    assert.deepEqual(utc, ['2022-01-15', 'First alert', '2022-01-16', 'Access by the third party begins', 'Session revoked', '2022-01-21', 'Report received', 'Closed']);
  });

  it('figures on a date alone are approximate when the day is small beside them, else left out with the reason', () => {
    const view = buildTimelineView(dated);
    assert.deepEqual(view.figures, [
      { key: 'duration', value: '5d', approx: true },
      { key: 'timeToDetect', value: undefined, withheld: 'no-clock' },
      { key: 'timeToMitigate', value: undefined, withheld: 'no-clock' },
      { key: 'timeToResolve', value: '5d', approx: true },
    ]);
    assert.deepEqual(view.figures.map((f) => figureText(f, ENGLISH_LABELS)), ['about 5d', 'a date without a time leaves it open', 'a date without a time leaves it open', 'about 5d']);
    assert.deepEqual(view.events.map((e) => e.offset), ['', '', '', '', '']);
  });

  it('the exports write the date in its own zone and say the time was not given', () => {
    const html = renderExport(dated, 'html', 'UTC');
    assert.ok(html.includes('<tr><td class="time" colspan="2">2022-01-16 JST <em>time not given</em></td><td class="offset"></td><td></td><td>Access by the third party begins</td></tr>'), html);
    assert.ok(html.includes('<span>2022-01-16 JST – 2022-01-21 04:00 UTC, about 5d</span>'), html);
    const md = renderExport(dated, 'md', 'both');
    assert.ok(md.includes('| 2022-01-16 (time not given) | 2022-01-16 JST (time not given) |  | Access by the third party begins |'), md);
    assert.ok(md.includes('| 2022-01-21 UTC (time not given) | 2022-01-21 (time not given) | report | Report received |'), md);
    assert.ok(md.includes('- **Start:** 2022-01-16 JST (time not given)\n'), md);
  });
});

describe('display choices reach every export', () => {
  const choices: DisplayZone[] = ['JST', 'UTC', 'both', 'file', { iana: LA }];
  it('each format renders each choice without an error and names its clock', () => {
    for (const zone of choices) {
      for (const format of ['html', 'svg', 'md'] as const) {
        const out = renderExport(pacific, format, zone);
        const expected = zone === 'file' || typeof zone === 'object' ? 'PDT' : zone === 'UTC' ? 'UTC' : 'JST';
        assert.ok(out.includes(expected), `${format} ${JSON.stringify(zone)}`);
      }
    }
  });
});
