import { t } from '../l10n';
import { FACT_STATES, publicationOrder, timelineFacts } from '../facts';
import type { ComponentMention, TimelineEvent } from '../model';
import type { Rule } from './rule';
import { describeIn } from '../zonedTime';

/** A resolved incident leaves every component it gave a state `operational` in the last update that names it. */
export const componentNotRestored: Rule = {
  name: 'component-not-restored',
  check(incident, report) {
    // Times in messages are named in the file's zone (describeIn).
    const zone = incident.zone?.value;
    if (incident.status?.value !== 'resolved') return;
    const facts = timelineFacts(incident);
    if ((facts.any & FACT_STATES) === 0) return;
    const last = new Map<string, { event: TimelineEvent; ms: number; mention: ComponentMention }>();
    for (const index of publicationOrder(facts)) {
      if ((facts.flags[index] & FACT_STATES) === 0) continue;
      const event = incident.timeline[index];
      for (const mention of event.components?.value ?? []) {
        if (mention.state !== undefined) last.set(mention.name, { event, ms: facts.publishedMs[index], mention });
      }
    }
    for (const { event, ms, mention } of last.values()) {
      if (mention.state === 'operational') continue;
      report({
        code: 'component-not-restored',
        severity: 'warning',
        span: mention.stateSpan!,
        message: t('The incident is resolved, but the last update that gives `{0}` a state (event {1}, published {2}) says `{3}`: add an update that makes it `operational`.',
          mention.name, event.index + 1, describeIn(ms, zone), mention.state!),
      });
    }
  },
};
