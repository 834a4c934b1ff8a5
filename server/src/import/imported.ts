/**
 * What every importer produces: one provider's incident in our terms, before it becomes YAML.
 * Readers (readers.ts) turn a source's text into these; the writer and the merge turn them into
 * an `*.incident.yaml` text. Shared with wt-notice's readers: extend only by adding optional fields.
 */
import type { ComponentState, EventKind, IncidentSeverity, Status } from '../../../common/eventKinds';
export type ImportFormat = 'statuspage' | 'gcp' | 'graph' | 'notice' | 'apple' | 'slack';
/** An instant (ISO 8601 UTC, `Z`), or a local wall time in a named zone; `date` alone for a day. */
export interface ImportedTime {
  readonly utc?: string;            // '2019-11-19T01:40:00Z'
  readonly local?: string;          // '2019-11-19T10:40' (wall time in `zone`)
  readonly zone?: string;           // IANA name, with `local`
  readonly date?: string;           // '2019-11-19' when only a date is known
  readonly written?: string;        // the source's own words for this time
  readonly approx?: boolean;
}
export interface ImportedUpdate {
  readonly at: ImportedTime;
  readonly posted?: ImportedTime;
  readonly nextUpdate?: ImportedTime;
  readonly kind: EventKind;         // 'detected' for the first, 'update' for the others, 'report' for a postmortem
  readonly status?: Status;
  readonly text: string;            // plain text, never HTML
  readonly components?: Readonly<Record<string, ComponentState>>;
  readonly source?: string;         // URL of this update, when the source has one
  readonly key: string;             // stable identity of the update in its source (id, or time+text hash) for merging
}
export interface ImportedIncident {
  readonly format: ImportFormat;
  readonly id?: string;             // the provider's id (EX196121, the Statuspage incident id…)
  readonly title: string;
  readonly status: Status;
  readonly severity?: IncidentSeverity;
  readonly service?: string;
  readonly regions?: readonly string[];
  readonly impact?: string;
  readonly cause?: string;
  readonly nextSteps?: readonly string[];
  readonly start?: ImportedTime;
  readonly end?: ImportedTime;
  readonly zone?: string;           // root zone when the source states one
  readonly components?: readonly string[];
  readonly sources: readonly { readonly url: string; readonly title?: string }[];
  readonly updates: readonly ImportedUpdate[];
}
/** A reader's error: names the first problem and where it is (line/column or JSON path). */
export class ImportError extends Error { constructor(message: string, readonly position?: string) { super(message); } }
export interface Reader {
  readonly format: ImportFormat;
  /** True when `text` looks like this format (cheap; used when --from is not given). */
  detect(text: string): boolean;
  /** One or more incidents; throws ImportError on malformed input (never a partial result). */
  read(text: string, origin: { readonly url?: string; readonly fileName?: string }): ImportedIncident[];
}
