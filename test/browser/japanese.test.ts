/**
 * The preview page in Japanese: the host passes labels built in the display language (here with
 * the core's t and the Japanese bundle, as vscode.l10n.t would with VS Code in Japanese), and
 * every label, button, ARIA name and count on the page uses them. Skips without chromium, like
 * the other browser tests.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ARTIFACTS, exampleText, japaneseLabels, modelOf, usePreviewPages } from './harness';

describe('preview page in Chromium, in Japanese', function () {
  const pages = usePreviewPages({ labels: japaneseLabels });

  it('labels the toolbar, legend, header, figures and events in Japanese', async () => {
    const p = await pages.open();
    const page = p.page;
    assert.equal(await page.locator('html').getAttribute('lang'), 'ja');
    assert.equal(await page.locator('header .empty').textContent(), 'タイムラインを読み込んでいます…');
    const text = exampleText().replace('tags:', 'sources:\n  - url: https://example.com/status\n    title: Status page\ntags:');
    await p.render(modelOf(text));

    assert.equal(await page.getByRole('toolbar').getAttribute('aria-label'), 'タイムライン表示');
    assert.equal(await page.getByRole('group', { name: 'タイムゾーン' }).locator('.group-label').textContent(), 'タイムゾーン');
    assert.deepEqual(await page.$$eval('[data-zone]', (buttons) => buttons.map((b) => b.textContent)), ['JST', 'UTC', '両方']);
    const fit = page.getByRole('button', { name: '全体表示', exact: true });
    assert.equal(await fit.getAttribute('title'), 'タイムライン全体を表示 (0)');
    assert.equal(await page.getByRole('button', { name: '拡大', exact: true }).getAttribute('title'), '拡大 (+)');
    assert.equal(await page.getByRole('button', { name: '縮小', exact: true }).getAttribute('title'), '縮小 (-)');
    const list = page.getByRole('button', { name: '一覧表示', exact: true });
    assert.equal(await list.getAttribute('title'), '全イベントをコンパクトな一覧で表示');
    assert.equal(await page.getByRole('group', { name: 'ズームと表示モード' }).count(), 1);
    assert.equal(await page.locator('.legend').getAttribute('aria-label'), '凡例');
    // Only the kinds the incident uses.
    assert.deepEqual(await page.$$eval('.legend > button', (spans) => spans.map((s) => s.textContent)), ['検知', '復旧']);
    assert.equal(await page.locator('.count').textContent(), '2 件のイベント');

    assert.deepEqual(await page.$$eval('.figure', (elements) => elements.map((e) => e.textContent)), ['継続時間10h 10m', '検知までの時間0s', '復旧までの時間10h 10m']);
    assert.deepEqual(await page.$$eval('header dt', (elements) => elements.map((e) => e.textContent)), ['サービス', 'リージョン', '影響', '原因', '情報源']);
    assert.equal(await page.locator('.chip.status-resolved').getAttribute('title'), 'ステータス');
    assert.equal(await page.getByRole('listbox').getAttribute('aria-label'), '時刻順のイベント');
    assert.equal(await page.locator('header .window').getAttribute('title'), 'インシデント期間');
    assert.equal(await page.locator('header .window').innerText(), '2019-11-19 10:40–20:50 JST, 10h 10m');
    const first = page.locator('.event[data-index="0"]');
    assert.match(await first.getAttribute('aria-label') ?? '', /^2019-11-19 10:40 JST, \+0s, 検知: Start of impact/);

    // Each event names its kind in Japanese, in both modes.
    assert.deepEqual(await page.$$eval('.event .kind', (kinds) => kinds.map((k) => k.textContent)), ['検知', '復旧']);
    await list.click();
    assert.deepEqual(await page.$$eval('.event .kind', (kinds) => kinds.map((k) => k.textContent)), ['検知', '復旧']);
    await page.screenshot({ path: path.join(ARTIFACTS, 'preview-ja-list.png') });
    await list.click();
    await fit.click();
    await page.screenshot({ path: path.join(ARTIFACTS, 'preview-ja.png') });
  });

  it('the problems banner, Show Problems and unreadable events in Japanese', async () => {
    const p = await pages.open();
    const text = 'id: T-1\ntitle: t\nstatus: resolved\nstart: 2024-03-01T00:00Z\ntimeline:\n  - at: 2024-03-01T00:05Z\n    event: a\n  - at: 2024-03-01 25:99\n    event: b\n';
    const model = modelOf(text);
    await p.render(model, { problems: { errors: 2, warnings: 1 } });
    assert.equal(await p.page.locator('.banner').textContent(), 'このファイルの問題: エラー 2 件、警告 1 件問題を表示');
    await p.page.getByRole('button', { name: '問題を表示' }).click();
    assert.ok((await p.posted()).some((m) => m.type === 'showProblems'));
    assert.equal(await p.page.locator('.unreadable h2').textContent(), '時刻を読み取れなかったイベント (1 件)');
    assert.equal(await p.page.locator('.unreadable a').getAttribute('title'), 'エディターで表示');
    assert.equal(await p.page.locator('.count').textContent(), '1 件のイベント');
    await p.send({ type: 'problems', problems: { errors: 0, warnings: 1 } });
    assert.equal(await p.page.locator('.banner').textContent(), 'このファイルの問題: 警告 1 件問題を表示');
    await p.render(model, { stale: true, problems: { errors: 1, warnings: 0 } });
    assert.equal(await p.page.locator('.banner').textContent(), 'エラーでタイムラインの一部が読み取れないため、最後に正しく読めた内容を表示しています。このファイルの問題: エラー 1 件問題を表示');
    await p.render(modelOf('- a list, not an incident\n', 'file:///work/other.incident.yaml'));
    assert.equal(await p.page.locator('header .empty').textContent(), 'このファイルは (まだ) インシデントタイムラインではありません。少なくとも id、title、status、start が必要です。');
  });
});
