/**
 * The first keystroke after opening a file is as cheap as the next ones: the open leaves the
 * incremental parser ready, and nothing else parses the whole file meanwhile. The background scan
 * of the workspace and the watcher's events (a save) leave a file open in the editor to its
 * document: they used to parse it whole from disk just when the first edits came. Counted in
 * parsed timeline items and files read, from the server's $/logTrace, never in time.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { FileChangeType } from 'vscode-languageserver-protocol';
import { fileUri, LspTestClient } from './lspClient';
import { cleanIncident } from './fixtures';

const EVENTS = 60;

function incident(events: number): string {
  const lines = ['id: BIG-1', 'title: Big', 'status: resolved', 'start: 2024-03-01T00:00:00Z', 'end: 2024-03-02T00:00:00Z', 'timeline:'];
  for (let i = 0; i < events; i++) {
    const time = `${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
    lines.push(`  - at: 2024-03-01T${time}:00Z`, `    event: event number ${i}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('server: the first edit after open', function () {
  this.timeout(60_000);
  let client: LspTestClient;
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'incident-first-edit-'));
  });

  afterEach(async () => {
    assert.equal(await client.shutdown(), 0, client.errorOutput);
    rmSync(root, { recursive: true, force: true });
  });

  it('parses one timeline item; the scan and a save do not read the open file', async () => {
    const folder = path.join(root, 'ws');
    const added = path.join(root, 'added');
    mkdirSync(folder);
    mkdirSync(added);
    const bigPath = path.join(folder, 'big.incident.yaml');
    const otherPath = path.join(folder, 'other.incident.yaml');
    const text = incident(EVENTS);
    writeFileSync(bigPath, text);
    writeFileSync(otherPath, cleanIncident('OTHER'));
    const big = fileUri(bigPath);

    client = await LspTestClient.start();
    await client.initialize({ pull: true, workspaceFolders: [folder], watchedFilesRegistration: true, trace: 'messages' });
    // The start-up scan, before the file is open, reads both.
    await client.traced(/^scan of 1 workspace folders: 2 incident files read, 0 left/);
    const since = client.traces.length;

    client.open(big, text, 1);
    assert.deepEqual(await client.pull(big), { kind: 'full', items: [] });
    // A rescan (a folder added) and a save of both files while it is open.
    client.changeWorkspaceFolders([added]);
    await client.traced(/^scan of 2 workspace folders/, since);
    client.watchedFilesChanged([{ uri: big, type: FileChangeType.Changed }, { uri: fileUri(otherPath), type: FileChangeType.Changed }]);
    await client.traced(/other\.incident\.yaml from disk$/, since);

    const line = text.split('\n').indexOf(`    event: event number ${EVENTS / 2}`);
    client.edit(big, { start: { line, character: 11 }, end: { line, character: 11 } }, 'x');
    assert.deepEqual(await client.pull(big), { kind: 'full', items: [] });

    const aboutBig = client.traces.slice(since).filter((message) => message.startsWith('scan') || message.includes(big) || message.includes(bigPath));
    assert.deepEqual(aboutBig, [
      `parse ${big} version 1: incremental, ${EVENTS} of ${EVENTS} timeline items parsed`,
      'scan of 2 workspace folders: 1 incident files read, 1 left to their open documents',
      `${bigPath} changed on disk: left to its open document`,
      `parse ${big} version 2: incremental, 1 of ${EVENTS} timeline items parsed`,
    ]);
  });
});
