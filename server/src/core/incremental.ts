/**
 * Incremental validation: the same ParsedIncident as `parseIncident`, but a keystroke re-parses
 * only the timeline item it touched. Pure, like the rest of the core.
 *
 * How: the text is split by lines into a head (everything before the timeline's second item), the
 * timeline items, and a tail (the last item and everything after it). The head and tail are
 * joined into a small "skeleton" document that yaml parses and the reader reads as usual: it
 * gives the root entries, their diagnostics and, because the first and last items stay in it, the
 * exact ranges yaml gives the timeline and the root mapping. Each item is parsed on its own and
 * read with the reader's `base` offset; its result is kept for the next text. There, the common
 * prefix and suffix with the previous text tell which items an edit left alone: those are reused,
 * shifted when the edit moved them and renumbered when items were added or removed above; only
 * the others are parsed. The cross-item rules then run over the assembled model.
 *
 * A timeline item with YAML errors of its own is kept in the skeleton with its neighbours and read
 * there, in the context the library sees in the whole text; the parse stays incremental when the
 * skeleton's errors all fall inside such items and the structure around them is as the lines say.
 *
 * Whenever the text's structure does not allow this safely (tabs, lone CR, a BOM, directives or
 * document markers, anchors, aliases and tags, YAML errors or warnings elsewhere, odd indentation
 * in the timeline, a timeline that is not a block list under a plain `timeline:` key, …) it falls
 * back to `parseIncident`. test/core/incremental.test.ts checks the two agree after random edits.
 */
import { isMap, isScalar, isSeq, parseAllDocuments, visit, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { IncidentDiagnostic } from './diagnostics';
import { compareDiagnostics } from './diagnostics';
import type { Entry, Field, Incident, TimeSide, TimelineEvent, TimeValue } from './model';
import { MAX_ENTRIES, newNestingState, scanNesting, type NestingState } from './nesting';
import { DEFAULT_MAX_LENGTH, parseIncident, YAML_OPTIONS, type ParseOptions, type ParsedIncident } from './parse';
import { IncidentReader } from './read';
import { yamlDiagnostic } from './yamlErrors';
import { STANDARD_RULES } from './rules';
import { isEventRule, type EventRule, type Rule } from './rules/rule';
import { eventFacts, rememberTimelineFacts, TimelineFactsBuilder, type EventFacts } from './facts';
import { currentLanguage } from './l10n';
import { clampSpan, LineIndex, type Span } from './text';
import { canonicalZone } from '../../../common/zones';

/** Where the timeline's items are, as line-start offsets into the text. */
interface TimelineLayout {
  /** Offset of the `timeline:` key (column 0). */
  readonly keyStart: number;
  /** Each item from the start of its dash line to the next item's dash (so neighbours overlap by the indentation). */
  readonly items: readonly Span[];
  /** Where the timeline entry's lines end: the start of the next root entry, or the text's end. */
  readonly end: number;
}

/** The event rules' findings on one event: a list per rule, in document offsets at the item's `base`. */
type Findings = readonly (readonly IncidentDiagnostic[])[];

/**
 * One timeline item as last read: the event and its diagnostics in document offsets at `base`.
 * A class, so that every item has one shape: the loops over 10,000 of them stay monomorphic.
 */
class ReadItem {
  /** What the rules over the whole timeline read of the event (facts.ts): unchanged by a move. */
  readonly facts: EventFacts;
  /** The event as first read, before moves (ParsedIncident.origins). */
  readonly origin: TimelineEvent;
  /** The event rules' findings, or undefined until judged. */
  findings: Findings | undefined;
  /** The contexts (RuleContexts) the findings were judged in: reused while they are the parser's. */
  judged: RuleContexts | undefined;

  constructor(
    readonly base: number,
    readonly index: number,
    readonly event: TimelineEvent,
    readonly diagnostics: readonly IncidentDiagnostic[],
    readonly scan: ItemScan,
    /** Has YAML errors of its own: read in context, never reused. */
    readonly broken: boolean,
    /** Kept only when the diagnostics name the index, so a move re-reads instead of re-parsing. */
    readonly doc: Document.Parsed | undefined,
    readonly node: Node | undefined,
    facts?: EventFacts,
    origin?: TimelineEvent,
  ) {
    this.facts = facts ?? eventFacts(event);
    this.origin = origin ?? event;
    this.findings = undefined;
    this.judged = undefined;
  }
}

/** The display language with the file's zone, then each event rule's context (EventRule.context), as one parse saw them. */
type RuleContexts = readonly string[];

/** What the nesting scan (nesting.ts) says of an item on its own, from the settled state items start in. */
interface ItemScan {
  /** Within the nesting limit, and nothing (a bracket, a quote) left open for the next item. */
  readonly shallow: boolean;
  /** Its list items and mapping entries, as the scan counts them. */
  readonly entries: number;
}

/** Why the last parse went the way it did: for tests and the benchmark. */
export type IncrementalPath =
  /** `brokenItems`: how many of the parsed items had YAML errors (read in context, in the skeleton). */
  | { readonly kind: 'incremental'; readonly parsedItems: number; readonly reusedItems: number; readonly brokenItems: number }
  | { readonly kind: 'full'; readonly reason: string };

class Unsplittable {
  constructor(readonly reason: string) {}
}

const SPACE = 32;
const HASH = 35;
const DASH = 45;
const LF = 10;
const CR = 13;

/** True when the character at `i` ends a token: a space, a line break or the end of the text. */
function isBreakOrSpace(text: string, i: number): boolean {
  if (i >= text.length) return true;
  const c = text.charCodeAt(i);
  return c === SPACE || c === LF || c === CR;
}

/**
 * Finds the timeline's items by lines alone, or says why the text cannot be split. Lines that
 * are blank or comments never start a part; they stay with the part above them (so a `|+`
 * block scalar keeps its trailing blank lines, as it does in the whole document).
 */
export function findTimelineLayout(text: string): TimelineLayout | Unsplittable {
  if (text.charCodeAt(0) === 0xfeff) return new Unsplittable('byte order mark');
  if (text.indexOf('\t') >= 0) return new Unsplittable('tab');
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) !== LF) return new Unsplittable('lone carriage return');
  }
  let state: 'before' | 'head' | 'items' | 'after' = 'before';
  let keyStart = -1;
  let indent = -1;
  const starts: number[] = [];
  let end = text.length;
  for (let pos = 0; pos < text.length;) {
    const newline = text.indexOf('\n', pos);
    const next = newline < 0 ? text.length : newline + 1;
    const first = text.charCodeAt(pos);
    // Document markers and directives at column 0 end or start documents: leave them to the full parse.
    if ((first === DASH && text.startsWith('---', pos) && isBreakOrSpace(text, pos + 3))
      || (first === 46 /* . */ && text.startsWith('...', pos) && isBreakOrSpace(text, pos + 3))
      || first === 37 /* % */) {
      return new Unsplittable('document marker or directive');
    }
    let column = pos;
    while (text.charCodeAt(column) === SPACE) column++;
    const c = text.charCodeAt(column);
    const blank = column >= text.length || c === LF || c === CR || c === HASH;
    const lineIndent = column - pos;
    switch (state) {
      case 'before':
        if (first === 116 /* t */ && text.startsWith('timeline:', pos)) {
          let k = pos + 9;
          while (text.charCodeAt(k) === SPACE) k++;
          const rest = text.charCodeAt(k);
          const restIsEmpty = k >= text.length || rest === LF || rest === CR || (rest === HASH && k > pos + 9);
          if (!restIsEmpty) return new Unsplittable('timeline is not a block list');
          keyStart = pos;
          state = 'head';
        }
        break;
      case 'head':
        if (blank) break;
        if (c !== DASH || !isBreakOrSpace(text, column + 1)) return new Unsplittable('timeline is not a block list');
        indent = lineIndent;
        starts.push(pos);
        state = 'items';
        break;
      case 'items':
        if (blank || lineIndent > indent) break;
        if (lineIndent === indent && c === DASH && isBreakOrSpace(text, column + 1)) {
          starts.push(pos);
        } else if (lineIndent === 0) {
          end = pos;
          state = 'after';
        } else {
          return new Unsplittable('odd indentation in the timeline');
        }
        break;
      case 'after':
        break;
    }
    pos = next;
  }
  if (starts.length === 0) return new Unsplittable('no timeline items');
  // An item runs on to the next item's dash, not just its line: yaml ends a mapping whose last
  // value is empty at the next token, so the next line's indentation belongs to the item too.
  const items = starts.map((start, i) => ({ start, end: i + 1 < starts.length ? starts[i + 1] + indent : end }));
  return { keyStart, items, end };
}

/** A copy of a string that shares no memory with the text it was cut from (V8 keeps slices' parents alive). */
function detached(s: string): string {
  return (' ' + s).slice(1);
}

/** A deep copy of a model value or diagnostic with every span's offsets passed through `map`. */
function mapSpans<T>(value: T, map: (offset: number) => number): T {
  if (Array.isArray(value)) return value.map((v: unknown) => mapSpans(v, map)) as T;
  if (value === null || typeof value !== 'object') return value;
  const o = value as Record<string, unknown>;
  if (typeof o.start === 'number' && typeof o.end === 'number' && Object.keys(o).length === 2) {
    return { start: map(o.start), end: map(o.end) } as T;
  }
  const out: Record<string, unknown> = {};
  for (const key in o) out[key] = mapSpans(o[key], map);
  return out as T;
}

/** True when a document uses anything that ties its parts together or changes how they read. */
function hasAnchorsAliasesOrTags(doc: Document.Parsed): boolean {
  let found = false;
  visit(doc, {
    Alias() {
      found = true;
      return visit.BREAK;
    },
    Node(_key, node) {
      if (node.anchor || node.tag) {
        found = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** Parses a fragment as one YAML document (its errors are the caller's to judge), or says why it is not one. */
function parseFragment(text: string): Document.Parsed | Unsplittable {
  const documents = parseAllDocuments(text, YAML_OPTIONS) as Document.Parsed[] | { empty: true };
  if (!Array.isArray(documents) || documents.length !== 1) return new Unsplittable('not one document');
  const doc = documents[0];
  // Without &, * or ! in the text there can be no anchor, alias or tag: skip the walk (most items).
  const maybe = text.indexOf('&') >= 0 || text.indexOf('*') >= 0 || text.indexOf('!') >= 0;
  if (maybe && hasAnchorsAliasesOrTags(doc)) return new Unsplittable('anchors, aliases or tags');
  return doc;
}

/** True when a scan state carries nothing from one part into the next (no open bracket or quote). */
const settled = (state: NestingState) => state.flow === 0 && state.quote === 0;

/** What the last incremental parse left: its text, where its items were, and what they read as. */
interface SplitState {
  readonly text: string;
  /** The root zone the items were read in (see rootZoneOf). */
  readonly zone: string | null | undefined;
  readonly items: readonly Span[];
  readonly reads: readonly ReadItem[];
  /** What the items' findings were judged in. */
  readonly contexts: RuleContexts;
}

/**
 * The text with some timeline items left out: the head, the `kept` items (ascending, always the
 * first and the last) and the tail. Offsets map both ways, piece by piece.
 */
class Skeleton {
  readonly text: string;
  /** Each piece of the text kept, and where it starts in the skeleton. */
  private readonly pieces: { readonly from: number; readonly to: number; readonly at: number }[] = [];

  constructor(source: string, private readonly items: readonly Span[], kept: readonly number[]) {
    const parts: string[] = [];
    let at = 0;
    for (let i = 0; i < kept.length;) {
      // A run of consecutive kept items is one piece; the first also holds the head, the last the tail.
      let j = i;
      while (j + 1 < kept.length && kept[j + 1] === kept[j] + 1) j++;
      const from = i === 0 ? 0 : items[kept[i]].start;
      const to = kept[j] + 1 < items.length ? items[kept[j] + 1].start : source.length;
      this.pieces.push({ from, to, at });
      parts.push(source.slice(from, to));
      at += to - from;
      i = j + 1;
    }
    this.text = parts.length === 1 ? parts[0] : parts.join('');
  }

  /** A skeleton offset as a text offset (an offset where two pieces meet belongs to the later). */
  toDocument(offset: number): number {
    let k = this.pieces.length - 1;
    while (k > 0 && this.pieces[k].at > offset) k--;
    return offset - this.pieces[k].at + this.pieces[k].from;
  }

  /** Where a kept item is in the skeleton (its text's length from its start). */
  itemSpan(index: number): Span {
    const { start, end } = this.items[index];
    const piece = this.pieces.find((p) => p.from <= start && start < p.to)!;
    const at = start - piece.from + piece.at;
    return { start: at, end: at + end - start };
  }
}

/** Length of the longest common prefix, by halving: native string compares, no per-character loop. */
function commonPrefixLength(a: string, b: string): number {
  let low = 0;
  let high = Math.min(a.length, b.length);
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (a.slice(low, mid) === b.slice(low, mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Length of the longest common suffix no longer than `limit`. */
function commonSuffixLength(a: string, b: string, limit: number): number {
  let low = 0;
  let high = Math.min(limit, a.length, b.length);
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (a.slice(a.length - mid, a.length - low) === b.slice(b.length - mid, b.length - low)) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * Parses incident texts like `parseIncident`, keeping what it read of each timeline item so the
 * next text (one edit later) re-parses only the items that changed. One instance per document.
 */
export class IncrementalIncidentParser {
  private state: SplitState | undefined;
  private path: IncrementalPath = { kind: 'full', reason: 'not parsed yet' };
  /** The rules that judge each event on its own (their findings are kept per item), and the others. */
  private readonly eventRules: readonly EventRule[];
  private readonly otherRules: readonly Rule[];
  /** Every event rule found nothing: shared by the items with no findings. */
  private readonly noFindings: Findings;

  constructor(private readonly options: ParseOptions = {}) {
    const rules = options.rules ?? STANDARD_RULES;
    this.eventRules = rules.filter(isEventRule);
    this.otherRules = rules.filter((rule) => !isEventRule(rule));
    this.noFindings = this.eventRules.map(() => []);
  }

  /** How the last `parse` went. */
  get lastPath(): IncrementalPath {
    return this.path;
  }

  parse(text: string): ParsedIncident {
    if (text.length > (this.options.maxLength ?? DEFAULT_MAX_LENGTH)) return this.full(text, 'too large');
    let result: ParsedIncident | Unsplittable;
    try {
      result = this.parseByItems(text);
    } catch (error) {
      // A rule or the reader threw: the full parse reports it as internal-error, with its wording;
      // the stack goes to the host's log, since the user sees only the diagnostic.
      this.options.logger?.error(`Incremental parse fell back to a full parse: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      result = new Unsplittable(`threw: ${error instanceof Error ? error.message : String(error)}`);
    }
    return result instanceof Unsplittable ? this.full(text, result.reason) : result;
  }

  private full(text: string, reason: string): ParsedIncident {
    this.path = { kind: 'full', reason };
    return parseIncident(text, this.options);
  }

  private parseByItems(text: string): ParsedIncident | Unsplittable {
    const layout = findTimelineLayout(text);
    if (layout instanceof Unsplittable) return layout;
    const { items } = layout;
    const n = items.length;
    // The full parse refuses text nested too deep for the yaml library, or with too many entries
    // (nesting.ts); so must we, with the same verdict, before handing any fragment to the parser.
    // The scan runs over the head and tail here and over each changed item below, and the entries
    // are summed; unsettled parts scan the whole text.
    const maxEntries = this.options.maxEntries ?? MAX_ENTRIES;
    const head = newNestingState();
    const tail = newNestingState();
    let shallow = scanNesting(text, 0, layout.keyStart, head) < 0 && settled(head)
      && scanNesting(text, layout.keyStart, items[0].start, head) < 0 && settled(head)
      && scanNesting(text, layout.end, text.length, tail) < 0;
    let entries = head.entries + tail.entries;
    /** Scans the whole text instead of summing parts: the verdict where a part was left unsettled. */
    const scanWhole = (): Unsplittable | undefined => {
      shallow = false;
      const whole = newNestingState();
      if (scanNesting(text, 0, text.length, whole) >= 0) return new Unsplittable('nested too deep');
      entries = whole.entries;
      return undefined;
    };
    if (!shallow) {
      const verdict = scanWhole();
      if (verdict) return verdict;
    }
    if (entries > maxEntries) return new Unsplittable('too many entries');

    // The items: those wholly inside the text the edit left alone are taken from the last parse
    // (shifted and renumbered as needed); the others are parsed on their own and read in place.
    // An item with YAML errors of its own is read below, in the skeleton, among its neighbours.
    // Items without an offset are read in the root zone: find it by lines (the skeleton's reading
    // confirms it below), and reuse nothing read in another zone.
    const zone = rootZoneOf(text, layout);
    if (zone instanceof Unsplittable) return zone;
    const previous = this.state?.zone === zone ? this.state : undefined;
    const prefix = previous ? commonPrefixLength(previous.text, text) : 0;
    const suffix = previous ? commonSuffixLength(previous.text, text, Math.min(previous.text.length, text.length) - prefix) : 0;
    const delta = text.length - (previous?.text.length ?? 0);
    const countDelta = previous ? previous.items.length - n : 0;
    const reusable = (j: number) => (previous!.reads[j]?.broken ? undefined : previous!.items[j]);
    const reads: ReadItem[] = new Array<ReadItem>(n);
    const broken: number[] = [];
    let parsedItems = 0;
    for (let index = 0; index < n; index++) {
      const { start, end } = items[index];
      let read: ReadItem | undefined;
      if (previous) {
        const before = reusable(index);
        if (end <= prefix && before && before.start === start && before.end === end) {
          read = moved(previous.reads[index], start, index, zone);
        } else if (start >= text.length - suffix) {
          const old = reusable(index + countDelta);
          if (old && old.start === start - delta && old.end === end - delta) read = moved(previous.reads[index + countDelta], start, index, zone);
        } else {
          // Near the edit, where prefix and suffix cannot tell (an inserted item that starts like
          // the one it pushed down): the same text at the same place counted from either end.
          for (const j of [index + countDelta, index]) {
            const old = reusable(j);
            if (old && old.end - old.start === end - start && previous.text.slice(old.start, old.end) === text.slice(start, end)) {
              read = moved(previous.reads[j], start, index, zone);
              break;
            }
          }
        }
      }
      if (!read) {
        const scan = scanItem(text, start, end);
        if (!scan.shallow && shallow) {
          const verdict = scanWhole();
          if (verdict) return verdict;
        }
        const itemDoc = parseFragment(detached(text.slice(start, end)));
        if (itemDoc instanceof Unsplittable) return itemDoc;
        if (itemDoc.errors.length > 0 || itemDoc.warnings.length > 0) {
          read = new ReadItem(start, index, { index, span: items[index], entries: [] }, [], scan, true, undefined, undefined);
          broken.push(index);
        } else {
          const itemSeq = itemDoc.contents;
          const node = isSeq(itemSeq) && itemSeq.items.length === 1 ? (itemSeq.items[0] as Node | null) : null;
          if (!node?.range) return new Unsplittable('item is not one list item');
          read = readItem(itemDoc, node, start, index, scan, zone);
        }
        parsedItems++;
      }
      if (shallow) {
        // Kept items were scanned when they were parsed; one that was not settled needs the whole text.
        if (read.scan.shallow) entries += read.scan.entries;
        else {
          const verdict = scanWhole();
          if (verdict) return verdict;
        }
      }
      if (entries > maxEntries) return new Unsplittable('too many entries');
      reads[index] = read;
    }

    // The skeleton: the text with only the first and last items, and each broken item with its
    // neighbours, so that the yaml library reads a broken item in the context it has in the text.
    const keep = new Set<number>([0, n - 1]);
    for (const k of broken) for (const i of [k - 1, k, k + 1]) if (i >= 0 && i < n) keep.add(i);
    const kept = [...keep].sort((x, y) => x - y);
    const skeleton = new Skeleton(text, items, kept);
    const doc = parseFragment(skeleton.text);
    if (doc instanceof Unsplittable) return doc;
    // Its YAML errors must all fall inside the broken items: anything else may reach further.
    const brokenSpans = broken.map((k) => skeleton.itemSpan(k));
    const inBroken = (pos: readonly [number, number]) => brokenSpans.some((b) => pos[0] >= b.start && pos[1] <= b.end);
    if (!doc.errors.every((e) => inBroken(e.pos)) || !doc.warnings.every((w) => inBroken(w.pos))) return new Unsplittable('YAML errors or warnings');
    const root = doc.contents;
    if (!isMap(root)) return new Unsplittable('root is not a mapping');
    const timelinePair = (root as YAMLMap<unknown, unknown>).items.find((pair) => isScalar(pair.key) && pair.key.value === 'timeline') as Pair<Node, Node> | undefined;
    if (!timelinePair || timelinePair.key.range?.[0] !== layout.keyStart) return new Unsplittable('timeline key not where the lines say');
    const seq = timelinePair.value;
    if (!isSeq(seq) || seq.items.length !== kept.length) return new Unsplittable('timeline items not where the lines say');
    for (let i = 0; i < kept.length; i++) {
      const range = (seq.items[i] as Node | null)?.range;
      const span = skeleton.itemSpan(kept[i]);
      if (!range || range[0] < span.start || range[0] >= span.end) return new Unsplittable('timeline items not where the lines say');
    }

    const itemsFrom = items[0].start;
    const itemsTo = skeleton.itemSpan(n - 1).end;
    // A broken item can end the timeline early: what follows becomes root entries.
    for (const pair of (root as YAMLMap<Node, unknown>).items) {
      const at = pair.key?.range?.[0];
      if (at !== undefined && at >= itemsFrom && at < itemsTo) return new Unsplittable('YAML errors or warnings');
    }

    const lineIndex = new LineIndex(text);
    const lineSpanAt = (offset: number) => lineIndex.lineSpanAt(offset);
    const toDocument = (offset: number) => skeleton.toDocument(offset);

    // The root, read from the skeleton; what it says about the kept items is dropped (read apart).
    const rootDiagnostics: IncidentDiagnostic[] = [];
    const skeletonReader = new IncidentReader(doc, (d) => {
      if (d.span.start < itemsFrom || d.span.start >= itemsTo) rootDiagnostics.push(mapSpans(d, toDocument));
    }, lineSpanAt);
    const skeletonIncident = skeletonReader.readIncident(root, lineSpanAt(0));
    if (!skeletonIncident) return new Unsplittable('root is not an incident');
    const readZone = skeletonIncident.zone?.value ?? (skeletonIncident.entries.some((e) => e.key === 'zone') ? null : undefined);
    if (readZone !== zone) return new Unsplittable('root zone not as the lines say');
    for (const error of doc.errors) rootDiagnostics.push(yamlDiagnostic(error, 'error', { start: toDocument(error.pos[0]), end: toDocument(error.pos[1]) }));
    for (const warning of doc.warnings) rootDiagnostics.push(yamlDiagnostic(warning, 'warning', { start: toDocument(warning.pos[0]), end: toDocument(warning.pos[1]) }));
    for (const k of broken) {
      const diagnostics: IncidentDiagnostic[] = [];
      // Read where it stands in the skeleton, with spans moved to where it stands in the text.
      const base = items[k].start - skeleton.itemSpan(k).start;
      const reader = new IncidentReader(doc, (d) => diagnostics.push(d), lineSpanAt, base, zone);
      const node = seq.items[kept.indexOf(k)] as Node | null;
      const event = reader.readEvent(node, k, reader.span(node, items[k]));
      reads[k] = new ReadItem(reads[k].base, k, event, diagnostics, reads[k].scan, true, undefined, undefined);
    }
    // Filled by loops: this runs over every item on every keystroke.
    const events: TimelineEvent[] = new Array<TimelineEvent>(n);
    const origins: TimelineEvent[] = new Array<TimelineEvent>(n);
    const facts = new TimelineFactsBuilder(n);
    const itemDiagnostics: IncidentDiagnostic[] = [];
    for (let index = 0; index < n; index++) {
      const read = reads[index];
      events[index] = read.event;
      origins[index] = read.origin;
      facts.set(index, read.facts);
      for (const d of read.diagnostics) itemDiagnostics.push(d);
    }

    const incident: Incident = { ...mapSpans(skeletonIncident, toDocument), timeline: events };
    rememberTimelineFacts(incident, facts.build());
    const diagnostics: IncidentDiagnostic[] = [...rootDiagnostics, ...itemDiagnostics];
    const report = (d: IncidentDiagnostic) => diagnostics.push(d);
    const contexts = this.judgeEvents(incident, reads, text, report);
    for (const rule of this.eventRules) rule.checkRoot?.(incident, report, text);
    for (const rule of this.otherRules) rule.check(incident, report, text);
    const clamped = diagnostics.map((d) => (d.span.end <= text.length ? d : { ...d, span: clampSpan(d.span, text.length) }));
    clamped.sort(compareDiagnostics);
    // Only a parse that got this far becomes the base of the next one: after a fallback, the
    // next edit is compared with the last text that split cleanly.
    this.state = { text, zone, items, reads, contexts };
    this.path = { kind: 'incremental', parsedItems, reusedItems: n - parsedItems, brokenItems: broken.length };
    return { text, lineIndex, incident, diagnostics: clamped, origins };
  }

  /**
   * The event rules' findings on every item, reported: kept from the last parse for the items that
   * did not change while the rules' contexts did not either; a rule whose context changed judges
   * every event again, and a changed item is judged by every rule. Returns the contexts judged in.
   */
  private judgeEvents(incident: Incident, reads: readonly ReadItem[], text: string, report: (d: IncidentDiagnostic) => void): RuleContexts {
    const rules = this.eventRules;
    // Messages are in the display language and name times in the file's zone: both are every rule's context.
    const computed = [`${currentLanguage()} ${incident.zone?.value ?? ''}`, ...rules.map((rule) => rule.context(incident))];
    const previous = this.state?.contexts;
    // The same array while nothing changed, so an item judged in it is recognised by identity.
    const contexts = previous && computed.every((c, k) => c === previous[k]) ? previous : computed;
    const stale = rules.map((_, k) => !previous || computed[0] !== previous[0] || computed[k + 1] !== previous[k + 1]);
    for (const read of reads) {
      let findings = read.findings;
      if (read.judged !== contexts || !findings) {
        const partly = read.judged === previous && findings !== undefined;
        const lists = rules.map((rule, k) => {
          if (partly && !stale[k]) return findings![k];
          const found: IncidentDiagnostic[] = [];
          rule.checkEvent(read.event, incident, (d) => found.push(d), text);
          return found;
        });
        findings = lists.every((list) => list.length === 0) ? this.noFindings : lists;
        read.findings = findings;
        read.judged = contexts;
      }
      if (findings !== this.noFindings) for (const list of findings) for (const d of list) report(d);
    }
    return contexts;
  }
}

/**
 * The root `zone` by lines: a `zone:` key at column 0 outside the timeline, its value on the same
 * line. Canonical name, null for a name that is no zone, undefined for none. Anything harder to
 * read by lines (a quoted value with escapes, a value on the next line) goes to the full parse.
 */
function rootZoneOf(text: string, layout: TimelineLayout): string | null | undefined | Unsplittable {
  const starts = text.startsWith('zone:') ? [0] : [];
  for (let i = text.indexOf('\nzone:'); i >= 0; i = text.indexOf('\nzone:', i + 1)) starts.push(i + 1);
  // The first outside the timeline, as the reader keeps the first of a repeated key.
  const at = starts.find((start) => start < layout.items[0].start || start >= layout.end);
  if (at === undefined) return undefined;
  const lineEnd = text.indexOf('\n', at);
  let value = text.slice(at + 5, lineEnd < 0 ? text.length : lineEnd).replace(/\r$/, '');
  const comment = value.search(/(^|\s)#/);
  if (comment >= 0) value = value.slice(0, comment);
  value = value.trim();
  if (value === '') return new Unsplittable('root zone not on its line');
  const quote = value[0];
  if (quote === '"' || quote === "'") {
    if (value.length < 2 || value[value.length - 1] !== quote || /["'\\]/.test(value.slice(1, -1))) return new Unsplittable('root zone quoted');
    value = value.slice(1, -1);
  }
  return canonicalZone(value) ?? null;
}

/** The nesting scan over an item from the settled state every item starts in (see scanNesting). */
function scanItem(text: string, start: number, end: number): ItemScan {
  const state = newNestingState([0]);
  const shallow = scanNesting(text, start, end, state) < 0 && settled(state);
  return { shallow, entries: state.entries };
}

function readItem(doc: Document.Parsed, node: Node, base: number, index: number, scan: ItemScan, zone: string | null | undefined): ReadItem {
  const diagnostics: IncidentDiagnostic[] = [];
  // Events never ask for line spans; only the root does.
  const reader = new IncidentReader(doc, (d) => diagnostics.push(d), () => ({ start: base, end: base }), base, zone);
  const event = reader.readEvent(node, index, reader.span(node, { start: base, end: base }));
  return diagnostics.length > 0 ? new ReadItem(base, index, event, diagnostics, scan, false, doc, node) : new ReadItem(base, index, event, diagnostics, scan, false, undefined, undefined);
}

/** A kept item at its new place: shifted when lines above it changed, renumbered when items were added or removed. */
function moved(read: ReadItem, base: number, index: number, zone: string | null | undefined): ReadItem {
  if (read.base === base && read.index === index) return read;
  if (read.index !== index && read.doc && read.node) {
    // Its messages name the index ("timeline event 12"): read it again, from the kept nodes.
    return readItem(read.doc, read.node, base, index, read.scan, zone);
  }
  const delta = base - read.base;
  const event = delta === 0 ? read.event : shiftEvent(read.event, delta);
  const diagnostics = delta === 0 || read.diagnostics.length === 0 ? read.diagnostics : read.diagnostics.map((d) => mapSpans(d, (o) => o + delta));
  const renumbered = read.index === index ? event : { ...event, index };
  // Items with diagnostics keep their nodes: a later renumbering must re-read their messages.
  const out = new ReadItem(base, index, renumbered, diagnostics, read.scan, false, read.doc, read.node, read.facts, read.origin);
  // The rules' findings move with it; renumbered, those that name its index are judged again.
  if (read.findings && (read.index === index || read.findings.every((list) => list.length === 0))) {
    out.findings = delta === 0 ? read.findings : shiftFindings(read.findings, read.event.span, delta);
    out.judged = read.judged;
  }
  return out;
}

/**
 * Findings moved with their event: offsets inside the event's old span move by `delta`; a related
 * location outside it (the end) stays, and a rule whose context names it is judged again when it moves.
 */
function shiftFindings(findings: Findings, span: Span, delta: number): Findings {
  if (findings.every((list) => list.length === 0)) return findings;
  const inside = (o: number) => (o >= span.start && o <= span.end ? o + delta : o);
  return findings.map((list) => (list.length === 0 ? list : list.map((d) => mapSpans(d, inside))));
}

const shiftSpan = (span: Span, delta: number): Span => ({ start: span.start + delta, end: span.end + delta });

function shiftEntry(entry: Entry, delta: number): Entry {
  return { key: entry.key, keySpan: shiftSpan(entry.keySpan, delta), valueSpan: shiftSpan(entry.valueSpan, delta) };
}

function shiftSide(side: TimeSide, delta: number): TimeSide {
  const out: { -readonly [K in keyof TimeSide]: TimeSide[K] } = { ...side };
  out.span = shiftSpan(side.span, delta);
  return out;
}

function shiftEntries(entries: readonly Entry[], delta: number): Entry[] {
  const out = new Array<Entry>(entries.length);
  for (let i = 0; i < entries.length; i++) out[i] = shiftEntry(entries[i], delta);
  return out;
}

function shiftTime(time: TimeValue, delta: number): TimeValue {
  const out: { -readonly [K in keyof TimeValue]: TimeValue[K] } = { ...time };
  out.span = shiftSpan(time.span, delta);
  if (time.value) out.value = shiftSide(time.value, delta);
  if (time.utc) out.utc = shiftSide(time.utc, delta);
  if (time.jst) out.jst = shiftSide(time.jst, delta);
  if (time.local) out.local = shiftSide(time.local, delta);
  if (time.zone?.span) out.zone = { name: time.zone.name, span: shiftSpan(time.zone.span, delta) };
  if (time.written) out.written = { text: time.written.text, span: shiftSpan(time.written.span, delta) };
  if (time.entries) out.entries = shiftEntries(time.entries, delta);
  return out;
}

/** A field moved with its event: it shares its Entry with the event's `entries`, as the reader makes it. */
function shiftField<T>(field: Field<T>, before: readonly Entry[], after: readonly Entry[], delta: number): Field<T> {
  const i = before.indexOf(field.entry);
  return { value: field.value, entry: i >= 0 ? after[i] : shiftEntry(field.entry, delta) };
}

/**
 * An event with every span moved by `delta`. Written out field by field: it runs for every item
 * below an edit on every keystroke. The property test compares it with a full parse, so a span
 * added to the model and not shifted here fails there.
 */
export function shiftEvent(event: TimelineEvent, delta: number): TimelineEvent {
  const entries = shiftEntries(event.entries, delta);
  const out: { -readonly [K in keyof TimelineEvent]: TimelineEvent[K] } = { ...event };
  out.span = shiftSpan(event.span, delta);
  out.entries = entries;
  if (event.at) out.at = shiftTime(event.at, delta);
  if (event.event) out.event = shiftField(event.event, event.entries, entries, delta);
  if (event.kind) out.kind = shiftField(event.kind, event.entries, entries, delta);
  if (event.source) out.source = shiftField(event.source, event.entries, entries, delta);
  if (event.status) out.status = shiftField(event.status, event.entries, entries, delta);
  if (event.posted) out.posted = shiftTime(event.posted, delta);
  if (event.nextUpdate) out.nextUpdate = shiftTime(event.nextUpdate, delta);
  if (event.components) {
    const shifted = shiftField(event.components, event.entries, entries, delta);
    out.components = { value: event.components.value.map((c) => mapSpans(c, (o) => o + delta)), entry: shifted.entry };
  }
  return out;
}
