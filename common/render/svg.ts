/**
 * The SVG export: the preview's reading layout (reading.ts) as one picture. The header with the
 * window in words; an overview strip of the whole incident in true time when the page runs long
 * (and the place where component lanes go); the legend of the kinds present; then, down a rail,
 * a heading per day and each event's time, offset, kind and whole text, wrapped, with space
 * proportional to the time since the event before and quiet gaps compressed into a marked line.
 * Text is measured by estimate (textWidth.ts), so no DOM is needed. Every user string is
 * escaped; the SVG holds no script.
 */
import { escapeHtml } from './escape';
import { KIND_NAMES, KIND_STYLES, type KindName } from './kinds';
import { ENGLISH_LABELS, fillIn, type TimelineLabels } from './labels';
import { axisTicks, clockName, eventLabel, eventTimeText, figureText, timeScale, viewClocks, type Clock, type DisplayZone, type TimeScale, type TimelineView } from './layout';
import { readingItems, readingOptions, windowTexts } from './reading';
import { textWidth, wrapText, type Font } from './textWidth';
import { updateFigures } from './updateFigures';
import { updateNotes } from './updatesExport';

/** Where component lanes are drawn: under the overview strip, on its time scale. */
export interface LaneArea {
  /** Time -> x, the strip's own. */
  readonly scale: TimeScale;
  /** The strip's left edge and width, in px. */
  readonly left: number;
  readonly width: number;
  /** The top of the lanes. */
  readonly y: number;
}

/** Draws the lanes in `area`: their SVG and the height they took. */
export type LaneDrawing = (area: LaneArea) => { readonly svg: string; readonly height: number };

export interface SvgOptions {
  /** JST, UTC, both, the file's own zone or any IANA zone. */
  readonly zone: DisplayZone;
  /** Total width in pixels (default 800; at least 320). Text wraps to it; the height follows. */
  readonly width?: number;
  /** Whether to draw the title, window and figures (the HTML export has its own). */
  readonly header?: boolean;
  /** Legend and titles in the reader's language (default English). */
  readonly labels?: TimelineLabels;
  /** Component lanes under the overview strip (which is then always drawn); none by default. */
  readonly componentLanes?: LaneDrawing;
}

export const DEFAULT_SVG_WIDTH = 800;
const MIN_WIDTH = 320;
const MARGIN = 16;
/** The rail (time axis) and the text column, as in the preview page. */
const RAIL_X = 22;
const TEXT_X = 34;
const LINE = 19;
/** An update's notes, in the small font. */
const NOTE_LINE = 17;
const DAY_HEIGHT = 32;
const GAP_HEIGHT = 26;
const EVENT_PADDING = 5;
/** Room between the pieces of an event's first line (time, offset, kind). */
const PIECE_GAP = 10;
const STRIP_HEIGHT = 24;
/** Pixels per density bar in the strip. */
const BAR = 3;
/** Room right of the strip for the zone's name. */
const ZONE_NAME_ROOM = 34;
/** The overview strip is drawn once the events take more than one screen's height. */
const STRIP_FROM_HEIGHT = 900;

const TEXT: Font = { size: 13 };
const STRONG: Font = { size: 13, bold: true };
const SMALL: Font = { size: 12 };
const TITLE: Font = { size: 18, bold: true };

export const SVG_STYLE = `
.it-svg { font: 13px system-ui, -apple-system, 'Segoe UI', sans-serif; }
.it-svg .bg { fill: #ffffff; } .it-svg .fg { fill: #1f1f1f; } .it-svg .muted { fill: #5f6368; }
.it-svg .rail { stroke: #9cbfe6; stroke-width: 2; } .it-svg .gap-edge { stroke: #5f6368; }
.it-svg .strip { fill: none; stroke: #c8c8c8; } .it-svg .density { fill: #1f1f1f; } .it-svg .tick { stroke: #8a8a8a; }
.it-svg .band { fill: #d6e4f5; fill-opacity: 0.55; }
${KIND_NAMES.map((k) => kindRule(k, 'light')).join('\n')}
@media (prefers-color-scheme: dark) {
  .it-svg .bg { fill: #1e1e1e; } .it-svg .fg { fill: #e0e0e0; } .it-svg .muted { fill: #a0a0a0; }
  .it-svg .rail { stroke: #3b6a99; } .it-svg .gap-edge { stroke: #a0a0a0; }
  .it-svg .strip { stroke: #444; } .it-svg .density { fill: #e0e0e0; } .it-svg .tick { stroke: #8a8a8a; }
  .it-svg .band { fill: #264f78; fill-opacity: 0.45; }
  ${KIND_NAMES.map((k) => kindRule(k, 'dark')).join('\n  ')}
}`;

function kindRule(kind: KindName, scheme: 'light' | 'dark'): string {
  const style = KIND_STYLES[kind];
  const color = style[scheme];
  return style.hollow
    ? `.it-svg .kind-${kind} { fill: none; stroke: ${color}; stroke-width: 1.6; }`
    : `.it-svg .kind-${kind} { fill: ${color}; }`;
}

const px = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

function shape(kind: KindName, x: number, y: number): string {
  return `<path class="kind-${kind}" transform="translate(${px(x - 6)} ${px(y - 6)})" d="${KIND_STYLES[kind].path}"/>`;
}

/** Lines of text, one `<tspan>` each at its own baseline, `LINE` px apart (or `step`). */
function textBlock(lines: readonly string[], x: number, y: number, className: string, attrs = '', step = LINE): string {
  const spans = lines.map((line, i) => `<tspan x="${px(x)}" y="${px(y + i * step)}">${escapeHtml(line)}</tspan>`).join('');
  return `<text class="${className}" x="${px(x)}" y="${px(y)}"${attrs}>${spans}</text>`;
}

/** A piece of an event's first line. */
interface Piece {
  readonly text: string;
  readonly font: Font;
  readonly className: string;
}

/** Pieces laid out left to right, starting a new line when the next one would pass `maxWidth`. */
function pieceLines(pieces: readonly Piece[], maxWidth: number): Piece[][] {
  const lines: Piece[][] = [];
  let width = 0;
  for (const piece of pieces) {
    const w = textWidth(piece.text, piece.font);
    const line = lines[lines.length - 1];
    if (line && width + PIECE_GAP + w <= maxWidth) {
      line.push(piece);
      width += PIECE_GAP + w;
    } else {
      lines.push([piece]);
      width = w;
    }
  }
  return lines;
}

function drawPieces(lines: readonly Piece[][], x: number, y: number): string {
  return lines.map((line, row) => {
    let left = x;
    return line.map((piece) => {
      const text = `<text class="${piece.className}" x="${px(left)}" y="${px(y + row * LINE)}"${piece.font.bold ? ' font-weight="600"' : ''}>${escapeHtml(piece.text)}</text>`;
      left += textWidth(piece.text, piece.font) + PIECE_GAP;
      return text;
    }).join('');
  }).join('');
}

/** The reading layout's blocks, placed from y = 0; drawn once the page above them is known. */
type Block =
  | { readonly type: 'day'; readonly top: number; readonly date: string }
  | { readonly type: 'gap'; readonly top: number; readonly duration: string }
  | { readonly type: 'event'; readonly top: number; readonly position: number; readonly when: Piece[][]; readonly lines: string[]; readonly notes: string[] };

function layoutBody(view: TimelineView, clocks: readonly Clock[], labels: TimelineLabels, width: number): { blocks: Block[]; height: number } {
  const columnWidth = width - TEXT_X - MARGIN;
  const blocks: Block[] = [];
  let y = 0;
  for (const item of readingItems(view, clocks, readingOptions('timeline', 1))) {
    if (item.type === 'day') {
      blocks.push({ type: 'day', top: y, date: item.date });
      y += DAY_HEIGHT;
    } else if (item.type === 'gap') {
      blocks.push({ type: 'gap', top: y, duration: item.duration });
      y += GAP_HEIGHT;
    } else {
      const event = view.events[item.position];
      const pieces: Piece[] = [
        { text: eventTimeText(event, clocks, false, labels), font: STRONG, className: 'fg' },
        // A date alone has no offset to show; it says instead that the source gave no time.
        event.day ? { text: labels.timeNotGiven, font: TEXT, className: 'muted' } : { text: event.offset, font: TEXT, className: 'muted' },
      ].filter((piece) => piece.text);
      if (event.kind !== 'other') pieces.push({ text: labels.kinds[event.kind], font: TEXT, className: 'muted' });
      // An update's status beside its time, and its notes (posted, promise, lateness, states) under its text, as in the preview.
      const update = updateNotes(view, event.index, clocks, labels);
      if (update?.status) pieces.push({ text: update.status, font: STRONG, className: 'fg' });
      const when = pieceLines(pieces, columnWidth);
      const lines = event.text.trim() ? wrapText(event.text, columnWidth, TEXT) : [];
      const notes = update?.notes.length ? wrapText(update.notes.join(' · '), columnWidth, SMALL) : [];
      const top = y + item.space;
      blocks.push({ type: 'event', top, position: item.position, when, lines, notes });
      y = top + EVENT_PADDING * 2 + LINE * (when.length + lines.length) + NOTE_LINE * notes.length;
    }
  }
  return { blocks, height: y };
}

function drawBody(view: TimelineView, clocks: readonly Clock[], labels: TimelineLabels, blocks: readonly Block[], height: number, top: number): string {
  if (!blocks.length) return '';
  // The rail runs the whole body; a compressed gap covers it with a break.
  const parts = [`<line class="rail" x1="${RAIL_X}" x2="${RAIL_X}" y1="${px(top)}" y2="${px(top + height)}"/>`];
  for (const block of blocks) {
    const y = top + block.top;
    if (block.type === 'day') {
      parts.push(`<text class="fg" x="${TEXT_X}" y="${px(y + 25)}" font-weight="600">${escapeHtml(block.date)}</text>`);
    } else if (block.type === 'gap') {
      parts.push(`<g class="gap"><rect class="bg" x="${RAIL_X - 5}" y="${px(y + 5)}" width="10" height="16"/>`
        + `<line class="gap-edge" x1="${RAIL_X - 5}" x2="${RAIL_X + 5}" y1="${px(y + 5.5)}" y2="${px(y + 5.5)}"/>`
        + `<line class="gap-edge" x1="${RAIL_X - 5}" x2="${RAIL_X + 5}" y1="${px(y + 20.5)}" y2="${px(y + 20.5)}"/>`
        + `<text class="muted" x="${TEXT_X}" y="${px(y + 18)}" font-style="italic">${escapeHtml(`… ${block.duration} …`)}</text></g>`);
    } else {
      const event = view.events[block.position];
      const firstLine = y + EVENT_PADDING + 14;
      parts.push(`<g class="event" data-index="${event.index}"><title>${escapeHtml(eventLabel(event, clocks, labels))}</title>`
        + shape(event.kind, RAIL_X, y + EVENT_PADDING + 10)
        + drawPieces(block.when, TEXT_X, firstLine)
        + (block.lines.length ? textBlock(block.lines, TEXT_X, firstLine + LINE * block.when.length, 'fg') : '')
        + (block.notes.length
          ? textBlock(block.notes, TEXT_X, firstLine + LINE * (block.when.length + block.lines.length) - 2, 'muted', ' font-size="12"', NOTE_LINE)
          : '')
        + '</g>');
    }
  }
  return parts.join('');
}

/** The title, the window in words (the other zone's under it in Both) and the facts with the figures. */
function drawHeader(view: TimelineView, clocks: readonly Clock[], labels: TimelineLabels, width: number, top: number): { svg: string; height: number } {
  const incident = view.model.incident;
  const maxWidth = width - 2 * MARGIN;
  const parts: string[] = [];
  let y = top;
  const title = wrapText([incident?.id, incident?.title].filter((s) => s).join(' — ') || labels.incidentTimeline, maxWidth, TITLE);
  parts.push(textBlock(title, MARGIN, y + 20, 'fg', ' font-size="18" font-weight="600"', 24));
  y += 24 * title.length + 6;
  const windows = windowTexts(view, clocks, labels);
  const duration = view.figures.find((f) => f.key === 'duration');
  (windows ?? []).forEach((window, i) => {
    const text = i === 0 && duration?.value !== undefined ? `${window}, ${duration.value}` : window;
    const lines = wrapText(text, maxWidth, i === 0 ? STRONG : TEXT);
    parts.push(textBlock(lines, MARGIN, y + 14, i === 0 ? 'fg' : 'muted', i === 0 ? ' font-weight="600"' : ''));
    y += LINE * lines.length;
  });
  const facts = [incident?.status, incident?.severity, incident?.service].filter((s) => s).join(' · ');
  const figures = [
    ...view.figures.map((f) => `${labels.figures[f.key]} ${figureText(f, labels)}`),
    ...updateFigures(view, labels).map((f) => `${f.label} ${f.value}`),
  ].join(' · ');
  const line = [facts, figures].filter((s) => s).join(' · ');
  if (line) {
    const lines = wrapText(line, maxWidth, SMALL);
    parts.push(textBlock(lines, MARGIN, y + 14, 'muted', ' font-size="12"', 17));
    y += 17 * lines.length;
  }
  return { svg: parts.join(''), height: y - top + 4 };
}

/** One shape and name per kind the incident uses, in rows that fit the width. */
function drawLegend(view: TimelineView, labels: TimelineLabels, width: number, top: number): { svg: string; height: number } {
  const present = new Set(view.events.map((e) => e.kind));
  const parts: string[] = [];
  let x = MARGIN;
  let y = top;
  for (const kind of KIND_NAMES.filter((k) => present.has(k))) {
    const name = labels.kinds[kind];
    const w = 16 + textWidth(name, TEXT);
    if (x > MARGIN && x + w > width - MARGIN) {
      x = MARGIN;
      y += 22;
    }
    parts.push(shape(kind, x + 6, y + 10), `<text class="fg" x="${px(x + 16)}" y="${px(y + 14)}">${escapeHtml(name)}</text>`);
    x += w + 14;
  }
  return parts.length ? { svg: parts.join(''), height: y - top + 26 } : { svg: '', height: 0 };
}

/**
 * The whole incident on one true-time line, as the preview's overview strip: the window as a
 * band, the events' density as bars, hour ticks in the primary zone; component lanes under it.
 */
function drawStrip(view: TimelineView, clocks: readonly Clock[], labels: TimelineLabels, width: number, top: number, lanes: LaneDrawing | undefined): { svg: string; height: number } {
  const left = MARGIN;
  const plotWidth = width - MARGIN - ZONE_NAME_ROOM - left;
  const { startMs, endMs } = view.domain;
  const scale = timeScale(startMs, plotWidth / (endMs - startMs), left);
  const parts: string[] = [];
  if (view.window) {
    const x0 = scale.x(view.window.startMs);
    const x1 = scale.x(view.window.endMs);
    parts.push(`<rect class="band" x="${px(x0)}" y="${top}" width="${px(Math.max(1, x1 - x0))}" height="${STRIP_HEIGHT}"><title>${escapeHtml(labels.incidentWindow)}</title></rect>`);
  }
  const counts = new Uint32Array(Math.ceil(plotWidth / BAR));
  for (const event of view.events) counts[Math.min(counts.length - 1, Math.max(0, Math.floor((scale.x(event.epochMs) - left) / BAR)))]++;
  const max = Math.max(1, ...counts);
  counts.forEach((count, i) => {
    if (!count) return;
    // Square root: one lone update stays visible next to a burst of hundreds.
    const bar = Math.max(3, Math.sqrt(count / max) * (STRIP_HEIGHT - 4));
    parts.push(`<rect class="density" x="${left + i * BAR}" y="${px(top + STRIP_HEIGHT - 2 - bar)}" width="${BAR - 1}" height="${px(bar)}"/>`);
  });
  parts.push(`<rect class="strip" x="${left}" y="${top}" width="${plotWidth}" height="${STRIP_HEIGHT}"/>`);
  const ticksY = top + STRIP_HEIGHT + 13;
  const primary = clocks[0];
  for (const tick of axisTicks(startMs, endMs, plotWidth, primary)) {
    const x = scale.x(tick.epochMs);
    const half = textWidth(tick.label, SMALL) / 2;
    if (x - half < left || x + half > left + plotWidth) continue;
    parts.push(`<line class="tick" x1="${px(x)}" x2="${px(x)}" y1="${top + STRIP_HEIGHT}" y2="${top + STRIP_HEIGHT + 3}"/>`
      + `<text class="muted" x="${px(x)}" y="${ticksY}" font-size="12" text-anchor="middle">${escapeHtml(tick.label)}</text>`);
  }
  parts.push(`<text class="muted" x="${left + plotWidth + 6}" y="${ticksY}" font-size="12">${escapeHtml(clockName(primary, startMs))}</text>`);
  let height = STRIP_HEIGHT + 20;
  if (lanes) {
    const drawn = lanes({ scale, left, width: plotWidth, y: top + height });
    parts.push(drawn.svg);
    height += drawn.height;
  }
  return { svg: `<g class="overview">${parts.join('')}</g>`, height: height + 8 };
}

/** The events whose time could not be read, each with its time as written and its whole text. */
function drawUnreadable(view: TimelineView, labels: TimelineLabels, width: number, top: number): { svg: string; height: number } {
  if (!view.unreadable.length) return { svg: '', height: 0 };
  const parts = [`<text class="fg" x="${MARGIN}" y="${top + 22}" font-weight="600">${escapeHtml(fillIn(labels.unreadableCount, view.unreadable.length))}</text>`];
  let y = top + 32;
  for (const event of view.unreadable) {
    const lines = wrapText(`${event.timeText || `(${labels.noTime})`}: ${event.text}`, width - 2 * MARGIN, TEXT);
    parts.push(textBlock(lines, MARGIN, y + 14, 'fg'));
    y += LINE * lines.length + 4;
  }
  return { svg: parts.join(''), height: y - top };
}

function svgDocument(width: number, height: number, label: string, content: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" class="it-svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(label)}">`
    + `<style>${SVG_STYLE}</style>`
    // Its own background, so the text stays readable when a dark viewer shows the file alone.
    + `<rect class="bg" width="${width}" height="${height}"/>`
    + content + '</svg>\n';
}

function widthOf(options: { readonly width?: number }): number {
  return Math.max(MIN_WIDTH, Math.round(options.width ?? DEFAULT_SVG_WIDTH));
}

export function renderSvg(view: TimelineView, options: SvgOptions): string {
  const width = widthOf(options);
  const labels = options.labels ?? ENGLISH_LABELS;
  const clocks = viewClocks(view, options.zone);
  const parts: string[] = [];
  let y = 8;
  if (options.header !== false) {
    const header = drawHeader(view, clocks, labels, width, y);
    parts.push(header.svg);
    y += header.height;
  }
  const body = layoutBody(view, clocks, labels, width);
  if (view.events.length && (options.componentLanes || body.height > STRIP_FROM_HEIGHT)) {
    const strip = drawStrip(view, clocks, labels, width, y + 4, options.componentLanes);
    parts.push(strip.svg);
    y += strip.height + 4;
  }
  const legend = drawLegend(view, labels, width, y);
  parts.push(legend.svg);
  y += legend.height;
  if (view.events.length) {
    parts.push(drawBody(view, clocks, labels, body.blocks, body.height, y));
    y += body.height;
  } else {
    parts.push(`<text class="muted" x="${MARGIN}" y="${y + 18}">${escapeHtml(labels.noReadableTime)}</text>`);
    y += 26;
  }
  const unreadable = drawUnreadable(view, labels, width, y);
  parts.push(unreadable.svg);
  y += unreadable.height;
  const height = Math.ceil(y + 12);
  return svgDocument(width, height, fillIn(labels.svgTitle, view.model.incident?.id ?? labels.incidentTimeline, view.events.length), parts.join(''));
}

/** The overview strip alone (and the component lanes under it), as the HTML export shows it above its table. */
export function renderOverviewSvg(view: TimelineView, options: Omit<SvgOptions, 'header'>): string {
  const width = widthOf(options);
  const labels = options.labels ?? ENGLISH_LABELS;
  const clocks = viewClocks(view, options.zone);
  const strip = drawStrip(view, clocks, labels, width, 4, options.componentLanes);
  return svgDocument(width, strip.height + 4, fillIn(labels.svgTitle, view.model.incident?.id ?? labels.incidentTimeline, view.events.length), strip.svg);
}
