import { t } from '../l10n';
import { formatDuration } from '../../../../common/time';
import { publicationOrder, timelineFacts } from '../facts';
import type { Rule } from './rule';
import { describeIn, describeTimeIn, latestMs } from '../zonedTime';

/**
 * An update published after the end says the incident is over: one that still announces
 * `investigating` or `identified`, or a component not `operational`, contradicts the end.
 */
export const statusAfterEnd: Rule = {
  name: 'status-after-end',
  check(incident, report) {
    // Times in messages are named in the file's zone (describeIn).
    const zone = incident.zone?.value;
    // A date is its whole day: what is published on the end's day is not after it.
    const end = incident.end && latestMs(incident.end);
    if (end === undefined) return;
    // The updates in publication order: those after the end are its tail.
    const facts = timelineFacts(incident);
    const order = publicationOrder(facts);
    let first = order.length;
    while (first > 0 && facts.publishedMs[order[first - 1]] > end) first--;
    for (let k = first; k < order.length; k++) {
      const event = incident.timeline[order[k]];
      const ms = facts.publishedMs[order[k]];
      const status = event.status?.value;
      if (status === 'investigating' || status === 'identified') {
        report({
          code: 'status-after-end',
          severity: 'warning',
          span: event.status!.entry.valueSpan,
          message: t('Event {0} was published at {1}, {2} after the end ({3}), but still announces `{4}`: correct `end` or the status.',
            event.index + 1, describeIn(ms, zone), formatDuration(ms - end), describeTimeIn(incident.end!, zone), status),
        });
      }
      for (const mention of event.components?.value ?? []) {
        if (mention.state === undefined || mention.state === 'operational') continue;
        report({
          code: 'status-after-end',
          severity: 'warning',
          span: mention.stateSpan!,
          message: t('Event {0} was published at {1}, {2} after the end ({3}), but still gives `{4}` the state `{5}`: correct `end` or the state.',
            event.index + 1, describeIn(ms, zone), formatDuration(ms - end), describeTimeIn(incident.end!, zone), mention.name, mention.state),
        });
      }
    }
  },
};
