/**
 * What every `incident-timeline` subcommand shares: how it is declared (a row in main.ts's table),
 * where it writes, how it finds and reads incident files. No parsing of incidents here; that is
 * the core's job.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { t } from '../core/l10n';
import { walkIncidentFiles } from './fileWalker';
import { showControls } from './terminalText';

/** Where a subcommand writes and what it may know about its surroundings. */
export interface CommandContext {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Whether ANSI colours may be used on stdout (a TTY without NO_COLOR). */
  readonly color: boolean;
}

/** The options of a subcommand, in node:util parseArgs's terms. */
export type CommandOptions = NonNullable<ParseArgsConfig['options']>;

/**
 * A subcommand. `run` gets its parsed options and positional arguments and returns the exit
 * code: 0 clean, 1 problems found, 2 usage or read errors (throw UsageError for those).
 */
export interface Subcommand {
  /** One line for `--help`; a function so it is translated after `--lang` has been read. */
  summary(): string;
  /** The usage line after the program name, e.g. "check [options] [paths...]". */
  readonly usage: string;
  /** Lines describing the options, printed by `<command> --help` (translated when called, like summary). */
  optionHelp(): readonly string[];
  readonly options: CommandOptions;
  run(values: Record<string, string | boolean | undefined>, positionals: string[], context: CommandContext): number | Promise<number>;
}

/** A mistake in how the command was called: printed on stderr, exit code 2. */
/** The command's name, as users type it and as error lines start. */
export const PROGRAM = 'incident-timeline';

export class UsageError extends Error {}

/** One line on stderr, `incident-timeline: message`, with control characters from paths and values shown escaped. */
export function printError(context: Pick<CommandContext, 'stderr'>, message: string): void {
  context.stderr(`${PROGRAM}: ${showControls(message)}\n`);
}

/** One file to check, with the name to show for it (as the user wrote the path, or below it). */
export interface IncidentPath {
  readonly absolute: string;
  readonly display: string;
}

export interface FoundIncidentFiles {
  readonly files: IncidentPath[];
  /** Paths that could not be read, with why; the caller reports them and exits 2. */
  readonly unreadable: { readonly path: string; readonly reason: string }[];
  /** Folders given on the command line that hold no incident file. */
  readonly emptyFolders: string[];
}

/**
 * Files named on the command line are taken as they are; folders are searched recursively for
 * *.incident.yaml / *.incident.yml (skipping node_modules and .git; symbolic links to files are
 * checked, links to folders not followed) by the walker the language server's scan uses too.
 * The result is in a stable order and holds each file once.
 */
export async function findIncidentFiles(paths: readonly string[], cwd: string): Promise<FoundIncidentFiles> {
  const files: IncidentPath[] = [];
  const unreadable: { path: string; reason: string }[] = [];
  const emptyFolders: string[] = [];
  const seen = new Set<string>();
  const add = (absolute: string, display: string) => {
    if (seen.has(absolute)) return;
    seen.add(absolute);
    files.push({ absolute, display });
  };
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch (error) {
      unreadable.push({ path: given, reason: describeFsError(error) });
      continue;
    }
    if (stat.isDirectory()) {
      // Below a folder, files are shown by the path the user gave followed by their place in it.
      const shown = (inside: string) => {
        const relative = path.relative(absolute, inside);
        return relative ? path.join(given, relative) : given;
      };
      const folderUnreadable: { path: string; reason: string }[] = [];
      const found = (await walkIncidentFiles([absolute], {
        fileLinks: true,
        unreadable: (folder, error) => folderUnreadable.push({ path: shown(folder), reason: describeFsError(error) }),
      })).map((file) => ({ absolute: file, display: shown(file) }));
      found.sort((a, b) => compareText(a.display, b.display));
      folderUnreadable.sort((a, b) => compareText(a.path, b.path));
      unreadable.push(...folderUnreadable);
      if (found.length === 0) emptyFolders.push(given);
      for (const file of found) add(file.absolute, file.display);
    } else {
      add(absolute, given);
    }
  }
  return { files, unreadable, emptyFolders };
}

/** Code-unit order, not locale order, so output is the same on every machine. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT': return t('no such file or folder');
    case 'EACCES':
    case 'EPERM': return t('permission denied');
    case 'EISDIR': return t('is a folder');
    case 'EPIPE': return t('the pipe was closed');
    case 'ENOSPC': return t('no space left on the device');
    default: return error instanceof Error ? error.message : String(error);
  }
}

/** ANSI styles, or plain text when colour is off. */
export function styles(color: boolean) {
  const wrap = (open: number, close: number) => (text: string) => (color ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return { red: wrap(31, 39), yellow: wrap(33, 39), blue: wrap(34, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
}
