/**
 * Updates and components in the exports (issue 11), as exact text: the Markdown table of each
 * component's windows, the update column and the figures; the HTML export's lanes, figures and
 * update notes; the lanes' SVG fragment at the positions its x-scale gives.
 */
import * as assert from 'node:assert/strict';
import { componentLanes } from '../../common/render/componentLanes';
import { componentLanesSvg } from '../../common/render/componentLanesSvg';
import { buildTimelineView, ENGLISH_LABELS, renderHtml, renderMarkdown, timeScale, timelineLabels } from '../../common/render/index';
import { parseIncident, t } from '../../server/src/core';
import { useLocale } from '../../server/src/features/translations';
import { toTimelineModel } from '../../server/src/timelineModel';
import { LANES } from './updateModels';

const viewOf = (text: string) => buildTimelineView(toTimelineModel('file:///w/lanes.incident.yaml', 1, parseIncident(text)));

describe('exports: updates and components', () => {
  afterEach(() => useLocale('en'));

  it('Markdown: the figures, an update column and a table of each component\'s windows', () => {
    assert.equal(renderMarkdown(viewOf(LANES), { zone: 'UTC' }), [
      '## lanes: Lanes',
      '',
      'The incident lasted from 2024-05-01 10:00 UTC to 12:00 UTC.',
      '',
      '- **Status:** resolved',
      '- **Start:** 2024-05-01 10:00 UTC',
      '- **End:** 2024-05-01 12:00 UTC',
      '- **Duration:** 2h',
      '- **Time to detect:** 0s',
      '- **Time to first update:** 20m',
      '- **Longest gap between updates:** 40m',
      '- **Next-update promises kept:** 0 of 1',
      '- **API not operational:** 1h 10m',
      '- **Web not operational:** 1h, not restored',
      '',
      '### Timeline',
      '',
      '| UTC | Kind | Event | Update |',
      '| --- | --- | --- | --- |',
      '| 2024-05-01 10:00 | detected | Errors begin. |  |',
      '| 2024-05-01 10:05 |  | API is down. | Investigating; posted 10:20 UTC; next update by 10:50 UTC; API: major outage |',
      '| 2024-05-01 11:00 |  | Partly back. | Identified; 10m late; API: partial outage; Web: degraded |',
      '| 2024-05-01 11:30 |  | API recovered. | Resolved; API: operational |',
      '',
      '### Component windows',
      '',
      '| Component | From | To | State | Duration |',
      '| --- | --- | --- | --- | --- |',
      '| API | 2024-05-01 10:00 UTC | 2024-05-01 10:20 UTC | affected, state not given | 20m |',
      '| API | 2024-05-01 10:20 UTC | 2024-05-01 11:00 UTC | major outage | 40m |',
      '| API | 2024-05-01 11:00 UTC | 2024-05-01 11:30 UTC | partial outage | 30m |',
      '| Web | 2024-05-01 10:00 UTC | 2024-05-01 11:00 UTC | affected, state not given | 1h |',
      '| Web | 2024-05-01 11:00 UTC |  | degraded | 1h, not restored |',
      '',
    ].join('\n'));
  });

  it('Markdown in Japanese: the windows table in Japanese dates, states and headers', () => {
    useLocale('ja');
    const md = renderMarkdown(viewOf(LANES), { zone: 'JST', labels: timelineLabels(t, 'ja') });
    assert.equal(md.slice(md.indexOf('### コンポーネントごとの影響期間')), [
      '### コンポーネントごとの影響期間',
      '',
      '| コンポーネント | 開始 | 終了 | 状態 | 継続時間 |',
      '| --- | --- | --- | --- | --- |',
      '| API | 2024年5月1日 19時00分 | 2024年5月1日 19時20分 | 影響あり（状態の記載なし） | 20m |',
      '| API | 2024年5月1日 19時20分 | 2024年5月1日 20時00分 | 大規模な停止 | 40m |',
      '| API | 2024年5月1日 20時00分 | 2024年5月1日 20時30分 | 部分的な停止 | 30m |',
      '| Web | 2024年5月1日 19時00分 | 2024年5月1日 20時00分 | 影響あり（状態の記載なし） | 1h |',
      '| Web | 2024年5月1日 20時00分 |  | 性能低下 | 1h（未復旧） |',
      '',
    ].join('\n'));
    assert.ok(md.includes('| 2024年5月1日 19時05分 |  | API is down. | 調査中; 掲載 19:20 JST; 次回更新予定 19:50 JST; API: 大規模な停止 |'), md);
  });

  it('Markdown without updates or components is unchanged: no update column, no windows', () => {
    const md = renderMarkdown(viewOf('title: x\nstatus: resolved\nstart: 2024-05-01T10:00Z\nend: 2024-05-01T11:00Z\ntimeline:\n  - at: 2024-05-01T10:00Z\n    kind: detected\n    event: x\n'), { zone: 'UTC' });
    assert.ok(md.includes('| UTC | Kind | Event |\n| --- | --- | --- |\n| 2024-05-01 10:00 | detected | x |\n'), md);
    assert.ok(!md.includes('Component windows'));
  });

  it('HTML: the updates\' figures, the status and notes of each update, and the lanes under their heading', () => {
    const html = renderHtml(viewOf(LANES), { zone: 'UTC' });
    assert.ok(html.includes('<div>Time to first update<strong>20m</strong></div><div>Longest gap between updates<strong>40m</strong></div>'
      + '<div>Next-update promises kept<strong>0 of 1</strong></div><div>API not operational<strong>1h 10m</strong></div><div>Web not operational<strong>1h, not restored</strong></div></div>'), html);
    assert.ok(html.includes('<td><span class="status">Investigating</span>API is down.<span class="notes">posted 10:20 UTC · next update by 10:50 UTC · API: major outage</span></td>'));
    assert.ok(html.includes('<td><span class="status">Identified</span>Partly back.<span class="notes">10m late · API: partial outage · Web: degraded</span></td>'));
    assert.ok(html.includes('<td>Errors begin.</td>'), 'an event that is not an update has no notes');
    assert.match(html, /<h2>Components<\/h2>\n<div class="chart"><svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="it-lanes" width="1200" [^>]*aria-label="Components">/);
    // The lanes picture: each band on the picture's time scale (the drawn domain over 1128 px from x = 24).
    const view = viewOf(LANES);
    const x = (iso: string) => (24 + ((Date.parse(iso) - view.domain.startMs) * 1128) / (view.domain.endMs - view.domain.startMs)).toFixed(1);
    assert.ok(html.includes(`<rect class="state-major-outage" x="${x('2024-05-01T10:20Z')}" y="45" width="${(Number(x('2024-05-01T11:00Z')) - Number(x('2024-05-01T10:20Z'))).toFixed(1)}" height="12"/>`), html);
    assert.ok(!html.includes('<script'));
  });

  it('HTML: component names and update text are escaped, never markup', () => {
    const xss = '<img src=x onerror=alert(1)>';
    const html = renderHtml(viewOf(`title: x\nstatus: investigating\ncomponents: [${JSON.stringify(xss)}]\nstart: 2024-05-01T10:00Z\ntimeline:\n  - at: 2024-05-01T10:00Z\n    components: {${JSON.stringify(xss)}: degraded}\n    event: x\n`), { zone: 'UTC' });
    assert.ok(!html.includes(xss));
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;: degraded'));
    assert.ok(html.includes('<text class="fg" x="24" y="41" font-weight="600">&lt;img src=x onerror=alert(1)&gt;</text>'), html);
  });

  it('SVG lanes: a fragment on the caller\'s scale, a row per component, bands at their times, a legend of the states drawn', () => {
    const view = viewOf(LANES);
    const scale = timeScale(Date.parse('2024-05-01T10:00Z'), 600 / (2 * 3_600_000), 100);
    const { svg, height } = componentLanesSvg(componentLanes(view), { x: scale.x, left: 100, width: 600, y: 40, clocks: ['UTC'], labels: ENGLISH_LABELS });
    assert.equal(height, 2 * 35 + 22);
    const rects = [...svg.replace(/<defs>.*?<\/defs>/, '').matchAll(/<rect class="state-([a-z-]+)"(?: fill="[^"]*")? x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"/g)].map((m) => [m[1], Number(m[2]), Number(m[3]), Number(m[4])]);
    assert.deepEqual(rects, [
      ['unstated', 100.5, 55.5, 99], ['major-outage', 200, 55, 200], ['partial-outage', 400, 55, 150], ['operational', 550, 59, 150],
      ['unstated', 100.5, 90.5, 299], ['degraded', 400, 90, 300],
      // The legend: the states drawn, in the catalogue's order.
      ['operational', 100, 116, 18], ['degraded', 217, 112, 18], ['partial-outage', 313, 112, 18], ['major-outage', 451, 112, 18], ['unstated', 575.5, 112.5, 17],
    ]);
    assert.ok(svg.includes('<g class="band" data-index="1"><title>API: major outage, 2024-05-01 10:20 UTC – 2024-05-01 11:00 UTC (40m)</title>'));
    // Bands outside the plot are kept inside it.
    const narrow = componentLanesSvg(componentLanes(view), { x: scale.x, left: 100, width: 300, y: 0, clocks: ['UTC'], labels: ENGLISH_LABELS });
    assert.ok(narrow.svg.includes('<rect class="state-operational" x="400.0" y="19" width="1.0" height="4"/>'), narrow.svg);
    assert.deepEqual(componentLanesSvg({ lanes: [], endMs: 0 }, { x: scale.x, left: 0, width: 100, y: 0, clocks: ['UTC'], labels: ENGLISH_LABELS }), { svg: '', height: 0 });
  });
});
