/**
 * `incident-timeline`: the command line over the same core as the language server.
 * Subcommands are rows of SUBCOMMANDS; adding one is an import and a row.
 */
import { parseArgs } from 'node:util';
import { version } from '../../package.json';
import {
  DEFAULT_MAX_LENGTH,
  compareDiagnostics,
  findDuplicateIds,
  parseIncident,
  t,
  type IncidentDiagnostic,
  type IncidentFile,
  type LineIndex,
} from './core';
import {
  UsageError,
  describeFsError,
  findIncidentFiles,
  readIncidentText,
  styles,
  type CommandContext,
  type CommandOptions,
  type Subcommand,
} from './commandLine';
import { render } from './render/renderCommand';
import { cliLanguage } from './features/translations';

const PROGRAM = 'incident-timeline';

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

const check: Subcommand = {
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
  run(values, positionals, context) {
    const format = values.format;
    if (format !== 'text' && format !== 'json') throw new UsageError(t('--format must be text or json, not `{0}`.', String(format)));
    let maxLength = DEFAULT_MAX_LENGTH;
    if (values['max-file-length'] !== undefined) {
      maxLength = Number(values['max-file-length']);
      if (!Number.isInteger(maxLength) || maxLength <= 0) {
        throw new UsageError(t('--max-file-length must be a positive whole number, not `{0}`.', String(values['max-file-length'])));
      }
    }
    const found = findIncidentFiles(positionals.length ? positionals : ['.'], context.cwd);
    const unreadable = [...found.unreadable];
    const checked: { display: string; lineIndex: LineIndex; diagnostics: IncidentDiagnostic[] }[] = [];
    const incidents: IncidentFile[] = [];
    for (const file of found.files) {
      let text: string;
      try {
        text = readIncidentText(file.absolute);
      } catch (error) {
        unreadable.push({ path: file.display, reason: describeFsError(error) });
        continue;
      }
      const parsed = parseIncident(text, { maxLength });
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

    for (const { path, reason } of unreadable) context.stderr(`${PROGRAM}: ${t('cannot read {0}: {1}', path, reason)}\n`);
    for (const folder of found.emptyFolders) context.stderr(`${PROGRAM}: ${t('no incident files (*.incident.yaml, *.incident.yml) in {0}', folder)}\n`);

    const errors = results.filter((r) => r.severity === 'error').length;
    if (format === 'json') {
      context.stdout(JSON.stringify(results, null, 2) + '\n');
    } else {
      const s = styles(context.color);
      for (const r of results) {
        const severity = r.severity === 'error' ? s.red(r.severity) : r.severity === 'warning' ? s.yellow(r.severity) : s.blue(r.severity);
        context.stdout(`${s.bold(`${r.file}:${r.line}:${r.column}`)}: ${severity} ${s.dim(r.code)} ${r.message}\n`);
      }
      context.stdout(summaryLine(checked.length, results, s) + '\n');
    }
    if (unreadable.length) return 2;
    return errors ? 1 : 0;
  },
};

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

/** The subcommands, by name. */
export const SUBCOMMANDS: Readonly<Record<string, Subcommand>> = {
  check,
  render,
};

/** Options every subcommand accepts. */
const SHARED_OPTIONS: CommandOptions = {
  help: { type: 'boolean', short: 'h' },
};

function programHelp(): string {
  const width = Math.max(...Object.keys(SUBCOMMANDS).map((name) => name.length));
  const rows = Object.entries(SUBCOMMANDS).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary()}`);
  return [
    `${PROGRAM} ${version}: ${t('check incident timelines written in YAML (*.incident.yaml).')}`,
    '',
    `${t('Usage')}: ${PROGRAM} <command> [options]`,
    '',
    `${t('Commands')}:`,
    ...rows,
    '',
    `${t('Options')}:`,
    '  -h, --help     ' + t('show help (also after a command)'),
    '  -v, --version  ' + t('show the version'),
    '  --lang ja|en   ' + t('the language of messages (default: from LC_ALL, LC_MESSAGES or LANG)'),
    '',
  ].join('\n');
}

function commandHelp(command: Subcommand): string {
  return [
    `${t('Usage')}: ${PROGRAM} ${command.usage}`,
    '',
    command.summary(),
    '',
    ...command.optionHelp().map((line) => (line ? `  ${line}` : '')),
    '',
  ].join('\n').replace(/\n{3,}/g, '\n\n');
}

/** Runs the program on its arguments (without node and the script) and returns the exit code. */
export async function main(argv: readonly string[], context: CommandContext): Promise<number> {
  const lang = cliLanguage(argv, context.env);
  if (lang.invalid !== undefined) return usageFailure(context, t('--lang must be ja or en, not `{0}`.', lang.invalid));
  const [first, ...rest] = lang.rest;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    if (first === 'help' && rest[0] && SUBCOMMANDS[rest[0]]) {
      context.stdout(commandHelp(SUBCOMMANDS[rest[0]]));
      return 0;
    }
    (first === undefined ? context.stderr : context.stdout)(programHelp());
    return first === undefined ? 2 : 0;
  }
  if (first === '--version' || first === '-v') {
    context.stdout(version + '\n');
    return 0;
  }
  const command = Object.prototype.hasOwnProperty.call(SUBCOMMANDS, first) ? SUBCOMMANDS[first] : undefined;
  try {
    if (!command) throw new UsageError(t('unknown command `{0}`; the commands are {1}. Try `{2} --help`.', first, Object.keys(SUBCOMMANDS).join(', '), PROGRAM));
    let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
    try {
      parsed = parseArgs({ args: [...rest], options: { ...SHARED_OPTIONS, ...command.options }, allowPositionals: true, strict: true }) as typeof parsed;
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
    if (parsed.values.help) {
      context.stdout(commandHelp(command));
      return 0;
    }
    return await command.run(parsed.values, parsed.positionals, context);
  } catch (error) {
    if (error instanceof UsageError) {
      context.stderr(`${PROGRAM}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

function usageFailure(context: CommandContext, message: string): number {
  context.stderr(`${PROGRAM}: ${message}\n`);
  return 2;
}

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
function wantsColor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

if (require.main === module) {
  const context: CommandContext = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    color: wantsColor(process.stdout, process.env),
  };
  main(process.argv.slice(2), context).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${PROGRAM}: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
