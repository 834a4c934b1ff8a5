/**
 * Fetching import sources: against a server on the loopback address that the test starts, with
 * the test-only permission for plain http to 127.0.0.1 (the command line never sets it).
 */
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FETCH_LIMITS, FetchError, fetchSource, type FetchLimits } from '../../server/src/import/fetch';

async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof FetchError, String(error));
    return error.message;
  }
  assert.fail('no FetchError');
}

describe('import: fetching a source', () => {
  let server: http.Server;
  let base: string;
  const limits: FetchLimits = { timeoutMs: 5_000, maxBytes: 1_000, maxRedirects: 2, allowLoopbackHttp: true };

  before(async () => {
    server = http.createServer((request, response) => {
      const url = request.url ?? '/';
      if (url === '/incidents.json') return void response.end('\uFEFF{"incidents": []}');
      if (url.startsWith('/hop/')) {
        const n = Number(url.slice(5));
        response.writeHead(302, { location: n > 0 ? `/hop/${n - 1}` : '/incidents.json' });
        return void response.end();
      }
      if (url === '/away') {
        response.writeHead(301, { location: 'http://example.test/incidents.json' });
        return void response.end();
      }
      if (url === '/big') return void response.end('x'.repeat(5_000));
      if (url === '/stream') {
        // No length announced: the cap must stop the reading itself.
        response.writeHead(200, { 'transfer-encoding': 'chunked' });
        for (let i = 0; i < 10; i++) response.write('y'.repeat(500));
        return void response.end();
      }
      if (url === '/slow') return; // never answers
      response.writeHead(404);
      response.end('not here');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  it('returns the text, without a byte order mark, after redirects', async () => {
    assert.deepEqual(await fetchSource(`${base}/incidents.json`, limits), { text: '{"incidents": []}', url: `${base}/incidents.json` });
    assert.deepEqual(await fetchSource(`${base}/hop/1`, limits), { text: '{"incidents": []}', url: `${base}/incidents.json` });
  });

  it('stops at the redirect limit, at the size cap (announced or not), on an error status and at the deadline', async () => {
    assert.equal(await rejection(fetchSource(`${base}/hop/2`, limits)), `${base}/hop/2: more than 2 redirects`);
    assert.equal(await rejection(fetchSource(`${base}/big`, limits)), `${base}/big is larger than 1000 bytes`);
    assert.equal(await rejection(fetchSource(`${base}/stream`, limits)), `${base}/stream is larger than 1000 bytes`);
    assert.equal(await rejection(fetchSource(`${base}/missing`, limits)), `${base}/missing answered HTTP 404`);
    assert.equal(await rejection(fetchSource(`${base}/slow`, { ...limits, timeoutMs: 200 })), `${base}/slow did not answer within 0.2 seconds`);
  });

  it('refuses anything but https without the test permission, and a redirect away from https or loopback', async () => {
    assert.equal(await rejection(fetchSource(`${base}/incidents.json`)), `only https:// addresses are fetched, not \`${base}/incidents.json\``);
    assert.equal(FETCH_LIMITS.allowLoopbackHttp, undefined);
    assert.equal(await rejection(fetchSource('file:///etc/passwd', limits)), 'only https:// addresses are fetched, not `file:///etc/passwd`');
    assert.equal(await rejection(fetchSource('http://localhost:1/x', limits)), 'only https:// addresses are fetched, not `http://localhost:1/x`');
    assert.equal(await rejection(fetchSource(`${base}/away`, limits)), 'only https:// addresses are fetched, not `http://example.test/incidents.json`');
    assert.equal(await rejection(fetchSource('not a url', limits)), '`not a url` is not a web address');
  });

  it('leaves no timer behind when it refuses an address (the command would wait out the deadline)', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    // Counted after a tick, once mocha has set its own timer for this test.
    await new Promise((resolve) => setImmediate(resolve));
    const before = timers();
    await rejection(fetchSource('http://status.example.test/x.json'));
    assert.equal(timers(), before);
  });
});
