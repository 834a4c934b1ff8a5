import * as assert from 'node:assert/strict';
import { parseIncident } from '../../server/src/core';
import { completions, type IncidentCompletion } from '../../server/src/features/completion';
import { applyEdits } from '../../server/src/features/edit';
import { incidentFileName, incidentSnippet, snippetToText } from '../../common/template';

const NOW = Date.UTC(2026, 10, 27, 8, 5, 30);

/** Completions at the `|` in the text. */
function at(textWithCursor: string, snippets = true): { text: string; items: IncidentCompletion[] } {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  return { text, items: completions(parseIncident(text), offset, { now: NOW, snippets }) };
}

function accept(text: string, item: IncidentCompletion): string {
  return applyEdits(text, [{ span: item.span, newText: item.snippet ? snippetToText(item.insertText) : item.insertText }]);
}

describe('completion', () => {
  it('root keys that are not there yet, in format order', () => {
    const { items } = at('id: INC-1\nst|\ntimeline: []\n');
    assert.deepEqual(items.map((i) => i.label), ['title', 'status', 'severity', 'service', 'regions', 'zone', 'start', 'end', 'components', 'impact', 'cause', 'next_steps', 'tags', 'sources']);
    assert.equal(items.find((i) => i.label === 'status')!.insertText, 'status: ${1|investigating,identified,monitoring,resolved|}');
    assert.equal(items.find((i) => i.label === 'start')!.detail, 'required · when the impact began');
  });

  it('a time key becomes a utc/jst pair at the right indentation', () => {
    const { text, items } = at('id: INC-1\ntimeline:\n  - event: x\n    a|\n');
    assert.deepEqual(items.map((i) => i.label), ['at', 'posted', 'kind', 'status', 'components', 'next_update', 'source']);
    const result = accept(text, items[0]);
    assert.equal(result, 'id: INC-1\ntimeline:\n  - event: x\n    at:\n      utc: 2026-11-27T08:05Z\n      jst: 2026-11-27T17:05\n');
  });

  it('inside a time pair: the missing side', () => {
    const { items } = at('start:\n  utc: 2019-11-19T01:40Z\n  |\n');
    assert.deepEqual(items.map((i) => i.label), ['jst']);
  });

  it('enumeration values: status, severity, kind', () => {
    assert.deepEqual(at('status: re|').items.map((i) => i.label), ['investigating', 'identified', 'monitoring', 'resolved']);
    assert.deepEqual(at('severity: |').items.map((i) => i.label), ['critical', 'major', 'minor', 'info']);
    const kind = at('timeline:\n  - kind: "m|"\n');
    assert.deepEqual(kind.items.map((i) => i.label), ['detected', 'update', 'mitigated', 'resolved', 'cause', 'report', 'note']);
    assert.equal(accept(kind.text, kind.items[2]), 'timeline:\n  - kind: "mitigated"\n');
  });

  it('"now" for utc, jst and a whole pair', () => {
    assert.deepEqual(at('start:\n  utc: |').items.map((i) => [i.label, i.insertText]), [['now (2026-11-27T08:05Z)', '2026-11-27T08:05Z']]);
    assert.deepEqual(at('start:\n  jst: |').items.map((i) => i.insertText), ['2026-11-27T17:05']);
    const pair = at('id: a\nstart: |\n');
    assert.deepEqual(pair.items.map((i) => i.label), ['now as a utc/jst pair', 'now in JST (2026-11-27T17:05+09:00)']);
    assert.equal(accept(pair.text, pair.items[0]), 'id: a\nstart:\n  utc: 2026-11-27T08:05Z\n  jst: 2026-11-27T17:05\n');
  });

  it('a new event at the timeline\'s list level, and a whole incident in an empty file', () => {
    const list = at('id: a\ntimeline:\n  - at: 2019-11-19T10:40+09:00\n    event: x\n  |\n');
    assert.deepEqual(list.items.map((i) => i.label), ['New timeline event']);
    assert.equal(accept(list.text, list.items[0]),
      'id: a\ntimeline:\n  - at: 2019-11-19T10:40+09:00\n    event: x\n  - at:\n      utc: 2026-11-27T08:05Z\n      jst: 2026-11-27T17:05\n    kind: detected\n    event: What happened\n');
    const empty = at('|');
    assert.equal(empty.items[empty.items.length - 1].label, 'New incident');
    const incident = accept(empty.text, empty.items[empty.items.length - 1]);
    assert.equal(incident, snippetToText(incidentSnippet(NOW)));
    assert.deepEqual(parseIncident(incident).diagnostics, []);
  });

  it('after a dash typed in the timeline: event keys', () => {
    assert.deepEqual(at('timeline:\n  - |\n').items.map((i) => i.label), ['at', 'posted', 'event', 'kind', 'status', 'components', 'next_update', 'source']);
  });

  describe('updates and components', () => {
    const HEAD = 'title: t\nstatus: investigating\ncomponents: [Git Operations, "API: v3"]\nstart: 2024-05-01T10:00Z\ntimeline:\n';

    it('in an update\'s components mapping: the root list\'s names, each with a choice of the five states', () => {
      const { text, items } = at(HEAD + '  - at: 2024-05-01T10:05Z\n    components:\n      |\n    event: x\n');
      assert.deepEqual(items.map((i) => [i.label, i.insertText]), [
        ['Git Operations', 'Git Operations: ${1|operational,degraded,partial-outage,major-outage,maintenance|}'],
        ['API: v3', '"API: v3": ${1|operational,degraded,partial-outage,major-outage,maintenance|}'],
      ]);
      assert.equal(accept(text, items[1]), HEAD + '  - at: 2024-05-01T10:05Z\n    components:\n      "API: v3": operational\n    event: x\n');
    });

    it('after a name in an update\'s components: the five states; after a dash: the names alone', () => {
      assert.deepEqual(at(HEAD + '  - at: 2024-05-01T10:05Z\n    components:\n      Git Operations: de|\n').items.map((i) => i.label),
        ['operational', 'degraded', 'partial-outage', 'major-outage', 'maintenance']);
      const { items } = at(HEAD + '  - at: 2024-05-01T10:05Z\n    components:\n      - |\n');
      assert.deepEqual(items.map((i) => i.insertText), ['Git Operations', '"API: v3"']);
    });

    it('an update\'s status offers the four statuses; posted and next_update become time pairs', () => {
      assert.deepEqual(at(HEAD + '  - at: 2024-05-01T10:05Z\n    status: |\n').items.map((i) => i.label), ['investigating', 'identified', 'monitoring', 'resolved']);
      const { text, items } = at(HEAD + '  - at: 2024-05-01T10:05Z\n    event: x\n    next|\n');
      const next = items.find((i) => i.label === 'next_update')!;
      assert.equal(next.detail, 'when the next update was promised');
      assert.equal(accept(text, next), HEAD + '  - at: 2024-05-01T10:05Z\n    event: x\n    next_update:\n      utc: 2026-11-27T08:05Z\n      jst: 2026-11-27T17:05\n');
    });
  });

  it('plain text when the client has no snippets', () => {
    const { items } = at('id: a\n|', false);
    assert.equal(items.find((i) => i.label === 'status')!.insertText, 'status: investigating');
    assert.ok(items.every((i) => !i.insertText.includes('${')));
  });
});

describe('new incident file name', () => {
  it('ends in .incident.yaml so the file is checked', () => {
    assert.equal(incidentFileName('INC-1.incident.yaml'), 'INC-1.incident.yaml');
    assert.equal(incidentFileName('INC-1.incident.yml'), 'INC-1.incident.yml');
    assert.equal(incidentFileName('outage.yaml'), 'outage.incident.yaml');
    assert.equal(incidentFileName('outage.YML'), 'outage.incident.yaml');
    assert.equal(incidentFileName('outage'), 'outage.incident.yaml');
  });
});
