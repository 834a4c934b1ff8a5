/**
 * The Incident Timeline language server: a thin adapter around the pure core. Works with any
 * LSP client over --stdio, node IPC or sockets (ProposedFeatures.all picks what the process
 * was started with). Documents, settings, diagnostics and the workspace index live in
 * IncidentLanguageServer; each feature is registered below with one line.
 */
import {
  createConnection,
  ProposedFeatures,
  type CodeActionParams,
  type CompletionParams,
  type DocumentSymbolParams,
  type FoldingRangeParams,
  type HoverParams,
  type SelectionRangeParams,
  type WorkspaceSymbolParams,
} from 'vscode-languageserver/node';
import { canCreateFiles, codeActionDisabledSupport, EDITING_CAPABILITIES, lspCodeActions, workspaceIds, lspCompletion, lspDocumentSymbols, lspFoldingRanges, lspHover, lspSelectionRanges, lspWorkspaceSymbols, snippetSupport } from './lsp/features';
import { useLocale } from './features/translations';
import { t } from './core';
import { IncidentLanguageServer } from './lsp/languageServer';
import { ImportRequest, PasteUpdatesRequest, TimelineChangesRequest, TimelineRequest } from '../../common/protocol';
import { importForEditor } from './import/editorImport';
import { lspPasteUpdates } from './lsp/importFeatures';
import { TimelineHistory } from './timelineDiff';
import { toTimelineModel } from './timelineModel';

const connection = createConnection(ProposedFeatures.all);
const server = new IncidentLanguageServer(connection);

// A bug must not take the server down: log it and keep serving.
process.on('uncaughtException', (error) => server.logError('uncaught exception', error));
process.on('unhandledRejection', (reason) => server.logError('unhandled rejection', reason));

// Custom requests (common/protocol.ts).
connection.onRequest(TimelineRequest.type, server.handle('incident/timeline', null, (_params, document) => toTimelineModel(document.uri, document.version, document.parsed)));
const timelineHistory = new TimelineHistory();
connection.onRequest(TimelineChangesRequest.type, server.handle('incident/timelineChanges', null, (params, document) => timelineHistory.answer(params.baseVersion, toTimelineModel(document.uri, document.version, document.parsed))));
connection.onRequest(ImportRequest.type, server.guard('incident/import', (params) => importForEditor(params), { kind: 'error', message: t('The import failed inside the language server; its output channel says why.') }));
connection.onRequest(PasteUpdatesRequest.type, server.handle('incident/pasteUpdates', null, (params, document) => lspPasteUpdates(document, params)));

// Editing help (server/src/features/): one capability and one handler line each.
server.onInitialize((params) => useLocale(params.locale));
Object.assign(server.capabilities, EDITING_CAPABILITIES);
connection.onCodeAction(server.handle('codeAction', [], (params: CodeActionParams, document) => lspCodeActions(document, params, { createFiles: canCreateFiles(server.initialization), disabledSupport: codeActionDisabledSupport(server.initialization), ids: workspaceIds(server.index.entries()) })));
connection.onCompletion(server.handle('completion', [], (params: CompletionParams, document) => lspCompletion(document, params, snippetSupport(server.initialization))));
connection.onHover(server.handle('hover', null, (params: HoverParams, document) => lspHover(document, params, server.settings.extraTimeZones)));
connection.onDocumentSymbol(server.handle('documentSymbol', [], (_params: DocumentSymbolParams, document) => lspDocumentSymbols(document)));
connection.onFoldingRanges(server.handle('foldingRange', [], (_params: FoldingRangeParams, document) => lspFoldingRanges(document)));
connection.onSelectionRanges(server.handle('selectionRange', [], (params: SelectionRangeParams, document) => lspSelectionRanges(document, params)));
connection.onWorkspaceSymbol(server.guard('workspaceSymbol', (params: WorkspaceSymbolParams) => lspWorkspaceSymbols(server.index.entries(), params.query), []));

server.listen();
