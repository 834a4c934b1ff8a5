/**
 * A small LSP client for protocol tests: starts the BUNDLED server (dist/server/server.js) over
 * stdio and talks to it as an editor would. Reusable by every feature's tests:
 *
 *   const client = await LspTestClient.start();
 *   await client.initialize({ pull: false, settings: { files: ['**\/*.yaml'] } });
 *   client.open(uri, text);
 *   const published = await client.diagnostics(uri, { version: 1 });
 *   const hover = await client.request(HoverRequest.type, { textDocument: { uri }, position });
 *   await client.shutdown();
 *
 * Everything waits on messages, never on fixed sleeps.
 */
import * as assert from 'node:assert/strict';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DiagnosticRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidChangeWorkspaceFoldersNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  LogMessageNotification,
  LogTraceNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  UnregistrationRequest,
  WorkDoneProgressCreateRequest,
  type ClientCapabilities,
  type DocumentDiagnosticReport,
  type FileEvent,
  type InitializeResult,
  type LogMessageParams,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type Registration,
  type RequestType,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { TimelineRequest, type TimelineModel } from '../../common/protocol';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const SERVER_BUNDLE = path.join(REPO_ROOT, 'dist/server/server.js');

/** How long a wait may take before it fails with a readable message (far above any real wait). */
const WAIT_LIMIT_MS = 30_000;

export interface InitializeOptions {
  /** Declare pull diagnostics (`textDocument.diagnostic`) and diagnostic refresh support. */
  readonly pull?: boolean;
  /** Declare `workspace.configuration`: the server then asks for settings (answered from `settings`). */
  readonly configuration?: boolean;
  /** The `incidentTimeline` section. */
  readonly settings?: Record<string, unknown>;
  /** Sent as initializationOptions (e.g. `{ incidentTimeline: {...} }` for clients without workspace/configuration). */
  readonly initializationOptions?: unknown;
  /** Workspace folders (file system paths). */
  readonly workspaceFolders?: readonly string[];
  /** Declare dynamic registration of watched files (the server then registers its own watchers). */
  readonly watchedFilesRegistration?: boolean;
  readonly locale?: string;
  /** The server's trace level: with 'messages' or 'verbose' it sends $/logTrace (see `traces`). */
  readonly trace?: 'off' | 'messages' | 'verbose';
  /** Merged into the declared client capabilities (e.g. completion snippet support). */
  readonly capabilities?: ClientCapabilities;
}

type DiagnosticsFilter = { readonly version?: number } | ((params: PublishDiagnosticsParams) => boolean);

interface Waiter {
  readonly uri: string;
  readonly accept: (params: PublishDiagnosticsParams) => boolean;
  readonly resolve: (params: PublishDiagnosticsParams) => void;
}

export function fileUri(filePath: string): string {
  return pathToFileURL(filePath).href;
}

export class LspTestClient {
  /** Every publishDiagnostics received, in order. */
  readonly published: PublishDiagnosticsParams[] = [];
  /** window/logMessage messages (errors the server logged, among others). */
  readonly logs: LogMessageParams[] = [];
  /** $/logTrace messages, in order (sent when initialized with a trace level). */
  readonly traces: string[] = [];
  /** Registrations the server asked for (client/registerCapability). */
  readonly registrations: Registration[] = [];
  /** How many workspace/diagnostic/refresh requests the server sent. */
  refreshCount = 0;
  /** The `incidentTimeline` section answered to workspace/configuration; change it with `changeSettings`. */
  settings: Record<string, unknown> = {};
  initializeResult: InitializeResult | undefined;

  private readonly waiters: Waiter[] = [];
  private readonly refreshWaiters: (() => void)[] = [];
  private readonly traceWaiters: { readonly accept: (message: string) => boolean; readonly resolve: (message: string) => void }[] = [];
  private readonly versions = new Map<string, number>();
  private stderr = '';
  private exited: Promise<number | null>;

  private constructor(readonly process: ChildProcess, readonly connection: ProtocolConnection) {
    this.exited = new Promise((resolve) => process.once('exit', (code) => resolve(code)));
    process.stderr?.on('data', (chunk: Buffer) => { this.stderr += chunk.toString(); });
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && waiter.accept(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    connection.onNotification(LogMessageNotification.type, (params) => { this.logs.push(params); });
    connection.onNotification(LogTraceNotification.type, (params) => {
      this.traces.push(params.message);
      for (const waiter of [...this.traceWaiters]) {
        if (waiter.accept(params.message)) {
          this.traceWaiters.splice(this.traceWaiters.indexOf(waiter), 1);
          waiter.resolve(params.message);
        }
      }
    });
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) =>
      item.section === 'incidentTimeline' ? this.settings : item.section ? this.settings[item.section.replace(/^incidentTimeline\./, '')] ?? null : { incidentTimeline: this.settings }));
    connection.onRequest(RegistrationRequest.type, (params) => { this.registrations.push(...params.registrations); });
    connection.onRequest(UnregistrationRequest.type, () => undefined);
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    connection.onRequest(DiagnosticRefreshRequest.type, () => {
      this.refreshCount++;
      for (const resolve of this.refreshWaiters.splice(0)) resolve();
    });
  }

  /**
   * Starts `node dist/server/server.js --stdio` (or `--node-ipc`, as VS Code starts it); fails
   * clearly when the bundle was not built.
   */
  static async start(transport: 'stdio' | 'ipc' = 'stdio'): Promise<LspTestClient> {
    if (!existsSync(SERVER_BUNDLE)) {
      throw new Error(`The bundled server ${SERVER_BUNDLE} is missing: run \`npm run build\` first (\`npm test\` does).`);
    }
    let child: ChildProcess;
    let connection: ProtocolConnection;
    if (transport === 'ipc') {
      child = fork(SERVER_BUNDLE, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
      connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    } else {
      child = spawn(process.execPath, [SERVER_BUNDLE, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
      connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    }
    const client = new LspTestClient(child, connection);
    connection.listen();
    return client;
  }

  /** initialize + initialized, declaring what an editor like VS Code (pull) or Neovim (push) declares. */
  async initialize(options: InitializeOptions = {}): Promise<InitializeResult> {
    this.settings = { ...(options.settings ?? {}) };
    const capabilities: ClientCapabilities = {
      ...options.capabilities,
      textDocument: {
        synchronization: { dynamicRegistration: false, didSave: false },
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        ...(options.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
        ...options.capabilities?.textDocument,
      },
      workspace: {
        configuration: options.configuration ?? false,
        didChangeConfiguration: { dynamicRegistration: options.configuration ?? false },
        didChangeWatchedFiles: { dynamicRegistration: options.watchedFilesRegistration ?? false },
        workspaceFolders: options.workspaceFolders !== undefined,
        ...(options.pull ? { diagnostics: { refreshSupport: true } } : {}),
        ...options.capabilities?.workspace,
      },
    };
    const folders = options.workspaceFolders?.map((folder) => ({ uri: fileUri(folder), name: path.basename(folder) })) ?? null;
    this.initializeResult = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folders?.[0]?.uri ?? null,
      workspaceFolders: folders,
      capabilities,
      initializationOptions: options.initializationOptions,
      locale: options.locale,
      ...(options.trace ? { trace: options.trace } : {}),
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return this.initializeResult;
  }

  open(uri: string, text: string, version = 1, languageId = 'yaml'): void {
    this.versions.set(uri, version);
    void this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  /** Incremental changes; returns the new version. */
  change(uri: string, changes: TextDocumentContentChangeEvent[], version = (this.versions.get(uri) ?? 0) + 1): number {
    this.versions.set(uri, version);
    void this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /** One incremental edit: replace `range` with `text`. Returns the new version. */
  edit(uri: string, range: Range, text: string): number {
    return this.change(uri, [{ range, text }]);
  }

  close(uri: string): void {
    this.versions.delete(uri);
    void this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /**
   * The diagnostics published for a uri that match: `{version}` (that exact version) or a
   * predicate. Resolves at once with the latest publish for the uri when it already matches,
   * otherwise with the next one that does.
   */
  diagnostics(uri: string, filter: DiagnosticsFilter = {}): Promise<PublishDiagnosticsParams> {
    const accept = typeof filter === 'function' ? filter : (params: PublishDiagnosticsParams) => filter.version === undefined || params.version === filter.version;
    const latest = [...this.published].reverse().find((params) => params.uri === uri);
    if (latest && accept(latest)) return Promise.resolve(latest);
    return this.within(`diagnostics of ${uri} matching ${typeof filter === 'function' ? filter.toString() : JSON.stringify(filter)}`,
      new Promise((resolve) => this.waiters.push({ uri, accept, resolve })));
  }

  /** The next publish for the uri (not one already received). */
  nextDiagnostics(uri: string, accept: (params: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    return this.within(`the next diagnostics of ${uri}`, new Promise((resolve) => this.waiters.push({ uri, accept, resolve })));
  }

  /** Pull diagnostics (textDocument/diagnostic). */
  pull(uri: string): Promise<DocumentDiagnosticReport> {
    return this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
  }

  /** Resolves when the server sends workspace/diagnostic/refresh (after `since` refreshes). */
  refreshed(since = this.refreshCount): Promise<void> {
    if (this.refreshCount > since) return Promise.resolve();
    return this.within('workspace/diagnostic/refresh', new Promise((resolve) => this.refreshWaiters.push(resolve)));
  }

  /** The first trace from `since` on (an index into `traces`) that matches, received or still to come. */
  traced(pattern: RegExp, since = 0): Promise<string> {
    const received = this.traces.slice(since).find((message) => pattern.test(message));
    if (received !== undefined) return Promise.resolve(received);
    return this.within(`a trace matching ${pattern}`, new Promise((resolve) => this.traceWaiters.push({ accept: (message) => pattern.test(message), resolve })));
  }

  /** New settings: answered to the next workspace/configuration, and announced with didChangeConfiguration. */
  changeSettings(settings: Record<string, unknown>): void {
    this.settings = { ...settings };
    void this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { incidentTimeline: this.settings } });
  }

  watchedFilesChanged(changes: FileEvent[]): void {
    void this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  /** workspace/didChangeWorkspaceFolders (file system paths). */
  changeWorkspaceFolders(added: readonly string[], removed: readonly string[] = []): void {
    const folder = (p: string) => ({ uri: fileUri(p), name: path.basename(p) });
    void this.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added: added.map(folder), removed: removed.map(folder) } });
  }

  timeline(uri: string): Promise<TimelineModel | null> {
    return this.connection.sendRequest(TimelineRequest.type, { uri });
  }

  /** Any request, for feature tests (hover, completion, code actions, …). */
  request<P, R, E>(type: RequestType<P, R, E>, params: P): Promise<R> {
    return this.connection.sendRequest(type, params);
  }

  /** Whatever the server wrote on stderr (for failure messages). */
  get errorOutput(): string {
    return this.stderr;
  }

  /** True while the server process runs. */
  get alive(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  /** shutdown + exit, then waits for the process to end; returns its exit code. */
  async shutdown(): Promise<number | null> {
    if (this.alive) {
      try {
        await this.within('shutdown', this.connection.sendRequest(ShutdownRequest.type));
        await this.connection.sendNotification(ExitNotification.type);
      } catch {
        this.process.kill();
      }
    }
    const code = await this.within('server exit', this.exited).catch(() => {
      this.process.kill('SIGKILL');
      return null;
    });
    this.connection.dispose();
    return code;
  }

  /** Fails a wait that can no longer succeed with a message that says what was awaited. */
  private within<T>(what: string, promise: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Waited ${WAIT_LIMIT_MS / 1000} s for ${what}; ` +
        `server ${this.alive ? 'alive' : 'exited'}; stderr: ${this.stderr.slice(-2000)}; ` +
        `logs: ${this.logs.map((l) => l.message).join(' | ').slice(-2000)}`)), WAIT_LIMIT_MS);
    });
    return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
  }
}

/**
 * Registers a suite's hooks: a server started and initialized with `options` before the suite
 * (before each test with `each`), shut down after it with exit code 0. Returns the running client.
 */
export function useLspClient(options: InitializeOptions, { each = false } = {}): () => LspTestClient {
  let client: LspTestClient | undefined;
  (each ? beforeEach : before)(async () => {
    client = await LspTestClient.start();
    await client.initialize(options);
  });
  (each ? afterEach : after)(async () => {
    const running = client!;
    assert.equal(await running.shutdown(), 0, running.errorOutput);
  });
  return () => client!;
}
