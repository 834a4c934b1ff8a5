/**
 * Which documents are incident files. Other LSP clients (Neovim, Emacs) send every YAML file to
 * the server, so the server decides itself: *.incident.yaml / *.incident.yml, plus the glob
 * patterns of `incidentTimeline.files`, matched against the path inside each workspace folder
 * and against the whole path (as VS Code's document selectors do).
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Minimatch } from 'minimatch';
import { isIncidentFileName } from '../cli/fileWalker';

/** The file system path of a file: URI, or undefined for other schemes or malformed URIs. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** A path with forward slashes, as glob patterns are written. */
function slashes(p: string): string {
  return p.replace(/\\/g, '/');
}

/** The path part of a URI (decoded), for matching untitled: and other non-file documents. */
function uriPath(uri: string): string {
  const filePath = uriToPath(uri);
  if (filePath !== undefined) return slashes(filePath);
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return uri;
  }
}

export class IncidentFileMatcher {
  private readonly patterns: readonly Minimatch[];
  private readonly folders: readonly string[];

  /**
   * @param patterns the `incidentTimeline.files` globs
   * @param folders workspace folder paths (file system), for patterns relative to a folder
   */
  constructor(patterns: readonly string[], folders: readonly string[]) {
    const nocase = process.platform === 'win32' || process.platform === 'darwin';
    this.patterns = patterns.map((pattern) => new Minimatch(slashes(pattern.trim()).replace(/^\.\//, ''), {
      dot: true,
      nocase,
      // A bare name such as `*.timeline.yaml` matches in any folder, as in files.associations.
      matchBase: !pattern.includes('/'),
    }));
    this.folders = folders.map((folder) => slashes(folder).replace(/\/+$/, ''));
  }

  /** True for an incident file given by its file system path. */
  matchesPath(filePath: string): boolean {
    const candidate = slashes(filePath);
    if (isIncidentFileName(candidate)) return true;
    if (this.patterns.length === 0) return false;
    const candidates = [candidate];
    for (const folder of this.folders) {
      if (candidate.startsWith(folder + '/')) candidates.push(candidate.slice(folder.length + 1));
    }
    return this.patterns.some((pattern) => candidates.some((c) => pattern.match(c)));
  }

  /** True for an incident document given by its URI (any scheme). */
  matchesUri(uri: string): boolean {
    return this.matchesPath(uriPath(uri));
  }

  /** True when some pattern could match files with other names than *.incident.y(a)ml. */
  get hasPatterns(): boolean {
    return this.patterns.length > 0;
  }
}

/** A short name of a file for messages: its path inside a workspace folder, else its path. */
export function displayPath(uri: string, folders: readonly string[]): string {
  const filePath = uriToPath(uri);
  if (filePath === undefined) return uri;
  for (const folder of folders) {
    const relative = path.relative(folder, filePath);
    if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) return slashes(relative);
  }
  return filePath;
}
