import { componentNotRestored } from './componentNotRestored';
import { endBeforeStart } from './endBeforeStart';
import { lateUpdate } from './lateUpdate';
import { missingEnd } from './missingEnd';
import { postedBeforeAt } from './postedBeforeAt';
import { proseTimes } from './proseTimes';
import { resolvedAfterEnd } from './resolvedAfterEnd';
import type { Rule } from './rule';
import { staleStatus } from './staleStatus';
import { statusAfterEnd } from './statusAfterEnd';
import { statusRegression } from './statusRegression';
import { timelineOrder } from './timelineOrder';
import { unknownComponent } from './unknownComponent';
import { utcJstPair } from './utcJstPair';
import { writtenInContext, writtenTimes } from './writtenTimes';

export type { Rule } from './rule';

/**
 * The rules over the finished model, in the order their diagnostics are usually read: the
 * default of `ParseOptions.rules`, which a host or test replaces or extends.
 */
export const STANDARD_RULES: readonly Rule[] = [
  missingEnd, endBeforeStart, utcJstPair, timelineOrder,
  postedBeforeAt, unknownComponent, resolvedAfterEnd, statusAfterEnd, staleStatus, lateUpdate, componentNotRestored, statusRegression,
  writtenTimes, writtenInContext, proseTimes,
];
