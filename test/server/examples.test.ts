/**
 * The editor and the command line agree: every example file opened in the server (with the
 * examples folder as the workspace, so duplicate-id sees the files on disk) shows exactly the
 * diagnostics `incident-timeline check --format json` prints for it: codes, severities, ranges.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { CheckedDiagnostic } from '../../server/src/cli/check';
import { fileUri, REPO_ROOT, useLspClient } from './lspClient';


const EXAMPLES = path.join(REPO_ROOT, 'examples');
const SEVERITY_NAMES = ['', 'error', 'warning', 'information', 'hint'];

function incidentFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return incidentFiles(full);
    return /\.incident\.ya?ml$/.test(entry.name) ? [full] : [];
  });
}

function fromServer(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${SEVERITY_NAMES[d.severity ?? 0]} ${String(d.code)}`).sort();
}

function fromCli(diagnostics: readonly CheckedDiagnostic[]): string[] {
  return diagnostics.map((d) => `${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity} ${d.code}`).sort();
}

function checkWithCli(): CheckedDiagnostic[] {
  if (!existsSync(path.join(REPO_ROOT, 'dist/cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first (`npm test` does).');
  try {
    return JSON.parse(execFileSync(process.execPath, ['dist/cli.js', 'check', '--format', 'json', 'examples'], { cwd: REPO_ROOT, encoding: 'utf8' })) as CheckedDiagnostic[];
  } catch (error) {
    // Exit code 1 means "errors found": the JSON is still on stdout.
    const stdout = (error as { stdout?: string }).stdout;
    if (!stdout) throw error;
    return JSON.parse(stdout) as CheckedDiagnostic[];
  }
}

describe('server: the examples, as the CLI sees them', function () {
  this.timeout(120_000);
  const server = useLspClient({ pull: false, workspaceFolders: [EXAMPLES] });

  it('shows the same diagnostics as `incident-timeline check` for every example file', async () => {
    const client = server();
    const cli = checkWithCli();
    const files = incidentFiles(EXAMPLES);
    assert.ok(files.length >= 2, 'examples/ has the flagship and the broken copies');
    for (const file of files) {
      const relative = path.relative(REPO_ROOT, file).split(path.sep).join('/');
      const expected = fromCli(cli.filter((d) => d.file === relative));
      const uri = fileUri(file);
      const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      client.open(uri, text, 1);
      // duplicate-id needs the scan of the folder: wait for the publish that has it, then compare.
      const published = await client.diagnostics(uri, (p) => fromServer(p.diagnostics).join('\n') === expected.join('\n')).catch(() => undefined);
      const latest = [...client.published].reverse().find((p) => p.uri === uri);
      assert.deepEqual(fromServer(published?.diagnostics ?? latest?.diagnostics ?? []), expected, relative);
      client.close(uri);
    }
  });
});
