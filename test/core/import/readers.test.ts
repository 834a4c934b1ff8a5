/**
 * The import readers, field by field, on look-alike fixtures in each source's exact shape
 * (test/data/import/), and on malformed input: a clear ImportError naming the first problem and
 * where it is, never a crash or a partial result.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ImportError, type ImportedIncident } from '../../../server/src/import/imported';
import { incidentFileName, readSource } from '../../../server/src/import/source';
import { firstJsonError } from '../../../server/src/import/json';

const DATA = path.join(__dirname, '../../data/import');
const fixture = (name: string) => fs.readFileSync(path.join(DATA, name), 'utf8');
const read = (name: string, url?: string) => readSource(fixture(name), { fileName: name, ...(url ? { url } : {}) });

function importError(run: () => unknown): { message: string; position: string | undefined } {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof ImportError, `not an ImportError: ${String(error)}`);
    return { message: error.message, position: error.position };
  }
  assert.fail('no ImportError');
}

describe('import: Statuspage API JSON', () => {
  it('reads incidents.json: each update an event in time order, the first detected, with status, posted and component states', () => {
    const [sync, upgrade] = read('statuspage-incidents.json');
    const { updates, ...root } = sync;
    assert.deepEqual(root, {
      format: 'statuspage',
      id: 'k7w2hq9d3xyz',
      title: 'Degraded performance for Widget Sync',
      status: 'resolved',
      severity: 'major',
      service: 'Example Widgets',
      start: { utc: '2025-08-14T23:05:42.102Z' },
      end: { utc: '2025-08-15T00:11:47.301Z' },
      components: ['Widget Sync', 'API Requests'],
      sources: [{ url: 'https://status.example-widgets.test/incidents/k7w2hq9d3xyz' }],
    });
    assert.deepEqual(updates, [
      {
        at: { utc: '2025-08-14T23:05:42.102Z' },
        posted: { utc: '2025-08-14T23:11:20.000Z' },
        kind: 'detected',
        status: 'investigating',
        text: 'We are investigating reports of failed widget syncs.\n\nSome users may see stale widgets.',
        components: { 'Widget Sync': 'partial-outage', 'API Requests': 'degraded' },
        key: 'update:u1',
      },
      // Two identical updates in the same second are both real: both kept, oldest (last in the API) first.
      { at: { utc: '2025-08-14T23:31:09.000Z' }, kind: 'update', status: 'identified', text: 'Sync jobs are queued and will be processed.', key: 'update:u2a' },
      { at: { utc: '2025-08-14T23:31:09.000Z' }, kind: 'update', status: 'identified', text: 'Sync jobs are queued and will be processed.', key: 'update:u2b' },
      // An HTML body: text through the HTML parser, entities decoded, <br> a line break.
      { at: { utc: '2025-08-14T23:58:03.221Z' }, kind: 'update', status: 'monitoring', text: 'A fix has been deployed.\nWe are monitoring the results & will post again within 30 minutes.', key: 'update:u3' },
      {
        at: { utc: '2025-08-15T00:11:47.301Z' },
        kind: 'update',
        status: 'resolved',
        text: 'This incident has been resolved.',
        components: { 'Widget Sync': 'operational', 'API Requests': 'operational' },
        key: 'update:u4',
      },
    ]);
    // A postmortem is a report event without a status; impact none is severity info.
    assert.equal(upgrade.status, 'resolved');
    assert.equal(upgrade.severity, 'info');
    assert.equal(upgrade.components, undefined);
    assert.deepEqual(upgrade.updates.map((u) => [u.kind, u.status]), [['detected', 'investigating'], ['update', 'resolved'], ['report', undefined]]);
    assert.equal(upgrade.updates[2].text, 'The upgrade took longer than planned because of an index rebuild.\n\n * We will rehearse upgrades on a full-size copy.');
  });

  it('takes the page\'s time zone as the file\'s root zone, unless it is UTC or unknown', () => {
    const document = JSON.parse(fixture('statuspage-incident.json'));
    const zoneOf = (name: string) => {
      document.page.time_zone = name;
      return readSource(JSON.stringify(document), {})[0].zone;
    };
    assert.deepEqual(['America/Los_Angeles', 'US/Pacific', 'Etc/UTC', 'UTC', 'Mars/Olympus'].map(zoneOf), ['America/Los_Angeles', 'America/Los_Angeles', undefined, undefined, undefined]);
  });

  it('reads incidents/<id>.json as the same incident', () => {
    assert.deepEqual(read('statuspage-incident.json'), [read('statuspage-incidents.json')[0]]);
  });

  it('reads the older API\'s shape: a placeholder component without a state, CRLF in bodies', () => {
    const document = JSON.parse(fixture('statuspage-incident.json'));
    document.incident.incident_updates[1].affected_components = [{ name: 'No components were affected by this update.' }];
    document.incident.incident_updates[1].body = 'A fix has been deployed.\r\nWe are watching.\r\n\r\nMore soon.';
    const [read] = readSource(JSON.stringify(document), {});
    assert.deepEqual(read.components, ['Widget Sync', 'API Requests']);
    assert.equal(read.updates[3].components, undefined);
    assert.equal(read.updates[3].text, 'A fix has been deployed.\nWe are watching.\n\nMore soon.');
  });

  it('without a page, cites the shortlink; an address that is not http(s) is not cited', () => {
    const document = JSON.parse(fixture('statuspage-incident.json'));
    delete document.page;
    assert.deepEqual(readSource(JSON.stringify(document), {})[0].sources, [{ url: 'https://stspg.io/x7k2m9q' }]);
    document.incident.shortlink = 'javascript:alert(1)';
    assert.deepEqual(readSource(JSON.stringify(document), {})[0].sources, []);
    assert.equal(readSource(JSON.stringify(document), {})[0].service, undefined);
  });

  it('names a missing or mistyped field by its JSON path', () => {
    const document = JSON.parse(fixture('statuspage-incidents.json'));
    delete document.incidents[0].incident_updates[2].created_at;
    assert.deepEqual(importError(() => readSource(JSON.stringify(document), {})), {
      message: '`$.incidents[0].incident_updates[2].created_at` is missing (a string expected)',
      position: '$.incidents[0].incident_updates[2].created_at',
    });
    document.incidents[0].incident_updates[2].created_at = 'yesterday';
    assert.equal(importError(() => readSource(JSON.stringify(document), {})).message, '`$.incidents[0].incident_updates[2].created_at` is not a time with an offset: `yesterday`');
    document.incidents[0].incident_updates[2].created_at = '2025-08-14T23:31:09.000Z';
    document.incidents[1].incident_updates[0].affected_components = [{ name: 'X', new_status: 'on_fire' }];
    assert.equal(
      importError(() => readSource(JSON.stringify(document), {})).message,
      '`$.incidents[1].incident_updates[0].affected_components[0].new_status` is `on_fire`, not a component state this reader knows (operational, degraded_performance, partial_outage, major_outage, under_maintenance)',
    );
    document.incidents = {};
    assert.equal(importError(() => readSource(JSON.stringify(document), { from: 'statuspage' })).message, '`$.incidents` is an object, not a list');
  });

  it('reports a JSON syntax error at its line and column', () => {
    const text = fixture('statuspage-incident.json').replace('"name": "Degraded performance for Widget Sync",', '"name": "Degraded performance for Widget Sync"');
    assert.deepEqual(importError(() => readSource(text, {})), {
      message: 'The Statuspage document is not valid JSON: unexpected "\\"status\\": \\"r"',
      position: 'line 12, column 5',
    });
  });
});

describe('import: Statuspage history.atom', () => {
  it('reads each entry as an incident, the year of each stamp from the entry, across a new year', () => {
    const [newYear] = read('statuspage-history.atom');
    assert.equal(newYear.id, 'r2d2c3po4abc');
    assert.equal(newYear.title, 'Login failures over the new year');
    assert.equal(newYear.service, 'Example Widgets');
    assert.equal(newYear.status, 'resolved');
    assert.deepEqual(newYear.sources, [{ url: 'https://status.example-widgets.test/incidents/r2d2c3po4abc' }]);
    assert.deepEqual(newYear.start, { utc: '2025-12-31T23:40:00.000Z', written: 'Dec 31, 23:40 UTC' });
    assert.deepEqual(newYear.end, { utc: '2026-01-01T00:40:00.000Z', written: 'Jan 1, 00:40 UTC' });
    assert.deepEqual(newYear.updates.map((u) => [u.at.utc, u.kind, u.status, u.text]), [
      ['2025-12-31T23:40:00.000Z', 'detected', 'investigating', 'Some users cannot log in.'],
      // "Update" announces no status; two identical updates in one minute are both kept.
      ['2025-12-31T23:52:00.000Z', 'update', undefined, 'We are still working on it.'],
      ['2025-12-31T23:52:00.000Z', 'update', undefined, 'We are still working on it.'],
      ['2026-01-01T00:40:00.000Z', 'update', 'resolved', 'Logins work again. See our notes [https://blog.example-widgets.test/ny].'],
    ]);
    const keys = newYear.updates.map((u) => u.key);
    assert.equal(new Set(keys).size, keys.length);
  });

  it('reads PST and PDT stamps across the spring-forward change as Pacific wall times with their instants', () => {
    const exports = read('statuspage-history.atom')[1];
    assert.deepEqual(exports.updates.map((u) => u.at), [
      { utc: '2025-03-09T09:50:00.000Z', local: '2025-03-09T01:50', zone: 'America/Los_Angeles', written: 'Mar 9, 01:50 PST' },
      { utc: '2025-03-09T11:05:00.000Z', local: '2025-03-09T04:05', zone: 'America/Los_Angeles', written: 'Mar 9, 04:05 PDT' },
    ]);
  });

  it('refuses a feed without entries, and a stamp it cannot read, with the line and column', () => {
    assert.deepEqual(importError(() => readSource('<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n</feed><entry', { from: 'statuspage' })), {
      message: 'The feed has no <entry>: there is no incident in it',
      position: 'line 2, column 1',
    });
    const text = fixture('statuspage-history.atom').replace('&lt;/var&gt; PST', '&lt;/var&gt; XYZ');
    assert.deepEqual(importError(() => readSource(text, {})), {
      message: 'entry[1]: the update stamp `Mar 9, 01:50 XYZ` is not of the form "Aug 14, 23:11 UTC"',
      position: 'line 25, column 5',
    });
  });
});

describe('import: Google Cloud incidents.json', () => {
  it('reads begin, end, updates, products as components with the impact as their state, locations as regions', () => {
    const [queue, storage] = read('gcp-incidents.json');
    const { updates, ...root } = queue;
    assert.deepEqual(root, {
      format: 'gcp',
      id: 'Qw3rTy7uIoP9aSdF1gHj',
      title: 'Elevated error rates for Example Queue in us-east9',
      status: 'resolved',
      severity: 'major',
      service: 'Example Queue',
      regions: ['Northern Example (us-east9)'],
      start: { utc: '2025-10-29T15:20:00.000Z' },
      end: { utc: '2025-10-29T17:05:00.000Z' },
      components: ['Example Queue'],
      sources: [{ url: 'https://status.cloud.google.com/incidents/Qw3rTy7uIoP9aSdF1gHj' }],
    });
    assert.deepEqual(updates.map((u) => [u.at.utc, u.kind, u.status, u.components]), [
      ['2025-10-29T15:41:12.000Z', 'detected', undefined, { 'Example Queue': 'partial-outage' }],
      ['2025-10-29T16:10:00.000Z', 'update', undefined, { 'Example Queue': 'major-outage' }],
      ['2025-10-29T17:12:40.000Z', 'update', 'resolved', { 'Example Queue': 'operational' }],
    ]);
    // Markdown is text: kept as written.
    assert.match(updates[2].text, /^The issue with \*\*Example Queue\*\* has been resolved/);
    // "We will provide an update by …": the promise, in the words of the text, for late-update to check.
    assert.deepEqual(updates.map((u) => u.nextUpdate), [
      undefined,
      { local: '2025-10-29T10:00', zone: 'America/Los_Angeles', written: 'Wednesday, 2025-10-29 10:00 US/Pacific' },
      undefined,
    ]);
    assert.deepEqual([storage.status, storage.severity, storage.end, storage.regions], ['investigating', 'info', undefined, ['Global']]);
  });

  it('joins a heading broken over lines, and takes most_recent_update when a copy has no updates list', () => {
    const list = JSON.parse(fixture('gcp-incidents.json'));
    list[1].external_desc = 'Example Storage listing\n is slow';
    delete list[1].updates;
    const [, storage] = readSource(JSON.stringify(list), {});
    assert.equal(storage.title, 'Example Storage listing is slow');
    assert.deepEqual(storage.updates.map((u) => [u.at.utc, u.kind, u.text]), [['2025-11-02T08:30:00.000Z', 'detected', 'Listing objects is slow in some regions.']]);
    list[1].most_recent_update.status = 'ON_FIRE';
    assert.equal(importError(() => readSource(JSON.stringify(list), {})).position, '$[1].most_recent_update.status');
  });

  it('refuses an update status it does not know, by its path', () => {
    const text = fixture('gcp-incidents.json').replace('"SERVICE_DISRUPTION"', '"SERVICE_ON_FIRE"');
    assert.equal(importError(() => readSource(text, {})).position, '$[0].updates[2].status');
  });
});

describe('import: Apple System Status', () => {
  it('reads each event of each service, with the epochs as instants and the page\'s own date words', () => {
    const [mail, maps] = read('apple-system_status_en_US.js', 'https://www.apple.com/support/systemstatus/data/system_status_en_US.js');
    assert.deepEqual(mail, {
      format: 'apple',
      id: '1000000123',
      title: 'Example Mail: Outage',
      status: 'resolved',
      severity: 'major',
      service: 'Example Mail',
      impact: 'Some users were affected',
      start: { utc: '2025-11-03T19:00:00.000Z', written: '11/03/2025 11:00 PST' },
      end: { utc: '2025-11-03T21:00:00.000Z', written: '11/03/2025 13:00 PST' },
      components: ['Example Mail', 'Example Photos'],
      sources: [{ url: 'https://www.apple.com/support/systemstatus/data/system_status_en_US.js' }],
      updates: [{
        at: { utc: '2025-11-03T19:00:00.000Z', written: '11/03/2025 11:00 PST' },
        posted: { utc: '2025-11-03T20:35:00.000Z', written: '11/03/2025 12:35 PST' },
        kind: 'detected',
        status: 'resolved',
        text: 'Users were unable to sync example mail.',
        key: 'message:1000000123',
      }],
    });
    assert.deepEqual([maps.status, maps.end, maps.severity], ['investigating', undefined, 'minor']);
  });

  it('keeps Japanese text as it is, and reads the year-first JST stamp', () => {
    const [mail] = read('apple-system_status_ja_JP.js');
    assert.equal(mail.title, '例のメール: Outage');
    assert.equal(mail.impact, '一部のユーザが影響を受けました');
    assert.equal(mail.updates[0].text, 'ユーザが「例のメール」を同期できませんでした。');
    assert.deepEqual(mail.updates[0].posted, { utc: '2025-11-03T20:35:00.000Z', written: '2025/11/04 05:35 JST' });
  });

  it('places a JSON error inside the wrapper at its line and column in the file', () => {
    const text = fixture('apple-system_status_en_US.js').replace('"drpost":false,', '"drpost":false,,');
    assert.deepEqual(importError(() => readSource(text, {})), {
      message: 'The Apple status file is not valid JSON: unexpected ",\\"drMessage\\""',
      position: 'line 1, column 30',
    });
    assert.equal(importError(() => readSource('jsonCallback({"services":[], "serviceName": 1}', { from: 'apple' })).message, 'The Apple status file does not end with `)` or `);`');
  });
});

describe('import: Slack status history', () => {
  it('reads incidents with their notes as updates, services as components, the last note as the end', () => {
    const [channels, notice] = read('slack-history.json');
    const { updates, ...root } = channels;
    assert.deepEqual(root, {
      format: 'slack',
      id: '4242',
      title: 'Some users may have trouble loading example channels',
      status: 'resolved',
      severity: 'minor',
      service: 'Slack',
      start: { utc: '2025-09-16T14:56:35.000Z' },
      end: { utc: '2025-09-16T16:40:10.000Z' },
      components: ['Messaging', 'Connectivity'],
      sources: [{ url: 'https://slack-status.com/2025-09/0a1b2c3d4e5f' }],
    });
    assert.deepEqual(updates.map((u) => [u.at.utc, u.kind, u.text]), [
      ['2025-09-16T14:56:35.000Z', 'detected', 'Some users may see errors when loading channels. We\'re on it.'],
      ['2025-09-16T15:20:00.000Z', 'update', 'We\'re still looking into this and will update you as soon as we know more.'],
      ['2025-09-16T16:40:10.000Z', 'update', 'We\'ve fixed the issue. Channels load normally again.'],
    ]);
    // No notes yet: the title stands as the one update.
    assert.deepEqual(notice.updates.map((u) => [u.kind, u.text]), [['detected', 'Example notice with no notes yet']]);
    assert.equal(notice.status, 'investigating');
  });

  it('takes an id written as a number or a string, and names any other by its path', () => {
    const list = JSON.parse(fixture('slack-history.json'));
    list[1].id = 'n-17';
    assert.deepEqual(readSource(JSON.stringify(list), {}).map((i) => i.id), ['4242', 'n-17']);
    list[1].id = true;
    assert.deepEqual(importError(() => readSource(JSON.stringify(list), {})), { message: '`$[1].id` is true or false, not a string or a number', position: '$[1].id' });
  });
});

describe('import: format detection and file names', () => {
  it('recognises each fixture without --from', () => {
    const formats = Object.fromEntries(fs.readdirSync(DATA).filter((f) => !f.endsWith('.md')).map((f) => [f, read(f)[0].format]));
    assert.deepEqual(formats, {
      'apple-system_status_en_US.js': 'apple',
      'apple-system_status_ja_JP.js': 'apple',
      'gcp-incidents.json': 'gcp',
      'slack-history.json': 'slack',
      'statuspage-history.atom': 'statuspage',
      'statuspage-incident.json': 'statuspage',
      'statuspage-incidents.json': 'statuspage',
    });
  });

  it('says which formats it tried when none fits, and refuses empty input', () => {
    assert.match(importError(() => readSource('{"hello": 1}', {})).message, /^The source is not in a format this command recognises \(tried statuspage, gcp, apple, slack.*\); name one with --from\.$/);
    assert.equal(importError(() => readSource('  \n', {})).message, 'The source is empty.');
  });

  it('names files by id, else by start date and title, with nothing a file system would refuse', () => {
    const base: ImportedIncident = { format: 'slack', title: 'Login / SSO: "down"', status: 'resolved', start: { utc: '2025-09-16T14:56:35.000Z' }, sources: [], updates: [] };
    assert.equal(incidentFileName({ ...base, id: '4242' }), '4242.incident.yaml');
    assert.equal(incidentFileName({ ...base, id: '../../etc/passwd' }), 'etc-passwd.incident.yaml');
    assert.equal(incidentFileName(base), '2025-09-16-login-sso-down.incident.yaml');
    assert.equal(incidentFileName({ ...base, title: 'ログイン障害' }), '2025-09-16-ログイン障害.incident.yaml');
  });

  it('finds the first character that makes a text invalid JSON', () => {
    assert.deepEqual(['{"a":}', '{"a":1', '[1,]', '"\\x"', '{"a":1} 2', 'tru'].map(firstJsonError), [5, 6, 3, 2, 8, 3]);
  });
});
