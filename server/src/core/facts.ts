/**
 * Per-event numbers that the rules over the whole timeline (order, updates, `written`) scan
 * instead of the events. A keystroke on a 10,000-event file runs those rules again; reading
 * `event.at.epochMs` from 10,000 objects spread over the heap costs milliseconds, reading these
 * arrays microseconds. The incremental parser fills them from what it kept of each item (an
 * item's facts do not change when it only moves); `timelineFacts` computes them for any other
 * model on first use.
 */
import { isUpdate, publishedMs, STATUSES, type Incident, type TimelineEvent } from './model';
import { latestMs } from './zonedTime';
import { readsFromTimeBefore } from './phrases';
import { oncePer } from '../../../common/memo';

/** The event is an update (isUpdate). */
export const FACT_UPDATE = 1;
/** Its kind is `detected`. */
export const FACT_DETECTED = 4;
/** Its `at` is a date without a clock (`atLatestMs` is then the day's last millisecond). */
export const FACT_AT_DAY = 8;
/** It gives a component a state. */
export const FACT_STATES = 16;
/** One of its `written` phrases counts from the time before it (phrases' readsFromTimeBefore). */
export const FACT_WRITTEN_IN_CONTEXT = 32;

export interface TimelineFacts {
  /** `at`'s instant (a date's first millisecond), NaN where it has none. */
  readonly atMs: Float64Array;
  /** The latest instant `at` may be: `atMs`, or the last millisecond of its day. */
  readonly atLatestMs: Float64Array;
  /** When it was published (publishedMs), NaN where that cannot be read. */
  readonly publishedMs: Float64Array;
  /** The latest instant its `next_update` may be (latestMs), NaN where it has none. */
  readonly promisedMs: Float64Array;
  /** Its status as its rank in STATUSES plus one; 0 without a status. */
  readonly status: Uint8Array;
  /** FACT_* bits. */
  readonly flags: Uint8Array;
  /** The bits set on any event. */
  readonly any: number;
}

/** One event's facts, as the incremental parser keeps them per item. */
export interface EventFacts {
  readonly atMs: number;
  readonly atLatestMs: number;
  readonly publishedMs: number;
  readonly promisedMs: number;
  readonly status: number;
  readonly flags: number;
}

export function eventFacts(event: TimelineEvent): EventFacts {
  const at = event.at;
  let flags = 0;
  if (isUpdate(event)) flags |= FACT_UPDATE;
  if ([at, event.posted, event.nextUpdate].some((time) => time?.written && readsFromTimeBefore(time.written.text))) flags |= FACT_WRITTEN_IN_CONTEXT;
  if (event.kind?.value === 'detected') flags |= FACT_DETECTED;
  if (event.components?.value.some((mention) => mention.state !== undefined)) flags |= FACT_STATES;
  const atMs = at?.epochMs ?? NaN;
  let atLatestMs = atMs;
  if (at?.dayEndMs !== undefined && at.epochMs !== undefined) {
    flags |= FACT_AT_DAY;
    atLatestMs = at.dayEndMs - 1;
  }
  const status = event.status ? STATUSES.indexOf(event.status.value) + 1 : 0;
  const promisedMs = (event.nextUpdate && latestMs(event.nextUpdate)) ?? NaN;
  return { atMs, atLatestMs, publishedMs: publishedMs(event) ?? NaN, promisedMs, status, flags };
}

/** Builds a timeline's facts one event at a time. */
export class TimelineFactsBuilder {
  private readonly atMs: Float64Array;
  private readonly atLatestMs: Float64Array;
  private readonly publishedMs: Float64Array;
  private readonly promisedMs: Float64Array;
  private readonly status: Uint8Array;
  private readonly flags: Uint8Array;
  private any = 0;

  constructor(length: number) {
    this.atMs = new Float64Array(length);
    this.atLatestMs = new Float64Array(length);
    this.publishedMs = new Float64Array(length);
    this.promisedMs = new Float64Array(length);
    this.status = new Uint8Array(length);
    this.flags = new Uint8Array(length);
  }

  set(index: number, facts: EventFacts): void {
    this.atMs[index] = facts.atMs;
    this.atLatestMs[index] = facts.atLatestMs;
    this.publishedMs[index] = facts.publishedMs;
    this.promisedMs[index] = facts.promisedMs;
    this.status[index] = facts.status;
    this.flags[index] = facts.flags;
    this.any |= facts.flags;
  }

  build(): TimelineFacts {
    const { atMs, atLatestMs, publishedMs, promisedMs, status, flags, any } = this;
    return { atMs, atLatestMs, publishedMs, promisedMs, status, flags, any };
  }
}

const byIncident = new WeakMap<Incident, TimelineFacts>();

/** The facts of a model: those its parser left, else computed once (the model is immutable). */
export function timelineFacts(incident: Incident): TimelineFacts {
  let facts = byIncident.get(incident);
  if (!facts) {
    const builder = new TimelineFactsBuilder(incident.timeline.length);
    incident.timeline.forEach((event, index) => builder.set(index, eventFacts(event)));
    facts = builder.build();
    byIncident.set(incident, facts);
  }
  return facts;
}

/** Leaves a model's facts for its rules: the incremental parser's, built from its kept items. */
export function rememberTimelineFacts(incident: Incident, facts: TimelineFacts): void {
  byIncident.set(incident, facts);
}

/**
 * The updates (FACT_UPDATE) whose publication time can be read, as event indices in the order they
 * were published; stable, so updates published at the same instant keep the file's order. Once per
 * model; on a timeline already in order (the usual case) no sort at all.
 */
export const publicationOrder: (facts: TimelineFacts) => Int32Array = oncePer((facts) => readPublicationOrder(facts));

function readPublicationOrder(facts: TimelineFacts): Int32Array {
  const { flags, publishedMs } = facts;
  let count = 0;
  let sorted = true;
  let last = -Infinity;
  for (let index = 0; index < flags.length; index++) {
    const ms = publishedMs[index];
    if ((flags[index] & FACT_UPDATE) === 0 || Number.isNaN(ms)) continue;
    if (ms < last) sorted = false;
    last = ms;
    count++;
  }
  const order = new Int32Array(count);
  let k = 0;
  for (let index = 0; index < flags.length; index++) {
    if ((flags[index] & FACT_UPDATE) !== 0 && !Number.isNaN(publishedMs[index])) order[k++] = index;
  }
  // Array.prototype.sort is stable; a typed array's sort need not be.
  return sorted ? order : Int32Array.from(Array.from(order).sort((a, b) => publishedMs[a] - publishedMs[b] || a - b));
}
