/**
 * Completion while typing, when the YAML is often half-written: the context comes from the lines
 * around the cursor (indentation and keys), not from the parse, so it works on broken text too.
 */
import { COMPONENT_STATES, EVENT_KEYS, EVENT_KINDS, formatInOffset, INCIDENT_KEYS, SEVERITIES, SOURCE_KEYS, STATUSES, t, TIME_KEYS as TIME_MAPPING_KEYS, type ParsedIncident, type Span } from '../core';
import { offsetMinutesAt, supportedZones } from '../../../common/zones';
import { itemText } from '../fixes/wrongType';
import { indentUnit, lineEnding } from './edit';
import { eventSnippet, incidentSnippet, nowTexts, snippetToText } from '../../../common/template';

export type CompletionKind = 'key' | 'value' | 'time' | 'snippet';

export interface IncidentCompletion {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly detail?: string;
  /** Replaced by `insertText`. */
  readonly span: Span;
  /** Snippet syntax when the client supports snippets, else plain text. Indentation is absolute. */
  readonly insertText: string;
  readonly snippet: boolean;
  readonly sortText?: string;
}

export interface CompletionOptions {
  readonly now?: number;
  /** Whether the client takes snippets (`completionItem.snippetSupport`). */
  readonly snippets?: boolean;
}

/** `components`: an update's components (a mapping from name to state, or a list of names). */
type Container = 'incident' | 'event' | 'time' | 'source' | 'timeline' | 'sources' | 'components' | 'unknown';

/** The document's lines, read one at a time (a long file is not split up front). */
interface Lines {
  readonly count: number;
  at(line: number): string;
}

interface LineShape {
  /** Column of the first non-blank character. */
  readonly indent: number;
  /** Column of the key, after any `- ` markers. */
  readonly keyColumn: number;
  readonly dash: boolean;
  /** The key written on the line, if any. */
  readonly key?: string;
  readonly blank: boolean;
}

function shapeOf(line: string): LineShape {
  const m = /^(\s*)((?:-\s+)*)(?:([A-Za-z_][\w-]*)\s*:(?:\s|$))?/.exec(line)!;
  const blank = /^\s*(#.*)?$/.test(line);
  const dashOnly = /^\s*-\s*$/.test(line);
  return {
    indent: m[1].length,
    keyColumn: m[1].length + m[2].length + (dashOnly ? 2 : 0),
    dash: m[2].length > 0 || dashOnly,
    key: m[3],
    blank,
  };
}

/**
 * What the mapping at `column` around `line` is, and which keys it already has: walks up past
 * siblings and deeper lines to the item's dash or the parent key, then down to the next sibling.
 */
function contextAt(lines: Lines, line: number, column: number): { container: Container; present: Set<string> } {
  const present = new Set<string>();
  let container: Container | undefined;
  for (let l = line - 1; l >= 0 && container === undefined; l--) {
    const shape = shapeOf(lines.at(l));
    if (shape.blank) continue;
    if (shape.dash && shape.indent === column) {
      // An item of a list at the cursor's column: the cursor is at that list's level.
      container = listContainer(lines, l, column);
    } else if (shape.keyColumn === column) {
      if (shape.key) present.add(shape.key);
      if (shape.dash) {
        const list = listContainer(lines, l, shape.indent);
        container = list === 'timeline' ? 'event' : list === 'sources' ? 'source' : 'unknown';
      }
    } else if (shape.keyColumn < column) {
      const key = shape.key;
      container = TIME_KEYS.has(key ?? '') ? 'time' : key === 'timeline' || key === 'sources' ? key
        : key === 'components' && shape.keyColumn > 0 ? 'components' : 'unknown';
    }
  }
  container ??= column === 0 ? 'incident' : 'unknown';
  for (let l = line + 1; l < lines.count; l++) {
    const shape = shapeOf(lines.at(l));
    if (shape.blank) continue;
    if (shape.indent < column || shape.keyColumn < column || (shape.dash && shape.keyColumn === column)) break;
    if (shape.keyColumn === column && shape.key) present.add(shape.key);
  }
  return { container, present };
}

/** The key owning the list whose dash is on `line` at `dashColumn`. */
function listContainer(lines: Lines, line: number, dashColumn: number): Container {
  for (let l = line - 1; l >= 0; l--) {
    const shape = shapeOf(lines.at(l));
    if (shape.blank) continue;
    if (shape.indent < dashColumn || (shape.indent === dashColumn && !shape.dash)) {
      return shape.key === 'timeline' ? 'timeline' : shape.key === 'sources' ? 'sources'
        : shape.key === 'components' && shape.keyColumn > 0 ? 'components' : 'unknown';
    }
  }
  return 'unknown';
}

/** The keys whose value is a time. */
const TIME_KEYS = new Set(['start', 'end', 'at', 'posted', 'next_update']);

const KEYS: Record<'incident' | 'event' | 'time' | 'source', readonly string[]> = {
  incident: INCIDENT_KEYS,
  event: EVENT_KEYS,
  time: TIME_MAPPING_KEYS,
  source: SOURCE_KEYS,
};

const ENUMS: Record<string, readonly string[]> = { status: STATUSES, severity: SEVERITIES, kind: EVENT_KINDS, approx: ['true', 'false'] };

/** What a key holds, shown beside it in the completion list (translated, so one call per text). */
function keyDetail(container: 'incident' | 'event' | 'time' | 'source', key: string): string | undefined {
  switch (`${container}.${key}`) {
    case 'incident.id': return t('the incident\'s id, its own across files (else the file name stands for it)');
    case 'incident.title': return t('required · what users saw');
    case 'incident.status': return t('required · investigating, identified, monitoring or resolved');
    case 'incident.severity': return t('critical, major, minor or info');
    case 'incident.service': return t('the affected service');
    case 'incident.regions': return t('a list of the affected regions');
    case 'incident.zone': return t('the time zone the source writes its times in (IANA name)');
    case 'incident.components': return t('a list of the affected components');
    case 'incident.start': return t('required · when the impact began');
    case 'incident.end': return t('when the impact ended');
    case 'incident.impact': return t('who was affected, and how');
    case 'incident.cause': return t('what caused it');
    case 'incident.next_steps': return t('a list of follow-ups');
    case 'incident.tags': return t('a list of tags');
    case 'incident.sources': return t('a list of web addresses, or of url and title');
    case 'incident.timeline': return t('the events, in time order');
    case 'event.at': return t('required · when it happened');
    case 'event.event': return t('required · what happened');
    case 'event.kind': return t('detected, update, mitigated, resolved, cause, report or note');
    case 'event.posted': return t('when the update was published, if not at `at`');
    case 'event.status': return t('the status this update announced');
    case 'event.components': return t('the components and their states in this update');
    case 'event.next_update': return t('when the next update was promised');
    case 'event.source': return t('a web address for this event');
    case 'time.utc': return t('the time in UTC, ending in Z');
    case 'time.jst': return t('the time in JST (+09:00)');
    case 'time.local': return t('the clock in `zone`, as the source writes it');
    case 'time.zone': return t('the time zone of `local` (IANA name)');
    case 'time.approx': return t('true when the source gives the time as approximate');
    case 'time.written': return t('the source\'s own words for this time');
    case 'source.url': return t('required · an http(s) address');
    case 'source.title': return t('the page\'s title');
    default: return undefined;
  }
}

/** The snippet for a key and its value, at `column`. */
function keySnippet(key: string, column: number, unit: number, eol: string, now: number): string {
  const inner = ' '.repeat(column + unit);
  const { utc, jst } = nowTexts(now);
  if (key in ENUMS) return `${key}: \${1|${ENUMS[key].join(',')}|}`;
  switch (key) {
    case 'start':
    case 'end':
    case 'at':
    case 'posted':
    case 'next_update':
      return `${key}:${eol}${inner}utc: \${1:${utc}}${eol}${inner}jst: \${2:${jst}}`;
    case 'utc': return `utc: \${1:${utc}}`;
    case 'jst': return `jst: \${1:${jst}}`;
    case 'regions':
    case 'components':
    case 'tags':
    case 'next_steps':
    case 'sources':
      return `${key}:${eol}${inner}- $1`;
    case 'timeline':
      return `${key}:${eol}${inner}${eventSnippet(now, column + unit, unit, eol)}`;
    default:
      return `${key}: $1`;
  }
}

/** Text taken literally inside a snippet. */
function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

export function completions(parsed: ParsedIncident, offset: number, options: CompletionOptions = {}): IncidentCompletion[] {
  const now = options.now ?? Date.now();
  const snippets = options.snippets ?? true;
  const text = parsed.text;
  const eol = lineEnding(text);
  const unit = indentUnit(parsed);
  const { line } = parsed.lineIndex.positionAt(offset);
  const lineStart = parsed.lineIndex.lineStart(line);
  const before = text.slice(lineStart, offset);
  const after = text.slice(offset, parsed.lineIndex.lineEnd(line));
  const wordAfter = /^[\w:+.-]*/.exec(after)![0];
  const items: IncidentCompletion[] = [];
  const add = (label: string, kind: CompletionKind, span: Span, snippetText: string, detail?: string, sortText?: string) =>
    items.push({ label, kind, span, insertText: snippets ? snippetText : snippetToText(snippetText), snippet: snippets, detail, sortText });

  const lines: Lines = { count: parsed.lineIndex.lineCount, at: (l) => text.slice(parsed.lineIndex.lineStart(l), parsed.lineIndex.lineEnd(l)) };
  // A component's state after `Name:` in an update's components (names may hold spaces).
  const named = /^(\s*)([^\s:#-][^:#]*):(\s*)([\w-]*)$/.exec(before);
  if (named && contextAt(lines, line, named[1].length).container === 'components') {
    const span = { start: offset - named[4].length, end: offset + wordAfter.length };
    COMPONENT_STATES.forEach((v, i) => add(v, 'value', span, v, undefined, String(i).padStart(2, '0')));
    return items;
  }

  // A value after `key:` on the cursor's line.
  const value = /^(\s*)((?:-\s+)*)([A-Za-z_][\w-]*):(\s*)(["']?)([^#"']*)$/.exec(before);
  if (value) {
    const key = value[3];
    const keyColumn = value[1].length + value[2].length;
    const valueStart = lineStart + before.length - value[5].length - value[6].length;
    const span = { start: valueStart + value[5].length, end: offset + wordAfter.length };
    const { utc, jst } = nowTexts(now);
    if (ENUMS[key]) {
      ENUMS[key].forEach((v, i) => add(v, 'value', span, v, undefined, String(i).padStart(2, '0')));
    } else if (key === 'utc') {
      add(t('now ({0})', utc), 'time', span, utc, t('the current minute in UTC'));
    } else if (key === 'jst') {
      add(t('now ({0})', jst), 'time', span, jst, t('the current minute in JST'));
    } else if (key === 'zone') {
      // The file's own zone first, then every zone the platform knows (the client filters).
      const own = parsed.incident?.zone?.value;
      if (own) add(own, 'value', span, own, t('the file\'s zone'), '0');
      supportedZones().forEach((zone) => { if (zone !== own) add(zone, 'value', span, zone, undefined, `1${zone}`); });
    } else if (key === 'local' && parsed.incident?.zone) {
      const zone = parsed.incident.zone.value;
      const local = formatInOffset(Math.floor(now / 60_000) * 60_000, offsetMinutesAt(zone, now), { offset: false });
      add(t('now ({0})', local), 'time', span, local, t('the current minute in {0}', zone));
    } else if (TIME_KEYS.has(key) && value[5] === '' && !/\S/.test(after)) {
      const inner = ' '.repeat(keyColumn + unit);
      // Replace from the colon: the pair goes on the lines below.
      const fromColon = { start: lineStart + before.length - value[4].length - value[6].length, end: offset };
      add(t('now as a utc/jst pair'), 'time', fromColon, `${eol}${inner}utc: ${utc}${eol}${inner}jst: ${jst}`, `${utc} / ${jst}`);
      add(t('now in JST ({0})', `${jst}+09:00`), 'time', span, `${jst}+09:00`);
    }
    return items;
  }

  // A key (or nothing yet) on the cursor's line.
  const keyLine = /^(\s*)((?:-\s*)*)([\w-]*)$/.exec(before);
  if (!keyLine || /\S/.test(after.slice(wordAfter.length))) return items;
  const dash = keyLine[2].length > 0;
  const column = keyLine[1].length + (dash ? keyLine[2].length : 0);
  const span = { start: offset - keyLine[3].length, end: offset + wordAfter.length };
  let { container, present } = contextAt(lines, line, column);
  if (dash) {
    const list = listContainer(lines, line, keyLine[1].length);
    container = list === 'timeline' ? 'event' : list === 'sources' ? 'source' : list === 'components' ? 'components' : container;
    present = new Set();
  }
  if (container === 'components') {
    // The names of the root list: as list items after a dash, else as keys with a choice of state.
    const names = parsed.incident?.components?.value.map((c) => c.name) ?? [];
    names.forEach((name, i) => {
      const written = escapeSnippet(itemText(name));
      add(name, 'value', span, dash ? written : `${written}: \${1|${COMPONENT_STATES.join(',')}|}`, t('a component of the incident'), String(i).padStart(3, '0'));
    });
    return items;
  }
  if (container === 'timeline') {
    add(t('New timeline event'), 'snippet', span, eventSnippet(now, column, unit, eol), undefined, '0');
    return items;
  }
  if (container === 'incident' || container === 'event' || container === 'time' || container === 'source') {
    KEYS[container].forEach((key, i) => {
      if (present.has(key)) return;
      add(key, 'key', span, keySnippet(key, column, unit, eol, now), keyDetail(container, key), `1${String(i).padStart(2, '0')}`);
    });
  }
  if (container === 'incident' && present.size === 0 && column === 0) {
    add(t('New incident'), 'snippet', span, incidentSnippet(now, eol), t('a whole incident from the template'), '0');
  }
  return items;
}
