/**
 * The editing features as LSP answers: the last step, where the pure modules' offsets become
 * ranges once. server.ts registers each with one line; nothing here holds state.
 */
import {
  CodeActionKind,
  CompletionItemKind,
  FoldingRangeKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  SymbolKind,
  type CodeAction,
  type CodeActionParams,
  type CompletionItem,
  type CompletionParams,
  type Diagnostic,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type HoverParams,
  type InitializeParams,
  type Range,
  type SelectionRange,
  type SelectionRangeParams,
  type ServerCapabilities,
  type SymbolInformation,
} from 'vscode-languageserver';
import { DIAGNOSTIC_SOURCE, type ParsedIncident, type Span } from '../core';
import { toRange } from './convert';
import { ADD_MISSING_TIMES_KIND, codeActions, FIX_ALL_KIND, type DiagnosticRef } from '../features/codeActions';
import { completions, type CompletionKind } from '../features/completion';
import { hover } from '../features/hover';
import { documentSymbols, foldingRanges, selectionRanges, workspaceSymbols, type IncidentSymbol, type IncidentSymbolKind, type NamedIncidentFile } from '../features/symbols';

/** An open document as the server hands it to a feature (IncidentDocument in lsp/languageServer.ts). */
export interface FeatureDocument {
  readonly uri: string;
  readonly parsed: ParsedIncident;
}

/** The capabilities of the editing features, merged into the server's. */
export const EDITING_CAPABILITIES: ServerCapabilities = {
  codeActionProvider: {
    codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, FIX_ALL_KIND, ADD_MISSING_TIMES_KIND],
  },
  completionProvider: { triggerCharacters: [':', ' ', '-'] },
  hoverProvider: true,
  documentSymbolProvider: { label: 'Incident' },
  foldingRangeProvider: true,
  selectionRangeProvider: true,
  workspaceSymbolProvider: true,
};

function spanOf(parsed: ParsedIncident, r: Range): Span {
  return { start: parsed.lineIndex.offsetAt(r.start), end: parsed.lineIndex.offsetAt(r.end) };
}

/** Whether the client applies workspace edits that create files (needed to move a document out). */
export function canCreateFiles(params: InitializeParams | undefined): boolean {
  const edit = params?.capabilities.workspace?.workspaceEdit;
  return edit?.documentChanges === true && (edit.resourceOperations ?? []).includes('create');
}

/** A file: URI's last path segment, decoded. */
function fileNameOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return undefined;
  }
}

/** Whether the client shows code actions greyed out with a reason (LSP 3.16 `disabled`). */
export function codeActionDisabledSupport(params: InitializeParams | undefined): boolean {
  return params?.capabilities.textDocument?.codeAction?.disabledSupport === true;
}

/** What code actions know of the editor and the workspace. */
export interface CodeActionEnvironment {
  readonly now?: number;
  /** The client applies edits that create files (see canCreateFiles). */
  readonly createFiles?: boolean;
  /** The client takes disabled actions (see codeActionDisabledSupport); others never see them. */
  readonly disabledSupport?: boolean;
  /** The ids of the workspace's incident files, for a fresh id on duplicate-id. */
  readonly ids?: Iterable<string>;
}

export function lspCodeActions(document: FeatureDocument, params: CodeActionParams, environment: CodeActionEnvironment = {}): CodeAction[] {
  const { parsed, uri } = document;
  const { now = Date.now(), createFiles = false, disabledSupport = false } = environment;
  const ours = params.context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && typeof d.code === 'string');
  const refs: (DiagnosticRef & { lsp: Diagnostic })[] = ours.map((d) => ({ code: String(d.code), span: spanOf(parsed, d.range), lsp: d }));
  const documentName = createFiles ? fileNameOf(uri) : undefined;
  const takenIds = environment.ids ? new Set(environment.ids) : undefined;
  const actions = codeActions(parsed, spanOf(parsed, params.range), refs, { now, only: params.context.only, documentName, takenIds });
  return actions.filter((action) => disabledSupport || action.disabled === undefined).map((action) => {
    const lsp = action.diagnostic && refs.find((r) => r.code === action.diagnostic!.code && r.span.start === action.diagnostic!.span.start && r.span.end === action.diagnostic!.span.end)?.lsp;
    if (action.disabled !== undefined) {
      const disabled: CodeAction = { title: action.title, kind: action.kind, disabled: { reason: action.disabled } };
      if (lsp) disabled.diagnostics = [lsp];
      return disabled;
    }
    const edits = action.edits.map((e) => ({ range: toRange(parsed.lineIndex, e.span), newText: e.newText }));
    const newFile = action.newFile;
    const newUri = newFile && uri.slice(0, uri.lastIndexOf('/') + 1) + encodeURIComponent(newFile.name);
    const result: CodeAction = {
      title: action.title,
      kind: action.kind,
      edit: newFile && newUri
        ? {
            documentChanges: [
              { kind: 'create', uri: newUri, options: { overwrite: false, ignoreIfExists: false } },
              { textDocument: { uri: newUri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: newFile.text }] },
              { textDocument: { uri, version: null }, edits },
            ],
          }
        : { changes: { [uri]: edits } },
    };
    if (lsp) result.diagnostics = [lsp];
    if (action.isPreferred) result.isPreferred = true;
    return result;
  });
}

const COMPLETION_KINDS: Record<CompletionKind, CompletionItemKind> = {
  key: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  time: CompletionItemKind.Value,
  snippet: CompletionItemKind.Snippet,
};

/** Whether the client takes snippets in completion items. */
export function snippetSupport(params: InitializeParams | undefined): boolean {
  return params?.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
}

export function lspCompletion(document: FeatureDocument, params: CompletionParams, snippets: boolean, now = Date.now()): CompletionItem[] {
  const { parsed } = document;
  return completions(parsed, parsed.lineIndex.offsetAt(params.position), { now, snippets }).map((item) => ({
    label: item.label,
    kind: COMPLETION_KINDS[item.kind],
    detail: item.detail,
    sortText: item.sortText,
    // The editor filters what is typed in the range: a time by its text, anything else by its label.
    filterText: item.kind === 'time' && !item.insertText.includes('\n') ? item.insertText : item.label,
    textEdit: { range: toRange(parsed.lineIndex, item.span), newText: item.insertText },
    insertTextFormat: item.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    // Our texts carry absolute indentation.
    insertTextMode: InsertTextMode.asIs,
  }));
}

export function lspHover(document: FeatureDocument, params: HoverParams, extraTimeZones: readonly string[]): Hover | null {
  const { parsed } = document;
  const result = hover(parsed, parsed.lineIndex.offsetAt(params.position), { extraTimeZones });
  return result ? { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: toRange(parsed.lineIndex, result.span) } : null;
}

const SYMBOL_KINDS: Record<IncidentSymbolKind, SymbolKind> = {
  incident: SymbolKind.Module,
  time: SymbolKind.Field,
  timeline: SymbolKind.Array,
  event: SymbolKind.Event,
  components: SymbolKind.Array,
  component: SymbolKind.EnumMember,
};

export function lspDocumentSymbols(document: FeatureDocument): DocumentSymbol[] {
  const { parsed } = document;
  const convert = (s: IncidentSymbol): DocumentSymbol => ({
    name: s.name || '?',
    detail: s.detail,
    kind: SYMBOL_KINDS[s.kind],
    range: toRange(parsed.lineIndex, s.span),
    selectionRange: toRange(parsed.lineIndex, s.selectionSpan),
    children: s.children.map(convert),
  });
  return documentSymbols(parsed).map(convert);
}

export function lspFoldingRanges(document: FeatureDocument): FoldingRange[] {
  return foldingRanges(document.parsed).map((f) => (f.kind ? { startLine: f.startLine, endLine: f.endLine, kind: FoldingRangeKind.Comment } : { startLine: f.startLine, endLine: f.endLine }));
}

export function lspSelectionRanges(document: FeatureDocument, params: SelectionRangeParams): SelectionRange[] {
  const { parsed } = document;
  return params.positions.map((position) => {
    const chain = selectionRanges(parsed, parsed.lineIndex.offsetAt(position));
    let result: SelectionRange | undefined;
    for (let i = chain.length - 1; i >= 0; i--) result = { range: toRange(parsed.lineIndex, chain[i]), parent: result };
    return result ?? { range: { start: position, end: position } };
  });
}

/** An index entry with the range of its id or title (WorkspaceIndex's IndexedIncident fits). */
export interface RangedIncidentFile extends NamedIncidentFile {
  readonly id?: { readonly value: string; readonly range: Range };
  readonly title?: { readonly value: string; readonly range: Range };
}

export function lspWorkspaceSymbols(files: Iterable<RangedIncidentFile>, query: string): SymbolInformation[] {
  return workspaceSymbols(files, query).map(({ name, file }) => ({
    name,
    kind: SymbolKind.Module,
    location: { uri: file.uri, range: (file.id ?? file.title)!.range },
  }));
}

/** The ids of the index's incident files. */
export function* workspaceIds(files: Iterable<NamedIncidentFile>): Generator<string> {
  for (const file of files) if (file.id) yield file.id.value;
}
