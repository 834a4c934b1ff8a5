/**
 * The incident as Markdown, for pasting into a report or a post: a sentence with the incident
 * window, every fact of the file, impact, cause, next steps, the timeline as a table, sources.
 * Times in the chosen zone(s); in Japanese, dates as Japanese summaries write them
 * (2019年11月19日 10時40分). All incident text is escaped, so it is never markup.
 */
import { componentLanes } from './componentLanes';
import { escapeMarkdownCell, escapeMarkdownText, safeHref } from './escape';
import { ENGLISH_LABELS, fillIn, type TimelineLabels } from './labels';
import { figureText, fullTimeText, wallText, type TimelineView } from './layout';
import type { ZoneMode } from '../settings';
import { JST_OFFSET_MINUTES, MINUTE } from '../time';
import { updateFigures } from './updateFigures';
import { componentWindowRows, updateNotes } from './updatesExport';

export interface MarkdownOptions {
  readonly zone: ZoneMode;
  readonly labels?: TimelineLabels;
}

type Zone = 'JST' | 'UTC';

/** The instant's calendar fields on one zone's clock. */
function fieldsIn(epochMs: number, zone: Zone) {
  const d = new Date(epochMs + (zone === 'JST' ? JST_OFFSET_MINUTES : 0) * MINUTE);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() + d.getUTCMilliseconds() / 1000 };
}

/** "2019年11月19日 10時40分", "2019年11月19日 9時05分" (seconds when not zero); `separator` between date and clock. */
function japaneseTime(epochMs: number, zone: Zone, separator = ' '): string {
  const f = fieldsIn(epochMs, zone);
  return `${japaneseDate(epochMs, zone)}${separator}${japaneseClock(f)}`;
}

function japaneseDate(epochMs: number, zone: Zone): string {
  const f = fieldsIn(epochMs, zone);
  return `${f.year}年${f.month}月${f.day}日`;
}

function japaneseClock(f: ReturnType<typeof fieldsIn>): string {
  return `${f.hour}時${String(f.minute).padStart(2, '0')}分${f.second ? `${f.second}秒` : ''}`;
}

/** How the export writes one instant in one zone, in the labels' language. */
function timeIn(epochMs: number, zone: Zone, labels: TimelineLabels): string {
  return labels.language === 'ja' ? `${japaneseTime(epochMs, zone)} (${zone})` : fullTimeText(epochMs, zone);
}

/** An instant in the chosen zone mode: "… 10:40 JST / … 01:40 UTC" for both, as the HTML export writes it. */
function timeInMode(epochMs: number, mode: ZoneMode, labels: TimelineLabels): string {
  return mode === 'both' ? `${timeIn(epochMs, 'JST', labels)} / ${timeIn(epochMs, 'UTC', labels)}` : timeIn(epochMs, mode, labels);
}

/**
 * The opening sentence: the window in one zone (UTC when that is the mode, else JST), the end
 * without its date when it falls on the start's day. Japanese omits "JST", as Japanese reports do.
 */
function windowSentence(view: TimelineView, mode: ZoneMode, labels: TimelineLabels): string | undefined {
  const window = view.window;
  if (!window) return undefined;
  const zone: Zone = mode === 'UTC' ? 'UTC' : 'JST';
  const sameDay = wallText(window.startMs, zone).slice(0, 10) === wallText(window.endMs, zone).slice(0, 10);
  let start: string;
  let end: string;
  if (labels.language === 'ja') {
    const suffix = zone === 'UTC' ? ' (UTC)' : '';
    start = japaneseTime(window.startMs, zone, '') + suffix;
    end = (sameDay ? japaneseClock(fieldsIn(window.endMs, zone)) : japaneseTime(window.endMs, zone, '')) + suffix;
  } else {
    start = `${wallText(window.startMs, zone)} ${zone}`;
    end = `${sameDay ? wallText(window.endMs, zone).slice(11) : wallText(window.endMs, zone)} ${zone}`;
  }
  return window.open ? fillIn(labels.openWindowSentence, start) : fillIn(labels.windowSentence, start, end);
}

/** A link whose text and target are both safe; a url that is not http(s)/mailto stays text. */
function link(url: string, title: string | undefined): string {
  const href = safeHref(url);
  const text = escapeMarkdownCell(title ?? url);
  // The <…> form takes any target the URL parser wrote (it percent-encodes < > and spaces).
  return href ? `[${text}](<${href}>)` : text;
}

export function renderMarkdown(view: TimelineView, options: MarkdownOptions = { zone: 'JST' }): string {
  const labels = options.labels ?? ENGLISH_LABELS;
  const mode = options.zone;
  const incident = view.model.incident;
  const lines: string[] = [];
  const title = [incident?.id, incident?.title].filter((s) => s).join(': ') || labels.incidentTimeline;
  lines.push(`## ${escapeMarkdownCell(title)}`, '');
  const sentence = windowSentence(view, mode, labels);
  if (sentence) lines.push(escapeMarkdownText(sentence), '');

  const facts: [string, string | undefined][] = [
    [labels.status, incident?.status],
    [labels.severity, incident?.severity],
    [labels.service, incident?.service],
    [labels.regions, incident?.regions?.join(', ')],
    [labels.tags, incident?.tags?.join(', ')],
    [labels.start, view.window ? timeInMode(view.window.startMs, mode, labels) : undefined],
    [labels.end, view.window && !view.window.open ? timeInMode(view.window.endMs, mode, labels) : undefined],
    ...view.figures.map((f): [string, string] => [labels.figures[f.key], figureText(f, labels)]),
    ...updateFigures(view, labels).map((f): [string, string] => [f.label, f.value]),
  ];
  const factLines = facts.filter(([, value]) => value).map(([name, value]) => `- **${escapeMarkdownCell(name)}:** ${escapeMarkdownCell(value ?? '')}`);
  if (factLines.length) lines.push(...factLines, '');

  const section = (heading: string, body: string[]) => lines.push(`### ${escapeMarkdownCell(heading)}`, '', ...body, '');
  if (incident?.impact) section(labels.impact, [escapeMarkdownText(incident.impact)]);
  if (incident?.cause) section(labels.cause, [escapeMarkdownText(incident.cause)]);
  if (incident?.nextSteps?.length) section(labels.nextSteps, incident.nextSteps.map((step) => `- ${escapeMarkdownCell(step)}`));

  const zones: Zone[] = mode === 'both' ? ['JST', 'UTC'] : [mode];
  const sourceOf = new Map(view.model.events.map((e) => [e.index, e.source]));
  const withSources = view.events.some((e) => sourceOf.get(e.index));
  // An update column only when the timeline has updates: status, posted, promise, lateness, states.
  const updates = new Map(view.events.map((e) => [e.index, updateNotes(view, e.index, mode, labels)]));
  const withUpdates = [...updates.values()].some((u) => u !== undefined);
  const header = [...zones, labels.kind, labels.event, ...(withUpdates ? [labels.updateColumn] : []), ...(withSources ? [labels.source] : [])];
  const table = [`| ${header.map(escapeMarkdownCell).join(' | ')} |`, `|${' --- |'.repeat(header.length)}`];
  for (const e of view.events) {
    const source = sourceOf.get(e.index);
    const cells = [
      ...zones.map((zone) => (labels.language === 'ja' ? japaneseTime(e.epochMs, zone) : wallText(e.epochMs, zone))),
      e.kind === 'other' ? '' : escapeMarkdownCell(labels.kinds[e.kind]),
      escapeMarkdownCell(e.text),
      ...(withUpdates ? [escapeMarkdownCell(updateCellText(updates.get(e.index)))] : []),
      ...(withSources ? [source ? link(source, undefined) : ''] : []),
    ];
    table.push(`| ${cells.join(' | ')} |`);
  }
  if (view.events.length) section(labels.timeline, table);
  const windows = componentWindowRows(componentLanes(view), labels);
  if (windows.length) {
    const when = (ms: number) => zones.map((zone) => (labels.language === 'ja' ? japaneseTime(ms, zone) : fullTimeText(ms, zone))).join(' / ');
    const columns = [labels.component, labels.from, labels.to, labels.state, labels.figures.duration];
    section(labels.componentWindows, [
      `| ${columns.map(escapeMarkdownCell).join(' | ')} |`, `|${' --- |'.repeat(columns.length)}`,
      ...windows.map((w) => `| ${[w.component, when(w.fromMs), w.toMs === undefined ? '' : when(w.toMs), labels.componentStates[w.state], w.duration].map(escapeMarkdownCell).join(' | ')} |`),
    ]);
  }
  if (view.unreadable.length) {
    section(labels.unreadable, view.unreadable.map((e) => `- ${escapeMarkdownCell(e.timeText || `(${labels.noTime})`)}: ${escapeMarkdownCell(e.text)}`));
  }
  if (incident?.sources?.length) section(labels.sources, incident.sources.map((s) => `- ${link(s.url, s.title)}`));
  return lines.join('\n').replace(/\n+$/, '\n');
}

/** "Investigating; posted …; next update by …; API: major outage" ('' for an event that is not an update). */
function updateCellText(update: ReturnType<typeof updateNotes>): string {
  return update ? [...(update.status ? [update.status] : []), ...update.notes].join('; ') : '';
}
