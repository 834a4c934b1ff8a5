/**
 * What the server keeps per open document, in one object: the parse the workspace index last took
 * its id from, and how its push diagnostics stand. DocumentStore owns these objects, the one
 * ParseCache and the open layer of the workspace index, so every parse of an open document (for
 * diagnostics, features or the preview) goes through `parse`: once per text.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ParseCache, type ParsedIncident } from '../core';
import type { ServerLog } from './serverLog';
import type { WorkspaceIndex } from './workspaceIndex';

export class DocumentState {
  /**
   * Counts the texts the document has had; the parse is keyed by it, not by the client's version
   * number, because a client may send one version twice with different text (the latest wins).
   */
  private revisionCount = 0;
  private lastText: string | undefined;
  /** The parse the workspace index last took this document's id from, so it changes once per text. */
  indexedParse: ParsedIncident | undefined;
  /** Push: the debounce timer of the next validation. */
  pendingValidation: NodeJS.Timeout | undefined;
  /** Push: counts validations; one publishes only if no newer one started meanwhile. */
  validationRun = 0;
  /** Push: how long the last validation after a change took (ms); quick ones skip the debounce. */
  validationMs: number | undefined;
  /** Push: the revision last scheduled, to skip the change event that repeats an open. */
  scheduledRevision: number | undefined;
  /** Push: the client shows diagnostics of ours for this document (until they are cleared). */
  published = false;
  /** Push: what was last published, to skip publishing the same diagnostics twice. */
  lastPublished: string | undefined;

  /**
   * The revision of the document's current text. Comparing with the last text seen is cheap: the
   * same string is the same object, and an edit that changes the length differs at once.
   */
  revision(text: string): number {
    if (text !== this.lastText) {
      this.lastText = text;
      this.revisionCount++;
    }
    return this.revisionCount;
  }

  /** Stops pending work and forgets the parse; `published` stays: the client still shows them. */
  reset(): void {
    if (this.pendingValidation) clearTimeout(this.pendingValidation);
    this.pendingValidation = undefined;
    // A validation in flight sees a newer run and drops its result.
    this.validationRun++;
    this.validationMs = undefined;
    this.scheduledRevision = undefined;
    this.lastPublished = undefined;
    this.indexedParse = undefined;
  }
}

export class DocumentStore {
  private readonly states = new Map<string, DocumentState>();
  private readonly cache: ParseCache;

  /**
   * @param indexChanged told which other files' duplicate-id may have changed with a parse
   * @param log where each parse is traced (and where the parse cache reports what it swallows)
   */
  constructor(
    private readonly index: WorkspaceIndex,
    private readonly indexChanged: (uris: readonly string[]) => void,
    private readonly log: ServerLog,
    maxLength: number,
  ) {
    // What the incremental parser swallows (it falls back to a full parse) still reaches the output channel.
    this.cache = new ParseCache({ maxLength, logger: { error: (message) => log.error('incremental parse', message) } });
  }

  /** The state of a document, made on first use. */
  state(uri: string): DocumentState {
    let state = this.states.get(uri);
    if (!state) {
      state = new DocumentState();
      this.states.set(uri, state);
    }
    return state;
  }

  peek(uri: string): DocumentState | undefined {
    return this.states.get(uri);
  }

  /** Every document with state: the open ones, and closed ones whose diagnostics are not cleared yet. */
  entries(): IterableIterator<[string, DocumentState]> {
    return this.states.entries();
  }

  /** A new length limit: every document is parsed again. */
  setMaxLength(maxLength: number): void {
    this.cache.setOptions({ maxLength });
    for (const state of this.states.values()) state.indexedParse = undefined;
  }

  /** The revision of a document's current text (see DocumentState.revision). */
  revision(document: TextDocument): number {
    return this.state(document.uri).revision(document.getText());
  }

  /**
   * The one parse of a document's text; the first time a text is seen its id goes into the
   * workspace index, and files whose duplicate-id changes with it are refreshed.
   */
  parse(document: TextDocument): ParsedIncident {
    const state = this.state(document.uri);
    const text = document.getText();
    const before = this.cache.peek(document.uri);
    const parsed = this.cache.get(document.uri, state.revision(text), () => text);
    if (parsed !== before) this.traceParse(document);
    if (state.indexedParse !== parsed) {
      state.indexedParse = parsed;
      this.indexChanged(this.index.setOpen(document.uri, parsed));
    }
    return parsed;
  }

  /** Says how much of the text a parse read again: a keystroke should re-read one timeline item. */
  private traceParse(document: TextDocument): void {
    const path = this.cache.lastPath(document.uri);
    const how = path?.kind === 'incremental'
      ? `incremental, ${path.parsedItems} of ${path.parsedItems + path.reusedItems} timeline items parsed`
      : `whole text (${path?.reason ?? 'unknown'})`;
    this.log.trace(`parse ${document.uri} version ${document.version}: ${how}`);
  }

  /** The parse an open document was last indexed with (for places in other open documents). */
  indexedParse(uri: string): ParsedIncident | undefined {
    return this.states.get(uri)?.indexedParse;
  }

  /** Drops what was kept for an open document (closed, or no longer an incident file); its file on disk counts again. */
  forget(uri: string): void {
    this.states.get(uri)?.reset();
    this.cache.delete(uri);
    this.indexChanged(this.index.removeOpen(uri));
  }

  /** Drops the document's state altogether (after a close, once its diagnostics are cleared). */
  delete(uri: string): void {
    this.forget(uri);
    this.states.delete(uri);
  }

  /** Stops every pending validation (shutdown). */
  dispose(): void {
    for (const state of this.states.values()) {
      if (state.pendingValidation) clearTimeout(state.pendingValidation);
      state.pendingValidation = undefined;
    }
  }
}
