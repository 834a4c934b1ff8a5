/**
 * The preview inside a real VS Code: its commands exist, "Open Preview to the Side" opens our
 * webview panel beside the editor, and the exports write the timeline of the file.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
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

  it('exports the whole timeline as SVG, each event at its time, and Markdown headed by the incident', async () => {
    await openInEditor(FLAGSHIP);
    const svgTarget = writeTempFile('out.svg', '');
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('incidentTimeline.exportSvg', FLAGSHIP, svgTarget);
    assert.equal(written?.fsPath, svgTarget.fsPath);
    const svg = readFileSync(svgTarget.fsPath, 'utf8');
    assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" class="it-svg" width="800" height="289" viewBox="0 0 800 289" role="img" aria-label="Timeline of EX196121: 2 events">'));
    // Each event's first line (in the default zone, JST), one under the other, and its whole text.
    const events = [...svg.matchAll(/<g class="event" data-index="\d+"><title>.*?<\/title>(.*?)<\/g>/g)].map((m) => m[1]);
    assert.deepEqual(events, [
      '<path class="kind-detected" transform="translate(16 145)" d="M6 0.5 L11.5 11 L0.5 11 Z"/>'
      + '<text class="fg" x="34" y="155" font-weight="600">10:40 JST</text><text class="muted" x="113.2" y="155">+0s</text><text class="muted" x="149.2" y="155">detected</text>'
      + '<text class="fg" x="34" y="174"><tspan x="34" y="174">Start of impact: mail from external users and internal mail with attachments is delayed or not received in</tspan>'
      + '<tspan x="34" y="193">Australia, Japan and India.</tspan></text>',
      '<path class="kind-resolved" transform="translate(16 238)" d="M1 1 H11 V11 H1 Z"/>'
      + '<text class="fg" x="34" y="248" font-weight="600">20:50 JST</text><text class="muted" x="113.2" y="248">+10h 10m</text><text class="muted" x="192.3" y="248">resolved</text>'
      + '<text class="fg" x="34" y="267"><tspan x="34" y="267">The configuration change is rolled back and service is restored; queued mail is delivered normally.</tspan></text>',
    ]);
    const mdTarget = writeTempFile('out.md', '');
    await vscode.commands.executeCommand('incidentTimeline.exportMarkdown', FLAGSHIP, mdTarget);
    assert.equal(readFileSync(mdTarget.fsPath, 'utf8').split('\n')[0], '## EX196121: Problems receiving mail');
  });
});
