/**
 * The ids (and titles) of the workspace's incident files, for duplicate-id and workspace symbols.
 * Two layers: what is on disk (scanned at start, kept current by watched-file events) and what
 * is open in the editor; an open document wins over its file on disk. Only the few fields
 * needed are kept, never whole texts, so a large workspace stays small in memory.
 */
import { promises as fs } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Range } from 'vscode-languageserver';
import { findDuplicateIds, parseIncident, type Field, type Incident, type IncidentDiagnostic, type IncidentFile, type ParsedIncident, type Span } from '../core';
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

export class WorkspaceIndex {
  private readonly disk = new Map<string, IndexedIncident>();
  private readonly open = new Map<string, IndexedIncident>();

  /** What is known of a file: its open document, else its file on disk. */
  get(uri: string): IndexedIncident | undefined {
    const key = keyOf(uri);
    return this.open.get(key) ?? this.disk.get(key);
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

  /** Records an open document's latest parse. Returns the other files whose duplicate-id may have changed. */
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

  /** The duplicate-id warnings of one file: other files with the same id. */
  duplicatesOf(uri: string, displayName: (uri: string) => string): IncidentDiagnostic[] {
    const self = this.get(uri);
    const id = self?.id?.value;
    if (!self || id === undefined) return [];
    const sameId: IncidentFile[] = [];
    for (const entry of this.entries()) {
      if (entry.id?.value === id) sameId.push({ uri: entry.uri, incident: slimIncident(entry) });
    }
    if (sameId.length < 2) return [];
    return findDuplicateIds(sameId, displayName).get(self.uri) ?? [];
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
    const counts = new Map<string, number>();
    for (const entry of this.entries()) {
      const id = entry.id?.value;
      if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const result: string[] = [];
    for (const entry of this.entries()) {
      const id = entry.id?.value;
      if (id !== undefined && (counts.get(id) ?? 0) > 1) result.push(entry.uri);
    }
    return result;
  }

  private change(uri: string, apply: () => void): string[] {
    const before = this.get(uri)?.id?.value;
    apply();
    const after = this.get(uri)?.id?.value;
    if (before === after) return [];
    const key = keyOf(uri);
    const affected: string[] = [];
    for (const entry of this.entries()) {
      const id = entry.id?.value;
      if (id !== undefined && (id === before || id === after) && keyOf(entry.uri) !== key) affected.push(entry.uri);
    }
    return affected;
  }
}

/** findDuplicateIds reads only the id; an index entry carries just that. */
function slimIncident(entry: IndexedIncident): Incident | undefined {
  if (!entry.id) return undefined;
  return { span: entry.id.field.entry.valueSpan, entries: [], timeline: [], id: entry.id.field };
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
