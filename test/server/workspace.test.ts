/**
 * duplicate-id across the workspace: between open documents, and with incident files on disk in
 * a workspace folder (indexed at start, kept current by watched-file events; node_modules and
 * .git skipped; an open document wins over its file on disk).
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { FileChangeType, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { fileUri, LspTestClient } from './lspClient';
import { cleanIncident, codes, summary } from './fixtures';

const hasDuplicate = (p: PublishDiagnosticsParams) => codes(p.diagnostics).includes('duplicate-id');
const noDuplicate = (p: PublishDiagnosticsParams) => !hasDuplicate(p);

describe('server: duplicate-id across the workspace', function () {
  this.timeout(60_000);
  let client: LspTestClient;
  let folder: string;

  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'incident-ws-'));
  });

  afterEach(async () => {
    assert.equal(await client.shutdown(), 0, client.errorOutput);
    rmSync(folder, { recursive: true, force: true });
  });

  it('between open documents, cleared when one id is renamed', async () => {
    client = await LspTestClient.start();
    await client.initialize({ pull: false });
    const a = 'file:///tmp/dup/a.incident.yaml';
    const b = 'file:///tmp/dup/b.incident.yaml';
    client.open(a, cleanIncident('INC-7'), 1);
    assert.deepEqual((await client.diagnostics(a, { version: 1 })).diagnostics, []);
    client.open(b, cleanIncident('INC-7'), 1);
    assert.deepEqual(summary((await client.diagnostics(b, { version: 1 })).diagnostics), ['0:4-0:9 2 duplicate-id']);
    // a is re-published without being edited.
    const onA = (await client.diagnostics(a, hasDuplicate)).diagnostics;
    assert.deepEqual(summary(onA), ['0:4-0:9 2 duplicate-id']);
    assert.equal(onA[0].message, 'The id `INC-7` is also used by /tmp/dup/b.incident.yaml; each incident needs its own id.');
    assert.deepEqual(onA[0].data, { code: 'duplicate-id', id: 'INC-7', others: [b] });
    assert.deepEqual(onA[0].relatedInformation?.map((r) => r.location), [{ uri: b, range: { start: { line: 0, character: 4 }, end: { line: 0, character: 9 } } }]);

    client.edit(b, { start: { line: 0, character: 8 }, end: { line: 0, character: 9 } }, '8');
    assert.deepEqual((await client.diagnostics(b, { version: 2 })).diagnostics, []);
    await client.diagnostics(a, noDuplicate);
  });

  it('with files on disk: indexed at start, updated by watched-file events, open documents win', async () => {
    writeFileSync(path.join(folder, 'old.incident.yaml'), cleanIncident('DISK-1'));
    // Same id under node_modules and .git: never indexed.
    for (const skipped of ['node_modules/pkg', '.git/x']) {
      mkdirSync(path.join(folder, skipped), { recursive: true });
      writeFileSync(path.join(folder, skipped, 'copy.incident.yaml'), cleanIncident('DISK-1'));
    }
    mkdirSync(path.join(folder, 'nested/deeper'), { recursive: true });
    writeFileSync(path.join(folder, 'nested/deeper/other.incident.yml'), cleanIncident('DISK-2'));

    client = await LspTestClient.start();
    await client.initialize({ pull: false, workspaceFolders: [folder] });
    const fresh = fileUri(path.join(folder, 'fresh.incident.yaml'));
    client.open(fresh, cleanIncident('DISK-1'), 1);
    const published = await client.diagnostics(fresh, hasDuplicate);
    assert.deepEqual(summary(published.diagnostics), ['0:4-0:10 2 duplicate-id']);
    const [duplicate] = published.diagnostics;
    assert.equal(duplicate.message, 'The id `DISK-1` is also used by old.incident.yaml; each incident needs its own id.');
    assert.deepEqual(duplicate.relatedInformation?.map((r) => r.location), [
      { uri: fileUri(path.join(folder, 'old.incident.yaml')), range: { start: { line: 0, character: 4 }, end: { line: 0, character: 10 } } },
    ]);

    // Renaming to the id of the nested file moves the duplicate there.
    client.edit(fresh, { start: { line: 0, character: 9 }, end: { line: 0, character: 10 } }, '2');
    const moved = await client.diagnostics(fresh, { version: 2 });
    assert.match(moved.diagnostics[0]?.message ?? '', /nested\/deeper\/other\.incident\.yml/);

    // The nested file is deleted on disk: the duplicate goes.
    rmSync(path.join(folder, 'nested/deeper/other.incident.yml'));
    client.watchedFilesChanged([{ uri: fileUri(path.join(folder, 'nested/deeper/other.incident.yml')), type: FileChangeType.Deleted }]);
    await client.diagnostics(fresh, (p) => p.version === 2 && p.diagnostics.length === 0);

    // A new file on disk with the same id: the duplicate comes back.
    writeFileSync(path.join(folder, 'added.incident.yaml'), cleanIncident('DISK-2'));
    client.watchedFilesChanged([{ uri: fileUri(path.join(folder, 'added.incident.yaml')), type: FileChangeType.Created }]);
    const added = await client.diagnostics(fresh, hasDuplicate);
    assert.match(added.diagnostics[0].message, /added\.incident\.yaml/);

    // Opening that file with an unsaved new id: the open document wins over the disk.
    const addedUri = fileUri(path.join(folder, 'added.incident.yaml'));
    client.open(addedUri, cleanIncident('EDITED'), 1);
    await client.diagnostics(fresh, noDuplicate);
    // Closing it without saving: the disk's id counts again.
    client.close(addedUri);
    await client.diagnostics(fresh, hasDuplicate);
  });

  it('many files on disk with the id: the warning names three of them and counts the rest', async () => {
    const names = ['a', 'b', 'c', 'd', 'e'].map((n) => `${n}.incident.yaml`);
    for (const name of names) writeFileSync(path.join(folder, name), cleanIncident('MANY-1'));
    client = await LspTestClient.start();
    await client.initialize({ pull: false, workspaceFolders: [folder] });
    const opened = 'file:///tmp/many/opened.incident.yaml';
    client.open(opened, cleanIncident('MANY-1'), 1);
    // Until the scan is done the count may be lower; the scan's end re-validates the open document.
    const published = await client.diagnostics(opened, (p) => p.diagnostics.some((d) => d.message.includes(' and 2 more;')));
    assert.deepEqual(summary(published.diagnostics), ['0:4-0:10 2 duplicate-id']);
    const [duplicate] = published.diagnostics;
    // Which three are named depends on the order the scan found them in.
    const named = /^The id `MANY-1` is also used by (.+) and 2 more; each incident needs its own id\.$/.exec(duplicate.message)?.[1].split(', ') ?? [];
    assert.equal(named.length, 3, duplicate.message);
    assert.ok(named.every((name) => names.includes(name)), duplicate.message);
    assert.deepEqual(duplicate.relatedInformation?.map((r) => r.location), named.map((name) => ({
      uri: fileUri(path.join(folder, name)),
      range: { start: { line: 0, character: 4 }, end: { line: 0, character: 10 } },
    })));
    assert.deepEqual(duplicate.data, { code: 'duplicate-id', id: 'MANY-1', others: named.map((name) => fileUri(path.join(folder, name))) });
  });

  it('indexes a workspace folder added later and forgets one removed', async () => {
    writeFileSync(path.join(folder, 'later.incident.yaml'), cleanIncident('LATER'));
    client = await LspTestClient.start();
    await client.initialize({ pull: false, workspaceFolders: [] });
    const open = 'file:///tmp/folders/open.incident.yaml';
    client.open(open, cleanIncident('LATER'), 1);
    assert.deepEqual((await client.diagnostics(open, { version: 1 })).diagnostics, []);
    client.changeWorkspaceFolders([folder]);
    const published = await client.diagnostics(open, hasDuplicate);
    assert.match(published.diagnostics[0].message, /later\.incident\.yaml/);
    client.changeWorkspaceFolders([], [folder]);
    await client.diagnostics(open, noDuplicate);
  });

  it('registers its own file watchers when the client allows dynamic registration', async () => {
    client = await LspTestClient.start();
    await client.initialize({ pull: false, watchedFilesRegistration: true, settings: {}, workspaceFolders: [folder] });
    // A request answered after `initialized` was handled: the registration was sent before it.
    await client.timeline('file:///none.incident.yaml');
    const watchers = client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.deepEqual(watchers?.registerOptions, { watchers: [{ globPattern: '**/*.incident.yaml' }, { globPattern: '**/*.incident.yml' }] });
  });
});
