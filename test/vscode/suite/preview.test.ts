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
    assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" class="it-svg" width="1200" height="192" viewBox="0 0 1200 192" role="img" aria-label="Timeline of EX196121: 2 events">'));
    // Each event up to its time label (in the default zone, JST): where it sits on the axis.
    const events = [...svg.matchAll(/<g class="event" data-index="\d+">(.*?<\/text>)/g)].map((m) => m[1]);
    assert.deepEqual(events, [
      '<title>2019-11-19 10:40 JST (+0s) detected: Start of impact: mail from external users and internal mail with attachments is delayed or not received in Australia, Japan and India.</title>'
      + '<line class="leader" x1="65.8" x2="65.8" y1="116" y2="138"/><path class="kind-detected" transform="translate(59.8 138.0)" d="M6 0.5 L11.5 11 L0.5 11 Z"/>'
      + '<text class="fg" x="75.8" y="148" font-weight="600">10:40 JST <tspan class="muted" font-weight="400">+0s</tspan></text>',
      '<title>2019-11-19 20:50 JST (+10h 10m) resolved: The configuration change is rolled back and service is restored; queued mail is delivered normally.</title>'
      + '<line class="leader" x1="1110.2" x2="1110.2" y1="116" y2="138"/><path class="kind-resolved" transform="translate(1104.2 138.0)" d="M1 1 H11 V11 H1 Z"/>'
      + '<text class="fg" x="1100.2" y="148" text-anchor="end" font-weight="600">20:50 JST <tspan class="muted" font-weight="400">+10h 10m</tspan></text>',
    ]);
    const mdTarget = writeTempFile('out.md', '');
    await vscode.commands.executeCommand('incidentTimeline.exportMarkdown', FLAGSHIP, mdTarget);
    assert.equal(readFileSync(mdTarget.fsPath, 'utf8').split('\n')[0], '## EX196121: Problems receiving mail');
  });
});
