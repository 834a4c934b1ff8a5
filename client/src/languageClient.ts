/**
 * Starts the bundled language server (dist/server/server.js) over Node IPC and keeps the client in
 * step with the settings. The server does all the checking; the client only says which documents
 * are incident files and forwards settings.
 */
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { IncidentTimelineSettings, InitializationOptions } from '../../common/protocol';
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

export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.OutputChannel): LanguageClient {
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
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}

/**
 * Restarts the server with the document selector of the current settings. The selector is read
 * when the client starts, so a change of `incidentTimeline.files` needs a restart to take effect.
 */
export function restartLanguageClient(client: LanguageClient): Promise<void> {
  // One restart at a time: a settings change and the command may ask at once, and a stop that
  // overlaps a start leaves the client in a broken state.
  const restart = async (): Promise<void> => {
    // A start in progress (the first one, at activation) finishes first; its failure is reported
    // by the client and must not stop this new attempt.
    if (client.state === State.Starting) await client.start().catch(() => undefined);
    client.clientOptions.documentSelector = incidentDocumentSelector(currentSettings().files);
    if (client.isRunning()) {
      await client.restart();
    } else {
      await client.start();
    }
  };
  const queued = (pendingRestarts.get(client) ?? Promise.resolve()).then(restart, restart);
  pendingRestarts.set(client, queued);
  return queued;
}

const pendingRestarts = new WeakMap<LanguageClient, Promise<void>>();

/** Restarts the client when a setting that shapes the selector changes. */
export function restartOnSelectorChange(client: LanguageClient, onError: (error: unknown) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration(`${SETTINGS_SECTION}.files`)) {
      restartLanguageClient(client).catch(onError);
    }
  });
}
