/**
 * A document's diagnostics (its own and duplicate-id) and how they reach the client: answered to
 * textDocument/diagnostic (pull, as VS Code does), or validated after a debounce and published
 * (push, for Neovim, Emacs and other clients); refreshes when another file's id changes them.
 */
import { DiagnosticRefreshRequest, type Connection, type Diagnostic, type DocumentDiagnosticReport, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { capDiagnostics, compareDiagnostics, type IncidentDiagnostic, type Span } from '../core';
import { toLspDiagnostic, toRange } from './convert';
import type { DocumentStore } from './documentState';
import type { ServerLog } from './serverLog';
import type { WorkspaceIndex } from './workspaceIndex';

/**
 * After a change whose validation took at most this long (ms), the next change is validated at
 * once, without the debounce: with one validation at a time and changes coalesced meanwhile,
 * only slow ones (full parses of big files) are worth holding back. Generous, because a loaded
 * machine doubles the tens of ms an incremental validation takes.
 */
const QUICK_VALIDATION_MS = 250;

/** What the publisher asks of the server around it. */
export interface PublisherContext {
  /** The client pulls diagnostics (else they are pushed). */
  readonly pull: boolean;
  /** The client accepts workspace/diagnostic/refresh. */
  readonly refreshSupport: boolean;
  /** Milliseconds between a slow document's change and its validation (push). */
  readonly debounce: number;
  /** Most diagnostics per file (`validation.maxProblems`); one more says how many were left out. */
  readonly maxProblems: number;
  /** Resolves once the client's settings are in force: the first diagnostics are already right. */
  readonly settingsLoaded: Promise<void>;
  isIncidentDocument(uri: string): boolean;
  /** A file's name in messages (duplicate-id names the other files). */
  displayName(uri: string): string;
}

export class DiagnosticsPublisher {
  private readonly refreshQueue = new Set<string>();
  private refreshScheduled = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly store: DocumentStore,
    private readonly index: WorkspaceIndex,
    private readonly context: () => PublisherContext,
    private readonly log: ServerLog,
  ) {}

  opened(document: TextDocument): void {
    const { pull } = this.context();
    this.store.state(document.uri).scheduledRevision = this.store.revision(document);
    if (pull) {
      // The client will pull; parsing now puts the document's id in the index for the others.
      this.store.parse(document);
    } else {
      void this.validate(document.uri);
    }
  }

  changed(document: TextDocument): void {
    const { pull, debounce } = this.context();
    if (pull) return;
    const state = this.store.state(document.uri);
    // Also fired on open, right after onDidOpen, for a text that is already being validated. A
    // version number sent twice with other text is a new revision: the latest text wins.
    const revision = this.store.revision(document);
    if (state.scheduledRevision === revision) return;
    state.scheduledRevision = revision;
    // The debounce only holds back validations that are slow (a full parse of a big file). An
    // incremental one (tens of ms on 10,000 events) runs at once, so a keystroke's diagnostics
    // come without waiting the debounce (bench/README.md has the figures). The open's own
    // validation (a first, whole parse) does not count.
    const quick = (state.validationMs ?? 0) <= QUICK_VALIDATION_MS;
    this.scheduleValidation(document.uri, quick ? 0 : debounce);
  }

  /** A document was closed: its diagnostics are cleared on the client and its state dropped. */
  closed(uri: string): void {
    const published = this.store.peek(uri)?.published === true;
    this.store.delete(uri);
    if (!this.context().pull && published) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** textDocument/diagnostic. */
  async pull(uri: string): Promise<DocumentDiagnosticReport> {
    await this.context().settingsLoaded;
    const document = this.documents.get(uri);
    if (!document || !this.context().isIncidentDocument(uri)) return { kind: 'full', items: [] };
    return { kind: 'full', items: this.diagnosticsOf(document) };
  }

  /** Other files' diagnostics changed (an id was added, changed or removed). */
  refreshOthers(uris: readonly string[]): void {
    if (uris.length === 0) return;
    for (const uri of uris) this.refreshQueue.add(uri);
    this.scheduleRefresh();
  }

  /** Every open document's diagnostics may have changed (settings, the scan). */
  refreshAll(): void {
    for (const document of this.documents.all()) this.refreshQueue.add(document.uri);
    for (const [uri, state] of this.store.entries()) if (state.published) this.refreshQueue.add(uri);
    this.scheduleRefresh();
  }

  /** THE validate path: a document's diagnostics (its own and duplicate-id), as LSP diagnostics. */
  private diagnosticsOf(document: TextDocument): Diagnostic[] {
    const parsed = this.store.parse(document);
    const duplicates = this.index.duplicatesOf(document.uri, (uri) => this.context().displayName(uri));
    const found: readonly IncidentDiagnostic[] = duplicates.length > 0 ? [...parsed.diagnostics, ...duplicates].sort(compareDiagnostics) : parsed.diagnostics;
    const all = capDiagnostics(found, this.context().maxProblems, parsed.lineIndex).diagnostics;
    const locate = (uri: string, span: Span) => {
      const otherParse = this.documents.get(uri) && this.store.indexedParse(uri);
      return otherParse ? toRange(otherParse.lineIndex, span) : this.index.locate(uri, span);
    };
    return all.map((diagnostic) => toLspDiagnostic(document.uri, parsed.lineIndex, diagnostic, locate));
  }

  private scheduleValidation(uri: string, delay: number): void {
    const state = this.store.state(uri);
    if (state.pendingValidation) clearTimeout(state.pendingValidation);
    state.pendingValidation = setTimeout(() => {
      state.pendingValidation = undefined;
      void this.validate(uri, true);
    }, delay);
  }

  /** Push mode: validates the current version and publishes, unless a newer run or a close overtook it. */
  private async validate(uri: string, afterChange = false): Promise<void> {
    const state = this.store.state(uri);
    const run = ++state.validationRun;
    try {
      await this.context().settingsLoaded;
      const document = this.documents.get(uri);
      // A close dropped the state (the store's object is a new one) or a newer run started.
      if (!document || this.store.peek(uri) !== state || state.validationRun !== run) return;
      if (!this.context().isIncidentDocument(uri)) {
        if (state.published) {
          state.published = false;
          await this.connection.sendDiagnostics({ uri, diagnostics: [] });
        }
        return;
      }
      const revision = this.store.revision(document);
      state.scheduledRevision = revision;
      const version = document.version;
      const started = performance.now();
      const diagnostics = this.diagnosticsOf(document);
      if (afterChange) state.validationMs = performance.now() - started;
      // Stale results are dropped: the document moved on, closed, or a newer validation started.
      const current = this.documents.get(uri);
      if (state.validationRun !== run || !current || this.store.revision(current) !== revision) return;
      const fingerprint = `${version}\n${JSON.stringify(diagnostics)}`;
      if (state.published && state.lastPublished === fingerprint) return;
      state.published = true;
      state.lastPublished = fingerprint;
      await this.connection.sendDiagnostics({ uri, version, diagnostics });
    } catch (error) {
      this.log.error('validate', error);
    }
  }

  /** Coalesces refreshes of one turn: one re-validation per document, one refresh request. */
  private scheduleRefresh(): void {
    if (this.refreshScheduled) return;
    this.refreshScheduled = true;
    setImmediate(() => {
      this.refreshScheduled = false;
      const uris = [...this.refreshQueue];
      this.refreshQueue.clear();
      const { pull, refreshSupport } = this.context();
      if (pull) {
        if (refreshSupport) {
          // Sent directly: languages.diagnostics.refresh() drops the promise, and a client's error became an unhandled rejection.
          this.connection.sendRequest(DiagnosticRefreshRequest.type).catch((error: unknown) => this.log.error('workspace/diagnostic/refresh', error));
        }
        return;
      }
      for (const uri of uris) {
        if (this.documents.get(uri) || this.store.peek(uri)?.published) void this.validate(uri);
      }
    });
  }
}
