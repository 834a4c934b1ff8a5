/**
 * The editing commands: "New Incident File" (a file named *.incident.yaml, so it is validated at
 * once, filled from the incident snippet) and "Add the Missing JST/UTC to Every Time" (the
 * server's source action, asked for by its kind).
 */
import * as vscode from 'vscode';
import { ADD_MISSING_TIMES_KIND } from '../../common/codeActionKinds';
import { incidentFileName, incidentSnippet } from '../../common/template';

export function registerIncidentCommands(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('incidentTimeline.newIncidentFile', (target?: unknown) => newIncidentFile(target instanceof vscode.Uri ? target : undefined)),
    vscode.commands.registerCommand('incidentTimeline.addMissingTimes', () =>
      vscode.commands.executeCommand('editor.action.sourceAction', { kind: ADD_MISSING_TIMES_KIND, apply: 'first' })),
  );
}

/** Asks where to save unless given a file (keybindings and other extensions can pass one). */
async function newIncidentFile(given: vscode.Uri | undefined): Promise<void> {
  const now = Date.now();
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const day = new Date(now + 9 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
  const chosen = given ?? await vscode.window.showSaveDialog({
    title: vscode.l10n.t('New incident file'),
    saveLabel: vscode.l10n.t('Create'),
    defaultUri: folder ? vscode.Uri.joinPath(folder, `INC-${day}.incident.yaml`) : undefined,
    filters: { [vscode.l10n.t('Incident timeline')]: ['yaml', 'yml'] },
  });
  if (!chosen) return;
  const slash = chosen.path.lastIndexOf('/') + 1;
  const target = chosen.with({ path: chosen.path.slice(0, slash) + incidentFileName(chosen.path.slice(slash)) });
  // An empty file first, so the editor's document has the incident file's name; the snippet's
  // placeholders then lead through id, title, status and the times.
  await vscode.workspace.fs.writeFile(target, new Uint8Array());
  const editor = await vscode.window.showTextDocument(target);
  await editor.insertSnippet(new vscode.SnippetString(incidentSnippet(now, editor.document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n')));
}
