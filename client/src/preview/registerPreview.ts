/**
 * The preview's commands, its serializer (panels come back after a reload) and the context key
 * that scopes its keybindings and editor-title button to incident files. Called once from
 * activate().
 */
import * as vscode from 'vscode';
import type { IncidentTimelineApi } from '../api';
import { TimelineRequest } from '../../../common/protocol';
import type { ExportFormat } from '../../../common/render/index';
import { fallbackMode, isZoneChoice, type ZoneChoice } from '../../../common/settings';
import { parsePreviewState } from '../previewMessages';
import { incidentDocumentSelector, readSettings, SETTINGS_SECTION } from '../settings';
import { exportTimeline } from './exportTimeline';
import { PREVIEW_VIEW_TYPE, TimelinePreview, type PreviewHost } from './timelinePreview';

/** True in an editor whose document is an incident file (keybindings and the title button). */
export const INCIDENT_EDITOR_CONTEXT = 'incidentTimeline.incidentEditor';
/** True while a preview panel is active (its commands in the palette). */
export const PREVIEW_FOCUS_CONTEXT = 'incidentTimeline.previewFocus';

export function registerPreview(context: vscode.ExtensionContext, api: IncidentTimelineApi, log: (error: unknown) => void): void {
  const previews = new Set<TimelinePreview>();
  let active: TimelinePreview | undefined;

  const settings = () => readSettings(vscode.workspace.getConfiguration(SETTINGS_SECTION));
  const host: PreviewHost = {
    extensionUri: context.extensionUri,
    ready: api.ready,
    isIncidentDocument: (document) => vscode.languages.match(incidentDocumentSelector(settings().files), document) > 0,
    defaultZone: (): ZoneChoice => {
      const zone = settings().preview.timeZone;
      return isZoneChoice(zone) ? zone : 'JST';
    },
    extraZones: () => settings().extraTimeZones,
    log,
  };

  const track = (preview: TimelinePreview): TimelinePreview => {
    previews.add(preview);
    active = preview;
    const viewState = preview.panel.onDidChangeViewState(({ webviewPanel }) => {
      if (webviewPanel.active) active = preview;
      void vscode.commands.executeCommand('setContext', PREVIEW_FOCUS_CONTEXT, webviewPanel.active);
    });
    preview.onDidDispose(() => {
      viewState.dispose();
      previews.delete(preview);
      if (active === preview) active = undefined;
      void vscode.commands.executeCommand('setContext', PREVIEW_FOCUS_CONTEXT, [...previews].some((p) => p.panel.active));
    });
    void vscode.commands.executeCommand('setContext', PREVIEW_FOCUS_CONTEXT, true);
    return preview;
  };

  /** The incident document a command is about: its argument, the active editor, or the active preview's. */
  const targetDocument = (uri?: unknown): vscode.Uri | undefined => {
    if (uri instanceof vscode.Uri) return uri;
    const editor = vscode.window.activeTextEditor;
    if (editor && host.isIncidentDocument(editor.document)) return editor.document.uri;
    return active?.document;
  };

  const showPreview = (uri: unknown, sideBySide: boolean, locked: boolean) => {
    const resource = targetDocument(uri);
    if (!resource) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open an incident file (*.incident.yaml) to preview its timeline.'));
      return;
    }
    const column = sideBySide ? vscode.ViewColumn.Beside : vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active;
    // Like the Markdown preview: one dynamic (unlocked) preview follows the editor and is reused.
    const existing = locked
      ? [...previews].find((p) => p.isLocked && p.document.toString() === resource.toString())
      : [...previews].find((p) => !p.isLocked);
    if (existing) {
      existing.show(resource);
      existing.reveal(undefined, sideBySide);
      return;
    }
    track(TimelinePreview.create(host, resource, column, locked, sideBySide));
  };

  /** `target` (a Uri) skips the save dialog: for keybindings with args, tasks and tests. */
  const runExport = async (format: ExportFormat, uri?: unknown, target?: unknown): Promise<vscode.Uri | undefined> => {
    const resource = targetDocument(uri);
    if (!resource) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open an incident file (*.incident.yaml) to export its timeline.'));
      return undefined;
    }
    try {
      await vscode.workspace.openTextDocument(resource);
      const client = await api.ready;
      const model = await client.sendRequest(TimelineRequest.type, { uri: resource.toString() });
      const preview = [...previews].find((p) => p.document.toString() === resource.toString());
      const usable = model?.incident ? model : preview?.model;
      if (!usable) {
        void vscode.window.showWarningMessage(vscode.l10n.t('This file is not an incident timeline yet; see the Problems view.'));
        return undefined;
      }
      // As the page shows it: 'file' for a file without a zone of its own is the setting's zone
      // (JST when the setting is 'file' too).
      const chosen = preview?.currentZone ?? host.defaultZone();
      const zone = chosen === 'file' && !usable.incident?.zone ? fallbackMode(host.defaultZone()) : chosen;
      return await exportTimeline(usable, resource, format, zone, target instanceof vscode.Uri ? target : undefined);
    } catch (error) {
      log(error);
      void vscode.window.showErrorMessage(vscode.l10n.t('Export failed: {0}', error instanceof Error ? error.message : String(error)));
      return undefined;
    }
  };

  const updateEditorContext = (editor: vscode.TextEditor | undefined) => {
    void vscode.commands.executeCommand('setContext', INCIDENT_EDITOR_CONTEXT, !!editor && host.isIncidentDocument(editor.document));
  };
  updateEditorContext(vscode.window.activeTextEditor);

  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(updateEditorContext),
    vscode.commands.registerCommand('incidentTimeline.showPreview', (uri?: unknown) => showPreview(uri, false, false)),
    vscode.commands.registerCommand('incidentTimeline.showPreviewToSide', (uri?: unknown) => showPreview(uri, true, false)),
    vscode.commands.registerCommand('incidentTimeline.showLockedPreviewToSide', (uri?: unknown) => showPreview(uri, true, true)),
    vscode.commands.registerCommand('incidentTimeline.togglePreviewLock', () => active?.toggleLock()),
    vscode.commands.registerCommand('incidentTimeline.exportHtml', (uri?: unknown, target?: unknown) => runExport('html', uri, target)),
    vscode.commands.registerCommand('incidentTimeline.exportSvg', (uri?: unknown, target?: unknown) => runExport('svg', uri, target)),
    vscode.commands.registerCommand('incidentTimeline.exportMarkdown', (uri?: unknown, target?: unknown) => runExport('md', uri, target)),
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, raw: unknown) {
        const state = parsePreviewState(raw);
        if (!state) {
          // Nothing to show (a state from an older version): close rather than show an empty panel.
          panel.dispose();
          return;
        }
        track(TimelinePreview.revive(host, panel, state));
      },
    }),
    { dispose: () => { for (const p of [...previews]) p.dispose(); } },
  );
}
