/**
 * Which files are incident files by name, and the one walk of folders that finds them: used by
 * `check` for the folders on the command line and by the language server's workspace scan
 * (lsp/workspaceIndex). Breadth first, skipping node_modules and .git, never following symbolic
 * links to folders (no cycles); bounded and cancellable for a server in a huge monorepo.
 */
import { promises as fs, type Dirent } from 'node:fs';
import * as path from 'node:path';

/** The one definition of the incident file name: *.incident.yaml or *.incident.yml, in any case. */
const INCIDENT_FILE_ENDINGS = ['.incident.yaml', '.incident.yml'];

/** True for a file name (or path) of an incident file. */
export function isIncidentFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return INCIDENT_FILE_ENDINGS.some((ending) => lower.endsWith(ending));
}

/** The same names as globs, for file watchers. */
export const INCIDENT_FILE_GLOBS: readonly string[] = INCIDENT_FILE_ENDINGS.map((ending) => `**/*${ending}`);

/** Folders never searched: dependencies and version control. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export interface WalkLimits {
  /** The walk stops once it has found this many files. */
  readonly maxFiles: number;
  /** …or read this many folders. */
  readonly maxDirectories: number;
}

export interface WalkOptions {
  /** Which files to take, by path (default: incident file names). */
  readonly matches?: (filePath: string) => boolean;
  readonly limits?: WalkLimits;
  /** Polled between folders; the walk ends early with what it found. */
  readonly cancelled?: () => boolean;
  /** Take symbolic links to files too (the CLI checks a link the user made like a file). */
  readonly fileLinks?: boolean;
  /** Told of each folder that cannot be read (default: skipped silently). */
  readonly unreadable?: (folder: string, error: unknown) => void;
}

const NO_LIMITS: WalkLimits = { maxFiles: Infinity, maxDirectories: Infinity };

/** The files under the folders that match, breadth first, in the order the folders list them. */
export async function walkIncidentFiles(folders: readonly string[], options: WalkOptions = {}): Promise<string[]> {
  const { matches = isIncidentFileName, limits = NO_LIMITS, cancelled = () => false, fileLinks = false, unreadable } = options;
  const found: string[] = [];
  const queue = [...folders];
  let directories = 0;
  while (queue.length > 0 && found.length < limits.maxFiles && directories < limits.maxDirectories) {
    if (cancelled()) return found;
    const directory = queue.shift()!;
    directories++;
    let children: Dirent[];
    try {
      children = await fs.readdir(directory, { withFileTypes: true });
    } catch (error) {
      unreadable?.(directory, error);
      continue;
    }
    for (const child of children) {
      const childPath = path.join(directory, child.name);
      if (child.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(child.name)) queue.push(childPath);
      } else if (matches(childPath) && (child.isFile() || (fileLinks && child.isSymbolicLink() && await isFile(childPath)))) {
        found.push(childPath);
        if (found.length >= limits.maxFiles) break;
      }
    }
  }
  return found;
}

async function isFile(filePath: string): Promise<boolean> {
  try {
    return (await fs.stat(filePath)).isFile();
  } catch {
    return false;
  }
}
