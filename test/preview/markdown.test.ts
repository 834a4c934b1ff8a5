/**
 * The Markdown export as a whole text: every fact of the file, in the chosen zone, in English or
 * Japanese, with incident text escaped so it is never markup.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseIncident, t } from '../../server/src/core';
import { useLocale } from '../../server/src/features/translations';
import { buildTimelineView, ENGLISH_LABELS, renderExport, renderMarkdown, timelineLabels } from '../../common/render/index';
import type { ZoneMode } from '../../common/settings';
import { toTimelineModel } from '../../server/src/timelineModel';

const EXAMPLE = fs.readFileSync(path.join(__dirname, '../../examples/exchange-online-2019-11-19.incident.yaml'), 'utf8');
const modelOf = (text: string) => toTimelineModel('file:///x.incident.yaml', 1, parseIncident(text));

function markdown(text: string, zone: ZoneMode, language: 'en' | 'ja' = 'en'): string {
  useLocale(language);
  return renderMarkdown(buildTimelineView(modelOf(text)), { zone, labels: timelineLabels(t, language) });
}

/** The parts every English version of the example shares after its table. */
function exampleEnglish(window: string, start: string, end: string, table: string[]): string {
  return [
    '## EX196121: Problems receiving mail',
    '',
    window,
    '',
    '- **Status:** resolved',
    '- **Service:** Exchange Online',
    '- **Regions:** Australia, Japan, India',
    '- **Tags:** Office 365, mail flow, anti-spam',
    start,
    end,
    '- **Duration:** 10h 10m',
    '- **Time to detect:** 0s',
    '- **Time to resolve:** 10h 10m',
    '',
    '### Impact',
    '',
    'Users may not have received emails sent from external users, or received them late. Delivery of emails with attachments sent to internal endpoints may also have been delayed. Mail was queued by the sender and expected to be delivered normally once resolved.',
    '',
    '### Cause',
    '',
    'A configuration change to Microsoft\'s infrastructure (an update of the anti-spam function) caused unexpected impact to mail flow. Preliminary root cause.',
    '',
    '### Next steps',
    '',
    '- Analyze performance data and trends on the affected systems to help prevent this problem from happening again.',
    '- Review deployment procedures to help prevent similar problems in the future.',
    '- Publish a post-incident report within five business days.',
    '',
    '### Timeline',
    '',
    ...table,
    '',
  ].join('\n');
}

const EVENT_0 = 'Start of impact: mail from external users and internal mail with attachments is delayed or not received in Australia, Japan and India.';
const EVENT_1 = 'The configuration change is rolled back and service is restored; queued mail is delivered normally.';

describe('Markdown export', () => {
  afterEach(() => useLocale('en'));

  it('the example in English, JST: every fact, the window sentence, a JST table', () => {
    assert.equal(markdown(EXAMPLE, 'JST'), exampleEnglish(
      'The incident lasted from 2019-11-19 10:40 JST to 20:50 JST.',
      '- **Start:** 2019-11-19 10:40 JST',
      '- **End:** 2019-11-19 20:50 JST',
      ['| JST | Kind | Event |', '| --- | --- | --- |', `| 2019-11-19 10:40 | detected | ${EVENT_0} |`, `| 2019-11-19 20:50 | resolved | ${EVENT_1} |`],
    ));
  });

  it('the example in English, UTC: every time on the UTC clock', () => {
    assert.equal(markdown(EXAMPLE, 'UTC'), exampleEnglish(
      'The incident lasted from 2019-11-19 01:40 UTC to 11:50 UTC.',
      '- **Start:** 2019-11-19 01:40 UTC',
      '- **End:** 2019-11-19 11:50 UTC',
      ['| UTC | Kind | Event |', '| --- | --- | --- |', `| 2019-11-19 01:40 | detected | ${EVENT_0} |`, `| 2019-11-19 11:50 | resolved | ${EVENT_1} |`],
    ));
  });

  it('the example in English, both zones: JST with UTC beside it', () => {
    assert.equal(markdown(EXAMPLE, 'both'), exampleEnglish(
      'The incident lasted from 2019-11-19 10:40 JST to 20:50 JST.',
      '- **Start:** 2019-11-19 10:40 JST / 2019-11-19 01:40 UTC',
      '- **End:** 2019-11-19 20:50 JST / 2019-11-19 11:50 UTC',
      ['| JST | UTC | Kind | Event |', '| --- | --- | --- | --- |',
        `| 2019-11-19 10:40 | 2019-11-19 01:40 | detected | ${EVENT_0} |`, `| 2019-11-19 20:50 | 2019-11-19 11:50 | resolved | ${EVENT_1} |`],
    ));
  });

  it('the example in Japanese, JST: the window in one sentence, dates as Japanese summaries write them', () => {
    assert.equal(markdown(EXAMPLE, 'JST', 'ja'), [
      '## EX196121: Problems receiving mail',
      '',
      'システム障害は2019年11月19日10時40分から20時50分まで発生。',
      '',
      '- **ステータス:** resolved',
      '- **サービス:** Exchange Online',
      '- **リージョン:** Australia, Japan, India',
      '- **タグ:** Office 365, mail flow, anti-spam',
      '- **開始:** 2019年11月19日 10時40分 (JST)',
      '- **終了:** 2019年11月19日 20時50分 (JST)',
      '- **継続時間:** 10h 10m',
      '- **検知までの時間:** 0s',
      '- **復旧までの時間:** 10h 10m',
      '',
      '### 影響',
      '',
      'Users may not have received emails sent from external users, or received them late. Delivery of emails with attachments sent to internal endpoints may also have been delayed. Mail was queued by the sender and expected to be delivered normally once resolved.',
      '',
      '### 原因',
      '',
      'A configuration change to Microsoft\'s infrastructure (an update of the anti-spam function) caused unexpected impact to mail flow. Preliminary root cause.',
      '',
      '### 今後の対応',
      '',
      '- Analyze performance data and trends on the affected systems to help prevent this problem from happening again.',
      '- Review deployment procedures to help prevent similar problems in the future.',
      '- Publish a post-incident report within five business days.',
      '',
      '### タイムライン',
      '',
      '| JST | 種別 | イベント |',
      '| --- | --- | --- |',
      `| 2019年11月19日 10時40分 | 検知 | ${EVENT_0} |`,
      `| 2019年11月19日 20時50分 | 復旧 | ${EVENT_1} |`,
      '',
    ].join('\n'));
  });

  it('a window across midnight keeps both dates; an open incident says so; Japanese UTC names its zone', () => {
    const head = 'id: N\ntitle: Night\nstatus: resolved\nstart: 2024-03-01T23:50+09:00\n';
    assert.match(markdown(`${head}end: 2024-03-02T00:20:30+09:00\n`, 'JST'), /\nThe incident lasted from 2024-03-01 23:50 JST to 2024-03-02 00:20:30 JST\.\n/);
    assert.match(markdown(`${head}end: 2024-03-02T00:20:30+09:00\n`, 'JST', 'ja'), /\nシステム障害は2024年3月1日23時50分から2024年3月2日0時20分30秒まで発生。\n/);
    assert.match(markdown(`${head}end: 2024-03-02T00:20+09:00\n`, 'UTC', 'ja'), /\nシステム障害は2024年3月1日14時50分 \(UTC\)から15時20分 \(UTC\)まで発生。\n/);
    assert.match(markdown(head.replace('resolved', 'investigating'), 'JST', 'ja'), /\nシステム障害は2024年3月1日23時50分から発生し、現在も継続中。\n/);
  });

  it('escapes untrusted text: pipes, backticks, a leading #, list markers, links, HTML; only safe links are links', () => {
    const md = markdown([
      'id: "# X"',
      'title: "`t` | [a](javascript:x)"',
      'status: investigating',
      'start: 2024-03-01T00:00Z',
      'impact: |',
      '  # not a heading',
      '  - not a list',
      '      1. not code',
      '  <b>bold</b> & *em*',
      'sources:',
      '  - url: "https://example.com/a b)(c"',
      '    title: "[x](y)"',
      'timeline:',
      '  - at: 2024-03-01T00:05Z',
      '    event: "| cell | break"',
      '    source: https://example.com/status',
      '',
    ].join('\n'), 'UTC');
    assert.ok(md.startsWith('## \\# X: \\`t\\` \\| \\[a\\](javascript:x)\n'), md);
    assert.ok(md.includes('### Impact\n\n\\# not a heading\n\\- not a list\n1\\. not code\n&lt;b&gt;bold&lt;/b&gt; &amp; \\*em\\*\n'), md);
    assert.ok(md.includes('| UTC | Kind | Event | Source |\n| --- | --- | --- | --- |\n| 2024-03-01 00:05 |  | \\| cell \\| break | [https://example.com/status](<https://example.com/status>) |\n'), md);
    assert.ok(md.includes('### Sources\n\n- [\\[x\\](y)](<https://example.com/a%20b)(c>)\n'), md);
  });

  it('the export command and the CLI pass the zone: renderExport writes what renderMarkdown does', () => {
    assert.equal(renderExport(modelOf(EXAMPLE), 'md', 'UTC', ENGLISH_LABELS), markdown(EXAMPLE, 'UTC'));
  });
});
