/**
 * `incident-timeline check`: the core's diagnostics for files and folders, as text or JSON, with
 * duplicate-id across the files checked together.
 */
import {
  DEFAULT_MAX_LENGTH,
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

function toChecked(file: string, lineIndex: LineIndex, diagnostic: IncidentDiagnostic): CheckedDiagnostic {
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

export const check: Subcommand = {
  summary: () => t('Check incident files and folders (searched for *.incident.yaml / *.incident.yml).'),
  usage: 'check [--format text|json] [--max-file-length N] [paths...]',
  optionHelp: () => [
    '--format text|json      ' + t('one line per problem and a summary (default), or a JSON array'),
    '--max-file-length N     ' + t('skip files longer than N characters (default {0})', DEFAULT_MAX_LENGTH),
    'paths                   ' + t('files and folders to check (default: the current folder)'),
    '',
    t('Exit code: 0 without errors (warnings allowed), 1 with errors, 2 on usage or read errors.'),
  ],
  options: {
    format: { type: 'string', default: 'text' },
    'max-file-length': { type: 'string' },
  },
  async run(values, positionals, context) {
    const format = values.format;
    if (format !== 'text' && format !== 'json') throw new UsageError(t('--format must be text or json, not `{0}`.', String(format)));
    let maxLength = DEFAULT_MAX_LENGTH;
    if (values['max-file-length'] !== undefined) {
      maxLength = Number(values['max-file-length']);
      if (!Number.isInteger(maxLength) || maxLength <= 0) {
        throw new UsageError(t('--max-file-length must be a positive whole number, not `{0}`.', String(values['max-file-length'])));
      }
    }
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
    for (const file of checked) {
      // duplicate-id joins after the parse: put it in its place among the file's own diagnostics.
      file.diagnostics.sort(compareDiagnostics);
      for (const d of file.diagnostics) results.push(toChecked(file.display, file.lineIndex, d));
    }

    for (const { path, reason } of unreadable) printError(context, t('cannot read {0}: {1}', path, reason));
    for (const folder of found.emptyFolders) printError(context, t('no incident files (*.incident.yaml, *.incident.yml) in {0}', folder));

    const errors = results.filter((r) => r.severity === 'error').length;
    if (format === 'json') {
      context.stdout(jsonForTerminal(results) + '\n');
    } else {
      const s = styles(context.color);
      for (const r of results) {
        const severity = r.severity === 'error' ? s.red(r.severity) : r.severity === 'warning' ? s.yellow(r.severity) : s.blue(r.severity);
        context.stdout(`${s.bold(`${showControls(r.file)}:${r.line}:${r.column}`)}: ${severity} ${s.dim(r.code)} ${showControls(r.message)}\n`);
      }
      context.stdout(summaryLine(checked.length, results, s) + '\n');
    }
    if (unreadable.length) return 2;
    return errors ? 1 : 0;
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

function summaryLine(fileCount: number, results: readonly CheckedDiagnostic[], s: ReturnType<typeof styles>): string {
  const files = fileCount === 1 ? t('1 file') : t('{0} files', fileCount);
  if (results.length === 0) return t('Checked {0}: no problems.', files);
  const errors = results.filter((r) => r.severity === 'error').length;
  const warnings = results.filter((r) => r.severity === 'warning').length;
  const others = results.length - errors - warnings;
  const parts = [
    errors === 1 ? s.red(t('1 error')) : s.red(t('{0} errors', errors)),
    warnings === 1 ? s.yellow(t('1 warning')) : s.yellow(t('{0} warnings', warnings)),
  ];
  if (others) parts.push(others === 1 ? t('1 other') : t('{0} others', others));
  const withProblems = new Set(results.map((r) => r.file)).size;
  return t('Checked {0}: {1} in {2} of them.', files, parts.join(', '), withProblems);
}
