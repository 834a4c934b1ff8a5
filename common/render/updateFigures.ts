/**
 * The figures of a status page's series of updates, in words, as the preview's header and the
 * exports show them: time to first update, the longest gap between updates while unresolved,
 * next-update promises kept (n of m), and each component's time not operational.
 */
import { formatDuration } from '../time';
import { componentLanes } from './componentLanes';
import { fillIn, type TimelineLabels } from './labels';
import type { TimelineView } from './layout';
import { updateSeries } from './updates';

export interface UpdateFigure {
  /** Which figure, for styling and tests: the key, or `notOperational` for a component's. */
  readonly key: 'timeToFirstUpdate' | 'longestUpdateGap' | 'promisesKept' | 'notOperational';
  readonly label: string;
  readonly value: string;
}

/** The figures the file's updates allow; one that has nothing to measure is left out. */
export function updateFigures(view: TimelineView, labels: TimelineLabels): UpdateFigure[] {
  const series = updateSeries(view);
  const figures: UpdateFigure[] = [];
  if (series.timeToFirstUpdateMs !== undefined) {
    figures.push({ key: 'timeToFirstUpdate', label: labels.updateFigures.timeToFirstUpdate, value: formatDuration(series.timeToFirstUpdateMs) });
  }
  if (series.longestGap) figures.push({ key: 'longestUpdateGap', label: labels.updateFigures.longestUpdateGap, value: formatDuration(series.longestGap.ms) });
  if (series.promises.made) {
    figures.push({ key: 'promisesKept', label: labels.updateFigures.promisesKept, value: fillIn(labels.promisesKeptOf, series.promises.kept, series.promises.made) });
  }
  // Only components an update gave a state other than operational: the others have no window to measure.
  for (const lane of componentLanes(view).lanes) {
    if (!lane.stated) continue;
    const value = formatDuration(lane.notOperationalMs);
    figures.push({ key: 'notOperational', label: fillIn(labels.notOperational, lane.name), value: lane.restored ? value : fillIn(labels.notRestored, value) });
  }
  return figures;
}
