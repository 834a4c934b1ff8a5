/**
 * Reads the incident model out of `yaml` nodes, reporting what does not fit the format: keys
 * (missing, unknown, repeated), types, enumerations and times. Cross-field checks (start before
 * end, pairs that disagree, event order) are rules of their own, run over the finished model.
 *
 * Every span is a node's offsets plus `base`, so the same code reads a whole document (base 0)
 * or a fragment parsed on its own (base = where the fragment starts in the document).
 */
import { isAlias, isMap, isScalar, isSeq, visit, type Alias, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { DiagnosticCode, Severity } from './codes';
import type { DiagnosticData, IncidentDiagnostic } from './diagnostics';
import { t } from './l10n';
import {
  COMPONENT_STATES,
  EVENT_KEYS,
  EVENT_KINDS,
  INCIDENT_KEYS,
  REQUIRED_EVENT_KEYS,
  REQUIRED_INCIDENT_KEYS,
  SEVERITIES,
  SOURCE_KEYS,
  STATUSES,
  TIME_KEYS,
  type ComponentMention,
  type ComponentName,
  type ComponentState,
  type Entry,
  type EventKind,
  type Field,
  type Incident,
  type IncidentSeverity,
  type Source,
  type Status,
  type TimeSide,
  type TimelineEvent,
  type TimeValue,
} from './model';
import { nearest } from './suggest';
import { quoted, type Span } from './text';
import { formatWritable, outsideWritableYears } from './times';
import { describeUtc, JST_OFFSET_MINUTES, MINUTE, parseTimeText } from '../../../common/time';
import { ABBREVIATION_HINTS, canonicalZone, dayStartMs, localToInstants, nearestZones, nextDate, offsetMinutesAt } from '../../../common/zones';
import { commonWindow, formatInZoneClock, windowDifference, windowOf, zoneAt, type TimeWindow } from './zonedTime';

type Report = (diagnostic: IncidentDiagnostic) => void;

/** A mapping's entries by key (first occurrence), with their value nodes. */
interface ReadEntries {
  readonly entries: Entry[];
  readonly values: Map<string, { entry: Entry; node: Node | null }>;
}

const EXAMPLE_TIME = '2019-11-19T10:40+09:00';
const EXAMPLE_LOCAL = '2021-01-04T18:55';
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY = 24 * 60 * MINUTE;

/** A side as read; a wall clock read in a zone also carries the instants it names there. */
interface ReadSide {
  readonly side: TimeSide;
  readonly instants?: readonly number[];
}

/**
 * Gives a time being built its instant fields from its window, in place. Not `{ ...base, ...fields }`:
 * V8 gives every object made by spreading a built-up object into a literal a hidden class of its
 * own, and 10,000 times with 10,000 classes made every rule's `at.epochMs` a megamorphic lookup
 * (about half a microsecond each; the rules took 50 ms a keystroke on 10,000 events).
 */
function setWindow(time: { -readonly [K in keyof TimeValue]: TimeValue[K] }, window: TimeWindow, precision: 'day' | undefined): TimeValue {
  time.epochMs = window.start;
  if (precision === 'day') {
    time.precision = precision;
    time.dayEndMs = window.end;
  }
  return time;
}

/** A time's instant fields from its window: an instant, or a day from `epochMs` to `dayEndMs`. */
function timeOfWindow(window: TimeWindow, precision: 'day' | undefined): Pick<TimeValue, 'epochMs' | 'precision' | 'dayEndMs'> {
  return precision === 'day' ? { epochMs: window.start, precision, dayEndMs: window.end } : { epochMs: window.start };
}

/** The wall clock of a local text read as UTC. */
function wallAsUtc(text: string): number {
  const parsed = parseTimeText(text, 0);
  return parsed.ok ? parsed.value.epochMs : 0;
}

/** "2021-01-05 02:55 UTC", or "2021-06-08 07:00 UTC to 2021-06-09 07:00 UTC" for a day. */
function describeWindow(window: TimeWindow): string {
  return window.start === window.end ? describeUtc(window.start) : t('{0} to {1}', describeUtc(window.start), describeUtc(window.end));
}

function describe(node: Node | null): string {
  if (node === null) return t('nothing');
  if (isMap(node)) return t('a mapping');
  if (isSeq(node)) return t('a list');
  if (isScalar(node)) {
    if (node.value === null) return t('nothing');
    if (typeof node.value === 'string') return node.value === '' ? t('an empty string') : t('a string');
    if (typeof node.value === 'number') return t('a number ({0})', quoted(String(node.source ?? node.value)));
    if (typeof node.value === 'boolean') return t('a boolean ({0})', quoted(String(node.source ?? node.value)));
  }
  return t('a value of another kind');
}

/** A plain or quoted scalar: one written in line with its key, not a `|` or `>` block. */
function isFlowScalar(node: Node): boolean {
  return isScalar(node) && (node.type === 'PLAIN' || node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
}

/**
 * Every alias of a document with its target: the last node before it (in document order, the
 * anchored node itself before its contents) that carries the anchor, as `Alias.resolve` finds it.
 */
function resolveAliases(doc: Document.Parsed | Document): Map<Alias, Node | undefined> {
  const anchors = new Map<string, Node>();
  const targets = new Map<Alias, Node | undefined>();
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) targets.set(node, anchors.get(node.source));
      else if (node.anchor) anchors.set(node.anchor, node as Node);
    },
  });
  return targets;
}

export class IncidentReader {
  constructor(
    private readonly doc: Document.Parsed | Document | null,
    private readonly report: Report,
    /** The span of the line an offset is on (without its line break). */
    private readonly lineSpanAt: (offset: number) => Span,
    private readonly base = 0,
    /**
     * The root `zone` times without an offset are read in: a canonical name; null when the root
     * names a zone that does not exist (reported there, so such times are left unread quietly).
     * `readIncident` sets it from the root before it reads any time.
     */
    private rootZone?: string | null,
  ) {}

  span(node: Node | null | undefined, fallback: Span): Span {
    const range = node?.range;
    if (!range) return fallback;
    return { start: range[0] + this.base, end: range[1] + this.base };
  }

  private diag(code: DiagnosticCode, severity: Severity, span: Span, message: string, data?: DiagnosticData, related?: IncidentDiagnostic['related']): void {
    this.report({ code, severity, span, message, data, related });
  }

  /** Each alias of the document and the node it names; built on the first alias met. */
  private aliasTargets: Map<Alias, Node | undefined> | undefined;

  /**
   * Follows an alias to its anchored node, once. One walk of the document resolves every alias:
   * the `yaml` library's `Alias.resolve` walks the whole document per alias (quadratic time).
   */
  private resolve(node: Node | null | undefined): Node | null {
    if (node && isAlias(node)) {
      if (!this.doc) return null;
      this.aliasTargets ??= resolveAliases(this.doc);
      const target = this.aliasTargets.get(node);
      // The yaml library only notices an undefined anchor when converting to JS, which we never do.
      if (!target) {
        this.diag('yaml-syntax', 'error', this.span(node, { start: 0, end: 0 }),
          t('YAML syntax error ({0}): {1}', 'UNRESOLVED_ALIAS', t('the alias `*{0}` has no anchor `&{0}` set before it.', quoted(node.source))),
          { code: 'yaml-syntax', yamlCode: 'UNRESOLVED_ALIAS' });
      }
      return target ?? null;
    }
    return (node as Node | null | undefined) ?? null;
  }

  /**
   * The entries of a mapping, reporting repeated keys and keys the format does not know.
   * `where` names the mapping in messages ("the incident", "an event").
   */
  readEntries(map: YAMLMap, allowed: readonly string[], where: string): ReadEntries {
    const entries: Entry[] = [];
    const values = new Map<string, { entry: Entry; node: Node | null }>();
    for (const pair of map.items as Pair<Node | null, Node | null>[]) {
      const keyNode = pair.key;
      const key = isScalar(keyNode) ? String(keyNode.value ?? '') : keyNode ? String(keyNode) : '';
      const keySpan = this.span(keyNode, this.span(map, { start: 0, end: 0 }));
      const valueNode = this.resolve(pair.value);
      const valueSpan = pair.value?.range
        ? this.span(pair.value, keySpan)
        : { start: keySpan.end + 1, end: keySpan.end + 1 };
      const entry: Entry = { key, keySpan, valueSpan };
      entries.push(entry);
      const first = values.get(key);
      if (first) {
        this.diag('duplicate-key', 'error', keySpan,
          t('Duplicate key `{0}` in {1}: it is already set above. YAML keeps one of the two; remove or rename this one.', quoted(key), where),
          { code: 'duplicate-key', key, firstSpan: first.entry.keySpan, valueSpan },
          [{ span: first.entry.keySpan, message: t('`{0}` is first set here', quoted(key)) }]);
        continue;
      }
      values.set(key, { entry, node: valueNode });
      if (!allowed.includes(key)) {
        const suggestion = nearest(key, allowed.filter((k) => !values.has(k) || k === key));
        const message = suggestion
          ? t('Unknown field `{0}` in {1}: did you mean `{2}`?', quoted(key), where, suggestion)
          : t('Unknown field `{0}` in {1}. Known fields: {2}.', quoted(key), where, allowed.join(', '));
        this.diag('unknown-field', 'warning', keySpan, message, { code: 'unknown-field', key, suggestion, allowed });
      }
    }
    return { entries, values };
  }

  /** A string field: any non-empty scalar (numbers are read as written). */
  readString(key: string, found: { entry: Entry; node: Node | null } | undefined, required = false): Field<string> | undefined {
    if (!found) return undefined;
    const { entry, node } = found;
    if (isScalar(node) && node.value !== null && typeof node.value !== 'object') {
      const value = typeof node.value === 'string' ? node.value : String(node.source ?? node.value);
      if (value.trim() === '' && required) {
        this.diag('wrong-type', 'error', entry.valueSpan, t('`{0}` must be a non-empty string, got an empty string.', key));
        return undefined;
      }
      return { value, entry };
    }
    if (required || node !== null && !(isScalar(node) && node.value === null)) {
      this.diag('wrong-type', 'error', node ? entry.valueSpan : entry.keySpan,
        t('`{0}` must be a string, got {1}.', key, describe(node)));
    }
    return undefined;
  }

  readEnum<T extends string>(key: string, found: { entry: Entry; node: Node | null } | undefined, allowed: readonly T[]): Field<T> | undefined {
    if (!found) return undefined;
    const { entry, node } = found;
    if (!isScalar(node) || node.value === null || typeof node.value === 'object') {
      this.diag('wrong-type', 'error', node ? entry.valueSpan : entry.keySpan,
        t('`{0}` must be one of {1}; got {2}.', key, allowed.join(', '), describe(node)));
      return undefined;
    }
    const value = typeof node.value === 'string' ? node.value : String(node.source ?? node.value);
    if ((allowed as readonly string[]).includes(value)) return { value: value as T, entry };
    const suggestion = nearest(value, allowed);
    const message = suggestion
      ? t('`{0}` is not a valid {1}: expected one of {2}. Did you mean `{3}`?', quoted(value), key, allowed.join(', '), suggestion)
      : t('`{0}` is not a valid {1}: expected one of {2}.', quoted(value), key, allowed.join(', '));
    this.diag('invalid-value', 'error', entry.valueSpan, message, { code: 'invalid-value', value, suggestion, allowed });
    return undefined;
  }

  readStringList(key: string, found: { entry: Entry; node: Node | null } | undefined): Field<readonly string[]> | undefined {
    if (!found) return undefined;
    const { entry, node } = found;
    if (node === null || (isScalar(node) && node.value === null)) return { value: [], entry };
    if (!isSeq(node)) {
      // One string written in place (not through an alias, anchor or tag) can become the list.
      const listText = isScalar(node) && isFlowScalar(node) && typeof node.value !== 'object' && !node.anchor && !node.tag && node.range?.[0] === entry.valueSpan.start - this.base
        ? (typeof node.value === 'string' ? node.value : String(node.source ?? node.value))
        : undefined;
      this.diag('wrong-type', 'error', entry.valueSpan, t('`{0}` must be a list of strings, got {1}.', key, describe(node)),
        listText === undefined ? undefined : { code: 'wrong-type', key, keySpan: entry.keySpan, listText });
      return undefined;
    }
    const value: string[] = [];
    for (const raw of node.items as (Node | null)[]) {
      const item = this.resolve(raw);
      if (isScalar(item) && item.value !== null && typeof item.value !== 'object') {
        value.push(typeof item.value === 'string' ? item.value : String(item.source ?? item.value));
      } else {
        // On the item as written: an alias item is flagged where it stands, not at its anchor.
        this.diag('wrong-type', 'error', this.span(raw, entry.valueSpan),
          t('Each item of `{0}` must be a string, got {1}.', key, describe(item)));
      }
    }
    return { value, entry };
  }

  /** The root `components`: a list of names, each with its span for hover, symbols and fixes. */
  readComponentNames(found: { entry: Entry; node: Node | null } | undefined): Field<readonly ComponentName[]> | undefined {
    const list = this.readStringList('components', found);
    if (!list) return undefined;
    const node = found!.node;
    const items = isSeq(node) ? (node.items as (Node | null)[]) : [];
    const value: ComponentName[] = [];
    for (const raw of items) {
      const item = this.resolve(raw);
      if (isScalar(item) && item.value !== null && typeof item.value !== 'object') {
        value.push({ name: typeof item.value === 'string' ? item.value : String(item.source ?? item.value), span: this.span(raw, list.entry.valueSpan) });
      }
    }
    return { value, entry: list.entry };
  }

  /**
   * An update's `components`: a list of names, or a mapping from name to state. Wrong states are
   * `invalid-value` like any enumeration; the name is kept so the other rules still see it.
   */
  readComponentMentions(found: { entry: Entry; node: Node | null } | undefined): Field<readonly ComponentMention[]> | undefined {
    if (!found) return undefined;
    const { entry, node } = found;
    if (node === null || (isScalar(node) && node.value === null)) return { value: [], entry };
    if (isSeq(node)) {
      const list = this.readComponentNames(found);
      return list && { value: list.value, entry };
    }
    if (!isMap(node)) {
      this.diag('wrong-type', 'error', entry.valueSpan,
        t('`components` must be a list of names or a mapping from name to state, got {0}.', describe(node)));
      return undefined;
    }
    const value: ComponentMention[] = [];
    for (const pair of node.items as Pair<Node | null, Node | null>[]) {
      const keyNode = pair.key;
      if (!isScalar(keyNode) || keyNode.value === null || typeof keyNode.value === 'object') continue;
      const name = typeof keyNode.value === 'string' ? keyNode.value : String(keyNode.source ?? keyNode.value);
      const span = this.span(keyNode, entry.valueSpan);
      const stateEntry: Entry = { key: name, keySpan: span, valueSpan: pair.value?.range ? this.span(pair.value, span) : { start: span.end + 1, end: span.end + 1 } };
      const state = this.readEnum<ComponentState>(t('state of `{0}`', name), { entry: stateEntry, node: this.resolve(pair.value) }, COMPONENT_STATES);
      value.push(state ? { name, span, state: state.value, stateSpan: stateEntry.valueSpan } : { name, span });
    }
    return { value, entry };
  }

  private checkUrl(text: string, span: Span): boolean {
    let ok = false;
    try {
      const url = new URL(text);
      ok = url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      ok = false;
    }
    if (!ok) {
      this.diag('invalid-value', 'error', span, t('`{0}` is not a web address: expected an http:// or https:// URL.', quoted(text)),
        { code: 'invalid-value', value: text, allowed: [] });
    }
    return ok;
  }

  readUrl(key: string, found: { entry: Entry; node: Node | null } | undefined): Field<string> | undefined {
    const field = this.readString(key, found);
    if (!field) return undefined;
    return this.checkUrl(field.value, field.entry.valueSpan) ? field : undefined;
  }

  readSources(found: { entry: Entry; node: Node | null } | undefined): Field<readonly Source[]> | undefined {
    if (!found) return undefined;
    const { entry, node } = found;
    if (node === null || (isScalar(node) && node.value === null)) return { value: [], entry };
    if (!isSeq(node)) {
      this.diag('wrong-type', 'error', entry.valueSpan,
        t('`sources` must be a list of URLs or {url, title} mappings, got {0}.', describe(node)));
      return undefined;
    }
    const sources: Source[] = [];
    for (const raw of node.items as (Node | null)[]) {
      const item = this.resolve(raw);
      const span = this.span(raw, entry.valueSpan);
      if (isScalar(item) && typeof item.value === 'string') {
        if (this.checkUrl(item.value, span)) sources.push({ url: item.value, span });
      } else if (isMap(item)) {
        const read = this.readEntries(item, SOURCE_KEYS, t('a source'));
        const url = read.values.get('url');
        if (!url) {
          this.missing('url', 'source', span, read.entries, t('A source needs a `url`.'));
          continue;
        }
        const urlField = this.readUrl('url', url);
        const title = this.readString('title', read.values.get('title'));
        if (urlField) sources.push({ url: urlField.value, title: title?.value, span });
      } else {
        this.diag('wrong-type', 'error', span, t('Each source must be a URL or a {url, title} mapping, got {0}.', describe(item)));
      }
    }
    return { value: sources, entry };
  }

  private missing(key: string, container: 'incident' | 'event' | 'time' | 'source', containerSpan: Span, entries: readonly Entry[], message: string, span = containerSpan): void {
    this.diag('missing-field', 'error', span, message, { code: 'missing-field', key, container, containerSpan, entries });
  }

  /**
   * One side of a time mapping, or a plain time string (`side` undefined). `zone` is the zone a
   * `local` side, or a string without an offset, is read in (the root zone for a string); null
   * when one was named but is not a zone (already reported), so nothing more is said of the side.
   * A wall clock read in a zone comes back with the instants it names there (`instants`), for the
   * caller to judge against the mapping's other sides.
   */
  private readTimeSide(key: string, side: 'utc' | 'jst' | 'local' | undefined, entry: Entry, node: Node | null, zone?: string | null): ReadSide | undefined {
    const span = node?.range ? this.span(node, entry.valueSpan) : entry.valueSpan;
    const label = side ? `${key}.${side}` : key;
    if (!isScalar(node) || node.value === null || typeof node.value === 'object' || typeof node.value === 'boolean') {
      this.diag('invalid-time', 'error', node ? span : entry.keySpan,
        t('`{0}` must be a time like {1}, got {2}.', label, side === 'local' ? EXAMPLE_LOCAL : EXAMPLE_TIME, describe(node)));
      return undefined;
    }
    const text = typeof node.value === 'string' ? node.value : String(node.source ?? node.value);
    if (DATE_ONLY.test(text)) return this.readDateSide(side, text, span, zone);
    const zoneOffset = side === 'utc' ? 0 : side === 'jst' ? JST_OFFSET_MINUTES : undefined;
    const parsed = parseTimeText(text, zoneOffset);
    if (!parsed.ok) {
      const e = parsed.error;
      const message =
        e.kind === 'format'
          ? side === 'local'
            ? t('`{0}` is not a local time: expected YYYY-MM-DDThh:mm[:ss] (the clock in the zone), or a date YYYY-MM-DD, like {1}.', quoted(text), EXAMPLE_LOCAL)
            : t('`{0}` is not a time: expected YYYY-MM-DDThh:mm[:ss] with an offset (Z or ±hh:mm), like {1}.', quoted(text), side ? (side === 'utc' ? '2019-11-19T01:40Z' : '2019-11-19T10:40+09:00') : EXAMPLE_TIME)
          : e.kind === 'date'
            ? t('`{0}` is not a real date ({1}).', quoted(text), e.detail)
            : e.kind === 'clock'
              ? t('`{0}` is not a real clock time ({1}).', quoted(text), e.detail)
              : e.kind === 'fraction'
                ? t('`{0}` has more than three digits after the seconds ({1}): times are compared to the millisecond, so write at most three, like 01:40:00.250.', quoted(text), e.detail)
                : t('`{0}` has an impossible offset ({1}).', quoted(text), e.detail);
      // A block scalar is prose, not a time written almost right: only flow scalars get the fix's data.
      this.diag('invalid-time', 'error', span, message, isFlowScalar(node) ? { code: 'invalid-time', text } : undefined);
      return undefined;
    }
    const { epochMs, offsetMinutes } = parsed.value;
    if (side === 'local' || (side === undefined && offsetMinutes === null && zone !== undefined)) {
      if (!zone) return { side: { text, span, offsetMinutes } };
      if (offsetMinutes === null) return { side: { text, span, offsetMinutes }, instants: localToInstants(text, zone) };
      const expected = offsetMinutesAt(zone, epochMs);
      if (expected === offsetMinutes) return { side: { text, span, epochMs, offsetMinutes } };
      this.wrongLocalOffset(label, text, span, zone, epochMs, parsed.value.wall.hasSeconds);
      return { side: { text, span, epochMs, offsetMinutes, wrongOffset: true } };
    }
    if (side === undefined && offsetMinutes === null) {
      this.diag('missing-offset', 'error', span,
        t('`{0}` has no offset, so it could be any zone\'s clock: add +09:00 for JST or Z for UTC, or write it as a utc/jst pair.', quoted(text)),
        { code: 'missing-offset', text });
      return { side: { text, span, offsetMinutes } };
    }
    if (side !== undefined && offsetMinutes !== null && offsetMinutes !== zoneOffset) {
      const corrected = formatWritable(epochMs, zoneOffset!, {
        seconds: parsed.value.wall.hasSeconds,
        separator: text.includes('T') ? 'T' : ' ',
      });
      const written = side === 'utc' ? text.slice(text.length - 6) : text.endsWith('Z') ? 'Z' : text.slice(text.length - 6);
      let message: string;
      if (corrected === undefined) {
        message = (side === 'utc'
          ? t('`utc` value `{0}` has offset {1}; a utc time ends in Z or +00:00 or has no offset.', quoted(text), written)
          : t('`jst` value `{0}` has offset {1}; a jst time ends in +09:00 or has no offset.', quoted(text), written)) + ' ' + outsideWritableYears(side);
      } else {
        message = side === 'utc'
          ? t('`utc` value `{0}` has offset {1}; a utc time ends in Z or +00:00 or has no offset. The same instant in UTC is {2}.', quoted(text), written, corrected)
          : t('`jst` value `{0}` has offset {1}; a jst time ends in +09:00 or has no offset. The same instant in JST is {2}.', quoted(text), written, corrected);
      }
      this.diag('wrong-offset', 'error', span, message, { code: 'wrong-offset', side, text, corrected });
      return { side: { text, span, epochMs, offsetMinutes, wrongOffset: true } };
    }
    return { side: { text, span, epochMs, offsetMinutes } };
  }

  /**
   * A local time whose offset is not its zone's at that time (PST's -08:00 on a summer date in
   * Pacific time). The wall clock is what the source wrote; the offset is the slip, so the
   * correction keeps the clock and writes the zone's offset.
   */
  private wrongLocalOffset(label: string, text: string, span: Span, zone: string, epochMs: number, hasSeconds: boolean): void {
    const wall = text.slice(0, text.length - (text.endsWith('Z') ? 1 : 6));
    const readings = localToInstants(wall, zone);
    const at = readings[0] ?? epochMs;
    const date = wall.slice(0, 10);
    const corrected = readings.length === 1
      ? formatInZoneClock(readings[0], zone, { seconds: hasSeconds, separator: text.includes('T') ? 'T' : ' ' })
      : undefined;
    const written = text.endsWith('Z') ? 'Z' : text.slice(text.length - 6);
    const message = corrected === undefined
      ? t('`{0}` value `{1}` has offset {2}, but on {3} {4} is on {5}.', label, quoted(text), written, date, zone, zoneAt(zone, at))
      : t('`{0}` value `{1}` has offset {2}, but on {3} {4} is on {5}: write {6}, or leave the offset out.', label, quoted(text), written, date, zone, zoneAt(zone, at), corrected);
    this.diag('wrong-offset', 'error', span, message, { code: 'wrong-offset', side: 'local', text, corrected });
  }

  /** A date without a clock: the whole day in the side's zone. */
  private readDateSide(side: 'utc' | 'jst' | 'local' | undefined, text: string, span: Span, zone: string | null | undefined): ReadSide | undefined {
    const check = parseTimeText(`${text}T00:00Z`);
    if (!check.ok) {
      this.diag('invalid-time', 'error', span, t('`{0}` is not a real date ({1}).', quoted(text), check.error.kind === 'date' ? check.error.detail : text));
      return undefined;
    }
    const dayZone = side === 'utc' ? 'UTC' : side === 'jst' ? 'Asia/Tokyo' : zone;
    if (!dayZone) {
      if (side === undefined && dayZone === undefined) {
        this.diag('missing-offset', 'error', span,
          t('`{0}` is a date with no zone, so it could be any zone\'s day: set the root `zone`, or write it as {jst: {0}} or {utc: {0}}.', quoted(text)));
      }
      return { side: { text, span, offsetMinutes: null, precision: 'day' } };
    }
    return { side: { text, span, epochMs: dayStartMs(text, dayZone), offsetMinutes: null, precision: 'day', dayEndMs: dayStartMs(nextDate(text), dayZone) } };
  }

  /**
   * The instant a wall clock names in a zone, once the mapping's twins (`utc`, `jst`) have had
   * their say: one reading, or the one of two (the fall-back hour) a twin agrees with. A time in
   * the spring-forward gap is `invalid-time`; two readings and no twin, `ambiguous-time`.
   */
  private resolveWall(label: string, read: ReadSide, zone: string, twins: readonly TimeSide[]): TimeWindow | undefined {
    const { side } = read;
    const instants = read.instants ?? [];
    if (instants.length === 0) {
      const wall = wallAsUtc(side.text);
      this.diag('invalid-time', 'error', side.span,
        t('`{0}` does not exist in {1}: that night the clocks went from {2} to {3} and skipped over it.', quoted(side.text), zone, zoneAt(zone, wall - DAY), zoneAt(zone, wall + DAY)));
      return undefined;
    }
    if (instants.length === 1) return { start: instants[0], end: instants[0] };
    const agreed = instants.filter((ms) => twins.every((twin) => { const w = windowOf(twin); return !w || commonWindow({ start: ms, end: ms }, w); }));
    if (twins.length > 0 && agreed.length === 1) return { start: agreed[0], end: agreed[0] };
    if (twins.some((twin) => twin.epochMs !== undefined)) return undefined; // the twins' mismatch is reported by the caller
    const readings = instants.map((ms) => ({ text: formatInZoneClock(ms, zone, { seconds: /T?\d{2}:\d{2}:\d{2}/.test(side.text), separator: side.text.includes('T') ? 'T' : ' ' }), zone: zoneAt(zone, ms) }));
    this.diag('ambiguous-time', 'warning', side.span,
      t('`{0}` `{1}` happens twice in {2}: first on {3} ({4}), then again on {5} ({6}). Add the offset to say which.', label, quoted(side.text), zone, readings[0].zone, describeUtc(instants[0]), readings[1].zone, describeUtc(instants[1])),
      { code: 'ambiguous-time', readings });
    return undefined;
  }

  /** A zone name: the root `zone` or a time mapping's. An unknown name is `invalid-value` with the nearest names. */
  readZone(key: string, found: { entry: Entry; node: Node | null } | undefined): Field<string> | null | undefined {
    const field = this.readString(key, found, true);
    if (!field) return found ? null : undefined;
    const zone = canonicalZone(field.value);
    if (zone) return { value: zone, entry: field.entry };
    const names = nearestZones(field.value, 5);
    // Offered as the fix only when close (a typo, a bare city) or the usual zone of an abbreviation.
    const suggestion = names.slice(0, 1).find((z) => nearest(field.value.replace(/ /g, '_'), [z, z.slice(z.lastIndexOf('/') + 1)]) || ABBREVIATION_HINTS[field.value.trim().toUpperCase()] === z);
    this.diag('invalid-value', 'error', field.entry.valueSpan,
      t('`{0}` is not a time zone: expected an IANA name like America/Los_Angeles, Europe/London or Asia/Tokyo (or UTC, JST). The nearest names: {1}.', quoted(field.value), names.join(', ')),
      { code: 'invalid-value', value: field.value, suggestion, allowed: names });
    return null;
  }

  private readApprox(found: { entry: Entry; node: Node | null } | undefined): boolean {
    if (!found) return false;
    if (isScalar(found.node) && typeof found.node.value === 'boolean') return found.node.value;
    this.diag('wrong-type', 'error', found.node ? found.entry.valueSpan : found.entry.keySpan, t('`approx` must be true or false, got {0}.', describe(found.node)));
    return false;
  }

  /** A time: a string with an offset (or read in the root zone), a utc/jst pair, or a local time in a zone. */
  readTime(key: string, found: { entry: Entry; node: Node | null } | undefined): TimeValue | undefined {
    if (!found) return undefined;
    const { entry, node } = found;
    if (isMap(node)) return this.readTimeMapping(key, entry, node);
    const read = this.readTimeSide(key, undefined, entry, node, this.rootZone);
    const span = node?.range ? this.span(node, entry.valueSpan) : entry.valueSpan;
    const value = read?.side;
    const zoned = value && value.offsetMinutes === null && this.rootZone;
    let window = value && windowOf(value);
    if (read && zoned && value.precision === undefined) window = this.resolveWall(key, read, this.rootZone!, []);
    return {
      form: 'string',
      span,
      value,
      ...(window ? timeOfWindow(window, value?.precision) : {}),
      ...(zoned ? { zone: { name: this.rootZone! } } : {}),
    };
  }

  private readTimeMapping(key: string, entry: Entry, node: YAMLMap): TimeValue {
    const span = this.span(node, entry.valueSpan);
    const read = this.readEntries(node, TIME_KEYS, t('the time `{0}`', key));
    const v = read.values;
    const approx = this.readApprox(v.get('approx'));
    const writtenField = this.readString('written', v.get('written'));
    const zoneField = this.readZone('zone', v.get('zone'));
    const zone = zoneField ? { name: zoneField.value, span: zoneField.entry.valueSpan } : zoneField === undefined && this.rootZone ? { name: this.rootZone } : undefined;
    const base: { -readonly [K in keyof TimeValue]: TimeValue[K] } = { form: 'pair', span, entries: read.entries };
    if (approx) base.approx = true;
    if (writtenField) base.written = { text: writtenField.value, span: writtenField.entry.valueSpan };
    const utcFound = v.get('utc');
    const jstFound = v.get('jst');
    const localFound = v.get('local');
    if (!utcFound && !jstFound && !localFound) {
      if (zoneField) base.zone = zone;
      // Only the source's words: the value is still to be filled from them (a rule of its own says so).
      if (!writtenField) this.missing('utc', 'time', span, read.entries, t('The time `{0}` needs `utc` or `jst` (or both).', key));
      return base;
    }
    const utc = utcFound && this.readTimeSide(key, 'utc', utcFound.entry, utcFound.node)?.side;
    const jst = jstFound && this.readTimeSide(key, 'jst', jstFound.entry, jstFound.node)?.side;
    if (utc) base.utc = utc;
    if (jst) base.jst = jst;
    const twins = [utc, jst].filter((s): s is TimeSide => !!s && s.epochMs !== undefined && !s.wrongOffset);
    const present = [utcFound, jstFound].filter(Boolean).length;
    if (!localFound) {
      if (zoneField) base.zone = zone;
      if (twins.length !== present) return base;
      let window: TimeWindow | undefined = windowOf(twins[0]);
      for (const twin of twins.slice(1)) window = window && commonWindow(window, windowOf(twin)!);
      return window ? setWindow(base, window, twins.every((s) => s.precision === 'day') ? 'day' : undefined) : base;
    }
    base.form = 'local';
    if (zone) base.zone = zone;
    else if (zoneField === undefined) {
      this.missing('zone', 'time', span, read.entries, t('`{0}.local` is a clock time in a zone, but no zone is named: add `zone` here, or set the root `zone`.', key));
    }
    const localRead = this.readTimeSide(key, 'local', localFound.entry, localFound.node, zone?.name ?? null);
    if (!localRead) return base;
    const local = localRead.side;
    base.local = local;
    if (!zone) return base;
    let window = local.precision === 'day' || local.offsetMinutes !== null ? (local.wrongOffset ? undefined : windowOf(local)) : this.resolveWall(`${key}.local`, localRead, zone.name, twins);
    if (local.offsetMinutes === null && local.precision === undefined && !window && (localRead.instants?.length ?? 0) < 2) return base;
    // Each twin must name a time the local time can be; the first that cannot is reported.
    let agreed = window;
    for (const twin of twins) {
      const common = agreed && commonWindow(agreed, windowOf(twin)!);
      if (!common && (agreed || (localRead.instants?.length ?? 0) === 2)) {
        this.utcLocalMismatch(key, twin, twin === utc ? 'utc' : 'jst', local, zone.name, window, localRead.instants ?? []);
        return base;
      }
      agreed = common;
    }
    if (twins.length !== present) return base;
    window = agreed;
    return window ? setWindow(base, window, window.start === window.end ? undefined : 'day') : base;
  }

  /**
   * A twin (`utc` or `jst`) that names another time than the local clock in its zone. The message
   * gives the zone's abbreviation and offset on that date, the slip it usually is.
   */
  private utcLocalMismatch(key: string, twin: TimeSide, side: 'utc' | 'jst', local: TimeSide, zone: string, window: TimeWindow | undefined, readings: readonly number[]): void {
    const twinWindow = windowOf(twin)!;
    const localAt = window ?? { start: readings[0], end: readings[0] };
    const date = local.text.slice(0, 10);
    const localSays = window
      ? describeWindow(window)
      : t('{0} or {1}', describeUtc(readings[0]), describeUtc(readings[1]));
    const difference = window ? windowDifference(window, twinWindow) : undefined;
    let message = t('`{0}`: {1} and local name different times. local `{2}` in {3} is {4} (on {5} {3} is on {6}), but {1} `{7}` is {8}.',
      key, side, quoted(local.text), zone, localSays, date, zoneAt(zone, localAt.start), quoted(twin.text), describeWindow(twinWindow));
    if (difference) message += ' ' + t('They are {0} apart.', difference);
    const seconds = (s: string) => /T?\d{2}:\d{2}:\d{2}/.test(s);
    const separator = (s: string) => (s.includes('T') ? 'T' : ' ');
    const withOffset = (s: string) => /(Z|[+-]\d{2}:\d{2})$/.test(s);
    // Corrections only between instants: a day on either side has no one text to write.
    const instantLocal = window && window.start === window.end ? window.start : undefined;
    const correctedTwin = instantLocal === undefined || twin.precision === 'day' ? undefined
      : formatWritable(instantLocal, side === 'utc' ? 0 : JST_OFFSET_MINUTES, { seconds: seconds(twin.text), separator: separator(twin.text), offset: withOffset(twin.text) });
    const correctedLocal = twin.precision === 'day' || local.precision === 'day' ? undefined
      : formatInZoneClock(twin.epochMs!, zone, { seconds: seconds(local.text), separator: separator(local.text), offset: withOffset(local.text) || readings.length === 2 });
    this.diag('utc-local-mismatch', 'error', twin.span, message,
      { code: 'utc-local-mismatch', side, twinSpan: twin.span, localSpan: local.span, correctedTwin, correctedLocal },
      [{ span: local.span, message: t('the local time') }]);
  }

  readEvent(node: Node | null, index: number, fallback: Span): TimelineEvent {
    const span = this.span(node, fallback);
    if (!isMap(node)) {
      this.diag('wrong-type', 'error', span,
        t('Timeline item {0} must be a mapping with `at` and `event`, got {1}.', index + 1, describe(node)));
      return { index, span, entries: [] };
    }
    const read = this.readEntries(node, EVENT_KEYS, t('timeline event {0}', index + 1));
    for (const key of REQUIRED_EVENT_KEYS) {
      if (!read.values.has(key)) {
        const first = read.entries[0]?.keySpan ?? span;
        this.missing(key, 'event', span, read.entries,
          key === 'at' ? t('Timeline event {0} has no `at` time.', index + 1) : t('Timeline event {0} has no `event` text.', index + 1),
          first);
      }
    }
    return {
      index,
      span,
      entries: read.entries,
      at: this.readTime('at', read.values.get('at')),
      event: this.readString('event', read.values.get('event'), true),
      kind: this.readEnum<EventKind>('kind', read.values.get('kind'), EVENT_KINDS),
      source: this.readUrl('source', read.values.get('source')),
      status: this.readEnum<Status>('status', read.values.get('status'), STATUSES),
      posted: this.readTime('posted', read.values.get('posted')),
      nextUpdate: this.readTime('next_update', read.values.get('next_update')),
      components: this.readComponentMentions(read.values.get('components')),
    };
  }

  readTimeline(found: { entry: Entry; node: Node | null } | undefined): TimelineEvent[] {
    if (!found) return [];
    const { entry, node } = found;
    if (node === null || (isScalar(node) && node.value === null)) return [];
    if (!isSeq(node)) {
      this.diag('wrong-type', 'error', entry.valueSpan, t('`timeline` must be a list of events, got {0}.', describe(node)));
      return [];
    }
    return (node.items as (Node | null)[]).map((item, index) => this.readEvent(this.resolve(item), index, entry.valueSpan));
  }

  /**
   * The incident at the document's root. `firstLine` is where messages about the whole file go
   * (a missing root key, an empty file).
   */
  readIncident(rawRoot: Node | null, firstLine: Span): Incident | undefined {
    const root = this.resolve(rawRoot);
    if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) {
      this.diag('not-an-incident', 'error', firstLine,
        t('This file is empty: an incident is a YAML mapping with at least title, status and start.'));
      return undefined;
    }
    if (!isMap(root)) {
      this.diag('not-an-incident', 'error', this.span(root, firstLine),
        t('An incident file holds a YAML mapping (id, title, status, start, …), but this file holds {0}.', describe(root)));
      return undefined;
    }
    const span = this.span(root, firstLine);
    const read = this.readEntries(root, INCIDENT_KEYS, t('the incident'));
    const v = read.values;
    // Missing root keys are reported on the root mapping's first line.
    const head = this.lineSpanAt(span.start);
    for (const key of REQUIRED_INCIDENT_KEYS) {
      if (!v.has(key)) this.missing(key, 'incident', span, read.entries, t('The incident has no `{0}`.', key), head);
    }
    // Before any time: offset-less times are read in this zone.
    const zone = this.readZone('zone', v.get('zone'));
    this.rootZone = zone === undefined ? undefined : zone?.value ?? null;
    return {
      span,
      entries: read.entries,
      id: this.readString('id', v.get('id'), true),
      title: this.readString('title', v.get('title'), true),
      status: this.readEnum<Status>('status', v.get('status'), STATUSES),
      severity: this.readEnum<IncidentSeverity>('severity', v.get('severity'), SEVERITIES),
      service: this.readString('service', v.get('service')),
      regions: this.readStringList('regions', v.get('regions')),
      ...(zone ? { zone } : {}),
      start: this.readTime('start', v.get('start')),
      end: this.readTime('end', v.get('end')),
      impact: this.readString('impact', v.get('impact')),
      cause: this.readString('cause', v.get('cause')),
      nextSteps: this.readStringList('next_steps', v.get('next_steps')),
      tags: this.readStringList('tags', v.get('tags')),
      components: this.readComponentNames(v.get('components')),
      sources: this.readSources(v.get('sources')),
      timelineEntry: v.get('timeline')?.entry,
      timeline: this.readTimeline(v.get('timeline')),
    };
  }
}
