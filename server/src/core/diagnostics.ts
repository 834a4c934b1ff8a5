import type { DiagnosticCode, Severity } from './codes';
import type { Entry, Status } from './model';
import type { FilledTime } from './phrases/fill';
import type { Span } from './text';

/**
 * What a quick fix needs, by code: the one declaration the reader, the rules and the fixes in
 * server/src/fixes/ share. Plain JSON: it travels in LSP `Diagnostic.data`. A converted time is
 * absent where the instant falls outside the years 0000–9999 the format writes.
 */
export type DiagnosticData =
  | { readonly code: 'yaml-syntax'; readonly yamlCode: string }
  | { readonly code: 'duplicate-key'; readonly key: string; readonly firstSpan: Span; readonly valueSpan: Span }
  /** A second YAML document: its lines (from its `---` line) and the id it names, when that is safe as a file name. */
  | { readonly code: 'not-an-incident'; readonly documentSpan: Span; readonly bodySpan: Span; readonly id?: string }
  | { readonly code: 'unknown-field'; readonly key: string; readonly suggestion?: string; readonly allowed: readonly string[] }
  | { readonly code: 'invalid-value'; readonly value: string; readonly suggestion?: string; readonly allowed: readonly string[] }
  /** One string on one line where a list of strings belongs: the string as read, and its key. */
  | { readonly code: 'wrong-type'; readonly key: string; readonly keySpan: Span; readonly listText: string }
  /** A scalar that is not a time, as read (without its quotes). */
  | { readonly code: 'invalid-time'; readonly text: string }
  | {
      readonly code: 'missing-field';
      readonly key: string;
      readonly container: 'incident' | 'event' | 'time' | 'source';
      readonly containerSpan: Span;
      /** The entries the mapping has, so the key goes in the format's order among them. */
      readonly entries: readonly Entry[];
    }
  | { readonly code: 'missing-offset'; readonly text: string }
  /** For `local`, `corrected` keeps the wall clock and writes the zone's offset (absent when that clock is in a gap or twice). */
  | { readonly code: 'wrong-offset'; readonly side: 'utc' | 'jst' | 'local'; readonly text: string; readonly corrected?: string }
  | {
      readonly code: 'utc-jst-mismatch';
      readonly utcSpan: Span;
      readonly jstSpan: Span;
      /** The jst text that agrees with the utc value. */
      readonly correctedJst?: string;
      /** The utc text that agrees with the jst value. */
      readonly correctedUtc?: string;
      /** Which side looks written in the other zone's clock, when the difference is exactly 9 hours. */
      readonly suspect?: 'utc' | 'jst';
    }
  | {
      readonly code: 'utc-local-mismatch';
      /** The twin that disagrees with the local time, and where each is. */
      readonly side: 'utc' | 'jst';
      readonly twinSpan: Span;
      readonly localSpan: Span;
      /** The twin's text that agrees with the local time (absent when that is not one instant). */
      readonly correctedTwin?: string;
      /** The local text that agrees with the twin, in the local time's zone. */
      readonly correctedLocal?: string;
    }
  /** A wall clock shown twice in its zone: each reading as a local text with its offset, and its zone's name then ("PDT, UTC-7"). */
  | { readonly code: 'ambiguous-time'; readonly readings: readonly { readonly text: string; readonly zone: string }[] }
  | { readonly code: 'missing-end'; readonly statusSpan: Span }
  | { readonly code: 'end-before-start'; readonly startSpan: Span; readonly endSpan: Span }
  | { readonly code: 'timeline-order'; readonly index: number; readonly previousIndex: number }
  | { readonly code: 'duplicate-id'; readonly id: string; readonly others: readonly string[] }
  /** A component an update names that the root list lacks, and the closest name the list has. */
  | { readonly code: 'unknown-component'; readonly name: string; readonly suggestion?: string }
  /** A phrase that says it is approximate in a mapping without `approx`: the mapping, to add it. */
  | { readonly code: 'written-mismatch'; readonly approx: { readonly mapSpan: Span; readonly entries: readonly Entry[] } }
  /** A time mapping with only the source's words: the mapping, and the value they name or why none can be read. */
  | { readonly code: 'unread-time'; readonly mapSpan: Span; readonly entries: readonly Entry[]; readonly filled?: FilledTime; readonly reason?: string }
  /** The incident's `status` value and the status the latest published update announces. */
  | { readonly code: 'stale-status'; readonly statusSpan: Span; readonly latest: Status }
  /**
   * An abbreviation in prose that does not fit its date, and the zone's own then (letters only).
   * None in `written`: those are the source's words, kept as printed.
   */
  | { readonly code: 'zone-abbreviation'; readonly abbreviation: string };

/** The data shape of one code. */
export type DataOf<C extends DiagnosticData['code']> = Extract<DiagnosticData, { readonly code: C }>;

export interface RelatedInformation {
  readonly span: Span;
  readonly message: string;
  /** Another document; absent means the same one. */
  readonly uri?: string;
}

/** A diagnostic in offsets. Adapters turn spans into lines and columns at the last step. */
export interface IncidentDiagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly data?: DiagnosticData;
  readonly related?: readonly RelatedInformation[];
}

/** A stable order: by position, then code. */
export function compareDiagnostics(a: IncidentDiagnostic, b: IncidentDiagnostic): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || a.code.localeCompare(b.code) || a.message.localeCompare(b.message);
}
