/**
 * Restarting the language server: one restart at a time, what the user is told when they asked
 * for it, and the server's exit on a requested stop logged as what it is (not an error). No
 * runtime `vscode` import, so plain Node tests drive it with a stand-in client.
 */

/** The parts of the language client a restart uses (vscode-languageclient's LanguageClient). */
export interface RestartableClient {
  /** A start is in progress (the first one, at activation). */
  isStarting(): boolean;
  isRunning(): boolean;
  start(): Promise<void>;
  restart(): Promise<void>;
}

const pendingRestarts = new WeakMap<RestartableClient, Promise<void>>();

/**
 * Restarts the server, or starts it when it is stopped, after any restart already asked for: a
 * settings change and the command may ask at once, and a stop that overlaps a start leaves the
 * client broken. `prepare` runs just before (the client reads its options when it starts).
 */
export function queueRestart(client: RestartableClient, prepare: () => void): Promise<void> {
  const restart = async (): Promise<void> => {
    // A start in progress finishes first; its failure is reported by the client and must not
    // stop this new attempt.
    if (client.isStarting()) await client.start().catch(() => undefined);
    prepare();
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

/** Where a restart the user asked for is reported. */
export interface RestartFeedback {
  /** An info line in the output channel. */
  info(line: string): void;
  /** A short translated message in the status bar. */
  status(message: string): void;
  /** The restart failed: an error line in the output channel. */
  error(error: unknown): void;
}

/** The "Restart Language Server" command: restarts, then says so (or logs why it could not). */
export async function restartAtUserRequest(restart: () => Promise<void>, feedback: RestartFeedback, restartedMessage: string): Promise<void> {
  try {
    await restart();
  } catch (error) {
    feedback.error(error);
    return;
  }
  feedback.info("Restarted the language server at the user's request.");
  feedback.status(restartedMessage);
}

/**
 * vscode-languageclient logs every exit of the server process as an error. Ours exits with code 0
 * only after the client's shutdown and exit requests (a restart, a settings change that restarts,
 * closing the window): that line is an info, not an error.
 */
export function isRequestedStopExit(message: string): boolean {
  return message === 'Server process exited with code 0.';
}
