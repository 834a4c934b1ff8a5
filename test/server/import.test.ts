/** The import requests (common/protocol.ts) over stdio: `incident/import` and `incident/pasteUpdates`. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ImportRequest, PasteUpdatesRequest } from '../../common/protocol';
import { REPO_ROOT, useLspClient } from './lspClient';

const SEED = readFileSync(path.join(REPO_ROOT, 'test/data/notices/exchange-online-2019-11-19.txt'), 'utf8');
const FILE = 'id: EX196121\ntitle: Mail\nstatus: resolved\nstart: 2019-11-19T01:40Z\nend: 2019-11-19T11:50Z\ntimeline:\n  - at: 2019-11-19T03:00Z   # ours\n    event: We noticed.\n';

describe('server: import requests', function () {
  this.timeout(60_000);
  const server = useLspClient({ pull: true });

  it('answers a pasted notice with insertions at the lines where its events belong', async () => {
    const client = server();
    const uri = 'file:///tmp/import/mail.incident.yaml';
    client.open(uri, FILE, 3);
    const answer = await client.request(PasteUpdatesRequest.type, { uri, version: 3, text: SEED });
    assert.ok(answer);
    assert.deepEqual([answer.added, answer.alreadyThere], [2, 0]);
    // The start of impact before our 03:00 event (line 6), the restoration after it (line 8).
    assert.deepEqual(answer.edits.map((e) => [e.range.start, e.range.end, e.newText.split('\n')[1]]), [
      [{ line: 6, character: 0 }, { line: 6, character: 0 }, '  - at:'],
      [{ line: 8, character: 0 }, { line: 8, character: 0 }, '  - at:'],
    ]);
    assert.match(answer.edits[0]!.newText, /^ {2}# import: notice-start /);
    assert.match(answer.edits[1]!.newText, /kind: resolved\n/);
  });

  it('answers null for another version, a text that is no source, and a document it does not know', async () => {
    const client = server();
    const uri = 'file:///tmp/import/other.incident.yaml';
    client.open(uri, FILE, 5);
    assert.equal(await client.request(PasteUpdatesRequest.type, { uri, version: 4, text: SEED }), null);
    assert.equal(await client.request(PasteUpdatesRequest.type, { uri, version: 5, text: 'hello' }), null);
    assert.equal(await client.request(PasteUpdatesRequest.type, { uri: 'file:///tmp/import/unknown.incident.yaml', version: 1, text: SEED }), null);
  });

  it('answers a source as new files, and a bad one with the reason', async () => {
    const client = server();
    const answer = await client.request(ImportRequest.type, { text: SEED, fileName: 'notice.txt' });
    assert.ok(answer.kind === 'incidents');
    assert.deepEqual(answer.incidents.map((i) => i.fileName), ['EX196121.incident.yaml']);
    assert.match(answer.incidents[0]!.text, /\ntitle: Problems receiving mail\n/);
    assert.deepEqual(await client.request(ImportRequest.type, { url: 'http://status.example.com/x.json' }), {
      kind: 'error',
      message: 'only https:// addresses are fetched, not `http://status.example.com/x.json`',
    });
  });
});
