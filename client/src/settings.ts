/**
 * The `incidentTimeline.*` settings as the client reads them, and the document selector they imply.
 * No runtime import of vscode or the language client, so plain Node tests cover it (test/client/).
 */
import type { DocumentSelector } from 'vscode-languageclient/node';
import { DEFAULT_DEBOUNCE_MS, DEFAULT_MAX_FILE_LENGTH, DEFAULT_MAX_PROBLEMS, DEFAULT_ZONE_MODE, isZoneChoice, SETTINGS_SECTION, type IncidentTimelineSettings } from '../../common/settings';

export { SETTINGS_SECTION };

/** The patterns that always mark an incident file, whatever the settings say. */
export const INCIDENT_FILE_PATTERN = '**/*.incident.{yaml,yml}';


/** What readSettings needs of vscode's WorkspaceConfiguration (the `incidentTimeline` section). */
export interface SettingsSource {
  get<T>(key: string): T | undefined;
}

/** The settings with every wrong type or out-of-range value replaced by its default. */
export function readSettings(configuration: SettingsSource): IncidentTimelineSettings {
  const timeZone = configuration.get<unknown>('preview.timeZone');
  return {
    files: stringList(configuration.get<unknown>('files')),
    validation: {
      debounce: nonNegative(configuration.get<unknown>('validation.debounce'), DEFAULT_DEBOUNCE_MS),
      maxProblems: positiveWhole(configuration.get<unknown>('validation.maxProblems'), DEFAULT_MAX_PROBLEMS),
    },
    maxFileLength: nonNegative(configuration.get<unknown>('maxFileLength'), DEFAULT_MAX_FILE_LENGTH),
    preview: { timeZone: isZoneChoice(timeZone) ? timeZone : DEFAULT_ZONE_MODE },
    extraTimeZones: stringList(configuration.get<unknown>('extraTimeZones')),
  };
}

/**
 * A user pattern as a document-filter glob. VS Code matches a string pattern against the whole
 * path, so a relative pattern such as `incidents/*.yaml` would match nothing: it gets a leading
 * `**` segment. That selects a little more than the server accepts (it matches relative patterns
 * inside each workspace folder), and the server has the last word. Absolute patterns and those
 * already starting with `**` stay as written.
 */
export function asPathGlob(pattern: string): string {
  const trimmed = pattern.trim().replace(/\\/g, '/');
  if (trimmed.startsWith('**') || trimmed.startsWith('/') || /^[A-Za-z]:\//.test(trimmed)) {
    return trimmed;
  }
  return `**/${trimmed.replace(/^\.\//, '')}`;
}

/** Incident files: YAML documents on disk or untitled, named *.incident.yaml/yml or matching `files`. */
export function incidentDocumentSelector(files: readonly string[]): DocumentSelector {
  const patterns = [INCIDENT_FILE_PATTERN, ...files.filter((file) => file.trim() !== '').map(asPathGlob)];
  const unique = [...new Set(patterns)];
  return unique.flatMap((pattern) => [
    { scheme: 'file', language: 'yaml', pattern },
    { scheme: 'untitled', language: 'yaml', pattern },
  ]);
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function nonNegative(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}

function positiveWhole(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : fallback;
}
