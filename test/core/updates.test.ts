/**
 * Updates and components: the event keys status, posted, next_update and components, the root
 * components list, and the rules over them. Each code: severity, exact range, whole message.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileId, findDuplicateIds, useTranslations, type IncidentDiagnostic } from '../../server/src/core';
import { toTimelineModel } from '../../server/src/timelineModel';
import { diagnose, lines, rangeOf, rows } from './diagnose';

const HEAD = ['title: Git operations degraded', 'status: resolved', 'components: [Git Operations, API Requests]',
  'start: 2024-05-01T10:00Z', 'end: 2024-05-01T11:00Z', 'timeline:'];

/** The diagnostics of one code as [range, message], in document order. */
function found(text: string, code: string): [string, string, string][] {
  const parsed = diagnose(text);
  return parsed.diagnostics.filter((d: IncidentDiagnostic) => d.code === code).map((d) => [rangeOf(parsed.lineIndex, d.span), d.severity, d.message]);
}

describe('updates and components', () => {
  it('a file with updates that agree with each other and with the end has no diagnostics', () => {
    const text = lines(...HEAD,
      '  - at: 2024-05-01T10:00Z',
      '    kind: detected',
      '    event: Git operations fail for some users.',
      '  - at: 2024-05-01T10:05Z',
      '    posted: 2024-05-01T10:12Z',
      '    status: investigating',
      '    next_update: 2024-05-01T10:45Z',
      '    components: {Git Operations: partial-outage, API Requests: degraded}',
      '    event: We are investigating.',
      '  - at: {utc: 2024-05-01T10:40Z, jst: 2024-05-01T19:40}',
      '    status: identified',
      '    components: [Git Operations]',
      '    event: A bad deploy; rolling back.',
      '  - at: 2024-05-01T11:00Z',
      '    kind: resolved',
      '    status: resolved',
      '    components:',
      '      Git Operations: operational',
      '      API Requests: operational',
      '    event: Resolved.');
    assert.deepEqual(rows(text), []);
    const event = diagnose(text).incident!.timeline[1];
    assert.equal(event.status?.value, 'investigating');
    assert.equal(event.posted?.epochMs, Date.UTC(2024, 4, 1, 10, 12));
    assert.equal(event.nextUpdate?.epochMs, Date.UTC(2024, 4, 1, 10, 45));
    assert.deepEqual(event.components?.value.map((c) => [c.name, c.state]), [['Git Operations', 'partial-outage'], ['API Requests', 'degraded']]);
    assert.deepEqual(diagnose(text).incident!.components?.value.map((c) => c.name), ['Git Operations', 'API Requests']);
  });

  it('a component state outside the five is invalid-value with the nearest state; components of another type is wrong-type', () => {
    const text = lines(...HEAD, '  - at: 2024-05-01T10:05Z', '    components: {Git Operations: degradd}', '    event: x',
      '  - at: 2024-05-01T10:06Z', '    components: Git Operations', '    event: y');
    assert.deepEqual(found(text, 'invalid-value'), [['7:33-7:40', 'error',
      '`degradd` is not a valid state of `Git Operations`: expected one of operational, degraded, partial-outage, major-outage, maintenance. Did you mean `degraded`?']]);
    assert.deepEqual(found(text, 'wrong-type'), [['10:16-10:30', 'error', '`components` must be a list of names or a mapping from name to state, got a string.']]);
  });

  describe('posted-before-at', () => {
    it('a warning on `posted` naming both times', () => {
      const text = lines(...HEAD, '  - at: 2024-05-01T10:30Z', '    posted: 2024-05-01T10:20Z', '    event: x');
      assert.deepEqual(found(text, 'posted-before-at'), [['7:12-7:29', 'warning',
        'Event 1 was posted at 2024-05-01 19:20 JST, 10m before the time it describes (2024-05-01 19:30 JST): `posted` is when the update was published, `at` when it happened.']]);
    });
  });

  describe('unknown-component', () => {
    it('a name not in the root list, with the nearest name; without one, says to add it', () => {
      const text = lines(...HEAD, '  - at: 2024-05-01T10:05Z', '    components: [Git Operation, Webhooks]', '    event: x');
      assert.deepEqual(found(text, 'unknown-component'), [
        ['7:17-7:30', 'warning', 'Component `Git Operation` is not in the incident\'s `components`: did you mean `Git Operations`?'],
        ['7:32-7:40', 'warning', 'Component `Webhooks` is not in the incident\'s `components`: add it there.'],
      ]);
      const d = diagnose(text).diagnostics.find((x) => x.code === 'unknown-component')!;
      assert.deepEqual(d.data, { code: 'unknown-component', name: 'Git Operation', suggestion: 'Git Operations' });
    });
    it('every named component is unknown when the incident has no root list', () => {
      const text = lines('title: t', 'status: investigating', 'start: 2024-05-01T10:00Z', 'timeline:',
        '  - at: 2024-05-01T10:05Z', '    components: {Pages: degraded}', '    event: x');
      assert.deepEqual(found(text, 'unknown-component').map((r) => r[0]), ['5:17-5:22']);
    });
  });

  describe('resolved-after-end', () => {
    it('a mitigated or resolved event after the end, on its `at`; a status `resolved` is an announcement, not this', () => {
      const text = lines(...HEAD,
        '  - at: 2024-05-01T11:20Z', '    kind: resolved', '    event: Traffic returned to normal.',
        '  - at: 2024-05-01T11:30Z', '    status: resolved', '    event: Resolved.');
      assert.deepEqual(found(text, 'resolved-after-end'), [['6:8-6:25', 'warning',
        'Event 1 (kind `resolved`) happened at 2024-05-01 20:20 JST, 20m after the end (2024-05-01 20:00 JST): correct `end`, or, if 2024-05-01 20:20 JST is when it was announced, move it to `posted` and give `at` the time it happened.']]);
    });
    it('silent when the event is at the end or announced later through `posted`', () => {
      const text = lines(...HEAD, '  - at: 2024-05-01T10:50Z', '    posted: 2024-05-01T11:20Z', '    kind: mitigated', '    event: x',
        '  - at: 2024-05-01T11:00Z', '    kind: resolved', '    event: y');
      assert.deepEqual(rows(text), []);
    });
  });

  describe('status-after-end', () => {
    it('an update published after the end still investigating, or with a component not operational', () => {
      const text = lines(...HEAD,
        '  - at: 2024-05-01T10:55Z', '    posted: 2024-05-01T11:40Z', '    status: investigating',
        '    components: {API Requests: degraded, Git Operations: operational}', '    event: Still looking.');
      assert.deepEqual(found(text, 'status-after-end'), [
        ['8:12-8:25', 'warning', 'Event 1 was published at 2024-05-01 20:40 JST, 40m after the end (2024-05-01 20:00 JST), but still announces `investigating`: correct `end` or the status.'],
        ['9:31-9:39', 'warning', 'Event 1 was published at 2024-05-01 20:40 JST, 40m after the end (2024-05-01 20:00 JST), but still gives `API Requests` the state `degraded`: correct `end` or the state.'],
      ]);
    });
    it('silent for monitoring, and for updates published by the end', () => {
      const text = lines(...HEAD.map((l) => l.replace('status: resolved', 'status: monitoring')),
        '  - at: 2024-05-01T11:40Z', '    status: monitoring', '    event: Watching.',
        '  - at: 2024-05-01T10:40Z', '    posted: 2024-05-01T11:00Z', '    status: identified', '    event: Found.');
      assert.deepEqual(found(text, 'status-after-end'), []);
    });
  });

  describe('stale-status', () => {
    it('the incident\'s status against the last published update that has one, by `posted`', () => {
      const text = lines(...HEAD.map((l) => l.replace('status: resolved', 'status: identified')),
        '  - at: 2024-05-01T10:05Z', '    posted: 2024-05-01T10:50Z', '    status: monitoring', '    event: Fix deployed.',
        '  - at: 2024-05-01T10:30Z', '    status: identified', '    event: Found.');
      assert.deepEqual(found(text, 'stale-status'), [['1:8-1:18', 'warning',
        'The incident\'s status is `identified`, but the latest update (event 1, published 2024-05-01 19:50 JST) announces `monitoring`.']]);
      const d = diagnose(text).diagnostics.find((x) => x.code === 'stale-status')!;
      assert.deepEqual(d.data, { code: 'stale-status', statusSpan: { start: text.indexOf('identified'), end: text.indexOf('identified') + 10 }, latest: 'monitoring' });
    });
  });

  describe('late-update', () => {
    it('an update later than the previous update\'s promise, saying how late; none once resolved', () => {
      const text = lines(...HEAD,
        '  - at: 2024-05-01T10:05Z', '    status: investigating', '    next_update: 2024-05-01T10:35Z', '    event: a',
        '  - at: 2024-05-01T10:30Z', '    posted: 2024-05-01T10:50Z', '    status: identified', '    next_update: 2024-05-01T11:00Z', '    event: b',
        '  - at: 2024-05-01T10:55Z', '    status: resolved', '    next_update: 2024-05-01T11:00Z', '    event: c',
        '  - at: 2024-05-01T12:00Z', '    kind: report', '    status: resolved', '    event: d');
      assert.deepEqual(found(text, 'late-update'), [['11:12-11:29', 'warning',
        'Event 2 was published at 2024-05-01 19:50 JST, 15m later than event 1 promised the next update (2024-05-01 19:35 JST).']]);
    });
  });

  describe('component-not-restored', () => {
    it('a resolved incident whose component was last given another state than operational', () => {
      const text = lines(...HEAD,
        '  - at: 2024-05-01T10:05Z', '    components: {Git Operations: major-outage, API Requests: degraded}', '    event: a',
        '  - at: 2024-05-01T11:00Z', '    status: resolved', '    components: {Git Operations: operational}', '    event: b');
      assert.deepEqual(found(text, 'component-not-restored'), [['7:61-7:69', 'warning',
        'The incident is resolved, but the last update that gives `API Requests` a state (event 1, published 2024-05-01 19:05 JST) says `degraded`: add an update that makes it `operational`.']]);
    });
    it('silent while the incident is not resolved', () => {
      const text = lines(...HEAD.map((l) => l.replace('status: resolved', 'status: monitoring')),
        '  - at: 2024-05-01T10:05Z', '    components: {API Requests: degraded}', '    event: a');
      assert.deepEqual(rows(text), []);
    });
  });

  describe('status-regression', () => {
    it('an earlier status than the update before it, information; not when a detected event comes between', () => {
      const text = lines(...HEAD,
        '  - at: 2024-05-01T10:05Z', '    status: monitoring', '    event: a',
        '  - at: 2024-05-01T10:10Z', '    status: investigating', '    event: b',
        '  - at: 2024-05-01T10:20Z', '    kind: detected', '    event: The errors are back.',
        '  - at: 2024-05-01T10:25Z', '    status: identified', '    event: c',
        '  - at: 2024-05-01T11:00Z', '    status: resolved', '    event: d');
      assert.deepEqual(found(text, 'status-regression'), [['10:12-10:25', 'information',
        'Event 2 (published 2024-05-01 19:10 JST) announces `investigating`, an earlier status than `monitoring` announced by event 1 (published 2024-05-01 19:05 JST), with no event of kind `detected` between them.']]);
    });
  });
});

describe('an incident without an id', () => {
  it('the file name less .incident.yaml stands for it in the timeline model the preview and the exports draw', () => {
    assert.equal(fileId('file:///work/incidents/github-2026-03-03.incident.yaml'), 'github-2026-03-03');
    assert.equal(fileId('file:///work/%E9%9A%9C%E5%AE%B3.incident.yml'), '障害');
    assert.equal(fileId('untitled:Untitled-1'), 'Untitled-1');
    assert.equal(fileId('file:///w/100%.incident.yaml'), '100%');
    const text = lines('title: t', 'status: investigating', 'start: 2024-05-01T10:00Z');
    assert.equal(toTimelineModel('file:///w/mail-outage.incident.yaml', 1, diagnose(text)).incident?.id, 'mail-outage');
    assert.equal(toTimelineModel('file:///w/mail-outage.incident.yaml', 1, diagnose('id: INC-9\n' + text)).incident?.id, 'INC-9');
  });
});

describe('update times in every form', () => {
  it('a posted or next_update pair whose sides disagree is utc-jst-mismatch, named by its key', () => {
    const text = lines(...HEAD, '  - at: 2024-05-01T10:05Z', '    posted:', '      utc: 2024-05-01T10:12Z', '      jst: 2024-05-01T10:12',
      '    next_update: {utc: 2024-05-01T10:45Z, jst: 2024-05-01T19:45}', '    event: x');
    const found = diagnose(text).diagnostics.map((d) => [d.code, d.message.slice(0, d.message.indexOf(':'))]);
    assert.deepEqual(found, [['utc-jst-mismatch', '`timeline[0].posted`']]);
  });

  it('duplicate-id compares only ids written in files: two files without one, of the same name, are not duplicates', () => {
    const text = lines(...HEAD.slice(0, 5));
    const files = ['file:///a/x.incident.yaml', 'file:///b/x.incident.yaml'].map((uri) => ({ uri, incident: diagnose(text).incident }));
    assert.equal(findDuplicateIds(files).size, 0);
  });
});

describe('the update rules in Japanese', () => {
  afterEach(() => useTranslations('en', undefined));

  it('every new code\'s message on the broken example, from l10n/bundle.l10n.ja.json', () => {
    const bundle = JSON.parse(fs.readFileSync(path.join(__dirname, '../../l10n/bundle.l10n.ja.json'), 'utf8')) as Record<string, string>;
    useTranslations('ja', bundle);
    const text = fs.readFileSync(path.join(__dirname, '../../examples/broken/github-2026-03-03-updates.incident.yaml'), 'utf8');
    const parsed = diagnose(text);
    assert.deepEqual(parsed.diagnostics.map((d) => `${d.code} ${rangeOf(parsed.lineIndex, d.span)} ${d.message}`), [
      'stale-status 5:8-5:16 インシデントのステータスは `resolved` ですが、最新の更新 (イベント 8、2026-03-04 05:25 JST 発表) は `monitoring` を告げています。',
      'component-not-restored 24:15-24:23 インシデントは解決済みですが、`Actions` の状態を最後に伝えた更新 (イベント 2、2026-03-04 03:59 JST 発表) は `degraded` のままです。`operational` に戻す更新を追加してください。',
      'late-update 27:8-27:25 イベント 3 の発表は 2026-03-04 04:17 JST で、イベント 2 が約束した次回更新 (2026-03-04 04:09 JST) より 8m 遅れています。',
      'status-regression 33:12-33:25 イベント 4 (2026-03-04 04:32 JST 発表) は `investigating` を告げていますが、これはイベント 3 (2026-03-04 04:17 JST 発表) が告げた `monitoring` より前の段階です。その間に種類 `detected` のイベントがありません。',
      'posted-before-at 38:12-38:29 イベント 5 の発表 (2026-03-04 04:50 JST) が、それが伝える時刻 (2026-03-04 04:54 JST) より 4m 前です。`posted` は更新を発表した時刻、`at` は起きた時刻です。',
      'unknown-component 40:17-40:30 コンポーネント `Git Operation` はインシデントの `components` にありません。`Git Operations` のことですか?',
      'resolved-after-end 44:8-44:25 イベント 6 (種類 `resolved`) は 2026-03-04 05:15 JST で、終了 (2026-03-04 05:09 JST) より 6m 後です。`end` を直してください。2026-03-04 05:15 JST が発表された時刻なら、それを `posted` に移し、`at` には実際に起きた時刻を書いてください。',
      'status-after-end 49:12-49:25 イベント 7 は終了 (2026-03-04 05:09 JST) より 11m 後の 2026-03-04 05:20 JST に発表されたのに、まだ `investigating` を告げています。`end` かステータスを直してください。',
    ]);
  });
});
