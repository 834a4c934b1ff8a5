/**
 * What the exports write about updates and components, as plain text (each export escapes it its
 * own way): an update's status and notes (posted, the promised next update, how late it came, the
 * states it gives), and each component's windows for the Markdown table.
 */
import { visibleText } from './escape';
import type { ComponentLanes, LaneState } from './componentLanes';
import { fillIn, type TimelineLabels } from './labels';
import { eventTimeText, type Clock, type TimelineView } from './layout';
import { updateSeries } from './updates';
import { formatDuration } from '../time';

export interface UpdateNotes {
  /** The announced status, in words. */
  readonly status?: string;
  /** "posted 10:20 JST", "next update by 10:50 JST", "10m late", "API: major outage". */
  readonly notes: readonly string[];
}

/** The notes of the event at file index `index`; undefined when it is not an update. */
export function updateNotes(view: TimelineView, index: number, clocks: readonly Clock[], labels: TimelineLabels): UpdateNotes | undefined {
  const facts = updateSeries(view).byIndex.get(index);
  if (!facts) return undefined;
  const time = (ms: number) => eventTimeText({ epochMs: ms }, clocks, view.multiDay, labels);
  const notes: string[] = [];
  if (facts.postedMs !== undefined) notes.push(fillIn(labels.postedAt, time(facts.postedMs)));
  if (facts.late) notes.push(fillIn(labels.lateBy, formatDuration(facts.late.byMs)));
  if (facts.nextUpdateMs !== undefined) notes.push(fillIn(labels.nextUpdateBy, time(facts.nextUpdateMs)));
  for (const c of facts.components ?? []) {
    notes.push(c.state !== undefined ? `${visibleText(c.name)}: ${labels.componentStates[c.state]}` : visibleText(c.name));
  }
  return { ...(facts.status !== undefined ? { status: labels.statuses[facts.status] } : {}), notes };
}

/** One row of the component windows table: a band of a state other than operational. */
export interface ComponentWindowRow {
  readonly component: string;
  readonly fromMs: number;
  /** Absent when no update restored it before the lanes' end. */
  readonly toMs?: number;
  readonly state: LaneState;
  readonly duration: string;
}

/**
 * Each component's time in each state other than operational, in lane order then time: a band
 * closed by a later state ends there; the last one, when not operational, was not restored
 * (its duration runs to the lanes' end and says so), unless it is `unstated` (named, no state).
 */
export function componentWindowRows(lanes: ComponentLanes, labels: TimelineLabels): ComponentWindowRow[] {
  const rows: ComponentWindowRow[] = [];
  for (const lane of lanes.lanes) {
    lane.bands.forEach((band, i) => {
      if (band.state === 'operational') return;
      const last = i === lane.bands.length - 1;
      const duration = formatDuration(band.toMs - band.fromMs);
      if (last && band.state !== 'unstated') {
        rows.push({ component: lane.name, fromMs: band.fromMs, state: band.state, duration: fillIn(labels.notRestored, duration) });
      } else {
        rows.push({ component: lane.name, fromMs: band.fromMs, toMs: band.toMs, state: band.state, duration });
      }
    });
  }
  return rows;
}
