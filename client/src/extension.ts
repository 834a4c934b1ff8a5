/**
 * Activation: the output channel, the language client, the commands. The server does the checking;
 * the preview (client/src/preview/) hooks in through the API object built here.
 */
import * as vscode from 'vscode';
import type { IncidentTimelineApi } from './api';
import { CLIENT_NAME, createLanguageClient, restartLanguageClient, restartOnSelectorChange, type IncidentLanguageClient } from './languageClient';
import { restartAtUserRequest } from './serverRestart';
import { registerPreview } from './preview/registerPreview';
import { registerIncidentCommands } from './incidentCommands';
import { registerImport } from './import/registerImport';

export type { IncidentTimelineApi } from './api';

let languageClient: IncidentLanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): IncidentTimelineApi {
  const outputChannel = vscode.window.createOutputChannel(CLIENT_NAME);
  context.subscriptions.push(outputChannel);
  const logError = (error: unknown): void => {
    outputChannel.appendLine(`[error] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  };

  const client = createLanguageClient(context, outputChannel);
  languageClient = client;

  // Not awaited: activation returns at once, and whoever needs the server awaits `ready`. A failed
  // start is already reported by the client itself (a notification with "Go to output").
  const ready = client.start().then(() => client);
  ready.catch(logError);

  context.subscriptions.push(
    restartOnSelectorChange(client, logError),
    vscode.commands.registerCommand('incidentTimeline.restartServer', () => restartAtUserRequest(() => restartLanguageClient(client), {
      info: (line) => client.info(line, undefined, false),
      status: (message) => vscode.window.setStatusBarMessage(message, 5000),
      error: logError,
    }, vscode.l10n.t('Incident Timeline: the language server restarted.'))),
  );

  const api: IncidentTimelineApi = { client, ready };

  // Features that need the server register here, one line each, e.g. registerPreview(context, api).
  registerPreview(context, api, logError);
  registerIncidentCommands(context);
  registerImport(context, api, logError);

  return api;
}

export async function deactivate(): Promise<void> {
  // dispose() stops the server (with its shutdown/exit handshake) and frees the client. It rejects
  // when the server never started; there is nothing left to stop then.
  const client = languageClient;
  languageClient = undefined;
  await client?.dispose().catch(() => undefined);
}
