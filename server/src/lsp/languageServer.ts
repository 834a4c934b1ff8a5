/**
 * The language server around the pure core: documents, settings, diagnostics (pushed or pulled),
 * the workspace index for duplicate-id, and a small API for feature handlers (hover, completion,
 * the timeline request, …) so each is registered in server.ts with one line.
 *
 * Every document is parsed once per version through the core's ParseCache; diagnostics,
 * features and the preview all share that parse.
 */
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentSyncKind,
  TextDocuments,
  type ClientCapabilities,
  type Connection,
  type Diagnostic,
  type Disposable,
  type DocumentDiagnosticReport,
  type FileEvent,
  type InitializeParams,
  type InitializeResult,
  type Position,
  type Range,
  type ServerCapabilities,
  type WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { compareDiagnostics, ParseCache, type IncidentDiagnostic, type ParsedIncident, type Span } from '../core';
import { findIncidentFiles, pathToUri, readIncidentFile, WorkspaceIndex, DEFAULT_SCAN_LIMITS, type ScanLimits } from './workspaceIndex';
import { toLspDiagnostic, toRange } from './convert';
import { displayPath, IncidentFileMatcher, uriToPath } from './incidentFiles';
import { DEFAULT_SETTINGS, readSettings, SETTINGS_SECTION, type IncidentSettings } from './settings';

/**
 * After a change whose validation took at most this long (ms), the next change is validated at
 * once, without the debounce: with one validation at a time and changes coalesced meanwhile,
 * only slow ones (full parses of big files) are worth holding back. Generous, because a loaded
 * machine doubles the tens of ms an incremental validation takes.
 */
const QUICK_VALIDATION_MS = 250;

/** An open incident document at its current version, with its one parse. */
export interface IncidentDocument {
  readonly uri: string;
  readonly version: number;
  readonly parsed: ParsedIncident;
  /** A position of the client as an offset into `parsed.text`. */
  offsetAt(position: Position): number;
  /** An offset span as an LSP range (the last step). */
  rangeOf(span: Span): Range;
}

/** Request params name their document either way. */
type DocumentParams = { readonly textDocument: { readonly uri: string } } | { readonly uri: string };

function uriOf(params: DocumentParams): string {
  return 'textDocument' in params ? params.textDocument.uri : params.uri;
}

/** What the client said it can do, in the terms the server acts on. */
interface ClientSupport {
  readonly pullDiagnostics: boolean;
  readonly diagnosticRefresh: boolean;
  readonly configuration: boolean;
  readonly configurationRegistration: boolean;
  readonly watchedFilesRegistration: boolean;
  readonly workspaceFolders: boolean;
}

function clientSupport(capabilities: ClientCapabilities): ClientSupport {
  return {
    pullDiagnostics: capabilities.textDocument?.diagnostic !== undefined,
    diagnosticRefresh: capabilities.workspace?.diagnostics?.refreshSupport === true,
    configuration: capabilities.workspace?.configuration === true,
    configurationRegistration: capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    watchedFilesRegistration: capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    workspaceFolders: capabilities.workspace?.workspaceFolders === true,
  };
}

const NO_SUPPORT = clientSupport({});

/** Default globs every client can watch for us (VS Code's client also watches through synchronize). */
const INCIDENT_FILE_GLOBS = ['**/*.incident.yaml', '**/*.incident.yml'];

export class IncidentLanguageServer {
  readonly documents = new TextDocuments(TextDocument);
  /** The ids and titles of the workspace's incident files (open documents win over disk). */
  readonly index = new WorkspaceIndex();
  /** Capabilities beyond diagnostics and sync; features add theirs before `listen()`. */
  readonly capabilities: ServerCapabilities = {};

  private readonly cache = new ParseCache({ maxLength: DEFAULT_SETTINGS.maxFileLength, logger: { error: (message) => this.connection.console.error(message) } });
  private currentSettings: IncidentSettings = DEFAULT_SETTINGS;
  private support: ClientSupport = NO_SUPPORT;
  private folders: string[] = [];
  private matcher = new IncidentFileMatcher([], []);
  private initializeParams: InitializeParams | undefined;
  private readonly initializeListeners: ((params: InitializeParams) => void)[] = [];

  /** The parse each open document was last indexed with, so the index changes once per version. */
  private readonly indexedParse = new Map<string, ParsedIncident>();
  /** Documents that have diagnostics on the client (push), to clear them when that changes. */
  private readonly published = new Set<string>();
  private readonly pendingValidation = new Map<string, NodeJS.Timeout>();
  /** A per-document counter: a validation publishes only if no newer one started meanwhile. */
  private readonly validationRuns = new Map<string, number>();
  /** How long each document's last validation after a change took (ms): quick ones skip the debounce. */
  private readonly validationMs = new Map<string, number>();
  /** The version each open incident document was last scheduled for (push), to skip repeats. */
  private readonly scheduledVersion = new Map<string, number>();
  /** What was last published per document, to skip publishing the same diagnostics twice. */
  private readonly lastPublished = new Map<string, string>();
  private readonly refreshQueue = new Set<string>();
  private refreshScheduled = false;
  private scanGeneration = 0;
  private watcherRegistration: Promise<Disposable> | undefined;
  private settingsLoaded: Promise<void> = Promise.resolve();
  /** Resolves when the start-up scan of the workspace is done (tests and benchmarks wait on it). */
  scanned: Promise<void> = Promise.resolve();

  constructor(readonly connection: Connection, private readonly scanLimits: ScanLimits = DEFAULT_SCAN_LIMITS) {}

  /** The settings in force. */
  get settings(): IncidentSettings {
    return this.currentSettings;
  }

  /** What the client sent in `initialize` (undefined before). */
  get initialization(): InitializeParams | undefined {
    return this.initializeParams;
  }

  /** Runs before the first document is validated: e.g. loading the translations of `params.locale`. */
  onInitialize(listener: (params: InitializeParams) => void): void {
    this.initializeListeners.push(listener);
  }

  /** True when the server handles this document: an incident file by name or by `incidentTimeline.files`. */
  isIncidentDocument(uri: string): boolean {
    return this.matcher.matchesUri(uri);
  }

  /** The open incident document with its parse, or undefined (not open, or not an incident file). */
  document(uri: string): IncidentDocument | undefined {
    const textDocument = this.documents.get(uri);
    if (!textDocument || !this.isIncidentDocument(uri)) return undefined;
    const parsed = this.parse(textDocument);
    return {
      uri,
      version: textDocument.version,
      parsed,
      offsetAt: (position) => parsed.lineIndex.offsetAt(position),
      rangeOf: (span) => toRange(parsed.lineIndex, span),
    };
  }

  /** The parse of an open incident document at its current version. */
  getParsed(uri: string): ParsedIncident | undefined {
    return this.document(uri)?.parsed;
  }

  /**
   * Wraps a handler so that it can never take the server down: a throw (or a rejected promise)
   * is logged and answered with the fallback.
   */
  guard<A extends unknown[], R>(name: string, handler: (...args: A) => R, fallback: Awaited<R>): (...args: A) => R | Promise<Awaited<R>> {
    return (...args: A) => {
      try {
        const result = handler(...args);
        if (result instanceof Promise) {
          return result.catch((error: unknown) => {
            this.logError(name, error);
            return fallback;
          });
        }
        return result;
      } catch (error) {
        this.logError(name, error);
        return fallback;
      }
    };
  }

  /**
   * A request handler on an open incident document: `fallback` for any other document, errors
   * caught and logged. One line per feature in server.ts.
   */
  handle<P extends DocumentParams, R>(name: string, fallback: Awaited<R>, handler: (params: P, document: IncidentDocument) => R): (params: P) => R | Awaited<R> | Promise<Awaited<R>> {
    return this.guard(name, (params: P) => {
      const document = this.document(uriOf(params));
      return document ? handler(params, document) : fallback;
    }, fallback);
  }

  logError(where: string, error: unknown): void {
    const detail = error instanceof Error ? error.stack ?? error.message : String(error);
    try {
      this.connection.console.error(`[${where}] ${detail}`);
    } catch {
      // The connection is gone; nothing left to tell.
    }
  }

  /** Installs every handler and starts listening. */
  listen(): void {
    const { connection, documents } = this;
    connection.onInitialize(this.guard('initialize', (params: InitializeParams) => this.initialize(params), { capabilities: {} }));
    connection.onInitialized(this.guard('initialized', () => this.initialized(), undefined));
    connection.onDidChangeConfiguration(this.guard('didChangeConfiguration', (params: { settings: unknown }) => this.configurationChanged(params.settings), undefined));
    connection.onDidChangeWatchedFiles(this.guard('didChangeWatchedFiles', (params: { changes: FileEvent[] }) => this.watchedFilesChanged(params.changes), undefined));
    connection.languages.diagnostics.on(this.guard('diagnostics', (params: { textDocument: { uri: string } }) => this.pullDiagnostics(params.textDocument.uri), { kind: 'full', items: [] } as DocumentDiagnosticReport));
    connection.onShutdown(() => this.dispose());

    documents.onDidOpen(this.guard('didOpen', (event: { document: TextDocument }) => this.opened(event.document), undefined));
    documents.onDidChangeContent(this.guard('didChange', (event: { document: TextDocument }) => this.changed(event.document), undefined));
    documents.onDidClose(this.guard('didClose', (event: { document: TextDocument }) => this.closed(event.document), undefined));
    documents.listen(connection);
    connection.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    this.initializeParams = params;
    this.support = clientSupport(params.capabilities);
    this.folders = workspaceFolderPaths(params);
    this.applySettings(readSettings(params.initializationOptions), false);
    for (const listener of this.initializeListeners) {
      try {
        listener(params);
      } catch (error) {
        this.logError('initialize listener', error);
      }
    }
    const capabilities: ServerCapabilities = {
      ...this.capabilities,
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    };
    if (this.support.pullDiagnostics) {
      // duplicate-id makes one file's diagnostics depend on others.
      capabilities.diagnosticProvider = { identifier: 'incident', interFileDependencies: true, workspaceDiagnostics: false };
    }
    if (this.support.workspaceFolders) {
      capabilities.workspace = { ...capabilities.workspace, workspaceFolders: { supported: true, changeNotifications: true } };
    }
    return { capabilities, serverInfo: { name: 'incident-timeline' } };
  }

  private initialized(): void {
    if (this.support.configurationRegistration) {
      void this.connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch((error: unknown) => this.logError('register configuration', error));
    }
    if (this.support.workspaceFolders) {
      this.connection.workspace.onDidChangeWorkspaceFolders(this.guard('didChangeWorkspaceFolders', (event: WorkspaceFoldersChangeEvent) => this.foldersChanged(event), undefined));
    }
    // Validation waits for the client's settings so the first diagnostics are already right.
    this.settingsLoaded = this.support.configuration ? this.fetchSettings().then((settings) => this.applySettings(settings, true)) : Promise.resolve();
    this.scanned = this.settingsLoaded.then(() => this.rescan());
    this.registerWatchers();
  }

  private async fetchSettings(): Promise<IncidentSettings> {
    try {
      return readSettings(await this.connection.workspace.getConfiguration({ section: SETTINGS_SECTION }));
    } catch (error) {
      this.logError('workspace/configuration', error);
      return this.currentSettings;
    }
  }

  private configurationChanged(settings: unknown): void {
    if (this.support.configuration) {
      // The notification's payload is unreliable (VS Code sends null); ask for the section.
      this.settingsLoaded = this.settingsLoaded.then(() => this.fetchSettings()).then((next) => this.applySettings(next, true));
    } else {
      this.applySettings(readSettings(settings), true);
    }
  }

  /** Puts new settings in force; re-validates and re-scans only what they change. */
  private applySettings(next: IncidentSettings, refresh: boolean): void {
    const previous = this.currentSettings;
    this.currentSettings = next;
    const lengthChanged = next.maxFileLength !== previous.maxFileLength;
    const filesChanged = next.files.join('\n') !== previous.files.join('\n');
    if (lengthChanged) {
      this.cache.setOptions({ maxLength: next.maxFileLength });
      this.indexedParse.clear();
    }
    if (filesChanged) this.matcher = new IncidentFileMatcher(next.files, this.folders);
    if (!refresh) return;
    if (filesChanged) {
      // Documents that stopped being incident files leave the index; rescan finds new ones on disk.
      for (const document of this.documents.all()) {
        if (!this.isIncidentDocument(document.uri)) this.forgetOpen(document.uri);
      }
      this.registerWatchers();
    }
    // Files on disk are read again under the new patterns or length limit.
    if (filesChanged || lengthChanged) this.scanned = this.rescan();
    if (lengthChanged || filesChanged) this.refreshAll();
  }

  private foldersChanged(event: WorkspaceFoldersChangeEvent): void {
    const removed = new Set(event.removed.map((folder) => uriToPath(folder.uri)));
    const added = event.added.map((folder) => uriToPath(folder.uri)).filter((p): p is string => p !== undefined);
    this.folders = [...this.folders.filter((folder) => !removed.has(folder)), ...added];
    this.matcher = new IncidentFileMatcher(this.currentSettings.files, this.folders);
    this.scanned = this.rescan();
  }

  /** Watches incident files (and the `files` patterns) when the client lets servers register watchers. */
  private registerWatchers(): void {
    if (!this.support.watchedFilesRegistration) return;
    const previous = this.watcherRegistration;
    const globs = [...INCIDENT_FILE_GLOBS, ...this.currentSettings.files.map((p) => (p.startsWith('**') || p.startsWith('/') ? p : `**/${p}`))];
    this.watcherRegistration = this.connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: globs.map((globPattern) => ({ globPattern })),
    });
    this.watcherRegistration.catch((error: unknown) => this.logError('register file watchers', error));
    if (previous) void previous.then((registration) => registration.dispose(), () => undefined);
  }

  /** Indexes the incident files of the workspace folders on disk, in the background. */
  private async rescan(): Promise<void> {
    const generation = ++this.scanGeneration;
    const cancelled = () => generation !== this.scanGeneration;
    const files = await findIncidentFiles(this.folders, this.matcher, this.scanLimits, cancelled);
    const found = new Set<string>();
    for (const filePath of files) {
      if (cancelled()) return;
      const parsed = await readIncidentFile(filePath, this.scanLimits.maxFileBytes, this.currentSettings.maxFileLength);
      const uri = pathToUri(filePath);
      if (parsed) found.add(filePath);
      this.index.setDisk(uri, parsed);
    }
    if (cancelled()) return;
    for (const filePath of this.index.diskPaths()) {
      if (!found.has(filePath)) this.index.setDisk(pathToUri(filePath), undefined);
    }
    this.refreshAll();
  }

  private watchedFilesChanged(changes: readonly FileEvent[]): void {
    void Promise.all(changes.map(async (change) => {
      const filePath = uriToPath(change.uri);
      if (filePath === undefined) return [];
      const parsed = change.type === FileChangeType.Deleted || !this.matcher.matchesPath(filePath)
        ? undefined
        : await readIncidentFile(filePath, this.scanLimits.maxFileBytes, this.currentSettings.maxFileLength);
      return this.index.setDisk(change.uri, parsed);
    })).then((affected) => this.refreshOthers(affected.flat()), (error: unknown) => this.logError('didChangeWatchedFiles', error));
  }

  private opened(document: TextDocument): void {
    if (!this.isIncidentDocument(document.uri)) return;
    this.scheduledVersion.set(document.uri, document.version);
    if (this.support.pullDiagnostics) {
      // The client will pull; parsing now puts the document's id in the index for the others.
      this.parse(document);
    } else {
      void this.validate(document.uri);
    }
  }

  private changed(document: TextDocument): void {
    // Also fired on open, right after onDidOpen, for a version that is already being validated.
    if (this.support.pullDiagnostics || !this.isIncidentDocument(document.uri)) return;
    if (this.scheduledVersion.get(document.uri) === document.version) return;
    this.scheduledVersion.set(document.uri, document.version);
    // The debounce only holds back validations that are slow (a full parse of a big file). An
    // incremental one (tens of ms on 10,000 events) runs at once, so a keystroke's diagnostics
    // come without waiting the debounce (bench/README.md has the figures). The open's own
    // validation (a first, whole parse) does not count.
    const quick = (this.validationMs.get(document.uri) ?? 0) <= QUICK_VALIDATION_MS;
    this.scheduleValidation(document.uri, quick ? 0 : this.currentSettings.debounce);
  }

  private closed(document: TextDocument): void {
    const uri = document.uri;
    this.forgetOpen(uri);
    if (!this.support.pullDiagnostics && this.published.delete(uri)) {
      void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    // The file on disk counts again (its unsaved edits are gone).
    const filePath = uriToPath(uri);
    if (filePath !== undefined && this.matcher.matchesPath(filePath)) {
      void readIncidentFile(filePath, this.scanLimits.maxFileBytes, this.currentSettings.maxFileLength)
        .then((parsed) => this.refreshOthers(this.index.setDisk(uri, parsed)), (error: unknown) => this.logError('read closed file', error));
    }
  }

  /** Drops everything kept for an open document (closed, or no longer an incident file). */
  private forgetOpen(uri: string): void {
    const timer = this.pendingValidation.get(uri);
    if (timer) clearTimeout(timer);
    this.pendingValidation.delete(uri);
    this.validationRuns.delete(uri);
    this.validationMs.delete(uri);
    this.scheduledVersion.delete(uri);
    this.lastPublished.delete(uri);
    this.cache.delete(uri);
    this.indexedParse.delete(uri);
    this.refreshOthers(this.index.removeOpen(uri));
  }

  /**
   * The one parse of a document version; the first time a version is seen its id goes into the
   * workspace index, and files whose duplicate-id changes with it are refreshed.
   */
  private parse(document: TextDocument): ParsedIncident {
    const parsed = this.cache.get(document.uri, document.version, () => document.getText());
    if (this.indexedParse.get(document.uri) !== parsed) {
      this.indexedParse.set(document.uri, parsed);
      this.refreshOthers(this.index.setOpen(document.uri, parsed));
    }
    return parsed;
  }

  /** THE validate path: a document's diagnostics (its own and duplicate-id), as LSP diagnostics. */
  private diagnosticsOf(document: TextDocument): Diagnostic[] {
    const parsed = this.parse(document);
    const duplicates = this.index.duplicatesOf(document.uri, (uri) => displayPath(uri, this.folders));
    const all: IncidentDiagnostic[] = duplicates.length > 0 ? [...parsed.diagnostics, ...duplicates].sort(compareDiagnostics) : [...parsed.diagnostics];
    const locate = (uri: string, span: Span) => {
      const other = this.documents.get(uri);
      const otherParse = other && this.indexedParse.get(uri);
      return otherParse ? toRange(otherParse.lineIndex, span) : this.index.locate(uri, span);
    };
    return all.map((diagnostic) => toLspDiagnostic(document.uri, parsed.lineIndex, diagnostic, locate));
  }

  private async pullDiagnostics(uri: string): Promise<DocumentDiagnosticReport> {
    await this.settingsLoaded;
    const document = this.documents.get(uri);
    if (!document || !this.isIncidentDocument(uri)) return { kind: 'full', items: [] };
    return { kind: 'full', items: this.diagnosticsOf(document) };
  }

  private scheduleValidation(uri: string, delay: number): void {
    const existing = this.pendingValidation.get(uri);
    if (existing) clearTimeout(existing);
    this.pendingValidation.set(uri, setTimeout(() => {
      this.pendingValidation.delete(uri);
      void this.validate(uri, true);
    }, delay));
  }

  /** Push mode: validates the current version and publishes, unless a newer run or a close overtook it. */
  private async validate(uri: string, afterChange = false): Promise<void> {
    const run = (this.validationRuns.get(uri) ?? 0) + 1;
    this.validationRuns.set(uri, run);
    try {
      await this.settingsLoaded;
      const document = this.documents.get(uri);
      if (!document || this.validationRuns.get(uri) !== run) return;
      if (!this.isIncidentDocument(uri)) {
        if (this.published.delete(uri)) await this.connection.sendDiagnostics({ uri, diagnostics: [] });
        return;
      }
      this.scheduledVersion.set(uri, document.version);
      const version = document.version;
      const started = performance.now();
      const diagnostics = this.diagnosticsOf(document);
      if (afterChange) this.validationMs.set(uri, performance.now() - started);
      // Stale results are dropped: the document moved on, closed, or a newer validation started.
      if (this.validationRuns.get(uri) !== run || this.documents.get(uri)?.version !== version) return;
      const fingerprint = `${version}\n${JSON.stringify(diagnostics)}`;
      if (this.published.has(uri) && this.lastPublished.get(uri) === fingerprint) return;
      this.published.add(uri);
      this.lastPublished.set(uri, fingerprint);
      await this.connection.sendDiagnostics({ uri, version, diagnostics });
    } catch (error) {
      this.logError('validate', error);
    }
  }

  /** Other files' diagnostics changed (an id was added, changed or removed). */
  private refreshOthers(uris: readonly string[]): void {
    if (uris.length === 0) return;
    for (const uri of uris) this.refreshQueue.add(uri);
    this.scheduleRefresh();
  }

  /** Every open document's diagnostics may have changed (settings, the scan). */
  private refreshAll(): void {
    for (const document of this.documents.all()) this.refreshQueue.add(document.uri);
    for (const uri of this.published) this.refreshQueue.add(uri);
    this.scheduleRefresh();
  }

  /** Coalesces refreshes of one turn: one re-validation per document, one refresh request. */
  private scheduleRefresh(): void {
    if (this.refreshScheduled) return;
    this.refreshScheduled = true;
    setImmediate(() => {
      this.refreshScheduled = false;
      const uris = [...this.refreshQueue];
      this.refreshQueue.clear();
      if (this.support.pullDiagnostics) {
        if (this.support.diagnosticRefresh) {
          this.connection.languages.diagnostics.refresh();
        }
        return;
      }
      for (const uri of uris) {
        if (this.documents.get(uri) || this.published.has(uri)) void this.validate(uri);
      }
    });
  }

  private dispose(): void {
    for (const timer of this.pendingValidation.values()) clearTimeout(timer);
    this.pendingValidation.clear();
    this.scanGeneration++;
  }
}

/** The file system paths of the workspace folders (or the old rootUri/rootPath). */
function workspaceFolderPaths(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  const paths = uris.map(uriToPath).filter((p): p is string => p !== undefined);
  if (paths.length === 0 && params.rootPath) paths.push(params.rootPath);
  return paths;
}
