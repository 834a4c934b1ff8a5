/**
 * Starts the bundled language server (dist/server/server.js) over Node IPC and keeps the client in
 * step with the settings. The server does all the checking; the client only says which documents
 * are incident files and forwards settings.
 */
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { IncidentTimelineSettings, InitializationOptions } from '../../common/protocol';
import { isRequestedStopExit, queueRestart, type RestartableClient } from './serverRestart';
import { SETTINGS_SECTION, incidentDocumentSelector, readSettings } from './settings';

/** The settings of this moment (the user's, the workspace's and the folder's, merged by VS Code). */
function currentSettings(): IncidentTimelineSettings {
  return readSettings(vscode.workspace.getConfiguration(SETTINGS_SECTION));
}

/** The id is also the settings prefix: the client reads `incidentTimeline.trace.server` by itself. */
export const CLIENT_ID = 'incidentTimeline';
export const CLIENT_NAME = 'Incident Timeline';
/** The port "Attach to Server" in .vscode/launch.json expects when the extension runs under F5. */
export const SERVER_DEBUG_PORT = 6009;

/** The client, restartable one restart at a time, with the server's exit after a requested stop logged as info rather than error. */
export class IncidentLanguageClient extends LanguageClient implements RestartableClient {
  isStarting(): boolean {
    return this.state === State.Starting;
  }

  override error(message: string, data?: unknown, showNotification: boolean | 'force' = true): void {
    if (isRequestedStopExit(message)) {
      this.info(message, data, false);
      return;
    }
    super.error(message, data, showNotification);
  }
}

export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.OutputChannel): IncidentLanguageClient {
  const module = context.asAbsolutePath('dist/server/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: {
      module,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', `--inspect=${SERVER_DEBUG_PORT}`] },
    },
  };

  const clientOptions: LanguageClientOptions = {
    documentSelector: incidentDocumentSelector(currentSettings().files),
    outputChannel,
    // No synchronize.fileEvents / configurationSection: the server registers its own file watchers
    // (incident files plus the `files` patterns, renewed when they change) and its own
    // didChangeConfiguration, so static ones here would send every event twice.
    // A function, so each (re)start sends the settings of that moment.
    initializationOptions: (): InitializationOptions => ({ [SETTINGS_SECTION]: currentSettings() }),
  };
  return new IncidentLanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}

/**
 * Restarts the server with the document selector of the current settings. The selector is read
 * when the client starts, so a change of `incidentTimeline.files` needs a restart to take effect.
 */
export function restartLanguageClient(client: IncidentLanguageClient): Promise<void> {
  return queueRestart(client, () => {
    client.clientOptions.documentSelector = incidentDocumentSelector(currentSettings().files);
  });
}

/** Restarts the client when a setting that shapes the selector changes. */
export function restartOnSelectorChange(client: IncidentLanguageClient, onError: (error: unknown) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration(`${SETTINGS_SECTION}.files`)) {
      restartLanguageClient(client).catch(onError);
    }
  });
}
