/**
 * The phrase reader: a source's own words for a time, read into parts with their spans. Readings
 * are cached by phrase text, so a keystroke re-reads only the phrase it changed.
 */
import { readPhrase, type PhraseReading } from './read';

export { MAX_PHRASE_LENGTH, readPhrase, type LeftAlone, type Part, type PhraseClock, type PhraseDate, type PhraseReading, type PhraseSpan, type PhraseTime } from './read';
export { findZoneWords, type ZoneMatch, type ZoneWord } from './zoneWords';

/** Enough for every phrase of a large file; the oldest reading goes first when full. */
const CACHE_SIZE = 4096;
const readings = new Map<string, PhraseReading>();

/** readPhrase, remembered by text. */
export function readPhraseCached(phrase: string): PhraseReading {
  const hit = readings.get(phrase);
  if (hit) return hit;
  const reading = readPhrase(phrase);
  if (readings.size >= CACHE_SIZE) readings.delete(readings.keys().next().value as string);
  readings.set(phrase, reading);
  return reading;
}
