/**
 * Microsoft Graph service health: `GET /admin/serviceAnnouncement/issues` (a `value` list) or one
 * issue (`…/issues/EX196121`). Each post is a notice in HTML: its text is read by the notice
 * reader, so a post's "Next update by:" and final status come out as they do from pasted text.
 * Enum values are compared without case, as Graph's own docs and exports differ in it.
 */
import { createHash } from 'node:crypto';
import { convert } from 'html-to-text';
import type { IncidentSeverity, Status } from '../../../common/eventKinds';
import { t } from '../core/l10n';
import { ImportError, type ImportedIncident, type ImportedUpdate, type Reader } from './imported';
import { readNotices, withoutUndefined, type ReadNotice } from './notice';

/** serviceHealthStatus values by what they say of the incident (anything else: investigating). */
const STATUS_BY_GRAPH_STATUS: Readonly<Record<string, Status>> = {
  confirmed: 'identified',
  restoringservice: 'identified',
  verifyingservice: 'monitoring',
  extendedrecovery: 'monitoring',
  mitigated: 'monitoring',
  mitigatedexternal: 'monitoring',
  servicerestored: 'resolved',
  resolved: 'resolved',
  resolvedexternal: 'resolved',
  postincidentreviewpublished: 'resolved',
  falsepositive: 'resolved',
};

/** Microsoft's two classes: an incident takes a service or a major function down, an advisory is limited. */
const SEVERITY_BY_CLASSIFICATION: Readonly<Record<string, IncidentSeverity>> = { incident: 'major', advisory: 'minor' };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** One JSON value with the path it was found at, so every error names where. */
class At {
  constructor(readonly value: Json | undefined, readonly path: string) {}

  field(key: string): At {
    const object = this.value !== null && typeof this.value === 'object' && !Array.isArray(this.value) ? this.value : undefined;
    return new At(object?.[key], `${this.path}.${key}`);
  }

  items(): At[] {
    if (this.value === undefined || this.value === null) return [];
    if (!Array.isArray(this.value)) throw new ImportError(t('Expected a list.'), this.path);
    return this.value.map((item, i) => new At(item, `${this.path}[${i}]`));
  }

  optionalString(): string | undefined {
    if (this.value === undefined || this.value === null || this.value === '') return undefined;
    if (typeof this.value !== 'string') throw new ImportError(t('Expected a string.'), this.path);
    return this.value;
  }

  string(): string {
    const value = this.optionalString();
    if (value === undefined) throw new ImportError(t('Missing `{0}`.', this.path.slice(this.path.lastIndexOf('.') + 1)), this.path);
    return value;
  }

  /** A DateTimeOffset as an instant in UTC ('2019-11-19T01:40:00Z'). */
  optionalInstant(): string | undefined {
    const text = this.optionalString();
    if (text === undefined) return undefined;
    const ms = Date.parse(text);
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text) || Number.isNaN(ms)) {
      throw new ImportError(t('Expected a date and time such as 2019-11-19T01:40:00Z, not `{0}`.', text), this.path);
    }
    return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
  }

  instant(): string {
    const value = this.optionalInstant();
    if (value === undefined) throw new ImportError(t('Missing `{0}`.', this.path.slice(this.path.lastIndexOf('.') + 1)), this.path);
    return value;
  }
}

function parseJson(text: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch (error) {
    const offset = Number(/position (\d+)/.exec(String((error as Error).message))?.[1] ?? 0);
    const before = text.slice(0, offset).split('\n');
    throw new ImportError(t('Not valid JSON.'), `${before.length}:${before[before.length - 1]!.length + 1}`);
  }
}

/** A post's HTML as plain text: paragraphs kept, links without their addresses, never markup. */
function plainText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
    ],
  }).trim();
}

/** The post's notice, or none when it is free text (a short "quick" post). */
function noticeOf(text: string, path: string): ReadNotice | undefined {
  try {
    return readNotices(text).at(-1);
  } catch (error) {
    // The line and column would be those of the text made from the HTML: name the post instead.
    if (error instanceof ImportError) throw new ImportError(error.message, path);
    throw error;
  }
}

function readIssue(issue: At, origin: { readonly url?: string }): ImportedIncident {
  if (issue.value === null || typeof issue.value !== 'object' || Array.isArray(issue.value)) {
    throw new ImportError(t('Expected a service health issue (an object).'), issue.path);
  }
  const id = issue.field('id').string();
  const title = issue.field('title').string();
  const graphStatus = issue.field('status').optionalString()?.toLowerCase();
  const resolved = issue.field('isResolved').value === true;
  const status: Status = resolved ? 'resolved' : STATUS_BY_GRAPH_STATUS[graphStatus ?? ''] ?? 'investigating';
  const start = issue.field('startDateTime').instant();
  const end = status === 'resolved' ? issue.field('endDateTime').optionalInstant() : undefined;
  const classification = issue.field('classification').optionalString()?.toLowerCase();
  const posts = issue.field('posts').items().map((post) => {
    const at = post.field('createdDateTime').instant();
    const content = post.field('description').field('content');
    const text = plainText(content.optionalString() ?? '');
    return { at, text, notice: noticeOf(text, content.path) };
  });
  posts.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const latest = posts.at(-1)?.notice;
  const updates: ImportedUpdate[] = [
    { at: { utc: start }, kind: 'detected', text: issue.field('impactDescription').optionalString() ?? title, key: 'graph-start' },
  ];
  posts.forEach((post, i) => {
    const isLast = i === posts.length - 1;
    // The final post tells of the end: its event stands there, posted when it was published.
    const final = isLast && status === 'resolved' && end !== undefined && post.notice?.final === true;
    updates.push(withoutUndefined({
      at: final ? { utc: end } : { utc: post.at },
      posted: final && end !== post.at ? { utc: post.at } : undefined,
      nextUpdate: post.notice?.nextUpdate,
      kind: final ? 'resolved' : 'update',
      status: isLast ? status : 'investigating',
      text: post.notice?.statusText ?? post.text,
      key: `graph-${post.at}-${createHash('sha256').update(post.text).digest('hex').slice(0, 12)}`,
    }) as ImportedUpdate);
  });
  return withoutUndefined({
    format: 'graph',
    id,
    title,
    status,
    severity: SEVERITY_BY_CLASSIFICATION[classification ?? ''],
    service: issue.field('service').optionalString(),
    impact: issue.field('impactDescription').optionalString(),
    cause: latest?.cause,
    nextSteps: latest?.nextSteps,
    start: { utc: start },
    end: end === undefined ? undefined : { utc: end },
    sources: origin.url ? [{ url: origin.url }] : [],
    updates,
  }) as ImportedIncident;
}

export const graphReader: Reader = {
  format: 'graph',
  detect(text) {
    return /"startDateTime"\s*:/.test(text) && /"(?:impactDescription|classification|isResolved)"\s*:|serviceAnnouncement\/issues/.test(text);
  },
  read(text, origin) {
    const root = new At(parseJson(text), '$');
    const list = root.field('value');
    const issues = list.value === undefined ? [root] : list.items();
    if (issues.length === 0) throw new ImportError(t('The list of issues is empty.'), list.path);
    return issues.map((issue) => readIssue(issue, origin));
  },
};
