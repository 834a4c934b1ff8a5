/**
 * Every message between the extension host and the preview webview, both ways, as
 * discriminated unions on `type`. Both sides import this file (the webview bundle too), so it
 * holds types and tiny pure helpers only.
 */
import type { TimelineChanges, TimelineModel } from '../../common/protocol';
import { isZoneChoice, type ZoneChoice } from '../../common/render/clocks';
import { KIND_NAMES, type KindName } from '../../common/render/kinds';
import { DEFAULT_ZONE_MODE } from '../../common/settings';

export type PreviewMode = 'timeline' | 'list';

/** What the page keeps with setState and the serializer gets back after a reload. */
export interface PreviewState {
  /** The document shown (a URI string). */
  readonly uri: string;
  /** Locked previews keep their document when the active editor changes. */
  readonly locked: boolean;
  /** 'file': the incident's own zone (the setting's zone for a file without one). */
  readonly zone: ZoneChoice;
  /** False until the user picks a zone in this panel; until then it follows the setting. */
  readonly zoneChosen: boolean;
  readonly mode: PreviewMode;
  /** 1 = the whole timeline fits the width; 2 = twice as wide, … */
  readonly zoom: number;
  readonly scrollLeft: number;
  readonly scrollTop: number;
  /** Index (in the file's timeline list) of the selected event. */
  readonly selected?: number;
  /** Kinds the reader hid in the legend (absent: none). */
  readonly hiddenKinds?: readonly KindName[];
  /** The search box's text (absent: empty). */
  readonly query?: string;
  /** The reader's own fold or unfold of the header's Details (absent: by the panel's size). */
  readonly detailsOpen?: boolean;
}

/** host -> webview */
export type HostMessage =
  /** A model to draw. `stale` is set when the newest text is not an incident and this is the last good model. */
  | {
    readonly type: 'render';
    readonly model: TimelineModel;
    readonly locked: boolean;
    /** The current error/warning counts, even when the model shown is an older, good one. */
    readonly problems: { readonly errors: number; readonly warnings: number };
    readonly stale: boolean;
    /** incidentTimeline.extraTimeZones: IANA zones shown in each event's tooltip. */
    readonly extraZones: readonly string[];
  }
  /**
   * The same as a render of `changes` applied to the model the page holds (version
   * `changes.baseVersion`, not stale): a keystroke in a 10,000-event file posts one event, not
   * megabytes. A page holding another version answers 'resync'.
   */
  | {
    readonly type: 'patch';
    readonly changes: TimelineChanges;
    readonly locked: boolean;
    readonly problems: { readonly errors: number; readonly warnings: number };
    readonly extraZones: readonly string[];
  }
  /** The editor's cursor is in this event (null: in none): highlight it and bring it into view. */
  | { readonly type: 'highlight'; readonly index: number | null }
  /** The zone setting changed; panels that never chose a zone follow it. */
  | { readonly type: 'defaultZone'; readonly zone: ZoneChoice }
  | { readonly type: 'locked'; readonly locked: boolean }
  /** The document's problem counts changed (as the Problems view shows them, workspace checks included). */
  | { readonly type: 'problems'; readonly problems: { readonly errors: number; readonly warnings: number } };

/** webview -> host */
export type WebviewMessage =
  /** The page has loaded and listens. */
  | { readonly type: 'ready' }
  /** Reveal and select this event's source in the editor. */
  | { readonly type: 'reveal'; readonly index: number }
  /** The pointer is over this event (null: over none): the host highlights its source lines. */
  | { readonly type: 'hover'; readonly index: number | null }
  /** Open a source link in the browser (the host checks the scheme). */
  | { readonly type: 'openLink'; readonly url: string }
  | { readonly type: 'showProblems' }
  /** A patch did not fit the model the page holds: send the whole model. */
  | { readonly type: 'resync' }
  /** The page's state changed (zone, mode, zoom): the host uses the zone for exports. */
  | { readonly type: 'state'; readonly state: PreviewState };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Validates what a webview posts: the page is ours, but its messages are still checked. */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  if (!isObject(value)) return undefined;
  switch (value.type) {
    case 'ready':
    case 'showProblems':
    case 'resync':
      return { type: value.type };
    case 'reveal':
      return Number.isInteger(value.index) && (value.index as number) >= 0 ? { type: 'reveal', index: value.index as number } : undefined;
    case 'hover':
      if (value.index === null) return { type: 'hover', index: null };
      return Number.isInteger(value.index) && (value.index as number) >= 0 ? { type: 'hover', index: value.index as number } : undefined;
    case 'openLink':
      return typeof value.url === 'string' ? { type: 'openLink', url: value.url } : undefined;
    case 'state': {
      const state = parsePreviewState(value.state);
      return state ? { type: 'state', state } : undefined;
    }
    default:
      return undefined;
  }
}

/** Reads a state saved by an older or broken page defensively: anything odd falls back to defaults. */
export function parsePreviewState(value: unknown): PreviewState | undefined {
  if (!isObject(value) || typeof value.uri !== 'string' || value.uri === '') return undefined;
  const finite = (n: unknown, fallback: number, min: number, max: number) =>
    typeof n === 'number' && Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
  return {
    uri: value.uri,
    locked: value.locked === true,
    zone: isZoneChoice(value.zone) ? value.zone : DEFAULT_ZONE_MODE,
    zoneChosen: value.zoneChosen === true,
    mode: value.mode === 'list' ? 'list' : 'timeline',
    zoom: finite(value.zoom, 1, 1, MAX_ZOOM),
    scrollLeft: finite(value.scrollLeft, 0, 0, Number.MAX_SAFE_INTEGER),
    scrollTop: finite(value.scrollTop, 0, 0, Number.MAX_SAFE_INTEGER),
    ...(Number.isInteger(value.selected) && (value.selected as number) >= 0 ? { selected: value.selected as number } : {}),
    ...(Array.isArray(value.hiddenKinds) ? { hiddenKinds: KIND_NAMES.filter((kind) => (value.hiddenKinds as unknown[]).includes(kind)) } : {}),
    ...(typeof value.query === 'string' ? { query: value.query.slice(0, MAX_QUERY_LENGTH) } : {}),
    ...(typeof value.detailsOpen === 'boolean' ? { detailsOpen: value.detailsOpen } : {}),
  };
}

/** A search longer than this is not something a reader typed. */
const MAX_QUERY_LENGTH = 500;

/** Zooming in further than this makes minutes wider than any screen; 1 is "fit all". */
export const MAX_ZOOM = 4096;
