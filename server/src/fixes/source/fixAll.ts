/** The whole-file source actions: every one-sided pair completed, and fix-all. */
import { allTimes, type ParsedIncident } from '../../core';
import { withoutOverlaps, type OffsetEdit } from '../../features/edit';
import { fixesFor } from '../registry';
import { completePair } from './completePair';

/** Every one-sided pair completed (those the format can write): the "add the missing JST/UTC" source action. */
export function addMissingTimes(parsed: ParsedIncident): OffsetEdit[] {
  if (!parsed.incident) return [];
  const edits: OffsetEdit[] = [];
  for (const { time } of allTimes(parsed.incident)) {
    const completed = completePair(parsed, time);
    if (completed && !completed.disabled) edits.push(...completed.edits);
  }
  return edits;
}

/** What `source.fixAll.incident` does: only rewrites that keep the meaning and need no choice. */
export function fixAll(parsed: ParsedIncident): OffsetEdit[] {
  const edits: OffsetEdit[] = [];
  // wrong-offset's fix is the one fix that keeps the instant and needs no choice.
  for (const diagnostic of parsed.diagnostics) {
    if (diagnostic.code !== 'wrong-offset') continue;
    for (const action of fixesFor(diagnostic, { parsed, now: Date.now() })) edits.push(...action.edits);
  }
  edits.push(...addMissingTimes(parsed));
  return withoutOverlaps(edits);
}
