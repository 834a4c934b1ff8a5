/**
 * The one catalogue of words the timeline shows around the incident's own text: the preview
 * page's labels, buttons and ARIA names, and the exports' headers. The host builds it with its
 * translator (vscode.l10n.t in the extension, the core's t in the CLI and tests), so the webview
 * and the renderer never translate themselves. Templates keep `{0}` for the count the page
 * fills in (see fillIn).
 */
import type { Status } from '../eventKinds';
import type { LaneState } from './componentLanes';
import type { KindName } from './kinds';

/** @vscode/l10n's and vscode.l10n's t: a message keyed by its English text, `{n}` filled from args. */
export type Translate = (message: string, ...args: Array<string | number | boolean>) => string;

/** The languages we ship a bundle for; `lang` of exported HTML and of the preview page. */
export type LabelLanguage = 'en' | 'ja';

export type FigureKey = 'duration' | 'timeToDetect' | 'timeToMitigate' | 'timeToResolve';

/** The figures of a status page's series of updates (common/render/updateFigures.ts). */
export type UpdateFigureKey = 'timeToFirstUpdate' | 'longestUpdateGap' | 'promisesKept';

export interface TimelineLabels {
  readonly language: LabelLanguage;
  /** A title when the incident has neither id nor title. */
  readonly incidentTimeline: string;
  readonly untitledIncident: string;
  readonly notAnIncident: string;
  readonly loading: string;
  readonly status: string;
  readonly severity: string;
  readonly service: string;
  readonly regions: string;
  readonly start: string;
  readonly end: string;
  readonly impact: string;
  readonly cause: string;
  readonly sources: string;
  readonly tags: string;
  readonly nextSteps: string;
  /** The column of an event's own source link (Markdown export). */
  readonly source: string;
  /** The summary's first sentence: `{0}` the start, `{1}` the end (Markdown export). */
  readonly windowSentence: string;
  /** The same while the incident is open: `{0}` the start. */
  readonly openWindowSentence: string;
  readonly timeline: string;
  readonly figures: Readonly<Record<FigureKey, string>>;
  /** Shown instead of a figure the file's times contradict (an end or first event before the start). */
  readonly figureWithheld: Readonly<Record<FigureKey, string>>;
  /** Shown instead of a figure a date without a clock leaves open. */
  readonly figureNoClock: string;
  /** An approximate clock: `{0}` is "01:35" ("~01:35", "01:35頃"). */
  readonly approxTime: string;
  /** An approximate figure: `{0}` is "10h 10m" ("about 10h 10m", "約10h 10m"). */
  readonly approxFigure: string;
  /** Beside a date the source gave without a clock. */
  readonly timeNotGiven: string;
  /** Legend and table names of each event kind ('other': an event without one). */
  readonly kinds: Readonly<Record<KindName, string>>;
  /** Table column headers (JST and UTC are the zones' names, never translated). */
  readonly fromStart: string;
  readonly kind: string;
  readonly event: string;
  readonly unreadable: string;
  /** `{0}`: how many. */
  readonly unreadableCount: string;
  readonly noTime: string;
  readonly showInEditor: string;
  readonly timelineView: string;
  readonly timeZone: string;
  readonly zone: string;
  readonly bothZones: string;
  readonly zoomOut: string;
  readonly zoomOutTitle: string;
  readonly zoomIn: string;
  readonly zoomInTitle: string;
  readonly fitAll: string;
  readonly fitAllTitle: string;
  readonly list: string;
  readonly listTitle: string;
  readonly zoomAndMode: string;
  readonly legend: string;
  readonly eventsInTimeOrder: string;
  readonly oneEvent: string;
  /** `{0}`: how many. */
  readonly events: string;
  readonly oneError: string;
  readonly errors: string;
  readonly oneWarning: string;
  readonly warnings: string;
  /** `{0}` errors, `{1}` warnings. */
  readonly errorsAndWarnings: string;
  /** `{0}`: "2 errors, 1 warning". */
  readonly problemsInFile: string;
  readonly staleModel: string;
  readonly showProblems: string;
  readonly incidentWindow: string;
  readonly noReadableTime: string;
  /** The button under an event text cut for length. */
  readonly showWholeText: string;
  readonly searchEvents: string;
  readonly jumpToDay: string;
  /** `{0}` shown, `{1}` all. */
  readonly shownOfEvents: string;
  readonly kindFilterTitle: string;
  readonly noMatch: string;
  /** The fold that holds the header's facts (service, impact, cause, sources). */
  readonly incidentDetails: string;
  /** The end of an incident window that is still open. */
  readonly ongoing: string;
  /** `{0}`: the incident's id, `{1}`: how many events (the SVG's accessible name). */
  readonly svgTitle: string;
  /** An update's announced status, as its chip says it. */
  readonly statuses: Readonly<Record<Status, string>>;
  /** A component's state in the lanes' legend and tables ('unstated': named as affected, no state given yet). */
  readonly componentStates: Readonly<Record<LaneState, string>>;
  readonly updateFigures: Readonly<Record<UpdateFigureKey, string>>;
  /** `{0}` kept, `{1}` made. */
  readonly promisesKeptOf: string;
  /** `{0}`: a component's name (the figure of its time not operational). */
  readonly notOperational: string;
  /** `{0}`: a component's time not operational (or a window's length) when no update restored it. */
  readonly notRestored: string;
  /** `{0}`: when an update was published, where that differs from when it happened. */
  readonly postedAt: string;
  /** `{0}`: the time an update promised the next one by. */
  readonly nextUpdateBy: string;
  /** `{0}`: how late an update came after the promised time. */
  readonly lateBy: string;
  /** `{0}`: the promised time (the late chip's tooltip). */
  readonly promisedBy: string;
  readonly updateStatus: string;
  /** The exports' column of an update's status and notes. */
  readonly updateColumn: string;
  readonly components: string;
  /** The Markdown table of each component's windows, and its columns. */
  readonly componentWindows: string;
  readonly component: string;
  readonly from: string;
  readonly to: string;
  readonly state: string;
}

/** Every label in the language of `translate` (the literal first arguments are what l10n/extract.cjs collects). */
export function timelineLabels(t: Translate, language: LabelLanguage): TimelineLabels {
  return {
    language,
    incidentTimeline: t('Incident timeline'),
    untitledIncident: t('Untitled incident'),
    notAnIncident: t('This file is not an incident timeline (yet): it needs at least id, title, status and start.'),
    loading: t('Loading the timeline…'),
    status: t('Status'),
    severity: t('Severity'),
    service: t('Service'),
    regions: t('Regions'),
    start: t('Start'),
    end: t('End'),
    impact: t('Impact'),
    cause: t('Cause'),
    sources: t('Sources'),
    tags: t('Tags'),
    nextSteps: t('Next steps'),
    source: t('Source'),
    windowSentence: t('The incident lasted from {0} to {1}.'),
    openWindowSentence: t('The incident started at {0} and is still open.'),
    timeline: t('Timeline'),
    figures: {
      duration: t('Duration'),
      timeToDetect: t('Time to detect'),
      timeToMitigate: t('Time to mitigate'),
      timeToResolve: t('Time to resolve'),
    },
    figureWithheld: {
      duration: t('end is before start'),
      timeToDetect: t('detected before start'),
      timeToMitigate: t('mitigated before start'),
      timeToResolve: t('resolved before start'),
    },
    figureNoClock: t('a date without a time leaves it open'),
    approxTime: t('~{0}'),
    approxFigure: t('about {0}'),
    timeNotGiven: t('time not given'),
    kinds: {
      detected: t('detected'),
      update: t('update'),
      mitigated: t('mitigated'),
      resolved: t('resolved'),
      cause: t('cause'),
      report: t('report'),
      note: t('note'),
      other: t('no kind'),
    },
    fromStart: t('From start'),
    kind: t('Kind'),
    event: t('Event'),
    unreadable: t('Events whose time could not be read'),
    unreadableCount: t('Events whose time could not be read ({0})'),
    noTime: t('no time'),
    showInEditor: t('Show in the editor'),
    timelineView: t('Timeline view'),
    timeZone: t('Time zone'),
    zone: t('Zone'),
    bothZones: t('Both'),
    zoomOut: t('Zoom out'),
    zoomOutTitle: t('Zoom out (-)'),
    zoomIn: t('Zoom in'),
    zoomInTitle: t('Zoom in (+)'),
    fitAll: t('Fit all'),
    fitAllTitle: t('Fit the whole timeline (0)'),
    list: t('List'),
    listTitle: t('Compact list of every event'),
    zoomAndMode: t('Zoom and mode'),
    legend: t('Legend'),
    eventsInTimeOrder: t('Events in time order'),
    oneEvent: t('1 event'),
    events: t('{0} events'),
    oneError: t('1 error'),
    errors: t('{0} errors'),
    oneWarning: t('1 warning'),
    warnings: t('{0} warnings'),
    errorsAndWarnings: t('{0}, {1}'),
    problemsInFile: t('{0} in this file.'),
    staleModel: t('The file has errors that hide part of the timeline; showing the last good version.'),
    showProblems: t('Show Problems'),
    incidentWindow: t('Incident window'),
    noReadableTime: t('No event has a time that can be read yet.'),
    showWholeText: t('Show the whole text'),
    ongoing: t('ongoing'),
    incidentDetails: t('Details'),
    searchEvents: t('Search events'),
    jumpToDay: t('Jump to a day'),
    shownOfEvents: t('{0} of {1} events'),
    kindFilterTitle: t('Show or hide events of this kind'),
    noMatch: t('No event matches the filters.'),
    svgTitle: t('Timeline of {0}: {1} events'),
    statuses: {
      investigating: t('Investigating'),
      identified: t('Identified'),
      monitoring: t('Monitoring'),
      resolved: t('Resolved'),
    },
    componentStates: {
      'operational': t('operational'),
      'degraded': t('degraded'),
      'partial-outage': t('partial outage'),
      'major-outage': t('major outage'),
      'maintenance': t('maintenance'),
      'unstated': t('affected, state not given'),
    },
    updateFigures: {
      timeToFirstUpdate: t('Time to first update'),
      longestUpdateGap: t('Longest gap between updates'),
      promisesKept: t('Next-update promises kept'),
    },
    promisesKeptOf: t('{0} of {1}'),
    notOperational: t('{0} not operational'),
    notRestored: t('{0}, not restored'),
    postedAt: t('posted {0}'),
    nextUpdateBy: t('next update by {0}'),
    lateBy: t('{0} late'),
    promisedBy: t('The update before promised this one by {0}'),
    updateStatus: t('Update status'),
    updateColumn: t('Update'),
    components: t('Components'),
    componentWindows: t('Component windows'),
    component: t('Component'),
    from: t('From'),
    to: t('To'),
    state: t('State'),
  };
}

export const ENGLISH_LABELS: TimelineLabels = timelineLabels((message) => message, 'en');

/** Fills `{0}`, `{1}`, … in a label template (a missing argument leaves its placeholder). */
export function fillIn(template: string, ...args: Array<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (match, n: string) => (Number(n) < args.length ? String(args[Number(n)]) : match));
}

/** "1 event" / "12 events" in the labels' language. */
export function countText(count: number, one: string, many: string): string {
  return count === 1 ? one : fillIn(many, count);
}

/** A locale ("ja", "ja-JP", "ja_JP.UTF-8") to a language we ship labels in; English otherwise. */
export function labelLanguage(locale: string | undefined): LabelLanguage {
  return /^ja(?:[-_.]|$)/i.test(locale?.trim() ?? '') ? 'ja' : 'en';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads labels the host passed to the page: every key that is a string is taken, anything
 * missing or odd stays English, so an older host or a broken attribute still gives a usable page.
 */
export function parseTimelineLabels(value: unknown): TimelineLabels {
  if (!isRecord(value)) return ENGLISH_LABELS;
  const pick = <T extends object>(defaults: T, given: unknown): T => {
    if (!isRecord(given)) return defaults;
    const result: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
    for (const [key, fallback] of Object.entries(defaults)) {
      const candidate = given[key];
      if (typeof fallback === 'string' && typeof candidate === 'string') result[key] = candidate;
    }
    return result as T;
  };
  const base = pick(ENGLISH_LABELS, value);
  return {
    ...base,
    language: value.language === 'ja' ? 'ja' : 'en',
    figures: pick(ENGLISH_LABELS.figures, value.figures),
    figureWithheld: pick(ENGLISH_LABELS.figureWithheld, value.figureWithheld),
    kinds: pick(ENGLISH_LABELS.kinds, value.kinds),
    statuses: pick(ENGLISH_LABELS.statuses, value.statuses),
    componentStates: pick(ENGLISH_LABELS.componentStates, value.componentStates),
    updateFigures: pick(ENGLISH_LABELS.updateFigures, value.updateFigures),
  };
}
