/**
 * The whole timeline as one SVG string (not just what a panel shows): header, legend, axis in
 * the chosen zone(s), the incident window as a band, and every event at its true position with
 * its label in a lane. Every user string is escaped; the SVG holds no script.
 */
import { escapeHtml } from './escape';
import { KIND_NAMES, KIND_STYLES, type KindName } from './kinds';
import { ENGLISH_LABELS, fillIn, type TimelineLabels } from './labels';
import { assignLaneSpans, axisTicks, clockName, eventTimeText, figureText, shownTimeText, timeScale, viewClocks, type Clock, type DisplayZone, type TimelineView } from './layout';

export interface SvgOptions {
  readonly zone: DisplayZone;
  /** Total width in pixels (default: 1200, wider for dense timelines). */
  readonly width?: number;
  /** Whether to draw the title/figures header (the HTML export has its own). */
  readonly header?: boolean;
  /** Legend and titles in the reader's language (default English). */
  readonly labels?: TimelineLabels;
}

/** Room kept right of the plot for the axis' zone names (labels there turn to the left). */
const ZONE_NAME_ROOM = 48;
const LANE_HEIGHT = 38;
const MAX_LABEL_CHARS = 38;

export const SVG_STYLE = `
.it-svg { font: 12px system-ui, -apple-system, 'Segoe UI', sans-serif; }
.it-svg .bg { fill: #ffffff; } .it-svg .fg { fill: #1f1f1f; } .it-svg .muted { fill: #5f6368; }
.it-svg .axis { stroke: #8a8a8a; } .it-svg .tick { stroke: #c8c8c8; } .it-svg .leader { stroke: #b0b0b0; stroke-dasharray: 2 3; }
.it-svg .band { fill: #d6e4f5; fill-opacity: 0.55; } .it-svg .band-edge { stroke: #1a73c9; }
${KIND_NAMES.map((k) => kindRule(k, 'light')).join('\n')}
@media (prefers-color-scheme: dark) {
  .it-svg .bg { fill: #1e1e1e; } .it-svg .fg { fill: #e0e0e0; } .it-svg .muted { fill: #a0a0a0; }
  .it-svg .axis { stroke: #8a8a8a; } .it-svg .tick { stroke: #444; } .it-svg .leader { stroke: #666; }
  .it-svg .band { fill: #264f78; fill-opacity: 0.45; } .it-svg .band-edge { stroke: #75beff; }
  ${KIND_NAMES.map((k) => kindRule(k, 'dark')).join('\n  ')}
}`;

function kindRule(kind: KindName, scheme: 'light' | 'dark'): string {
  const style = KIND_STYLES[kind];
  const color = style[scheme];
  return style.hollow
    ? `.it-svg .kind-${kind} { fill: none; stroke: ${color}; stroke-width: 1.6; }`
    : `.it-svg .kind-${kind} { fill: ${color}; }`;
}

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * About how wide a 12 px label is, on the generous side (DejaVu Sans, the widest common UI font,
 * averages 7.2 px): 7.5 px a character, 8.5 bold, twice that for CJK (full-width) ones.
 */
function textWidth(text: string, bold = false): number {
  let width = 0;
  for (const c of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{1f300}-\u{1faff}\u{20000}-\u{3fffd}]/u.test(c) ? 15 : bold ? 8.5 : 7.5;
  return width;
}

/** The two lines of an event's label: times (bold) and offset, then the event's text. */
interface EventLabel {
  readonly times: string;
  readonly offset: string;
  readonly text: string;
  /** Estimated width of the wider line. */
  readonly width: number;
}

function eventLabelLines(view: TimelineView, clocks: readonly Clock[], labels: TimelineLabels): EventLabel[] {
  return view.events.map((event) => {
    const times = eventTimeText(event, clocks, view.multiDay, labels);
    const text = truncate(event.text, MAX_LABEL_CHARS);
    return { times, offset: event.offset, text, width: Math.max(textWidth(times, true) + textWidth(` ${event.offset}`), textWidth(text)) };
  });
}

/** From the marker's centre to its label's near edge. */
const LABEL_GAP = 10;
/** Space kept between two labels in one lane, and inside the picture's edges. */
const LABEL_MARGIN = 8;

function shape(kind: KindName, x: number, y: number): string {
  return `<path class="kind-${kind}" transform="translate(${(x - 6).toFixed(1)} ${(y - 6).toFixed(1)})" d="${KIND_STYLES[kind].path}"/>`;
}

const PLOT_LEFT = 24;
/** A dense timeline gets wider, not thousands of lanes tall: at most this many lanes… */
const MAX_LANES = 24;
/** …unless the picture would pass this width. */
const MAX_AUTO_WIDTH = 32_000;

/**
 * The picture's width: the given one, or 1200 px widened (up to MAX_AUTO_WIDTH) until the
 * labels fit in MAX_LANES lanes, so a long log stays a readable strip. A label that would pass
 * the right edge sits left of its marker instead (text-anchor end); one too wide for either
 * side widens the picture. Lanes take each label's own extent, so no two labels overlap.
 */
function fitWidth(view: TimelineView, labels: readonly EventLabel[], given: number | undefined) {
  const layout = (requested: number) => {
    const plotWidth = Math.max(200, requested - PLOT_LEFT - ZONE_NAME_ROOM);
    const scale = timeScale(view.domain.startMs, plotWidth / (view.domain.endMs - view.domain.startMs), PLOT_LEFT);
    const xs = view.events.map((e) => scale.x(e.epochMs));
    const edge = requested - LABEL_MARGIN;
    const anchorEnd = xs.map((x, i) => x + LABEL_GAP + labels[i].width > edge && x - LABEL_GAP - labels[i].width >= LABEL_MARGIN);
    const lefts = xs.map((x, i) => (anchorEnd[i] ? x - LABEL_GAP - labels[i].width : x - 6));
    const rights = xs.map((x, i) => (anchorEnd[i] ? x + 6 : x + LABEL_GAP + labels[i].width));
    const width = Math.ceil(rights.reduce((widest, r) => Math.max(widest, r + LABEL_MARGIN), requested));
    return { width, plotWidth, scale, xs, anchorEnd, ...assignLaneSpans(lefts, rights.map((r) => r + LABEL_MARGIN)) };
  };
  let result = layout(given ?? 1200);
  for (let i = 0; given === undefined && i < 4 && result.laneCount > MAX_LANES && result.width < MAX_AUTO_WIDTH; i++) {
    result = layout(Math.min(MAX_AUTO_WIDTH, Math.ceil(result.width * (result.laneCount / MAX_LANES))));
  }
  return result;
}

export function renderSvg(view: TimelineView, options: SvgOptions): string {
  const labels = options.labels ?? ENGLISH_LABELS;
  const zones = viewClocks(view, options.zone);
  const eventLabels = eventLabelLines(view, zones, labels);
  const { width, plotWidth, scale, xs, anchorEnd, lanes, laneCount } = fitWidth(view, eventLabels, options.width);
  const incident = view.model.incident;
  const parts: string[] = [];
  let y = 8;
  if (options.header !== false) {
    const title = [incident?.id, incident?.title].filter((s) => s).join(' — ') || labels.incidentTimeline;
    parts.push(`<text class="fg" x="16" y="${y + 18}" font-size="18" font-weight="600">${escapeHtml(title)}</text>`);
    y += 28;
    const facts = [incident?.status, incident?.severity, incident?.service].filter((s) => s).join(' · ');
    const figures = view.figures.map((f) => `${labels.figures[f.key]} ${figureText(f, labels)}`).join(' · ');
    const line = [facts, figures].filter((s) => s).join('   ');
    if (line) {
      parts.push(`<text class="muted" x="16" y="${y + 14}">${escapeHtml(line)}</text>`);
      y += 22;
    }
  }
  // Legend: one shape and name per kind.
  let lx = 16;
  y += 10;
  for (const kind of KIND_NAMES) {
    parts.push(shape(kind, lx + 6, y + 6));
    const name = labels.kinds[kind];
    parts.push(`<text class="fg" x="${lx + 16}" y="${y + 10}">${escapeHtml(name)}</text>`);
    lx += 30 + textWidth(name);
  }
  y += 26;

  const { startMs, endMs } = view.domain;
  const axisTop = y;
  const axisY = axisTop + 18 * zones.length + 4;
  const lanesTop = axisY + 22;
  const height = lanesTop + Math.max(1, laneCount) * LANE_HEIGHT + 16;

  const body: string[] = [];
  if (view.window) {
    const x0 = scale.x(view.window.startMs);
    const x1 = scale.x(view.window.endMs);
    body.push(`<rect class="band" x="${x0.toFixed(1)}" y="${axisTop}" width="${Math.max(1, x1 - x0).toFixed(1)}" height="${height - axisTop - 8}"><title>${escapeHtml(labels.incidentWindow)}</title></rect>`);
    body.push(`<line class="band-edge" x1="${x0.toFixed(1)}" x2="${x0.toFixed(1)}" y1="${axisTop}" y2="${height - 8}"/>`);
    if (!view.window.open) body.push(`<line class="band-edge" x1="${x1.toFixed(1)}" x2="${x1.toFixed(1)}" y1="${axisTop}" y2="${height - 8}"/>`);
  }
  zones.forEach((zone, row) => {
    const ty = axisTop + 14 + row * 18;
    for (const tick of axisTicks(startMs, endMs, plotWidth, zone)) {
      const x = scale.x(tick.epochMs);
      body.push(`<line class="tick" x1="${x.toFixed(1)}" x2="${x.toFixed(1)}" y1="${axisY - 4}" y2="${axisY + 4}"/>`);
      body.push(`<text class="muted" x="${x.toFixed(1)}" y="${ty}" text-anchor="middle">${escapeHtml(tick.label)}</text>`);
    }
    body.push(`<text class="muted" x="${PLOT_LEFT + plotWidth + 8}" y="${ty}">${escapeHtml(clockName(zone, startMs))}</text>`);
  });
  body.push(`<line class="axis" x1="${PLOT_LEFT}" x2="${PLOT_LEFT + plotWidth}" y1="${axisY}" y2="${axisY}"/>`);

  view.events.forEach((event, i) => {
    const x = xs[i];
    const my = lanesTop + lanes[i] * LANE_HEIGHT + 6;
    const { times, offset, text } = eventLabels[i];
    const tx = (anchorEnd[i] ? x - LABEL_GAP : x + LABEL_GAP).toFixed(1);
    const anchor = anchorEnd[i] ? ' text-anchor="end"' : '';
    const full = event.day ? `${shownTimeText(event, zones[0], labels)} (${labels.timeNotGiven})` : zones.map((zone) => shownTimeText(event, zone, labels)).join(' / ');
    body.push(`<g class="event" data-index="${event.index}"><title>${escapeHtml(`${full}${event.offset ? ` (${event.offset})` : ''} ${labels.kinds[event.kind]}: ${event.text}`)}</title>`
      + `<line class="leader" x1="${x.toFixed(1)}" x2="${x.toFixed(1)}" y1="${axisY}" y2="${my - 6}"/>`
      + shape(event.kind, x, my)
      + `<text class="fg" x="${tx}" y="${my + 4}"${anchor} font-weight="600">${escapeHtml(times)} <tspan class="muted" font-weight="400">${escapeHtml(offset)}</tspan></text>`
      + `<text class="fg" x="${tx}" y="${my + 20}"${anchor}>${escapeHtml(text)}</text></g>`);
  });

  const label = escapeHtml(fillIn(labels.svgTitle, incident?.id ?? labels.incidentTimeline, view.events.length));
  return `<svg xmlns="http://www.w3.org/2000/svg" class="it-svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${label}">`
    + `<style>${SVG_STYLE}</style>`
    // Its own background, so the text stays readable when a dark viewer shows the file alone.
    + `<rect class="bg" width="${width}" height="${height}"/>`
    + parts.join('') + body.join('') + '</svg>\n';
}
