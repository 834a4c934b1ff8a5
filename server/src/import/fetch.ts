/**
 * Fetching a source by URL: https only, with a deadline, a size cap and a limit on redirects, so
 * a URL from a notice or a script can neither hang the command nor fill the memory.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import { t } from '../core/l10n';

export interface FetchLimits {
  /** The whole fetch, redirects included. */
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly maxRedirects: number;
  /**
   * Tests only: plain http to 127.0.0.1, so a test can serve its own fixtures. The command line
   * never sets it.
   */
  readonly allowLoopbackHttp?: boolean;
}

export const FETCH_LIMITS: FetchLimits = { timeoutMs: 30_000, maxBytes: 32 * 1024 * 1024, maxRedirects: 5 };

export class FetchError extends Error {}

function checkedUrl(text: string, limits: FetchLimits): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new FetchError(t('`{0}` is not a web address', text));
  }
  const loopback = limits.allowLoopbackHttp === true && url.protocol === 'http:' && url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !loopback) throw new FetchError(t('only https:// addresses are fetched, not `{0}`', url.href));
  return url;
}

function get(url: URL, limits: FetchLimits, signal: AbortSignal): Promise<{ status: number; location?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const request = client.get(url, { signal, headers: { accept: 'application/json, application/atom+xml, text/plain, */*' } }, (response) => {
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400) {
        response.resume();
        resolve({ status, ...(response.headers.location ? { location: response.headers.location } : {}), body: '' });
        return;
      }
      const declared = Number(response.headers['content-length']);
      if (declared > limits.maxBytes) {
        response.destroy();
        reject(new FetchError(t('{0} is larger than {1} bytes', url.href, limits.maxBytes)));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limits.maxBytes) {
          response.destroy();
          reject(new FetchError(t('{0} is larger than {1} bytes', url.href, limits.maxBytes)));
          return;
        }
        chunks.push(chunk);
      });
      response.on('end', () => resolve({ status, body: Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '') }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

/** The text at an https URL, after at most maxRedirects redirects (each to https too). */
export async function fetchSource(address: string, limits: FetchLimits = FETCH_LIMITS): Promise<{ text: string; url: string }> {
  let url = checkedUrl(address, limits);
  // Only once the address is accepted: a refused one must not leave a timer holding the process.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await get(url, limits, controller.signal);
      if (response.status >= 300 && response.status < 400) {
        if (!response.location) throw new FetchError(t('{0} redirects without saying where', url.href));
        if (redirects >= limits.maxRedirects) throw new FetchError(t('{0}: more than {1} redirects', address, limits.maxRedirects));
        url = checkedUrl(new URL(response.location, url).href, limits);
        continue;
      }
      if (response.status < 200 || response.status >= 300) throw new FetchError(t('{0} answered HTTP {1}', url.href, response.status));
      return { text: response.body, url: url.href };
    }
  } catch (error) {
    if (error instanceof FetchError) throw error;
    if (controller.signal.aborted) throw new FetchError(t('{0} did not answer within {1} seconds', address, limits.timeoutMs / 1000));
    throw new FetchError(t('cannot fetch {0}: {1}', address, error instanceof Error ? error.message : String(error)));
  } finally {
    clearTimeout(timer);
  }
}
