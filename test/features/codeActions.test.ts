import * as assert from 'node:assert/strict';
import { parseIncident, type DiagnosticCode, type ParsedIncident } from '../../server/src/core';
import { addMissingTimes, codeActions, fixAll, quickFixes, FIX_ALL_KIND, ADD_MISSING_TIMES_KIND } from '../../server/src/features/codeActions';
import { applyEdits } from '../../server/src/features/edit';

const NOW = Date.UTC(2026, 10, 27, 8, 5, 30);

function lines(...l: string[]): string {
  return l.join('\n') + '\n';
}

/** Applies the fix with `title` for the first diagnostic with `code`, returns the new text. */
function applyFix(text: string, code: DiagnosticCode, title?: string | RegExp): { text: string; titles: string[]; preferred: string[] } {
  const parsed = parseIncident(text);
  const diagnostic = parsed.diagnostics.find((d) => d.code === code);
  assert.ok(diagnostic, `no ${code} in ${JSON.stringify(parsed.diagnostics.map((d) => d.code))}`);
  const fixes = quickFixes(parsed, diagnostic, { now: NOW });
  const fix = title === undefined ? fixes[0] : fixes.find((f) => (typeof title === 'string' ? f.title === title : title.test(f.title)));
  assert.ok(fix, `no fix ${String(title)} among ${fixes.map((f) => f.title).join(' | ')}`);
  return { text: applyEdits(text, fix.edits), titles: fixes.map((f) => f.title), preferred: fixes.filter((f) => f.isPreferred).map((f) => f.title) };
}

function codes(text: string): string[] {
  return parseIncident(text).diagnostics.map((d) => d.code);
}

const HEAD = ['id: INC-1', 'title: Mail delayed', 'status: investigating'];

describe('quick fixes', () => {
  it('not-an-incident on a second document: moves it to a file of its own, named after its id', () => {
    const first = lines(...HEAD, 'start: 2019-11-19T10:40+09:00');
    const second = lines('# the other one', 'id: INC-2', 'title: Another', 'status: investigating', 'start: 2019-11-20T10:40+09:00');
    const text = first + '---\n' + second + '---\n' + lines('id: INC-3');
    const parsed = parseIncident(text);
    const diagnostic = parsed.diagnostics.find((d) => d.code === 'not-an-incident')!;
    assert.deepEqual(quickFixes(parsed, diagnostic), [], 'only when the client can create files');
    const [move] = quickFixes(parsed, diagnostic, { documentName: 'mail.incident.yaml' });
    assert.equal(move.title, 'Move this incident to its own file (INC-2.incident.yaml)');
    assert.deepEqual(move.newFile, { name: 'INC-2.incident.yaml', text: second });
    assert.equal(applyEdits(text, move.edits), first + '---\n' + lines('id: INC-3'));
    // Without an id the new file is named after this one.
    const bare = first + '---\n' + 'title: t\n';
    const parsedBare = parseIncident(bare);
    const [named] = quickFixes(parsedBare, parsedBare.diagnostics.find((d) => d.code === 'not-an-incident')!, { documentName: 'mail.incident.yaml' });
    assert.deepEqual(named.newFile, { name: 'mail-2.incident.yaml', text: 'title: t\n' });
    assert.equal(applyEdits(bare, named.edits), first);
  });

  it('duplicate-id: a free id, from the editor\'s workspace diagnostic on this file\'s id', () => {
    const text = lines('id: "INC-7"', 'title: t', 'status: investigating', 'start: 2019-11-19T10:40+09:00');
    const parsed = parseIncident(text);
    const span = { start: text.indexOf('"INC-7"'), end: text.indexOf('"INC-7"') + 7 };
    const ref = [{ code: 'duplicate-id', span }];
    const [change] = codeActions(parsed, span, ref, { only: ['quickfix'], takenIds: new Set(['INC-7', 'INC-7-2', 'INC-8']) });
    assert.equal(change.title, 'Change the id to `INC-7-3`');
    assert.equal(applyEdits(text, change.edits), text.replace('"INC-7"', '"INC-7-3"'));
    assert.deepEqual(codeActions(parsed, span, ref, { only: ['quickfix'] }), [], 'no fix without the workspace\'s ids');
    assert.deepEqual(codeActions(parsed, { start: 0, end: 0 }, [{ code: 'duplicate-id', span: { start: 0, end: 2 } }], { only: ['quickfix'], takenIds: new Set() }), [], 'stale');
  });

  it('duplicate-key: removes the repeated entry with its value lines; the first stays', () => {
    const text = lines(...HEAD, 'start: 2019-11-19T10:40+09:00', 'timeline:', '  - at: 2019-11-19T10:40+09:00', '    kind: detected', '    event: >-', '      Mail stops', '    kind: update', '    # next', '  - at: 2019-11-19T11:40+09:00', '    event: >-', '      More', '    event: |', '      Again', '      and again');
    const fixed = applyFix(text, 'duplicate-key', 'Remove this repeated `kind`');
    assert.equal(fixed.text, lines(...HEAD, 'start: 2019-11-19T10:40+09:00', 'timeline:', '  - at: 2019-11-19T10:40+09:00', '    kind: detected', '    event: >-', '      Mail stops', '    # next', '  - at: 2019-11-19T11:40+09:00', '    event: >-', '      More', '    event: |', '      Again', '      and again'));
    const again = applyFix(fixed.text, 'duplicate-key', 'Remove this repeated `event`');
    assert.equal(again.text, lines(...HEAD, 'start: 2019-11-19T10:40+09:00', 'timeline:', '  - at: 2019-11-19T10:40+09:00', '    kind: detected', '    event: >-', '      Mail stops', '    # next', '  - at: 2019-11-19T11:40+09:00', '    event: >-', '      More'));
    assert.deepEqual(codes(again.text), []);
    const noBreak = 'id: a\ntitle: b\nstatus: monitoring\nstart: 2019-11-19T10:40Z\nid: c';
    assert.equal(applyFix(noBreak, 'duplicate-key').text, 'id: a\ntitle: b\nstatus: monitoring\nstart: 2019-11-19T10:40Z');
  });

  it('wrong-type: one string where a list belongs becomes a block list, split at commas', () => {
    const text = lines(...HEAD, 'regions: Australia, Japan , India  # from the notice', 'tags: "mail flow、anti-spam, 2019"', 'start: 2019-11-19T10:40+09:00');
    const regions = applyFix(text, 'wrong-type', 'Write as a list: Australia, Japan, India');
    assert.equal(regions.text, lines(...HEAD, 'regions:', '  - Australia', '  - Japan', '  - India  # from the notice', 'tags: "mail flow、anti-spam, 2019"', 'start: 2019-11-19T10:40+09:00'));
    const tags = applyFix(regions.text, 'wrong-type');
    assert.equal(tags.text, lines(...HEAD, 'regions:', '  - Australia', '  - Japan', '  - India  # from the notice', 'tags:', '  - mail flow', '  - anti-spam', '  - "2019"', 'start: 2019-11-19T10:40+09:00'));
    assert.deepEqual(codes(tags.text), []);
  });

  it('wrong-type: a string with a tag or an anchor is left alone (the list would keep the tag and break)', () => {
    for (const written of ['!!str mail, spam', '&t mail, spam']) {
      const parsed = parseIncident(lines(...HEAD, 'start: 2019-11-19T10:40+09:00', `tags: ${written}`));
      assert.deepEqual(quickFixes(parsed, parsed.diagnostics.find((d) => d.code === 'wrong-type')!), [], written);
    }
  });

  it('duplicate-key in a source: removes the repeated line, as in any block mapping', () => {
    const text = lines(...HEAD, 'start: 2019-11-19T10:40+09:00', 'sources:', '  - url: https://a.example/', '    url: https://b.example/ # second', '    title: Notice');
    assert.equal(applyFix(text, 'duplicate-key', 'Remove this repeated `url`').text,
      lines(...HEAD, 'start: 2019-11-19T10:40+09:00', 'sources:', '  - url: https://a.example/', '    title: Notice'));
  });

  it('invalid-time: a time written almost in the format is rewritten in it', () => {
    const cases: [string, string][] = [
      ['2019/11/19 10:40 JST', '2019-11-19T10:40+09:00'],
      ['2019-11-19 1:40 UTC', '2019-11-19T01:40Z'],
      ['2019.11.9 10:40:30+0900', '2019-11-09T10:40:30+09:00'],
      ['2019-11-19T10:40+09', '2019-11-19T10:40+09:00'],
      // As Microsoft's service-health notices write it.
      ['Tuesday, November 19, 2019, 10:40 AM JST', '2019-11-19T10:40+09:00'],
      ['Nov 19, 2019 1:40 AM UTC', '2019-11-19T01:40Z'],
    ];
    for (const [written, expected] of cases) {
      const text = lines(...HEAD, `start: "${written}"  # c`);
      const fixed = applyFix(text, 'invalid-time', `Write as ${expected}`);
      assert.equal(fixed.text, lines(...HEAD, `start: "${expected}"  # c`));
      assert.deepEqual(codes(fixed.text), []);
    }
    // The pair's key says the zone: no offset is added.
    const side = lines(...HEAD, 'start:', '  jst: Tuesday, November 19, 2019, 8:50 PM');
    assert.equal(applyFix(side, 'invalid-time', 'Write as 2019-11-19T20:50').text, lines(...HEAD, 'start:', '  jst: 2019-11-19T20:50'));
    for (const hopeless of ['2019-02-30 10:40 JST', 'Tuesday 10:40 AM', '2019-11-19 25:00Z', 'Monday, November 19, 2019, 8:50 PM', 'November 19, 2019, 13:50 PM']) {
      const parsed = parseIncident(lines(...HEAD, `start: ${hopeless}`));
      const diagnostic = parsed.diagnostics.find((d) => d.code === 'invalid-time')!;
      assert.deepEqual(quickFixes(parsed, diagnostic), [], hopeless);
    }
  });

  it('missing-offset: reads the time as JST or as UTC, keeping quotes and comments', () => {
    const text = lines(...HEAD, 'start: "2019-11-19T10:40"  # from the notice');
    const jst = applyFix(text, 'missing-offset', 'Read as JST (+09:00)');
    assert.equal(jst.text, lines(...HEAD, 'start: "2019-11-19T10:40+09:00"  # from the notice'));
    assert.deepEqual(codes(jst.text), []);
    const utc = applyFix(text, 'missing-offset', 'Read as UTC (Z)');
    assert.equal(utc.text, lines(...HEAD, 'start: "2019-11-19T10:40Z"  # from the notice'));
    assert.deepEqual(utc.preferred, []);
  });

  it('wrong-offset: rewrites the value in its key\'s zone', () => {
    const text = lines(...HEAD, 'start:', '  utc: 2019-11-19T10:40+09:00', '  jst: 2019-11-19T10:40');
    const fixed = applyFix(text, 'wrong-offset');
    assert.equal(fixed.text, lines(...HEAD, 'start:', '  utc: 2019-11-19T01:40Z', '  jst: 2019-11-19T10:40'));
    assert.deepEqual(fixed.preferred, ['Write the same instant in UTC: 2019-11-19T01:40Z']);
    assert.deepEqual(codes(fixed.text), []);
  });

  it('utc-jst-mismatch: keeps one side and corrects the other; the suspect side is preferred', () => {
    const text = lines(...HEAD, 'start:', '  utc: 2019-11-19T01:40Z', '  jst: 2019-11-19T01:40 # typed in UTC');
    const keepUtc = applyFix(text, 'utc-jst-mismatch', /^Keep UTC/);
    assert.equal(keepUtc.text, lines(...HEAD, 'start:', '  utc: 2019-11-19T01:40Z', '  jst: 2019-11-19T10:40 # typed in UTC'));
    assert.deepEqual(keepUtc.titles, ['Keep UTC, correct JST to 2019-11-19T10:40', 'Keep JST, correct UTC to 2019-11-18T16:40Z']);
    assert.deepEqual(keepUtc.preferred, ['Keep UTC, correct JST to 2019-11-19T10:40']);
    assert.deepEqual(codes(keepUtc.text), []);
    const keepJst = applyFix(text, 'utc-jst-mismatch', /^Keep JST/);
    assert.equal(keepJst.text, lines(...HEAD, 'start:', '  utc: 2019-11-18T16:40Z', '  jst: 2019-11-19T01:40 # typed in UTC'));
    assert.deepEqual(codes(keepJst.text), []);
  });

  it('missing-field: inserts the key in format order with the mapping\'s indentation', () => {
    const text = lines('# header', 'id: INC-1', 'status: investigating', '# when it began', 'start: 2019-11-19T10:40+09:00');
    const fixed = applyFix(text, 'missing-field', 'Add `title`');
    assert.equal(fixed.text, lines('# header', 'id: INC-1', 'title: TODO', 'status: investigating', '# when it began', 'start: 2019-11-19T10:40+09:00'));
    assert.deepEqual(codes(fixed.text), []);
  });

  it('missing-field: a missing start becomes a utc/jst pair taken from the first event', () => {
    const text = lines(...HEAD, 'timeline:', '    - at: 2019-11-19T10:40+09:00', '      event: Mail stops');
    const fixed = applyFix(text, 'missing-field', 'Add `start`');
    assert.equal(fixed.text, lines(...HEAD, 'start:', '  utc: 2019-11-19T01:40Z', '  jst: 2019-11-19T10:40', 'timeline:', '    - at: 2019-11-19T10:40+09:00', '      event: Mail stops'));
    assert.deepEqual(codes(fixed.text), []);
  });

  it('missing-field in an event: the event key goes after `at`, at the item\'s indentation', () => {
    const text = lines(...HEAD, 'start: 2019-11-19T10:40+09:00', 'timeline:', '  - at: 2019-11-19T10:40+09:00', '    kind: detected');
    const fixed = applyFix(text, 'missing-field', 'Add `event`');
    assert.equal(fixed.text, lines(...HEAD, 'start: 2019-11-19T10:40+09:00', 'timeline:', '  - at: 2019-11-19T10:40+09:00', '    event: TODO', '    kind: detected'));
    assert.deepEqual(codes(fixed.text), []);
  });

  it('missing-field in a source: `url` goes before `title`', () => {
    const text = lines(...HEAD, 'start: 2019-11-19T10:40+09:00', 'sources:', '  - title: "piyokango: Office 365"', '    # the summary');
    const fixed = applyFix(text, 'missing-field', 'Add `url`');
    assert.equal(fixed.text, lines(...HEAD, 'start: 2019-11-19T10:40+09:00', 'sources:', '  - url: https://example.com/', '    title: "piyokango: Office 365"', '    # the summary'));
    assert.deepEqual(codes(fixed.text), []);
  });

  it('missing-end: adds end after start, at the last resolved event', () => {
    const text = lines('id: INC-1', 'title: t', 'status: resolved', 'start:', '    utc: 2019-11-19T01:40Z', '    jst: 2019-11-19T10:40', 'timeline:',
      '  - at: {utc: 2019-11-19T11:50Z}', '    kind: resolved', '    event: Rolled back');
    const fixed = applyFix(text, 'missing-end');
    assert.equal(fixed.titles[0], 'Add `end` (2019-11-19 20:50 JST)');
    assert.equal(fixed.text, lines('id: INC-1', 'title: t', 'status: resolved', 'start:', '    utc: 2019-11-19T01:40Z', '    jst: 2019-11-19T10:40',
      'end:', '    utc: 2019-11-19T11:50Z', '    jst: 2019-11-19T20:50', 'timeline:',
      '  - at: {utc: 2019-11-19T11:50Z}', '    kind: resolved', '    event: Rolled back'));
    assert.deepEqual(codes(fixed.text), []);
  });

  it('unknown-field and invalid-value: replace with the suggestion, keeping quotes', () => {
    const text = lines(...HEAD.slice(0, 2), "status: 'resolvd'", 'strat: 2019-11-19T10:40+09:00', 'end: 2019-11-19T20:50+09:00');
    const key = applyFix(text, 'unknown-field');
    assert.equal(key.text, lines(...HEAD.slice(0, 2), "status: 'resolvd'", 'start: 2019-11-19T10:40+09:00', 'end: 2019-11-19T20:50+09:00'));
    assert.deepEqual(key.titles, ['Change to `start`']);
    const value = applyFix(key.text, 'invalid-value');
    assert.equal(value.text, lines(...HEAD.slice(0, 2), "status: 'resolved'", 'start: 2019-11-19T10:40+09:00', 'end: 2019-11-19T20:50+09:00'));
    assert.deepEqual(codes(value.text), []);
  });

  it('end-before-start: swaps the two values, pairs included', () => {
    const text = lines(...HEAD, 'start:', '  utc: 2019-11-19T11:50Z', '  jst: 2019-11-19T20:50', 'end:', '  utc: 2019-11-19T01:40Z # first', '  jst: 2019-11-19T10:40');
    const fixed = applyFix(text, 'end-before-start', 'Swap start and end');
    assert.equal(fixed.text, lines(...HEAD, 'start:', '  utc: 2019-11-19T01:40Z # first', '  jst: 2019-11-19T10:40', 'end:', '  utc: 2019-11-19T11:50Z', '  jst: 2019-11-19T20:50'));
    assert.deepEqual(codes(fixed.text), []);
  });

  it('timeline-order: sorts whole items with their comments, stable for equal times', () => {
    const text = lines(...HEAD, 'start: 2019-11-19T10:00+09:00', 'timeline:',
      '  # the fix',
      '  - at: 2019-11-19T20:50+09:00',
      '    event: >-',
      '      Rolled back',
      '      everywhere',
      '  - at: 2019-11-19T10:40+09:00 # first report',
      '    event: A',
      '  # same minute, listed second',
      '  - at: 2019-11-19T10:40+09:00',
      '    event: B',
      'tags: [mail]');
    const fixed = applyFix(text, 'timeline-order', 'Sort the timeline by time');
    assert.equal(fixed.text, lines(...HEAD, 'start: 2019-11-19T10:00+09:00', 'timeline:',
      '  - at: 2019-11-19T10:40+09:00 # first report',
      '    event: A',
      '  # same minute, listed second',
      '  - at: 2019-11-19T10:40+09:00',
      '    event: B',
      '  # the fix',
      '  - at: 2019-11-19T20:50+09:00',
      '    event: >-',
      '      Rolled back',
      '      everywhere',
      'tags: [mail]'));
    assert.deepEqual(codes(fixed.text), []);
  });

  it('timeline-order: blank lines between items stay between items, and the last item may end the file', () => {
    const text = HEAD.join('\n') + '\nstart: 2019-11-19T10:00+09:00\ntimeline:\n  - at: 2019-11-19T12:00+09:00\n    event: B\n\n  - at: 2019-11-19T11:00+09:00\n    event: A';
    const fixed = applyFix(text, 'timeline-order');
    assert.equal(fixed.text, HEAD.join('\n') + '\nstart: 2019-11-19T10:00+09:00\ntimeline:\n  - at: 2019-11-19T11:00+09:00\n    event: A\n\n  - at: 2019-11-19T12:00+09:00\n    event: B');
  });

  it('keeps \\r\\n line endings', () => {
    const text = ['id: INC-1', 'status: investigating', 'start: 2019-11-19T10:40+09:00', ''].join('\r\n');
    const fixed = applyFix(text, 'missing-field', 'Add `title`');
    assert.equal(fixed.text, ['id: INC-1', 'title: TODO', 'status: investigating', 'start: 2019-11-19T10:40+09:00', ''].join('\r\n'));
  });
});

describe('pairs with one side', () => {
  const text = lines(...HEAD,
    'start:',
    '  utc: 2019-11-19T01:40Z # notice',
    'end: {jst: "2019-11-19 20:50:00"}',
    'timeline:',
    '  - at:',
    '      jst: 2019-11-19T10:40+09:00',
    '    event: Mail stops');

  it('the action under the cursor adds the other side', () => {
    const parsed = parseIncident(text);
    const offset = text.indexOf('2019-11-19T01:40Z');
    const actions = codeActions(parsed, { start: offset, end: offset }, [], { now: NOW, only: ['quickfix'] });
    assert.deepEqual(actions.map((a) => a.title), ['Add the JST time (2019-11-19T10:40)']);
    assert.equal(applyEdits(text, actions[0].edits), text.replace('  utc: 2019-11-19T01:40Z # notice\n', '  utc: 2019-11-19T01:40Z # notice\n  jst: 2019-11-19T10:40\n'));
  });

  it('the source action completes every pair, flow mappings and seconds included', () => {
    const parsed: ParsedIncident = parseIncident(text);
    const result = applyEdits(text, addMissingTimes(parsed));
    assert.equal(result, lines(...HEAD,
      'start:',
      '  utc: 2019-11-19T01:40Z # notice',
      '  jst: 2019-11-19T10:40',
      'end: {jst: "2019-11-19 20:50:00", utc: 2019-11-19 11:50:00Z}',
      'timeline:',
      '  - at:',
      '      jst: 2019-11-19T10:40+09:00',
      '      utc: 2019-11-19T01:40Z',
      '    event: Mail stops'));
    assert.deepEqual(codes(result), []);
    const kinds = codeActions(parsed, { start: 0, end: 0 }, [], { only: ['source'] }).map((a) => a.kind);
    assert.deepEqual(kinds, [ADD_MISSING_TIMES_KIND, FIX_ALL_KIND]);
  });
});

describe('write as a utc/jst pair', () => {
  it('rewrites a string time under its key, keeping the comment on the key line', () => {
    const text = lines(...HEAD, 'start: 2019-11-19T10:40:30+09:00  # notice', 'timeline:', '  - at: "2019-11-19 01:50Z"', '    event: x');
    const parsed = parseIncident(text);
    const at = (s: string) => {
      const offset = text.indexOf(s) + 2;
      return codeActions(parsed, { start: offset, end: offset }, [], { only: ['refactor'] });
    };
    const start = at('2019-11-19T10:40:30');
    assert.deepEqual(start.map((a) => [a.title, a.kind]), [['Write as a utc/jst pair', 'refactor.rewrite']]);
    assert.equal(applyEdits(text, start[0].edits), lines(...HEAD, 'start:', '  utc: 2019-11-19T01:40:30Z', '  jst: 2019-11-19T10:40:30  # notice', 'timeline:', '  - at: "2019-11-19 01:50Z"', '    event: x'));
    const event = applyEdits(text, at('2019-11-19 01:50Z')[0].edits);
    assert.equal(event, lines(...HEAD, 'start: 2019-11-19T10:40:30+09:00  # notice', 'timeline:', '  - at:', '      utc: 2019-11-19 01:50Z', '      jst: 2019-11-19 10:50', '    event: x'));
    assert.deepEqual(codes(event), []);
    // Not for a time without an offset: which zone it means is the question missing-offset asks.
    const bare = lines(...HEAD, 'start: 2019-11-19T10:40');
    const offset = bare.indexOf('10:40');
    assert.deepEqual(codeActions(parseIncident(bare), { start: offset, end: offset }, [], { only: ['refactor'] }), []);
  });
});

describe('fix all', () => {
  it('rewrites wrong offsets and completes pairs, but leaves choices alone', () => {
    const text = lines(...HEAD,
      'start:',
      '  utc: 2019-11-19T10:40+09:00',
      'end: 2019-11-19T20:50',
      'timeline:',
      '  - at: {jst: 2019-11-19T10:40}',
      '    event: A');
    const result = applyEdits(text, fixAll(parseIncident(text)));
    assert.equal(result, lines(...HEAD,
      'start:',
      '  utc: 2019-11-19T01:40Z',
      '  jst: 2019-11-19T10:40',
      'end: 2019-11-19T20:50',
      'timeline:',
      '  - at: {jst: 2019-11-19T10:40, utc: 2019-11-19T01:40Z}',
      '    event: A'));
    assert.deepEqual(codes(result), ['missing-offset']);
    // Nothing left that needs no choice.
    assert.deepEqual(fixAll(parseIncident(result)), []);
  });

  it('matches editor diagnostics by code and span, skipping stale ones', () => {
    const text = lines(...HEAD, 'start: 2019-11-19T10:40');
    const parsed = parseIncident(text);
    const d = parsed.diagnostics[0];
    assert.equal(codeActions(parsed, d.span, [{ code: 'missing-offset', span: d.span }], { only: ['quickfix'] }).length, 2);
    assert.equal(codeActions(parsed, d.span, [{ code: 'missing-offset', span: { start: d.span.start + 1, end: d.span.end } }], { only: ['quickfix'] }).length, 0);
  });
});

describe('times near the ends of the years 0000–9999', () => {
  const JST_OUT = 'In JST this instant falls outside the years 0000–9999 that the format can write.';
  const UTC_OUT = 'In UTC this instant falls outside the years 0000–9999 that the format can write.';
  /** Every action at `needle` (quick fixes for the diagnostics there, refactorings, source actions), as title, edits applied and reason. */
  function actionsAt(text: string, needle: string): { title: string; kind: string; text: string; disabled?: string }[] {
    const parsed = parseIncident(text);
    const offset = text.indexOf(needle);
    const refs = parsed.diagnostics.filter((d) => d.span.start <= offset && offset <= d.span.end).map((d) => ({ code: d.code, span: d.span }));
    return codeActions(parsed, { start: offset, end: offset }, refs, { now: NOW }).map((a) => ({ title: a.title, kind: a.kind, text: applyEdits(text, a.edits), ...(a.disabled !== undefined && { disabled: a.disabled }) }));
  }

  it('a one-sided pair on 9999-12-31 in UTC: no JST side in year 10000, and the action says why', () => {
    const text = lines(...HEAD, 'start:', '  utc: 9999-12-31T20:00Z  # the last evening');
    assert.deepEqual(actionsAt(text, '9999'), [
      { title: 'Add the JST time', kind: 'quickfix', text, disabled: JST_OUT },
      // Fix-all and "add the missing JST/UTC" have nothing left to do, so they are not offered.
    ]);
    assert.deepEqual(addMissingTimes(parseIncident(text)), []);
    assert.deepEqual(fixAll(parseIncident(text)), []);
    // The same on the other end: a JST side on 0000-01-01 before 09:00 is still year -1 in UTC.
    const early = lines(...HEAD, 'start: {jst: 0000-01-01T05:00}');
    assert.deepEqual(actionsAt(early, '0000'), [{ title: 'Add the UTC time', kind: 'quickfix', text: early, disabled: UTC_OUT }]);
    // One minute inside the range, the fix writes the last minute of 9999.
    const inside = lines(...HEAD, 'start:', '  utc: 9999-12-31T14:59Z');
    const [add] = actionsAt(inside, '9999');
    assert.deepEqual(add, { title: 'Add the JST time (9999-12-31T23:59)', kind: 'quickfix', text: lines(...HEAD, 'start:', '  utc: 9999-12-31T14:59Z', '  jst: 9999-12-31T23:59') });
    assert.deepEqual(codes(add.text), []);
  });

  it('wrong-offset: the message says why no rewrite is offered, the fix is disabled, and fix-all keeps the year', () => {
    const text = lines(...HEAD, 'start:', '  jst: 9999-12-31T20:00Z');
    const parsed = parseIncident(text);
    const [d] = parsed.diagnostics;
    assert.equal(d.code, 'wrong-offset');
    assert.equal(d.message, '`jst` value `9999-12-31T20:00Z` has offset Z; a jst time ends in +09:00 or has no offset. ' + JST_OUT);
    assert.deepEqual(d.data, { code: 'wrong-offset', side: 'jst', text: '9999-12-31T20:00Z', corrected: undefined });
    assert.deepEqual(quickFixes(parsed, d).map((f) => [f.title, f.edits, f.disabled]), [['Write the same instant in JST', [], JST_OUT]]);
    // Fix-all still completes the pair (UTC can write the instant) and leaves the jst side alone.
    const fixed = applyEdits(text, fixAll(parsed));
    assert.equal(fixed, lines(...HEAD, 'start:', '  jst: 9999-12-31T20:00Z', '  utc: 9999-12-31T20:00Z'));
    assert.deepEqual(codes(fixed), ['wrong-offset']);
    assert.deepEqual(fixAll(parseIncident(fixed)), []);
    const utc = lines(...HEAD, 'end:', '  utc: 0000-01-01T05:00+09:00');
    const early = parseIncident(utc).diagnostics.find((x) => x.code === 'wrong-offset')!;
    assert.equal(early.message, '`utc` value `0000-01-01T05:00+09:00` has offset +09:00; a utc time ends in Z or +00:00 or has no offset. ' + UTC_OUT);
    // Fix-all leaves the utc side as written (no year -1) and adds the jst side JST can write.
    assert.equal(applyEdits(utc, fixAll(parseIncident(utc))), lines(...HEAD, 'end:', '  utc: 0000-01-01T05:00+09:00', '  jst: 0000-01-01T05:00'));
  });

  it('utc-jst-mismatch: the correction that would leave 9999 is disabled with its reason; the other one is offered', () => {
    const text = lines(...HEAD, 'start:', '  utc: 9999-12-31T20:00Z', '  jst: 9999-12-31T20:00');
    const parsed = parseIncident(text);
    const d = parsed.diagnostics.find((x) => x.code === 'utc-jst-mismatch')!;
    assert.ok(d.message.endsWith(' ' + JST_OUT), d.message);
    const fixes = quickFixes(parsed, d);
    assert.deepEqual(fixes.map((f) => [f.title, f.isPreferred, f.disabled]), [
      ['Keep UTC, correct JST', false, JST_OUT],
      ['Keep JST, correct UTC to 9999-12-31T11:00Z', false, undefined],
    ]);
    assert.deepEqual(fixes[0].edits, []);
    const fixed = applyEdits(text, fixes[1].edits);
    assert.equal(fixed, lines(...HEAD, 'start:', '  utc: 9999-12-31T11:00Z', '  jst: 9999-12-31T20:00'));
    assert.deepEqual(codes(fixed), []);
  });

  it('write as a pair, and the time placeholders of missing-field and missing-end: disabled, never year 10000', () => {
    const text = lines(...HEAD, 'start: 9999-12-31T20:00Z');
    assert.deepEqual(actionsAt(text, '9999').filter((a) => a.kind === 'refactor.rewrite'), [{ title: 'Write as a utc/jst pair', kind: 'refactor.rewrite', text, disabled: JST_OUT }]);
    const noStart = lines(...HEAD, 'timeline:', '  - at: 9999-12-31T20:00Z', '    event: The last evening');
    const parsed = parseIncident(noStart);
    const missing = parsed.diagnostics.find((d) => d.code === 'missing-field')!;
    assert.deepEqual(quickFixes(parsed, missing, { now: NOW }).map((f) => [f.title, f.edits, f.disabled]), [['Add `start`', [], JST_OUT]]);
    // An empty pair's `utc` from the last event, which is year -1 in UTC.
    const emptyPair = lines(...HEAD, 'start: {}', 'timeline:', '  - at: 0000-01-01T05:00+09:00', '    event: The first morning');
    const parsedPair = parseIncident(emptyPair);
    const side = parsedPair.diagnostics.find((d) => d.code === 'missing-field')!;
    assert.deepEqual(quickFixes(parsedPair, side, { now: NOW }).map((f) => [f.title, f.edits, f.disabled]), [['Add `utc`', [], UTC_OUT]]);
    const resolved = lines('id: INC-1', 'title: t', 'status: resolved', 'start: 9999-12-31T10:00Z', 'timeline:', '  - at: 9999-12-31T20:00Z', '    kind: resolved', '    event: Fixed');
    const parsedResolved = parseIncident(resolved);
    const noEnd = parsedResolved.diagnostics.find((d) => d.code === 'missing-end')!;
    assert.deepEqual(quickFixes(parsedResolved, noEnd, { now: NOW }).map((f) => [f.title, f.edits, f.disabled]), [['Add `end`', [], JST_OUT]]);
  });

  it('missing-offset readings keep the year as written, so they check clean at both ends', () => {
    for (const written of ['9999-12-31T23:59', '0000-01-01T00:00']) {
      const text = lines(...HEAD, `start: ${written}`);
      assert.equal(applyFix(text, 'missing-offset', 'Read as JST (+09:00)').text, lines(...HEAD, `start: ${written}+09:00`));
      assert.deepEqual(codes(applyFix(text, 'missing-offset', 'Read as JST (+09:00)').text), []);
      assert.deepEqual(codes(applyFix(text, 'missing-offset', 'Read as UTC (Z)').text), []);
    }
  });
});

describe('quick fixes for updates and components', () => {
  const head = (status: string, components: string[]) => lines('title: t', `status: ${status}`, ...components, 'start: 2024-05-01T10:00Z', 'timeline:');

  it('stale-status: the status set to the latest update\'s, keeping its quotes', () => {
    const text = head('"identified"', []) + lines('  - at: 2024-05-01T10:05Z', '    status: monitoring', '    event: x');
    const { text: fixed, preferred } = applyFix(text, 'stale-status');
    assert.equal(fixed, text.replace('status: "identified"', 'status: "monitoring"'));
    assert.deepEqual(preferred, ['Set the status to `monitoring`']);
    assert.deepEqual(codes(fixed), []);
  });

  it('zone-abbreviation in prose: the zone\'s own abbreviation written in place, in a folded text with its comment; none in written', () => {
    const text = lines('title: t', 'status: investigating', 'start: 2022-09-28T17:40Z', 'cause: >-  # from the summary',
      '  A configuration push at 10:40 AM PST on September 28, 2022', '  removed the route.', 'timeline:',
      '  - at: 2022-09-28T17:50Z', '    event: "Rolled back at 10:50 AM EST on July 4, 2022."');
    const { text: fixed, titles, preferred } = applyFix(text, 'zone-abbreviation');
    assert.deepEqual([titles, preferred], [['Write `PDT`'], ['Write `PDT`']]);
    assert.equal(fixed, text.replace('10:40 AM PST', '10:40 AM PDT'));
    // The event text's EST on July 4 is EDT, in its double-quoted scalar.
    const parsed = parseIncident(fixed);
    const est = parsed.diagnostics.find((d) => d.code === 'zone-abbreviation')!;
    assert.equal(fixed.slice(est.span.start, est.span.end), 'EST');
    assert.equal(applyEdits(fixed, quickFixes(parsed, est, { now: NOW })[0].edits), fixed.replace('10:50 AM EST', '10:50 AM EDT'));
    // In written the source's words stay as printed: the warning, and no fix.
    const written = lines('title: t', 'status: investigating', 'start: {local: 2022-09-28T10:40, zone: America/Los_Angeles, written: "September 28, 2022, 10:40 AM PST"}');
    const inWritten = parseIncident(written);
    const d = inWritten.diagnostics.find((x) => x.code === 'zone-abbreviation')!;
    assert.equal(written.slice(d.span.start, d.span.end), 'PST');
    assert.deepEqual(quickFixes(inWritten, d, { now: NOW }), []);
  });

  it('unknown-component: the nearest name, or the name appended to a block list, a flow list, or a new list', () => {
    const event = lines('  - at: 2024-05-01T10:05Z', '    components: {Git Operation: degraded, Webhooks: degraded}', '    event: x');
    const block = head('investigating', ['components:', '  - Git Operations  # the one that failed', '  - API']) + event;
    const near = applyFix(block, 'unknown-component');
    assert.deepEqual(near.titles, ['Change to `Git Operations`', 'Add `Git Operation` to the incident\'s `components`']);
    assert.equal(near.text, block.replace('{Git Operation:', '{Git Operations:'));
    const added = applyFix(block.replace('Git Operation:', 'Git Operations:'), 'unknown-component', 'Add `Webhooks` to the incident\'s `components`');
    assert.equal(added.text, block.replace('Git Operation:', 'Git Operations:').replace('  - API\n', '  - API\n  - Webhooks\n'));
    assert.deepEqual(codes(added.text), []);

    const flow = head('investigating', ['components: [Git Operations]']) + event.replace('Git Operation:', 'Git Operations:');
    assert.equal(applyFix(flow, 'unknown-component').text, flow.replace('[Git Operations]', '[Git Operations, Webhooks]'));

    const none = head('investigating', []) + lines('  - at: 2024-05-01T10:05Z', '    components: ["Pages: static"]', '    event: x');
    assert.equal(applyFix(none, 'unknown-component').text, none.replace('start: 2024-05-01T10:00Z\n', 'start: 2024-05-01T10:00Z\ncomponents: ["Pages: static"]\n'));
    const empty = head('investigating', ['components:']) + lines('  - at: 2024-05-01T10:05Z', '    components: [Pages]', '    event: x');
    assert.equal(applyFix(empty, 'unknown-component').text, empty.replace('components:\n', 'components: [Pages]\n'));
  });
});

describe('source actions reach update times', () => {
  it('Add the missing JST/UTC completes a one-sided posted and next_update too', () => {
    const text = lines('title: t', 'status: investigating', 'start: 2024-05-01T10:00Z', 'timeline:',
      '  - at: 2024-05-01T10:05Z', '    posted:', '      utc: 2024-05-01T10:12Z', '    next_update:', '      jst: 2024-05-01T19:45', '    event: x');
    const fixed = applyEdits(text, addMissingTimes(parseIncident(text)));
    assert.equal(fixed, text.replace('      utc: 2024-05-01T10:12Z\n', '      utc: 2024-05-01T10:12Z\n      jst: 2024-05-01T19:12\n')
      .replace('      jst: 2024-05-01T19:45\n', '      jst: 2024-05-01T19:45\n      utc: 2024-05-01T10:45Z\n'));
  });
});

describe('quick fixes for times in named zones', () => {
  it('utc-local-mismatch: keep the local time and correct utc, or keep utc and correct the local time; comments kept', () => {
    const text = lines(...HEAD, 'start:', '  local: 2021-01-04T18:55   # as the postmortem says', '  zone: America/Los_Angeles', '  utc: "2021-01-05T01:55Z"');
    const keepLocal = applyFix(text, 'utc-local-mismatch', 'Keep the local time, correct UTC to 2021-01-05T02:55Z');
    assert.equal(keepLocal.text, text.replace('"2021-01-05T01:55Z"', '"2021-01-05T02:55Z"'));
    assert.deepEqual(keepLocal.titles, ['Keep the local time, correct UTC to 2021-01-05T02:55Z', 'Keep UTC, correct the local time to 2021-01-04T17:55']);
    assert.deepEqual(keepLocal.preferred, []);
    assert.deepEqual(codes(keepLocal.text), []);
    const keepUtc = applyFix(text, 'utc-local-mismatch', 'Keep UTC, correct the local time to 2021-01-04T17:55');
    assert.equal(keepUtc.text, text.replace('local: 2021-01-04T18:55 ', 'local: 2021-01-04T17:55 '));
    assert.deepEqual(codes(keepUtc.text), []);
  });

  it('ambiguous-time: one fix per reading, each writing its offset', () => {
    const text = lines(...HEAD, 'zone: America/Los_Angeles', 'start: 2022-11-06T01:30 # fall back');
    const first = applyFix(text, 'ambiguous-time', 'Read as 2022-11-06T01:30-07:00 (PDT, UTC-7)');
    assert.deepEqual(first.titles, ['Read as 2022-11-06T01:30-07:00 (PDT, UTC-7)', 'Read as 2022-11-06T01:30-08:00 (PST, UTC-8)']);
    assert.equal(first.text, text.replace('start: 2022-11-06T01:30 ', 'start: 2022-11-06T01:30-07:00 '));
    assert.deepEqual(codes(first.text), []);
    const second = applyFix(text, 'ambiguous-time', 'Read as 2022-11-06T01:30-08:00 (PST, UTC-8)');
    assert.equal(parseIncident(second.text).incident?.start?.epochMs, Date.UTC(2022, 10, 6, 9, 30));
  });

  it('wrong-offset on a local time: keeps the clock and writes the zone\'s offset (preferred)', () => {
    const text = lines(...HEAD, 'start: {local: 2022-09-28T10:40-08:00, zone: America/Los_Angeles}');
    const fixed = applyFix(text, 'wrong-offset');
    assert.deepEqual(fixed.preferred, ['Write the zone\'s offset on that date: 2022-09-28T10:40-07:00']);
    assert.equal(fixed.text, text.replace('-08:00', '-07:00'));
    assert.deepEqual(codes(fixed.text), []);
  });

  it('invalid-value on a zone name: the nearest zone, or an abbreviation\'s usual zone', () => {
    const typo = lines(...HEAD, 'zone: Amerca/Los_Angeles', 'start: 2021-01-04T18:55');
    const fixed = applyFix(typo, 'invalid-value', 'Change to `America/Los_Angeles`');
    assert.equal(fixed.text, typo.replace('Amerca', 'America'));
    assert.deepEqual(codes(fixed.text), []);
    const abbreviation = lines(...HEAD, 'start: {local: 2021-01-04T18:55, zone: PST}');
    assert.equal(applyFix(abbreviation, 'invalid-value').text, abbreviation.replace('PST', 'America/Los_Angeles'));
  });
});

describe('missing zone of a local time', () => {
  it('adds `zone: UTC` after `local` as a placeholder, not preferred (fix-all leaves it to the writer)', () => {
    const text = lines(...HEAD, 'start:', '  local: 2021-01-04T18:55', '  approx: true');
    const fixed = applyFix(text, 'missing-field', 'Add `zone`');
    assert.equal(fixed.text, lines(...HEAD, 'start:', '  local: 2021-01-04T18:55', '  zone: UTC', '  approx: true'));
    assert.deepEqual(fixed.preferred, []);
    assert.deepEqual(codes(fixed.text), []);
  });
});
