/**
 * "Export Timeline as HTML / SVG / Markdown": the same renderer as the CLI's `render`, fed by
 * the server's model, written where the user chooses.
 */
import * as vscode from 'vscode';
import type { TimelineModel } from '../../../common/protocol';
import { renderExport, type DisplayZone, type ExportFormat } from '../../../common/render/index';
import { displayLabels } from './displayLabels';
import { EXPORT_EXTENSIONS, exportFileName } from './exportFileName';

/** Writes the export to `target`, or where the user picks in a save dialog; returns where it went. */
export async function exportTimeline(model: TimelineModel, document: vscode.Uri, format: ExportFormat, zone: DisplayZone, given?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const { extension, label } = EXPORT_EXTENSIONS[format];
  const target = given ?? await vscode.window.showSaveDialog({
    defaultUri: document.with({ path: exportFileName(document.path, format) }),
    filters: { [label]: [extension] },
    saveLabel: vscode.l10n.t('Export {0}', label),
  });
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(renderExport(model, format, zone, displayLabels())));
  if (given) return target;
  const open = vscode.l10n.t('Open');
  void vscode.window.showInformationMessage(vscode.l10n.t('Timeline exported to {0}.', vscode.workspace.asRelativePath(target)), open).then((choice) => {
    if (choice !== open) return;
    // HTML and SVG are for browsers; Markdown opens in the editor.
    if (format === 'md') void vscode.commands.executeCommand('vscode.open', target);
    else void vscode.env.openExternal(target);
  });
  return target;
}
