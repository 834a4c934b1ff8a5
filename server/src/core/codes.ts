/**
 * The diagnostic codes: a public contract. Each is documented in README.md under a heading of
 * the same name, and every diagnostic links there through `codeDescription.href`.
 */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

export const DIAGNOSTIC_CODES = [
  'yaml-syntax',
  'duplicate-key',
  'not-an-incident',
  'missing-field',
  'unknown-field',
  'wrong-type',
  'invalid-value',
  'invalid-time',
  'missing-offset',
  'wrong-offset',
  'utc-jst-mismatch',
  'utc-local-mismatch',
  'ambiguous-time',
  'missing-end',
  'end-before-start',
  'timeline-order',
  'duplicate-id',
  'posted-before-at',
  'unknown-component',
  'status-after-end',
  'resolved-after-end',
  'stale-status',
  'late-update',
  'component-not-restored',
  'status-regression',
  'written-mismatch',
  'unread-time',
  'weekday-mismatch',
  'zone-abbreviation',
  'file-too-large',
  'too-many-problems',
  'internal-error',
] as const;

export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

/** Where the codes are documented; a code's section is `DOCS_URL#<code>`. */
export const DOCS_URL = 'https://github.com/incident-timeline/incident-timeline/blob/main/README.md';

export function docsHref(code: DiagnosticCode): string {
  return `${DOCS_URL}#${code}`;
}

/** The source every diagnostic carries. */
export const DIAGNOSTIC_SOURCE = 'incident';
