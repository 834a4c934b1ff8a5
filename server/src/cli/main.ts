/**
 * `incident-timeline`: the command line over the same core as the language server.
 * Subcommands are rows of SUBCOMMANDS; adding one is an import and a row.
 */
import { parseArgs } from 'node:util';
import { version } from '../../../package.json';
import { t } from '../core';
import { describeFsError, PROGRAM, printError, UsageError, type CommandContext, type CommandOptions, type Subcommand } from './commandLine';
import { check } from './check';
import { render } from './render';
import { importCommand } from './import';
import { cliLanguage } from '../features/translations';

/** The subcommands, by name. */
export const SUBCOMMANDS: Readonly<Record<string, Subcommand>> = {
  check,
  render,
  import: importCommand,
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
      printError(context, error.message);
      return 2;
    }
    throw error;
  }
}

function usageFailure(context: CommandContext, message: string): number {
  printError(context, message);
  return 2;
}

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
function wantsColor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/**
 * Standard output that may fail: a closed pipe (`| head -0`) or a full disk, reported as an
 * 'error' event on the stream (unhandled, a stack trace and exit 1). Instead one line on stderr,
 * nothing more is written, and the exit code is 2 rather than 1, which means problems were found.
 */
function standardOutput(stderr: (text: string) => void): { write: (text: string) => void; readonly failed: () => boolean } {
  let failed = false;
  const fail = (error: unknown) => {
    if (failed) return;
    failed = true;
    printError({ stderr }, t('cannot write to standard output: {0}', describeFsError(error)));
    process.exitCode = 2;
  };
  process.stdout.on('error', fail);
  return {
    write(text) {
      if (!failed) process.stdout.write(text);
    },
    failed: () => failed,
  };
}

/**
 * Standard error that may fail (closed by the caller, `2>&-` on a pipe): there is nowhere left to
 * say so, so what it would have said is dropped and the exit code stays the command's own; the
 * unhandled 'error' event crashed the run with exit 1 after its output was written.
 */
function standardError(): (text: string) => void {
  let failed = false;
  process.stderr.on('error', () => {
    failed = true;
  });
  return (text) => {
    if (!failed) process.stderr.write(text);
  };
}

if (require.main === module) {
  const stderr = standardError();
  const stdout = standardOutput(stderr);
  const context: CommandContext = {
    stdout: stdout.write,
    stderr,
    cwd: process.cwd(),
    env: process.env,
    color: wantsColor(process.stdout, process.env),
  };
  main(process.argv.slice(2), context).then(
    (code) => {
      process.exitCode = stdout.failed() ? 2 : code;
    },
    (error: unknown) => {
      printError(context, error instanceof Error ? error.stack ?? error.message : String(error));
      process.exitCode = 2;
    },
  );
}
