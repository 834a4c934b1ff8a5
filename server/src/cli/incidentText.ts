/**
 * Reading an incident file for the CLI, bounded: a path may name anything (a FIFO, /dev/zero, a
 * 50 GB log renamed *.incident.yaml), and only a regular file's first characters are needed.
 */
import * as fs from 'node:fs';
import { t } from '../core/l10n';

/** A file that is there but is not read: a folder, a FIFO, a device. The message says why. */
export class NotRegularFile extends Error {}

export interface IncidentText {
  /**
   * The text as an editor shows it (UTF-8, a leading byte order mark removed so that columns
   * match what the editor counts); when not `complete`, only its first maxLength + 1 characters.
   */
  readonly text: string;
  /** False when the file is longer than maxLength characters and reading stopped there. */
  readonly complete: boolean;
  /** Which file was read, to tell it apart from where output goes. */
  readonly file: { readonly dev: number; readonly ino: number };
}

const CHUNK_BYTES = 64 * 1024;
/** UTF-8 takes at most 3 bytes per UTF-16 code unit; a BOM and one cut sequence add up to 6. */
const BYTES_PER_UNIT = 3;
const SLACK_BYTES = 6;

/** Reads `absolute` if it is a regular file, stopping once more than maxLength characters are in. */
export function readIncidentText(absolute: string, maxLength: number): IncidentText {
  // Non-blocking open: a FIFO would otherwise wait here for a writer before fstat could refuse it.
  const fd = fs.openSync(absolute, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    // fstat on the open file, not stat on the path: the file read is the file checked.
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw new NotRegularFile(t('is a folder'));
    if (!stat.isFile()) throw new NotRegularFile(t('is not a regular file'));
    const file = { dev: stat.dev, ino: stat.ino };
    // TextDecoder drops a leading BOM and keeps a sequence cut between two reads whole.
    const decoder = new TextDecoder('utf-8');
    const buffer = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, BYTES_PER_UNIT * (maxLength + 1) + SLACK_BYTES));
    const parts: string[] = [];
    let length = 0;
    for (;;) {
      const wanted = Math.min(buffer.length, BYTES_PER_UNIT * (maxLength + 1 - length) + SLACK_BYTES);
      const read = fs.readSync(fd, buffer, 0, wanted, null);
      const part = read === 0 ? decoder.decode() : decoder.decode(buffer.subarray(0, read), { stream: true });
      parts.push(part);
      length += part.length;
      if (length > maxLength) return { text: parts.join('').slice(0, maxLength + 1), complete: false, file };
      if (read === 0) return { text: parts.join(''), complete: true, file };
    }
  } finally {
    fs.closeSync(fd);
  }
}
