import { endBeforeStart } from './endBeforeStart';
import { missingEnd } from './missingEnd';
import type { Rule } from './rule';
import { timelineOrder } from './timelineOrder';
import { utcJstPair } from './utcJstPair';

export type { Rule } from './rule';

/**
 * The rules over the finished model, in the order their diagnostics are usually read: the
 * default of `ParseOptions.rules`, which a host or test replaces or extends.
 */
export const STANDARD_RULES: readonly Rule[] = [missingEnd, endBeforeStart, utcJstPair, timelineOrder];
