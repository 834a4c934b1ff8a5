import { IncrementalIncidentParser, type IncrementalPath } from './incremental';
import type { ParseOptions, ParsedIncident } from './parse';

/**
 * One parse per (uri, version): validation, symbols, hover, completion and the preview all ask
 * here, so a keystroke is parsed once whatever asks.
 */
export class ParseCache {
  // Each uri keeps its incremental parser, so a keystroke re-parses only the timeline item it
  // touched (same result as parseIncident; see incremental.ts).
  private readonly entries = new Map<string, { version: number; parsed: ParsedIncident; parser: IncrementalIncidentParser }>();

  constructor(private options: ParseOptions = {}) {}

  /** Replaces the options given (the logger and rules stay unless given anew) and forgets every parse. */
  setOptions(options: ParseOptions): void {
    this.options = { ...this.options, ...options };
    this.entries.clear();
  }

  get(uri: string, version: number, text: () => string): ParsedIncident {
    const hit = this.entries.get(uri);
    if (hit && hit.version === version) return hit.parsed;
    const parser = hit?.parser ?? new IncrementalIncidentParser(this.options);
    const parsed = parser.parse(text());
    this.entries.set(uri, { version, parsed, parser });
    return parsed;
  }

  /** The last parse of a uri, whatever its version. */
  peek(uri: string): ParsedIncident | undefined {
    return this.entries.get(uri)?.parsed;
  }

  /** How the last parse of a uri went: how many timeline items it parsed, or why it took the whole text. */
  lastPath(uri: string): IncrementalPath | undefined {
    return this.entries.get(uri)?.parser.lastPath;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
