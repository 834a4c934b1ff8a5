/**
 * `incident-timeline render FILE --format html|svg|md [--zone JST|UTC|both|file|ZONE] [-o OUT]`: the same
 * renderer as the preview's exports, fed by the core's parse through the same model conversion
 * the server uses (no server needed).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError, describeFsError, printError, type Subcommand } from './commandLine';
import { readIncidentText, type IncidentText } from './incidentText';
import { DEFAULT_MAX_LENGTH, parseIncident } from '../core/parse';
import { currentLanguage, t } from '../core/l10n';
import { toTimelineModel } from '../timelineModel';
import { buildTimelineView, EXPORT_FORMATS, figureText, isZoneChoice, renderViewAs, type DisplayZone, type ExportFormat } from '../../../common/render/index';
import { labelLanguage, timelineLabels } from '../../../common/render/labels';
import { DEFAULT_ZONE_MODE } from '../../../common/settings';
import { canonicalZone, nearestZones } from '../../../common/zones';

export const render: Subcommand = {
  summary: () => t('Render an incident timeline as HTML, SVG or Markdown.'),
  usage: 'render FILE [--format html|svg|md] [--zone JST|UTC|both|file|ZONE] [-o OUT]',
  optionHelp: () => [
    '--format html|svg|md    ' + t('a self-contained page (default), the whole timeline as SVG, or a Markdown summary with every fact'),
    '--zone JST|UTC|both     ' + t('the clock the times are printed in (default JST)'),
    '--zone file             ' + t("the file's own zone (its root `zone`; JST when it has none)"),
    '--zone ZONE             ' + t("an IANA time zone (America/Los_Angeles), each time named by that date's abbreviation (PST, PDT)"),
    '-o, --output OUT        ' + t('write to OUT instead of standard output'),
    '',
    t('Exit code: 0 when written from a file without errors; 1 when the file is not an incident, or has errors or times that contradict a figure (the output is still written); 2 on usage, read or write errors.'),
  ],
  options: {
    format: { type: 'string', default: 'html' },
    zone: { type: 'string', default: DEFAULT_ZONE_MODE },
    output: { type: 'string', short: 'o' },
  },
  run(values, positionals, context) {
    const format = values.format;
    if (typeof format !== 'string' || !(EXPORT_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(t('--format must be html, svg or md, not `{0}`.', String(format)));
    }
    const zone = displayZone(values.zone);
    if (positionals.length !== 1) throw new UsageError(t('render takes exactly one file.'));
    const file = path.resolve(context.cwd, positionals[0]);
    let read: IncidentText;
    try {
      read = readIncidentText(file, DEFAULT_MAX_LENGTH);
    } catch (error) {
      printError(context, t('cannot read {0}: {1}', positionals[0], describeFsError(error)));
      return 2;
    }
    if (!read.complete) {
      printError(context, t('cannot read {0}: {1}', positionals[0], t('longer than {0} characters', DEFAULT_MAX_LENGTH.toLocaleString('en-US'))));
      return 2;
    }
    const model = toTimelineModel(pathToFileURL(file).toString(), 0, parseIncident(read.text));
    if (!model.incident) {
      printError(context, t('{0} is not an incident (run `incident-timeline check` to see why).', positionals[0]));
      return 1;
    }
    // Headers in the CLI's language (--lang, else the locale), as its messages are.
    const labels = timelineLabels(t, labelLanguage(currentLanguage()));
    const view = buildTimelineView(model);
    const output = renderViewAs(view, format as ExportFormat, zone, labels);
    if (typeof values.output === 'string') {
      const target = path.resolve(context.cwd, values.output);
      if (isSameFile(target, read.file)) {
        printError(context, t('{0} is the incident file itself; choose another output file.', values.output));
        return 2;
      }
      try {
        fs.writeFileSync(target, output, 'utf8');
      } catch (error) {
        printError(context, t('cannot write {0}: {1}', values.output, describeFsError(error)));
        return 2;
      }
    } else {
      context.stdout(output);
    }
    // As `check` counts: the output is written either way, but a script must not take it for clean.
    // A figure a date without a clock leaves open is said too, but is no fault of the file.
    const withheld = view.figures.filter((f) => f.value === undefined);
    for (const f of withheld) {
      printError(context, t('{0}: {1} is left out: {2}.', positionals[0], labels.figures[f.key], figureText(f, labels)));
    }
    if (model.problems.errors > 0) {
      printError(context, t('{0} has errors (run `incident-timeline check` to see them).', positionals[0]));
    }
    return model.problems.errors > 0 || withheld.some((f) => f.withheld !== 'no-clock') ? 1 : 0;
  },
};

/** --zone: a zone mode, 'file', or an IANA zone name in any case; anything else is a usage error naming the nearest zones. */
function displayZone(value: unknown): DisplayZone {
  if (isZoneChoice(value)) return value;
  const zone = typeof value === 'string' ? canonicalZone(value) : undefined;
  if (zone) return { iana: zone };
  const nearest = typeof value === 'string' ? nearestZones(value, 3) : [];
  const message = t('--zone must be JST, UTC, both, file or an IANA time zone name, not `{0}`.', String(value));
  throw new UsageError(nearest.length ? `${message} ${t('Did you mean {0}?', nearest.join(', '))}` : message);
}

/** Whether `target` is that file, under any name: another path, a symbolic link, a hard link. */
function isSameFile(target: string, file: IncidentText['file']): boolean {
  try {
    const stat = fs.statSync(target);
    return stat.dev === file.dev && stat.ino === file.ino;
  } catch {
    // Not there (or not reachable): writing creates it, or says why it cannot.
    return false;
  }
}
