/**
 * `incident-timeline import SOURCE…`: providers' incident data (a file, `-` for standard input,
 * or an https:// URL) to checked incident files, one per incident; an existing file of the same
 * incident is merged into, any other is overwritten only with --force.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseIncident, t, type IncidentDiagnostic } from '../core';
import { FetchError, fetchSource } from '../import/fetch';
import { ImportError, type ImportedIncident, type ImportFormat } from '../import/imported';
import { mergeIncident, type MergeResult } from '../import/merge';
import { IMPORT_FORMATS, incidentFileName, readSource } from '../import/source';
import { writeIncident } from '../import/writer';
import { diagnosticLine, toChecked } from './check';
import { describeFsError, printError, styles, UsageError, type Subcommand } from './commandLine';
import { readIncidentText } from './incidentText';
import { showControls } from './terminalText';

/** The most characters read from a source file (the fetch has its own byte cap). */
const MAX_SOURCE_LENGTH = 32 * 1024 * 1024;

interface SourceText {
  readonly text: string;
  readonly url?: string;
  readonly fileName?: string;
}

async function readSourceText(source: string, cwd: string): Promise<SourceText> {
  if (source === '-') return { text: fs.readFileSync(0, 'utf8').replace(/^\uFEFF/, '') };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) {
    const fetched = await fetchSource(source);
    return { text: fetched.text, url: fetched.url };
  }
  const read = readIncidentText(path.resolve(cwd, source), MAX_SOURCE_LENGTH);
  if (!read.complete) throw new ImportError(t('it is longer than {0} characters', MAX_SOURCE_LENGTH.toLocaleString('en-US')));
  return { text: read.text, fileName: path.basename(source) };
}

type Outcome = { readonly kind: 'new' } | { readonly kind: 'replaced' } | { readonly kind: 'merged'; readonly result: MergeResult };

/** Writes one incident to `file`: new, merged into the same incident's file, or replaced with --force. */
function writeOne(incident: ImportedIncident, file: string, force: boolean): { text: string; outcome: Outcome } {
  let existing: string | undefined;
  try {
    existing = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (existing === undefined) return { text: writeIncident(incident), outcome: { kind: 'new' } };
  if (force) return { text: writeIncident(incident), outcome: { kind: 'replaced' } };
  let result: MergeResult;
  try {
    result = mergeIncident(existing.replace(/^\uFEFF/, ''), incident);
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    throw new ImportError(t('{0} exists and cannot take this import ({1}); use --force to overwrite it', file, error.message));
  }
  return { text: result.text, outcome: { kind: 'merged', result } };
}

function outcomeLine(display: string, outcome: Outcome): string {
  if (outcome.kind === 'new') return t('wrote {0}', display);
  if (outcome.kind === 'replaced') return t('wrote {0} (replaced)', display);
  const { added, changed, kept } = outcome.result;
  const parts = [added === 1 ? t('1 new update') : t('{0} new updates', added)];
  if (changed.length) parts.push(t('changed: {0}', changed.join(', ')));
  if (kept.length) parts.push(t('kept your edits of: {0}', kept.join(', ')));
  return t('merged into {0} ({1})', display, parts.join('; '));
}

export const importCommand: Subcommand = {
  summary: () => t('Import incidents from status pages and service-health data into incident files.'),
  usage: 'import [--from FORMAT] [-o DIR] [--id ID] [--force] SOURCE...',
  optionHelp: () => [
    '--from FORMAT    ' + t('the source\'s format: {0} (default: recognised from the content)', IMPORT_FORMATS.join(', ')),
    '-o, --output DIR ' + t('the folder to write to (default: the current folder)'),
    '--id ID          ' + t('import only the incident with this id'),
    '--force          ' + t('overwrite an existing file instead of merging into it'),
    'SOURCE           ' + t('a file, - for standard input, or an https:// address'),
    '',
    t('A file of the same incident is merged into: new updates are added, your edits and comments kept.'),
    t('Exit code: 0 without errors (warnings allowed), 1 with errors, 2 on usage or read errors.'),
  ],
  options: {
    from: { type: 'string' },
    output: { type: 'string', short: 'o' },
    id: { type: 'string' },
    force: { type: 'boolean', default: false },
  },
  async run(values, positionals, context) {
    const from = values.from;
    if (from !== undefined && !IMPORT_FORMATS.includes(from as ImportFormat)) {
      throw new UsageError(t('--from must be one of {0}, not `{1}`.', IMPORT_FORMATS.join(', '), String(from)));
    }
    if (positionals.length === 0) throw new UsageError(t('name at least one source: a file, - for standard input, or an https:// address.'));
    if (positionals.filter((p) => p === '-').length > 1) throw new UsageError(t('standard input (-) can be read only once.'));
    const folder = path.resolve(context.cwd, typeof values.output === 'string' ? values.output : '.');
    const wanted = typeof values.id === 'string' ? values.id : undefined;
    const s = styles(context.color);
    let failed = false;
    let errors = false;
    for (const source of positionals) {
      const fail = (reason: string) => {
        printError(context, t('cannot import {0}: {1}', source, reason));
        failed = true;
      };
      let incidents: ImportedIncident[];
      try {
        const read = await readSourceText(source, context.cwd);
        incidents = readSource(read.text, { ...(from ? { from: from as ImportFormat } : {}), ...(read.url ? { url: read.url } : {}), ...(read.fileName ? { fileName: read.fileName } : {}) });
      } catch (error) {
        // A JSON path is named in the message already; a line and column is added to it.
        if (error instanceof ImportError) fail(error.position && !error.message.includes(error.position) ? `${error.message} (${error.position})` : error.message);
        else if (error instanceof FetchError) fail(error.message);
        else fail(describeFsError(error));
        continue;
      }
      if (wanted !== undefined) {
        incidents = incidents.filter((i) => i.id === wanted);
        if (incidents.length === 0) {
          fail(t('it has no incident with the id `{0}`', wanted));
          continue;
        }
      }
      for (const incident of incidents) {
        const file = path.join(folder, incidentFileName(incident));
        const display = path.relative(context.cwd, file) || file;
        let written: { text: string; outcome: Outcome };
        try {
          fs.mkdirSync(folder, { recursive: true });
          written = writeOne(incident, file, values.force === true);
          fs.writeFileSync(file, written.text, 'utf8');
        } catch (error) {
          fail(error instanceof ImportError ? error.message : t('cannot write {0}: {1}', display, describeFsError(error)));
          continue;
        }
        const parsed = parseIncident(written.text);
        const diagnostics: readonly IncidentDiagnostic[] = parsed.diagnostics;
        const done = outcomeLine(display, written.outcome);
        // One template around the line: how sentences join is the language's business.
        context.stdout(`${showControls(diagnostics.length ? t('{0}; checked:', done) : t('{0}; checked: no problems.', done))}\n`);
        for (const d of diagnostics) context.stdout(diagnosticLine(toChecked(display, parsed.lineIndex, d), s));
        if (diagnostics.some((d) => d.severity === 'error')) errors = true;
      }
    }
    return failed ? 2 : errors ? 1 : 0;
  },
};

