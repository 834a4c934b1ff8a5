/**
 * The phrase reader: a source's own words for a time, read into parts with their spans. Readings
 * are cached by text, so a keystroke re-reads only the phrase or text it changed.
 */
import { readMentions, readPhrase, type PhraseReading, type PhraseTime } from './read';

export { MAX_PHRASE_LENGTH, readMentions, readPhrase, type LeftAlone, type Part, type PhraseClock, type PhraseDate, type PhraseReading, type PhraseSpan, type PhraseTime } from './read';
export { findZoneWords, type ZoneMatch, type ZoneWord } from './zoneWords';

/** Enough for every phrase and event text of a large file (the benchmark's 10,000 events). */
const CACHE_SIZE = 32_768;

/** A function of a text, remembered by that text; the oldest reading goes first when full. */
function remembered<T>(read: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    const value = read(text);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(text, value);
    return value;
  };
}

/** readPhrase, remembered by phrase. */
export const readPhraseCached: (phrase: string) => PhraseReading = remembered(readPhrase);

/** A phrase whose date comes from the time before it: a relative day (同日, 翌日, the next day) or a date without a year. */
export function readsFromTimeBefore(phrase: string): boolean {
  const time = readPhraseCached(phrase).time;
  return !!time && (time.relativeDay !== undefined || (time.date !== undefined && time.date.value.year === undefined));
}

/** readMentions, remembered by text. */
export const readMentionsCached: (text: string) => readonly PhraseTime[] = remembered(readMentions);
