/**
 * Component lanes: for each affected component, a band per state over time, from the states the
 * updates give it, read in the order the updates were published (as the core's componentWindows,
 * which hover shows). Pure: the preview, the HTML and SVG exports and the Markdown table draw the
 * same lanes.
 */
import { COMPONENT_STATES, type ComponentState } from '../eventKinds';
import { visibleText } from './escape';
import type { TimelineView } from './layout';
import { publishedOf, isUpdateJson } from './updates';
import { oncePer } from '../memo';

/**
 * A band's state: one of the five, or `unstated` while the component is named as affected (in the
 * root list or an update) and no update has given it a state yet.
 */
export type LaneState = ComponentState | 'unstated';
export const LANE_STATES: readonly LaneState[] = [...COMPONENT_STATES, 'unstated'];

export interface LaneBand {
  readonly fromMs: number;
  readonly toMs: number;
  readonly state: LaneState;
  /** The event whose update set this state (the first that named it, for `unstated`); absent when only the root list names it. */
  readonly index?: number;
}

/** A window of impact: from a state other than `operational` to the update that restored it. */
export interface LaneWindow {
  readonly fromMs: number;
  /** Absent while no update restored the component. */
  readonly toMs?: number;
  readonly states: readonly ComponentState[];
}

export interface ComponentLane {
  /** As written, hidden characters made visible. */
  readonly name: string;
  readonly bands: readonly LaneBand[];
  readonly windows: readonly LaneWindow[];
  /** Time in its windows; an open window counts up to the lanes' end. */
  readonly notOperationalMs: number;
  /** False when its last window is still open. */
  readonly restored: boolean;
  /** Whether any update gave it a state other than `operational`. */
  readonly stated: boolean;
}

export interface ComponentLanes {
  readonly lanes: readonly ComponentLane[];
  /** Where every lane ends: the incident's end, or its last event or update while open. */
  readonly endMs: number;
}

/** The lanes of a view, computed once per view. */
export const componentLanes: (view: TimelineView) => ComponentLanes = oncePer((view) => computeLanes(view));

interface Mention {
  readonly ms: number;
  readonly index: number;
  readonly state?: ComponentState;
}

function computeLanes(view: TimelineView): ComponentLanes {
  const rootNames = (view.model.incident?.components ?? []).map(visibleText);
  const mentions = new Map<string, Mention[]>();
  for (const name of rootNames) if (!mentions.has(name)) mentions.set(name, []);
  const updates = view.model.events
    .filter(isUpdateJson)
    .map((event) => ({ event, ms: publishedOf(event) }))
    .filter((u): u is { event: typeof u.event; ms: number } => u.ms !== undefined)
    .sort((a, b) => a.ms - b.ms);
  let lastMs = -Infinity;
  for (const { event, ms } of updates) {
    lastMs = Math.max(lastMs, ms);
    for (const c of event.components ?? []) {
      const name = visibleText(c.name);
      if (!mentions.has(name)) mentions.set(name, []);
      mentions.get(name)!.push({ ms, index: event.index, ...(c.state !== undefined ? { state: c.state } : {}) });
    }
  }
  if (mentions.size === 0) return { lanes: [], endMs: view.window?.endMs ?? lastMs };
  const window = view.window;
  const lastEvent = view.events[view.events.length - 1]?.epochMs ?? -Infinity;
  const endMs = window && !window.open ? window.endMs : Math.max(window?.endMs ?? -Infinity, lastEvent, lastMs);
  const rooted = new Set(rootNames);
  const lanes = [...mentions].map(([name, list]) => lane(name, list, rooted.has(name) ? window?.startMs : undefined, endMs));
  return { lanes, endMs };
}

function lane(name: string, mentions: readonly Mention[], rootStartMs: number | undefined, endMs: number): ComponentLane {
  const bands: { fromMs: number; state: LaneState; index?: number }[] = [];
  const windows: { fromMs: number; toMs?: number; states: ComponentState[] }[] = [];
  const firstMs = Math.min(rootStartMs ?? Infinity, mentions[0]?.ms ?? Infinity);
  if (Number.isFinite(firstMs)) bands.push({ fromMs: firstMs, state: 'unstated', ...(mentions[0] && mentions[0].ms === firstMs && mentions[0].state === undefined ? { index: mentions[0].index } : {}) });
  for (const m of mentions) {
    const current = bands[bands.length - 1];
    if (current?.state === 'unstated' && current.index === undefined && m.state === undefined) {
      // The first update that names it stands for the unstated band the root list opened.
      bands[bands.length - 1] = { ...current, index: m.index };
      continue;
    }
    if (m.state === undefined || current?.state === m.state) continue;
    // A state set at the very instant the last band began replaces it (two updates published together).
    if (current && current.fromMs === m.ms) bands.pop();
    bands.push({ fromMs: m.ms, state: m.state, index: m.index });
    const open = windows[windows.length - 1];
    const isOpen = open !== undefined && open.toMs === undefined;
    if (m.state === 'operational') {
      if (isOpen) open.toMs = m.ms;
    } else if (isOpen) {
      if (open.states[open.states.length - 1] !== m.state) open.states.push(m.state);
    } else {
      windows.push({ fromMs: m.ms, states: [m.state] });
    }
  }
  const closed = bands.map((band, i) => ({ ...band, toMs: Math.max(band.fromMs, bands[i + 1]?.fromMs ?? endMs) }));
  const notOperationalMs = windows.reduce((sum, w) => sum + Math.max(0, (w.toMs ?? Math.max(endMs, w.fromMs)) - w.fromMs), 0);
  return {
    name,
    bands: closed,
    windows,
    notOperationalMs,
    restored: windows.every((w) => w.toMs !== undefined),
    stated: windows.length > 0,
  };
}
