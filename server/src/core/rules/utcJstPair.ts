import { t } from '../l10n';
import { allTimes } from '../times';
import { HOUR, describeJst, formatDuration, formatInOffset, JST_OFFSET_MINUTES } from '../time';
import type { Rule } from './rule';

/**
 * Both sides of a utc/jst pair name one instant. When they are exactly 9 hours apart one side
 * was almost certainly written in the other zone's clock; the diagnostic says which and sits on it.
 */
export const utcJstPair: Rule = {
  name: 'utc-jst-mismatch',
  check(incident, report) {
    for (const { label, time } of allTimes(incident)) {
      const { utc, jst } = time;
      if (time.form !== 'pair' || !utc || !jst) continue;
      if (utc.epochMs === undefined || jst.epochMs === undefined || utc.wrongOffset || jst.wrongOffset) continue;
      if (utc.epochMs === jst.epochMs) continue;
      const diff = jst.epochMs - utc.epochMs;
      // A jst value written with the UTC clock names an instant 9 hours early, and vice versa.
      const suspect = diff === -9 * HOUR ? 'jst' : diff === 9 * HOUR ? 'utc' : undefined;
      const keepSeconds = (s: string) => /T?\d{2}:\d{2}:\d{2}/.test(s);
      const separator = (s: string) => (s.includes('T') ? 'T' : ' ');
      const withOffset = (s: string) => /(Z|[+-]\d{2}:\d{2})$/.test(s);
      const correctedJst = formatInOffset(utc.epochMs, JST_OFFSET_MINUTES, { seconds: keepSeconds(jst.text), separator: separator(jst.text), offset: withOffset(jst.text) });
      const correctedUtc = formatInOffset(jst.epochMs, 0, { seconds: keepSeconds(utc.text), separator: separator(utc.text), offset: withOffset(utc.text) });
      const difference = formatDuration(Math.abs(diff));
      let message = t('`{0}`: utc and jst name different instants. utc {1} is {2} in JST, but jst says {3}: {4} apart.',
        label, utc.text, describeJst(utc.epochMs), describeJst(jst.epochMs), difference);
      if (suspect === 'jst') message += ' ' + t('The jst value looks written in UTC clock time (exactly 9 hours off).');
      if (suspect === 'utc') message += ' ' + t('The utc value looks written in JST clock time (exactly 9 hours off).');
      report({
        code: 'utc-jst-mismatch',
        severity: 'error',
        span: suspect === 'utc' ? utc.span : jst.span,
        message,
        data: { code: 'utc-jst-mismatch', utcSpan: utc.span, jstSpan: jst.span, correctedJst, correctedUtc, suspect },
      });
    }
  },
};
