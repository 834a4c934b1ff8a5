/**
 * Apple System Status (`system_status_en_US.js`, `system_status_ja_JP.js`, and the developer
 * page's): JSON inside a JSONP-like call, `jsonCallback({...});`. Each event of each service
 * becomes an incident with one update, its message, in the language of the file as written.
 * The affected services are named without states: the file gives one state for the whole event,
 * so a state on its only update would say the service never recovered.
 */
import type { IncidentSeverity, Status } from '../../../../common/eventKinds';
import { t } from '../../core/l10n';
import { ImportError, type ImportedIncident, type ImportedTime, type Reader } from '../imported';
import { slashedStamp } from '../zoneWords';
import { webAddress } from '../links';
import { at, listAt, objectAt, optionalListAt, optionalTextAt, parseJson, textAt, type JsonObject } from '../json';

const CALL = /^\s*([A-Za-z_$][\w$.]*)\s*\(/;

const SEVERITY: Readonly<Record<string, IncidentSeverity>> = { outage: 'major', issue: 'minor', maintenance: 'info' };
const STATUS: Readonly<Record<string, Status>> = { resolved: 'resolved', completed: 'resolved', ongoing: 'investigating', upcoming: 'identified', scheduled: 'identified' };

const STATUS_PAGE = 'https://www.apple.com/support/systemstatus/';

/** The JSON between `name(` and the closing `)` (a trailing `;` allowed), with its offset in the text. */
function unwrap(text: string): { json: string; offset: number } {
  const m = CALL.exec(text);
  if (!m) throw new ImportError(t('The Apple status file does not start with a call such as `jsonCallback(`'), t('line {0}, column {1}', 1, 1));
  const close = text.trimEnd().replace(/;$/, '').trimEnd();
  if (!close.endsWith(')')) throw new ImportError(t('The Apple status file does not end with `)` or `);`'), t('the end of the text'));
  return { json: text.slice(m[0].length, close.length - 1), offset: m[0].length };
}

function epochAt(value: unknown, path: string): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ImportError(t('`{0}` is not a time in milliseconds since 1970', path), path);
  return new Date(value).toISOString();
}

function time(epoch: unknown, written: unknown, path: string, writtenPath: string): ImportedTime {
  const phrase = optionalTextAt(written, writtenPath);
  return { utc: epochAt(epoch, path), ...(phrase ? { written: phrase } : {}) };
}

function readEvent(service: string, event: JsonObject, path: string, origin: { readonly url?: string }): ImportedIncident {
  const id = textAt(event.messageId, at(path, 'messageId'));
  const type = optionalTextAt(event.statusType, at(path, 'statusType'));
  const eventStatus = textAt(event.eventStatus, at(path, 'eventStatus'));
  const status = STATUS[eventStatus.toLowerCase()];
  if (!status) throw new ImportError(t('`{0}` is `{1}`, not a status this reader knows ({2})', at(path, 'eventStatus'), eventStatus, Object.keys(STATUS).join(', ')), at(path, 'eventStatus'));
  const start = time(event.epochStartDate, event.startDate, at(path, 'epochStartDate'), at(path, 'startDate'));
  const ended = event.epochEndDate !== undefined && event.epochEndDate !== null;
  const end = ended && status === 'resolved' ? time(event.epochEndDate, event.endDate, at(path, 'epochEndDate'), at(path, 'endDate')) : undefined;
  const posted = optionalTextAt(event.datePosted, at(path, 'datePosted'));
  const affected = optionalListAt(event.affectedServices, at(path, 'affectedServices')).map((s, i) => textAt(s, at(at(path, 'affectedServices'), i)));
  const components = [service, ...affected.filter((name) => name !== service)];
  const postedUtc = posted === undefined ? undefined : slashedStamp(posted);
  const severity = type ? SEVERITY[type.toLowerCase()] : undefined;
  const message = textAt(event.message, at(path, 'message')).trim();
  return {
    format: 'apple',
    id,
    title: type ? `${service}: ${type}` : service,
    status,
    ...(severity ? { severity } : {}),
    service,
    ...(optionalTextAt(event.usersAffected, at(path, 'usersAffected')) ? { impact: optionalTextAt(event.usersAffected, at(path, 'usersAffected'))!.trim() } : {}),
    start,
    ...(end ? { end } : {}),
    components,
    sources: [{ url: webAddress(origin.url) ?? STATUS_PAGE }],
    updates: [
      {
        at: start,
        // Posted has no epoch of its own: read from its words ("11/28/2023 12:11 PST"), or left out.
        ...(postedUtc ? { posted: { utc: postedUtc, written: posted } } : {}),
        kind: 'detected',
        status,
        text: message,
        key: `message:${id}`,
      },
    ],
  };
}

export const appleReader: Reader = {
  format: 'apple',
  detect(text) {
    return CALL.test(text) && /"services"\s*:/.test(text) && /"serviceName"\s*:/.test(text);
  },
  read(text, origin) {
    const { json, offset } = unwrap(text);
    const document = objectAt(parseJson(json, t('The Apple status file'), { text, offset }), '$');
    const incidents: ImportedIncident[] = [];
    for (const [index, value] of listAt(document.services, '$.services').entries()) {
      const path = at('$.services', index);
      const service = objectAt(value, path);
      const name = textAt(service.serviceName, at(path, 'serviceName'));
      for (const [e, event] of optionalListAt(service.events, at(path, 'events')).entries()) {
        incidents.push(readEvent(name, objectAt(event, at(at(path, 'events'), e)), at(at(path, 'events'), e), origin));
      }
    }
    return incidents;
  },
};
