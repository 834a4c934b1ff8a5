/**
 * Microsoft Graph service health: `GET /admin/serviceAnnouncement/issues` (a `value` list) or one
 * issue (`…/issues/EX196121`). Each post is a notice in HTML: its text is read by the notice
 * reader, so a post's "Next update by:" and final status come out as they do from pasted text.
 * Enum values are compared without case, as Graph's own docs and exports differ in it.
 */
import { createHash } from 'node:crypto';
import type { IncidentSeverity, Status } from '../../../../common/eventKinds';
import { t } from '../../core/l10n';
import { htmlText } from '../html';
import { ImportError, type ImportedIncident, type ImportedUpdate, type Reader } from '../imported';
import { at, instantAt, listAt, objectAt, optionalInstantAt, optionalListAt, optionalTextAt, parseJson, textAt, type JsonObject } from '../json';
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

function readIssue(value: unknown, path: string, origin: { readonly url?: string }): ImportedIncident {
  const issue: JsonObject = objectAt(value, path);
  const field = (key: string) => issue[key];
  const id = textAt(field('id'), at(path, 'id'));
  const title = textAt(field('title'), at(path, 'title'));
  const graphStatus = optionalTextAt(field('status'), at(path, 'status'))?.toLowerCase();
  const status: Status = field('isResolved') === true ? 'resolved' : STATUS_BY_GRAPH_STATUS[graphStatus ?? ''] ?? 'investigating';
  const start = instantAt(field('startDateTime'), at(path, 'startDateTime'));
  const end = status === 'resolved' ? optionalInstantAt(field('endDateTime'), at(path, 'endDateTime')) : undefined;
  const classification = optionalTextAt(field('classification'), at(path, 'classification'))?.toLowerCase();
  const impact = optionalTextAt(field('impactDescription'), at(path, 'impactDescription'));
  const posts = optionalListAt(field('posts'), at(path, 'posts')).map((value, i) => {
    const postPath = at(at(path, 'posts'), i);
    const post = objectAt(value, postPath);
    const when = instantAt(post.createdDateTime, at(postPath, 'createdDateTime'));
    const contentPath = at(at(postPath, 'description'), 'content');
    const description = post.description === undefined || post.description === null ? {} : objectAt(post.description, at(postPath, 'description'));
    const text = htmlText(optionalTextAt(description.content, contentPath) ?? '');
    return { when, text, notice: noticeOf(text, contentPath) };
  });
  posts.sort((a, b) => Date.parse(a.when) - Date.parse(b.when));
  const latest = posts.at(-1)?.notice;
  const updates: ImportedUpdate[] = [{ at: { utc: start }, kind: 'detected', text: impact ?? title, key: 'graph-start' }];
  posts.forEach((post, i) => {
    const isLast = i === posts.length - 1;
    // The final post tells of the end: its event stands there, posted when it was published.
    const final = isLast && end !== undefined && post.notice?.final === true;
    updates.push(withoutUndefined({
      at: final ? { utc: end } : { utc: post.when },
      posted: final && end !== post.when ? { utc: post.when } : undefined,
      nextUpdate: post.notice?.nextUpdate,
      kind: final ? 'resolved' : 'update',
      status: isLast ? status : 'investigating',
      text: post.notice?.statusText ?? post.text,
      key: `graph-${post.when}-${createHash('sha256').update(post.text).digest('hex').slice(0, 12)}`,
    }) as ImportedUpdate);
  });
  return withoutUndefined({
    format: 'graph',
    id,
    title,
    status,
    severity: SEVERITY_BY_CLASSIFICATION[classification ?? ''],
    service: optionalTextAt(field('service'), at(path, 'service')),
    impact,
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
    const root = objectAt(parseJson(text, t('The Microsoft Graph issues file')), '$');
    if (root.value === undefined) return [readIssue(root, '$', origin)];
    const issues = listAt(root.value, '$.value');
    if (issues.length === 0) throw new ImportError(t('The list of issues is empty.'), '$.value');
    return issues.map((issue, i) => readIssue(issue, at('$.value', i), origin));
  },
};
