/**
 * Import inside a real VS Code: "Import…" on a notice file writes the incident file beside it
 * and opens it with its preview. Paste is not tested here: in code-server's web workbench
 * `editor.action.pasteAs` gets no browser paste event and falls back to a plain paste, so where
 * pasted updates go is tested over the protocol (test/server/import.test.ts) and in the core.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ROOT, incidentTimelineApi, writeTempFile } from './incidentEditor';

const SEED = readFileSync(path.join(ROOT, 'test/data/notices/exchange-online-2019-11-19.txt'), 'utf8');

/** Resolves when `until` holds (checked now and whenever the tabs change). */
function when(until: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => {
      if (!until()) return;
      subscriptions.forEach((s) => s.dispose());
      resolve();
    };
    const subscriptions = [vscode.window.tabGroups.onDidChangeTabs(check)];
    check();
  });
}

const previewOpen = () =>
  vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('incidentTimeline.preview')));

describe('Import in VS Code', () => {
  before(async () => {
    await incidentTimelineApi();
  });

  // The next suite expects to open its own preview beside its own editor.
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('"Import…" on a notice writes EX196121.incident.yaml beside it and opens it with its preview', async () => {
    const notice = writeTempFile('notice.txt', SEED);
    await vscode.commands.executeCommand('incidentTimeline.import', notice);
    const written = path.join(path.dirname(notice.fsPath), 'EX196121.incident.yaml');
    assert.ok(existsSync(written));
    assert.match(readFileSync(written, 'utf8'), /\ntitle: Problems receiving mail\n/);
    await when(previewOpen);
    assert.ok(vscode.workspace.textDocuments.some((d) => d.uri.fsPath === written));
  });
});
