/**
 * Editing help inside a real VS Code: quick fixes applied through the editor's own code action
 * API, the "Add the Missing JST/UTC" command, hover, completion and the outline.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXAMPLES, codeOf, incidentTimelineApi, openInEditor, requestTimeline, whenDiagnostics, writeTempFile } from './incidentEditor';

const FLAGSHIP = vscode.Uri.file(path.join(EXAMPLES, 'exchange-online-2019-11-19.incident.yaml'));

/** Resolves when the document's text satisfies `until` (checked now and on every change). */
function whenText(document: vscode.TextDocument, until: (text: string) => boolean): Promise<string> {
  return new Promise((resolve) => {
    const check = (): void => {
      if (!until(document.getText())) return;
      subscription.dispose();
      resolve(document.getText());
    };
    const subscription = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === document) check();
    });
    check();
  });
}

function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

describe('Editing help in VS Code', () => {
  before(async () => {
    await incidentTimelineApi();
  });

  it('a quick fix from the editor\'s code action API corrects the jst side and the problem goes away', async () => {
    const uri = writeTempFile('fix.incident.yaml', 'id: VSCODE-FIX\ntitle: t\nstatus: investigating\nstart:\n  utc: 2019-11-19T01:40Z  # notice\n  jst: 2019-11-19T01:40\n');
    const editor = await openInEditor(uri);
    const [mismatch] = await whenDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'utc-jst-mismatch'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, mismatch.range, vscode.CodeActionKind.QuickFix.value);
    const keepUtc = actions.find((a) => a.title === 'Keep UTC, correct JST to 2019-11-19T10:40');
    assert.ok(keepUtc?.edit, actions.map((a) => a.title).join(' | '));
    assert.equal(keepUtc.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(keepUtc.edit));
    assert.equal(editor.document.getText(), 'id: VSCODE-FIX\ntitle: t\nstatus: investigating\nstart:\n  utc: 2019-11-19T01:40Z  # notice\n  jst: 2019-11-19T10:40\n');
    await whenDiagnostics(uri, (ds) => ds.length === 0);
  });

  it('a second document moves to a file of its own', async () => {
    const uri = writeTempFile('two.incident.yaml', 'id: VSCODE-A\ntitle: a\nstatus: investigating\nstart: 2019-11-19T10:40+09:00\n---\nid: VSCODE-B\ntitle: b\n');
    const editor = await openInEditor(uri);
    const [second] = await whenDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'not-an-incident'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, second.range, vscode.CodeActionKind.QuickFix.value);
    const move = actions.find((a) => a.title === 'Move this incident to its own file (VSCODE-B.incident.yaml)');
    assert.ok(move?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(move.edit));
    assert.equal(editor.document.getText(), 'id: VSCODE-A\ntitle: a\nstatus: investigating\nstart: 2019-11-19T10:40+09:00\n');
    const created = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(path.dirname(uri.fsPath), 'VSCODE-B.incident.yaml')));
    assert.equal(created.getText(), 'id: VSCODE-B\ntitle: b\n');
  });

  it('"Add the Missing JST/UTC to Every Time" completes every one-sided pair', async () => {
    const uri = writeTempFile('pairs.incident.yaml', 'id: VSCODE-PAIRS\ntitle: t\nstatus: investigating\nstart:\n  utc: 2019-11-19T01:40Z\ntimeline:\n  - at: {jst: 2019-11-19T10:50}\n    event: x\n');
    const editor = await openInEditor(uri);
    await whenDiagnostics(uri, () => true);
    await vscode.commands.executeCommand('incidentTimeline.addMissingTimes');
    const text = await whenText(editor.document, (t) => t.includes('utc: 2019-11-19T01:50Z'));
    assert.equal(text, 'id: VSCODE-PAIRS\ntitle: t\nstatus: investigating\nstart:\n  utc: 2019-11-19T01:40Z\n  jst: 2019-11-19T10:40\ntimeline:\n  - at: {jst: 2019-11-19T10:50, utc: 2019-11-19T01:50Z}\n    event: x\n');
  });

  it('"New Incident File" with a file given: named *.incident.yaml, filled from the template, checked clean', async () => {
    const chosen = writeTempFile('placeholder.txt', '');
    const target = vscode.Uri.file(path.join(path.dirname(chosen.fsPath), 'outage.yaml'));
    await vscode.commands.executeCommand('incidentTimeline.newIncidentFile', target);
    const created = vscode.Uri.file(path.join(path.dirname(chosen.fsPath), 'outage.incident.yaml'));
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.fsPath, created.fsPath);
    assert.match(editor.document.getText(), /^id: INC-\d{8}\ntitle: What users saw\nstatus: investigating\n/);
    // The server's model of the text as it is now (the client sends the snippet's change first).
    const model = await requestTimeline(await incidentTimelineApi(), created);
    assert.deepEqual(model?.problems, { errors: 0, warnings: 0 });
    assert.equal(model?.incident?.status, 'investigating');
    await whenDiagnostics(created, (ds) => ds.length === 0);
  });

  it('hover, completion and the outline on the flagship example', async () => {
    const document = await vscode.workspace.openTextDocument(FLAGSHIP);
    const start = document.positionAt(document.getText().indexOf('start:') + 2);
    const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', FLAGSHIP, start));
    assert.ok(hover.includes('**2019-11-19 10:40 JST** (Tue)') && hover.includes('Total duration: 10h 10m'), hover);
    const status = document.positionAt(document.getText().indexOf('status: ') + 'status: '.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', FLAGSHIP, status);
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const value of ['investigating', 'identified', 'monitoring', 'resolved']) assert.ok(labels.includes(value), labels.join(', '));
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', FLAGSHIP);
    assert.deepEqual(symbols.map((s) => [s.name, s.children.map((c) => c.name)]), [['Problems receiving mail', ['start', 'end', 'timeline']]]);
  });
});
