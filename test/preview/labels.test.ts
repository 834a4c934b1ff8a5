/**
 * The one label catalogue (common/render/labels.ts): every label has a Japanese word, the
 * page reads labels defensively, and the exports and the preview page's HTML carry them.
 */
import * as assert from 'node:assert/strict';
import { previewHtml } from '../../client/src/preview/previewHtml';
import { previewTitle } from '../../client/src/preview/previewTitle';
import { parseIncident, t } from '../../server/src/core';
import { useLocale } from '../../server/src/features/translations';
import {
  buildTimelineView, countText, ENGLISH_LABELS, fillIn, labelLanguage, parseTimelineLabels, renderHtml, renderMarkdown,
  timelineLabels, type TimelineLabels,
} from '../../common/render/index';
import { toTimelineModel } from '../../server/src/timelineModel';

/** Every string of the catalogue with its path ("kinds.detected"). */
function flatten(labels: TimelineLabels): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (prefix: string, value: object) => {
    for (const [key, v] of Object.entries(value)) {
      if (typeof v === 'string') out.set(prefix + key, v);
      else walk(`${prefix}${key}.`, v as object);
    }
  };
  walk('', labels);
  return out;
}

function japaneseLabels(): TimelineLabels {
  useLocale('ja');
  return timelineLabels(t, 'ja');
}

const INCIDENT = [
  'id: INC-7',
  'title: 決済 API の遅延',
  'status: resolved',
  'service: Payments',
  'start: 2024-03-01T09:00+09:00',
  'end: 2024-03-01T10:30+09:00',
  'cause: 設定ミス',
  'sources:',
  '  - url: https://status.example.com/',
  '    title: Status page',
  'timeline:',
  '  - at: 2024-03-01T09:05+09:00',
  '    kind: detected',
  '    event: アラート発報',
  '  - at: 2024-03-01T09:40+09:00',
  '    kind: mitigated',
  '    event: 切り戻し',
  '  - at: 2024-03-01 25:00',
  '    event: 時刻の誤り',
  '',
].join('\n');

describe('timeline labels', () => {
  afterEach(() => useLocale('en'));

  it('every label has a Japanese word (English only where the word is the same)', () => {
    const ja = flatten(japaneseLabels());
    const en = flatten(ENGLISH_LABELS);
    assert.deepEqual([...ja.keys()], [...en.keys()]);
    const untranslated = [...en].filter(([key, english]) => key !== 'language' && ja.get(key) === english).map(([key]) => key);
    assert.deepEqual(untranslated, []);
    assert.equal(ja.get('fitAll'), '全体表示');
    assert.equal(ja.get('list'), '一覧表示');
    assert.deepEqual(japaneseLabels().kinds, { detected: '検知', update: '更新', mitigated: '緩和', resolved: '復旧', cause: '原因', report: '報告', note: 'メモ', other: '種別なし' });
  });

  it('templates keep their placeholders for the page to fill', () => {
    const ja = japaneseLabels();
    assert.equal(countText(1, ja.oneEvent, ja.events), '1 件のイベント');
    assert.equal(countText(12, ja.oneEvent, ja.events), '12 件のイベント');
    assert.equal(fillIn(ja.problemsInFile, fillIn(ja.errorsAndWarnings, countText(2, ja.oneError, ja.errors), countText(1, ja.oneWarning, ja.warnings))), 'このファイルの問題: エラー 2 件、警告 1 件');
    assert.equal(countText(3, ENGLISH_LABELS.oneError, ENGLISH_LABELS.errors), '3 errors');
    assert.equal(fillIn('{0} and {1}', 'a'), 'a and {1}');
  });

  it('the page reads what the host sent: strings taken, anything odd stays English', () => {
    const ja = japaneseLabels();
    assert.deepEqual(parseTimelineLabels(JSON.parse(JSON.stringify(ja))), ja);
    assert.equal(parseTimelineLabels(undefined), ENGLISH_LABELS);
    assert.equal(parseTimelineLabels([1, 2]), ENGLISH_LABELS);
    const partial = parseTimelineLabels({ language: 'fr', fitAll: '全体表示', list: 42, kinds: { detected: '検知', note: null }, figures: 'x' });
    assert.equal(partial.language, 'en');
    assert.equal(partial.fitAll, '全体表示');
    assert.equal(partial.list, 'List');
    assert.equal(partial.kinds.detected, '検知');
    assert.equal(partial.kinds.note, 'note');
    assert.deepEqual(partial.figures, ENGLISH_LABELS.figures);
  });

  it('the display language picks the labels language', () => {
    assert.equal(labelLanguage('ja'), 'ja');
    assert.equal(labelLanguage('ja-JP'), 'ja');
    assert.equal(labelLanguage('en'), 'en');
    assert.equal(labelLanguage('zh-cn'), 'en');
    assert.equal(labelLanguage(undefined), 'en');
  });

  it('the Markdown export in Japanese, both zones: facts, figures, sections, kinds, unreadable events, sources', () => {
    const view = buildTimelineView(toTimelineModel('file:///a.incident.yaml', 1, parseIncident(INCIDENT)));
    assert.equal(renderMarkdown(view, { zone: 'both', labels: japaneseLabels() }), [
      '## INC-7: 決済 API の遅延',
      '',
      'システム障害は2024年3月1日9時00分から10時30分まで発生。',
      '',
      '- **ステータス:** resolved',
      '- **サービス:** Payments',
      '- **開始:** 2024年3月1日 9時00分 (JST) / 2024年3月1日 0時00分 (UTC)',
      '- **終了:** 2024年3月1日 10時30分 (JST) / 2024年3月1日 1時30分 (UTC)',
      '- **継続時間:** 1h 30m',
      '- **検知までの時間:** 5m',
      '- **緩和までの時間:** 40m',
      '',
      '### 原因',
      '',
      '設定ミス',
      '',
      '### タイムライン',
      '',
      '| JST | UTC | 種別 | イベント |',
      '| --- | --- | --- | --- |',
      '| 2024年3月1日 9時05分 | 2024年3月1日 0時05分 | 検知 | アラート発報 |',
      '| 2024年3月1日 9時40分 | 2024年3月1日 0時40分 | 緩和 | 切り戻し |',
      '',
      '### 時刻を読み取れなかったイベント',
      '',
      '- 2024-03-01 25:00: 時刻の誤り',
      '',
      '### 情報源',
      '',
      '- [Status page](<https://status.example.com/>)',
      '',
    ].join('\n'));
  });

  it('the HTML export in Japanese: lang, facts, sections and table header', () => {
    const view = buildTimelineView(toTimelineModel('file:///a.incident.yaml', 1, parseIncident(INCIDENT)));
    const html = renderHtml(view, { zone: 'JST', labels: japaneseLabels() });
    assert.match(html, /^<!DOCTYPE html>\n<html lang="ja">\n/);
    assert.ok(html.includes('<dt>原因</dt><dd>設定ミス</dd>'));
    assert.ok(html.includes('<div>緩和までの時間<strong>40m</strong></div>'));
    assert.ok(html.includes('<h2>情報源</h2><ul><li><a href="https://status.example.com/" rel="noreferrer noopener">Status page</a></li></ul>'));
    assert.ok(html.includes('<thead><tr><th>JST</th><th>UTC</th><th>開始から</th><th>種別</th><th>イベント</th></tr></thead>'));
    assert.ok(html.includes('<td>検知</td><td>アラート発報</td>'));
    assert.ok(html.includes('<h2>時刻を読み取れなかったイベント</h2>'));
  });

  it('labels are escaped in the page HTML like the state (a label is never markup)', () => {
    const hostile: TimelineLabels = { ...ENGLISH_LABELS, fitAll: '"><script>alert(1)</script>' };
    const html = previewHtml({ cspSource: 'https://x', scriptUri: 'https://x/main.js', styleUri: 'https://x/main.css', defaultZone: 'JST', labels: hostile, nonce: 'bm9uY2U=' });
    assert.ok(!html.includes('<script>alert'), html);
    const attribute = /data-labels="([^"]*)"/.exec(html)?.[1] ?? '';
    const decoded = attribute.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    assert.equal((JSON.parse(decoded) as TimelineLabels).fitAll, hostile.fitAll);
    assert.match(previewHtml({ cspSource: 'x', scriptUri: 'x', styleUri: 'x', defaultZone: 'JST', labels: japaneseLabels() }), /<html lang="ja">/);
    assert.match(previewHtml({ cspSource: 'x', scriptUri: 'x', styleUri: 'x', defaultZone: 'JST' }), /<html lang="en">/);
  });
});

describe('preview tab title', () => {
  afterEach(() => useLocale('en'));

  it('names the file, in the display language, locked or not', () => {
    assert.equal(previewTitle('/w/incidents/a.incident.yaml', false, t), 'Preview a.incident.yaml');
    assert.equal(previewTitle('/w/incidents/a.incident.yaml', true, t), '[Preview] a.incident.yaml');
    useLocale('ja');
    assert.equal(previewTitle('/w/incidents/a.incident.yaml', false, t), 'プレビュー a.incident.yaml');
    assert.equal(previewTitle('/w/incidents/a.incident.yaml', true, t), '[プレビュー] a.incident.yaml');
  });
});
