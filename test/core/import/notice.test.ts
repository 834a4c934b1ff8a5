/**
 * The Microsoft 365 notice-text reader, field by field. The notices here are invented, in the
 * exact shape of published ones: the current form as in the flagship's source (../shared/seed),
 * the older "Incident Start Time: … at … UTC" form as in
 * http://udm-its.blogspot.com/2016/01/o365-exchange-service-degradation-imap.html and
 * https://status.n-able.com/2016/06/30/office-365-exchange-online-protection-routing-issues-update/,
 * and the Japanese admin center's labels (タイトル, ユーザーへの影響, 開始時間…).
 */
import * as assert from 'node:assert/strict';
import { ImportError, type ImportedIncident } from '../../../server/src/import/imported';
import { noticeReader, readNotices } from '../../../server/src/import/readers/notice';

const FIRST = `Title: Users can't open shared calendars

User Impact: Users may be unable to open calendars shared with them.

Current status: We're reviewing service logs to determine why requests for shared calendars time out.

Scope of impact: Any user opening a shared calendar may be affected.

Start time: Monday, March 2, 2020, 9:15 AM (5:15 PM UTC)

Next update by: Monday, March 2, 2020, 11:00 AM (7:00 PM UTC)
`;

const FINAL = `Title: Users can't open shared calendars

User Impact: Users may have been unable to open calendars shared with them.

Final status: We've restarted the affected caching service and confirmed that shared calendars open again.

Scope of impact: Any user opening a shared calendar may have been affected.

Start time: Monday, March 2, 2020, 9:15 AM (5:15 PM UTC)

End time: Monday, March 2, 2020, 4:30 PM (Tuesday 12:30 AM UTC)

Root cause: A caching service ran out of memory after a configuration change.

Next steps:
- We're adding a memory alarm to the caching service.

This is the final update for the event.
`;

function readOne(text: string, url?: string): ImportedIncident {
  const incidents = noticeReader.read(text, url ? { url } : {});
  assert.equal(incidents.length, 1);
  return incidents[0]!;
}

function errorOf(run: () => unknown): { message: string; position?: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return { message: error.message, ...(error.position ? { position: error.position } : {}) };
    throw error;
  }
  assert.fail('expected an ImportError');
}

describe('import: Microsoft 365 notice text', () => {
  it('reads a current-status notice into an open incident with one update that promises the next', () => {
    const incident = readOne(FIRST, 'https://example.com/notices/1');
    assert.deepEqual(incident, {
      format: 'notice',
      title: "Users can't open shared calendars",
      status: 'investigating',
      impact: 'Users may be unable to open calendars shared with them.\n\nAny user opening a shared calendar may be affected.',
      start: { utc: '2020-03-02T17:15:00Z', written: 'Monday, March 2, 2020, 9:15 AM (5:15 PM UTC)' },
      sources: [{ url: 'https://example.com/notices/1' }],
      updates: [
        {
          at: { utc: '2020-03-02T17:15:00Z', written: 'Monday, March 2, 2020, 9:15 AM (5:15 PM UTC)' },
          kind: 'detected',
          text: 'Users may be unable to open calendars shared with them.',
          key: 'notice-start',
        },
        {
          // The notice does not say when it was posted: placed at the start, marked approximate.
          at: { utc: '2020-03-02T17:15:00Z', approx: true },
          nextUpdate: { utc: '2020-03-02T19:00:00Z', written: 'Monday, March 2, 2020, 11:00 AM (7:00 PM UTC)' },
          kind: 'update',
          status: 'investigating',
          text: "We're reviewing service logs to determine why requests for shared calendars time out.",
          key: incident.updates[1]!.key,
        },
      ],
    });
  });

  it('reads several pasted notices as one incident, an event per notice, the last one resolving it', () => {
    const incident = readOne(`${FIRST}\n${FINAL}`);
    assert.equal(incident.status, 'resolved');
    assert.deepEqual(incident.end, { utc: '2020-03-03T00:30:00Z', written: 'Monday, March 2, 2020, 4:30 PM (Tuesday 12:30 AM UTC)' });
    assert.equal(incident.cause, 'A caching service ran out of memory after a configuration change.');
    // Microsoft's sign-off is not a step.
    assert.deepEqual(incident.nextSteps, ["We're adding a memory alarm to the caching service."]);
    assert.deepEqual(
      incident.updates.map((u) => [u.kind, u.status, u.at.utc, u.at.approx, u.nextUpdate?.utc]),
      [
        ['detected', undefined, '2020-03-02T17:15:00Z', undefined, undefined],
        ['update', 'investigating', '2020-03-02T17:15:00Z', true, '2020-03-02T19:00:00Z'],
        ['resolved', 'resolved', '2020-03-03T00:30:00Z', undefined, undefined],
      ],
    );
    assert.equal(new Set(incident.updates.map((u) => u.key)).size, 3);
  });

  it('puts a newest-first paste back in publishing order', () => {
    const forwards = readOne(`${FIRST}\n${FINAL}`);
    const backwards = readOne(`${FINAL}\n${FIRST}`);
    assert.deepEqual(backwards.updates, forwards.updates);
  });

  it('places a notice at its posting stamp, and the final one at its end, posted when stamped', () => {
    const incident = readOne(`March 2, 2020 6:05 PM UTC\n${FIRST}\nMarch 3, 2020 1:10 AM UTC\n${FINAL}`);
    assert.deepEqual(
      incident.updates.slice(1).map((u) => [u.at, u.posted]),
      [
        [{ utc: '2020-03-02T18:05:00Z', written: 'March 2, 2020 6:05 PM UTC' }, undefined],
        [
          { utc: '2020-03-03T00:30:00Z', written: 'Monday, March 2, 2020, 4:30 PM (Tuesday 12:30 AM UTC)' },
          { utc: '2020-03-03T01:10:00Z', written: 'March 3, 2020 1:10 AM UTC' },
        ],
      ],
    );
  });

  it('reads the older form: Incident Start Time, Estimated Restoration Time and Next Update by, without a title', () => {
    const incident = readOne(`O365 Exchange Service Degradation - POP access

Current Status: Engineers are rolling back a recent update to restore POP access.

User Impact: Affected users are unable to download mail over POP. Outlook on the web is not affected.

Customer Impact: A limited number of customers are affected.

Incident Start Time: Tuesday, February 9, 2016, at 3:45 PM UTC

Estimated Restoration Time: By Wednesday, February 10, 2016, at 1:00 AM UTC

Preliminary Root Cause: A recent update introduced a code issue in the POP service.

Next Update by: Tuesday, February 9, 2016, at 9:00 PM UTC

No comments:
`);
    assert.equal(incident.title, 'Affected users are unable to download mail over POP');
    assert.equal(incident.status, 'investigating');
    assert.deepEqual(incident.start, { utc: '2016-02-09T15:45:00Z', written: 'Tuesday, February 9, 2016, at 3:45 PM UTC' });
    assert.equal(incident.cause, 'A recent update introduced a code issue in the POP service.');
    const update = incident.updates[1]!;
    assert.equal(
      update.text,
      'Engineers are rolling back a recent update to restore POP access.\n\nEstimated restoration: By Wednesday, February 10, 2016, at 1:00 AM UTC',
    );
    assert.deepEqual(update.nextUpdate, { utc: '2016-02-09T21:00:00Z', written: 'Tuesday, February 9, 2016, at 9:00 PM UTC' });
  });

  it('reads the Japanese labels, full-width colons included, in Japan\'s clock', () => {
    const incident = readOne(`タイトル:一部のユーザーがメールを送信できない

ユーザーへの影響：送信したメールが送信済みアイテムではなく下書きに残ることがあります。

現在の状態:影響を受けたインフラストラクチャに修正を適用しています。

開始時間: 2020年3月2日(月) 9:15

次回の更新：2020年3月2日(月) 11:00
`);
    assert.equal(incident.title, '一部のユーザーがメールを送信できない');
    assert.equal(incident.impact, '送信したメールが送信済みアイテムではなく下書きに残ることがあります。');
    assert.deepEqual(incident.start, { local: '2020-03-02T09:15', zone: 'Asia/Tokyo', written: '2020年3月2日(月) 9:15' });
    assert.equal(incident.zone, 'Asia/Tokyo');
    assert.deepEqual(incident.updates[1]!.nextUpdate, { local: '2020-03-02T11:00', zone: 'Asia/Tokyo', written: '2020年3月2日(月) 11:00' });
    assert.equal(incident.updates[1]!.text, '影響を受けたインフラストラクチャに修正を適用しています。');
  });

  it('reads Japanese final notices: 最終状態, 終了時間, 予備の根本原因, 次の手順 as a list', () => {
    const incident = readOne(`タイトル: 共有予定表を開けない
最終状態: キャッシュ サービスを再起動し、共有予定表が開けることを確認しました。
開始時間: 2020年3月2日 9:15 (UTC 0:15)
終了時間: 2020年3月2日 16:30 (UTC 7:30)
予備の根本原因: 構成の変更によりキャッシュ サービスのメモリが不足しました。
次の手順:
・キャッシュ サービスにメモリの警告を追加します。
・構成変更の手順を見直します。
`);
    assert.equal(incident.status, 'resolved');
    assert.equal(incident.end?.utc, '2020-03-02T07:30:00Z');
    assert.equal(incident.cause, '構成の変更によりキャッシュ サービスのメモリが不足しました。');
    assert.deepEqual(incident.nextSteps, ['キャッシュ サービスにメモリの警告を追加します。', '構成変更の手順を見直します。']);
    assert.equal(incident.zone, undefined);
  });

  it('takes the incident id, and the service it names, from the text around the notice when there is one id', () => {
    assert.deepEqual([readOne(`Incident TM203344\n${FIRST}`).id, readOne(`Incident TM203344\n${FIRST}`).service], ['TM203344', 'Microsoft Teams']);
    const twoIds = readOne(`See EX100001 and EX100002.\n${FIRST}`);
    assert.deepEqual([twoIds.id, twoIds.service], [undefined, undefined]);
  });

  it('leaves out a blog\'s Japanese text after an English notice', () => {
    const incident = readOne(`${FINAL}\nWe'll publish a post-incident report within five business days.\n  • 2020年3月3日 AM 新規作成\n`);
    assert.deepEqual(incident.nextSteps, [
      "We're adding a memory alarm to the caching service.",
      "We'll publish a post-incident report within five business days.",
    ]);
  });

  it('reads CRLF line ends as LF', () => {
    assert.deepEqual(readOne(FINAL.replace(/\n/g, '\r\n')), readOne(FINAL));
  });

  it('detects notices, and not prose or JSON', () => {
    assert.equal(noticeReader.detect(FIRST), true);
    assert.equal(noticeReader.detect('Title: a poem\nThe sky is blue.\n'), false);
    assert.equal(noticeReader.detect('{"title": "x", "status": "resolved"}'), false);
  });

  it('refuses a text with no notice, naming what it looked for', () => {
    assert.deepEqual(errorOf(() => noticeReader.read('Just some words.\nNothing labelled.\n', {})), {
      message: 'No Microsoft 365 notice found: expected lines such as `Title:`, `User Impact:` and `Start time:`.',
      position: 'line 1, column 1',
    });
    assert.deepEqual(errorOf(() => noticeReader.read('', {})).position, 'line 1, column 1');
  });

  it('names the line and column of a time it cannot read', () => {
    const text = FIRST.replace('Monday, March 2, 2020, 11:00 AM (7:00 PM UTC)', 'Monday, March 2, 2020, 11:00 AM (7:00 PM UTC');
    assert.deepEqual(errorOf(() => noticeReader.read(text, {})), {
      message: 'Cannot read the time `Monday, March 2, 2020, 11:00 AM (7:00 PM UTC`: Expected `)` to close the time in brackets.',
      position: 'line 11, column 61',
    });
    const noZone = FIRST.replace('9:15 AM (5:15 PM UTC)', '9:15 AM');
    assert.deepEqual(errorOf(() => noticeReader.read(noZone, {})).position, 'line 9, column 43');
  });

  it('refuses a notice with neither a title nor a user impact', () => {
    assert.deepEqual(errorOf(() => noticeReader.read('Current status: Looking.\nStart time: March 2, 2020 5:15 PM UTC\n', {})), {
      message: 'The notice has no `Title:` and no `User Impact:` to name the incident by.',
      position: 'line 1, column 1',
    });
  });

  it('refuses a notice that gives no time at all', () => {
    assert.deepEqual(errorOf(() => noticeReader.read('Title: Something\nCurrent status: Looking.\n', {})), {
      message: 'This notice says neither when it was posted nor when the impact started.',
      position: 'line 1, column 1',
    });
  });

  it('splits notices where a label repeats, even without a title', () => {
    const notices = readNotices('Current status: One.\nStart time: March 2, 2020 5:15 PM UTC\nCurrent status: Two.\n');
    assert.deepEqual(notices.map((n) => [n.statusText, n.position]), [['One.', 'line 1, column 1'], ['Two.', 'line 3, column 1']]);
  });
});
