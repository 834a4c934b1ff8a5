/** The renderer: one model -> one view -> the webview's DOM, or HTML / SVG / Markdown strings. */
export * from './layout';
export * from './kinds';
export { escapeHtml, escapeMarkdownCell, escapeMarkdownText, isSafeLink, safeHref, visibleText } from './escape';
export { DEFAULT_SVG_WIDTH, renderOverviewSvg, renderSvg, type LaneArea, type LaneDrawing, type SvgOptions } from './svg';
export { textWidth, wrapText, type Font } from './textWidth';
export { renderHtml, type HtmlOptions } from './html';
export { renderMarkdown, type MarkdownOptions } from './markdown';
export * from './labels';
export { displayClocks, isZoneChoice, zoneLabel, type ZoneChoice } from './clocks';

import type { TimelineModel } from '../protocol';
import { renderHtml } from './html';
import { ENGLISH_LABELS, type TimelineLabels } from './labels';
import { buildTimelineView, viewClocks, type DisplayZone, type TimelineView } from './layout';
import { renderMarkdown } from './markdown';
import { renderSvg, type LaneDrawing } from './svg';
import { componentLanes } from './componentLanes';
import { componentLanesSvg } from './componentLanesSvg';

export type ExportFormat = 'html' | 'svg' | 'md';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['html', 'svg', 'md'];

/** One export of a model, as the CLI and the export commands both produce it, in the labels' language. */
export function renderExport(model: TimelineModel, format: ExportFormat, zone: DisplayZone, labels: TimelineLabels = ENGLISH_LABELS): string {
  return renderViewAs(buildTimelineView(model), format, zone, labels);
}

/** One export of a view already built (the CLI also reads its figures). */
export function renderViewAs(view: TimelineView, format: ExportFormat, zone: DisplayZone, labels: TimelineLabels = ENGLISH_LABELS): string {
  switch (format) {
    case 'html': return renderHtml(view, { zone, labels });
    case 'svg': return renderSvg(view, { zone, labels, componentLanes: laneDrawing(view, zone, labels) });
    case 'md': return renderMarkdown(view, { zone, labels });
  }
}

/** The SVG export's component lanes, under its overview strip; none when no component is named. */
function laneDrawing(view: TimelineView, zone: DisplayZone, labels: TimelineLabels): LaneDrawing | undefined {
  const lanes = componentLanes(view);
  if (!lanes.lanes.length) return undefined;
  return (area) => componentLanesSvg(lanes, { x: area.scale.x, left: area.left, width: area.width, y: area.y, clocks: viewClocks(view, zone), labels });
}
