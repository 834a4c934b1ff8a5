/**
 * The code action kinds of the editing features. Their own module, with no imports, because the
 * client uses them too (its "Add the missing JST/UTC" command asks for the source action by kind).
 */
export const QUICK_FIX_KIND = 'quickfix';
/** Fixes that need no choice: offsets rewritten in their key's zone, and one-sided pairs completed. */
export const FIX_ALL_KIND = 'source.fixAll.incident';
export const ADD_MISSING_TIMES_KIND = 'source.addMissingTimes.incident';
/** Rewrites that change how a time is written, not what it says. */
export const REWRITE_KIND = 'refactor.rewrite';
