/**
 * The incident model: what a file says, with every node's source span. Values that could not
 * be read are absent; the diagnostics say why. Spans are offsets into the document text.
 */
import type { Span } from './text';

import type { EventKind, IncidentSeverity, Status } from '../../../common/eventKinds';

export { EVENT_KINDS, SEVERITIES, STATUSES, type EventKind, type IncidentSeverity, type Status } from '../../../common/eventKinds';

/** A key and its value as written. */
export interface Entry {
  readonly key: string;
  readonly keySpan: Span;
  /** The value node; for a key with no value, an empty span just after the colon. */
  readonly valueSpan: Span;
}

/** One side of a time pair (`utc:` or `jst:`) or a plain time string. */
export interface TimeSide {
  readonly text: string;
  readonly span: Span;
  /** Present when the text reads as an instant in its zone (offset written or implied). */
  readonly epochMs?: number;
  /** The offset written in the text, minutes east of UTC; null when none was written. */
  readonly offsetMinutes: number | null;
  /** True when the text is a time but its offset is wrong for its key. */
  readonly wrongOffset?: boolean;
}

/**
 * A time: either a plain string with an offset, or a `{utc, jst}` pair. `epochMs` is set when
 * the time is readable and unambiguous (a pair whose sides agree, or a string with an offset).
 */
export interface TimeValue {
  readonly form: 'string' | 'pair';
  readonly span: Span;
  readonly epochMs?: number;
  /** For the string form. */
  readonly value?: TimeSide;
  /** For the pair form. */
  readonly utc?: TimeSide;
  readonly jst?: TimeSide;
  /** For the pair form: the mapping's entries, for edits that add a side. */
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
  readonly sources?: Field<readonly Source[]>;
  readonly start?: TimeValue;
  readonly end?: TimeValue;
  /** The `timeline` entry, when present. */
  readonly timelineEntry?: Entry;
  readonly timeline: readonly TimelineEvent[];
}

/** The keys of the root mapping, in the order docs and completion present them. */
export const INCIDENT_KEYS = [
  'id', 'title', 'status', 'severity', 'service', 'regions', 'start', 'end',
  'impact', 'cause', 'next_steps', 'tags', 'sources', 'timeline',
] as const;
export type IncidentKey = (typeof INCIDENT_KEYS)[number];

export const REQUIRED_INCIDENT_KEYS: readonly IncidentKey[] = ['id', 'title', 'status', 'start'];

export const EVENT_KEYS = ['at', 'event', 'kind', 'source'] as const;
export type EventKey = (typeof EVENT_KEYS)[number];
export const REQUIRED_EVENT_KEYS: readonly EventKey[] = ['at', 'event'];

export const TIME_PAIR_KEYS = ['utc', 'jst'] as const;
export const SOURCE_KEYS = ['url', 'title'] as const;
