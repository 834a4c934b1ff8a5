/**
 * Push diagnostics (clients without textDocument.diagnostic, such as Neovim and Emacs), through
 * the bundled server over stdio: open, incremental change, close, stale versions, CRLF, bad input.
 */
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { LspTestClient } from './lspClient';
import { BROKEN, cleanIncident, codes, summary } from './fixtures';

const DOCS = 'https://github.com/incident-timeline/incident-timeline/blob/main/README.md';

describe('server: transports', function () {
  this.timeout(60_000);

  it('works over node IPC, as VS Code starts it', async () => {
    const client = await LspTestClient.start('ipc');
    await client.initialize({ pull: true });
    client.open('file:///tmp/ipc/a.incident.yaml', BROKEN, 1);
    const report = await client.pull('file:///tmp/ipc/a.incident.yaml');
    assert.deepEqual(report.kind === 'full' && codes(report.items), ['missing-end', 'unknown-field']);
    assert.equal(await client.shutdown(), 0, client.errorOutput);
  });
});

describe('server: push diagnostics', function () {
  this.timeout(60_000);
  let client: LspTestClient;

  beforeEach(async () => {
    client = await LspTestClient.start();
    await client.initialize({ pull: false });
  });

  afterEach(async () => {
    const code = await client.shutdown();
    assert.equal(code, 0, `server exit code; stderr: ${client.errorOutput}`);
  });

  it('declares incremental sync and no pull diagnostics to a push client', () => {
    const capabilities = client.initializeResult!.capabilities;
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2 });
    assert.equal(capabilities.diagnosticProvider, undefined);
  });

  it('publishes on open with codes, exact ranges, severities, source, docs links and data', async () => {
    const uri = 'file:///tmp/push/open.incident.yaml';
    client.open(uri, BROKEN, 1);
    const published = await client.diagnostics(uri, { version: 1 });
    const byCode = [...published.diagnostics].sort((a, b) => String(a.code).localeCompare(String(b.code)));
    assert.deepEqual(byCode.map(({ message: _message, ...rest }) => rest), [
      {
        range: { start: { line: 2, character: 8 }, end: { line: 2, character: 16 } },
        severity: DiagnosticSeverity.Error,
        source: 'incident',
        code: 'missing-end',
        codeDescription: { href: `${DOCS}#missing-end` },
        data: { code: 'missing-end', statusSpan: { start: 28, end: 36 } },
      },
      {
        range: { start: { line: 4, character: 0 }, end: { line: 4, character: 7 } },
        severity: DiagnosticSeverity.Warning,
        source: 'incident',
        code: 'unknown-field',
        codeDescription: { href: `${DOCS}#unknown-field` },
        data: {
          code: 'unknown-field', key: 'severty', suggestion: 'severity',
          allowed: ['id', 'title', 'status', 'severity', 'service', 'regions', 'zone', 'start', 'end', 'components', 'impact', 'cause', 'next_steps', 'tags', 'sources', 'timeline'],
        },
      },
    ]);
    assert.match(byCode[1].message, /severty/);
    assert.match(byCode[1].message, /severity/);
  });

  it('updates the diagnostics after incremental changes, and only for the version that was last sent', async () => {
    const uri = 'file:///tmp/push/change.incident.yaml';
    client.open(uri, BROKEN, 1);
    await client.diagnostics(uri, { version: 1 });
    // Three quick edits: fix the key (line 4), then add an end after it, then break the start.
    client.edit(uri, { start: { line: 4, character: 0 }, end: { line: 4, character: 7 } }, 'severity');
    client.edit(uri, { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, 'end: 2024-01-01T12:00+09:00\n');
    const last = client.edit(uri, { start: { line: 3, character: 7 }, end: { line: 3, character: 11 } }, '2024-13');
    assert.equal(last, 4);
    const published = await client.diagnostics(uri, { version: 4 });
    assert.deepEqual(summary(published.diagnostics), ['3:7-3:32 1 invalid-time']);
    // Versions only move forward: nothing older is published after a newer one.
    const versions = client.published.filter((p) => p.uri === uri).map((p) => p.version!);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `published versions ${versions.join(', ')}`);
  });

  it('clears the diagnostics when the document closes', async () => {
    const uri = 'file:///tmp/push/close.incident.yaml';
    client.open(uri, BROKEN, 1);
    await client.diagnostics(uri, { version: 1 });
    client.close(uri);
    const cleared = await client.nextDiagnostics(uri);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('ignores YAML files that are not incident files', async () => {
    const plain = 'file:///tmp/push/values.yaml';
    const incident = 'file:///tmp/push/after.incident.yml';
    client.open(plain, 'not: [an incident', 1);
    client.open(incident, cleanIncident('X'), 1);
    // Messages are handled in order: once the incident file is answered the plain file was seen.
    assert.deepEqual((await client.diagnostics(incident, { version: 1 })).diagnostics, []);
    assert.equal(client.published.filter((p) => p.uri === plain).length, 0);
    assert.equal(await client.timeline(plain), null);
  });

  it('puts ranges right in CRLF text', async () => {
    const uri = 'file:///tmp/push/crlf.incident.yaml';
    client.open(uri, BROKEN.replace(/\n/g, '\r\n'), 1);
    const published = await client.diagnostics(uri, { version: 1 });
    assert.deepEqual(summary(published.diagnostics), ['2:8-2:16 1 missing-end', '4:0-4:7 2 unknown-field']);
    // An incremental edit on a CRLF line lands where the editor put it.
    client.edit(uri, { start: { line: 4, character: 0 }, end: { line: 4, character: 7 } }, 'severity');
    assert.deepEqual(summary((await client.diagnostics(uri, { version: 2 })).diagnostics), ['2:8-2:16 1 missing-end']);
  });

  it('survives bad input and still answers afterwards', async () => {
    const bad: [string, string][] = [
      ['binary', '\u0000\u0001\u0002\uFFFD\u0007id: \u0000\n\u001b[31m\uD800'],
      ['root-list', '- id: A\n- id: B\n'],
      ['empty', ''],
      ['deep-flow-1k', '['.repeat(1_000)],
      ['deep-flow-100k', '['.repeat(100_000)],
      ['deep-block', Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')],
      ['tabs', 'id:\tA\n\ttitle: B\n'],
      ['alias-bomb', 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n'],
    ];
    for (const [name, text] of bad) {
      const uri = `file:///tmp/push/bad-${name}.incident.yaml`;
      client.open(uri, text, 1);
      const published = await client.diagnostics(uri, { version: 1 });
      assert.ok(published.diagnostics.length > 0, `${name}: expected diagnostics`);
      const timeline = await client.timeline(uri);
      assert.ok(timeline, `${name}: the timeline request still answers`);
    }
    assert.deepEqual(codes((await client.diagnostics('file:///tmp/push/bad-root-list.incident.yaml')).diagnostics), ['not-an-incident']);
    // Longer than the default maxFileLength (16 M characters): one warning on the first line, not a parse.
    const huge = 'file:///tmp/push/bad-huge.incident.yaml';
    client.open(huge, 'id: HUGE\n' + '# filler\n'.repeat(1_900_000), 1);
    assert.deepEqual(summary((await client.diagnostics(huge, { version: 1 })).diagnostics), ['0:0-0:8 2 file-too-large']);
    // Malformed requests: the handler throws, the server logs it and answers the fallback.
    assert.equal(await client.connection.sendRequest('incident/timeline', null), null);
    assert.ok(client.logs.some((l) => l.type === 1 && l.message.startsWith('[incident/timeline] TypeError')), JSON.stringify(client.logs));
    // And a good document afterwards is still served.
    const good = 'file:///tmp/push/good-after-bad.incident.yaml';
    client.open(good, cleanIncident('GOOD'), 1);
    assert.deepEqual((await client.diagnostics(good, { version: 1 })).diagnostics, []);
    assert.ok(client.alive);
  });
});
