/**
 * The server's pieces without a process: reading settings from whatever a client sends, deciding
 * which documents are incident files, the guard that keeps handlers from crashing, and the
 * workspace index (which files an id change affects, the bounded scan of folders).
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver';
import { DEFAULT_MAX_LENGTH, parseIncident } from '../../server/src/core';
import { displayPath, IncidentFileMatcher } from '../../server/src/lsp/incidentFiles';
import { IncidentLanguageServer } from '../../server/src/lsp/languageServer';
import { DEFAULT_SETTINGS, readSettings } from '../../server/src/lsp/settings';
import { DEFAULT_SCAN_LIMITS, findIncidentFiles, readIncidentFile, WorkspaceIndex } from '../../server/src/lsp/workspaceIndex';

describe('server units: settings', () => {
  it('reads the section nested, dotted, or wrapped in {incidentTimeline}', () => {
    const expected = { files: ['a/*.yaml'], debounce: 0, maxProblems: 20, previewTimeZone: 'both', extraTimeZones: ['Asia/Kolkata'], maxFileLength: 100 };
    assert.deepEqual(readSettings({ files: ['a/*.yaml'], validation: { debounce: 0, maxProblems: 20 }, preview: { timeZone: 'both' }, extraTimeZones: ['Asia/Kolkata'], maxFileLength: 100 }), expected);
    assert.deepEqual(readSettings({ incidentTimeline: { files: ['a/*.yaml'], 'validation.debounce': 0, 'validation.maxProblems': 20, 'preview.timeZone': 'both', extraTimeZones: ['Asia/Kolkata'], maxFileLength: 100 } }), expected);
  });

  it('falls back to the defaults for missing or wrongly typed values', () => {
    assert.deepEqual(readSettings(undefined), DEFAULT_SETTINGS);
    assert.deepEqual(readSettings(null), DEFAULT_SETTINGS);
    assert.deepEqual(readSettings([1, 2]), DEFAULT_SETTINGS);
    assert.deepEqual(readSettings({ files: 'x', validation: { debounce: 'soon' }, preview: { timeZone: 'PST' }, extraTimeZones: [3, '', 'UTC'], maxFileLength: NaN }),
      { ...DEFAULT_SETTINGS, extraTimeZones: ['UTC'] });
    assert.equal(DEFAULT_SETTINGS.maxFileLength, DEFAULT_MAX_LENGTH);
    assert.equal(readSettings({ validation: { debounce: -3 } }).debounce, 0);
    assert.equal(DEFAULT_SETTINGS.maxProblems, 1000);
    // At least one problem is shown; a fraction is cut to a whole number.
    assert.equal(readSettings({ validation: { maxProblems: 0 } }).maxProblems, 1);
    assert.equal(readSettings({ validation: { maxProblems: 2.5 } }).maxProblems, 2);
    assert.equal(readSettings({ validation: { maxProblems: '10' } }).maxProblems, 1000);
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

describe('server units: workspace index', () => {
  const parsedWithId = (id: string) => parseIncident(`id: ${id}\ntitle: T\nstatus: investigating\nstart: 2024-01-01T00:00Z\n`);

  it('says which other files an id change affects; open documents win over disk', () => {
    const index = new WorkspaceIndex();
    assert.deepEqual(index.setDisk('file:///ws/a.incident.yaml', parsedWithId('A')), []);
    assert.deepEqual(index.setDisk('file:///ws/b.incident.yaml', parsedWithId('B')), []);
    // c takes A: a is affected.
    assert.deepEqual(index.setOpen('file:///ws/c.incident.yaml', parsedWithId('A')), ['file:///ws/a.incident.yaml']);
    assert.deepEqual(index.duplicatesOf('file:///ws/c.incident.yaml', (u) => u).map((d) => d.code), ['duplicate-id']);
    // The same id again (a new version): nobody else is affected.
    assert.deepEqual(index.setOpen('file:///ws/c.incident.yaml', parsedWithId('A')), []);
    // c moves from A to B: both a and b are affected.
    assert.deepEqual(index.setOpen('file:///ws/c.incident.yaml', parsedWithId('B')).sort(), ['file:///ws/a.incident.yaml', 'file:///ws/b.incident.yaml']);
    // Opening a with an unsaved id wins over a's disk entry.
    index.setOpen('file:///ws/a.incident.yaml', parsedWithId('B'));
    assert.equal(index.get('file:///ws/a.incident.yaml')?.origin, 'open');
    assert.equal(index.filesWithDuplicates().length, 3);
    assert.equal(index.size, 3);
    // Closing it: the disk's id (A) counts again.
    index.removeOpen('file:///ws/a.incident.yaml');
    assert.equal(index.get('file:///ws/a.incident.yaml')?.id?.value, 'A');
    assert.deepEqual(index.duplicatesOf('file:///ws/a.incident.yaml', (u) => u), []);
    // URIs spelt differently (%-encoding) are the same file.
    assert.equal(index.get('file:///ws/%61.incident.yaml')?.id?.value, 'A');
    assert.deepEqual(index.locate('file:///ws/b.incident.yaml', { start: 4, end: 5 }), { start: { line: 0, character: 4 }, end: { line: 0, character: 5 } });
  });

  it('3,000 files sharing an id: each change reaches only the few files it names, and a warning names three', () => {
    const index = new WorkspaceIndex();
    const uri = (i: number) => `file:///ws/f${i}.incident.yaml`;
    const affected = Array.from({ length: 3_000 }, (_, i) => index.setDisk(uri(i), parsedWithId('SHARED')));
    // The second file makes the first a duplicate; the third and fourth are named by those before them; later ones by nobody.
    assert.deepEqual(affected.slice(0, 5), [[], [uri(0)], [uri(0), uri(1)], [uri(0), uri(1), uri(2)], []]);
    assert.equal(affected.flat().length, 6);
    const opened = 'file:///ws/opened.incident.yaml';
    assert.deepEqual(index.setOpen(opened, parsedWithId('SHARED')), []);
    const [warning] = index.duplicatesOf(opened, (u) => u.replace('file:///ws/', ''));
    assert.equal(warning.message, 'The id `SHARED` is also used by f0.incident.yaml, f1.incident.yaml, f2.incident.yaml and 2,997 more; each incident needs its own id.');
    assert.deepEqual(warning.related?.map((r) => r.uri), [uri(0), uri(1), uri(2)]);
    assert.deepEqual(warning.data, { code: 'duplicate-id', id: 'SHARED', others: [uri(0), uri(1), uri(2)] });
    assert.equal(index.filesWithDuplicates().length, 3_001);
    // A file nobody names leaves: nobody else changes beyond the count.
    assert.deepEqual(index.setDisk(uri(10), undefined), []);
    // A named one leaves: the files that named it name another now.
    assert.equal(index.setDisk(uri(1), undefined).length, 2_999);
    assert.match(index.duplicatesOf(opened, (u) => u)[0].message, /f0\.incident\.yaml, file:\/\/\/ws\/f2\.incident\.yaml, file:\/\/\/ws\/f3\.incident\.yaml and 2,995 more/);
    // The last but one file with an id leaves its group: the one left is no longer a duplicate.
    index.setOpen('file:///ws/x.incident.yaml', parsedWithId('PAIR'));
    index.setOpen('file:///ws/y.incident.yaml', parsedWithId('PAIR'));
    assert.deepEqual(index.setOpen('file:///ws/y.incident.yaml', parsedWithId('SINGLE')), ['file:///ws/x.incident.yaml']);
    assert.deepEqual(index.duplicatesOf('file:///ws/x.incident.yaml', (u) => u), []);
  });

  it('finds incident files under folders within the limits, skipping node_modules and .git', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'incident-scan-'));
    try {
      for (const name of ['a.incident.yaml', 'b.incident.yml', 'notes.yaml', 'sub/c.incident.yaml', 'node_modules/d.incident.yaml', '.git/e.incident.yaml', 'ops/f.yaml']) {
        mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
        writeFileSync(path.join(folder, name), 'id: X\n');
      }
      const names = async (matcher: IncidentFileMatcher, limits = DEFAULT_SCAN_LIMITS) =>
        (await findIncidentFiles([folder], matcher, limits)).map((p) => path.relative(folder, p).split(path.sep).join('/')).sort();
      assert.deepEqual(await names(new IncidentFileMatcher([], [folder])), ['a.incident.yaml', 'b.incident.yml', 'sub/c.incident.yaml']);
      assert.deepEqual(await names(new IncidentFileMatcher(['ops/*.yaml'], [folder])), ['a.incident.yaml', 'b.incident.yml', 'ops/f.yaml', 'sub/c.incident.yaml']);
      assert.equal((await names(new IncidentFileMatcher([], [folder]), { ...DEFAULT_SCAN_LIMITS, maxFiles: 2 })).length, 2);
      // Only the top folder is read with maxDirectories 1.
      assert.deepEqual(await names(new IncidentFileMatcher([], [folder]), { ...DEFAULT_SCAN_LIMITS, maxDirectories: 1 }), ['a.incident.yaml', 'b.incident.yml']);
      assert.equal(await readIncidentFile(path.join(folder, 'a.incident.yaml'), 3, 1000), undefined, 'larger than maxFileBytes');
      assert.equal((await readIncidentFile(path.join(folder, 'a.incident.yaml'), 100, 1000))?.incident?.id?.value, 'X');
      assert.equal(await readIncidentFile(path.join(folder, 'missing.incident.yaml'), 100, 1000), undefined);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
