/**
 * `incident-timeline check`: the core's diagnostics for files and folders, as text or JSON, with
 * duplicate-id across the files checked together.
 */
import { DEFAULT_MAX_PROBLEMS } from '../../../common/settings';
import {
  DEFAULT_MAX_LENGTH,
  capDiagnostics,
  compareDiagnostics,
  findDuplicateIds,
  LineIndex,
  parseIncident,
  t,
  type IncidentDiagnostic,
  type IncidentFile,
} from '../core';
import {
  UsageError,
  describeFsError,
  findIncidentFiles,
  printError,
  styles,
  type Subcommand,
} from './commandLine';
import { readIncidentText, type IncidentText } from './incidentText';
import { jsonForTerminal, showControls } from './terminalText';

/** One diagnostic as `check --format json` prints it: 1-based lines and UTF-16 columns, like ESLint. */
export interface CheckedDiagnostic {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: string;
  readonly code: string;
  readonly message: string;
}

export function toChecked(file: string, lineIndex: LineIndex, diagnostic: IncidentDiagnostic): CheckedDiagnostic {
  const start = lineIndex.positionAt(diagnostic.span.start);
  const end = lineIndex.positionAt(diagnostic.span.end);
  return {
    file,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    severity: diagnostic.severity,
    code: diagnostic.code,
    // One line per diagnostic, whatever the message holds.
    message: diagnostic.message.replace(/\s*[\r\n]+\s*/g, ' '),
  };
}

/** One problem as a text line, `path:line:col: severity code message` (import prints the same). */
export function diagnosticLine(r: CheckedDiagnostic, s: ReturnType<typeof styles>): string {
  const severity = r.severity === 'error' ? s.red(r.severity) : r.severity === 'warning' ? s.yellow(r.severity) : s.blue(r.severity);
  return `${s.bold(`${showControls(r.file)}:${r.line}:${r.column}`)}: ${severity} ${s.dim(r.code)} ${showControls(r.message)}\n`;
}

export const check: Subcommand = {
  summary: () => t('Check incident files and folders (searched for *.incident.yaml / *.incident.yml).'),
  usage: 'check [--format text|json] [--max-file-length N] [--max-problems N] [paths...]',
  optionHelp: () => [
    '--format text|json      ' + t('one line per problem and a summary (default), or a JSON array'),
    '--max-file-length N     ' + t('skip files longer than N characters (default {0})', DEFAULT_MAX_LENGTH),
    '--max-problems N        ' + t('show at most N problems per file, errors first, and how many were left out (default {0})', DEFAULT_MAX_PROBLEMS),
    'paths                   ' + t('files and folders to check (default: the current folder)'),
    '',
    t('Exit code: 0 without errors (warnings allowed), 1 with errors, 2 on usage or read errors.'),
  ],
  options: {
    format: { type: 'string', default: 'text' },
    'max-file-length': { type: 'string' },
    'max-problems': { type: 'string' },
  },
  async run(values, positionals, context) {
    const format = values.format;
    if (format !== 'text' && format !== 'json') throw new UsageError(t('--format must be text or json, not `{0}`.', String(format)));
    const maxLength = positiveWhole(values['max-file-length'], DEFAULT_MAX_LENGTH, '--max-file-length');
    const maxProblems = positiveWhole(values['max-problems'], DEFAULT_MAX_PROBLEMS, '--max-problems');
    const found = await findIncidentFiles(positionals.length ? positionals : ['.'], context.cwd);
    const unreadable = [...found.unreadable];
    const checked: { display: string; lineIndex: LineIndex; diagnostics: IncidentDiagnostic[] }[] = [];
    const incidents: IncidentFile[] = [];
    for (const file of found.files) {
      let read: IncidentText;
      try {
        read = readIncidentText(file.absolute, maxLength);
      } catch (error) {
        unreadable.push({ path: file.display, reason: describeFsError(error) });
        continue;
      }
      if (!read.complete) {
        const lineIndex = new LineIndex(read.text);
        checked.push({ display: file.display, lineIndex, diagnostics: [tooLong(lineIndex, maxLength)] });
        continue;
      }
      const parsed = parseIncident(read.text, { maxLength });
      checked.push({ display: file.display, lineIndex: parsed.lineIndex, diagnostics: [...parsed.diagnostics] });
      incidents.push({ uri: file.display, incident: parsed.incident });
    }
    for (const [display, duplicates] of findDuplicateIds(incidents)) {
      const entry = checked.find((c) => c.display === display);
      entry?.diagnostics.push(...duplicates);
    }
    const results: CheckedDiagnostic[] = [];
    const totals = { errors: 0, warnings: 0, others: 0, files: 0, omitted: 0 };
    for (const file of checked) {
      // duplicate-id joins after the parse: put it in its place among the file's own diagnostics.
      file.diagnostics.sort(compareDiagnostics);
      for (const d of file.diagnostics) totals[d.severity === 'error' ? 'errors' : d.severity === 'warning' ? 'warnings' : 'others']++;
      if (file.diagnostics.length > 0) totals.files++;
      const capped = capDiagnostics(file.diagnostics, maxProblems, file.lineIndex);
      totals.omitted += capped.omitted;
      for (const d of capped.diagnostics) results.push(toChecked(file.display, file.lineIndex, d));
    }

    for (const { path, reason } of unreadable) printError(context, t('cannot read {0}: {1}', path, reason));
    for (const folder of found.emptyFolders) printError(context, t('no incident files (*.incident.yaml, *.incident.yml) in {0}', folder));

    if (format === 'json') {
      context.stdout(jsonForTerminal(results) + '\n');
    } else {
      const s = styles(context.color);
      for (const r of results) context.stdout(diagnosticLine(r, s));
      context.stdout(summaryLine(checked.length, totals, maxProblems, s) + '\n');
    }
    if (unreadable.length) return 2;
    // Errors left out by --max-problems still fail the check.
    return totals.errors ? 1 : 0;
  },
};

/**
 * The core's file-too-large, for a file whose reading stopped after maxLength + 1 characters: how
 * many more it has is not known, so the message says "more than".
 */
function tooLong(lineIndex: LineIndex, maxLength: number): IncidentDiagnostic {
  return {
    code: 'file-too-large',
    severity: 'warning',
    span: { start: 0, end: lineIndex.lineEnd(0) },
    message: t('This file has more than {0} characters, the most that are checked; it was not validated.', maxLength.toLocaleString('en-US')),
  };
}

function positiveWhole(value: string | boolean | undefined, fallback: number, option: string): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) throw new UsageError(t('{0} must be a positive whole number, not `{1}`.', option, String(value)));
  return number;
}

/** Counts every problem found, including those --max-problems left out of the listing. */
interface Totals {
  readonly errors: number;
  readonly warnings: number;
  readonly others: number;
  /** Files with at least one problem. */
  readonly files: number;
  /** Problems left out of the listing. */
  readonly omitted: number;
}

function summaryLine(fileCount: number, totals: Totals, maxProblems: number, s: ReturnType<typeof styles>): string {
  const files = fileCount === 1 ? t('1 file') : t('{0} files', fileCount);
  const { errors, warnings, others } = totals;
  if (errors + warnings + others === 0) return t('Checked {0}: no problems.', files);
  const parts = [
    errors === 1 ? s.red(t('1 error')) : s.red(t('{0} errors', errors)),
    warnings === 1 ? s.yellow(t('1 warning')) : s.yellow(t('{0} warnings', warnings)),
  ];
  if (others) parts.push(others === 1 ? t('1 other') : t('{0} others', others));
  const summary = t('Checked {0}: {1} in {2} of them.', files, parts.join(', '), totals.files);
  if (totals.omitted === 0) return summary;
  // One template with the summary in it: how sentences are joined is the language's business.
  return totals.omitted === 1
    ? t('{0} 1 problem was not shown (at most {1} per file; see --max-problems).', summary, maxProblems)
    : t('{0} {1} problems were not shown (at most {2} per file; see --max-problems).', summary, totals.omitted, maxProblems);
}
