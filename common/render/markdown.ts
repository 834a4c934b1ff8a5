/**
 * The incident as Markdown, for pasting into a report or a post: a sentence with the incident
 * window, every fact of the file, impact, cause, next steps, the timeline as a table, sources.
 * Times in the chosen zone(s); in Japanese, dates as Japanese summaries write them
 * (2019年11月19日 10時40分). All incident text is escaped, so it is never markup.
 */
import { componentLanes } from './componentLanes';
import { escapeMarkdownCell, escapeMarkdownText, safeHref } from './escape';
import { ENGLISH_LABELS, fillIn, type TimelineLabels } from './labels';
import { clockName, clockText, figureText, fullTimeText, shownTimeText, viewClocks, wallText, type Clock, type DisplayZone, type ShownTime, type TimelineView } from './layout';
import { wallFields, zoneLabel } from './clocks';
import { updateFigures } from './updateFigures';
import { componentWindowRows, updateNotes } from './updatesExport';

export interface MarkdownOptions {
  readonly zone: DisplayZone;
  readonly labels?: TimelineLabels;
}

const FIXED_CLOCKS: readonly Clock[] = ['JST', 'UTC'];

/** "2019年11月19日 10時40分", "2019年11月19日 9時05分" (seconds when not zero), "1時35分頃"; a date alone "2022年1月16日". */
function japaneseTime(time: ShownTime, clock: Clock, labels: TimelineLabels, separator = ' '): string {
  if (time.day) return japaneseDate(time.day.date);
  const f = wallFields(time.epochMs, clock);
  return `${f.year}年${f.month}月${f.day}日${separator}${japaneseClock(time, clock, labels)}`;
}

function japaneseDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

function japaneseClock(time: ShownTime, clock: Clock, labels: TimelineLabels): string {
  const f = wallFields(time.epochMs, clock);
  const text = `${f.hour}時${String(f.minute).padStart(2, '0')}分${f.second ? `${f.second}秒` : ''}`;
  return time.approx ? fillIn(labels.approxTime, text) : text;
}

/** How the export writes one time on one clock, in the labels' language; a date alone on its own zone's calendar. */
function timeIn(time: ShownTime, clock: Clock, labels: TimelineLabels): string {
  if (labels.language !== 'ja') return shownTimeText(time, clock, labels);
  return `${japaneseTime(time, clock, labels)} (${zoneLabel(time.epochMs, time.day?.clock ?? clock)})`;
}

/** A time on the chosen clocks: "… 10:40 JST / … 01:40 UTC" for both, as the HTML export writes it; a date alone once, marked. */
function timeInClocks(time: ShownTime, clocks: readonly Clock[], labels: TimelineLabels): string {
  if (time.day) return `${timeIn(time, clocks[0], labels)} (${labels.timeNotGiven})`;
  return clocks.map((clock) => timeIn(time, clock, labels)).join(' / ');
}

/**
 * One table cell: the wall time without the zone, which the column names, except on a named
 * zone's clock, whose abbreviation changes with the date ("2021-01-04 18:55 PST"); a date alone
 * names its zone when it is not the column's and says the time was not given.
 */
function tableTime(time: ShownTime, clock: Clock, labels: TimelineLabels): string {
  if (time.day) {
    const date = labels.language === 'ja' ? japaneseTime(time, clock, labels) : time.day.date;
    const zone = time.day.clock === clock ? '' : ` ${zoneLabel(time.epochMs, time.day.clock)}`;
    return `${date}${zone} (${labels.timeNotGiven})`;
  }
  const wall = labels.language === 'ja' ? japaneseTime(time, clock, labels) : `${wallText(time.epochMs, clock).slice(0, 10)} ${clockText(time, clock, false, labels)}`;
  if (FIXED_CLOCKS.includes(clock)) return wall;
  const zone = zoneLabel(time.epochMs, clock);
  return labels.language === 'ja' ? `${wall} (${zone})` : `${wall} ${zone}`;
}

/**
 * The opening sentence: the window on the primary clock, the end without its date when it falls
 * on the start's day (and in the same zone name). Japanese omits "JST", as Japanese reports do.
 */
function windowSentence(view: TimelineView, clock: Clock, labels: TimelineLabels): string | undefined {
  const window = view.window;
  if (!window) return undefined;
  const end = window.end ?? window.start;
  const sameDay = !window.start.day && !end.day && wallText(window.startMs, clock).slice(0, 10) === wallText(end.epochMs, clock).slice(0, 10)
    && zoneLabel(window.startMs, clock) === zoneLabel(end.epochMs, clock);
  let startText: string;
  let endText: string;
  if (labels.language === 'ja') {
    const suffix = (time: ShownTime) => {
      const zone = zoneLabel(time.epochMs, time.day?.clock ?? clock);
      return zone === 'JST' ? '' : ` (${zone})`;
    };
    startText = japaneseTime(window.start, clock, labels, '') + suffix(window.start);
    endText = (sameDay ? japaneseClock(end, clock, labels) : japaneseTime(end, clock, labels, '')) + suffix(end);
  } else {
    startText = shownTimeText(window.start, clock, labels);
    endText = sameDay ? `${clockText(end, clock, false, labels)} ${zoneLabel(end.epochMs, clock)}` : shownTimeText(end, clock, labels);
  }
  return window.open ? fillIn(labels.openWindowSentence, startText) : fillIn(labels.windowSentence, startText, endText);
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
  const clocks = viewClocks(view, options.zone);
  const incident = view.model.incident;
  const lines: string[] = [];
  const title = [incident?.id, incident?.title].filter((s) => s).join(': ') || labels.incidentTimeline;
  lines.push(`## ${escapeMarkdownCell(title)}`, '');
  const sentence = windowSentence(view, clocks[0], labels);
  if (sentence) lines.push(escapeMarkdownText(sentence), '');

  const facts: [string, string | undefined][] = [
    [labels.status, incident?.status],
    [labels.severity, incident?.severity],
    [labels.service, incident?.service],
    [labels.regions, incident?.regions?.join(', ')],
    [labels.tags, incident?.tags?.join(', ')],
    [labels.start, view.window ? timeInClocks(view.window.start, clocks, labels) : undefined],
    [labels.end, view.window?.end ? timeInClocks(view.window.end, clocks, labels) : undefined],
    ...view.figures.map((f): [string, string] => [labels.figures[f.key], figureText(f, labels)]),
    ...updateFigures(view, labels).map((f): [string, string] => [f.label, f.value]),
  ];
  const factLines = facts.filter(([, value]) => value).map(([name, value]) => `- **${escapeMarkdownCell(name)}:** ${escapeMarkdownCell(value ?? '')}`);
  if (factLines.length) lines.push(...factLines, '');

  const section = (heading: string, body: string[]) => lines.push(`### ${escapeMarkdownCell(heading)}`, '', ...body, '');
  if (incident?.impact) section(labels.impact, [escapeMarkdownText(incident.impact)]);
  if (incident?.cause) section(labels.cause, [escapeMarkdownText(incident.cause)]);
  if (incident?.nextSteps?.length) section(labels.nextSteps, incident.nextSteps.map((step) => `- ${escapeMarkdownCell(step)}`));

  const sourceOf = new Map(view.model.events.map((e) => [e.index, e.source]));
  const withSources = view.events.some((e) => sourceOf.get(e.index));
  // An update column only when the timeline has updates: status, posted, promise, lateness, states.
  const updates = new Map(view.events.map((e) => [e.index, updateNotes(view, e.index, clocks, labels)]));
  const withUpdates = [...updates.values()].some((u) => u !== undefined);
  const header = [...clocks.map((clock) => clockName(clock, view.window?.startMs ?? view.domain.startMs)), labels.kind, labels.event, ...(withUpdates ? [labels.updateColumn] : []), ...(withSources ? [labels.source] : [])];
  const table = [`| ${header.map(escapeMarkdownCell).join(' | ')} |`, `|${' --- |'.repeat(header.length)}`];
  for (const e of view.events) {
    const source = sourceOf.get(e.index);
    const cells = [
      ...clocks.map((clock) => escapeMarkdownCell(tableTime(e, clock, labels))),
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
    // No column names the zone here, so each English time carries its zone's name.
    const when = (ms: number) => clocks.map((clock) => (labels.language === 'ja' ? tableTime({ epochMs: ms }, clock, labels) : fullTimeText(ms, clock))).join(' / ');
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
