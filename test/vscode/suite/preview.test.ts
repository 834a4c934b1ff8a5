/**
 * The preview inside a real VS Code: its commands exist, "Open Preview to the Side" opens our
 * webview panel beside the editor, and the Markdown export writes what the renderer renders
 * for the server's model.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { TimelineRequest, type TimelineModel } from '../../../common/protocol';
import { renderExport } from '../../../common/render/index';
import { EXAMPLES, incidentTimelineApi, openInEditor, writeTempFile } from './incidentEditor';

const FLAGSHIP = vscode.Uri.file(path.join(EXAMPLES, 'exchange-online-2019-11-19.incident.yaml'));

function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter(
    (tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('incidentTimeline.preview'));
}

/** Resolves once a preview tab exists (checked now and on every tab change). */
function whenPreviewTab(): Promise<vscode.Tab> {
  return new Promise((resolve) => {
    const check = () => {
      const tab = previewTabs()[0];
      if (!tab) return;
      subscription.dispose();
      resolve(tab);
    };
    const subscription = vscode.window.tabGroups.onDidChangeTabs(check);
    check();
  });
}

describe('Incident Timeline preview in VS Code', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('registers the preview and export commands', async () => {
    await incidentTimelineApi();
    const commands = await vscode.commands.getCommands(true);
    for (const command of ['showPreview', 'showPreviewToSide', 'showLockedPreviewToSide', 'togglePreviewLock', 'exportHtml', 'exportSvg', 'exportMarkdown']) {
      assert.ok(commands.includes(`incidentTimeline.${command}`), command);
    }
  });

  it('opens the preview beside the incident editor', async () => {
    const editor = await openInEditor(FLAGSHIP);
    await vscode.commands.executeCommand('incidentTimeline.showPreviewToSide');
    const tab = await whenPreviewTab();
    assert.equal(tab.label, 'Preview exchange-online-2019-11-19.incident.yaml');
    assert.notEqual(tab.group.viewColumn, editor.viewColumn, 'to the side');
  });

  it('exports the Markdown table the renderer makes of the server model', async () => {
    const api = await incidentTimelineApi();
    await openInEditor(FLAGSHIP);
    const target = writeTempFile('out.md', '');
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('incidentTimeline.exportMarkdown', FLAGSHIP, target);
    assert.equal(written?.fsPath, target.fsPath);
    // By method name: the test's copy of the protocol types is not the bundled client's.
    const model = await api.client.sendRequest<TimelineModel | null>(TimelineRequest.method, { uri: FLAGSHIP.toString() });
    assert.ok(model?.incident);
    assert.equal(readFileSync(target.fsPath, 'utf8'), renderExport(model, 'md', 'JST'));
  });
});
