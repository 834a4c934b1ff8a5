/**
 * Each component's windows of impact, from the states the updates give it, read in the order the
 * updates were published: a window opens at the first state other than `operational` and closes at
 * the next update that makes the component `operational` again. Hover shows them; the preview's
 * component lanes will draw them.
 */
import type { ComponentState, Incident } from './model';
import { updatesByPublication } from './rules/updates';

export interface ComponentWindow {
  /** When the update that opened it was published. */
  readonly fromMs: number;
  /** When the update that closed it was published; absent while no update restores the component. */
  readonly toMs?: number;
  /** The states the window went through, in order, each once in a row. */
  readonly states: readonly ComponentState[];
}

/** The windows of every component an update gives a state, by name. */
export function componentWindows(incident: Incident): Map<string, ComponentWindow[]> {
  const windows = new Map<string, ComponentWindow[]>();
  const open = new Map<string, { fromMs: number; states: ComponentState[] }>();
  for (const { event, ms } of updatesByPublication(incident)) {
    for (const mention of event.components?.value ?? []) {
      const state = mention.state;
      if (state === undefined) continue;
      if (!windows.has(mention.name)) windows.set(mention.name, []);
      const current = open.get(mention.name);
      if (state === 'operational') {
        if (current) windows.get(mention.name)!.push({ fromMs: current.fromMs, toMs: ms, states: current.states });
        open.delete(mention.name);
      } else if (!current) {
        open.set(mention.name, { fromMs: ms, states: [state] });
      } else if (current.states[current.states.length - 1] !== state) {
        current.states.push(state);
      }
    }
  }
  for (const [name, { fromMs, states }] of open) windows.get(name)!.push({ fromMs, states });
  return windows;
}
