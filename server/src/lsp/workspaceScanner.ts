/**
 * Keeps the disk layer of the workspace index current: a bounded scan of the workspace folders in
 * the background (at start, and when the folders or the settings that shape it change), the file
 * watchers the server registers with the client, and their events.
 *
 * A file open in the editor is not read: its open document wins in the index anyway, and a whole
 * parse of a large file here held up the first keystrokes after opening it (the scan ran just
 * then) and the next keystroke after each save (the watcher's event). It is read when it closes.
 */
import { DidChangeWatchedFilesNotification, FileChangeType, type Connection, type Disposable, type FileEvent } from 'vscode-languageserver';
import { INCIDENT_FILE_GLOBS } from '../cli/fileWalker';
import type { IncidentFileMatcher } from './incidentFiles';
import { uriToPath } from './incidentFiles';
import type { ServerLog } from './serverLog';
import { findIncidentFiles, pathToUri, readIncidentFile, type ScanLimits, type WorkspaceIndex } from './workspaceIndex';

/** What the scanner reads from the server around it, at the moment it needs it. */
export interface ScanContext {
  readonly folders: readonly string[];
  readonly matcher: IncidentFileMatcher;
  /** The `incidentTimeline.files` patterns, watched besides the incident file names. */
  readonly patterns: readonly string[];
  /** Texts longer than this are not validated (the parse reports file-too-large). */
  readonly maxFileLength: number;
  /** The client lets servers register file watchers. */
  readonly watchedFilesRegistration: boolean;
  /** Whether the file at this path is open in the editor. */
  isOpen(filePath: string): boolean;
}

export class WorkspaceScanner {
  private generation = 0;
  private watcherRegistration: Promise<Disposable> | undefined;

  /**
   * @param changed told which files' diagnostics may have changed: some (an id came or went), or all (a scan finished)
   */
  constructor(
    private readonly connection: Connection,
    private readonly index: WorkspaceIndex,
    private readonly limits: ScanLimits,
    private readonly context: () => ScanContext,
    private readonly changed: (uris: readonly string[] | 'all') => void,
    private readonly log: ServerLog,
  ) {}

  /** Indexes the incident files of the workspace folders on disk; a newer scan cancels this one. */
  async rescan(): Promise<void> {
    const generation = ++this.generation;
    const cancelled = () => generation !== this.generation;
    const { folders, matcher } = this.context();
    const files = await findIncidentFiles(folders, matcher, this.limits, cancelled);
    const found = new Set<string>();
    let open = 0;
    for (const filePath of files) {
      if (cancelled()) return;
      if (this.context().isOpen(filePath)) {
        // Its disk entry, if any, stays until the close reads the file again.
        found.add(filePath);
        open++;
        continue;
      }
      const parsed = await this.read(filePath);
      if (parsed) found.add(filePath);
      this.index.setDisk(pathToUri(filePath), parsed);
    }
    if (cancelled()) return;
    for (const filePath of this.index.diskPaths()) {
      if (!found.has(filePath)) this.index.setDisk(pathToUri(filePath), undefined);
    }
    this.log.trace(`scan of ${folders.length} workspace folders: ${files.length - open} incident files read, ${open} left to their open documents`);
    this.changed('all');
  }

  /** Watches incident files (and the `files` patterns) when the client lets servers register watchers. */
  registerWatchers(): void {
    const { watchedFilesRegistration, patterns } = this.context();
    if (!watchedFilesRegistration) return;
    const previous = this.watcherRegistration;
    const globs = [...INCIDENT_FILE_GLOBS, ...patterns.map((p) => (p.startsWith('**') || p.startsWith('/') ? p : `**/${p}`))];
    this.watcherRegistration = this.connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: globs.map((globPattern) => ({ globPattern })),
    });
    this.watcherRegistration.catch((error: unknown) => this.log.error('register file watchers', error));
    if (previous) void previous.then((registration) => registration.dispose(), () => undefined);
  }

  /** workspace/didChangeWatchedFiles. */
  watchedFilesChanged(changes: readonly FileEvent[]): void {
    void Promise.all(changes.map(async (change) => {
      const filePath = uriToPath(change.uri);
      if (filePath === undefined) return [];
      if (change.type !== FileChangeType.Deleted && this.context().isOpen(filePath)) {
        this.log.trace(`${filePath} changed on disk: left to its open document`);
        return [];
      }
      const parsed = change.type === FileChangeType.Deleted || !this.context().matcher.matchesPath(filePath)
        ? undefined
        : await this.read(filePath);
      return this.index.setDisk(change.uri, parsed);
    })).then((affected) => this.changed(affected.flat()), (error: unknown) => this.log.error('didChangeWatchedFiles', error));
  }

  /** A document was closed: its file on disk counts again (its unsaved edits are gone). */
  documentClosed(uri: string): void {
    const filePath = uriToPath(uri);
    if (filePath === undefined || !this.context().matcher.matchesPath(filePath)) return;
    void this.read(filePath).then((parsed) => this.changed(this.index.setDisk(uri, parsed)), (error: unknown) => this.log.error('read closed file', error));
  }

  /** Stops a scan in progress (shutdown). */
  dispose(): void {
    this.generation++;
  }

  private read(filePath: string) {
    this.log.trace(`read ${filePath} from disk`);
    return readIncidentFile(filePath, this.limits.maxFileBytes, this.context().maxFileLength);
  }
}
