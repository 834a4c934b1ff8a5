/** timeline-order: sorts the whole timeline by time (one action however many events are out of order). */
import { t } from '../core';
import { sortTimeline } from '../features/sortTimeline';
import { offer, type QuickFix } from './fix';

export const timelineOrder: QuickFix<'timeline-order'> = {
  fixes({ parsed }) {
    const edit = sortTimeline(parsed);
    return edit ? [{ ...offer(t('Sort the timeline by time'), [edit], true), key: 'sort-timeline' }] : [];
  },
};
