/**
 * A client may send a version number twice with different text (a buggy client, or an editor that
 * reverts and re-applies): the server answers for the latest text, never for the first one it
 * saw under that number.
 */
import * as assert from 'node:assert/strict';
import { LspTestClient } from './lspClient';
import { BROKEN, cleanIncident, summary } from './fixtures';

const WHOLE = { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } };

describe('server: the same version twice with other text', function () {
  this.timeout(60_000);
  let client: LspTestClient;

  afterEach(async () => {
    assert.equal(await client.shutdown(), 0, client.errorOutput);
  });

  it('push: publishes and answers the timeline for the latest text', async () => {
    client = await LspTestClient.start();
    await client.initialize({ pull: false });
    const uri = 'file:///tmp/versions/push.incident.yaml';
    client.open(uri, BROKEN, 1);
    assert.deepEqual(summary((await client.diagnostics(uri, { version: 1 })).diagnostics), ['2:8-2:16 1 missing-end', '4:0-4:7 2 unknown-field']);
    client.change(uri, [{ range: WHOLE, text: cleanIncident('V-1') }], 2);
    assert.deepEqual((await client.diagnostics(uri, { version: 2 })).diagnostics, []);
    assert.equal((await client.timeline(uri))?.incident?.title, 'Clean');

    const next = client.nextDiagnostics(uri);
    client.change(uri, [{ range: WHOLE, text: BROKEN }], 2);
    assert.equal((await client.timeline(uri))?.incident?.title, 'Test');
    const republished = await next;
    assert.equal(republished.version, 2);
    assert.deepEqual(summary(republished.diagnostics), ['2:8-2:16 1 missing-end', '4:0-4:7 2 unknown-field']);
  });

  it('pull: the pull and the timeline answer for the latest text', async () => {
    client = await LspTestClient.start();
    await client.initialize({ pull: true });
    const uri = 'file:///tmp/versions/pull.incident.yaml';
    client.open(uri, cleanIncident('V-2'), 1);
    client.change(uri, [{ range: WHOLE, text: cleanIncident('V-3') }], 2);
    assert.deepEqual(await client.pull(uri), { kind: 'full', items: [] });
    assert.equal((await client.timeline(uri))?.incident?.id, 'V-3');

    client.change(uri, [{ range: WHOLE, text: BROKEN }], 2);
    const report = await client.pull(uri);
    assert.deepEqual(report.kind === 'full' && summary(report.items), ['2:8-2:16 1 missing-end', '4:0-4:7 2 unknown-field']);
    assert.equal((await client.timeline(uri))?.incident?.id, 'A-1');
  });
});
