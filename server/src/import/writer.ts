/**
 * The writer: one imported incident → the text of a new `*.incident.yaml` file, in the house
 * style of the examples (instants as `{utc, jst}` pairs, local times as `{local, zone}`, the
 * source's own words in `written`). The merge (merge.ts) writes through the same field values,
 * so a first import and a re-import put the same text in the file.
 */
import { createHash } from 'node:crypto';
import { Document, isMap, YAMLMap, YAMLSeq, type Node as YamlNode } from 'yaml';
import { formatInOffset, JST_OFFSET_MINUTES } from '../../../common/time';
import { t } from '../core/l10n';
import { webAddress } from './links';
import type { ImportedIncident, ImportedTime, ImportedUpdate } from './imported';

/** A YAML value as the writer builds it: plain data, keys in the order they are written. */
export type FieldValue = string | boolean | readonly FieldValue[] | { readonly [key: string]: FieldValue };

/** The writer's fields of one mapping, in order; absent keys are left out. */
export type Fields = readonly (readonly [key: string, value: FieldValue])[];

export interface ImportedEventFields {
  /** The update's identity in its source, kept in the `# import:` comment above the event. */
  readonly key: string;
  readonly fields: Fields;
}

export interface IncidentFields {
  /** The incident's identity in its source (format and id), kept in the root `# import:` comment. */
  readonly key: string;
  /** The root keys the writer owns (everything but `sources` and `timeline`). */
  readonly root: Fields;
  readonly sources: readonly FieldValue[];
  readonly events: readonly ImportedEventFields[];
}

const TOKYO = 'Asia/Tokyo';

/** Whole seconds: sources stamp updates to the millisecond, and no reader of a timeline needs that. */
function instantText(utc: string, offsetMinutes: number, offset: boolean): string {
  const epochMs = Date.parse(utc);
  if (Number.isNaN(epochMs)) throw new Error(`not an instant: ${utc}`);
  return formatInOffset(Math.floor(epochMs / 1000) * 1000, offsetMinutes, { offset });
}

/**
 * A time as the format writes it. An instant becomes a `{utc, jst}` pair (with `local` and `zone`
 * in front when the source gave a wall time elsewhere); a wall time or a date without an instant
 * is written in its zone's own key (`jst` for Japan, `utc` for UTC, else `local` + `zone`), the
 * zone left out when it is the file's root zone.
 */
export function timeValue(time: ImportedTime, rootZone: string | undefined): FieldValue {
  const zone = time.zone ?? rootZone;
  const value: Record<string, FieldValue> = {};
  const wall = time.local ?? time.date;
  const ownZone = () => {
    if (zone !== undefined && zone !== rootZone) value.zone = zone;
  };
  if (wall !== undefined && zone !== undefined && zone !== TOKYO && zone !== 'UTC') {
    value.local = wall;
    ownZone();
    if (time.utc !== undefined) value.utc = instantText(time.utc, 0, true);
  } else if (time.utc !== undefined) {
    value.utc = instantText(time.utc, 0, true);
    value.jst = instantText(time.utc, JST_OFFSET_MINUTES, false);
  } else if (wall !== undefined) {
    // A wall time with no zone anywhere is left for the checker to call missing-offset: never guessed.
    if (zone === TOKYO) value.jst = wall;
    else if (zone === 'UTC') value.utc = wall;
    else value.local = wall;
  }
  if (time.approx) value.approx = true;
  if (time.written !== undefined) value.written = time.written;
  return value;
}

function eventFields(update: ImportedUpdate, rootZone: string | undefined): Fields {
  const fields: [string, FieldValue][] = [['at', timeValue(update.at, rootZone)]];
  if (update.posted) fields.push(['posted', timeValue(update.posted, rootZone)]);
  fields.push(['kind', update.kind]);
  if (update.status) fields.push(['status', update.status]);
  if (update.nextUpdate) fields.push(['next_update', timeValue(update.nextUpdate, rootZone)]);
  if (update.components && Object.keys(update.components).length) fields.push(['components', { ...update.components }]);
  if (update.source) fields.push(['source', update.source]);
  fields.push(['event', update.text]);
  return fields;
}

/** The fields of a new file or a merge, from one imported incident. */
export function incidentFields(incident: ImportedIncident): IncidentFields {
  const root: [string, FieldValue][] = [];
  const add = (key: string, value: FieldValue | undefined) => {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) return;
    root.push([key, value]);
  };
  add('id', incident.id);
  add('title', incident.title);
  add('status', incident.status);
  add('severity', incident.severity);
  add('service', incident.service);
  add('regions', incident.regions);
  add('zone', incident.zone);
  add('start', incident.start && timeValue(incident.start, incident.zone));
  add('end', incident.end && timeValue(incident.end, incident.zone));
  add('components', incident.components);
  add('impact', incident.impact);
  add('cause', incident.cause);
  add('next_steps', incident.nextSteps);
  return {
    key: `${incident.format}:${incident.id ?? ''}`,
    root,
    sources: incident.sources.map((s) => (s.title === undefined ? s.url : { url: s.url, title: s.title })),
    events: incident.updates.map((update) => ({ key: update.key, fields: eventFields(update, incident.zone) })),
  };
}

/**
 * A short fingerprint of a value (key order ignored), so the `# import:` comments can say what
 * the source said last time without repeating it: a re-import changes a key only when the
 * source's value changed and the file still holds the old one.
 */
export function fingerprint(value: FieldValue | undefined): string {
  const canonical = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(canonical);
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]));
    }
    return v;
  };
  return createHash('sha256').update(JSON.stringify(canonical(value ?? null))).digest('hex').slice(0, 6);
}

/** `# import: KEY field=hash …`: the comment that carries a mapping's identity and fingerprints. */
export function importComment(key: string, fields: Fields): string {
  return ` import: ${encodeURIComponent(key)} ${fields.map(([k, v]) => `${k}=${fingerprint(v)}`).join(' ')}`;
}

/** Reads an `# import:` comment's text (without the `#`) back into its key and fingerprints. */
export function readImportComment(comment: string): { key: string; fingerprints: Map<string, string> } | undefined {
  const m = /^\s*import: (\S+)((?: [a-z_]+=[0-9a-f]+)*)\s*$/.exec(comment);
  if (!m) return undefined;
  let key: string;
  try {
    key = decodeURIComponent(m[1]);
  } catch {
    return undefined;
  }
  const fingerprints = new Map<string, string>();
  for (const part of m[2].trim().split(' ').filter(Boolean)) {
    const [name, hash] = part.split('=');
    fingerprints.set(name, hash);
  }
  return { key, fingerprints };
}

const STRINGIFY = { lineWidth: 100, minContentWidth: 40, flowCollectionPadding: false } as const;

/** A value as a YAML node in the house style: times and root lists in block style, component states in flow. */
function fieldNode(doc: Document, key: string, value: FieldValue): YamlNode {
  const node = doc.createNode(value) as YamlNode;
  if (key === 'components' && isMap(node)) node.flow = true;
  return node;
}

function mappingNode(doc: Document, fields: Fields): YAMLMap {
  const map = new YAMLMap();
  for (const [key, value] of fields) map.add(doc.createPair(key, fieldNode(doc, key, value)));
  return map;
}

function eventNode(doc: Document, event: ImportedEventFields): YAMLMap {
  const item = mappingNode(doc, event.fields);
  item.commentBefore = importComment(event.key, event.fields);
  return item;
}

/** One event as the text of a list item at `indent` columns, its `# import:` comment on the line above. */
export function eventText(event: ImportedEventFields, indent: number, eol: string): string {
  const doc = new Document();
  doc.contents = new YAMLSeq();
  doc.contents.items.push(eventNode(doc, event));
  return indentLines(doc.toString(STRINGIFY).replace(/\n$/, ''), indent, eol);
}

/** One list item (a source) as its text at `indent` columns. */
export function itemText(value: FieldValue, indent: number, eol: string): string {
  const doc = new Document();
  doc.contents = new YAMLSeq();
  doc.contents.items.push(doc.createNode(value));
  return indentLines(doc.toString(STRINGIFY).replace(/\n$/, ''), indent, eol);
}

/** The text of one mapping entry at `indent` columns (its first line not indented). */
export function entryText(key: string, value: FieldValue, indent: number, eol: string): string {
  const doc = new Document({});
  doc.contents = mappingNode(doc, [[key, value]]);
  return indentLines(doc.toString(STRINGIFY).replace(/\n$/, ''), indent, eol).trimStart();
}

function indentLines(text: string, indent: number, eol: string): string {
  const pad = ' '.repeat(indent);
  return text.split('\n').map((line) => (line ? pad + line : line)).join(eol);
}

/** The whole text of a new incident file. */
export function writeIncident(incident: ImportedIncident): string {
  const fields = incidentFields(incident);
  const doc = new Document({});
  const root = mappingNode(doc, fields.root);
  if (fields.sources.length) root.add(doc.createPair('sources', doc.createNode(fields.sources)));
  if (fields.events.length) {
    const timeline = new YAMLSeq();
    for (const event of fields.events) timeline.items.push(eventNode(doc, event));
    root.add(doc.createPair('timeline', timeline));
  }
  doc.contents = root;
  // A parsed web address has no line break that could end the comment and start YAML.
  const origin = webAddress(incident.sources[0]?.url) ?? incident.format;
  const notice = t('Importing a newer copy merges into this file and keeps your edits; the "import:" comments\nare how it recognises the updates it wrote: leave them in place.');
  doc.commentBefore = [
    ' ' + t('Imported from {0} by incident-timeline import.', origin),
    ...notice.split('\n').map((line) => ' ' + line),
    importComment(fields.key, fields.root),
  ].join('\n');
  return doc.toString(STRINGIFY);
}
