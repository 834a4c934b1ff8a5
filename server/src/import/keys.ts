/** Identities for updates that have no id in their source, so a re-import finds them again. */
import { createHash } from 'node:crypto';

/** A short, stable digest of a text. */
export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 10);
}

/** 1 for the first time `name` is counted in `seen`, 2 the next…: tells identical updates apart. */
export function occurrence(seen: Map<string, number>, name: string): number {
  const count = (seen.get(name) ?? 0) + 1;
  seen.set(name, count);
  return count;
}
