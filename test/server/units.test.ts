/**
 * The server's pure pieces, without a process: reading settings from whatever a client sends,
 * deciding which documents are incident files, and the guard that keeps handlers from crashing.
 */
import * as assert from 'node:assert/strict';
import type { Connection } from 'vscode-languageserver';
import { DEFAULT_MAX_LENGTH } from '../../server/src/core';
import { displayPath, IncidentFileMatcher } from '../../server/src/lsp/incidentFiles';
import { IncidentLanguageServer } from '../../server/src/lsp/languageServer';
import { DEFAULT_SETTINGS, readSettings } from '../../server/src/lsp/settings';

describe('server units: settings', () => {
  it('reads the section nested, dotted, or wrapped in {incidentTimeline}', () => {
    const expected = { files: ['a/*.yaml'], debounce: 0, previewTimeZone: 'both', extraTimeZones: ['Asia/Kolkata'], maxFileLength: 100 };
    assert.deepEqual(readSettings({ files: ['a/*.yaml'], validation: { debounce: 0 }, preview: { timeZone: 'both' }, extraTimeZones: ['Asia/Kolkata'], maxFileLength: 100 }), expected);
    assert.deepEqual(readSettings({ incidentTimeline: { files: ['a/*.yaml'], 'validation.debounce': 0, 'preview.timeZone': 'both', extraTimeZones: ['Asia/Kolkata'], maxFileLength: 100 } }), expected);
  });

  it('falls back to the defaults for missing or wrongly typed values', () => {
    assert.deepEqual(readSettings(undefined), DEFAULT_SETTINGS);
    assert.deepEqual(readSettings(null), DEFAULT_SETTINGS);
    assert.deepEqual(readSettings([1, 2]), DEFAULT_SETTINGS);
    assert.deepEqual(readSettings({ files: 'x', validation: { debounce: 'soon' }, preview: { timeZone: 'PST' }, extraTimeZones: [3, '', 'UTC'], maxFileLength: NaN }),
      { ...DEFAULT_SETTINGS, extraTimeZones: ['UTC'] });
    assert.equal(DEFAULT_SETTINGS.maxFileLength, DEFAULT_MAX_LENGTH);
    assert.equal(readSettings({ validation: { debounce: -3 } }).debounce, 0);
  });
});

describe('server units: incident files', () => {
  it('always takes *.incident.yaml and *.incident.yml, nothing else without patterns', () => {
    const matcher = new IncidentFileMatcher([], ['/ws']);
    assert.equal(matcher.matchesUri('file:///ws/a.incident.yaml'), true);
    assert.equal(matcher.matchesUri('file:///ws/deep/b.incident.yml'), true);
    assert.equal(matcher.matchesUri('untitled:new.incident.yaml'), true);
    assert.equal(matcher.matchesUri('file:///ws/values.yaml'), false);
    assert.equal(matcher.matchesUri('file:///ws/incident.yaml'), false);
    assert.equal(matcher.matchesUri('untitled:Untitled-1'), false);
  });

  it('matches patterns inside each workspace folder, by whole path, and bare names anywhere', () => {
    const matcher = new IncidentFileMatcher(['incidents/*.yaml', '**/postmortems/**/*.yml', './ops/*.yaml', '*.timeline.yaml'], ['/ws/one', '/ws/two/']);
    assert.equal(matcher.matchesPath('/ws/one/incidents/db.yaml'), true);
    assert.equal(matcher.matchesPath('/ws/two/incidents/db.yaml'), true);
    assert.equal(matcher.matchesPath('/elsewhere/incidents/db.yaml'), false);
    assert.equal(matcher.matchesPath('/ws/one/incidents/nested/db.yaml'), false);
    assert.equal(matcher.matchesPath('/any/where/postmortems/2024/q1.yml'), true);
    assert.equal(matcher.matchesPath('/ws/one/ops/x.yaml'), true);
    assert.equal(matcher.matchesPath('/ws/one/deep/q3.timeline.yaml'), true);
    assert.equal(matcher.matchesUri('file:///ws/one/incidents/with%20space.yaml'), true);
    assert.equal(matcher.matchesUri('file:///ws/one/values.yaml'), false);
  });

  it('names files by their path inside a workspace folder', () => {
    assert.equal(displayPath('file:///ws/one/a/b.incident.yaml', ['/ws/one']), 'a/b.incident.yaml');
    assert.equal(displayPath('file:///other/b.incident.yaml', ['/ws/one']), '/other/b.incident.yaml');
    assert.equal(displayPath('untitled:Untitled-1', ['/ws/one']), 'untitled:Untitled-1');
  });
});

describe('server units: guarded handlers', () => {
  function serverWithLog(): { server: IncidentLanguageServer; errors: string[] } {
    const errors: string[] = [];
    const connection = { console: { error: (message: string) => errors.push(message) } } as unknown as Connection;
    return { server: new IncidentLanguageServer(connection), errors };
  }

  it('answers the fallback and logs when a handler throws or rejects', async () => {
    const { server, errors } = serverWithLog();
    const throwing = server.guard('hover', (_n: number): string => { throw new Error('boom'); }, 'fallback');
    assert.equal(throwing(1), 'fallback');
    const rejecting = server.guard('completion', async (): Promise<string> => { throw new Error('later'); }, 'fallback');
    assert.equal(await rejecting(), 'fallback');
    assert.equal(errors.length, 2);
    assert.match(errors[0], /^\[hover\] Error: boom/);
    assert.match(errors[1], /^\[completion\] Error: later/);
    assert.equal(server.guard('ok', (n: number) => n + 1, 0)(1), 2);
  });

  it('feature handlers get the fallback for documents that are not open incident files', () => {
    const { server, errors } = serverWithLog();
    const handler = server.handle('hover', null, () => 'never');
    assert.equal(handler({ textDocument: { uri: 'file:///x.incident.yaml' } }), null);
    assert.deepEqual(errors, []);
  });
});
