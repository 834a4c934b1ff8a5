/**
 * Component lanes as SVG, for the exports: a row per component with its name above a band per
 * state, and a legend of the states drawn. Each state has its own colour AND pattern (solid,
 * dots, stripes, a thin bar, a dashed outline), so lanes read in greyscale, print and for
 * colour-blind readers; the page's light or dark scheme picks the colours. The caller gives the
 * x-scale, so the lanes can sit under any timeline (the SVG export places them in its layout).
 */
import type { ComponentLanes, LaneBand, LaneState } from './componentLanes';
import { LANE_STATES } from './componentLanes';
import { escapeHtml } from './escape';
import type { TimelineLabels } from './labels';
import { axisTicks, clockName, fullTimeText, timeScale, type Clock, type TimelineView } from './layout';
import { formatDuration } from '../time';

export interface LanesSvgOptions {
  /** Time to x, the caller's scale. */
  readonly x: (epochMs: number) => number;
  /** Where the names start (the plot's left edge) and the room to the right of it; bands are kept inside. */
  readonly left: number;
  readonly width: number;
  /** The top of the first row. */
  readonly y: number;
  /** The clocks times are told in (the first is the primary one). */
  readonly clocks: readonly Clock[];
  readonly labels: TimelineLabels;
}

const NAME_HEIGHT = 15;
const BAND_HEIGHT = 12;
const ROW_HEIGHT = NAME_HEIGHT + BAND_HEIGHT + 8;
const LEGEND_HEIGHT = 22;

const COLORS: Readonly<Record<LaneState, { readonly light: string; readonly dark: string }>> = {
  'operational': { light: '#2e7d32', dark: '#89d185' },
  'degraded': { light: '#a67c00', dark: '#e2c541' },
  'partial-outage': { light: '#c25e00', dark: '#f3a64a' },
  'major-outage': { light: '#c72e2e', dark: '#f48771' },
  'maintenance': { light: '#1a73c9', dark: '#75beff' },
  'unstated': { light: '#5f6368', dark: '#a0a0a0' },
};

function stateRules(scheme: 'light' | 'dark'): string {
  const c = (state: LaneState) => COLORS[state][scheme];
  const paper = scheme === 'light' ? '#ffffff' : '#1e1e1e';
  return [
    `.it-lanes .state-operational { fill: ${c('operational')}; }`,
    `.it-lanes .state-major-outage { fill: ${c('major-outage')}; }`,
    `.it-lanes .state-unstated { fill: none; stroke: ${c('unstated')}; stroke-dasharray: 3 2; }`,
    ...(['degraded', 'partial-outage', 'maintenance'] as const).map((s) => `.it-lanes .ground-${s} { fill: ${c(s)}; }`),
    `.it-lanes .ink { fill: ${paper}; stroke: ${paper}; }`,
  ].join('\n');
}

export const LANES_STYLE = `
.it-lanes { font: 12px system-ui, -apple-system, 'Segoe UI', sans-serif; }
.it-lanes .fg { fill: #1f1f1f; } .it-lanes .muted { fill: #5f6368; } .it-lanes .tick { stroke: #c8c8c8; }
${stateRules('light')}
@media (prefers-color-scheme: dark) {
  .it-lanes .fg { fill: #e0e0e0; } .it-lanes .muted { fill: #a0a0a0; } .it-lanes .tick { stroke: #444; }
  ${stateRules('dark')}
}`;

/** The three patterned states: dots, diagonal stripes, horizontal stripes, in the page's colours. */
const PATTERNS = '<defs>'
  + '<pattern id="it-lane-degraded" width="6" height="6" patternUnits="userSpaceOnUse"><rect class="ground-degraded" width="6" height="6"/><circle class="ink" cx="3" cy="3" r="1.2" stroke-width="0"/></pattern>'
  + '<pattern id="it-lane-partial-outage" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect class="ground-partial-outage" width="6" height="6"/><rect class="ink" width="2" height="6" stroke-width="0"/></pattern>'
  + '<pattern id="it-lane-maintenance" width="6" height="6" patternUnits="userSpaceOnUse"><rect class="ground-maintenance" width="6" height="6"/><rect class="ink" width="6" height="1.5" stroke-width="0"/></pattern>'
  + '</defs>';

/** One band's rectangle: operational a thin bar, unstated an outline, the patterned states filled with their pattern. */
function bandRect(state: LaneState, x: number, y: number, width: number): string {
  const w = Math.max(1, width).toFixed(1);
  if (state === 'operational') return `<rect class="state-operational" x="${x.toFixed(1)}" y="${y + BAND_HEIGHT / 3}" width="${w}" height="${BAND_HEIGHT / 3}"/>`;
  if (state === 'unstated') return `<rect class="state-unstated" x="${(x + 0.5).toFixed(1)}" y="${y + 0.5}" width="${Math.max(1, width - 1).toFixed(1)}" height="${BAND_HEIGHT - 1}"/>`;
  if (state === 'major-outage') return `<rect class="state-major-outage" x="${x.toFixed(1)}" y="${y}" width="${w}" height="${BAND_HEIGHT}"/>`;
  return `<rect class="state-${state}" fill="url(#it-lane-${state})" x="${x.toFixed(1)}" y="${y}" width="${w}" height="${BAND_HEIGHT}"/>`;
}

/** "API: major outage, 2024-05-01 19:20 JST – 2024-05-01 20:00 JST (40m)": a band's tooltip and accessible name. */
export function bandText(name: string, band: LaneBand, clocks: readonly Clock[], labels: TimelineLabels): string {
  const when = (ms: number) => clocks.map((clock) => fullTimeText(ms, clock)).join(' / ');
  return `${name}: ${labels.componentStates[band.state]}, ${when(band.fromMs)} – ${when(band.toMs)} (${formatDuration(band.toMs - band.fromMs)})`;
}

/**
 * The lanes as an SVG fragment (a `<g>` with its style and patterns) and the height it takes.
 * Empty, height 0, when no component is named.
 */
export function componentLanesSvg(lanes: ComponentLanes, options: LanesSvgOptions): { readonly svg: string; readonly height: number } {
  if (!lanes.lanes.length) return { svg: '', height: 0 };
  const { left, y, labels } = options;
  const x = (ms: number) => Math.min(left + options.width, Math.max(left, options.x(ms)));
  const parts: string[] = [`<g class="it-lanes" role="list" aria-label="${escapeHtml(labels.components)}"><style>${LANES_STYLE}</style>${PATTERNS}`];
  const present = new Set<LaneState>();
  lanes.lanes.forEach((lane, row) => {
    const top = y + row * ROW_HEIGHT;
    parts.push(`<g class="lane" role="listitem"><text class="fg" x="${left}" y="${top + 11}" font-weight="600">${escapeHtml(lane.name)}</text>`);
    for (const band of lane.bands) {
      present.add(band.state);
      const x0 = x(band.fromMs);
      const index = band.index !== undefined ? ` data-index="${band.index}"` : '';
      parts.push(`<g class="band"${index}><title>${escapeHtml(bandText(lane.name, band, options.clocks, labels))}</title>${bandRect(band.state, x0, top + NAME_HEIGHT, x(band.toMs) - x0)}</g>`);
    }
    parts.push('</g>');
  });
  // The legend names the states drawn, in the catalogue's order, each with its own swatch.
  let lx = left;
  const ly = y + lanes.lanes.length * ROW_HEIGHT + 2;
  for (const state of LANE_STATES) {
    if (!present.has(state)) continue;
    const name = labels.componentStates[state];
    parts.push(`<g class="legend-state">${bandRect(state, lx, ly, 18)}<text class="fg" x="${lx + 24}" y="${ly + 10}">${escapeHtml(name)}</text></g>`);
    lx += 40 + textWidth(name);
  }
  parts.push('</g>');
  return { svg: parts.join(''), height: lanes.lanes.length * ROW_HEIGHT + LEGEND_HEIGHT };
}

/** About how wide a 12 px text is: 7 px a character, twice that for CJK ones. */
function textWidth(text: string): number {
  let width = 0;
  for (const c of text) width += /[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/u.test(c) ? 14 : 7;
  return width;
}

/** Room kept on the right of the lanes' axis for the zone's name. */
const ZONE_NAME_ROOM = 48;
const PLOT_LEFT = 24;

/**
 * The lanes alone as one SVG picture (the HTML export's): over the incident's drawn time, with an
 * axis in the primary zone; '' when the incident names no component.
 */
export function componentLanesPicture(view: TimelineView, lanes: ComponentLanes, options: { readonly clocks: readonly Clock[]; readonly labels: TimelineLabels; readonly width?: number }): string {
  if (!lanes.lanes.length) return '';
  const width = options.width ?? 1200;
  const plotWidth = width - PLOT_LEFT - ZONE_NAME_ROOM;
  const scale = timeScale(view.domain.startMs, plotWidth / (view.domain.endMs - view.domain.startMs), PLOT_LEFT);
  const zone = options.clocks[0];
  const ticks = axisTicks(view.domain.startMs, view.domain.endMs, plotWidth, zone).map((tick) => {
    const tx = scale.x(tick.epochMs).toFixed(1);
    return `<line class="tick" x1="${tx}" x2="${tx}" y1="18" y2="24"/><text class="muted" x="${tx}" y="14" text-anchor="middle">${escapeHtml(tick.label)}</text>`;
  }).join('');
  const body = componentLanesSvg(lanes, { x: scale.x, left: PLOT_LEFT, width: plotWidth, y: 30, clocks: options.clocks, labels: options.labels });
  const height = 30 + body.height + 6;
  return `<svg xmlns="http://www.w3.org/2000/svg" class="it-lanes" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(options.labels.components)}">`
    + `${ticks}<line class="tick" x1="${PLOT_LEFT}" x2="${PLOT_LEFT + plotWidth}" y1="24" y2="24"/>`
    + `<text class="muted" x="${PLOT_LEFT + plotWidth + 8}" y="14">${escapeHtml(clockName(zone, view.domain.startMs))}</text>${body.svg}</svg>\n`;
}
