/**
 * Models as the server sends them for times written in a named zone, approximately or as a date
 * alone (TimeJson's zone, approx and precision), built directly so the renderer's tests and the
 * browser tests read the same incidents.
 */
import type { TimeJson, TimelineEventJson, TimelineModel } from '../../common/protocol';

const RANGE = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };

/** A protocol time as the server sends it: the instant, and what the file said about it. */
export function time(utc: string, extra: Omit<TimeJson, 'utc' | 'text' | 'range'> = {}): TimeJson {
  return { utc: new Date(utc).toISOString(), text: '', range: RANGE, ...extra };
}

export function model(incident: { zone?: string; start?: TimeJson; end?: TimeJson }, events: readonly [TimeJson, string, string?][]): TimelineModel {
  const timeline: TimelineEventJson[] = events.map(([at, text, kind], index) => ({ index, range: RANGE, at, text, ...(kind ? { kind } : {}) }));
  return { uri: 'file:///z.incident.yaml', version: 1, incident: { id: 'Z-1', title: 'Zones', status: 'resolved', range: RANGE, ...incident }, events: timeline, problems: { errors: 0, warnings: 0 } };
}

export const LA = 'America/Los_Angeles';

/** A Pacific incident across the 2022-11-06 fall-back: PDT before 09:00Z, PST after. */
export const pacific = model({ zone: LA, start: time('2022-11-06T07:30Z', { zone: LA }), end: time('2022-11-06T18:10Z', { zone: LA }) }, [
  [time('2022-11-06T07:30Z', { zone: LA }), 'Errors rise', 'detected'],
  [time('2022-11-06T18:10Z', { zone: LA }), 'Recovered', 'resolved'],
]);

export const TOKYO = 'Asia/Tokyo';

/** KDDI-like: an approximate detection ("1時35分頃"), the rest timed. */
export const approximate = model({ start: time('2022-07-01T16:35Z', { zone: TOKYO, approx: true }), end: time('2022-07-02T02:35Z', { zone: TOKYO }) }, [
  [time('2022-07-01T16:35Z', { zone: TOKYO, approx: true }), '音声通話がつながりにくい状況を確認', 'detected'],
  [time('2022-07-02T02:35Z', { zone: TOKYO }), '復旧', 'resolved'],
]);

/** Okta-like: a week with date-only entries between timed ones. */
export const dated = model({ start: time('2022-01-15T15:00Z', { zone: TOKYO, precision: 'day' }), end: time('2022-01-21T04:00Z', { zone: TOKYO }) }, [
  [time('2022-01-15T20:00Z', { zone: TOKYO }), 'First alert', 'detected'],
  [time('2022-01-15T15:00Z', { zone: TOKYO, precision: 'day' }), 'Access by the third party begins'],
  [time('2022-01-16T10:00Z', { zone: TOKYO }), 'Session revoked', 'mitigated'],
  [time('2022-01-21T00:00Z', { zone: 'UTC', precision: 'day' }), 'Report received', 'report'],
  [time('2022-01-21T04:00Z', { zone: TOKYO }), 'Closed', 'resolved'],
]);
