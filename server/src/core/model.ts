/**
 * The incident model: what a file says, with every node's source span. Values that could not
 * be read are absent; the diagnostics say why. Spans are offsets into the document text.
 */
import type { Span } from './text';

import type { ComponentState, EventKind, IncidentSeverity, Status } from '../../../common/eventKinds';

export { COMPONENT_STATES, EVENT_KINDS, SEVERITIES, STATUSES, type ComponentState, type EventKind, type IncidentSeverity, type Status } from '../../../common/eventKinds';

/** A key and its value as written. */
export interface Entry {
  readonly key: string;
  readonly keySpan: Span;
  /** The value node; for a key with no value, an empty span just after the colon. */
  readonly valueSpan: Span;
}

/** One side of a time mapping (`utc:`, `jst:` or `local:`) or a plain time string. */
export interface TimeSide {
  readonly text: string;
  readonly span: Span;
  /** Present when the text reads as an instant in its zone (offset written or implied); for a date, the start of that day. */
  readonly epochMs?: number;
  /** The offset written in the text, minutes east of UTC; null when none was written. */
  readonly offsetMinutes: number | null;
  /** True when the text is a time but its offset is wrong for its key. */
  readonly wrongOffset?: boolean;
  /** A date without a clock: the side names the whole day from `epochMs` to `dayEndMs`. */
  readonly precision?: 'day';
  /** For a date: the start of the next day in the side's zone. */
  readonly dayEndMs?: number;
}

/**
 * A time: a plain string, a `{utc, jst}` pair or a `{local, zone}` mapping. `epochMs` is set when
 * the time is readable and unambiguous (a pair whose sides agree, a string with an offset or
 * read in the root `zone`, a local time that names one instant).
 */
export interface TimeValue {
  readonly form: 'string' | 'pair' | 'local';
  readonly span: Span;
  readonly epochMs?: number;
  /** For the string form. */
  readonly value?: TimeSide;
  /** For the pair form, and a `local` mapping's twins. */
  readonly utc?: TimeSide;
  readonly jst?: TimeSide;
  /** For the local form: the wall clock in `zone`. */
  readonly local?: TimeSide;
  /**
   * The IANA zone the time is read in: the mapping's `zone`, or the root zone for text without an
   * offset. `span` is the mapping's `zone` value; absent when the zone came from the root.
   */
  readonly zone?: { readonly name: string; readonly span?: Span };
  /** A date without a clock: "some time that day". `epochMs` is the start of the day in its zone. */
  readonly precision?: 'day';
  /** With `precision: 'day'`: where the window the time lies in ends (the start of the next day). */
  readonly dayEndMs?: number;
  /** `approx: true`: the source gives the time as approximate ("around", 頃). */
  readonly approx?: boolean;
  /** The source's own words for the time; `span` is the value node. */
  readonly written?: { readonly text: string; readonly span: Span };
  /** For the mapping forms: the mapping's entries, for edits that add a key. */
  readonly entries?: readonly Entry[];
}

export interface Field<T> {
  readonly value: T;
  readonly entry: Entry;
}

export interface Source {
  readonly url: string;
  readonly title?: string;
  readonly span: Span;
}

/** A component named in the root `components` list. */
export interface ComponentName {
  readonly name: string;
  readonly span: Span;
}

/** A component an update names: alone (a list item) or with its state (a mapping entry). */
export interface ComponentMention {
  readonly name: string;
  readonly span: Span;
  /** Absent when the update lists the name without a state, or the state could not be read. */
  readonly state?: ComponentState;
  readonly stateSpan?: Span;
}

export interface TimelineEvent {
  /** Position in the timeline list, from 0. */
  readonly index: number;
  /** The whole list item, from its dash to its last character. */
  readonly span: Span;
  readonly entries: readonly Entry[];
  readonly at?: TimeValue;
  readonly event?: Field<string>;
  readonly kind?: Field<EventKind>;
  readonly source?: Field<string>;
  /** The status an update announces. */
  readonly status?: Field<Status>;
  /** When the update was published, where that differs from `at`. */
  readonly posted?: TimeValue;
  /** The time the update promised the next one by. */
  readonly nextUpdate?: TimeValue;
  readonly components?: Field<readonly ComponentMention[]>;
}

export interface Incident {
  /** The root mapping. */
  readonly span: Span;
  readonly entries: readonly Entry[];
  readonly id?: Field<string>;
  readonly title?: Field<string>;
  readonly status?: Field<Status>;
  readonly severity?: Field<IncidentSeverity>;
  readonly service?: Field<string>;
  readonly impact?: Field<string>;
  readonly cause?: Field<string>;
  readonly regions?: Field<readonly string[]>;
  readonly nextSteps?: Field<readonly string[]>;
  readonly tags?: Field<readonly string[]>;
  /** The affected components or products. */
  readonly components?: Field<readonly ComponentName[]>;
  readonly sources?: Field<readonly Source[]>;
  /** The root `zone`: the canonical IANA name times without an offset are read in. */
  readonly zone?: Field<string>;
  readonly start?: TimeValue;
  readonly end?: TimeValue;
  /** The `timeline` entry, when present. */
  readonly timelineEntry?: Entry;
  readonly timeline: readonly TimelineEvent[];
}

/** The keys of the root mapping, in the order docs and completion present them. */
export const INCIDENT_KEYS = [
  'id', 'title', 'status', 'severity', 'service', 'regions', 'zone', 'start', 'end',
  'components', 'impact', 'cause', 'next_steps', 'tags', 'sources', 'timeline',
] as const;
export type IncidentKey = (typeof INCIDENT_KEYS)[number];

/** `id` is optional: without one, the file's name stands for it (see fileId). */
export const REQUIRED_INCIDENT_KEYS: readonly IncidentKey[] = ['title', 'status', 'start'];

export const EVENT_KEYS = ['at', 'posted', 'event', 'kind', 'status', 'components', 'next_update', 'source'] as const;
export type EventKey = (typeof EVENT_KEYS)[number];
export const REQUIRED_EVENT_KEYS: readonly EventKey[] = ['at', 'event'];

/** Every key a time mapping may have, in the order docs and completion present them. */
export const TIME_KEYS = ['utc', 'jst', 'local', 'zone', 'approx', 'written'] as const;
export const SOURCE_KEYS = ['url', 'title'] as const;

/** An event read as a published update: one that says something a status page publishes. */
export function isUpdate(event: TimelineEvent): boolean {
  return event.status !== undefined || event.posted !== undefined || event.nextUpdate !== undefined
    || event.components !== undefined || event.kind?.value === 'update';
}

/**
 * When an event was published: its `posted`, else its `at`. The status rules read updates in this
 * order; `at` alone places an event in the story.
 */
export function publishedMs(event: TimelineEvent): number | undefined {
  return event.posted ? event.posted.epochMs : event.at?.epochMs;
}

/** The name that stands for a missing `id`: the file's name less `.incident.yaml` (or `.yml`). */
export function fileId(uri: string): string {
  // A path's last segment; a URI without one (`untitled:Untitled-1`) less its scheme.
  const slash = uri.lastIndexOf('/');
  const raw = slash >= 0 ? uri.slice(slash + 1) : uri.slice(uri.indexOf(':') + 1);
  let name = raw;
  try {
    name = decodeURIComponent(raw);
  } catch {
    // A stray % in a name that was never encoded: the name as written.
  }
  return name.replace(/\.incident\.ya?ml$/i, '').replace(/\.ya?ml$/i, '');
}
