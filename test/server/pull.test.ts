/**
 * Pull diagnostics (clients that declare textDocument.diagnostic, such as VS Code): the server
 * answers textDocument/diagnostic, publishes nothing, and asks for a refresh when another
 * file's id changes what a document shows.
 */
import * as assert from 'node:assert/strict';
import type { Diagnostic, FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { LspTestClient, useLspClient } from './lspClient';
import { BROKEN, cleanIncident, codes, summary } from './fixtures';

async function pullItems(client: LspTestClient, uri: string): Promise<Diagnostic[]> {
  const report = await client.pull(uri);
  assert.equal(report.kind, 'full');
  return (report as FullDocumentDiagnosticReport).items;
}

describe('server: pull diagnostics', function () {
  this.timeout(60_000);
  const server = useLspClient({ pull: true }, { each: true });

  it('declares a diagnostic provider with inter-file dependencies', () => {
    const client = server();
    assert.deepEqual(client.initializeResult!.capabilities.diagnosticProvider, {
      identifier: 'incident', interFileDependencies: true, workspaceDiagnostics: false,
    });
  });

  it('answers pulls for the current version and publishes nothing', async () => {
    const client = server();
    const uri = 'file:///tmp/pull/a.incident.yaml';
    client.open(uri, BROKEN, 1);
    assert.deepEqual(summary(await pullItems(client, uri)), ['2:8-2:16 1 missing-end', '4:0-4:7 2 unknown-field']);
    client.edit(uri, { start: { line: 4, character: 0 }, end: { line: 4, character: 7 } }, 'severity');
    assert.deepEqual(summary(await pullItems(client, uri)), ['2:8-2:16 1 missing-end']);
    assert.deepEqual(await pullItems(client, 'file:///tmp/pull/not-open.incident.yaml'), []);
    client.open('file:///tmp/pull/values.yaml', BROKEN, 1);
    assert.deepEqual(await pullItems(client, 'file:///tmp/pull/values.yaml'), []);
    assert.deepEqual(client.published, []);
  });

  it('refreshes when another open file takes or gives up the same id', async () => {
    const client = server();
    const a = 'file:///tmp/pull/first.incident.yaml';
    const b = 'file:///tmp/pull/second.incident.yaml';
    client.open(a, cleanIncident('SHARED'), 1);
    assert.deepEqual(await pullItems(client, a), []);
    const before = client.refreshCount;
    client.open(b, cleanIncident('SHARED'), 1);
    await client.refreshed(before);
    const items = await pullItems(client, a);
    assert.deepEqual(summary(items), ['0:4-0:10 2 duplicate-id']);
    assert.match(items[0].message, /SHARED/);
    assert.deepEqual(items[0].relatedInformation, [{
      location: { uri: b, range: { start: { line: 0, character: 4 }, end: { line: 0, character: 10 } } },
      message: '`SHARED` is also the id here',
    }]);
    assert.deepEqual(codes(await pullItems(client, b)), ['duplicate-id']);

    const renamed = client.refreshCount;
    client.edit(b, { start: { line: 0, character: 4 }, end: { line: 0, character: 10 } }, 'OTHER');
    // The id change is noticed when b's new version is parsed: by its pull, as the editor does.
    assert.deepEqual(await pullItems(client, b), []);
    await client.refreshed(renamed);
    assert.deepEqual(await pullItems(client, a), []);
  });
});
