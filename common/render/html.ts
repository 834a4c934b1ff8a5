/**
 * The timeline as one self-contained HTML file: inline style, the header, the overview strip
 * (the whole incident in true time, as SVG) and a table of every event in reading order. No
 * script at all, and a CSP that forbids scripts and any network load, so the file opens offline
 * anywhere and incident text can never run.
 */
import { componentLanes } from './componentLanes';
import { componentLanesPicture } from './componentLanesSvg';
import { escapeHtml, safeHref } from './escape';
import { ENGLISH_LABELS, type TimelineLabels } from './labels';
import { clockName, figureText, shownTimeText, viewClocks, type Clock, type DisplayZone, type ShownTime, type TimelineView } from './layout';
import { readingItems, readingOptions, windowTexts } from './reading';
import { renderOverviewSvg } from './svg';
import { updateFigures } from './updateFigures';
import { updateNotes } from './updatesExport';

const PAGE_STYLE = `
:root { color-scheme: light dark; }
body { font: 14px/1.5 system-ui, -apple-system, 'Segoe UI', sans-serif; margin: 24px; color: #1f1f1f; background: #ffffff; }
h1 { font-size: 1.5em; margin: 0 0 .5em; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0 0 16px; }
dt { font-weight: 600; color: #5f6368; } dd { margin: 0; }
.figures { display: flex; gap: 24px; flex-wrap: wrap; margin: 0 0 16px; }
.figures div { border: 1px solid #d0d0d0; border-radius: 4px; padding: 6px 12px; }
.figures strong { display: block; font-size: 1.2em; } .figures em { display: block; }
.chart { overflow-x: auto; margin: 0 0 24px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid #e0e0e0; }
th, td.time, td.offset { white-space: nowrap; font-variant-numeric: tabular-nums; }
a { color: #1a73c9; }
.window { font-weight: 600; margin: 0 0 12px; } .window span + span { font-weight: 400; color: #5f6368; margin-left: 12px; }
tr.day th { padding-top: 14px; font-size: 1.05em; } tr.gap td { font-style: italic; color: #5f6368; }
.status { border: 1px solid #1a73c9; color: #1a73c9; border-radius: 9px; padding: 0 7px; margin-right: 6px; font-size: .9em; white-space: nowrap; }
.notes { display: block; color: #5f6368; font-size: .92em; }
@media (prefers-color-scheme: dark) {
  body { color: #e0e0e0; background: #1e1e1e; } dt { color: #a0a0a0; }
  .figures div { border-color: #444; } th, td { border-color: #333; } a { color: #75beff; }
  .status { border-color: #75beff; color: #75beff; } .notes { color: #a0a0a0; }
}`;

export interface HtmlOptions {
  readonly zone: DisplayZone;
  /** Headers and names in the reader's language (default English); also the page's lang. */
  readonly labels?: TimelineLabels;
}

/** "2019-11-19 10:40 JST / 2019-11-19 01:40 UTC"; a date alone once, in its own zone. */
function timesIn(time: ShownTime, columns: readonly Clock[], labels: TimelineLabels): string {
  return time.day ? shownTimeText(time, columns[0], labels) : columns.map((clock) => shownTimeText(time, clock, labels)).join(' / ');
}

export function renderHtml(view: TimelineView, options: HtmlOptions): string {
  const labels = options.labels ?? ENGLISH_LABELS;
  const incident = view.model.incident;
  const clocks = viewClocks(view, options.zone);
  // The table's columns: JST and UTC, or a named zone's clock (its abbreviation in each cell) and UTC.
  const columns: Clock[] = clocks[0] === 'JST' || clocks[0] === 'UTC' ? ['JST', 'UTC'] : [clocks[0], 'UTC'];
  const title = [incident?.id, incident?.title].filter((s) => s).join(' — ') || labels.incidentTimeline;
  const facts: [string, string | undefined][] = [
    [labels.status, incident?.status],
    [labels.severity, incident?.severity],
    [labels.service, incident?.service],
    [labels.regions, incident?.regions?.join(', ')],
    [labels.start, view.window ? timesIn(view.window.start, columns, labels) : undefined],
    [labels.end, view.window?.end ? timesIn(view.window.end, columns, labels) : undefined],
    [labels.impact, incident?.impact],
    [labels.cause, incident?.cause],
  ];
  const dl = facts.filter(([, v]) => v).map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v ?? '')}</dd>`).join('');
  const sources = (incident?.sources ?? []).map((s) => {
    const text = escapeHtml(s.title ?? s.url);
    // Only http(s)/mailto become links; rel=noreferrer so opening one leaks nothing.
    const href = safeHref(s.url);
    return href ? `<li><a href="${escapeHtml(href)}" rel="noreferrer noopener">${text}</a></li>` : `<li>${text}</li>`;
  }).join('');
  // A withheld figure shows its reason where the number would be, in the body weight.
  const figures = view.figures.map((f) => `<div>${escapeHtml(labels.figures[f.key])}${f.value === undefined ? `<em>${escapeHtml(figureText(f, labels))}</em>` : `<strong>${escapeHtml(f.value)}</strong>`}</div>`).join('')
    + updateFigures(view, labels).map((f) => `<div>${escapeHtml(f.label)}<strong>${escapeHtml(f.value)}</strong></div>`).join('');
  const lanes = componentLanesPicture(view, componentLanes(view), { clocks, labels });
  // The preview's reading order: a row per day heading and per long quiet gap between the events.
  const rows = readingItems(view, clocks, readingOptions('list', 1)).map((item) => {
    if (item.type === 'day') return `<tr class="day"><th colspan="5">${escapeHtml(item.date)}</th></tr>`;
    if (item.type === 'gap') return `<tr class="gap"><td colspan="5">… ${escapeHtml(item.duration)} …</td></tr>`;
    const e = view.events[item.position];
    // A date alone fills the first time cell, marked, instead of inventing a clock in each zone.
    const times = e.day
      ? `<td class="time" colspan="${columns.length}">${escapeHtml(shownTimeText(e, columns[0], labels))} <em>${escapeHtml(labels.timeNotGiven)}</em></td>`
      : columns.map((clock) => `<td class="time">${escapeHtml(shownTimeText(e, clock, labels))}</td>`).join('');
    return `<tr>${times}<td class="offset">${escapeHtml(e.offset)}</td>`
      + `<td>${e.kind === 'other' ? '' : escapeHtml(labels.kinds[e.kind])}</td><td>${updateCell(view, e.index, e.text, clocks, labels)}</td></tr>`;
  }).join('\n');
  const windows = windowTexts(view, clocks, labels);
  const duration = view.figures.find((f) => f.key === 'duration');
  const windowLine = windows
    ? `<p class="window">${windows.map((w, i) => `<span>${escapeHtml(i === 0 && duration?.value !== undefined ? `${w}, ${figureText(duration, labels)}` : w)}</span>`).join('')}</p>\n`
    : '';
  const unreadable = view.unreadable.length
    ? `<h2>${escapeHtml(labels.unreadable)}</h2><ul>${view.unreadable.map((e) => `<li><code>${escapeHtml(e.timeText || `(${labels.noTime})`)}</code> ${escapeHtml(e.text)}</li>`).join('')}</ul>`
    : '';
  return `<!DOCTYPE html>
<html lang="${escapeHtml(labels.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${windowLine}<dl>${dl}</dl>
${figures ? `<div class="figures">${figures}</div>` : ''}
${sources ? `<h2>${escapeHtml(labels.sources)}</h2><ul>${sources}</ul>` : ''}
${view.events.length ? `<div class="chart">${renderOverviewSvg(view, { zone: options.zone, labels })}</div>` : ''}
${lanes ? `<h2>${escapeHtml(labels.components)}</h2>\n<div class="chart">${lanes}</div>\n` : ''}<h2>${escapeHtml(labels.timeline)}</h2>
<table>
<thead><tr>${columns.map((clock) => `<th>${escapeHtml(clockName(clock, view.window?.startMs ?? view.domain.startMs))}</th>`).join('')}<th>${escapeHtml(labels.fromStart)}</th><th>${escapeHtml(labels.kind)}</th><th>${escapeHtml(labels.event)}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
${unreadable}
</body>
</html>
`;
}

/** An event's text cell: an update's status first, its notes (posted, promise, lateness, states) under the text. */
function updateCell(view: TimelineView, index: number, text: string, clocks: readonly Clock[], labels: TimelineLabels): string {
  const update = updateNotes(view, index, clocks, labels);
  const status = update?.status ? `<span class="status">${escapeHtml(update.status)}</span>` : '';
  const notes = update?.notes.length ? `<span class="notes">${escapeHtml(update.notes.join(' · '))}</span>` : '';
  return `${status}${escapeHtml(text)}${notes}`;
}
