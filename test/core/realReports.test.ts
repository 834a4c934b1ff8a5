/**
 * Real incident reports, transcribed from providers' status pages with their sources in each
 * file's header (test/data/real/). Every diagnostic on them must be an inconsistency the source
 * itself printed, named in the header; a warning the source does not explain is a bug in a rule.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseIncident } from '../../server/src/core';
import { rangeOf } from './diagnose';

const DIR = path.join(__dirname, '../data/real');

/** Code, severity, range and the time the message names first, per file; absent means none. */
const EXPECTED: Record<string, readonly string[]> = {
  // The 9:34 AM update still investigating after the 9:30 a.m. end of the summary.
  'slack-2021-12-22.incident.yaml': ['status-after-end warning 45:12-45:25 Event 4 was published at 2021-12-23 02:34 JST, 4m after the end'],
  // Updates at 12:10 and 2:34 PM still investigating after the 11:20 AM end; 12:10 goes back from monitoring.
  'slack-2024-03-28.incident.yaml': [
    'status-after-end warning 50:12-50:25 Event 5 was published at 2024-03-29 04:10 JST, 50m after the end',
    'status-regression information 50:12-50:25 Event 5 (published 2024-03-29 04:10 JST) announces `investigating`, an earlier status than `monitoring`',
    'status-after-end warning 54:12-54:25 Event 6 was published at 2024-03-29 06:34 JST, 3h 14m after the end',
  ],
  // The same report with the zone named once and the page's clocks unconverted: the same findings,
  // their times named in the page's zone as the page names them.
  'slack-2024-03-28-pacific.incident.yaml': [
    'status-after-end warning 48:12-48:25 Event 5 was published at 2024-03-28 12:10 PDT, 50m after the end (2024-03-28 11:20 PDT)',
    'status-regression information 48:12-48:25 Event 5 (published 2024-03-28 12:10 PDT) announces `investigating`, an earlier status than `monitoring`',
    'status-after-end warning 52:12-52:25 Event 6 was published at 2024-03-28 14:34 PDT, 3h 14m after the end',
  ],
};

describe('real incident reports (test/data/real)', () => {
  const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.incident.yaml')).sort();

  it('at least ten, from different providers, each citing its source', () => {
    assert.ok(files.length >= 10, `${files.length} files`);
    assert.ok(new Set(files.map((f) => f.split('-')[0])).size >= 6);
    for (const file of files) {
      assert.match(fs.readFileSync(path.join(DIR, file), 'utf8'), /^# Source: https?:\/\/\S+/, file);
    }
  });

  it('the Pacific transcription of Slack 2024-03-28 names the same instants as the hand-converted one', () => {
    const instants = (file: string) => {
      const incident = parseIncident(fs.readFileSync(path.join(DIR, file), 'utf8')).incident!;
      return [incident.start?.epochMs, incident.end?.epochMs, ...incident.timeline.flatMap((e) => [e.at?.epochMs, e.nextUpdate?.epochMs])];
    };
    const converted = instants('slack-2024-03-28.incident.yaml');
    assert.ok(converted.every((ms) => ms === undefined || Number.isFinite(ms)));
    assert.deepEqual(instants('slack-2024-03-28-pacific.incident.yaml'), converted);
  });

  for (const file of fs.readdirSync(DIR).filter((f) => f.endsWith('.incident.yaml')).sort()) {
    it(`${file}: only the source's own inconsistencies`, () => {
      const parsed = parseIncident(fs.readFileSync(path.join(DIR, file), 'utf8'));
      const found = parsed.diagnostics.map((d) => `${d.code} ${d.severity} ${rangeOf(parsed.lineIndex, d.span)} ${d.message}`);
      const expected = EXPECTED[file] ?? [];
      assert.equal(found.length, expected.length, found.join('\n'));
      expected.forEach((prefix, i) => assert.ok(found[i].startsWith(prefix), `${found[i]}\n  expected to start with\n${prefix}`));
    });
  }
});
