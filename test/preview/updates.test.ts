/**
 * Updates and components as the views draw them (issue 11): the protocol fields, each update's
 * facts, the figures of the series and the component lanes, on inline files, the GitHub example
 * and real reports.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { componentLanes } from '../../common/render/componentLanes';
import { buildTimelineView, ENGLISH_LABELS, timelineLabels } from '../../common/render/index';
import { updateFigures } from '../../common/render/updateFigures';
import { updateSeries } from '../../common/render/updates';
import { updateNotes } from '../../common/render/updatesExport';
import { parseIncident } from '../../server/src/core/parse';
import { toTimelineModel } from '../../server/src/timelineModel';
import { t as coreT } from '../../server/src/core/l10n';
import { useLocale } from '../../server/src/features/translations';
import { LANES } from './updateModels';

const ROOT = path.join(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const viewOf = (text: string) => buildTimelineView(toTimelineModel('file:///w/lanes.incident.yaml', 1, parseIncident(text)));
const ms = (iso: string) => Date.parse(iso);

describe('updates and components in the views', () => {
  it('carries status, posted, next_update and components from the file into the model', () => {
    const model = toTimelineModel('file:///w/lanes.incident.yaml', 1, parseIncident(LANES));
    assert.deepEqual(model.incident?.components, ['API', 'Web']);
    const update = model.events[1];
    assert.equal(update.status, 'investigating');
    assert.equal(update.posted?.utc, '2024-05-01T10:20:00.000Z');
    assert.deepEqual(update.posted?.range, { start: { line: 10, character: 12 }, end: { line: 10, character: 29 } });
    assert.equal(update.nextUpdate?.utc, '2024-05-01T10:50:00.000Z');
    assert.deepEqual(update.components, [{ name: 'API', state: 'major-outage' }]);
    assert.deepEqual(model.events[2].components, [{ name: 'API', state: 'partial-outage' }, { name: 'Web', state: 'degraded' }]);
    assert.equal(model.events[0].status, undefined);
    // A list without states keeps the names alone.
    const listed = toTimelineModel('file:///w/x.incident.yaml', 1, parseIncident('title: x\nstatus: investigating\nstart: 2024-05-01T10:00Z\ntimeline:\n  - at: 2024-05-01T10:00Z\n    components: [API]\n    event: x\n'));
    assert.deepEqual(listed.events[0].components, [{ name: 'API' }]);
  });

  it('reads each update: posted where it differs, the promise, and how late the next one came', () => {
    const series = updateSeries(viewOf(LANES));
    assert.deepEqual(series.published.map((f) => f.index), [1, 2, 3]);
    assert.deepEqual(series.byIndex.get(1), { index: 1, status: 'investigating', publishedMs: ms('2024-05-01T10:20Z'), postedMs: ms('2024-05-01T10:20Z'), nextUpdateMs: ms('2024-05-01T10:50Z'), components: [{ name: 'API', state: 'major-outage' }] });
    assert.deepEqual(series.byIndex.get(2), { index: 2, status: 'identified', publishedMs: ms('2024-05-01T11:00Z'), late: { byMs: 10 * 60_000, promisedMs: ms('2024-05-01T10:50Z'), promisedBy: 1 }, components: [{ name: 'API', state: 'partial-outage' }, { name: 'Web', state: 'degraded' }] });
    assert.equal(series.byIndex.get(0), undefined, 'a detected event without update keys is not an update');
    assert.equal(series.timeToFirstUpdateMs, 20 * 60_000);
    assert.deepEqual(series.longestGap, { ms: 40 * 60_000, fromMs: ms('2024-05-01T10:20Z'), toMs: ms('2024-05-01T11:00Z') });
    assert.deepEqual(series.promises, { kept: 0, made: 1 });
  });

  it('draws a lane per component: the root list opens it unstated, each state a band from the update that set it', () => {
    const { lanes, endMs } = componentLanes(viewOf(LANES));
    assert.equal(endMs, ms('2024-05-01T12:00Z'));
    assert.deepEqual(lanes.map((l) => [l.name, l.bands.map((b) => [new Date(b.fromMs).toISOString().slice(11, 16), new Date(b.toMs).toISOString().slice(11, 16), b.state, b.index])]), [
      ['API', [['10:00', '10:20', 'unstated', undefined], ['10:20', '11:00', 'major-outage', 1], ['11:00', '11:30', 'partial-outage', 2], ['11:30', '12:00', 'operational', 3]]],
      ['Web', [['10:00', '11:00', 'unstated', undefined], ['11:00', '12:00', 'degraded', 2]]],
    ]);
    assert.deepEqual(lanes.map((l) => [l.notOperationalMs / 60_000, l.restored, l.stated]), [[70, true, true], [60, false, true]]);
    assert.deepEqual(lanes[0].windows, [{ fromMs: ms('2024-05-01T10:20Z'), toMs: ms('2024-05-01T11:30Z'), states: ['major-outage', 'partial-outage'] }]);
  });

  it('gives the figures in words, in English and Japanese', () => {
    const view = viewOf(LANES);
    assert.deepEqual(updateFigures(view, ENGLISH_LABELS).map((f) => `${f.label}: ${f.value}`), [
      'Time to first update: 20m',
      'Longest gap between updates: 40m',
      'Next-update promises kept: 0 of 1',
      'API not operational: 1h 10m',
      'Web not operational: 1h, not restored',
    ]);
    useLocale('ja');
    try {
      const ja = timelineLabels(coreT, 'ja');
      assert.deepEqual(updateFigures(view, ja).map((f) => `${f.label}: ${f.value}`), [
        '最初の更新までの時間: 20m',
        '更新の最長間隔: 40m',
        '守られた次回更新の予告: 1件中0件',
        'API の稼働停止時間: 1h 10m',
        'Web の稼働停止時間: 1h（未復旧）',
      ]);
    } finally {
      useLocale('en');
    }
  });

  it('on the GitHub example: components only ever restored stay unstated until then, and give no time not operational', () => {
    const view = viewOf(read('examples/github-2026-03-03.incident.yaml'));
    const { lanes } = componentLanes(view);
    assert.deepEqual(lanes.map((l) => [l.name, l.bands.map((b) => [new Date(b.fromMs).toISOString().slice(11, 16), b.state, b.index])]), [
      ['Git Operations', [['18:46', 'unstated', undefined], ['19:54', 'operational', 3]]],
      ['Actions', [['18:46', 'unstated', undefined], ['19:55', 'operational', 4]]],
      ['Copilot', [['18:46', 'unstated', undefined], ['19:32', 'operational', 2]]],
    ]);
    assert.deepEqual(updateFigures(view, ENGLISH_LABELS).map((f) => `${f.label}: ${f.value}`), [
      'Time to first update: 31m',
      'Longest gap between updates: 22m',
    ]);
  });

  it('on Slack 2021-12-22 (real): both promises kept, the longest silence before the resolved update', () => {
    const view = viewOf(read('test/data/real/slack-2021-12-22.incident.yaml'));
    const series = updateSeries(view);
    assert.deepEqual(series.promises, { kept: 2, made: 2 });
    assert.equal(series.longestGap?.ms, (2 * 60 + 9) * 60_000);
    assert.equal(series.timeToFirstUpdateMs, undefined, 'no detected event: nothing to measure from');
    assert.ok([...series.byIndex.values()].every((f) => f.late === undefined));
  });

  it('an update named before any state opens the unstated band and is the event it selects', () => {
    const view = viewOf(read('test/data/real/courier-2024-02-19.incident.yaml'));
    const [api] = componentLanes(view).lanes;
    assert.equal(api.name, 'API');
    assert.deepEqual(api.bands.map((b) => [b.state, b.index]), [['unstated', 0]]);
    assert.equal(api.stated, false);
  });

  it('shows hidden characters in component names by name, in the lanes and the notes alike', () => {
    const view = viewOf('title: x\nstatus: investigating\ncomponents: ["A\\u202Eb"]\nstart: 2024-05-01T10:00Z\ntimeline:\n  - at: 2024-05-01T10:00Z\n    components: {"A\\u202Eb": degraded}\n    event: x\n');
    assert.deepEqual(componentLanes(view).lanes.map((l) => [l.name, l.bands.map((b) => b.state)]), [['A⟨U+202E⟩b', ['degraded']]]);
    assert.deepEqual(updateNotes(view, 0, ['UTC'], ENGLISH_LABELS), { notes: ['A⟨U+202E⟩b: degraded'] });
  });
});
