/**
 * The `incidentTimeline.*` settings as the server uses them. Whatever a client sends (VS Code's
 * workspace/configuration, another editor's initializationOptions, nothing at all) is read
 * defensively into this shape: a wrong type falls back to the default instead of failing.
 */
import { DEFAULT_DEBOUNCE_MS, DEFAULT_MAX_FILE_LENGTH, DEFAULT_MAX_PROBLEMS, DEFAULT_ZONE_MODE, isZoneMode, SETTINGS_SECTION, type ZoneMode } from '../../../common/settings';

export { SETTINGS_SECTION };

export interface IncidentSettings {
  /** Extra glob patterns of incident files, besides *.incident.yaml / *.incident.yml. */
  readonly files: readonly string[];
  /** Milliseconds between the last change and validation (push diagnostics only). */
  readonly debounce: number;
  /** Most diagnostics published per file; a last one says how many were left out. */
  readonly maxProblems: number;
  readonly previewTimeZone: ZoneMode;
  /** IANA zone names shown in hovers besides UTC and JST. */
  readonly extraTimeZones: readonly string[];
  /** Texts longer than this are not validated (file-too-large). */
  readonly maxFileLength: number;
}

export const DEFAULT_SETTINGS: IncidentSettings = {
  files: [],
  debounce: DEFAULT_DEBOUNCE_MS,
  maxProblems: DEFAULT_MAX_PROBLEMS,
  previewTimeZone: DEFAULT_ZONE_MODE,
  extraTimeZones: [],
  maxFileLength: DEFAULT_MAX_FILE_LENGTH,
};


function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function stringList(value: unknown, fallback: readonly string[]): readonly string[] {
  if (!Array.isArray(value)) return fallback;
  return value.filter((item): item is string => typeof item === 'string' && item.trim() !== '');
}

function count(value: unknown, fallback: number, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(value)));
}

/** Reads a nested (`{validation: {debounce}}`) or dotted (`{'validation.debounce': …}`) value. */
function lookup(section: Record<string, unknown>, path: string): unknown {
  if (path in section) return section[path];
  let node: unknown = section;
  for (const part of path.split('.')) {
    const object = record(node);
    if (!object) return undefined;
    node = object[part];
  }
  return node;
}

/**
 * Settings from the `incidentTimeline` section. Accepts the section itself or an object holding
 * it (`{incidentTimeline: {...}}`, as didChangeConfiguration and initializationOptions often do).
 */
export function readSettings(raw: unknown): IncidentSettings {
  const outer = record(raw);
  const section = record(outer?.[SETTINGS_SECTION]) ?? outer;
  if (!section) return DEFAULT_SETTINGS;
  const zone = lookup(section, 'preview.timeZone');
  return {
    files: stringList(lookup(section, 'files'), DEFAULT_SETTINGS.files),
    debounce: count(lookup(section, 'validation.debounce'), DEFAULT_SETTINGS.debounce, 0, 10_000),
    maxProblems: count(lookup(section, 'validation.maxProblems'), DEFAULT_SETTINGS.maxProblems, 1, 1_000_000),
    previewTimeZone: isZoneMode(zone) ? zone : DEFAULT_SETTINGS.previewTimeZone,
    extraTimeZones: stringList(lookup(section, 'extraTimeZones'), DEFAULT_SETTINGS.extraTimeZones),
    maxFileLength: count(lookup(section, 'maxFileLength'), DEFAULT_SETTINGS.maxFileLength, 0, Number.MAX_SAFE_INTEGER),
  };
}
