/**
 * The writer: an imported incident as a new incident file, in the examples' style, that checks
 * clean. Files here use only keys the checker knows today (utc/jst pairs, status, posted,
 * next_update, components); `local`, `zone`, `written` and `approx` are issue 10's.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseIncident } from '../../../server/src/core';
import type { ImportedIncident } from '../../../server/src/import/imported';
import { readSource } from '../../../server/src/import/source';
import { fingerprint, readImportComment, timeValue, writeIncident, type FieldValue } from '../../../server/src/import/writer';

const DATA = path.join(__dirname, '../../data/import');

/** The fingerprints part of an `# import:` comment for these keys and values, in this order. */
const prints = (values: Record<string, FieldValue>) => Object.entries(values).map(([k, v]) => `${k}=${fingerprint(v)}`).join(' ');
const pair1 = { utc: '2019-11-19T01:40Z', jst: '2019-11-19T10:40' };

describe('import: the writer', () => {
  it('writes the whole file: header, keys in the format\'s order, pairs, event keys, the import comments', () => {
    const incident: ImportedIncident = {
      format: 'statuspage',
      id: 'abc123',
      title: 'Pushes fail: "remote hung up"',
      status: 'monitoring',
      severity: 'minor',
      service: 'Example Git',
      components: ['Git Operations', 'Webhooks'],
      start: { utc: '2019-11-19T01:40:00.000Z' },
      sources: [{ url: 'https://status.example.test/incidents/abc123', title: 'Example status' }],
      updates: [
        {
          at: { utc: '2019-11-19T01:52:00.000Z' },
          posted: { utc: '2019-11-19T02:05:30.250Z' },
          nextUpdate: { utc: '2019-11-19T02:35:00.000Z' },
          kind: 'detected',
          status: 'investigating',
          components: { 'Git Operations': 'partial-outage', Webhooks: 'degraded' },
          text: 'We are investigating failing pushes.',
          key: 'update:1',
        },
        { at: { utc: '2019-11-19T02:30:00.000Z' }, kind: 'update', status: 'monitoring', components: { 'Git Operations': 'operational' }, text: 'A fix is deployed.\n\nWebhooks are catching up.', source: 'https://status.example.test/incidents/abc123#u2', key: 'update:2' },
      ],
    };
    const text = writeIncident(incident);
    assert.equal(text, [
      '# Imported from https://status.example.test/incidents/abc123 by incident-timeline import.',
      '# Importing a newer copy merges into this file and keeps your edits; the "import:" comments',
      '# are how it recognises the updates it wrote: leave them in place.',
      `# import: statuspage%3Aabc123 ${prints({ id: 'abc123', title: 'Pushes fail: "remote hung up"', status: 'monitoring', severity: 'minor', service: 'Example Git', start: pair1, components: ['Git Operations', 'Webhooks'] })}`,
      '',
      'id: abc123',
      'title: \'Pushes fail: "remote hung up"\'',
      'status: monitoring',
      'severity: minor',
      'service: Example Git',
      'start:',
      '  utc: 2019-11-19T01:40Z',
      '  jst: 2019-11-19T10:40',
      'components:',
      '  - Git Operations',
      '  - Webhooks',
      'sources:',
      '  - url: https://status.example.test/incidents/abc123',
      '    title: Example status',
      'timeline:',
      `  # import: update%3A1 ${prints({
        at: { utc: '2019-11-19T01:52Z', jst: '2019-11-19T10:52' },
        posted: { utc: '2019-11-19T02:05:30Z', jst: '2019-11-19T11:05:30' },
        kind: 'detected',
        status: 'investigating',
        next_update: { utc: '2019-11-19T02:35Z', jst: '2019-11-19T11:35' },
        components: { 'Git Operations': 'partial-outage', Webhooks: 'degraded' },
        event: 'We are investigating failing pushes.',
      })}`,
      '  - at:',
      '      utc: 2019-11-19T01:52Z',
      '      jst: 2019-11-19T10:52',
      '    posted:',
      '      utc: 2019-11-19T02:05:30Z',
      '      jst: 2019-11-19T11:05:30',
      '    kind: detected',
      '    status: investigating',
      '    next_update:',
      '      utc: 2019-11-19T02:35Z',
      '      jst: 2019-11-19T11:35',
      '    components: {Git Operations: partial-outage, Webhooks: degraded}',
      '    event: We are investigating failing pushes.',
      `  # import: update%3A2 ${prints({
        at: { utc: '2019-11-19T02:30Z', jst: '2019-11-19T11:30' },
        kind: 'update',
        status: 'monitoring',
        components: { 'Git Operations': 'operational' },
        source: 'https://status.example.test/incidents/abc123#u2',
        event: 'A fix is deployed.\n\nWebhooks are catching up.',
      })}`,
      '  - at:',
      '      utc: 2019-11-19T02:30Z',
      '      jst: 2019-11-19T11:30',
      '    kind: update',
      '    status: monitoring',
      '    components: {Git Operations: operational}',
      '    source: https://status.example.test/incidents/abc123#u2',
      '    event: |-',
      '      A fix is deployed.',
      '',
      '      Webhooks are catching up.',
      '',
    ].join('\n'));
    assert.deepEqual(parseIncident(text).diagnostics, []);
  });

  it('writes every fixture\'s incidents as files that check clean (the sources with instants only), but for what the source says itself', () => {
    // Google Cloud's 09:10 PDT update promises the next "by Wednesday, 2025-10-29 10:00 US/Pacific";
    // the next came at 10:12:40 PDT. Read from the text into next_update, the promise is checked.
    const expected: Record<string, string[]> = {
      'gcp-incidents.json Qw3rTy7uIoP9aSdF1gHj': ['late-update: Event 3 was published at 2025-10-30 02:12:40 JST, 12m 40s later than event 2 promised the next update (2025-10-30 02:00 JST).'],
    };
    for (const name of ['statuspage-incidents.json', 'statuspage-incident.json', 'gcp-incidents.json', 'slack-history.json']) {
      for (const incident of readSource(fs.readFileSync(path.join(DATA, name), 'utf8'), {})) {
        const diagnostics = parseIncident(writeIncident(incident)).diagnostics.map((d) => `${d.code}: ${d.message}`);
        assert.deepEqual(diagnostics, expected[`${name} ${incident.id}`] ?? [], `${name} ${incident.id}`);
      }
    }
  });

  it('writes times in the zone\'s own key: a pair for an instant, local and zone for a wall time elsewhere, written and approx kept', () => {
    assert.deepEqual(timeValue({ utc: '2019-11-19T01:40:00Z', written: 'Tuesday, November 19, 2019, 10:40 AM (1:40 AM UTC)' }, undefined), {
      utc: '2019-11-19T01:40Z', jst: '2019-11-19T10:40', written: 'Tuesday, November 19, 2019, 10:40 AM (1:40 AM UTC)',
    });
    assert.deepEqual(timeValue({ local: '2021-01-04T18:55', zone: 'America/Los_Angeles', utc: '2021-01-05T02:55:00Z' }, undefined), {
      local: '2021-01-04T18:55', zone: 'America/Los_Angeles', utc: '2021-01-05T02:55Z',
    });
    // The root zone is not repeated in each time.
    assert.deepEqual(timeValue({ local: '2021-01-04T18:55', zone: 'America/Los_Angeles' }, 'America/Los_Angeles'), { local: '2021-01-04T18:55' });
    assert.deepEqual(timeValue({ local: '2022-07-02T01:35', zone: 'Asia/Tokyo', approx: true, written: '2022年7月2日（土）1時35分頃' }, undefined), {
      jst: '2022-07-02T01:35', approx: true, written: '2022年7月2日（土）1時35分頃',
    });
    assert.deepEqual(timeValue({ date: '2021-06-08', zone: 'UTC' }, undefined), { utc: '2021-06-08' });
    assert.deepEqual(timeValue({ date: '2022-01-16', zone: 'Asia/Tokyo' }, undefined), { jst: '2022-01-16' });
    assert.deepEqual(timeValue({ date: '2021-06-08', zone: 'Europe/London' }, undefined), { local: '2021-06-08', zone: 'Europe/London' });
    // No zone anywhere: written as the source gave it, for the checker to ask for one, never guessed.
    assert.deepEqual(timeValue({ local: '2021-06-08T10:00', written: '10:00' }, undefined), { local: '2021-06-08T10:00', written: '10:00' });
  });

  it('fingerprints values whatever their key order, and reads its own comments back', () => {
    assert.equal(fingerprint({ utc: 'a', jst: 'b' }), fingerprint({ jst: 'b', utc: 'a' }));
    assert.notEqual(fingerprint('resolved'), fingerprint('monitoring'));
    assert.notEqual(fingerprint(['a', 'b']), fingerprint(['b', 'a']));
    assert.match(fingerprint('x'), /^[0-9a-f]{6}$/);
    assert.deepEqual(readImportComment(' import: update%3Aa%20b at=0a1b2c event=ffffff'), { key: 'update:a b', fingerprints: new Map([['at', '0a1b2c'], ['event', 'ffffff']]) });
    assert.equal(readImportComment(' a hand-written comment'), undefined);
    assert.equal(readImportComment(' import: %E0%A4%A at=0a1b2c'), undefined);
  });
});
