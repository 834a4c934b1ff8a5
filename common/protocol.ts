/**
 * Every custom request and notification between the client and the server, in one place.
 * Both sides import this file; it depends only on vscode-languageserver-protocol's types.
 */
import { RequestType, type Range, type TextEdit } from 'vscode-languageserver-protocol';
import type { ComponentState, Status } from './eventKinds';
import type { IncidentTimelineSettings } from './settings';

export type { IncidentTimelineSettings } from './settings';

/** A time as the preview needs it. */
export interface TimeJson {
  /** The instant as an ISO 8601 UTC string; absent when the time could not be read. */
  readonly utc?: string;
  /** The text as written (a plain string, or "utc / jst" for a pair). */
  readonly text: string;
  readonly range: Range;
  /** A date without a clock: `utc` is the start of that day in its zone; the time is some time that day. */
  readonly precision?: 'day';
  /** The source gives the time as approximate. */
  readonly approx?: true;
  /** The IANA zone the time is written in (a `local` time's zone, or the root zone for text without an offset). */
  readonly zone?: string;
  /** The source's own words for the time. */
  readonly written?: string;
}

export interface TimelineEventJson {
  readonly index: number;
  /** The whole list item. */
  readonly range: Range;
  readonly at?: TimeJson;
  readonly kind?: string;
  readonly text?: string;
  readonly source?: string;
  /** What a status page's update announced, when it was published and what it promised. */
  readonly status?: Status;
  readonly posted?: TimeJson;
  readonly nextUpdate?: TimeJson;
  /** The components the event is about, each with its state when the event gives one. */
  readonly components?: readonly ComponentJson[];
}

export interface ComponentJson {
  readonly name: string;
  readonly state?: ComponentState;
}

export interface IncidentJson {
  readonly id?: string;
  readonly title?: string;
  readonly status?: string;
  readonly severity?: string;
  readonly service?: string;
  readonly regions?: readonly string[];
  readonly impact?: string;
  readonly cause?: string;
  readonly nextSteps?: readonly string[];
  readonly tags?: readonly string[];
  readonly sources?: readonly { readonly url: string; readonly title?: string }[];
  /** The root `components`: the affected components or products. */
  readonly components?: readonly string[];
  readonly start?: TimeJson;
  readonly end?: TimeJson;
  /** The root `zone` (IANA name): the file's own zone, for a zone switch and exports. */
  readonly zone?: string;
  readonly range: Range;
}

/** What `incident/timeline` answers: the model of one document at one version. */
export interface TimelineModel {
  readonly uri: string;
  readonly version: number;
  /** Undefined when the text is not an incident at all. */
  readonly incident?: IncidentJson;
  readonly events: readonly TimelineEventJson[];
  readonly problems: { readonly errors: number; readonly warnings: number };
}

export interface TimelineParams {
  readonly uri: string;
}

/** client -> server: the timeline model of an open document (null when the server does not know it). */
export namespace TimelineRequest {
  export const method = 'incident/timeline';
  export const type = new RequestType<TimelineParams, TimelineModel | null, void>(method);
}

export interface TimelineChangesParams {
  readonly uri: string;
  /** The version of the model the client already holds (from either request); -1 for none. */
  readonly baseVersion: number;
}

/** The model as changes to the one at `baseVersion`: `events` replace `base.events[start, start + deleteCount)`. */
export interface TimelineChanges {
  readonly kind: 'changes';
  readonly uri: string;
  readonly version: number;
  readonly baseVersion: number;
  /**
   * The incident's header only when it changed (a keystroke in an event leaves it out, which keeps
   * a patch small however long the impact and cause are); null when the text stopped being an incident.
   */
  readonly incident?: IncidentJson | null;
  readonly problems: TimelineModel['problems'];
  readonly start: number;
  readonly deleteCount: number;
  readonly events: readonly TimelineEventJson[];
}

/**
 * client -> server: the timeline model as changes since a version the client holds, so a
 * keystroke in a 10,000-event file sends one event instead of megabytes. When the server no
 * longer has that version it answers the whole model (`kind: 'full'`).
 */
export namespace TimelineChangesRequest {
  export const method = 'incident/timelineChanges';
  export const type = new RequestType<TimelineChangesParams, TimelineChanges | { readonly kind: 'full'; readonly model: TimelineModel } | null, void>(method);
}

/** A source to import: a status page's JSON, a feed, a pasted notice… */
export interface ImportParams {
  /** The source's text; without it the server fetches `url` (https only). */
  readonly text?: string;
  /** Where the text came from, cited in the incident's `sources`. */
  readonly url?: string;
  readonly fileName?: string;
}

/** Each incident the source holds as the text of a new incident file, or why none could be read. */
export type ImportAnswer =
  | { readonly kind: 'incidents'; readonly incidents: readonly { readonly fileName: string; readonly text: string }[] }
  | { readonly kind: 'error'; readonly message: string; readonly position?: string };

/** client -> server: a source read into new incident files (the client writes and opens them). */
export namespace ImportRequest {
  export const method = 'incident/import';
  export const type = new RequestType<ImportParams, ImportAnswer, void>(method);
}

export interface PasteUpdatesParams {
  readonly uri: string;
  /** The document version the paste applies to; an answer for another version would misplace it. */
  readonly version: number;
  readonly text: string;
}

export interface PasteUpdatesAnswer {
  /** Insertions into the timeline, in time order among the events already there. */
  readonly edits: readonly TextEdit[];
  /** How many events the edits add, and how many were left out as already there. */
  readonly added: number;
  readonly alreadyThere: number;
}

/**
 * client -> server: the updates of a pasted or dropped source as edits of an open incident file;
 * null when the text is no source we read (plain paste then stays as it is).
 */
export namespace PasteUpdatesRequest {
  export const method = 'incident/pasteUpdates';
  export const type = new RequestType<PasteUpdatesParams, PasteUpdatesAnswer | null, void>(method);
}

/**
 * client -> server, in `initialize`: the settings at start, for clients without
 * workspace/configuration. Nested under the section name, as workspace/didChangeConfiguration
 * carries them, so the server reads both with one function.
 */
export interface InitializationOptions {
  readonly incidentTimeline?: Partial<IncidentTimelineSettings>;
}
