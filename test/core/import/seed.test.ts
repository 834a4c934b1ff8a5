/**
 * The flagship's own source (test/data/notices, the text of ../shared/seed: a Japanese blog's
 * summary quoting Microsoft's final notice for EX196121), pasted whole, imports into the facts of
 * examples/exchange-online-2019-11-19.incident.yaml.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseIncident, type TimeValue } from '../../../server/src/core';
import type { ImportedTime } from '../../../server/src/import/imported';
import { noticeReader } from '../../../server/src/import/readers/notice';

const ROOT = path.join(__dirname, '..', '..', '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

const instant = (time: ImportedTime | undefined) => (time?.utc === undefined ? undefined : Date.parse(time.utc));
const epochOf = (time: TimeValue | undefined) => time?.epochMs;

describe('import: the flagship\'s source text', () => {
  const imported = noticeReader.read(read('test/data/notices/exchange-online-2019-11-19.txt'), {});
  const example = parseIncident(read('examples/exchange-online-2019-11-19.incident.yaml')).incident!;

  it('is recognised as a notice and gives one incident', () => {
    assert.equal(noticeReader.detect(read('test/data/notices/exchange-online-2019-11-19.txt')), true);
    assert.equal(imported.length, 1);
  });

  it('has the example\'s id, title, status, service, start and end', () => {
    const incident = imported[0]!;
    assert.deepEqual(
      [incident.id, incident.title, incident.status, incident.service, instant(incident.start), instant(incident.end)],
      [example.id?.value, example.title?.value, example.status?.value, example.service?.value, epochOf(example.start), epochOf(example.end)],
    );
  });

  it('has the example\'s timeline: the start of impact detected, the restoration resolved', () => {
    assert.deepEqual(
      imported[0]!.updates.map((u) => [instant(u.at), u.kind]),
      example.timeline.map((e) => [epochOf(e.at), e.kind?.value]),
    );
  });

  it('has the example\'s three next steps, its cause and its impact', () => {
    const incident = imported[0]!;
    assert.equal(incident.nextSteps?.length, example.nextSteps?.value.length);
    assert.equal(incident.cause, 'A configuration change to our infrastructure caused unexpected impact to mail flow.');
    assert.match(incident.impact ?? '', /^Users may not have received emails sent from external users\./);
  });

  it('keeps the notice\'s own phrases for start and end, as the example\'s comments quote them', () => {
    const incident = imported[0]!;
    const example = read('examples/exchange-online-2019-11-19.incident.yaml');
    assert.ok(example.includes(`# "Start time: ${incident.start?.written}"`));
    assert.ok(example.includes(`# "End time: ${incident.end?.written}"`));
  });
});
