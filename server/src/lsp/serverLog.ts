/**
 * Where the server's parts report: errors go to the client's log (VS Code's output channel);
 * traces go out as `$/logTrace` only while the client has tracing on (`incidentTimeline.trace.server`),
 * so what the server did for a keystroke can be read without a debugger.
 */
import type { Connection } from 'vscode-languageserver';

export interface ServerLog {
  error(where: string, error: unknown): void;
  trace(message: string): void;
}

export function connectionLog(connection: Connection): ServerLog {
  return {
    error(where, error) {
      const detail = error instanceof Error ? error.stack ?? error.message : String(error);
      try {
        connection.console.error(`[${where}] ${detail}`);
      } catch {
        // The connection is gone; nothing left to tell.
      }
    },
    trace(message) {
      try {
        connection.tracer.log(message);
      } catch {
        // As above.
      }
    },
  };
}
