/**
 * The one conversion from the core's parse to the `incident/timeline` answer. The server answers
 * the request with it and the CLI's `render` uses it, so the preview and the exports draw the
 * same model. Offsets become LSP ranges here, once.
 */
import type { ParsedIncident } from './core/parse';
import { fileId, type Entry, type TimelineEvent, type TimeValue } from './core/model';
import type { LineIndex } from './core/text';
import type { IncidentJson, TimeJson, TimelineEventJson, TimelineModel } from '../../common/protocol';
import { toRange } from './lsp/convert';

function timeJson(lineIndex: LineIndex, time: TimeValue | undefined): TimeJson | undefined {
  if (!time) return undefined;
  const written = time.form === 'pair'
    ? [time.utc?.text, time.jst?.text].filter((s) => s !== undefined).join(' / ')
    : time.form === 'local'
      ? [time.local?.text, time.zone?.name].filter((s) => s !== undefined).join(' ')
      : time.value?.text ?? '';
  // A value the reader could not read as a time still shows as written.
  const text = written || lineIndex.text.slice(time.span.start, time.span.end).replace(/\s+/g, ' ').trim();
  return {
    ...(time.epochMs !== undefined && Number.isFinite(time.epochMs) ? { utc: new Date(time.epochMs).toISOString() } : {}),
    text,
    range: toRange(lineIndex, time.span),
    ...(time.precision ? { precision: time.precision } : {}),
    ...(time.approx ? { approx: true as const } : {}),
    ...(time.zone ? { zone: time.zone.name } : {}),
    ...(time.written ? { written: time.written.text } : {}),
  };
}

/**
 * An `at` the reader could not turn into a time still has text: the preview lists it as written
 * ("2024-03-01 25:99") instead of dropping the event silently.
 */
function unreadTime(parsed: ParsedIncident, entries: readonly Entry[]): TimeJson | undefined {
  const entry = entries.find((e) => e.key === 'at');
  if (!entry) return undefined;
  const text = parsed.text.slice(entry.valueSpan.start, entry.valueSpan.end).replace(/\s+/g, ' ').trim();
  return { text, range: toRange(parsed.lineIndex, entry.valueSpan) };
}

/** The timeline model of one parsed document at one version. */
export function toTimelineModel(uri: string, version: number, parsed: ParsedIncident): TimelineModel {
  let errors = 0;
  let warnings = 0;
  for (const d of parsed.diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
  }
  const problems = { errors, warnings };
  const { incident, lineIndex } = parsed;
  if (!incident) return { uri, version, events: [], problems };
  const json: IncidentJson = {
    // Without an `id` the file's name stands for it, in the preview and the exports alike.
    id: incident.id?.value ?? fileId(uri),
    title: incident.title?.value,
    status: incident.status?.value,
    severity: incident.severity?.value,
    service: incident.service?.value,
    regions: incident.regions?.value,
    impact: incident.impact?.value,
    cause: incident.cause?.value,
    nextSteps: incident.nextSteps?.value,
    tags: incident.tags?.value,
    sources: incident.sources?.value.map((s) => (s.title !== undefined ? { url: s.url, title: s.title } : { url: s.url })),
    components: incident.components?.value.map((c) => c.name),
    start: timeJson(lineIndex, incident.start),
    end: timeJson(lineIndex, incident.end),
    ...(incident.zone ? { zone: incident.zone.value } : {}),
    range: toRange(lineIndex, incident.span),
  };
  const events: TimelineEventJson[] = incident.timeline.map((event, i) => {
    const start = lineIndex.positionAt(event.span.start);
    const origin = parsed.origins?.[i] ?? event;
    const cached = eventJson.get(origin);
    if (cached && cached.line === start.line && cached.character === start.character && cached.json.index === event.index) return cached.json;
    const converted: TimelineEventJson = {
      index: event.index,
      range: { start, end: lineIndex.positionAt(event.span.end) },
      at: timeJson(lineIndex, event.at) ?? unreadTime(parsed, event.entries),
      kind: event.kind?.value,
      text: event.event?.value,
      source: event.source?.value,
      status: event.status?.value,
      posted: timeJson(lineIndex, event.posted),
      nextUpdate: timeJson(lineIndex, event.nextUpdate),
      components: event.components?.value.map((c) => (c.state !== undefined ? { name: c.name, state: c.state } : { name: c.name })),
    };
    eventJson.set(origin, { line: start.line, character: start.character, json: converted });
    return converted;
  });
  return { uri, version, incident: json, events, problems };
}

/**
 * An event's JSON by the event it was first read as (ParsedIncident.origins): the incremental parser hands back
 * the very same event for a timeline item an edit did not touch, and a shifted or renumbered copy
 * for one the edit only moved. While it starts at the same line and column with the same index,
 * every position inside it is the same (its text is), so its JSON is too. Reusing it spares a
 * keystroke rebuilding the thousands of events below it, and diffTimeline passes the same objects
 * at a glance. Weak: the entries go with the parses.
 */
const eventJson = new WeakMap<TimelineEvent, { readonly line: number; readonly character: number; readonly json: TimelineEventJson }>();
