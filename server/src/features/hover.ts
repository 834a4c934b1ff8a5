/**
 * Hover on a time: the instant in its own zone (with that date's abbreviation), UTC, JST and each
 * extra IANA zone, its weekday, how long after the start it is, and on start or end the incident's
 * total duration. An approximate time and the figures from it are marked "~"; a date without a
 * clock shows its day, and the figures that would need its clock are left out with the reason.
 */
import {
  componentWindows,
  currentLanguage,
  formatDuration,
  formatInOffset,
  isKnownTimeZone,
  JST_OFFSET_MINUTES,
  parseTimeText,
  t,
  type Entry,
  type ParsedIncident,
  type Span,
  type TimeSide,
  type TimeValue,
} from '../core';
import { sideInstant, timeInstant } from './timeText';
import { writtenHover } from './writtenHover';
import { formatInZone, offsetMinutesAt, utcOffsetName, zoneAbbreviation } from '../../../common/zones';

export interface HoverOptions {
  /** IANA zone names (`incidentTimeline.extraTimeZones`); unknown ones are skipped. */
  readonly extraTimeZones?: readonly string[];
}

export interface IncidentHover {
  readonly span: Span;
  /** Markdown. Everything in it is formatted by us; the file's text appears only as inline code (a `written` phrase's words). */
  readonly markdown: string;
}

const contains = (span: Span, offset: number) => offset >= span.start && offset <= span.end;

interface HoveredTime {
  readonly label: string;
  readonly time: TimeValue;
  readonly span: Span;
  readonly instant?: number;
  /** A side hovered on its own: its text, for the "no offset" reading. */
  readonly side?: TimeSide;
  /** The cursor is on the time's `written`. */
  readonly written?: boolean;
}

function findTime(parsed: ParsedIncident, offset: number): HoveredTime | undefined {
  const incident = parsed.incident;
  if (!incident) return undefined;
  const candidates: { label: string; time: TimeValue | undefined; entries: readonly Entry[]; key: string }[] = [
    { label: 'start', time: incident.start, entries: incident.entries, key: 'start' },
    { label: 'end', time: incident.end, entries: incident.entries, key: 'end' },
  ];
  // Only the event under the cursor: a long timeline is not walked time by time.
  const event = incident.timeline.find((e) => contains(e.span, offset));
  if (event) {
    candidates.push({ label: `timeline[${event.index}].at`, time: event.at, entries: event.entries, key: 'at' });
    candidates.push({ label: `timeline[${event.index}].posted`, time: event.posted, entries: event.entries, key: 'posted' });
    candidates.push({ label: `timeline[${event.index}].next_update`, time: event.nextUpdate, entries: event.entries, key: 'next_update' });
  }
  for (const { label, time, entries, key } of candidates) {
    if (!time) continue;
    const entry = entries.find((e) => e.key === key && e.valueSpan.start === time.span.start);
    for (const side of [time.utc, time.jst, time.local]) {
      if (side && contains(side.span, offset)) return { label, time, span: side.span, instant: side === time.local ? time.epochMs : sideInstant(side), side };
    }
    if (time.written && contains(time.written.span, offset)) return { label, time, span: time.written.span, written: true };
    if (time.value && contains(time.value.span, offset)) {
      return { label, time, span: time.value.span, instant: timeInstant(time), side: time.value };
    }
    if (contains(time.span, offset) || (entry && contains(entry.keySpan, offset))) {
      return { label, time, span: entry ? { start: entry.keySpan.start, end: entry.keySpan.end } : time.span, instant: timeInstant(time) };
    }
  }
  return undefined;
}

function weekday(epochMs: number, timeZone: string): string {
  const locale = currentLanguage() === 'ja' ? 'ja-JP' : 'en-US';
  return new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone }).format(new Date(epochMs));
}

/** Markdown special characters in a zone name from settings. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

/** The component name under the cursor, in the root list or in an update. */
function findComponent(parsed: ParsedIncident, offset: number): { name: string; span: Span } | undefined {
  const incident = parsed.incident;
  if (!incident) return undefined;
  const named = incident.components?.value.find((c) => contains(c.span, offset));
  if (named) return named;
  const event = incident.timeline.find((e) => contains(e.span, offset));
  return event?.components?.value.find((c) => contains(c.span, offset));
}

function jstText(epochMs: number): string {
  return `${formatInOffset(epochMs, JST_OFFSET_MINUTES, { separator: ' ', offset: false })} JST`;
}

/**
 * A component's windows of impact, from the states the updates give it. The name itself is not
 * repeated: the hover sits on it, and file text never goes into the markdown.
 */
function componentHover(parsed: ParsedIncident, component: { name: string; span: Span }): IncidentHover {
  const windows = componentWindows(parsed.incident!).get(component.name) ?? [];
  const lines = windows.length === 0
    ? [t('No update gives this component a state other than operational.')]
    : [t('Windows of impact (by when the updates were published):'), '', ...windows.map((w) => {
      const states = w.states.map((s) => `\`${s}\``).join(' → ');
      return w.toMs === undefined
        ? `- ${t('from {0}, not restored: {1}', jstText(w.fromMs), states)}`
        : `- ${t('{0} – {1} ({2}): {3}', jstText(w.fromMs), jstText(w.toMs), formatDuration(w.toMs - w.fromMs), states)}`;
    })];
  return { span: component.span, markdown: lines.join('\n') };
}

export function hover(parsed: ParsedIncident, offset: number, options: HoverOptions = {}): IncidentHover | undefined {
  const component = findComponent(parsed, offset);
  if (component) return componentHover(parsed, component);
  const found = findTime(parsed, offset);
  if (!found) return undefined;
  if (found.written) return writtenHover(parsed, found.time);
  const { instant, label } = found;
  const lines: string[] = [];
  if (instant === undefined) {
    const side = found.side;
    const parsedText = side && side.offsetMinutes === null ? parseTimeText(side.text) : undefined;
    if (parsedText?.ok && found.time.form === 'string') {
      // No offset written: the clock as written could be either zone's, so both readings are shown.
      const asUtc = parsedText.value.epochMs;
      const asJst = asUtc - JST_OFFSET_MINUTES * 60_000;
      lines.push(t('No offset is written, so this time is ambiguous.'));
      lines.push('');
      const clock = formatInOffset(asUtc, 0, { separator: ' ', offset: false });
      lines.push(`- ${t('Read as JST: {0}', `${clock} JST = ${formatInOffset(asJst, 0, { separator: ' ', offset: false })} UTC`)}`);
      lines.push(`- ${t('Read as UTC: {0}', `${clock} UTC = ${formatInOffset(asUtc, JST_OFFSET_MINUTES, { separator: ' ', offset: false })} JST`)}`);
      return { span: found.span, markdown: lines.join('\n') };
    }
    return undefined;
  }
  const time = found.time;
  const incident = parsed.incident!;
  const day = time.precision === 'day' && time.dayEndMs !== undefined && instant === time.epochMs ? time.dayEndMs : undefined;
  const approx = time.approx ? '~' : '';
  if (day !== undefined) lines.push(...dayLines(time, instant, day));
  else lines.push(...instantLines(time, instant, approx, options));
  const start = incident.start;
  const startMs = timeInstant(start);
  const end = incident.end;
  const endMs = timeInstant(end);
  const notes: string[] = [];
  if (label !== 'start' && startMs !== undefined) {
    const reason = dateReason(time, start!);
    if (reason) notes.push(t('Time since start left out: {0}', reason));
    else {
      const d = instant - startMs;
      if (time.approx || start!.approx) notes.push(d >= 0 ? t('about +{0} after start', formatDuration(d)) : t('about {0} before start', formatDuration(-d)));
      else notes.push(d >= 0 ? t('+{0} after start', formatDuration(d)) : t('{0} before start', formatDuration(-d)));
    }
  }
  if ((label === 'start' || label === 'end') && startMs !== undefined && endMs !== undefined) {
    const reason = dateReason(start!, end!);
    if (reason) notes.push(t('Total duration left out: {0}', reason));
    else notes.push(t('Total duration: {0}', (start!.approx || end!.approx ? '~' : '') + formatDuration(endMs - startMs)));
  }
  if (time.approx) notes.push(t('The source gives this time as approximate.'));
  if (notes.length) {
    lines.push('');
    lines.push(notes.join(' · '));
  }
  return { span: found.span, markdown: lines.join('\n') };
}

/** Why a figure between two times is left out: one of them is a date without a clock. */
function dateReason(a: TimeValue, b: TimeValue): string | undefined {
  return a.precision === 'day' || b.precision === 'day' ? t('a date without a clock is some time that day.') : undefined;
}

/** The zone a day is counted in: its own, JST for a jst date, else UTC. */
function dayZone(time: TimeValue): string {
  return time.zone?.name ?? (time.jst?.precision === 'day' ? 'Asia/Tokyo' : 'UTC');
}

function clock(epochMs: number, zone: string): string {
  return `${formatInOffset(epochMs, offsetMinutesAt(zone, epochMs), { separator: ' ', offset: false })} ${zoneAbbreviation(zone, epochMs)}`;
}

/** A date without a clock: the day, then when it begins and ends in UTC and JST. */
function dayLines(time: TimeValue, startMs: number, endMs: number): string[] {
  const zone = dayZone(time);
  const date = formatInOffset(startMs, offsetMinutesAt(zone, startMs), { offset: false }).slice(0, 10);
  return [
    `**${date}** (${weekday(startMs, zone)}): ${t('some time that day in {0}', escapeMarkdown(zone))}`,
    '',
    `- UTC: ${formatInOffset(startMs, 0, { separator: ' ', offset: false })} – ${formatInOffset(endMs, 0, { separator: ' ', offset: false })}`,
    `- JST: ${formatInOffset(startMs, JST_OFFSET_MINUTES, { separator: ' ', offset: false })} – ${formatInOffset(endMs, JST_OFFSET_MINUTES, { separator: ' ', offset: false })}`,
  ];
}

/** An instant: in its own zone first (JST when it has none), then UTC, JST and the extra zones. */
function instantLines(time: TimeValue, instant: number, approx: string, options: HoverOptions): string[] {
  const jst = formatInOffset(instant, JST_OFFSET_MINUTES, { separator: ' ', offset: false });
  const utc = formatInOffset(instant, 0, { separator: ' ', offset: false });
  const own = time.zone?.name;
  const lines: string[] = [];
  if (own && own !== 'Asia/Tokyo') {
    lines.push(`**${approx}${clock(instant, own)}** (${weekday(instant, own)}), ${escapeMarkdown(own)} (${utcOffsetName(offsetMinutesAt(own, instant))})`);
  } else {
    lines.push(`**${approx}${jst} JST** (${weekday(instant, 'Asia/Tokyo')})`);
  }
  lines.push('');
  lines.push(`- UTC: ${utc} (${weekday(instant, 'UTC')})`);
  lines.push(`- JST: ${jst} (${weekday(instant, 'Asia/Tokyo')})`);
  for (const zone of options.extraTimeZones ?? []) {
    if (!isKnownTimeZone(zone)) continue;
    const inZone = formatInZone(instant, zone);
    lines.push(`- ${escapeMarkdown(zone)}: ${inZone.text.replace(/(Z|[+-]\d{2}:\d{2})$/, ' $1')} (${weekday(instant, zone)})`);
  }
  return lines;
}
