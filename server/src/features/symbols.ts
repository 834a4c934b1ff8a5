/**
 * Outline and navigation over one parse: document symbols, folding ranges, selection ranges, and
 * workspace symbols over many parses. All in offsets (folding in lines, which is what it is).
 */
import { formatInOffset, JST_OFFSET_MINUTES, t, type Entry, type ParsedIncident, type Span, type TimeValue } from '../core';
import { contentEnd } from './edit';
import { timeInstant } from './timeText';

export type IncidentSymbolKind = 'incident' | 'time' | 'timeline' | 'event' | 'components' | 'component';

export interface IncidentSymbol {
  readonly name: string;
  readonly detail?: string;
  readonly kind: IncidentSymbolKind;
  /** The whole construct. */
  readonly span: Span;
  /** What to reveal and select: a key or a value, inside `span`. */
  readonly selectionSpan: Span;
  readonly children: readonly IncidentSymbol[];
}

/** One line of event text, cut to a length an outline can show. */
function oneLine(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}

function entrySpan(parsed: ParsedIncident, entry: Entry): Span {
  return { start: entry.keySpan.start, end: Math.max(entry.keySpan.end, contentEnd(parsed.text, entry.valueSpan)) };
}

function jstClock(epochMs: number): string {
  return formatInOffset(epochMs, JST_OFFSET_MINUTES, { separator: ' ', offset: false });
}

function timeDetail(time: TimeValue | undefined): string | undefined {
  const instant = timeInstant(time);
  return instant === undefined ? undefined : `${jstClock(instant)} JST`;
}

export function documentSymbols(parsed: ParsedIncident): IncidentSymbol[] {
  const incident = parsed.incident;
  if (!incident) return [];
  const text = parsed.text;
  const children: IncidentSymbol[] = [];
  const startDay = timeInstant(incident.start) !== undefined ? jstClock(timeInstant(incident.start)!).slice(0, 10) : undefined;
  for (const entry of incident.entries) {
    if (entry.key === 'start' || entry.key === 'end') {
      const time = entry.key === 'start' ? incident.start : incident.end;
      children.push({ name: entry.key, detail: timeDetail(time), kind: 'time', span: entrySpan(parsed, entry), selectionSpan: entry.keySpan, children: [] });
    } else if (entry.key === 'components' && incident.components && entry.keySpan.start === incident.components.entry.keySpan.start) {
      const components = incident.components.value.map((c): IncidentSymbol => ({
        name: oneLine(c.name, 80), kind: 'component', span: c.span, selectionSpan: c.span, children: [],
      }));
      children.push({ name: 'components', detail: t('{0} components', components.length), kind: 'components', span: entrySpan(parsed, entry), selectionSpan: entry.keySpan, children: components });
    } else if (entry.key === 'timeline' && entry.keySpan.start === incident.timelineEntry?.keySpan.start) {
      const events = incident.timeline.map((event): IncidentSymbol => {
        const instant = timeInstant(event.at);
        // Within the start's day the clock is enough; other days show the date too.
        const clock = instant === undefined ? '?' : jstClock(instant);
        const when = clock !== '?' && clock.slice(0, 10) === startDay ? clock.slice(11) : clock;
        const what = event.event ? oneLine(event.event.value) : t('(no text)');
        const span = { start: event.span.start, end: contentEnd(text, event.span) };
        return {
          name: `${when} ${what}`,
          detail: event.kind?.value,
          kind: 'event',
          span,
          selectionSpan: event.at ? { start: event.at.span.start, end: contentEnd(text, event.at.span) } : span,
          children: [],
        };
      });
      children.push({ name: 'timeline', detail: t('{0} events', events.length), kind: 'timeline', span: entrySpan(parsed, entry), selectionSpan: entry.keySpan, children: events });
    }
  }
  const name = incident.title?.value ?? incident.id?.value ?? t('Incident');
  const selection = incident.title?.entry.valueSpan ?? incident.id?.entry.valueSpan ?? { start: incident.span.start, end: incident.span.start };
  return [{
    name: oneLine(name, 80),
    detail: incident.title ? incident.id?.value : undefined,
    kind: 'incident',
    span: { start: incident.span.start, end: contentEnd(text, incident.span) },
    selectionSpan: selection,
    children,
  }];
}

export interface LineFold {
  readonly startLine: number;
  readonly endLine: number;
  readonly kind?: 'comment';
}

/** Folds for every value that spans lines (root entries, events, their times) and comment blocks. */
export function foldingRanges(parsed: ParsedIncident): LineFold[] {
  const folds: LineFold[] = [];
  const line = (offset: number) => parsed.lineIndex.positionAt(offset).line;
  const fold = (span: Span) => {
    const startLine = line(span.start);
    const endLine = line(contentEnd(parsed.text, span));
    if (endLine > startLine) folds.push({ startLine, endLine });
  };
  const incident = parsed.incident;
  if (incident) {
    for (const entry of incident.entries) fold(entrySpan(parsed, entry));
    for (const event of incident.timeline) {
      fold(event.span);
      for (const entry of event.entries) fold(entrySpan(parsed, entry));
    }
  }
  let run: number | undefined;
  const { lineIndex, text } = parsed;
  for (let l = 0; l <= lineIndex.lineCount; l++) {
    const isComment = l < lineIndex.lineCount && /^\s*#/.test(text.slice(lineIndex.lineStart(l), lineIndex.lineEnd(l)));
    if (isComment && run === undefined) run = l;
    if (!isComment && run !== undefined) {
      if (l - 1 > run) folds.push({ startLine: run, endLine: l - 1, kind: 'comment' });
      run = undefined;
    }
  }
  // One fold per start line (the editor keeps the first); sorted for a stable answer.
  const seen = new Set<number>();
  return folds
    .sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine)
    .filter((f) => !seen.has(f.startLine) && seen.add(f.startLine));
}

/**
 * Selection ranges at an offset, innermost first: the scalar, its entry, the mapping or item
 * around it, the list, and the whole incident.
 */
export function selectionRanges(parsed: ParsedIncident, offset: number): Span[] {
  const spans: Span[] = [];
  const text = parsed.text;
  const trim = (s: Span): Span => ({ start: s.start, end: Math.max(s.start, contentEnd(text, s)) });
  const addEntries = (entries: readonly Entry[]) => {
    for (const e of entries) spans.push(e.keySpan, trim(e.valueSpan), entrySpan(parsed, e));
  };
  const addTime = (time: TimeValue | undefined) => {
    if (!time) return;
    spans.push(trim(time.span));
    for (const side of [time.utc, time.jst, time.value]) if (side) spans.push(side.span);
    if (time.entries) addEntries(time.entries);
  };
  const incident = parsed.incident;
  if (incident) {
    spans.push(trim(incident.span));
    addEntries(incident.entries);
    addTime(incident.start);
    addTime(incident.end);
    // Only the event under the cursor (with its dash) can hold it: a long timeline is not walked.
    for (const event of incident.timeline.filter((e) => e.span.start - 2 <= offset && offset <= e.span.end)) {
      spans.push(trim(event.span));
      // The item with its dash.
      const dash = text.lastIndexOf('-', event.span.start);
      if (dash >= 0 && /^-\s*$/.test(text.slice(dash, event.span.start))) spans.push({ start: dash, end: contentEnd(text, event.span) });
      addEntries(event.entries);
      addTime(event.at);
    }
  }
  spans.push({ start: 0, end: text.length });
  const containing = spans
    .filter((s) => s.start <= offset && offset <= s.end)
    .sort((a, b) => (a.end - a.start) - (b.end - b.start) || b.start - a.start);
  const chain: Span[] = [];
  for (const s of containing) {
    const last = chain[chain.length - 1];
    if (last && (s.start === last.start && s.end === last.end)) continue;
    // Keep the chain strictly nested, as the protocol requires.
    if (last && !(s.start <= last.start && last.end <= s.end)) continue;
    chain.push(s);
  }
  return chain;
}

/** What workspace symbols need of a file: the server's workspace index entries fit this shape. */
export interface NamedIncidentFile {
  readonly uri: string;
  readonly id?: { readonly value: string };
  readonly title?: { readonly value: string };
}

export interface IncidentWorkspaceSymbol<F extends NamedIncidentFile> {
  /** "id title". */
  readonly name: string;
  readonly file: F;
}

/** True when the query's characters appear in order in the name, ignoring case (as editors filter). */
export function matchesQuery(name: string, query: string): boolean {
  const n = name.toLowerCase();
  let i = 0;
  for (const c of query.toLowerCase()) {
    if (c === ' ') continue;
    i = n.indexOf(c, i);
    if (i < 0) return false;
    i++;
  }
  return true;
}

/** One symbol per incident, "id title", for the files whose name matches the query. */
export function workspaceSymbols<F extends NamedIncidentFile>(files: Iterable<F>, query: string): IncidentWorkspaceSymbol<F>[] {
  const result: IncidentWorkspaceSymbol<F>[] = [];
  for (const file of files) {
    if (!file.id && !file.title) continue;
    const name = oneLine([file.id?.value, file.title?.value].filter(Boolean).join(' '), 100);
    if (matchesQuery(name, query)) result.push({ name, file });
  }
  return result.sort((a, b) => a.name.localeCompare(b.name) || a.file.uri.localeCompare(b.file.uri));
}
