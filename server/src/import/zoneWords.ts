/** The zone words sources print after a clock time. */

/** Zone abbreviations as status pages print them, with the zone and the offset each one means. */
export const ZONE_ABBREVIATIONS: Readonly<Record<string, { readonly zone: string; readonly offsetMinutes: number }>> = {
  UTC: { zone: 'UTC', offsetMinutes: 0 },
  GMT: { zone: 'Europe/London', offsetMinutes: 0 },
  BST: { zone: 'Europe/London', offsetMinutes: 60 },
  CET: { zone: 'Europe/Paris', offsetMinutes: 60 },
  CEST: { zone: 'Europe/Paris', offsetMinutes: 120 },
  EST: { zone: 'America/New_York', offsetMinutes: -300 },
  EDT: { zone: 'America/New_York', offsetMinutes: -240 },
  CST: { zone: 'America/Chicago', offsetMinutes: -360 },
  CDT: { zone: 'America/Chicago', offsetMinutes: -300 },
  MST: { zone: 'America/Denver', offsetMinutes: -420 },
  MDT: { zone: 'America/Denver', offsetMinutes: -360 },
  PST: { zone: 'America/Los_Angeles', offsetMinutes: -480 },
  PDT: { zone: 'America/Los_Angeles', offsetMinutes: -420 },
  JST: { zone: 'Asia/Tokyo', offsetMinutes: 540 },
  IST: { zone: 'Asia/Kolkata', offsetMinutes: 330 },
  AEST: { zone: 'Australia/Sydney', offsetMinutes: 600 },
  AEDT: { zone: 'Australia/Sydney', offsetMinutes: 660 },
};

const STAMP = /^(\d{1,4})\/(\d{1,2})\/(\d{1,4}) (\d{1,2}):(\d{2}) ([A-Z]{2,5})$/;

/**
 * "11/28/2023 12:11 PST" (month first, as US pages print) or "2023/11/28 12:11 JST" (year first)
 * as an instant, or undefined when it is not one of these or names a zone not in the table.
 */
export function slashedStamp(text: string): string | undefined {
  const m = STAMP.exec(text.trim());
  const zone = m && ZONE_ABBREVIATIONS[m[6]];
  if (!m || !zone) return undefined;
  const [year, month, day] = m[1].length === 4 ? [m[1], m[2], m[3]] : [m[3], m[1], m[2]];
  if (year.length !== 4) return undefined;
  const wall = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(m[4]), Number(m[5]));
  const d = new Date(wall);
  if (d.getUTCMonth() !== Number(month) - 1 || d.getUTCDate() !== Number(day) || Number(m[4]) > 23) return undefined;
  return new Date(wall - zone.offsetMinutes * 60_000).toISOString();
}
