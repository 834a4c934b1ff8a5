/**
 * What `activate()` returns: the one handle other parts of the extension (the preview, commands)
 * and the VS Code tests use to reach the language server.
 */
import type { LanguageClient } from 'vscode-languageclient/node';

export interface IncidentTimelineApi {
  /**
   * The language client. It stays the same object for the whole session: a restart (the command,
   * or a change of `incidentTimeline.files`) stops and starts this client rather than replacing it.
   */
  readonly client: LanguageClient;
  /**
   * Resolves with the client once the server has answered `initialize` (the first start). Rejects
   * if the server cannot start; the output channel then says why. Use it before sending requests.
   */
  readonly ready: Promise<LanguageClient>;
}
