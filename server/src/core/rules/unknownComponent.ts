import { t } from '../l10n';
import { nearest } from '../suggest';
import type { Incident } from '../model';
import { eventRule } from './rule';

/** Every component an update names is in the root `components` list, so a typo does not pass as a new component. */
export const unknownComponent = eventRule({
  name: 'unknown-component',
  // The names in the root list.
  context: (incident) => JSON.stringify(knownNames(incident)),
  checkEvent(event, incident, report) {
    if (!event.components) return;
    const known = knownNames(incident);
    const names = new Set(known);
    for (const mention of event.components.value) {
      if (names.has(mention.name)) continue;
      const suggestion = nearest(mention.name, known);
      report({
        code: 'unknown-component',
        severity: 'warning',
        span: mention.span,
        message: suggestion
          ? t('Component `{0}` is not in the incident\'s `components`: did you mean `{1}`?', mention.name, suggestion)
          : t('Component `{0}` is not in the incident\'s `components`: add it there.', mention.name),
        data: { code: 'unknown-component', name: mention.name, suggestion },
      });
    }
  },
});

function knownNames(incident: Incident): string[] {
  return incident.components?.value.map((c) => c.name) ?? [];
}
