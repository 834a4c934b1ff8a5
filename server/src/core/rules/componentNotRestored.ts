import { t } from '../l10n';
import { describeJst } from '../../../../common/time';
import type { ComponentMention } from '../model';
import type { Rule } from './rule';
import { updatesByPublication, type Published } from './updates';

/** A resolved incident leaves every component it gave a state `operational` in the last update that names it. */
export const componentNotRestored: Rule = {
  name: 'component-not-restored',
  check(incident, report) {
    if (incident.status?.value !== 'resolved') return;
    const last = new Map<string, { update: Published; mention: ComponentMention }>();
    for (const update of updatesByPublication(incident)) {
      for (const mention of update.event.components?.value ?? []) {
        if (mention.state !== undefined) last.set(mention.name, { update, mention });
      }
    }
    for (const { update, mention } of last.values()) {
      if (mention.state === 'operational') continue;
      report({
        code: 'component-not-restored',
        severity: 'warning',
        span: mention.stateSpan!,
        message: t('The incident is resolved, but the last update that gives `{0}` a state (event {1}, published {2}) says `{3}`: add an update that makes it `operational`.',
          mention.name, update.event.index + 1, describeJst(update.ms), mention.state!),
      });
    }
  },
};
