/**
 * One preview panel: a webview showing the timeline of one incident document. It asks the
 * server for the model (the client never parses YAML), renders at once and then throttled,
 * drops stale answers, follows the active incident editor unless locked, and syncs selection
 * both ways without loops.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TimelineChangesRequest, type TimelineModel } from '../../../common/protocol';
import { isSafeLink } from '../../../common/render/escape';
import { isZoneChoice, type ZoneChoice } from '../../../common/render/clocks';
import { parseWebviewMessage, type HostMessage, type PreviewState, type WebviewMessage } from '../previewMessages';
import { EditorSync } from './editorSync';
import { LiveModel, ModelReceiver } from './liveModel';
import { displayLabels } from './displayLabels';
import { previewHtml } from './previewHtml';
import { previewTitle } from './previewTitle';
import { RenderThrottle } from './renderThrottle';

export const PREVIEW_VIEW_TYPE = 'incidentTimeline.preview';

export interface PreviewHost {
  readonly extensionUri: vscode.Uri;
  /** The language client, once the server has started. */
  readonly ready: Promise<LanguageClient>;
  isIncidentDocument(document: vscode.TextDocument): boolean;
  defaultZone(): ZoneChoice;
  /** incidentTimeline.extraTimeZones */
  extraZones(): readonly string[];
  log(error: unknown): void;
}

export class TimelinePreview implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly throttle: RenderThrottle;
  private readonly live = new LiveModel();
  private readonly received = new ModelReceiver();
  private updating = false;
  /** The model the page holds (the last one posted), if it is the newest, not a stale one: patches apply to it. */
  private posted: { readonly uri: string; readonly version: number } | undefined;
  private updateAgain = false;
  private readonly sync = new EditorSync();
  /** The source lines of the event under the pointer in the preview. */
  private readonly hoverDecoration = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('editor.rangeHighlightBackground'),
    isWholeLine: true,
  });
  private resource: vscode.Uri;
  private locked: boolean;
  private zone: ZoneChoice;
  private ready = false;
  private disposed = false;
  private readonly onDisposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.onDisposeEmitter.event;

  static create(host: PreviewHost, resource: vscode.Uri, column: vscode.ViewColumn, locked: boolean, preserveFocus: boolean): TimelinePreview {
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, titleFor(resource, locked), { viewColumn: column, preserveFocus }, {
      enableScripts: true,
      enableForms: false,
      retainContextWhenHidden: false,
      localResourceRoots: [bundleFolder(host.extensionUri)],
    });
    return new TimelinePreview(host, panel, resource, locked, undefined);
  }

  /** After a window reload: the serializer hands back the panel and the page's saved state. */
  static revive(host: PreviewHost, panel: vscode.WebviewPanel, state: PreviewState): TimelinePreview {
    return new TimelinePreview(host, panel, vscode.Uri.parse(state.uri), state.locked, state);
  }

  private constructor(private readonly host: PreviewHost, readonly panel: vscode.WebviewPanel, resource: vscode.Uri, locked: boolean, state: PreviewState | undefined) {
    this.resource = resource;
    this.locked = locked;
    this.zone = state?.zone ?? host.defaultZone();
    this.throttle = new RenderThrottle(() => void this.update());
    const webview = panel.webview;
    webview.options = { enableScripts: true, enableForms: false, localResourceRoots: [bundleFolder(host.extensionUri)] };
    const bundle = bundleFolder(host.extensionUri);
    webview.html = previewHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(bundle, 'main.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(bundle, 'main.css')).toString(),
      defaultZone: host.defaultZone(),
      labels: displayLabels(),
      state: state ?? { uri: resource.toString(), locked, zone: this.zone, zoneChosen: false, mode: 'timeline', zoom: 1, scrollLeft: 0, scrollTop: 0 },
    });
    this.disposables.push(
      webview.onDidReceiveMessage((raw: unknown) => {
        const message = parseWebviewMessage(raw);
        if (message) this.onMessage(message);
      }),
      panel.onDidDispose(() => this.dispose()),
      this.hoverDecoration,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && sameUri(e.document.uri, this.resource)) this.throttle.request();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && !this.locked && !sameUri(editor.document.uri, this.resource) && host.isIncidentDocument(editor.document)) {
          this.show(editor.document.uri);
        }
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => this.onSelection(e)),
      // The server publishes workspace checks (duplicate-id) too: count what the Problems view shows.
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((uri) => sameUri(uri, this.resource))) this.post({ type: 'problems', problems: this.problemCounts() });
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('incidentTimeline.preview.timeZone')) this.post({ type: 'defaultZone', zone: host.defaultZone() });
        if (e.affectsConfiguration('incidentTimeline.extraTimeZones')) this.throttle.request(true);
      }),
    );
  }

  get document(): vscode.Uri {
    return this.resource;
  }

  get isLocked(): boolean {
    return this.locked;
  }

  /** The zone the page shows (for exports started from this preview; 'file' resolves against the model). */
  get currentZone(): ZoneChoice {
    return this.zone;
  }

  /** The last model with an incident. */
  get model(): TimelineModel | undefined {
    return this.live.good;
  }

  /** Shows another document in this panel. */
  show(resource: vscode.Uri): void {
    if (sameUri(resource, this.resource)) return;
    this.resource = resource;
    this.live.reset();
    this.received.reset();
    this.posted = undefined;
    this.sync.reset();
    this.throttle.reset();
    this.panel.title = titleFor(resource, this.locked);
    this.throttle.request();
  }

  toggleLock(): void {
    this.locked = !this.locked;
    this.panel.title = titleFor(this.resource, this.locked);
    this.post({ type: 'locked', locked: this.locked });
  }

  reveal(column?: vscode.ViewColumn, preserveFocus = false): void {
    this.panel.reveal(column, preserveFocus);
  }

  /** One request at a time: a render asked for meanwhile runs once the current one is done. */
  private async update(): Promise<void> {
    if (this.disposed || !this.ready) return;
    if (this.updating) {
      this.updateAgain = true;
      return;
    }
    this.updating = true;
    try {
      await this.fetchAndRender();
    } catch (error) {
      this.host.log(error);
    } finally {
      this.updating = false;
      if (this.updateAgain && !this.disposed) {
        this.updateAgain = false;
        void this.update();
      }
    }
  }

  private async fetchAndRender(): Promise<void> {
    const uri = this.resource.toString();
    // Opening the document (if it is not open) makes the client send it to the server.
    await vscode.workspace.openTextDocument(this.resource);
    const client = await this.host.ready;
    // Changes since the model we hold; the whole model when we hold none or the server lost our base.
    let answer = await client.sendRequest(TimelineChangesRequest.type, { uri, baseVersion: this.received.baseVersion });
    let model = this.received.receive(answer);
    if (model === undefined) {
      answer = await client.sendRequest(TimelineChangesRequest.type, { uri, baseVersion: -1 });
      model = this.received.receive(answer);
    }
    if (this.disposed || !model || model.uri !== this.resource.toString()) return;
    const shown = this.live.accept(model);
    if (!shown) return;
    const extraZones = this.host.extraZones();
    // The page holds the changes' base: post the splice (a few events), not the whole model.
    if (answer?.kind === 'changes' && !shown.stale && shown.model === model && this.posted?.uri === answer.uri && this.posted.version === answer.baseVersion) {
      this.post({ type: 'patch', changes: answer, locked: this.locked, problems: shown.problems, extraZones });
    } else {
      this.post({ type: 'render', model: shown.model, locked: this.locked, problems: shown.problems, stale: shown.stale, extraZones });
    }
    this.posted = shown.stale ? undefined : { uri: model.uri, version: model.version };
    // The published diagnostics may already include workspace checks the model does not count.
    this.post({ type: 'problems', problems: this.problemCounts() });
    // The cursor may already sit in an event.
    const editor = vscode.window.visibleTextEditors.find((e) => sameUri(e.document.uri, this.resource));
    if (editor) this.onSelection({ textEditor: editor, selections: editor.selections, kind: undefined });
  }

  private onMessage(message: WebviewMessage): void {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.posted = undefined;
        this.throttle.reset();
        this.live.reset();
        this.sync.reset();
        this.throttle.request();
        break;
      case 'reveal':
        void this.revealEvent(message.index);
        break;
      case 'hover':
        this.highlightSource(message.index);
        break;
      case 'openLink':
        // Only web and mail links leave VS Code; anything else (javascript:, file:, command:) is refused.
        if (isSafeLink(message.url)) void vscode.env.openExternal(vscode.Uri.parse(message.url, true));
        break;
      case 'showProblems':
        void vscode.commands.executeCommand('workbench.actions.view.problems');
        break;
      case 'resync':
        // The page missed a model: the next render posts the whole one.
        this.posted = undefined;
        this.throttle.request(true);
        break;
      case 'state':
        if (isZoneChoice(message.state.zone)) this.zone = message.state.zone;
        break;
    }
  }

  /** Marks the hovered event's lines in the editors showing the file (none: clears them). */
  private highlightSource(index: number | null): void {
    const event = index === null ? undefined : this.live.good?.events.find((e) => e.index === index);
    const ranges = event ? [new vscode.Range(event.range.start.line, 0, event.range.end.character === 0 && event.range.end.line > event.range.start.line ? event.range.end.line - 1 : event.range.end.line, 0)] : [];
    for (const editor of vscode.window.visibleTextEditors) {
      if (sameUri(editor.document.uri, this.resource)) editor.setDecorations(this.hoverDecoration, ranges);
    }
  }

  /** Selects the event's source in an editor beside the preview (opening one if needed). */
  private async revealEvent(index: number): Promise<void> {
    const event = this.live.good?.events.find((e) => e.index === index);
    if (!event || this.live.good?.uri !== this.resource.toString()) return;
    const { start, end } = event.range;
    const document = await vscode.workspace.openTextDocument(this.resource);
    // A list item's range ends at the start of the next line: select up to the end of its own text.
    const last = end.character === 0 && end.line > start.line ? document.lineAt(end.line - 1).range.end : new vscode.Position(end.line, end.character);
    const selection = new vscode.Selection(start.line, start.character, last.line, last.character);
    const visible = vscode.window.visibleTextEditors.find((e) => sameUri(e.document.uri, this.resource));
    this.sync.revealing(this.resource.toString(), selection.active.line, index);
    const editor = await vscode.window.showTextDocument(document, {
      viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
      selection,
      // Focus stays in the preview (as with the Markdown preview's click): arrow keys keep
      // walking the timeline, and no focus race with the webview that was just clicked.
      preserveFocus: true,
    });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private onSelection(e: Pick<vscode.TextEditorSelectionChangeEvent, 'textEditor' | 'selections' | 'kind'>): void {
    if (!sameUri(e.textEditor.document.uri, this.resource)) return;
    const model = this.live.good;
    if (!model) return;
    const index = this.sync.selectionChanged(this.resource.toString(), e.selections[0].active.line, model.events);
    if (index !== undefined) this.post({ type: 'highlight', index });
  }

  private problemCounts(): { errors: number; warnings: number } {
    let errors = 0;
    let warnings = 0;
    for (const d of vscode.languages.getDiagnostics(this.resource)) {
      if (d.source !== 'incident') continue;
      if (d.severity === vscode.DiagnosticSeverity.Error) errors++;
      else if (d.severity === vscode.DiagnosticSeverity.Warning) warnings++;
    }
    return { errors, warnings };
  }

  private post(message: HostMessage): void {
    if (this.ready && !this.disposed) void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.throttle.dispose();
    this.onDisposeEmitter.fire();
    this.onDisposeEmitter.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}

function bundleFolder(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
}

function sameUri(a: vscode.Uri, b: vscode.Uri): boolean {
  return a.toString() === b.toString();
}

function titleFor(resource: vscode.Uri, locked: boolean): string {
  return previewTitle(resource.path, locked, (message, ...args) => vscode.l10n.t(message, ...args));
}
