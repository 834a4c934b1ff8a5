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
  TIME_PAIR_KEYS,
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
import { JST_OFFSET_MINUTES, parseTimeText } from '../../../common/time';

type Report = (diagnostic: IncidentDiagnostic) => void;

/** A mapping's entries by key (first occurrence), with their value nodes. */
interface ReadEntries {
  readonly entries: Entry[];
  readonly values: Map<string, { entry: Entry; node: Node | null }>;
}

const EXAMPLE_TIME = '2019-11-19T10:40+09:00';

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

  /** One side of a pair, or a plain time string (`side` undefined). */
  private readTimeSide(key: string, side: 'utc' | 'jst' | undefined, entry: Entry, node: Node | null): TimeSide | undefined {
    const span = node?.range ? this.span(node, entry.valueSpan) : entry.valueSpan;
    const label = side ? `${key}.${side}` : key;
    if (!isScalar(node) || node.value === null || typeof node.value === 'object' || typeof node.value === 'boolean') {
      this.diag('invalid-time', 'error', node ? span : entry.keySpan,
        t('`{0}` must be a time like {1}, got {2}.', label, EXAMPLE_TIME, describe(node)));
      return undefined;
    }
    const text = typeof node.value === 'string' ? node.value : String(node.source ?? node.value);
    const zoneOffset = side === 'utc' ? 0 : side === 'jst' ? JST_OFFSET_MINUTES : undefined;
    const parsed = parseTimeText(text, zoneOffset);
    if (!parsed.ok) {
      const e = parsed.error;
      const message =
        e.kind === 'format'
          ? t('`{0}` is not a time: expected YYYY-MM-DDThh:mm[:ss] with an offset (Z or ±hh:mm), like {1}.', quoted(text), side ? (side === 'utc' ? '2019-11-19T01:40Z' : '2019-11-19T10:40+09:00') : EXAMPLE_TIME)
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
    if (side === undefined && offsetMinutes === null) {
      this.diag('missing-offset', 'error', span,
        t('`{0}` has no offset, so it could be any zone\'s clock: add +09:00 for JST or Z for UTC, or write it as a utc/jst pair.', quoted(text)),
        { code: 'missing-offset', text });
      return { text, span, offsetMinutes };
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
      return { text, span, epochMs, offsetMinutes, wrongOffset: true };
    }
    return { text, span, epochMs, offsetMinutes };
  }

  /** A time: a string with an offset, or a utc/jst pair. */
  readTime(key: string, found: { entry: Entry; node: Node | null } | undefined): TimeValue | undefined {
    if (!found) return undefined;
    const { entry, node } = found;
    if (isMap(node)) {
      const span = this.span(node, entry.valueSpan);
      const read = this.readEntries(node, TIME_PAIR_KEYS, t('the time `{0}`', key));
      const utcFound = read.values.get('utc');
      const jstFound = read.values.get('jst');
      if (!utcFound && !jstFound) {
        this.missing('utc', 'time', span, read.entries, t('The time `{0}` needs `utc` or `jst` (or both).', key));
        return { form: 'pair', span, entries: read.entries };
      }
      const utc = utcFound ? this.readTimeSide(key, 'utc', utcFound.entry, utcFound.node) : undefined;
      const jst = jstFound ? this.readTimeSide(key, 'jst', jstFound.entry, jstFound.node) : undefined;
      const sides = [utcFound && utc, jstFound && jst];
      const present = [utcFound, jstFound].filter(Boolean).length;
      const good = sides.filter((s): s is TimeSide => !!s && s.epochMs !== undefined && !s.wrongOffset);
      let epochMs: number | undefined;
      if (good.length === present && good.every((s) => s.epochMs === good[0].epochMs)) epochMs = good[0].epochMs;
      return { form: 'pair', span, epochMs, utc, jst, entries: read.entries };
    }
    const value = this.readTimeSide(key, undefined, entry, node);
    const span = node?.range ? this.span(node, entry.valueSpan) : entry.valueSpan;
    return { form: 'string', span, value, epochMs: value?.offsetMinutes !== null ? value?.epochMs : undefined };
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
    return {
      span,
      entries: read.entries,
      id: this.readString('id', v.get('id'), true),
      title: this.readString('title', v.get('title'), true),
      status: this.readEnum<Status>('status', v.get('status'), STATUSES),
      severity: this.readEnum<IncidentSeverity>('severity', v.get('severity'), SEVERITIES),
      service: this.readString('service', v.get('service')),
      regions: this.readStringList('regions', v.get('regions')),
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
