import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseIncident } from '../../server/src/core';
import { documentSymbols, foldingRanges, selectionRanges, workspaceSymbols, type IncidentSymbol } from '../../server/src/features/symbols';

const EXAMPLE = fs.readFileSync(path.join(__dirname, '../../examples/exchange-online-2019-11-19.incident.yaml'), 'utf8');

function outline(symbols: readonly IncidentSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [`${'  '.repeat(depth)}${s.kind} ${s.name}${s.detail ? ` (${s.detail})` : ''}`, ...outline(s.children, depth + 1)]);
}

describe('outline and navigation', () => {
  it('document symbols: the incident, start, end and each event by its time and text', () => {
    const parsed = parseIncident(EXAMPLE);
    const symbols = documentSymbols(parsed);
    assert.deepEqual(outline(symbols), [
      'incident Problems receiving mail (EX196121)',
      '  time start (2019-11-19 10:40 JST)',
      '  time end (2019-11-19 20:50 JST)',
      '  timeline timeline (2 events)',
      '    event 10:40 Start of impact: mail from external users and internal mail… (detected)',
      '    event 20:50 The configuration change is rolled back and service is rest… (resolved)',
    ]);
    const start = symbols[0].children[0];
    assert.equal(EXAMPLE.slice(start.span.start, start.span.end), 'start:\n  utc: 2019-11-19T01:40Z\n  jst: 2019-11-19T10:40\n  written: Tuesday, November 19, 2019, 10:40 AM (1:40 AM UTC)');
    const event = symbols[0].children[2].children[0];
    assert.ok(EXAMPLE.slice(event.span.start, event.span.end).startsWith('at:\n      utc: 2019-11-19T01:40Z'));
    assert.ok(EXAMPLE.slice(event.span.start, event.span.end).endsWith('is delayed or not received in Australia, Japan and India.'));
  });

  it('document symbols list the components', () => {
    const text = 'title: t\nstatus: investigating\ncomponents:\n  - Git Operations\n  - API Requests\nstart: 2024-05-01T10:00Z\n';
    const symbols = documentSymbols(parseIncident(text));
    assert.deepEqual(outline(symbols), [
      'incident t',
      '  components components (2 components)',
      '    component Git Operations',
      '    component API Requests',
      '  time start (2024-05-01 19:00 JST)',
    ]);
    const git = symbols[0].children[0].children[0];
    assert.equal(text.slice(git.selectionSpan.start, git.selectionSpan.end), 'Git Operations');
  });

  it('folding: multi-line entries, events and comment blocks', () => {
    const parsed = parseIncident(EXAMPLE);
    const lineOf = (s: string) => parsed.lineIndex.positionAt(EXAMPLE.indexOf(s)).line;
    const folds = foldingRanges(parsed);
    assert.deepEqual(folds.find((f) => f.startLine === 0), { startLine: 0, endLine: 3, kind: 'comment' });
    assert.deepEqual(folds.find((f) => f.startLine === lineOf('start:')), { startLine: lineOf('start:'), endLine: lineOf('start:') + 3 });
    assert.deepEqual(folds.find((f) => f.startLine === lineOf('timeline:')), { startLine: lineOf('timeline:'), endLine: parsed.lineIndex.lineCount - 2 });
    assert.ok(folds.some((f) => f.startLine === lineOf('  - at:') && f.endLine === lineOf('  - at:') + 6));
    assert.ok(folds.every((f) => f.endLine > f.startLine));
  });

  it('selection ranges grow from a time side to the whole file', () => {
    const parsed = parseIncident(EXAMPLE);
    const offset = EXAMPLE.indexOf('2019-11-19T10:40') + 3;
    const chain = selectionRanges(parsed, offset).map((s) => EXAMPLE.slice(s.start, s.end));
    assert.deepEqual(chain.slice(0, 4), [
      '2019-11-19T10:40',
      'jst: 2019-11-19T10:40',
      'utc: 2019-11-19T01:40Z\n  jst: 2019-11-19T10:40\n  written: Tuesday, November 19, 2019, 10:40 AM (1:40 AM UTC)',
      'start:\n  utc: 2019-11-19T01:40Z\n  jst: 2019-11-19T10:40\n  written: Tuesday, November 19, 2019, 10:40 AM (1:40 AM UTC)',
    ]);
    assert.equal(chain[chain.length - 1], EXAMPLE);
  });

  it('workspace symbols: id and title, filtered like the editor filters', () => {
    const files = [
      { uri: 'file:///b.incident.yaml', id: { value: 'EX196121' }, title: { value: 'Problems receiving mail' } },
      { uri: 'file:///a.incident.yaml', id: { value: 'INC-7' }, title: { value: 'Login outage' } },
      { uri: 'file:///c.incident.yaml' },
    ];
    assert.deepEqual(workspaceSymbols(files, '').map((s) => s.name), ['EX196121 Problems receiving mail', 'INC-7 Login outage']);
    assert.deepEqual(workspaceSymbols(files, 'recmail').map((s) => s.file.uri), ['file:///b.incident.yaml']);
    assert.deepEqual(workspaceSymbols(files, 'inc7').map((s) => s.name), ['INC-7 Login outage']);
  });
});
