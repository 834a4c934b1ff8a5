/** Where pasted updates go: into the timeline in time order, every existing line and comment kept. */
import * as assert from 'node:assert/strict';
import { parseIncident } from '../../../server/src/core';
import { placeEvents, type PastedEvent } from '../../../server/src/import/placement';

const HEAD = 'title: Mail delays\nstatus: investigating\nstart: 2019-11-19T01:40Z\n';

function event(utc: string, text: string): PastedEvent {
  return { epochMs: Date.parse(utc), event: text, item: `- at: ${utc}\n  event: ${text}\n` };
}

/** The text after the insertions, applied from the end so offsets stay true. */
function paste(text: string, events: readonly PastedEvent[]): { text: string; added: number; alreadyThere: number } | undefined {
  const incident = parseIncident(text).incident!;
  const placement = placeEvents(text, incident, events);
  if (!placement) return undefined;
  let result = text;
  for (const insertion of [...placement.insertions].sort((a, b) => b.offset - a.offset)) {
    result = result.slice(0, insertion.offset) + insertion.text + result.slice(insertion.offset);
  }
  return { text: result, added: placement.added, alreadyThere: placement.alreadyThere };
}

describe('import: placing pasted updates in the timeline', () => {
  const timeline = `${HEAD}timeline:
  # The first alert.
  - at: 2019-11-19T01:40Z   # from the pager
    event: Alert fired.
  # Our own note.
  - at: 2019-11-19T03:00Z
    event: >-
      Rolled back
      the change.
  - at: 2019-11-19T05:00Z
    event: Restored.
# end of file
`;

  it('puts each event before the first later one, keeping comments with the items they precede', () => {
    const result = paste(timeline, [event('2019-11-19T04:00Z', 'Monitoring.'), event('2019-11-19T02:00Z', 'Investigating.'), event('2019-11-19T01:00Z', 'Earliest.')]);
    assert.deepEqual(result, {
      added: 3,
      alreadyThere: 0,
      text: `${HEAD}timeline:
  - at: 2019-11-19T01:00Z
    event: Earliest.
  # The first alert.
  - at: 2019-11-19T01:40Z   # from the pager
    event: Alert fired.
  - at: 2019-11-19T02:00Z
    event: Investigating.
  # Our own note.
  - at: 2019-11-19T03:00Z
    event: >-
      Rolled back
      the change.
  - at: 2019-11-19T04:00Z
    event: Monitoring.
  - at: 2019-11-19T05:00Z
    event: Restored.
# end of file
`,
    });
  });

  it('appends later events after the last, and an event at the same time after the existing one', () => {
    const result = paste(timeline, [event('2019-11-19T06:00Z', 'Report.'), event('2019-11-19T05:00Z', 'Also restored.')]);
    assert.ok(result!.text.endsWith(`    event: Restored.
  - at: 2019-11-19T05:00Z
    event: Also restored.
  - at: 2019-11-19T06:00Z
    event: Report.
# end of file
`));
  });

  it('leaves out an event the timeline already has (same time, same text), so pasting twice adds nothing', () => {
    assert.deepEqual(paste(timeline, [event('2019-11-19T05:00Z', 'Restored.')]), { text: timeline, added: 0, alreadyThere: 1 });
  });

  it('keeps CRLF line ends and the list\'s own indentation', () => {
    const crlf = `${HEAD}timeline:\n- at: 2019-11-19T05:00Z\n  event: Restored.\n`.replace(/\n/g, '\r\n');
    assert.equal(
      paste(crlf, [event('2019-11-19T02:00Z', 'Investigating.')])!.text,
      `${HEAD}timeline:\n- at: 2019-11-19T02:00Z\n  event: Investigating.\n- at: 2019-11-19T05:00Z\n  event: Restored.\n`.replace(/\n/g, '\r\n'),
    );
  });

  it('gives the last line a line break when the file has none', () => {
    const text = `${HEAD}timeline:\n  - at: 2019-11-19T05:00Z\n    event: Restored.`;
    assert.equal(paste(text, [event('2019-11-19T06:00Z', 'Report.')])!.text, `${text}\n  - at: 2019-11-19T06:00Z\n    event: Report.`);
  });

  it('fills an empty `timeline:` and adds a timeline when there is none', () => {
    assert.equal(
      paste(`${HEAD}timeline:\nimpact: Slow.\n`, [event('2019-11-19T02:00Z', 'Investigating.')])!.text,
      `${HEAD}timeline:\n  - at: 2019-11-19T02:00Z\n    event: Investigating.\nimpact: Slow.\n`,
    );
    assert.equal(
      paste(`${HEAD}impact: Slow.`, [event('2019-11-19T02:00Z', 'Investigating.')])!.text,
      `${HEAD}impact: Slow.\ntimeline:\n  - at: 2019-11-19T02:00Z\n    event: Investigating.\n`,
    );
  });

  it('does not insert into a flow list', () => {
    assert.equal(paste(`${HEAD}timeline: []\n`, [event('2019-11-19T02:00Z', 'Investigating.')]), undefined);
  });
});
