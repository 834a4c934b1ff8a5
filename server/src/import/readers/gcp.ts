/**
 * Google Cloud's `incidents.json` (status.cloud.google.com): the whole history in one array.
 * Each update's `status` is an impact level, so it becomes the affected products' component
 * state; only AVAILABLE announces an end (`resolved`).
 */
import type { ComponentState, IncidentSeverity } from '../../../../common/eventKinds';
import { t } from '../../core/l10n';
import { ImportError, type ImportedIncident, type ImportedTime, type ImportedUpdate, type Reader } from '../imported';
import { webAddress } from '../links';
import { occurrence } from '../keys';
import { isTimePhraseError, readNoticeTime } from './noticeTime';
import { at, instantAt, listAt, objectAt, optionalInstantAt, optionalListAt, optionalTextAt, parseJson, textAt, type JsonObject } from '../json';

const STATE: Readonly<Record<string, ComponentState>> = {
  AVAILABLE: 'operational',
  SERVICE_INFORMATION: 'degraded',
  SERVICE_DISRUPTION: 'partial-outage',
  SERVICE_OUTAGE: 'major-outage',
};

const SEVERITY: Readonly<Record<string, IncidentSeverity>> = { high: 'major', medium: 'minor', low: 'info' };

const STATUS_PAGE = 'https://status.cloud.google.com/';

/** "We will provide an update by Wednesday, 2025-10-29 10:00 US/Pacific with current details.": the promise's time. */
const NEXT_UPDATE = /we will provide (?:an|more|another|the next) (?:update|information|details)s? by ([^.\n]+?)(?:\s+with\b[^.\n]*)?(?:\.(?=\s|$)|\n|$)/i;

/** The next update an update's text promises, read as the notices' time phrases are (kept in `written`); none when unreadable. */
function promisedUpdate(text: string): ImportedTime | undefined {
  const phrase = NEXT_UPDATE.exec(text)?.[1];
  if (!phrase) return undefined;
  const time = readNoticeTime(phrase);
  return isTimePhraseError(time) ? undefined : time;
}

function titles(value: unknown, path: string): string[] {
  return optionalListAt(value, path).map((item, index) => textAt(objectAt(item, at(path, index)).title, at(at(path, index), 'title')));
}

function readIncident(incident: JsonObject, path: string): ImportedIncident {
  const id = textAt(incident.id, at(path, 'id'));
  const products = titles(incident.affected_products, at(path, 'affected_products'));
  const regions = [...new Set([
    ...titles(incident.currently_affected_locations, at(path, 'currently_affected_locations')),
    ...titles(incident.previously_affected_locations, at(path, 'previously_affected_locations')),
  ])];
  // Copies trimmed to the latest state keep only `most_recent_update`: it stands as the one update.
  const trimmed = incident.updates === undefined && incident.most_recent_update !== undefined && incident.most_recent_update !== null;
  const updatesPath = at(path, trimmed ? 'most_recent_update' : 'updates');
  const listed = trimmed ? [incident.most_recent_update] : optionalListAt(incident.updates, updatesPath);
  const raw = listed.map((value, index) => {
    const updatePath = trimmed ? updatesPath : at(updatesPath, index);
    const update = objectAt(value, updatePath);
    const when = instantAt(update.when, at(updatePath, 'when'));
    return { update, updatePath, when, time: Date.parse(when) };
  });
  // The file lists updates newest first; equal times keep their reversed order, oldest first.
  const ordered = [...raw].reverse().sort((a, b) => a.time - b.time);
  const seen = new Map<string, number>();
  const updates: ImportedUpdate[] = ordered.map(({ update, updatePath, when }, order) => {
    const statusText = textAt(update.status, at(updatePath, 'status'));
    const state = STATE[statusText];
    if (!state) throw new ImportError(t('`{0}` is `{1}`, not a status this reader knows ({2})', at(updatePath, 'status'), statusText, Object.keys(STATE).join(', ')), at(updatePath, 'status'));
    const created = optionalInstantAt(update.created, at(updatePath, 'created'));
    const text = textAt(update.text, at(updatePath, 'text')).trim();
    const nextUpdate = statusText === 'AVAILABLE' ? undefined : promisedUpdate(text);
    return {
      at: { utc: when },
      ...(created && Math.floor(Date.parse(created) / 1000) !== Math.floor(Date.parse(when) / 1000) ? { posted: { utc: created } } : {}),
      kind: order === 0 ? 'detected' : 'update',
      ...(statusText === 'AVAILABLE' ? { status: 'resolved' as const } : {}),
      text,
      ...(nextUpdate ? { nextUpdate } : {}),
      ...(products.length ? { components: Object.fromEntries(products.map((p) => [p, state])) } : {}),
      // No ids in the file: the time, and a count for updates given the same time.
      key: `update:${when}:${occurrence(seen, when)}`,
    };
  });
  const end = optionalInstantAt(incident.end, at(path, 'end'));
  const severityText = optionalTextAt(incident.severity, at(path, 'severity'));
  const severity = severityText === undefined ? undefined : SEVERITY[severityText];
  const service = optionalTextAt(incident.service_name, at(path, 'service_name'));
  const uri = optionalTextAt(incident.uri, at(path, 'uri')) ?? `incidents/${id}`;
  const description = textAt(incident.external_desc, at(path, 'external_desc')).trim();
  return {
    format: 'gcp',
    id,
    // The description is the page's heading; of a long one, its first paragraph, its lines joined.
    title: description.split(/\n\s*\n/)[0].replace(/\s+/g, ' ').trim() || id,
    status: end ? 'resolved' : 'investigating',
    ...(severity ? { severity } : {}),
    ...(service ? { service } : {}),
    ...(regions.length ? { regions } : {}),
    start: { utc: instantAt(incident.begin, at(path, 'begin')) },
    ...(end ? { end: { utc: end } } : {}),
    ...(products.length ? { components: products } : {}),
    sources: [{ url: webAddress(uri, STATUS_PAGE) ?? new URL(`incidents/${encodeURIComponent(id)}`, STATUS_PAGE).href }],
    updates,
  };
}

export const gcpReader: Reader = {
  format: 'gcp',
  detect(text) {
    return /^\s*\[/.test(text) && /"external_desc"\s*:/.test(text) && /"begin"\s*:/.test(text);
  },
  read(text) {
    const list = listAt(parseJson(text, t('The Google Cloud incidents file')), '$');
    return list.map((value, index) => readIncident(objectAt(value, at('$', index)), at('$', index)));
  },
};
