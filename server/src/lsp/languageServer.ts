/**
 * The language server around the pure core: the client's capabilities and settings, the
 * workspace folders, and a small API for feature handlers (hover, completion, the timeline
 * request, …) so each is registered in server.ts with one line. The work is done by three parts:
 * DocumentStore (per-document state and the one parse per version), DiagnosticsPublisher (pull
 * and push) and WorkspaceScanner (incident files on disk, for duplicate-id).
 */
import {
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type ClientCapabilities,
  type Connection,
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
import type { ParsedIncident, Span } from '../core';
import { WorkspaceIndex, DEFAULT_SCAN_LIMITS, type ScanLimits } from './workspaceIndex';
import { toRange } from './convert';
import { displayPath, IncidentFileMatcher, uriToPath } from './incidentFiles';
import { DEFAULT_SETTINGS, readSettings, SETTINGS_SECTION, type IncidentSettings } from './settings';
import { DocumentStore } from './documentState';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import { WorkspaceScanner } from './workspaceScanner';
import { connectionLog, type ServerLog } from './serverLog';

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

export class IncidentLanguageServer {
  readonly documents = new TextDocuments(TextDocument);
  /** The ids and titles of the workspace's incident files (open documents win over disk). */
  readonly index = new WorkspaceIndex();
  /** Capabilities beyond diagnostics and sync; features add theirs before `listen()`. */
  readonly capabilities: ServerCapabilities = {};

  private readonly log: ServerLog;
  private readonly store: DocumentStore;
  private readonly publisher: DiagnosticsPublisher;
  private readonly scanner: WorkspaceScanner;
  private currentSettings: IncidentSettings = DEFAULT_SETTINGS;
  private support: ClientSupport = NO_SUPPORT;
  private folders: string[] = [];
  private matcher = new IncidentFileMatcher([], []);
  private initializeParams: InitializeParams | undefined;
  private readonly initializeListeners: ((params: InitializeParams) => void)[] = [];
  private settingsLoaded: Promise<void> = Promise.resolve();
  /** Resolves when the start-up scan of the workspace is done (tests and benchmarks wait on it). */
  scanned: Promise<void> = Promise.resolve();

  constructor(readonly connection: Connection, scanLimits: ScanLimits = DEFAULT_SCAN_LIMITS) {
    this.log = connectionLog(connection);
    this.store = new DocumentStore(this.index, (uris) => this.publisher.refreshOthers(uris), this.log, DEFAULT_SETTINGS.maxFileLength);
    this.publisher = new DiagnosticsPublisher(connection, this.documents, this.store, this.index, () => ({
      pull: this.support.pullDiagnostics,
      refreshSupport: this.support.diagnosticRefresh,
      debounce: this.currentSettings.debounce,
      maxProblems: this.currentSettings.maxProblems,
      settingsLoaded: this.settingsLoaded,
      isIncidentDocument: (uri) => this.isIncidentDocument(uri),
      displayName: (uri) => displayPath(uri, this.folders),
    }), this.log);
    this.scanner = new WorkspaceScanner(connection, this.index, scanLimits, () => ({
      folders: this.folders,
      matcher: this.matcher,
      patterns: this.currentSettings.files,
      maxFileLength: this.currentSettings.maxFileLength,
      watchedFilesRegistration: this.support.watchedFilesRegistration,
      isOpen: (filePath) => this.documents.all().some((document) => uriToPath(document.uri) === filePath),
    }), (uris) => (uris === 'all' ? this.publisher.refreshAll() : this.publisher.refreshOthers(uris)), this.log);
  }

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
    const parsed = this.store.parse(textDocument);
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
    this.log.error(where, error);
  }

  /** Installs every handler and starts listening. */
  listen(): void {
    const { connection, documents } = this;
    connection.onInitialize(this.guard('initialize', (params: InitializeParams) => this.initialize(params), { capabilities: {} }));
    connection.onInitialized(this.guard('initialized', () => this.initialized(), undefined));
    connection.onDidChangeConfiguration(this.guard('didChangeConfiguration', (params: { settings: unknown }) => this.configurationChanged(params.settings), undefined));
    connection.onDidChangeWatchedFiles(this.guard('didChangeWatchedFiles', (params: { changes: FileEvent[] }) => this.scanner.watchedFilesChanged(params.changes), undefined));
    connection.languages.diagnostics.on(this.guard('diagnostics', (params: { textDocument: { uri: string } }) => this.publisher.pull(params.textDocument.uri), { kind: 'full', items: [] } as DocumentDiagnosticReport));
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
    this.scanned = this.settingsLoaded.then(() => this.scanner.rescan());
    this.scanner.registerWatchers();
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
    if (lengthChanged) this.store.setMaxLength(next.maxFileLength);
    if (filesChanged) this.matcher = new IncidentFileMatcher(next.files, this.folders);
    if (!refresh) return;
    if (filesChanged) {
      // Documents that stopped being incident files leave the index; rescan finds new ones on disk.
      for (const document of this.documents.all()) {
        if (!this.isIncidentDocument(document.uri)) this.store.forget(document.uri);
      }
      this.scanner.registerWatchers();
    }
    // Files on disk are read again under the new patterns or length limit.
    if (filesChanged || lengthChanged) this.scanned = this.scanner.rescan();
    if (lengthChanged || filesChanged || next.maxProblems !== previous.maxProblems) this.publisher.refreshAll();
  }

  private foldersChanged(event: WorkspaceFoldersChangeEvent): void {
    const removed = new Set(event.removed.map((folder) => uriToPath(folder.uri)));
    const added = event.added.map((folder) => uriToPath(folder.uri)).filter((p): p is string => p !== undefined);
    this.folders = [...this.folders.filter((folder) => !removed.has(folder)), ...added];
    this.matcher = new IncidentFileMatcher(this.currentSettings.files, this.folders);
    this.scanned = this.scanner.rescan();
  }

  private opened(document: TextDocument): void {
    if (this.isIncidentDocument(document.uri)) this.publisher.opened(document);
  }

  private changed(document: TextDocument): void {
    if (this.isIncidentDocument(document.uri)) this.publisher.changed(document);
  }

  private closed(document: TextDocument): void {
    this.publisher.closed(document.uri);
    this.scanner.documentClosed(document.uri);
  }

  private dispose(): void {
    this.store.dispose();
    this.scanner.dispose();
  }
}

/** The file system paths of the workspace folders (or the old rootUri/rootPath). */
function workspaceFolderPaths(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  const paths = uris.map(uriToPath).filter((p): p is string => p !== undefined);
  if (paths.length === 0 && params.rootPath) paths.push(params.rootPath);
  return paths;
}
