/**
 * The editing features through the bundled language server over stdio, as an editor calls them:
 * diagnostics come back with their data, and code actions, completion, hover and symbols answer.
 */
import * as assert from 'node:assert/strict';
import {
  CodeActionRequest,
  CompletionRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  SelectionRangeRequest,
  WorkspaceSymbolRequest,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type MarkupContent,
  type SymbolInformation,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { LineIndex } from '../../server/src/core';
import { LspTestClient } from '../server/lspClient';

const URI = 'file:///work/incidents/mail.incident.yaml';

function applyLspEdits(text: string, edits: readonly TextEdit[]): string {
  const index = new LineIndex(text);
  const spans = edits.map((e) => ({ start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end), text: e.newText }));
  spans.sort((a, b) => b.start - a.start);
  return spans.reduce((result, s) => result.slice(0, s.start) + s.text + result.slice(s.end), text);
}

const TEXT = [
  'id: EX196121',
  'title: Problems receiving mail',
  'status: resolvd',
  'start:',
  '  utc: 2019-11-19T01:40Z  # from the notice',
  '  jst: 2019-11-19T01:40',
  'end: 2019-11-19T20:50+09:00',
  'timeline:',
  '  - at: {utc: 2019-11-19T01:40Z}',
  '    event: Mail stops',
  '',
].join('\n');

describe('editing help over LSP (stdio)', function () {
  let client: LspTestClient;
  let diagnostics: Diagnostic[];

  before(async () => {
    client = await LspTestClient.start();
    const result = await client.initialize({
      initializationOptions: { incidentTimeline: { extraTimeZones: ['Asia/Kolkata'] } },
      capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true } } } },
    });
    assert.ok(result.capabilities.codeActionProvider);
    assert.equal(result.capabilities.hoverProvider, true);
    client.open(URI, TEXT);
    diagnostics = (await client.diagnostics(URI, { version: 1 })).diagnostics;
  });

  after(async () => {
    await client.shutdown();
  });

  it('quick fixes come back for the editor\'s diagnostics, matched by code and data', async () => {
    assert.deepEqual(diagnostics.map((d) => d.code), ['invalid-value', 'utc-jst-mismatch']);
    const mismatch = diagnostics[1];
    const actions = (await client.request(CodeActionRequest.type, {
      textDocument: { uri: URI },
      range: mismatch.range,
      context: { diagnostics: [mismatch], only: ['quickfix'] },
    })) as CodeAction[];
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred ?? false]), [
      ['Keep UTC, correct JST to 2019-11-19T10:40', true],
      ['Keep JST, correct UTC to 2019-11-18T16:40Z', false],
    ]);
    assert.deepEqual(actions[0].diagnostics, [mismatch]);
    const fixed = applyLspEdits(TEXT, actions[0].edit!.changes![URI]);
    assert.equal(fixed, TEXT.replace('  jst: 2019-11-19T01:40', '  jst: 2019-11-19T10:40'));
  });

  it('source actions: fix all and add the missing JST/UTC', async () => {
    const actions = (await client.request(CodeActionRequest.type, {
      textDocument: { uri: URI },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source'] },
    })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.kind), ['source.addMissingTimes.incident', 'source.fixAll.incident']);
    assert.equal(applyLspEdits(TEXT, actions[0].edit!.changes![URI]),
      TEXT.replace('{utc: 2019-11-19T01:40Z}', '{utc: 2019-11-19T01:40Z, jst: 2019-11-19T10:40}'));
  });

  it('hover on a time, with the extra zone from the settings', async () => {
    const hover = await client.request(HoverRequest.type, { textDocument: { uri: URI }, position: { line: 6, character: 8 } });
    assert.ok(hover);
    assert.equal((hover.contents as MarkupContent).value, [
      '**2019-11-19 20:50 JST** (Tue)',
      '',
      '- UTC: 2019-11-19 11:50 (Tue)',
      '- JST: 2019-11-19 20:50 (Tue)',
      '- Asia/Kolkata: 2019-11-19 17:20 +05:30 (Tue)',
    ].join('\n'));
    assert.deepEqual(hover.range, { start: { line: 6, character: 5 }, end: { line: 6, character: 27 } });
  });

  it('completion of enumeration values and snippets', async () => {
    const items = (await client.request(CompletionRequest.type, { textDocument: { uri: URI }, position: { line: 2, character: 15 } })) as CompletionItem[];
    assert.deepEqual(items.map((i) => i.label), ['investigating', 'identified', 'monitoring', 'resolved']);
    assert.deepEqual(items[3].textEdit, { range: { start: { line: 2, character: 8 }, end: { line: 2, character: 15 } }, newText: 'resolved' });
  });

  it('document symbols, folding, selection ranges and workspace symbols', async () => {
    const symbols = (await client.request(DocumentSymbolRequest.type, { textDocument: { uri: URI } })) as DocumentSymbol[];
    assert.deepEqual(symbols.map((s) => [s.name, s.children?.map((c) => c.name)]), [['Problems receiving mail', ['start', 'end', 'timeline']]]);
    assert.deepEqual(symbols[0].children![2].children!.map((c) => c.name), ['2019-11-19 10:40 Mail stops']);
    const folds = await client.request(FoldingRangeRequest.type, { textDocument: { uri: URI } });
    assert.deepEqual(folds?.map((f) => [f.startLine, f.endLine]), [[3, 5], [7, 9], [8, 9]]);
    const selection = await client.request(SelectionRangeRequest.type, { textDocument: { uri: URI }, positions: [{ line: 0, character: 5 }] });
    assert.deepEqual(selection?.[0].range, { start: { line: 0, character: 4 }, end: { line: 0, character: 12 } });
    assert.deepEqual(selection?.[0].parent?.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 12 } });
    const found = (await client.request(WorkspaceSymbolRequest.type, { query: 'ex196' })) as SymbolInformation[];
    assert.deepEqual(found.map((s) => [s.name, s.location.uri, s.location.range.start]), [['EX196121 Problems receiving mail', URI, { line: 0, character: 4 }]]);
  });
});

describe('editing help over LSP: a second document moves to its own file', function () {
  it('with resource operations the fix creates the file and cuts the document out', async () => {
    const client = await LspTestClient.start();
    try {
      await client.initialize({ capabilities: { workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } } } });
      const text = 'id: A-1\ntitle: a\nstatus: investigating\nstart: 2019-11-19T10:40+09:00\n---\nid: B-2\ntitle: b\n';
      client.open(URI, text);
      const diagnostic = (await client.diagnostics(URI, { version: 1 })).diagnostics.find((d) => d.code === 'not-an-incident')!;
      const [move] = (await client.request(CodeActionRequest.type, {
        textDocument: { uri: URI }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] },
      })) as CodeAction[];
      assert.equal(move.title, 'Move this incident to its own file (B-2.incident.yaml)');
      const created = 'file:///work/incidents/B-2.incident.yaml';
      assert.deepEqual(move.edit?.documentChanges, [
        { kind: 'create', uri: created, options: { overwrite: false, ignoreIfExists: false } },
        { textDocument: { uri: created, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'id: B-2\ntitle: b\n' }] },
        { textDocument: { uri: URI, version: null }, edits: [{ range: { start: { line: 4, character: 0 }, end: { line: 7, character: 0 } }, newText: '' }] },
      ]);
    } finally {
      await client.shutdown();
    }
  });
});

describe('editing help over LSP: duplicate-id', function () {
  it('offers an id no open or indexed incident file uses', async () => {
    const client = await LspTestClient.start();
    try {
      await client.initialize();
      const other = 'file:///work/incidents/other.incident.yaml';
      const third = 'file:///work/incidents/third.incident.yaml';
      const incident = (id: string) => `id: ${id}\ntitle: t\nstatus: investigating\nstart: 2019-11-19T10:40+09:00\n`;
      client.open(other, incident('INC-7'));
      client.open(third, incident('INC-7-2'));
      client.open(URI, incident('INC-7'));
      const published = await client.diagnostics(URI, (p) => p.diagnostics.some((d) => d.code === 'duplicate-id'));
      const duplicate = published.diagnostics.find((d) => d.code === 'duplicate-id')!;
      const actions = (await client.request(CodeActionRequest.type, {
        textDocument: { uri: URI }, range: duplicate.range, context: { diagnostics: [duplicate], only: ['quickfix'] },
      })) as CodeAction[];
      assert.deepEqual(actions.map((a) => a.title), ['Change the id to `INC-7-3`']);
      assert.equal(applyLspEdits(incident('INC-7'), actions[0].edit!.changes![URI]), incident('INC-7-3'));
    } finally {
      await client.shutdown();
    }
  });
});

describe('editing help over LSP in Japanese', function () {
  it('the server follows the client\'s locale: diagnostics and quick-fix titles', async () => {
    const client = await LspTestClient.start();
    try {
      await client.initialize({ locale: 'ja' });
      const text = 'id: a\ntitle: b\nstatus: investigating\nstart: 2019-11-19T10:40\n';
      client.open(URI, text);
      const [diagnostic] = (await client.diagnostics(URI, { version: 1 })).diagnostics;
      assert.equal(diagnostic.message, '`2019-11-19T10:40` にはオフセットがないため、どのタイムゾーンの時刻か分かりません。JST なら +09:00、UTC なら Z を付けるか、utc/jst のペアで書いてください。');
      const actions = (await client.request(CodeActionRequest.type, {
        textDocument: { uri: URI }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] },
      })) as CodeAction[];
      assert.deepEqual(actions.map((a) => a.title), ['JST として読む (+09:00)', 'UTC として読む (Z)']);
      assert.equal(applyLspEdits(text, actions[0].edit!.changes![URI]), text.replace('10:40\n', '10:40+09:00\n'));
    } finally {
      await client.shutdown();
    }
  });
});

describe('editing help over LSP: a fix that cannot be applied says why', function () {
  const text = 'id: a\ntitle: b\nstatus: investigating\nstart:\n  utc: 9999-12-31T20:00Z\n  jst: 9999-12-31T20:00\n';
  const reason = 'In JST this instant falls outside the years 0000–9999 that the format can write.';

  async function mismatchActions(disabledSupport: boolean): Promise<CodeAction[]> {
    const client = await LspTestClient.start();
    try {
      await client.initialize({ capabilities: { textDocument: { codeAction: { disabledSupport } } } });
      client.open(URI, text);
      const [diagnostic] = (await client.diagnostics(URI, { version: 1 })).diagnostics;
      assert.equal(diagnostic.code, 'utc-jst-mismatch');
      assert.ok(diagnostic.message.endsWith(reason), diagnostic.message);
      const actions = (await client.request(CodeActionRequest.type, {
        textDocument: { uri: URI }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] },
      })) as CodeAction[];
      for (const action of actions) assert.deepEqual(action.diagnostics, [diagnostic]);
      return actions;
    } finally {
      await client.shutdown();
    }
  }

  it('a client that shows disabled actions gets the correction into year 10000 greyed out, with the reason', async () => {
    const actions = await mismatchActions(true);
    assert.deepEqual(actions.map((a) => [a.title, a.disabled, a.edit === undefined]), [
      ['Keep UTC, correct JST', { reason }, true],
      ['Keep JST, correct UTC to 9999-12-31T11:00Z', undefined, false],
    ]);
    assert.equal(applyLspEdits(text, actions[1].edit!.changes![URI]), text.replace('utc: 9999-12-31T20:00Z', 'utc: 9999-12-31T11:00Z'));
  });

  it('other clients get only the fix that applies (the diagnostic\'s message gives the reason)', async () => {
    const actions = await mismatchActions(false);
    assert.deepEqual(actions.map((a) => [a.title, a.disabled]), [['Keep JST, correct UTC to 9999-12-31T11:00Z', undefined]]);
  });
});
