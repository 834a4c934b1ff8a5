/**
 * The Incident Timeline language server: a thin adapter around the pure core. Works with any
 * LSP client over --stdio, node IPC or sockets (ProposedFeatures.all picks what the process
 * was started with). Documents, settings, diagnostics and the workspace index live in
 * IncidentLanguageServer; each feature is registered below with one line.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { IncidentLanguageServer } from './lsp/languageServer';
import { TimelineRequest } from './protocol';
import { toTimelineModel } from './timelineModel';

const connection = createConnection(ProposedFeatures.all);
const server = new IncidentLanguageServer(connection);

// A bug must not take the server down: log it and keep serving.
process.on('uncaughtException', (error) => server.logError('uncaught exception', error));
process.on('unhandledRejection', (reason) => server.logError('unhandled rejection', reason));

// Custom requests (server/src/protocol.ts).
connection.onRequest(TimelineRequest.type, server.handle('incident/timeline', null, (_params, document) => toTimelineModel(document.uri, document.version, document.parsed)));

// Editing help (server/src/features/): one capability and one handler line each.

server.listen();
