/** written-mismatch: a phrase that says the time is approximate gets `approx: true` beside it. */
import { t, TIME_KEYS } from '../core';
import { insertEntry } from './insertEntry';
import { offer, type QuickFix } from './fix';

export const writtenMismatch: QuickFix<'written-mismatch'> = {
  fixes({ parsed, data }) {
    const { mapSpan, entries } = data.approx;
    return [offer(t('Set `approx: true`'), [insertEntry(parsed, mapSpan, entries, TIME_KEYS, 'approx', { scalar: 'true' })], true)];
  },
};
