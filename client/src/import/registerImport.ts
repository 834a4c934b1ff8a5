/**
 * Import in VS Code: the command "Import…" (a file, a web address or the clipboard, into new
 * incident files opened beside their preview), "Paste as incident updates" (a paste edit that
 * plain paste still comes before) and dropping a `.json`/`.atom` export onto an incident file.
 * The server reads the sources and says where the updates go; this side only moves text.
 */
import * as vscode from 'vscode';
import { ImportRequest, PasteUpdatesRequest, type ImportParams, type PasteUpdatesAnswer } from '../../../common/protocol';
import type { IncidentTimelineApi } from '../api';
import { SETTINGS_SECTION, incidentDocumentSelector, readSettings } from '../settings';

/** Our paste and drop edits, apart from VS Code's own kinds so plain text stays the default paste. */
export const UPDATES_EDIT_KIND = vscode.DocumentDropOrPasteEditKind.Empty.append('incidentTimeline', 'updates');
/** Exports people drop: status pages' JSON and Atom feeds. */
const DROPPED_EXTENSIONS = /\.(json|atom|xml)$/i;

export function registerImport(context: vscode.ExtensionContext, api: IncidentTimelineApi, logError: (error: unknown) => void): void {
  const selector = incidentDocumentSelector(readSettings(vscode.workspace.getConfiguration(SETTINGS_SECTION)).files);
  context.subscriptions.push(
    vscode.commands.registerCommand('incidentTimeline.import', (target?: unknown) =>
      importSource(api, target instanceof vscode.Uri ? target : undefined).catch(logError)),
    vscode.languages.registerDocumentPasteEditProvider(selector, new UpdatesPasteProvider(api), {
      providedPasteEditKinds: [UPDATES_EDIT_KIND],
      pasteMimeTypes: ['text/plain'],
    }),
    vscode.languages.registerDocumentDropEditProvider(selector, new UpdatesDropProvider(api), {
      providedDropEditKinds: [UPDATES_EDIT_KIND],
      dropMimeTypes: ['text/uri-list', 'files'],
    }),
  );
}

type SourceChoice = vscode.QuickPickItem & { readonly source: 'file' | 'url' | 'clipboard' };

/** Asks for the source unless given a file (the explorer's context menu passes one). */
async function chooseSource(given: vscode.Uri | undefined): Promise<{ params: ImportParams; folder?: vscode.Uri } | undefined> {
  if (given) return { params: { text: await readText(given), fileName: given.path.slice(given.path.lastIndexOf('/') + 1) }, folder: parentOf(given) };
  const choice = await vscode.window.showQuickPick<SourceChoice>([
    { label: vscode.l10n.t('From a file…'), source: 'file' },
    { label: vscode.l10n.t('From a web address (https)…'), source: 'url' },
    { label: vscode.l10n.t('From the clipboard'), source: 'clipboard' },
  ], { title: vscode.l10n.t('Import an incident') });
  if (!choice) return undefined;
  if (choice.source === 'clipboard') return { params: { text: await vscode.env.clipboard.readText() } };
  if (choice.source === 'url') {
    const url = await vscode.window.showInputBox({
      title: vscode.l10n.t('Import an incident'),
      prompt: vscode.l10n.t('The https:// address of a status page\'s incidents JSON, its history.atom feed, or a Microsoft Graph export'),
      placeHolder: 'https://status.example.com/api/v2/incidents.json',
      validateInput: (value) => (/^https:\/\/\S+$/i.test(value.trim()) ? undefined : vscode.l10n.t('Only https:// addresses are fetched.')),
    });
    return url ? { params: { url: url.trim() } } : undefined;
  }
  const [file] = await vscode.window.showOpenDialog({
    title: vscode.l10n.t('Import an incident'),
    canSelectMany: false,
    filters: { [vscode.l10n.t('Status page exports and notices')]: ['json', 'atom', 'xml', 'js', 'txt'] },
  }) ?? [];
  return file ? chooseSource(file) : undefined;
}

async function importSource(api: IncidentTimelineApi, given: vscode.Uri | undefined): Promise<void> {
  const source = await chooseSource(given);
  if (!source) return;
  const client = await api.ready;
  const answer = await client.sendRequest(ImportRequest.type, source.params);
  if (answer.kind === 'error') {
    void vscode.window.showErrorMessage(answer.position
      ? vscode.l10n.t('Cannot import: {0} (at {1})', answer.message, answer.position)
      : vscode.l10n.t('Cannot import: {0}', answer.message));
    return;
  }
  const folder = source.folder ?? targetFolder();
  const written: vscode.Uri[] = [];
  for (const incident of answer.incidents) {
    const target = folder
      ? vscode.Uri.joinPath(folder, incident.fileName)
      : await vscode.window.showSaveDialog({ title: vscode.l10n.t('Save the imported incident'), defaultUri: vscode.Uri.file(incident.fileName) });
    if (!target) continue;
    if (await exists(target)) {
      const replace = vscode.l10n.t('Replace');
      const chosen = await vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists. Replace it with the imported incident?', vscode.workspace.asRelativePath(target)), { modal: true }, replace);
      if (chosen !== replace) continue;
    }
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(incident.text));
    written.push(target);
  }
  const first = written[0];
  if (!first) return;
  await vscode.window.showTextDocument(first, { viewColumn: vscode.ViewColumn.One });
  await vscode.commands.executeCommand('incidentTimeline.showPreviewToSide', first);
  if (written.length > 1) void vscode.window.showInformationMessage(vscode.l10n.t('Imported {0} incident files.', written.length));
}

/** The folder of the active file, else the first workspace folder; undefined asks where to save. */
function targetFolder(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.scheme === 'file') return parentOf(active);
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

function parentOf(uri: vscode.Uri): vscode.Uri {
  return uri.with({ path: uri.path.slice(0, uri.path.lastIndexOf('/')) || '/' });
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
}

/** The server's edits for `text` pasted or dropped into `document`, as a workspace edit. */
async function updatesEdit(api: IncidentTimelineApi, document: vscode.TextDocument, text: string): Promise<{ edit: vscode.WorkspaceEdit; answer: PasteUpdatesAnswer } | undefined> {
  const client = await api.ready;
  const answer = await client.sendRequest(PasteUpdatesRequest.type, { uri: document.uri.toString(), version: document.version, text });
  if (!answer || answer.added === 0) return undefined;
  const edit = new vscode.WorkspaceEdit();
  edit.set(document.uri, await client.protocol2CodeConverter.asTextEdits([...answer.edits]));
  return { edit, answer };
}

function updatesTitle(answer: PasteUpdatesAnswer): string {
  return answer.added === 1 ? vscode.l10n.t('Paste as incident updates (1 event)') : vscode.l10n.t('Paste as incident updates ({0} events)', answer.added);
}

class UpdatesPasteProvider implements vscode.DocumentPasteEditProvider {
  constructor(private readonly api: IncidentTimelineApi) {}

  async provideDocumentPasteEdits(document: vscode.TextDocument, _ranges: readonly vscode.Range[], dataTransfer: vscode.DataTransfer, _context: vscode.DocumentPasteEditContext, token: vscode.CancellationToken): Promise<vscode.DocumentPasteEdit[] | undefined> {
    const text = await dataTransfer.get('text/plain')?.asString();
    if (!text?.trim() || token.isCancellationRequested) return undefined;
    const updates = await updatesEdit(this.api, document, text);
    if (!updates || token.isCancellationRequested) return undefined;
    // Nothing goes where the cursor is: the events go to their places in the timeline.
    const paste = new vscode.DocumentPasteEdit('', updatesTitle(updates.answer), UPDATES_EDIT_KIND);
    paste.additionalEdit = updates.edit;
    paste.yieldTo = [vscode.DocumentDropOrPasteEditKind.Text];
    return [paste];
  }
}

/** The text of the first dropped export: a file from the OS, or a resource from the explorer. */
async function droppedText(dataTransfer: vscode.DataTransfer): Promise<string | undefined> {
  for (const [, item] of dataTransfer) {
    const file = item.asFile();
    if (file && DROPPED_EXTENSIONS.test(file.name)) return new TextDecoder('utf-8').decode(await file.data());
  }
  const uriList = await dataTransfer.get('text/uri-list')?.asString();
  const dropped = (uriList ?? '').split(/\r?\n/).filter((line) => line.trim() !== '' && !line.startsWith('#')).map((line) => vscode.Uri.parse(line.trim()));
  const resource = dropped.find((uri) => DROPPED_EXTENSIONS.test(uri.path));
  return resource ? readText(resource) : undefined;
}

class UpdatesDropProvider implements vscode.DocumentDropEditProvider {
  constructor(private readonly api: IncidentTimelineApi) {}

  async provideDocumentDropEdits(document: vscode.TextDocument, _position: vscode.Position, dataTransfer: vscode.DataTransfer, token: vscode.CancellationToken): Promise<vscode.DocumentDropEdit | undefined> {
    const text = await droppedText(dataTransfer);
    if (text === undefined || token.isCancellationRequested) return undefined;
    const updates = await updatesEdit(this.api, document, text);
    if (!updates || token.isCancellationRequested) return undefined;
    const drop = new vscode.DocumentDropEdit('', updatesTitle(updates.answer), UPDATES_EDIT_KIND);
    drop.additionalEdit = updates.edit;
    return drop;
  }
}
