/**
 * The one walker of folders for incident files (cli/fileWalker), shared by `check` and the
 * language server's scan: names, links, folders it cannot read, cancellation.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { INCIDENT_FILE_GLOBS, isIncidentFileName, walkIncidentFiles } from '../../server/src/cli/fileWalker';

describe('cli: the incident file walker', () => {
  let folder: string;
  const relative = (files: readonly string[]) => files.map((p) => path.relative(folder, p).split(path.sep).join('/')).sort();

  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'incident-walk-'));
    for (const name of ['a.incident.yaml', 'B.INCIDENT.YML', 'notes.yaml', 'incident.yaml', 'sub/deeper/c.incident.yml', 'node_modules/d.incident.yaml', '.git/e.incident.yaml']) {
      mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
      writeFileSync(path.join(folder, name), 'id: X\n');
    }
  });

  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('knows incident files by name, as paths and as watcher globs', () => {
    assert.equal(isIncidentFileName('/ws/a.incident.yaml'), true);
    assert.equal(isIncidentFileName('b.Incident.Yml'), true);
    assert.equal(isIncidentFileName('incident.yaml'), false);
    assert.equal(isIncidentFileName('a.incident.yaml.bak'), false);
    assert.deepEqual(INCIDENT_FILE_GLOBS, ['**/*.incident.yaml', '**/*.incident.yml']);
  });

  it('finds incident files below, skipping node_modules and .git; links to files only when asked', async () => {
    symlinkSync(path.join(folder, 'a.incident.yaml'), path.join(folder, 'link.incident.yaml'));
    // A link to a folder is never followed (a link to its own parent would loop).
    symlinkSync(folder, path.join(folder, 'sub/loop'));
    assert.deepEqual(relative(await walkIncidentFiles([folder])), ['B.INCIDENT.YML', 'a.incident.yaml', 'sub/deeper/c.incident.yml']);
    assert.deepEqual(relative(await walkIncidentFiles([folder], { fileLinks: true })), ['B.INCIDENT.YML', 'a.incident.yaml', 'link.incident.yaml', 'sub/deeper/c.incident.yml']);
  });

  it('reports folders it cannot read and goes on', async () => {
    const unreadable: string[] = [];
    const missing = path.join(folder, 'gone');
    const found = await walkIncidentFiles([missing, folder], { unreadable: (where, error) => unreadable.push(`${path.basename(where)} ${(error as NodeJS.ErrnoException).code}`) });
    assert.deepEqual(unreadable, ['gone ENOENT']);
    assert.equal(found.length, 3);
  });

  it('stops when cancelled, with what it found so far', async () => {
    let polls = 0;
    const found = await walkIncidentFiles([folder], { cancelled: () => ++polls > 1 });
    // Only the top folder was read before the second poll.
    assert.deepEqual(relative(found), ['B.INCIDENT.YML', 'a.incident.yaml']);
  });
});
