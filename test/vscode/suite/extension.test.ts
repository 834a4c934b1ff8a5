/**
 * The extension inside a real VS Code: activation and the exported API, live diagnostics (codes,
 * severities, exact ranges, docs links) for the examples and for edits, settings and restart.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import type { CheckedDiagnostic } from '../../../server/src/cli/check';
import {
  EXAMPLES,
  ROOT,
  codeOf,
  describeDiagnostic,
  docsLinkOf,
  incidentDiagnostics,
  incidentTimelineApi,
  openInEditor,
  requestTimeline,
  whenDiagnostics,
  writeTempFile,
} from './incidentEditor';

const FLAGSHIP = vscode.Uri.file(path.join(EXAMPLES, 'exchange-online-2019-11-19.incident.yaml'));

/** A JST clock time written on the utc side: exactly 9 hours off. */
const MISMATCH = `id: VSCODE-TEST-1
title: A JST time written as UTC
status: investigating
start:
  utc: 2019-11-19T10:40:00Z
  jst: 2019-11-19T10:40:00+09:00
`;

/** What the CLI (the same core, run on its own) reports for a folder, as describeDiagnostic lines per file. */
function checkWithCli(folder: string): Map<string, string[]> {
  // In the extension host process.execPath is VS Code itself; ELECTRON_RUN_AS_NODE makes it plain Node.
  const run = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'check', '--format', 'json', folder], {
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  assert.ok(run.status === 0 || run.status === 1, `CLI failed (${run.status}): ${run.stderr}`);
  const byFile = new Map<string, string[]>();
  for (const d of JSON.parse(run.stdout) as CheckedDiagnostic[]) {
    const file = path.resolve(folder, d.file);
    const line = `${d.code} ${d.severity} ${d.line - 1}:${d.column - 1}-${d.endLine - 1}:${d.endColumn - 1}`;
    byFile.set(file, [...(byFile.get(file) ?? []), line]);
  }
  return byFile;
}

/** Resolves when the client next reaches Running (after a restart that is about to happen). */
function runningAgain(client: LanguageClient): Promise<void> {
  return new Promise((resolve) => {
    const subscription = client.onDidChangeState((event) => {
      if (event.newState === State.Running) {
        subscription.dispose();
        resolve();
      }
    });
  });
}

describe('Incident Timeline in VS Code', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  describe('activation', () => {
    it('activates on an incident file and exports a running language client', async () => {
      await openInEditor(FLAGSHIP);
      const api = await incidentTimelineApi();
      assert.equal(api.client.state, State.Running);
      assert.equal(api.client.name, 'Incident Timeline');
      const commands = await vscode.commands.getCommands(true);
      assert.ok(commands.includes('incidentTimeline.restartServer'));
    });
  });

  describe('diagnostics', () => {
    it('the flagship example has no problems of its own', async () => {
      const api = await incidentTimelineApi();
      await openInEditor(FLAGSHIP);
      const model = await requestTimeline(api, FLAGSHIP);
      assert.ok(model, 'the server knows the open flagship example');
      assert.equal(model.incident?.id, 'EX196121');
      assert.equal(model.problems.errors, 0);
      // The broken copies in examples/broken keep the flagship's id on purpose, and the server
      // indexes the whole workspace, so duplicate-id is the only thing allowed here.
      const own = incidentDiagnostics(FLAGSHIP).filter((diagnostic) => codeOf(diagnostic) !== 'duplicate-id');
      assert.deepEqual(own.map(describeDiagnostic), []);
      assert.deepEqual(checkWithCli(FLAGSHIP.fsPath).get(FLAGSHIP.fsPath) ?? [], []);
    });

    it('a utc/jst mismatch shows with its code, severity, exact range, message and docs link', async () => {
      await incidentTimelineApi();
      const uri = writeTempFile('mismatch.incident.yaml', MISMATCH);
      await openInEditor(uri);
      const [diagnostic, ...rest] = await whenDiagnostics(uri, (ds) => ds.length > 0);
      assert.deepEqual(rest, []);
      assert.equal(describeDiagnostic(diagnostic!), 'utc-jst-mismatch error 5:7-5:32');
      assert.equal(diagnostic!.source, 'incident');
      assert.match(docsLinkOf(diagnostic!) ?? '', /README\.md#utc-jst-mismatch$/);
      assert.match(diagnostic!.message, /9 hours/);
    });

    it('follows edits: fixing the jst side clears the problem, breaking the status adds one', async () => {
      await incidentTimelineApi();
      const uri = writeTempFile('edit.incident.yaml', MISMATCH.replace('VSCODE-TEST-1', 'VSCODE-TEST-2'));
      const editor = await openInEditor(uri);
      await whenDiagnostics(uri, (ds) => ds.length === 1);

      const jst = editor.document.lineAt(5).range;
      assert.ok(await editor.edit((edit) => edit.replace(jst, '  jst: 2019-11-19T19:40:00+09:00')));
      await whenDiagnostics(uri, (ds) => ds.length === 0);

      const status = editor.document.lineAt(2).range;
      assert.ok(await editor.edit((edit) => edit.replace(status, 'status: resolvd')));
      const after = await whenDiagnostics(uri, (ds) => ds.length > 0);
      assert.deepEqual(after.map(describeDiagnostic), ['invalid-value error 2:8-2:15']);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    it('every example shows exactly what the CLI reports for it', async () => {
      const broken = path.join(EXAMPLES, 'broken');
      const brokenFiles = existsSync(broken) ? readdirSync(broken).filter((name) => /\.incident\.ya?ml$/.test(name)).map((name) => path.join(broken, name)) : [];
      await incidentTimelineApi();
      // The whole examples folder, so duplicate-id sees the same files the server indexes.
      const expected = checkWithCli(EXAMPLES);
      const seen = new Set<string>();
      for (const file of [FLAGSHIP.fsPath, ...brokenFiles]) {
        const want = (expected.get(file) ?? []).sort();
        const uri = vscode.Uri.file(file);
        await openInEditor(uri);
        // Duplicate ids may come a moment later (the server indexes the workspace after it starts).
        const got = await whenDiagnostics(uri, (ds) => ds.length >= want.length);
        assert.deepEqual(got.map(describeDiagnostic).sort(), want, path.relative(EXAMPLES, file));
        for (const diagnostic of got) {
          assert.equal(diagnostic.source, 'incident');
          assert.match(docsLinkOf(diagnostic) ?? '', new RegExp(`README\\.md#${codeOf(diagnostic)}$`));
          seen.add(codeOf(diagnostic));
        }
      }
      if (brokenFiles.length > 0) {
        assert.ok(seen.has('utc-jst-mismatch'), `the broken example shows utc-jst-mismatch (saw ${[...seen].join(', ')})`);
      }
    });
  });

  describe('workspace', () => {
    it('a file created on disk with the same id brings duplicate-id; deleting it takes it away', async () => {
      await incidentTimelineApi();
      const open = writeTempFile('open.incident.yaml', MISMATCH.replace('VSCODE-TEST-1', 'VSCODE-DUP').replace(/start:[\s\S]*/, 'start: 2019-11-19T10:40+09:00\n'));
      await openInEditor(open);
      await whenDiagnostics(open, (ds) => ds.length === 0);
      // Not opened in an editor: only the server's file watcher can tell it about this one.
      const onDisk = vscode.Uri.file(path.join(EXAMPLES, 'zz-vscode-test-duplicate.incident.yaml'));
      try {
        await vscode.workspace.fs.writeFile(onDisk, Buffer.from('id: VSCODE-DUP\ntitle: The same id\nstatus: investigating\nstart: 2019-11-19T10:40+09:00\n'));
        const duplicate = await whenDiagnostics(open, (ds) => ds.length > 0);
        assert.deepEqual(duplicate.map(describeDiagnostic), ['duplicate-id warning 0:4-0:14']);
      } finally {
        await vscode.workspace.fs.delete(onDisk);
      }
      await whenDiagnostics(open, (ds) => ds.length === 0);
    });
  });

  describe('settings and commands', () => {
    const files = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('incidentTimeline');

    afterEach(async () => {
      if (files().inspect('files')?.globalValue === undefined) return;
      const api = await incidentTimelineApi();
      const restarted = runningAgain(api.client);
      await files().update('files', undefined, vscode.ConfigurationTarget.Global);
      await restarted;
    });

    it('incidentTimeline.files makes other YAML files incident files', async () => {
      const api = await incidentTimelineApi();
      const uri = writeTempFile('outage.postmortem.yaml', MISMATCH.replace('VSCODE-TEST-1', 'VSCODE-TEST-3'));
      const restarted = runningAgain(api.client);
      await files().update('files', ['**/*.postmortem.yaml'], vscode.ConfigurationTarget.Global);
      await restarted;
      await openInEditor(uri);
      const diagnostics = await whenDiagnostics(uri, (ds) => ds.length > 0);
      assert.deepEqual(diagnostics.map(describeDiagnostic), ['utc-jst-mismatch error 5:7-5:32']);
    });

    it('"Restart Language Server" brings the server back and it checks again', async () => {
      const api = await incidentTimelineApi();
      await vscode.commands.executeCommand('incidentTimeline.restartServer');
      assert.equal(api.client.state, State.Running);
      const uri = writeTempFile('after-restart.incident.yaml', MISMATCH.replace('VSCODE-TEST-1', 'VSCODE-TEST-4'));
      await openInEditor(uri);
      const diagnostics = await whenDiagnostics(uri, (ds) => ds.length > 0);
      assert.deepEqual(diagnostics.map(describeDiagnostic), ['utc-jst-mismatch error 5:7-5:32']);
    });
  });
});
