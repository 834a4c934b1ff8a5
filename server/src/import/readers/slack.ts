/**
 * Slack's status API history (`https://slack-status.com/api/v2.0.0/history`): an array of
 * incidents, outages and notices, each with its notes (the updates).
 */
import type { IncidentSeverity, Status } from '../../../../common/eventKinds';
import { t } from '../../core/l10n';
import { ImportError, type ImportedIncident, type ImportedUpdate, type Reader } from '../imported';
import { bodyText } from '../html';
import { at, idAt, instantAt, listAt, objectAt, optionalInstantAt, optionalListAt, optionalTextAt, parseJson, textAt, type JsonObject } from '../json';
import { webAddress } from '../links';
import { occurrence } from '../keys';

const SEVERITY: Readonly<Record<string, IncidentSeverity>> = { outage: 'major', incident: 'minor', notice: 'info' };
const STATUS: Readonly<Record<string, Status>> = { active: 'investigating', resolved: 'resolved', ok: 'resolved', scheduled: 'identified', completed: 'resolved', cancelled: 'resolved' };

function readIncident(incident: JsonObject, path: string): ImportedIncident {
  const id = idAt(incident.id, at(path, 'id'));
  const statusText = textAt(incident.status, at(path, 'status'));
  const status = STATUS[statusText.toLowerCase()];
  if (!status) throw new ImportError(t('`{0}` is `{1}`, not a status this reader knows ({2})', at(path, 'status'), statusText, Object.keys(STATUS).join(', ')), at(path, 'status'));
  const created = instantAt(incident.date_created, at(path, 'date_created'));
  const services = optionalListAt(incident.services, at(path, 'services')).map((s, i) => textAt(s, at(at(path, 'services'), i)));
  const notesPath = at(path, 'notes');
  const notes = optionalListAt(incident.notes, notesPath).map((value, index) => {
    const notePath = at(notesPath, index);
    const note = objectAt(value, notePath);
    const when = instantAt(note.date_created, at(notePath, 'date_created'));
    return { text: bodyText(textAt(note.body, at(notePath, 'body'))), when, time: Date.parse(when) };
  });
  // Newest first in the API, as on the page; the same instant keeps the reversed order.
  const ordered = [...notes].reverse().sort((a, b) => a.time - b.time);
  const seen = new Map<string, number>();
  const title = textAt(incident.title, at(path, 'title'));
  const updates: ImportedUpdate[] = (ordered.length ? ordered : [{ text: title, when: created, time: Date.parse(created) }]).map((note, order) => ({
    at: { utc: note.when },
    kind: order === 0 ? 'detected' : 'update',
    text: note.text,
    key: `note:${note.when}:${occurrence(seen, note.when)}`,
  }));
  const type = optionalTextAt(incident.type, at(path, 'type'));
  const severity = type ? SEVERITY[type.toLowerCase()] : undefined;
  const updated = optionalInstantAt(incident.date_updated, at(path, 'date_updated'));
  // The end is the last note's time (the one that says it is resolved), else the last change.
  const end = status === 'resolved' ? ordered.at(-1)?.when ?? updated : undefined;
  const url = webAddress(optionalTextAt(incident.url, at(path, 'url')));
  return {
    format: 'slack',
    id,
    title,
    status,
    ...(severity ? { severity } : {}),
    service: 'Slack',
    start: { utc: created },
    ...(end ? { end: { utc: end } } : {}),
    ...(services.length ? { components: services } : {}),
    sources: [{ url: url ?? 'https://slack-status.com/' }],
    updates,
  };
}

export const slackReader: Reader = {
  format: 'slack',
  detect(text) {
    return /^\s*\[/.test(text) && /"date_created"\s*:/.test(text) && /"notes"\s*:/.test(text);
  },
  read(text) {
    const list = listAt(parseJson(text, t('The Slack status history')), '$');
    return list.map((value, index) => readIncident(objectAt(value, at('$', index)), at('$', index)));
  },
};
