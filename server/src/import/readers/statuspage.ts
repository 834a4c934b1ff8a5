/**
 * Atlassian Statuspage (GitHub, Cloudflare, Discord, OpenAI…): the API's `/api/v2/incidents.json`
 * (a page and its incidents) and `/api/v2/incidents/<id>.json` (a page and one incident).
 * The page's `history.atom` feed is read by statuspageAtom.ts into the same shape.
 */
import type { ComponentState, IncidentSeverity, Status } from '../../../../common/eventKinds';
import { isKnownTimeZone } from '../../../../common/time';
import { t } from '../../core/l10n';
import { ImportError, type ImportedIncident, type ImportedUpdate, type Reader } from '../imported';
import { bodyText } from '../html';
import { webAddress } from '../links';
import { at, instantAt, listAt, objectAt, optionalInstantAt, optionalListAt, optionalTextAt, parseJson, textAt, type JsonObject } from '../json';

/** Statuspage's component states, as the format names them. */
export const COMPONENT_STATE: Readonly<Record<string, ComponentState>> = {
  operational: 'operational',
  degraded_performance: 'degraded',
  partial_outage: 'partial-outage',
  major_outage: 'major-outage',
  under_maintenance: 'maintenance',
};

/** Incident and update statuses; a scheduled maintenance's map onto the nearest incident status. */
export const STATUS: Readonly<Record<string, Status>> = {
  investigating: 'investigating',
  identified: 'identified',
  monitoring: 'monitoring',
  resolved: 'resolved',
  postmortem: 'resolved',
  in_progress: 'identified',
  verifying: 'monitoring',
  completed: 'resolved',
};

const SEVERITY: Readonly<Record<string, IncidentSeverity>> = { none: 'info', minor: 'minor', major: 'major', critical: 'critical' };

/**
 * The page's own zone, the one its readers see times in, as the file's root zone; UTC says
 * nothing the utc/jst pairs do not, and a name the platform does not know is left out.
 */
function pageZone(name: string | undefined): string | undefined {
  if (name === undefined || /^(?:Etc\/)?(?:UTC|GMT|Universal|Zulu)$/i.test(name) || !isKnownTimeZone(name)) return undefined;
  return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
}

function statusAt(value: unknown, path: string): Status {
  const text = textAt(value, path);
  const status = STATUS[text.toLowerCase()];
  if (!status) throw new ImportError(t('`{0}` is `{1}`, not a status this reader knows ({2})', path, text, Object.keys(STATUS).join(', ')), path);
  return status;
}

/** Oldest first; updates published in the same instant keep the source's order (oldest last in the API). */
function chronological<T extends { readonly time: number }>(newestFirst: readonly T[]): T[] {
  return [...newestFirst].reverse().sort((a, b) => a.time - b.time);
}

function readIncident(incident: JsonObject, path: string, page: JsonObject | undefined, pagePath: string, origin: { readonly url?: string }): ImportedIncident {
  const id = textAt(incident.id, at(path, 'id'));
  const pageUrl = webAddress(page ? optionalTextAt(page.url, at(pagePath, 'url')) : undefined);
  const shortlink = webAddress(optionalTextAt(incident.shortlink, at(path, 'shortlink')));
  const incidentUrl = pageUrl ? webAddress(`incidents/${encodeURIComponent(id)}`, pageUrl.replace(/\/*$/, '/')) : shortlink ?? webAddress(origin.url);
  const updatesPath = at(path, 'incident_updates');
  const raw = optionalListAt(incident.incident_updates, updatesPath).map((value, index) => {
    const updatePath = at(updatesPath, index);
    const update = objectAt(value, updatePath);
    const created = instantAt(update.created_at, at(updatePath, 'created_at'));
    const display = optionalInstantAt(update.display_at, at(updatePath, 'display_at')) ?? created;
    return { update, path: updatePath, created, display, time: Date.parse(display) };
  });
  const components: string[] = [];
  const addComponent = (name: string) => {
    if (!components.includes(name)) components.push(name);
  };
  for (const [index, value] of optionalListAt(incident.components, at(path, 'components')).entries()) {
    addComponent(textAt(objectAt(value, at(at(path, 'components'), index)).name, at(at(at(path, 'components'), index), 'name')));
  }
  const updates: ImportedUpdate[] = chronological(raw).map(({ update, path: updatePath, created, display }, order) => {
    const rawStatus = textAt(update.status, at(updatePath, 'status'));
    const postmortem = rawStatus.toLowerCase() === 'postmortem';
    const states: Record<string, ComponentState> = {};
    for (const [index, value] of optionalListAt(update.affected_components, at(updatePath, 'affected_components')).entries()) {
      const componentPath = at(at(updatePath, 'affected_components'), index);
      const component = objectAt(value, componentPath);
      // Older pages list a placeholder, {"name": "No components were affected by this update."}, with no state.
      const stateText = optionalTextAt(component.new_status, at(componentPath, 'new_status'));
      if (stateText === undefined) continue;
      const name = textAt(component.name, at(componentPath, 'name'));
      const state = COMPONENT_STATE[stateText];
      if (!state) throw new ImportError(t('`{0}` is `{1}`, not a component state this reader knows ({2})', at(componentPath, 'new_status'), stateText, Object.keys(COMPONENT_STATE).join(', ')), at(componentPath, 'new_status'));
      states[name] = state;
      addComponent(name);
    }
    const truncated = (iso: string) => Math.floor(Date.parse(iso) / 1000);
    return {
      at: { utc: display },
      ...(truncated(created) !== truncated(display) ? { posted: { utc: created } } : {}),
      kind: postmortem ? 'report' : order === 0 ? 'detected' : 'update',
      ...(postmortem ? {} : { status: statusAt(rawStatus, at(updatePath, 'status')) }),
      text: bodyText(optionalTextAt(update.body, at(updatePath, 'body')) ?? ''),
      ...(Object.keys(states).length ? { components: states } : {}),
      key: `update:${textAt(update.id, at(updatePath, 'id'))}`,
    };
  });
  const postmortemBody = optionalTextAt(incident.postmortem_body, at(path, 'postmortem_body'));
  const postmortemAt = optionalInstantAt(incident.postmortem_published_at, at(path, 'postmortem_published_at'));
  if (postmortemBody && postmortemAt && !updates.some((u) => u.kind === 'report')) {
    updates.push({ at: { utc: postmortemAt }, kind: 'report', text: bodyText(postmortemBody), key: 'postmortem' });
  }
  const status = statusAt(incident.status, at(path, 'status'));
  const started = optionalInstantAt(incident.started_at, at(path, 'started_at')) ?? instantAt(incident.created_at, at(path, 'created_at'));
  const resolvedAt = optionalInstantAt(incident.resolved_at, at(path, 'resolved_at'));
  const impact = optionalTextAt(incident.impact, at(path, 'impact'));
  const severity = impact === undefined ? undefined : SEVERITY[impact];
  const serviceName = page ? optionalTextAt(page.name, at(pagePath, 'name')) : undefined;
  const zone = pageZone(page && optionalTextAt(page.time_zone, at(pagePath, 'time_zone')));
  return {
    format: 'statuspage',
    id,
    title: textAt(incident.name, at(path, 'name')),
    status,
    ...(severity ? { severity } : {}),
    ...(serviceName ? { service: serviceName } : {}),
    ...(zone ? { zone } : {}),
    start: { utc: started },
    ...(status === 'resolved' && resolvedAt ? { end: { utc: resolvedAt } } : {}),
    ...(components.length ? { components } : {}),
    sources: incidentUrl ? [{ url: incidentUrl }] : [],
    updates,
  };
}

export const statuspageReader: Reader = {
  format: 'statuspage',
  detect(text) {
    return /^\s*\{/.test(text) && /"incident_updates"\s*:/.test(text);
  },
  read(text, origin) {
    const document = objectAt(parseJson(text, t('The Statuspage document')), '$');
    const page = document.page === undefined || document.page === null ? undefined : objectAt(document.page, '$.page');
    if (document.incident !== undefined) return [readIncident(objectAt(document.incident, '$.incident'), '$.incident', page, '$.page', origin)];
    return listAt(document.incidents, '$.incidents').map((value, index) => readIncident(objectAt(value, at('$.incidents', index)), at('$.incidents', index), page, '$.page', origin));
  },
};
