/**
 * The Microsoft Graph service-health reader (`/admin/serviceAnnouncement/issues`), field by field.
 * The issues are invented, in the shape of the serviceHealthIssue resource
 * (https://learn.microsoft.com/en-us/graph/api/resources/servicehealthissue) and its posts
 * (https://learn.microsoft.com/en-us/graph/api/resources/servicehealthissuepost).
 */
import * as assert from 'node:assert/strict';
import { graphReader } from '../../../server/src/import/readers/graph';
import { ImportError } from '../../../server/src/import/imported';
import { READERS } from '../../../server/src/import/readers';

const FIRST_POST =
  '<p>Title: Users can&#39;t open shared calendars</p><p>User Impact: Users may be unable to open calendars shared with them.</p>' +
  '<p>Current status: We&#39;re reviewing <a href="https://example.com/logs">service logs</a> to find why requests time out.</p>' +
  '<p>Start time: Monday, March 2, 2020, at 5:15 PM UTC</p><p>Next update by: Monday, March 2, 2020, at 7:00 PM UTC</p>';
const FINAL_POST =
  '<p>Title: Users can&#39;t open shared calendars</p><p>User Impact: Users may have been unable to open shared calendars.</p>' +
  '<p>Final status: We&#39;ve restarted the caching service &amp; confirmed that calendars open.</p>' +
  '<p>Start time: Monday, March 2, 2020, at 5:15 PM UTC</p><p>End time: Tuesday, March 3, 2020, at 12:30 AM UTC</p>' +
  '<p>Root cause: A caching service ran out of memory.</p><p>Next steps:<br>- We&#39;re adding a memory alarm.<br>- We&#39;re reviewing the change.</p>';

function issue(overrides: Record<string, unknown> = {}): Record<string, unknown> & { posts: unknown[] } {
  return {
    startDateTime: '2020-03-02T17:15:00Z',
    endDateTime: '2020-03-03T00:30:00Z',
    lastModifiedDateTime: '2020-03-03T01:10:00Z',
    title: "Users can't open shared calendars",
    id: 'EX200301',
    impactDescription: 'Users may be unable to open calendars shared with them.',
    classification: 'Incident',
    origin: 'microsoft',
    status: 'ServiceRestored',
    service: 'Exchange Online',
    feature: 'Calendaring',
    featureGroup: 'Exchange Online',
    isResolved: true,
    highImpact: null,
    details: [],
    posts: [
      // Out of order on purpose: the reader orders posts by their time.
      { createdDateTime: '2020-03-03T01:10:00Z', postType: 'regular', description: { contentType: 'html', content: FINAL_POST } },
      { createdDateTime: '2020-03-02T17:40:00Z', postType: 'regular', description: { contentType: 'html', content: FIRST_POST } },
      { createdDateTime: '2020-03-02T19:05:00.123Z', postType: 'quick', description: { contentType: 'html', content: '<p>We&#39;re restarting the caching service.</p>' } },
    ],
    ...overrides,
  } as Record<string, unknown> & { posts: unknown[] };
}

const list = (...issues: unknown[]) =>
  JSON.stringify({ '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#admin/serviceAnnouncement/issues', value: issues }, null, 2);

function errorOf(text: string): { message: string; position?: string } {
  try {
    graphReader.read(text, {});
  } catch (error) {
    if (error instanceof ImportError) return { message: error.message, ...(error.position ? { position: error.position } : {}) };
    throw error;
  }
  assert.fail('expected an ImportError');
}

describe('import: Microsoft Graph service health issues', () => {
  it('reads an issue\'s fields, its posts as events in time order, the final one at the end', () => {
    const [incident] = graphReader.read(list(issue()), { url: 'https://example.com/issues.json' });
    assert.deepEqual(incident, {
      format: 'graph',
      id: 'EX200301',
      title: "Users can't open shared calendars",
      status: 'resolved',
      severity: 'major',
      service: 'Exchange Online',
      impact: 'Users may be unable to open calendars shared with them.',
      cause: 'A caching service ran out of memory.',
      nextSteps: ["We're adding a memory alarm.", "We're reviewing the change."],
      start: { utc: '2020-03-02T17:15:00.000Z' },
      end: { utc: '2020-03-03T00:30:00.000Z' },
      sources: [{ url: 'https://example.com/issues.json' }],
      updates: [
        { at: { utc: '2020-03-02T17:15:00.000Z' }, kind: 'detected', text: 'Users may be unable to open calendars shared with them.', key: 'graph-start' },
        {
          at: { utc: '2020-03-02T17:40:00.000Z' },
          nextUpdate: { utc: '2020-03-02T19:00:00Z', written: 'Monday, March 2, 2020, at 7:00 PM UTC' },
          kind: 'update',
          status: 'investigating',
          text: "We're reviewing service logs [https://example.com/logs] to find why requests time out.",
          key: incident!.updates[1]!.key,
        },
        {
          at: { utc: '2020-03-02T19:05:00.123Z' },
          kind: 'update',
          status: 'investigating',
          text: "We're restarting the caching service.",
          key: incident!.updates[2]!.key,
        },
        {
          at: { utc: '2020-03-03T00:30:00.000Z' },
          posted: { utc: '2020-03-03T01:10:00.000Z' },
          kind: 'resolved',
          status: 'resolved',
          text: "We've restarted the caching service & confirmed that calendars open.",
          key: incident!.updates[3]!.key,
        },
      ],
    });
    assert.equal(new Set(incident!.updates.map((u) => u.key)).size, 4);
  });

  it('reads one issue as GET …/issues/{id} returns it', () => {
    const incidents = graphReader.read(JSON.stringify(issue()), {});
    assert.deepEqual(incidents.map((i) => i.id), ['EX200301']);
  });

  it('reads several issues of a list, each its own incident', () => {
    const incidents = graphReader.read(list(issue(), issue({ id: 'TM200302', classification: 'advisory' })), {});
    assert.deepEqual(incidents.map((i) => [i.id, i.severity]), [['EX200301', 'major'], ['TM200302', 'minor']]);
  });

  it('maps the status enum without regard to case; an open issue has no end and its last post carries its status', () => {
    const open = (status: string) =>
      graphReader.read(list(issue({ status, isResolved: false, endDateTime: null, posts: issue().posts.slice(1, 2) })), {})[0]!;
    assert.deepEqual(
      ['investigating', 'RestoringService', 'serviceDegradation', 'EXTENDEDRECOVERY', 'somethingNew'].map((s) => open(s).status),
      ['investigating', 'identified', 'investigating', 'monitoring', 'investigating'],
    );
    const incident = open('restoringService');
    assert.equal(incident.end, undefined);
    assert.deepEqual(incident.updates.map((u) => [u.kind, u.status]), [['detected', undefined], ['update', 'identified']]);
  });

  it('keeps an issue with no posts and no optional fields', () => {
    const [incident] = graphReader.read(JSON.stringify({ id: 'SP1', title: 'Slow sites', startDateTime: '2020-03-02T17:15:00Z', status: 'investigating' }), {});
    assert.deepEqual(incident, {
      format: 'graph',
      id: 'SP1',
      title: 'Slow sites',
      status: 'investigating',
      start: { utc: '2020-03-02T17:15:00.000Z' },
      sources: [],
      updates: [{ at: { utc: '2020-03-02T17:15:00.000Z' }, kind: 'detected', text: 'Slow sites', key: 'graph-start' }],
    });
  });

  it('turns HTML into plain text: markup and scripts never reach the incident', () => {
    const content = '<p>Current status: <b>Fixed</b> &lt;script&gt;<script>alert(1)</script><img src="x" onerror="alert(2)"></p>';
    const [incident] = graphReader.read(JSON.stringify(issue({ posts: [{ createdDateTime: '2020-03-02T18:00:00Z', description: { contentType: 'html', content } }] })), {});
    assert.equal(incident!.updates[1]!.text, 'Fixed <script>[x]');
  });

  it('is detected by its keys; the other readers leave it alone', () => {
    const text = list(issue());
    assert.equal(graphReader.detect(text), true);
    assert.deepEqual(READERS.filter((r) => r.detect(text)).map((r) => r.format), ['graph']);
    assert.equal(graphReader.detect('Title: x\nStart time: Monday, March 2, 2020, at 5:15 PM UTC\n'), false);
  });

  it('names the first problem and where it is', () => {
    assert.deepEqual(errorOf('{\n  "value": [\n    {"id": "EX1",}\n  ]\n}'), {
      message: 'The Microsoft Graph issues file is not valid JSON: unexpected "}\\n  ]\\n}"',
      position: 'line 3, column 18',
    });
    assert.deepEqual(errorOf(list(issue({ title: undefined }))), { message: '`$.value[0].title` is missing (a string expected)', position: '$.value[0].title' });
    assert.deepEqual(errorOf(list(issue(), issue({ startDateTime: 'yesterday' }))), {
      message: '`$.value[1].startDateTime` is not a time with an offset: `yesterday`',
      position: '$.value[1].startDateTime',
    });
    assert.deepEqual(errorOf(list(issue({ posts: {} }))), { message: '`$.value[0].posts` is an object, not a list', position: '$.value[0].posts' });
    assert.deepEqual(errorOf(list(issue({ id: 7 }))), { message: '`$.value[0].id` is a number, not a string', position: '$.value[0].id' });
    assert.deepEqual(errorOf(list()), { message: 'The list of issues is empty.', position: '$.value' });
    assert.deepEqual(errorOf('[1]'), { message: '`$` is a list, not an object', position: '$' });
    const badTime = FIRST_POST.replace('at 7:00 PM UTC', 'at 7:00 PM UTX');
    assert.deepEqual(errorOf(list(issue({ posts: [{ createdDateTime: '2020-03-02T17:40:00Z', description: { contentType: 'html', content: badTime } }] }))), {
      message: 'Cannot read the time `Monday, March 2, 2020, at 7:00 PM UTX`: Unknown time zone `UTX`.',
      position: '$.value[0].posts[0].description.content',
    });
  });
});
