/** The CLI's bounded read: whole characters across chunks, the BOM not counted, the cut at maxLength + 1. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NotRegularFile, readIncidentText } from '../../server/src/cli/incidentText';

describe('cli: readIncidentText', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'incident-read-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const file = (text: string) => {
    const absolute = path.join(dir, 'a.incident.yaml');
    fs.writeFileSync(absolute, text);
    return absolute;
  };

  it('reads a file of exactly maxLength characters whole, multi-byte and surrogate pairs across chunk edges', () => {
    // 3-byte and 4-byte sequences, so chunk edges fall inside characters.
    const text = 'id: 日本\n' + '日😀'.repeat(40_000);
    const read = readIncidentText(file('\ufeff' + text), text.length);
    assert.deepEqual([read.complete, read.text === text], [true, true]);
  });

  it('stops one character past maxLength and says the text is not complete', () => {
    const text = 'id: 日本\n' + '日😀'.repeat(40_000);
    const read = readIncidentText(file(text), 1000);
    assert.deepEqual([read.complete, read.text], [false, text.slice(0, 1001)]);
  });

  it('names the file it read by device and inode', () => {
    const absolute = file('id: A\n');
    const stat = fs.statSync(absolute);
    assert.deepEqual(readIncidentText(absolute, 100).file, { dev: stat.dev, ino: stat.ino });
  });

  it('refuses a folder', () => {
    assert.throws(() => readIncidentText(dir, 100), (error) => error instanceof NotRegularFile && error.message === 'is a folder');
  });
});
