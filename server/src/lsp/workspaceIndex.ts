/**
 * The ids (and titles) of the workspace's incident files, for duplicate-id and workspace symbols.
 * Two layers: what is on disk (scanned at start, kept current by watched-file events) and what
 * is open in the editor; an open document wins over its file on disk. Only the few fields
 * needed are kept, never whole texts, so a large workspace stays small in memory.
 */
import { promises as fs } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Range } from 'vscode-languageserver';
import { duplicateIdDiagnostic, MAX_NAMED_DUPLICATES, parseIncident, type Field, type IdLocation, type IncidentDiagnostic, type ParsedIncident, type Span } from '../core';
import { toRange } from './convert';
import { uriToPath, type IncidentFileMatcher } from './incidentFiles';
import { walkIncidentFiles } from '../cli/fileWalker';

/** A string field of an indexed file, with where it is. */
export interface IndexedField {
  readonly value: string;
  readonly field: Field<string>;
  /** The value's range, for places in files that are not open. */
  readonly range: Range;
}

export interface IndexedIncident {
  readonly uri: string;
  readonly id?: IndexedField;
  readonly title?: IndexedField;
  /** Where the entry comes from: an open document or the file on disk. */
  readonly origin: 'open' | 'disk';
}

/** Bounds of the start-up scan: a huge monorepo must not stall the server. */
export interface ScanLimits {
  readonly maxFiles: number;
  readonly maxDirectories: number;
  /** Files larger than this many bytes are skipped. */
  readonly maxFileBytes: number;
}

export const DEFAULT_SCAN_LIMITS: ScanLimits = { maxFiles: 5_000, maxDirectories: 20_000, maxFileBytes: 4 * 1024 * 1024 };

function indexedField(field: Field<string> | undefined, parsed: ParsedIncident): IndexedField | undefined {
  if (!field) return undefined;
  return { value: field.value, field, range: toRange(parsed.lineIndex, field.entry.valueSpan) };
}

export function indexEntry(uri: string, parsed: ParsedIncident, origin: 'open' | 'disk'): IndexedIncident {
  const incident = parsed.incident;
  return { uri, origin, id: indexedField(incident?.id, parsed), title: indexedField(incident?.title, parsed) };
}

/** The same key for a file whatever its URI spelling (VS Code and Node encode URIs differently). */
function keyOf(uri: string): string {
  return uriToPath(uri) ?? uri;
}

/**
 * Keeps, for each id, the files that use it, updated per changed file: an edit, an open or a
 * file event costs a few map operations however many files share the id (no pass over all files).
 */
export class WorkspaceIndex {
  private readonly disk = new Map<string, IndexedIncident>();
  private readonly open = new Map<string, IndexedIncident>();
  /** The keys of the files using each id, in the order they took it (the first few get named). */
  private readonly byId = new Map<string, Set<string>>();

  /** What is known of a file: its open document, else its file on disk. */
  get(uri: string): IndexedIncident | undefined {
    return this.entry(keyOf(uri));
  }

  /** Every incident file known, each once (open documents win). */
  *entries(): IterableIterator<IndexedIncident> {
    yield* this.open.values();
    for (const [key, entry] of this.disk) if (!this.open.has(key)) yield entry;
  }

  get size(): number {
    let count = this.open.size;
    for (const key of this.disk.keys()) if (!this.open.has(key)) count++;
    return count;
  }

  /** Records an open document's latest parse. Returns the other files whose duplicate-id changed. */
  setOpen(uri: string, parsed: ParsedIncident): string[] {
    return this.change(uri, () => this.open.set(keyOf(uri), indexEntry(uri, parsed, 'open')));
  }

  /** A document was closed: its file on disk (if indexed) counts again. */
  removeOpen(uri: string): string[] {
    return this.change(uri, () => this.open.delete(keyOf(uri)));
  }

  /** Records a file read from disk (parsed), or forgets it (undefined: deleted or no longer an incident file). */
  setDisk(uri: string, parsed: ParsedIncident | undefined): string[] {
    const key = keyOf(uri);
    return this.change(uri, () => {
      if (parsed) this.disk.set(key, indexEntry(uri, parsed, 'disk'));
      else this.disk.delete(key);
    });
  }

  /** The paths (or URIs, for other schemes) of the files read from disk. */
  diskPaths(): string[] {
    return [...this.disk.keys()];
  }

  /** The duplicate-id warning of one file, naming the first few other files with its id. */
  duplicatesOf(uri: string, displayName: (uri: string) => string): IncidentDiagnostic[] {
    const key = keyOf(uri);
    const self = this.entry(key);
    const id = self?.id;
    const sameId = id && this.byId.get(id.value);
    if (!self || !id || !sameId || sameId.size < 2) return [];
    // One more than are named, so that leaving out the file itself still leaves enough.
    const named = this.firstKeys(sameId, MAX_NAMED_DUPLICATES + 1).filter((other) => other !== key).map((other) => this.idLocation(other));
    return [duplicateIdDiagnostic(id.value, id.field.entry.valueSpan, named, sameId.size - 1, displayName)];
  }

  /** The range of an indexed field's value in a file that may not be open (related information). */
  locate(uri: string, span: Span): Range | undefined {
    const entry = this.get(uri);
    for (const field of [entry?.id, entry?.title]) {
      const valueSpan = field?.field.entry.valueSpan;
      if (valueSpan && valueSpan.start === span.start && valueSpan.end === span.end) return field.range;
    }
    return undefined;
  }

  /** URIs of files whose id is shared with another file. */
  filesWithDuplicates(): string[] {
    const result: string[] = [];
    for (const keys of this.byId.values()) {
      if (keys.size > 1) for (const key of keys) result.push(this.entry(key)!.uri);
    }
    return result;
  }

  private entry(key: string): IndexedIncident | undefined {
    return this.open.get(key) ?? this.disk.get(key);
  }

  /** Where a grouped file writes its id (every key in byId has an entry with that id). */
  private idLocation(key: string): IdLocation {
    const entry = this.entry(key)!;
    return { uri: entry.uri, span: entry.id!.field.entry.valueSpan };
  }

  /** The first `count` keys of a group, without walking the rest. */
  private firstKeys(keys: Set<string>, count: number): string[] {
    const first: string[] = [];
    for (const key of keys) {
      if (first.length === count) break;
      first.push(key);
    }
    return first;
  }

  /**
   * Applies a change to one file and moves it between id groups. Returns the other files whose
   * duplicate-id warning changed beyond its count: they became or stopped being duplicates, or
   * the few files they name changed. Only the first MAX_NAMED_DUPLICATES + 1 files of a group
   * are ever named, so a file joining a large group, or leaving it unnamed, changes no one else's
   * warning but for its "and N more", which is left until that file is next validated: re-publishing
   * the whole group on every open is what made 200 open copies cost 48 s.
   */
  private change(uri: string, apply: () => void): string[] {
    const key = keyOf(uri);
    const before = this.entry(key)?.id?.value;
    apply();
    const after = this.entry(key)?.id?.value;
    if (before === after) return [];
    const affected: string[] = [];
    if (before !== undefined) {
      const group = this.byId.get(before)!;
      const wasNamed = this.firstKeys(group, MAX_NAMED_DUPLICATES + 1).includes(key);
      group.delete(key);
      if (group.size === 0) this.byId.delete(before);
      else if (wasNamed) this.collect(group, key, affected);
    }
    if (after !== undefined) {
      let group = this.byId.get(after);
      if (!group) this.byId.set(after, (group = new Set()));
      group.add(key);
      if (group.size > 1 && group.size <= MAX_NAMED_DUPLICATES + 1) this.collect(group, key, affected);
    }
    return affected;
  }

  /** Adds the uris of a group's files other than `key`. */
  private collect(group: Set<string>, key: string, into: string[]): void {
    for (const other of group) if (other !== key) into.push(this.entry(other)!.uri);
  }
}

/** Reads and parses one file for the index; undefined when it cannot be read or is too large. */
export async function readIncidentFile(filePath: string, maxFileBytes: number, maxLength: number): Promise<ParsedIncident | undefined> {
  try {
    const stat = await fs.stat(filePath);
    if (!stat.isFile() || stat.size > maxFileBytes) return undefined;
    const text = await fs.readFile(filePath, 'utf8');
    // Editors hide the BOM; strip it so positions agree with the open document's.
    return parseIncident(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, { maxLength });
  } catch {
    return undefined;
  }
}

export function pathToUri(filePath: string): string {
  return pathToFileURL(filePath).href;
}

/**
 * Finds incident files under the folders (the one walker, cli/fileWalker), breadth first,
 * skipping node_modules and .git and never following symbolic links. Stops at the limits;
 * `cancelled` is polled between folders.
 */
export function findIncidentFiles(
  folders: readonly string[],
  matcher: IncidentFileMatcher,
  limits: ScanLimits = DEFAULT_SCAN_LIMITS,
  cancelled: () => boolean = () => false,
): Promise<string[]> {
  return walkIncidentFiles(folders, { matches: (filePath) => matcher.matchesPath(filePath), limits, cancelled });
}
