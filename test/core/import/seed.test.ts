/**
 * The flagship's own source (test/data/notices, the text of ../shared/seed: a Japanese blog's
 * summary quoting Microsoft's final notice for EX196121), pasted whole, imports into a file equal
 * in its facts to examples/exchange-online-2019-11-19.incident.yaml: read, written by the import
 * writer, and read back by the checker as any incident file is.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseIncident, type Incident, type TimeValue } from '../../../server/src/core';
import { noticeReader } from '../../../server/src/import/readers/notice';
import { writeIncident } from '../../../server/src/import/writer';

const ROOT = path.join(__dirname, '..', '..', '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const SOURCE = read('test/data/notices/exchange-online-2019-11-19.txt');
const EXAMPLE = 'examples/exchange-online-2019-11-19.incident.yaml';

const epochOf = (time: TimeValue | undefined) => time?.epochMs;

/** Every fact the notice states, as the checker reads it from a file. */
function facts(incident: Incident) {
  return {
    id: incident.id?.value,
    title: incident.title?.value,
    status: incident.status?.value,
    service: incident.service?.value,
    start: epochOf(incident.start),
    end: epochOf(incident.end),
    timeline: incident.timeline.map((e) => [epochOf(e.at), e.kind?.value]),
    nextSteps: incident.nextSteps?.value.length,
    hasImpact: incident.impact !== undefined,
    hasCause: incident.cause !== undefined,
  };
}

describe('import: the flagship\'s source text', () => {
  it('is recognised as a notice and gives one incident', () => {
    assert.equal(noticeReader.detect(SOURCE), true);
    assert.equal(noticeReader.read(SOURCE, {}).length, 1);
  });

  it('imports into a file with the example\'s facts, which the checker reads without an error', () => {
    const written = parseIncident(writeIncident(noticeReader.read(SOURCE, {})[0]!));
    const example = parseIncident(read(EXAMPLE));
    assert.deepEqual(facts(written.incident!), facts(example.incident!));
    assert.deepEqual(written.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code), []);
  });

  it('keeps the notice\'s own phrases for start and end, as the example keeps them in `written`', () => {
    const incident = noticeReader.read(SOURCE, {})[0]!;
    const example = parseIncident(read(EXAMPLE)).incident!;
    assert.equal(incident.start?.written, 'Tuesday, November 19, 2019, 10:40 AM (1:40 AM UTC)');
    assert.equal(example.start?.written?.text, incident.start?.written);
    assert.equal(incident.end?.written, 'Tuesday, November 19, 2019, 8:50 PM (11:50 AM UTC)');
    assert.equal(example.end?.written?.text, incident.end?.written);
    assert.equal(incident.cause, 'A configuration change to our infrastructure caused unexpected impact to mail flow.');
  });

  it('leaves out only what the blog\'s own prose adds (regions, tags), not the notice', () => {
    const written = parseIncident(writeIncident(noticeReader.read(SOURCE, {})[0]!)).incident!;
    const example = parseIncident(read(EXAMPLE)).incident!;
    const keys = (incident: Incident) => new Set(incident.entries.map((e) => e.key));
    assert.deepEqual([...keys(example)].filter((k) => !keys(written).has(k)), ['regions', 'tags']);
  });
});
