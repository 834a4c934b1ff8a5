/**
 * zone-abbreviation in prose: the abbreviation the zone had on that date written in its place
 * ("PST" -> "PDT"). Letters for letters, so the scalar's quoting and the comments stay as they are.
 * Not in `written`: the source's words are kept as printed, slip included.
 */
import { t } from '../core';
import { offer, type QuickFix } from './fix';

export const zoneAbbreviation: QuickFix<'zone-abbreviation'> = {
  fixes({ diagnostic, data }) {
    return [offer(t('Write `{0}`', data.abbreviation), [{ span: diagnostic.span, newText: data.abbreviation }], true)];
  },
};
