/**
 * The zone words a source's phrase uses ("UTC", "PDT", "Pacific", "日本時間", "UTC+9"), as the
 * zone they name. Ours, not chrono-node's: chrono turns "PT" into a fixed UTC−8 all year, while an
 * abbreviation names a zone (PST on a summer date is Pacific time with the wrong abbreviation).
 */
import { isKnownTimeZone } from '../../../../common/time';

export interface ZoneWord {
  /** The IANA zone the word names; absent for a fixed offset ("UTC+9"). */
  readonly zone?: string;
  /** A fixed offset, minutes east of UTC ("UTC+9", "GMT-08:00"). */
  readonly offsetMinutes?: number;
  /** For an abbreviation of standard or summer time (PST, PDT, BST…): the offset it stands for. */
  readonly abbreviationOffset?: number;
}

const LOS_ANGELES = 'America/Los_Angeles';
const NEW_YORK = 'America/New_York';
const CHICAGO = 'America/Chicago';
const DENVER = 'America/Denver';
const LONDON = 'Europe/London';
const BERLIN = 'Europe/Berlin';
const SYDNEY = 'Australia/Sydney';
const TOKYO = 'Asia/Tokyo';

/**
 * Abbreviations and names, longest first where one is a prefix of another. Left out on purpose:
 * CST and IST, which name zones on three continents (China, Cuba, Central; India, Ireland,
 * Israel): a phrase with one is left alone rather than read in the wrong one.
 */
const WORDS: readonly (readonly [string, ZoneWord])[] = [
  ['Coordinated Universal Time', { zone: 'UTC' }],
  ['Pacific Standard Time', { zone: LOS_ANGELES, abbreviationOffset: -480 }],
  ['Pacific Daylight Time', { zone: LOS_ANGELES, abbreviationOffset: -420 }],
  ['Eastern Standard Time', { zone: NEW_YORK, abbreviationOffset: -300 }],
  ['Eastern Daylight Time', { zone: NEW_YORK, abbreviationOffset: -240 }],
  ['Japan Standard Time', { zone: TOKYO, abbreviationOffset: 540 }],
  ['Pacific Time', { zone: LOS_ANGELES }],
  ['Eastern Time', { zone: NEW_YORK }],
  ['US/Pacific', { zone: LOS_ANGELES }],
  ['US/Eastern', { zone: NEW_YORK }],
  ['US/Central', { zone: CHICAGO }],
  ['US/Mountain', { zone: DENVER }],
  ['Pacific', { zone: LOS_ANGELES }],
  ['Eastern', { zone: NEW_YORK }],
  ['UTC', { zone: 'UTC' }],
  ['GMT', { zone: 'UTC' }],
  ['JST', { zone: TOKYO, abbreviationOffset: 540 }],
  ['PST', { zone: LOS_ANGELES, abbreviationOffset: -480 }],
  ['PDT', { zone: LOS_ANGELES, abbreviationOffset: -420 }],
  ['PT', { zone: LOS_ANGELES }],
  ['EST', { zone: NEW_YORK, abbreviationOffset: -300 }],
  ['EDT', { zone: NEW_YORK, abbreviationOffset: -240 }],
  ['ET', { zone: NEW_YORK }],
  ['CDT', { zone: CHICAGO, abbreviationOffset: -300 }],
  ['CT', { zone: CHICAGO }],
  ['MST', { zone: DENVER, abbreviationOffset: -420 }],
  ['MDT', { zone: DENVER, abbreviationOffset: -360 }],
  ['BST', { zone: LONDON, abbreviationOffset: 60 }],
  ['CEST', { zone: BERLIN, abbreviationOffset: 120 }],
  ['CET', { zone: BERLIN, abbreviationOffset: 60 }],
  ['AEDT', { zone: SYDNEY, abbreviationOffset: 660 }],
  ['AEST', { zone: SYDNEY, abbreviationOffset: 600 }],
  ['KST', { zone: 'Asia/Seoul', abbreviationOffset: 540 }],
  ['SGT', { zone: 'Asia/Singapore', abbreviationOffset: 480 }],
  ['日本標準時', { zone: TOKYO, abbreviationOffset: 540 }],
  ['日本時間', { zone: TOKYO }],
  ['協定世界時', { zone: 'UTC' }],
  ['太平洋標準時', { zone: LOS_ANGELES, abbreviationOffset: -480 }],
  ['太平洋夏時間', { zone: LOS_ANGELES, abbreviationOffset: -420 }],
  ['太平洋時間', { zone: LOS_ANGELES }],
  ['米国東部時間', { zone: NEW_YORK }],
  ['東部時間', { zone: NEW_YORK }],
];

const BY_WORD = new Map(WORDS.map(([word, zone]) => [word.toLowerCase(), zone]));

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * One pass over a phrase: a fixed offset first ("UTC+9" is not "UTC"), then an IANA name, then
 * the words. Latin words must stand alone ("ET" inside "SET" is no zone); a lone Z only after a clock.
 */
const ZONE_PATTERN = new RegExp(
  [
    String.raw`\b(?:UTC|GMT)\s*[+\-−]\s*\d{1,2}(?::?\d{2})?\b`,
    String.raw`\b[A-Z][A-Za-z_]+/[A-Z][A-Za-z_]+(?:/[A-Z][A-Za-z_]+)?\b`,
    ...WORDS.map(([word]) => (/^[A-Za-z]/.test(word) ? String.raw`\b${escape(word)}\b` : escape(word))),
    String.raw`(?<=\d)Z\b`,
    // Zones we do not read: their times are left alone rather than read in the mapping's zone.
    String.raw`\b[A-Z][a-z]+ (?:Standard |Daylight |Summer )?Time\b`,
    '米国時間|欧州時間|英国時間|中国時間|インド時間',
  ].join('|'),
  'g',
);

export interface ZoneMatch {
  /** Absent for a zone named in words we do not read ("India Standard Time", 米国時間). */
  readonly word?: ZoneWord;
  readonly start: number;
  readonly end: number;
}

/** Every zone word in a text, in order; an IANA-looking name the platform does not know is skipped. */
export function findZoneWords(text: string): ZoneMatch[] {
  const found: ZoneMatch[] = [];
  for (const m of text.matchAll(ZONE_PATTERN)) {
    const at = { start: m.index, end: m.index + m[0].length };
    if (/^[A-Z][a-z]+ (?:Standard |Daylight |Summer )?Time$|^..時間$/.test(m[0]) && !BY_WORD.has(m[0].toLowerCase())) {
      found.push(at);
      continue;
    }
    const word = zoneWordOf(m[0]);
    if (word) found.push({ word, ...at });
  }
  return found;
}

function zoneWordOf(text: string): ZoneWord | undefined {
  const offset = /^(?:UTC|GMT)\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?$/.exec(text);
  if (offset) {
    const minutes = Number(offset[2]) * 60 + Number(offset[3] ?? 0);
    if (minutes > 14 * 60) return undefined;
    return { offsetMinutes: offset[1] === '+' ? minutes : -minutes };
  }
  if (text === 'Z') return { zone: 'UTC' };
  const known = BY_WORD.get(text.toLowerCase());
  if (known) return known;
  return text.includes('/') && isKnownTimeZone(text) ? { zone: text } : undefined;
}
