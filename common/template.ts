/**
 * Snippets for a whole incident and a new timeline event. The same text serves completion and
 * the "New Incident File" command (the client imports this module, so it depends only on time.ts).
 */
import { formatInOffset, JST_OFFSET_MINUTES, MINUTE } from './time';

const STATUS_CHOICE = '${3|investigating,identified,monitoring,resolved|}';
const SEVERITY_CHOICE = '${4|critical,major,minor,info|}';
const KIND_CHOICE = 'detected,update,mitigated,resolved,cause,report,note';

export interface NowTexts {
  readonly utc: string;
  readonly jst: string;
}

/** The minute `now` falls in, as a utc text (Z) and a jst text (no offset: the key says it). */
export function nowTexts(now: number): NowTexts {
  const minute = Math.floor(now / MINUTE) * MINUTE;
  return { utc: formatInOffset(minute, 0), jst: formatInOffset(minute, JST_OFFSET_MINUTES, { offset: false }) };
}

/** A whole incident as a snippet; lines are indented with two spaces. */
export function incidentSnippet(now: number, eol = '\n'): string {
  const { utc, jst } = nowTexts(now);
  const day = jst.slice(0, 10).replace(/-/g, '');
  return [
    `id: \${1:INC-${day}}`,
    'title: ${2:What users saw}',
    `status: ${STATUS_CHOICE}`,
    `severity: ${SEVERITY_CHOICE}`,
    'service: ${5:Service name}',
    'start:',
    `  utc: \${6:${utc}}`,
    `  jst: \${7:${jst}}`,
    'impact: ${8:Who was affected, and how}',
    'timeline:',
    '  - at:',
    `      utc: ${utc}`,
    `      jst: ${jst}`,
    `    kind: \${9|${KIND_CHOICE}|}`,
    '    event: ${10:What happened first}',
    '$0',
  ].join(eol);
}

/**
 * A new timeline item, starting with its dash, for a list whose dashes sit at `indent`. The
 * following lines carry their absolute indentation (completion inserts it as is).
 */
export function eventSnippet(now: number, indent: number, unit = 2, eol = '\n'): string {
  const { utc, jst } = nowTexts(now);
  const item = ' '.repeat(indent + unit);
  const time = ' '.repeat(indent + 2 * unit);
  return [
    '- at:',
    `${time}utc: \${1:${utc}}`,
    `${time}jst: \${2:${jst}}`,
    `${item}kind: \${3|${KIND_CHOICE}|}`,
    `${item}event: \${4:What happened}`,
  ].join(eol);
}

/** A snippet as plain text: each placeholder becomes its default (a choice its first option). */
export function snippetToText(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{?\d+\}?/g, '');
}

/**
 * A file name the extension validates: `name.incident.yaml`. A chosen `name.yaml` or `name`
 * becomes `name.incident.yaml`; a name that already ends in .incident.yaml/.yml is kept.
 */
export function incidentFileName(fileName: string): string {
  if (/\.incident\.ya?ml$/i.test(fileName)) return fileName;
  return fileName.replace(/\.ya?ml$/i, '') + '.incident.yaml';
}
