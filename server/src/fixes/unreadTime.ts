/** unread-time: "Fill the time from what was written", or why the phrase cannot fill it. */
import { t } from '../core';
import { insertFilled } from './fillTime';
import { notOffered, offer, type QuickFix } from './fix';

export const unreadTime: QuickFix<'unread-time'> = {
  fixes({ parsed, data }) {
    const title = t('Fill the time from what was written');
    if (!data.filled) return [notOffered(title, data.reason ?? '')];
    return [offer(title, [insertFilled(parsed, data.mapSpan, data.entries, data.filled)], true)];
  },
};
