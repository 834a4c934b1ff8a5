/**
 * Settings: read through workspace/configuration when the client offers it (VS Code), else from
 * initializationOptions and didChangeConfiguration's payload (many other clients). `files`
 * makes other YAML files incident files; `maxFileLength` goes to the core.
 */
import * as assert from 'node:assert/strict';
import { LspTestClient } from './lspClient';
import { BROKEN, codes, summary } from './fixtures';

describe('server: settings', function () {
  this.timeout(60_000);
  let client: LspTestClient;

  afterEach(async () => {
    assert.equal(await client.shutdown(), 0, client.errorOutput);
  });

  it('reads incidentTimeline through workspace/configuration and re-validates when it changes', async () => {
    client = await LspTestClient.start();
    await client.initialize({ configuration: true, settings: { files: ['incidents/*.yaml'] }, workspaceFolders: ['/tmp/settings-ws'] });
    const matching = 'file:///tmp/settings-ws/incidents/db-outage.yaml';
    const plain = 'file:///tmp/settings-ws/values.yaml';
    client.open(plain, BROKEN, 1);
    client.open(matching, BROKEN, 1);
    assert.deepEqual(codes((await client.diagnostics(matching, { version: 1 })).diagnostics), ['missing-end', 'unknown-field']);
    assert.equal(client.published.filter((p) => p.uri === plain).length, 0);
    // Registered in `initialized`, before the settings were asked for.
    assert.ok(client.registrations.some((r) => r.method === 'workspace/didChangeConfiguration'), JSON.stringify(client.registrations));

    // A smaller maxFileLength: the file is no longer checked, one file-too-large warning instead.
    client.changeSettings({ files: ['incidents/*.yaml'], maxFileLength: 40 });
    const tooLarge = await client.diagnostics(matching, (p) => codes(p.diagnostics).includes('file-too-large'));
    assert.deepEqual(summary(tooLarge.diagnostics), ['0:0-0:7 2 file-too-large']);
    assert.match(tooLarge.diagnostics[0].message, /40/);

    // Dropping the pattern: the file is no longer an incident file, its diagnostics are cleared.
    client.changeSettings({ files: [] });
    await client.diagnostics(matching, (p) => p.diagnostics.length === 0);
    assert.equal(await client.timeline(matching), null);
    // And a pattern by bare name matches in any folder.
    client.changeSettings({ files: ['*.yaml'] });
    await client.diagnostics(plain, (p) => codes(p.diagnostics).join() === 'missing-end,unknown-field');
  });

  it('validation.maxProblems: at most that many diagnostics, errors first, and one that says how many were left out', async () => {
    client = await LspTestClient.start();
    await client.initialize({ configuration: true, settings: { validation: { maxProblems: 2 } } });
    const uri = 'file:///tmp/settings/many.incident.yaml';
    // Two items, each with a time without offset (error), an unknown kind (error) and an unknown field (warning).
    const item = (minute: string) => [`  - at: 2024-01-01T10:${minute}`, '    event: e', '    kind: nonsense', '    extra: 1'];
    client.open(uri, [...BROKEN.trimEnd().split('\n'), 'timeline:', ...item('00'), ...item('01'), ''].join('\n'), 1);
    const capped = await client.diagnostics(uri, { version: 1 });
    // BROKEN's own two (missing-end, an error; unknown-field, a warning) come first in the file.
    assert.deepEqual(summary(capped.diagnostics), ['2:8-2:16 1 missing-end', '6:0-6:24 3 too-many-problems', '6:8-6:24 1 missing-offset']);
    assert.equal(capped.diagnostics[2].message, '6 more problems in this file are not shown; at most 2 are listed per file.');

    client.changeSettings({ validation: { maxProblems: 20 } });
    const all = await client.diagnostics(uri, (p) => p.diagnostics.length === 8);
    assert.ok(!codes(all.diagnostics).includes('too-many-problems'));
  });

  it('falls back to initializationOptions and didChangeConfiguration settings without workspace/configuration', async () => {
    client = await LspTestClient.start();
    await client.initialize({ configuration: false, initializationOptions: { incidentTimeline: { files: ['**/*.timeline.yml'], validation: { debounce: 0 } } } });
    const uri = 'file:///tmp/settings/q3.timeline.yml';
    client.open(uri, BROKEN, 1);
    assert.deepEqual(codes((await client.diagnostics(uri, { version: 1 })).diagnostics), ['missing-end', 'unknown-field']);
    client.changeSettings({ files: ['**/*.timeline.yml'], maxFileLength: 10 });
    await client.diagnostics(uri, (p) => codes(p.diagnostics).join() === 'file-too-large');
    // Wrong types fall back to defaults instead of breaking the server.
    client.changeSettings({ files: 'not-a-list', maxFileLength: 'huge', validation: { debounce: -5 } });
    await client.diagnostics(uri, (p) => p.diagnostics.length === 0);
    assert.ok(client.alive);
  });
});
