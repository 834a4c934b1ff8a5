/** Import as the editor asks for it: new files from a source, and a pasted source's updates placed in an open file. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseIncident } from '../../../server/src/core';
import { importForEditor, pasteUpdates } from '../../../server/src/import/editorImport';

const SEED = fs.readFileSync(path.join(__dirname, '..', '..', 'data', 'notices', 'exchange-online-2019-11-19.txt'), 'utf8');

const NOTICE = `Title: Users can't open shared calendars
User Impact: Users may be unable to open shared calendars.
Current status: We're reviewing service logs.
Start time: Monday, March 2, 2020, 9:15 AM (5:15 PM UTC)
Next update by: Monday, March 2, 2020, 11:00 AM (7:00 PM UTC)
`;

function applied(text: string, pasted: string): string | undefined {
  const placement = pasteUpdates(text, parseIncident(text).incident!, pasted);
  if (!placement) return undefined;
  let result = text;
  for (const insertion of [...placement.insertions].sort((a, b) => b.offset - a.offset)) {
    result = result.slice(0, insertion.offset) + insertion.text + result.slice(insertion.offset);
  }
  return result;
}

describe('import: in the editor', () => {
  const FILE = `id: EX200301
title: Shared calendars
status: investigating
start: 2020-03-02T17:15Z
timeline:
  # Seen by our help desk first.
  - at: 2020-03-02T17:30Z   # ticket 4711
    event: Help desk tickets about calendars.
`;

  it('pastes a notice as its events, each in time order with its import comment, the file\'s own lines kept', () => {
    assert.equal(applied(FILE, NOTICE), `id: EX200301
title: Shared calendars
status: investigating
start: 2020-03-02T17:15Z
timeline:
  # import: notice-start at=e8d2d5 kind=d8fe74 event=ff3907
  - at:
      utc: 2020-03-02T17:15Z
      jst: 2020-03-03T02:15
      written: Monday, March 2, 2020, 9:15 AM (5:15 PM UTC)
    kind: detected
    event: Users may be unable to open shared calendars.
  # import: notice-76326deda92646e6 at=b8421a kind=d9aa61 status=01c498 next_update=c44457 event=64e630
  - at:
      utc: 2020-03-02T17:15Z
      jst: 2020-03-03T02:15
      approx: true
    kind: update
    status: investigating
    next_update:
      utc: 2020-03-02T19:00Z
      jst: 2020-03-03T04:00
      written: Monday, March 2, 2020, 11:00 AM (7:00 PM UTC)
    event: We're reviewing service logs.
  # Seen by our help desk first.
  - at: 2020-03-02T17:30Z   # ticket 4711
    event: Help desk tickets about calendars.
`);
  });

  it('adds nothing when the same notice is pasted again', () => {
    const once = applied(FILE, NOTICE)!;
    const placement = pasteUpdates(once, parseIncident(once).incident!, NOTICE)!;
    assert.deepEqual([placement.insertions, placement.added, placement.alreadyThere], [[], 0, 2]);
  });

  it('offers nothing for text that is no source, or a source that cannot be read', () => {
    const incident = parseIncident(FILE).incident!;
    assert.equal(pasteUpdates(FILE, incident, 'just a sentence'), undefined);
    assert.equal(pasteUpdates(FILE, incident, NOTICE.replace('(5:15 PM UTC)', '(5:15 PM UTX)')), undefined);
  });

  it('imports the flagship\'s source into EX196121.incident.yaml', async () => {
    const answer = await importForEditor({ text: SEED });
    assert.equal(answer.kind, 'incidents');
    if (answer.kind !== 'incidents') return;
    assert.deepEqual(answer.incidents.map((i) => i.fileName), ['EX196121.incident.yaml']);
    assert.equal(parseIncident(answer.incidents[0]!.text).incident?.title?.value, 'Problems receiving mail');
  });

  it('fetches an address through the fetcher it is given and cites it', async () => {
    const asked: string[] = [];
    const answer = await importForEditor({ url: 'https://status.example.com/notice.txt' }, async (url) => {
      asked.push(url);
      return NOTICE;
    });
    assert.deepEqual(asked, ['https://status.example.com/notice.txt']);
    assert.ok(answer.kind === 'incidents' && answer.incidents[0]!.text.includes('sources:\n  - https://status.example.com/notice.txt\n'));
  });

  it('answers an unreadable source or a failed fetch with the reason, never a throw', async () => {
    assert.deepEqual(await importForEditor({ text: 'nothing to see' }), {
      kind: 'error',
      message: 'The source is not in a format this command recognises (tried statuspage, gcp, apple, slack, graph, notice); name one with --from.',
    });
    assert.deepEqual(await importForEditor({ text: NOTICE.replace('(5:15 PM UTC)', '(5:15 PM UTX)') }), {
      kind: 'error',
      message: 'Cannot read the time `Monday, March 2, 2020, 9:15 AM (5:15 PM UTX)`: Unknown time zone `UTX`.',
      position: 'line 4, column 53',
    });
    assert.deepEqual(await importForEditor({ url: 'https://status.example.com/x' }, () => Promise.reject(new Error('status.example.com did not answer within 30 seconds'))), {
      kind: 'error',
      message: 'status.example.com did not answer within 30 seconds',
    });
  });
});
