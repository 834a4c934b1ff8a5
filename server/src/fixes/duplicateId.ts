/** duplicate-id: a free id, `id-2`, `id-3`, …, the first no incident file in the workspace uses. */
import { t } from '../core';
import { replaceScalar } from '../features/edit';
import { offer, type QuickFix } from './fix';

/** `id-2`, `id-3`, …: the first that no incident file uses. */
export function freshId(id: string, taken: ReadonlySet<string>): string {
  for (let n = 2; ; n++) {
    const candidate = `${id}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export const duplicateId: QuickFix<'duplicate-id'> = {
  fixes({ parsed, diagnostic, data, takenIds }) {
    if (!takenIds) return [];
    const fresh = freshId(data.id, takenIds);
    return [offer(t('Change the id to `{0}`', fresh), [replaceScalar(parsed, diagnostic.span, fresh)])];
  },
};
