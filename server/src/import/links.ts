/** Web addresses taken from a source: only http(s) ones reach a file's `sources` and `source`. */

/** `text` (resolved against `base`) as a web address, or undefined when it is not an http(s) one. */
export function webAddress(text: string | undefined, base?: string): string | undefined {
  if (text === undefined) return undefined;
  try {
    const url = new URL(text, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
