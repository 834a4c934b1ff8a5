/**
 * Re-importing into an existing file: new updates added in time order, a key rewritten only where
 * the source changed it and the file still holds the last import's value, every hand-written
 * comment, key and edit kept; and a property test over random prefixes of an update list.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { parseIncident } from '../../../server/src/core';
import type { ImportedIncident, ImportedUpdate } from '../../../server/src/import/imported';
import { mergeIncident } from '../../../server/src/import/merge';
import { writeIncident } from '../../../server/src/import/writer';
import { ImportError } from '../../../server/src/import/imported';

function update(i: number, minute: number, text: string, status?: ImportedUpdate['status']): ImportedUpdate {
  return {
    at: { utc: new Date(Date.UTC(2025, 7, 14, 23, 0) + minute * 60_000).toISOString() },
    kind: i === 0 ? 'detected' : 'update',
    ...(status ? { status } : {}),
    text,
    key: `update:u${i}`,
  };
}

function incident(updates: readonly ImportedUpdate[], changes: Partial<ImportedIncident> = {}): ImportedIncident {
  return {
    format: 'statuspage',
    id: 'k7w2',
    title: 'Sync fails',
    status: 'investigating',
    start: { utc: '2025-08-14T23:00:00Z' },
    sources: [{ url: 'https://status.example.test/incidents/k7w2' }],
    updates,
    ...changes,
  };
}

const U = [
  update(0, 0, 'We are investigating.', 'investigating'),
  update(1, 20, 'Found it.', 'identified'),
  update(2, 45, 'Fixed.', 'resolved'),
];

describe('import: merging a newer copy into a file', () => {
  it('adds the new updates after the last earlier one, updates status and end, and keeps comments, hand keys and edits', () => {
    const first = writeIncident(incident(U.slice(0, 2)));
    const edited = first
      .replace('title: Sync fails', '# Our own words about the title.\ntitle: Sync fails  # as the page says')
      .replace('    kind: update\n', '    kind: mitigated  # the queue drained here\n')
      .replace('sources:', 'tags:\n  - sync\nsources:');
    const merged = mergeIncident(edited, incident(U, { status: 'resolved', end: { utc: '2025-08-14T23:45:00Z' } }));
    const expected = edited
      .replace(/^# import: statuspage.*$/m, '# import: statuspage%3Ak7w2 ' + /^# import: statuspage\S+ (.*)$/m.exec(writeIncident(incident(U, { status: 'resolved', end: { utc: '2025-08-14T23:45:00Z' } })))![1])
      .replace('status: investigating\nstart:', 'status: resolved\nstart:')
      .replace('  jst: 2025-08-15T08:00\n', '  jst: 2025-08-15T08:00\nend:\n  utc: 2025-08-14T23:45Z\n  jst: 2025-08-15T08:45\n')
      + [
        '  # import: update%3Au2 ' + /# import: update%3Au2 (.*)$/m.exec(writeIncident(incident(U)))![1],
        '  - at:',
        '      utc: 2025-08-14T23:45Z',
        '      jst: 2025-08-15T08:45',
        '    kind: update',
        '    status: resolved',
        '    event: Fixed.',
        '',
      ].join('\n');
    assert.equal(merged.text, expected);
    assert.deepEqual([merged.added, merged.changed, merged.kept], [1, ['status', 'end'], []]);
    assert.deepEqual(parseIncident(merged.text).diagnostics, []);
    // Importing the same copy again changes nothing.
    assert.deepEqual(mergeIncident(merged.text, incident(U, { status: 'resolved', end: { utc: '2025-08-14T23:45:00Z' } })), { text: merged.text, added: 0, changed: [], kept: [] });
  });

  it('rewrites what the source changed where the file still holds the old value, and keeps the user\'s edit where both changed', () => {
    const first = writeIncident(incident(U));
    const edited = first.replace('title: Sync fails', 'title: Widget sync fails for EU users');
    const newer = incident([U[0], { ...U[1], text: 'Found it: a bad deploy.' }, U[2]], { title: 'Sync fails for some users', severity: 'minor' });
    const merged = mergeIncident(edited, newer);
    assert.deepEqual([merged.changed, merged.kept], [['severity', 'timeline[1].event'], ['title']]);
    const values = parseDocument(merged.text).toJS();
    assert.equal(values.title, 'Widget sync fails for EU users');
    assert.equal(values.severity, 'minor');
    assert.equal(values.timeline[1].event, 'Found it: a bad deploy.');
    // The kept edit is not reported again: the comment now holds the source's new title.
    assert.deepEqual(mergeIncident(merged.text, newer).kept, []);
  });

  it('leaves an event the user rewrote as a flow mapping to the user, and says so', () => {
    const first = writeIncident(incident(U.slice(0, 2)));
    const flow = first.replace(/ {2}- at:\n {6}utc: 2025-08-14T23:20Z\n {6}jst: 2025-08-15T08:20\n {4}kind: update\n {4}status: identified\n {4}event: Found it\.\n/, '  - {at: 2025-08-14T23:20Z, kind: update, status: identified, event: Found it.}\n');
    assert.notEqual(flow, first);
    const merged = mergeIncident(flow, incident([U[0], { ...U[1], text: 'Found it: a bad deploy.' }]));
    assert.deepEqual([merged.changed, merged.kept], [[], ['timeline[1].event']]);
    assert.match(merged.text, /\n {2}- \{at: 2025-08-14T23:20Z, kind: update, status: identified, event: Found it\.\}\n/);
    assert.deepEqual(parseIncident(merged.text).diagnostics.map((d) => d.code), ['stale-status']);
  });

  it('puts an update earlier than every event first, above the first event\'s comment', () => {
    const merged = mergeIncident(writeIncident(incident(U.slice(1))), incident(U));
    const values = parseDocument(merged.text).toJS();
    assert.deepEqual(values.timeline.map((e: { event: string }) => e.event), ['We are investigating.', 'Found it.', 'Fixed.']);
    assert.match(merged.text, /timeline:\n {2}# import: update%3Au0 /);
  });

  it('adds a timeline and sources to a hand-written file, and refuses a file from another incident or with broken YAML', () => {
    const hand = 'title: Sync fails\nstatus: investigating\nstart: 2025-08-14T23:00Z\n';
    const merged = mergeIncident(hand, incident(U.slice(0, 1)));
    assert.deepEqual(parseDocument(merged.text).toJS().timeline.map((e: { event: string }) => e.event), ['We are investigating.']);
    assert.deepEqual(parseDocument(merged.text).toJS().sources, ['https://status.example.test/incidents/k7w2']);
    // The hand-written start is kept: the file's value was never the import's.
    assert.equal(parseDocument(merged.text).toJS().start, '2025-08-14T23:00Z');
    assert.deepEqual(merged.kept, ['start']);
    assert.throws(() => mergeIncident(writeIncident(incident(U, { id: 'other' })), incident(U)), (e: unknown) => e instanceof ImportError && e.message === 'The file was imported from statuspage:other, not from statuspage:k7w2; import into another folder or file.');
    assert.throws(() => mergeIncident('title: [unclosed\n', incident(U)), ImportError);
  });

  it('never loses a hand-written comment, key or value and never duplicates an update, over random prefixes', () => {
    const updates = fc.array(fc.record({ gap: fc.integer({ min: 0, max: 30 }), text: fc.constantFrom('Investigating.', 'Still on it.', 'Fixed.', 'Still on it.\n\nMore soon.') }), { minLength: 1, maxLength: 8 })
      .map((list) => {
        let minute = 0;
        return list.map((u, i) => update(i, (minute += u.gap), u.text));
      });
    fc.assert(fc.property(
      updates,
      fc.nat(), fc.nat(), fc.nat(), fc.boolean(), fc.boolean(),
      (all, cut1, cut2, where, editTitle, sourceRetitles) => {
        const first = all.slice(0, cut1 % (all.length + 1));
        const second = all.slice(0, cut2 % (all.length + 1));
        let text = writeIncident(incident(first));
        // Hand edits: a comment above a root key, a key of one's own, a comment inside an event, the title.
        const rootKeys = text.split('\n').filter((line) => /^[a-z_]+:/.test(line));
        const anchor = rootKeys[where % rootKeys.length];
        text = text.replace(`\n${anchor}`, `\n# hand note above ${anchor.split(':')[0]}\n${anchor}`);
        text += 'tags:\n  - hand-kept\n';
        const kindLines = [...text.matchAll(/\n {4}kind: /g)];
        if (kindLines.length) {
          const at = kindLines[where % kindLines.length].index!;
          text = `${text.slice(0, at)}\n    # hand note in an event${text.slice(at)}`;
        }
        if (editTitle) text = text.replace('title: Sync fails', 'title: Our own title');
        const merged = mergeIncident(text, incident(second, sourceRetitles ? { title: 'Sync fails (updated)' } : {})).text;

        for (const line of text.split('\n').filter((l) => l.trimStart().startsWith('# hand note'))) assert.ok(merged.includes(`${line}\n`), line);
        const values = parseDocument(merged).toJS();
        assert.deepEqual(values.tags, ['hand-kept']);
        assert.equal(values.title, editTitle ? 'Our own title' : sourceRetitles ? 'Sync fails (updated)' : 'Sync fails');
        const expectedKeys = [...new Set([...first, ...second].map((u) => u.key))];
        for (const key of expectedKeys) assert.equal(merged.split(`# import: ${encodeURIComponent(key)} `).length - 1, 1, key);
        assert.equal((values.timeline ?? []).length, expectedKeys.length);
        assert.deepEqual(parseIncident(merged).diagnostics.filter((d) => d.severity === 'error'), []);
        // Events stay in time order.
        const times = (values.timeline ?? []).map((e: { at: { utc: string } }) => e.at.utc);
        assert.deepEqual(times, [...times].sort());
      },
    ), { numRuns: 100, seed: 13 });
  });
});
