/** The custom request `incident/timeline` (common/protocol.ts) on the flagship example. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, useLspClient } from './lspClient';
import { BROKEN } from './fixtures';

const FLAGSHIP = readFileSync(path.join(REPO_ROOT, 'examples/exchange-online-2019-11-19.incident.yaml'), 'utf8');

describe('server: incident/timeline', function () {
  this.timeout(60_000);
  const server = useLspClient({ pull: true });

  it('answers the model of the flagship example with ISO UTC times and source ranges', async () => {
    const client = server();
    const uri = 'file:///tmp/timeline/exchange.incident.yaml';
    client.open(uri, FLAGSHIP, 7);
    const model = await client.timeline(uri);
    assert.ok(model && model.incident);
    assert.equal(model.uri, uri);
    assert.equal(model.version, 7);
    assert.deepEqual(model.problems, { errors: 0, warnings: 0 });
    const { incident } = model;
    assert.equal(incident.id, 'EX196121');
    assert.equal(incident.title, 'Problems receiving mail');
    assert.equal(incident.status, 'resolved');
    assert.deepEqual(incident.regions, ['Australia', 'Japan', 'India']);
    assert.equal(incident.range.start.line, 4);
    assert.equal(incident.start?.utc, '2019-11-19T01:40:00.000Z');
    assert.deepEqual(incident.start?.range.start, { line: 13, character: 2 });
    assert.equal(incident.end?.utc, '2019-11-19T11:50:00.000Z');
    assert.deepEqual(incident.end?.range.start, { line: 17, character: 2 });
    assert.deepEqual(model.events.map((e) => [e.index, e.kind, e.at?.utc, e.at?.range.start, e.range.start.line]), [
      [0, 'detected', '2019-11-19T01:40:00.000Z', { line: 37, character: 6 }, 36],
      [1, 'resolved', '2019-11-19T11:50:00.000Z', { line: 44, character: 6 }, 43],
    ]);
    assert.match(model.events[1].text ?? '', /^The configuration change is rolled back/);
  });

  it('follows edits, counts problems, and answers null for documents it does not know', async () => {
    const client = server();
    const uri = 'file:///tmp/timeline/broken.incident.yaml';
    client.open(uri, BROKEN, 1);
    const model = await client.timeline(uri);
    assert.deepEqual(model?.problems, { errors: 1, warnings: 1 });
    client.edit(uri, { start: { line: 1, character: 7 }, end: { line: 1, character: 11 } }, 'Renamed');
    const edited = await client.timeline(uri);
    assert.equal(edited?.version, 2);
    assert.equal(edited?.incident?.title, 'Renamed');
    assert.equal(await client.timeline('file:///tmp/timeline/never-opened.incident.yaml'), null);
    client.open('file:///tmp/timeline/root-list.incident.yaml', '- a\n- b\n', 1);
    const notAnIncident = await client.timeline('file:///tmp/timeline/root-list.incident.yaml');
    assert.equal(notAnIncident?.incident, undefined);
    assert.deepEqual(notAnIncident?.events, []);
  });
});
