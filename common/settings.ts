/**
 * The `incidentTimeline.*` settings as every side sees them (server, client, webview, CLI): their
 * section, their shape, their defaults and the display-zone type. Each side reads its source
 * defensively into this shape (server: lsp/settings.ts; client: client/src/settings.ts).
 */

/** The configuration section every setting lives under. */
export const SETTINGS_SECTION = 'incidentTimeline';

/** Which clock times are shown in; 'both' prints JST and UTC side by side. */
export type ZoneMode = 'JST' | 'UTC' | 'both';
export const ZONE_MODES: readonly ZoneMode[] = ['JST', 'UTC', 'both'];
/** Many users are Japanese: JST unless they choose otherwise. */
export const DEFAULT_ZONE_MODE: ZoneMode = 'JST';

export function isZoneMode(value: unknown): value is ZoneMode {
  return typeof value === 'string' && (ZONE_MODES as readonly string[]).includes(value);
}

/** What the preview shows times in: a zone mode, or 'file' (the incident's own root `zone`). */
export type ZoneChoice = ZoneMode | 'file';

export function isZoneChoice(value: unknown): value is ZoneChoice {
  return value === 'file' || isZoneMode(value);
}

/** The zone mode a choice falls back to for a file without a zone of its own: 'file' is JST there. */
export function fallbackMode(choice: ZoneChoice): ZoneMode {
  return choice === 'file' ? DEFAULT_ZONE_MODE : choice;
}

/** Longest text (characters) that is parsed; longer files get one file-too-large diagnostic. */
export const DEFAULT_MAX_FILE_LENGTH = 16 * 1024 * 1024;
/** Milliseconds between the last change and validation (push diagnostics only). */
export const DEFAULT_DEBOUNCE_MS = 150;
/** Most diagnostics shown per file: far more than anyone reads, far fewer than slow an editor down. */
export const DEFAULT_MAX_PROBLEMS = 1000;

/**
 * The `incidentTimeline.*` settings as both sides see them: the server asks for the section
 * `incidentTimeline` through workspace/configuration, or falls back to `initializationOptions`.
 */
export interface IncidentTimelineSettings {
  /** Extra glob patterns (beyond *.incident.yaml / *.incident.yml) of files that hold incidents. */
  readonly files: readonly string[];
  /** `maxProblems`: most diagnostics shown per file; one more line says how many were left out. */
  readonly validation: { readonly debounce: number; readonly maxProblems: number };
  /** Longest text (characters) the server parses; longer files get one file-too-large diagnostic. */
  readonly maxFileLength: number;
  /** 'file': each incident's own root `zone`, JST for a file without one. */
  readonly preview: { readonly timeZone: ZoneChoice };
  /** IANA zone names the preview and hovers show beside JST/UTC. */
  readonly extraTimeZones: readonly string[];
}

export const DEFAULT_TIMELINE_SETTINGS: IncidentTimelineSettings = {
  files: [],
  validation: { debounce: DEFAULT_DEBOUNCE_MS, maxProblems: DEFAULT_MAX_PROBLEMS },
  maxFileLength: DEFAULT_MAX_FILE_LENGTH,
  preview: { timeZone: DEFAULT_ZONE_MODE },
  extraTimeZones: [],
};
