/**
 * Microsoft 365 service-health notices as users copy them from the admin center or a blog: lines
 * of "Label: value" ("Title:", "User Impact:", "Start time:", "Next update by:"…, the older
 * "Incident Start Time:" form, and the Japanese admin center's 「タイトル:」「開始時間:」…).
 * Each notice becomes one event; several notices pasted together become one incident. Text around
 * the notices (a blog's own prose) is left out; the time phrases are kept in `written`.
 */
import { createHash } from 'node:crypto';
import { t } from '../../core/l10n';
import { LineIndex } from '../../core/text';
import { ImportError, type ImportedIncident, type ImportedTime, type ImportedUpdate, type Reader } from '../imported';
import { isTimePhraseError, readNoticeTime } from './noticeTime';

type NoticeField =
  | 'title' | 'impact' | 'moreInfo' | 'scope' | 'status' | 'finalStatus'
  | 'start' | 'end' | 'cause' | 'nextSteps' | 'nextUpdate' | 'estimate';
type NoticeLanguage = 'en' | 'ja';

const TIME_FIELDS: ReadonlySet<NoticeField> = new Set(['start', 'end', 'nextUpdate', 'estimate']);

/** Each field's labels as the notices write them, compared without case and extra spaces. */
const LABELS: readonly { readonly field: NoticeField; readonly en: readonly string[]; readonly ja: readonly string[] }[] = [
  { field: 'title', en: ['title'], ja: ['タイトル'] },
  { field: 'impact', en: ['user impact'], ja: ['ユーザーへの影響', 'ユーザーの影響'] },
  { field: 'moreInfo', en: ['more info', 'more information'], ja: ['詳細情報'] },
  { field: 'scope', en: ['scope of impact', 'customer impact'], ja: ['影響範囲', '影響の範囲'] },
  { field: 'status', en: ['current status', 'status'], ja: ['現在の状態', '現在の状況', '状況', '状態'] },
  { field: 'finalStatus', en: ['final status'], ja: ['最終状態', '最終的な状態', '最終ステータス'] },
  { field: 'start', en: ['start time', 'incident start time'], ja: ['開始時間', '開始時刻', '開始日時'] },
  { field: 'end', en: ['end time', 'incident end time'], ja: ['終了時間', '終了時刻', '終了日時'] },
  { field: 'cause', en: ['preliminary root cause', 'root cause'], ja: ['予備の根本原因', '根本原因'] },
  { field: 'nextSteps', en: ['next steps'], ja: ['次の手順', '次のステップ'] },
  { field: 'nextUpdate', en: ['next update by', 'next update'], ja: ['次回の更新', '次回更新'] },
  { field: 'estimate', en: ['estimated time to resolve', 'estimated restoration time', 'estimated time to resolution'], ja: [] },
];

/** Microsoft's incident ids name their service by their first letters (EX196121: Exchange Online). */
const SERVICE_BY_ID_PREFIX: Readonly<Record<string, string>> = {
  EX: 'Exchange Online',
  SP: 'SharePoint Online',
  OD: 'OneDrive for Business',
  TM: 'Microsoft Teams',
  MO: 'Microsoft 365 suite',
};
const INCIDENT_ID = /\b(EX|SP|OD|TM|MO)\d{5,7}\b/g;
const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
const BULLET = /^\s*(?:[-*]\s+|[•・●▪‣◦]\s*|\d+[.)]\s+)/u;
/** Microsoft's sign-off ends the notice's last field without being part of it. */
const SIGN_OFF = /^this is the final update\b/i;
const LABEL_LINE = /^\s*(?:[-*•・●▪]\s*)?([^:：]{1,40}?)\s*[:：]\s*(.*)$/u;

interface FieldText {
  /** The value's lines: the rest of the label's line and, for text fields, the lines after it. */
  readonly lines: string[];
  /** Offset in the whole text where the value starts. */
  readonly offset: number;
}

interface Notice {
  readonly language: NoticeLanguage;
  readonly fields: Map<NoticeField, FieldText>;
  /** A line of its own just before the notice that reads as a time: when it was posted. */
  readonly stamp?: { readonly line: string; readonly offset: number };
  /** The notice's first offset, to name it in errors. */
  readonly offset: number;
}

/** What a pasted text says, notice by notice. Exported for the Graph reader, whose posts are notices. */
export interface ReadNotice {
  readonly language: NoticeLanguage;
  readonly title?: string;
  readonly impact?: string;
  /** The `User Impact` line alone: what the start of impact is said to be. */
  readonly userImpact?: string;
  readonly cause?: string;
  readonly nextSteps?: readonly string[];
  readonly statusText?: string;
  readonly final: boolean;
  readonly start?: ImportedTime;
  readonly end?: ImportedTime;
  readonly nextUpdate?: ImportedTime;
  readonly posted?: ImportedTime;
  /** The estimate of the end in the source's own words ("By Friday, January 22, 2016, at 1:00 AM UTC"). */
  readonly estimate?: string;
  /** Where the notice starts in its text ("line 3, column 1"), for errors. */
  readonly position: string;
}

function matchLabel(line: string): { field: NoticeField; language: NoticeLanguage; value: string; valueColumn: number } | undefined {
  const m = LABEL_LINE.exec(line);
  if (!m) return undefined;
  const label = m[1]!.replace(/\s+/g, ' ').toLowerCase();
  for (const entry of LABELS) {
    const language = entry.en.includes(label) ? 'en' : entry.ja.includes(label) ? 'ja' : undefined;
    if (language) return { field: entry.field, language, value: m[2]!, valueColumn: line.length - m[2]!.length };
  }
  return undefined;
}

/** Splits the text into notices: a `Title:` or a label the current notice already has starts the next. */
function splitNotices(text: string): Notice[] {
  const notices: Notice[] = [];
  let current: Notice | undefined;
  let appendTo: FieldText | undefined;
  let lastLoose: { line: string; offset: number } | undefined;
  let offset = 0;
  for (const rawLine of text.split('\n')) {
    const line = rawLine.replace(/\r$/, '');
    const lineOffset = offset;
    offset += rawLine.length + 1;
    const label = matchLabel(line);
    if (label) {
      if (!current || current.fields.has(label.field) || (label.field === 'title' && current.fields.size > 0)) {
        current = { language: label.language, fields: new Map(), offset: lineOffset, ...(lastLoose ? { stamp: lastLoose } : {}) };
        notices.push(current);
      }
      const value: FieldText = { lines: [label.value], offset: lineOffset + label.valueColumn };
      current.fields.set(label.field, value);
      appendTo = TIME_FIELDS.has(label.field) ? undefined : value;
      lastLoose = undefined;
      continue;
    }
    if (line.trim() === '') {
      appendTo?.lines.push('');
      continue;
    }
    // An English notice ends where the Japanese text quoting it resumes.
    if (appendTo && !(current?.language === 'en' && JAPANESE.test(line))) {
      appendTo.lines.push(line);
      continue;
    }
    appendTo = undefined;
    lastLoose = { line, offset: lineOffset };
  }
  return notices;
}

/** Paragraphs of a field: lines joined by spaces, blank lines and bullets separating them. */
function paragraphs(field: FieldText | undefined): string[] {
  if (!field) return [];
  const result: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) result.push(paragraph.join(' '));
    paragraph = [];
  };
  for (const line of field.lines) {
    if (line.trim() === '') flush();
    else if (BULLET.test(line)) {
      flush();
      paragraph.push(line.replace(BULLET, '').trim());
    } else paragraph.push(line.trim());
  }
  flush();
  return result;
}

function joined(...fields: (FieldText | undefined)[]): string | undefined {
  const text = fields.flatMap(paragraphs).join('\n\n');
  return text === '' ? undefined : text;
}

/** Where an offset is, as the other readers say it ("line 3, column 18"). */
function positionOf(text: string, offset: number): string {
  const position = new LineIndex(text).positionAt(offset);
  return t('line {0}, column {1}', position.line + 1, position.character + 1);
}

function readTime(text: string, field: FieldText | undefined, language: NoticeLanguage): ImportedTime | undefined {
  if (!field) return undefined;
  const phrase = field.lines[0]!;
  const leading = phrase.length - phrase.trimStart().length;
  const read = readNoticeTime(phrase, language === 'ja' ? 'Asia/Tokyo' : undefined);
  if (isTimePhraseError(read)) {
    throw new ImportError(t('Cannot read the time `{0}`: {1}', phrase.trim(), read.message), positionOf(text, field.offset + leading + read.offset));
  }
  return read;
}

/** Reads every notice in the text, in the order written (none when nothing is labelled). */
export function readNotices(text: string): ReadNotice[] {
  return splitNotices(text).map((notice) => {
    const field = (name: NoticeField) => notice.fields.get(name);
    const stamp = notice.stamp ? readNoticeTime(notice.stamp.line, notice.language === 'ja' ? 'Asia/Tokyo' : undefined) : undefined;
    const finalStatus = field('finalStatus');
    const nextSteps = paragraphs(field('nextSteps')).filter((step) => !SIGN_OFF.test(step));
    const read: ReadNotice = {
      language: notice.language,
      title: joined(field('title')),
      impact: joined(field('impact'), field('moreInfo'), field('scope')),
      userImpact: joined(field('impact')),
      cause: joined(field('cause')),
      ...(nextSteps.length ? { nextSteps } : {}),
      statusText: joined(finalStatus ?? field('status')),
      final: finalStatus !== undefined || field('end') !== undefined,
      start: readTime(text, field('start'), notice.language),
      end: readTime(text, field('end'), notice.language),
      nextUpdate: readTime(text, field('nextUpdate'), notice.language),
      estimate: field('estimate')?.lines[0]!.trim(),
      // A loose line is a posting time only when it reads as a whole time; otherwise it is prose.
      posted: stamp && !isTimePhraseError(stamp) && stamp.date === undefined ? stamp : undefined,
      position: positionOf(text, notice.offset),
    };
    return withoutUndefined(read);
  });
}

/** The object without its undefined members, so results compare and serialise as written. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function last<T>(notices: readonly ReadNotice[], pick: (notice: ReadNotice) => T | undefined): T | undefined {
  for (let i = notices.length - 1; i >= 0; i--) {
    const value = pick(notices[i]!);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** Pasted history reads newest first, as the admin center lists it: put it back in publishing order. */
function inPublishingOrder(notices: readonly ReadNotice[]): readonly ReadNotice[] {
  if (notices.length > 1 && notices[0]!.final && !notices[notices.length - 1]!.final) return [...notices].reverse();
  return notices;
}

function keyOf(notice: ReadNotice): string {
  const identity = JSON.stringify([notice.posted?.utc ?? notice.posted?.local, notice.statusText, notice.final]);
  return `notice-${createHash('sha256').update(identity).digest('hex').slice(0, 16)}`;
}

/**
 * One event per notice. The final notice's event stands at the end of impact (posted when the
 * notice says so); another stands where it was posted. A notice that does not say when it was
 * posted stands at the start of impact, marked approximate: a guess must not read as a fact.
 */
function noticeUpdate(notice: ReadNotice, start: ImportedTime | undefined): ImportedUpdate {
  const happened = notice.final ? notice.end : undefined;
  const at = happened ?? notice.posted ?? (start ? approximately(start) : undefined);
  if (!at) throw new ImportError(t('This notice says neither when it was posted nor when the impact started.'), notice.position);
  const text = [notice.statusText ?? notice.impact ?? notice.title, notice.estimate && t('Estimated restoration: {0}', notice.estimate)]
    .filter((part): part is string => !!part)
    .join('\n\n');
  return withoutUndefined({
    at,
    posted: happened ? notice.posted : undefined,
    nextUpdate: notice.nextUpdate,
    kind: notice.final ? 'resolved' : 'update',
    status: notice.final ? 'resolved' : 'investigating',
    text,
    key: keyOf(notice),
  }) as ImportedUpdate;
}

function approximately(time: ImportedTime): ImportedTime {
  const { written: _written, ...rest } = time;
  return { ...rest, approx: true };
}

/** The incident the notices describe together; `text` is the whole paste (for ids and positions). */
export function incidentFromNotices(
  notices: readonly ReadNotice[],
  text: string,
  origin: { readonly url?: string },
  format: 'notice' | 'graph' = 'notice',
): ImportedIncident {
  const ordered = inPublishingOrder(notices);
  const title = last(ordered, (n) => n.title) ?? firstSentence(last(ordered, (n) => n.impact));
  if (!title) throw new ImportError(t('The notice has no `Title:` and no `User Impact:` to name the incident by.'), ordered[0]!.position);
  const latest = ordered[ordered.length - 1]!;
  const start = last(ordered, (n) => n.start);
  const ids = [...new Set([...text.matchAll(INCIDENT_ID)].map((m) => m[0]))];
  const id = ids.length === 1 ? ids[0] : undefined;
  const impact = last(ordered, (n) => n.impact);
  const updates: ImportedUpdate[] = [];
  if (start) updates.push({ at: start, kind: 'detected', text: last(ordered, (n) => n.userImpact) ?? impact ?? title, key: 'notice-start' });
  for (const notice of ordered) updates.push(noticeUpdate(notice, start));
  // The root zone only when every time is read in the same one (Japanese text in Japan's clock).
  const times = [start, latest.end, ...updates.flatMap((u) => [u.at, u.nextUpdate])].filter((time) => time !== undefined);
  const zones = new Set(times.map((time) => time.zone));
  const zone = zones.size === 1 ? [...zones][0] : undefined;
  return withoutUndefined({
    format,
    id,
    title,
    status: latest.final ? 'resolved' : 'investigating',
    service: id ? SERVICE_BY_ID_PREFIX[id.slice(0, 2)] : undefined,
    impact,
    cause: last(ordered, (n) => n.cause),
    nextSteps: last(ordered, (n) => n.nextSteps),
    start,
    end: latest.final ? latest.end : undefined,
    zone,
    sources: origin.url ? [{ url: origin.url }] : [],
    updates,
  }) as ImportedIncident;
}

function firstSentence(text: string | undefined): string | undefined {
  const sentence = text?.split(/(?<=[.。])\s/)[0]?.trim();
  return sentence ? sentence.replace(/[.。]$/, '') : undefined;
}

export const noticeReader: Reader = {
  format: 'notice',
  detect(text) {
    const labelled = new Set(text.split('\n').map(matchLabel).filter((l) => l !== undefined).map((l) => l.field));
    return labelled.has('title') ? labelled.size >= 3 : labelled.has('start') && labelled.size >= 3;
  },
  read(text, origin) {
    const notices = readNotices(text);
    if (notices.length === 0) {
      throw new ImportError(t('No Microsoft 365 notice found: expected lines such as `Title:`, `User Impact:` and `Start time:`.'), positionOf(text, 0));
    }
    return [incidentFromNotices(notices, text, origin)];
  },
};
