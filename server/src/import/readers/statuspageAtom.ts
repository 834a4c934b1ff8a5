/**
 * A Statuspage's `history.atom` feed: one entry per incident, whose HTML content lists the
 * updates newest first, each as "<small>Aug 14, 23:11 UTC</small><br><strong>Resolved</strong> -
 * text". The stamps carry no year: it comes from the entry's own dates.
 */
import { DomUtils, parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import type { Status } from '../../../../common/eventKinds';
import { t } from '../../core/l10n';
import { LineIndex } from '../../core/text';
import { ImportError, type ImportedIncident, type ImportedUpdate, type Reader } from '../imported';
import { htmlText } from '../html';
import { STATUS } from './statuspage';
import { ZONE_ABBREVIATIONS } from '../zoneWords';
import { webAddress } from '../links';
import { hashText, occurrence } from '../keys';


const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const STAMP = /^([A-Z][a-z]{2}) (\d{1,2}), (\d{1,2}):(\d{2}) ([A-Z]{2,5})$/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The year that puts a yearless stamp nearest the entry's publication (an incident spans days, not months). */
function nearestYear(month: number, day: number, hour: number, minute: number, offsetMinutes: number, near: number): number {
  const year = new Date(near).getUTCFullYear();
  const candidates = [year - 1, year, year + 1].map((y) => Date.UTC(y, month, day, hour, minute) - offsetMinutes * 60_000);
  const best = candidates.reduce((a, b) => (Math.abs(b - near) < Math.abs(a - near) ? b : a));
  return new Date(best + offsetMinutes * 60_000).getUTCFullYear();
}

function child(element: Element, name: string): Element | undefined {
  return DomUtils.findOne((e) => e.name === name, element.children, false) ?? undefined;
}

function childText(element: Element, name: string): string | undefined {
  const found = child(element, name);
  return found ? DomUtils.textContent(found).trim() : undefined;
}

interface Located {
  readonly position: (node: { startIndex: number | null }) => string;
}

function readEntry(entry: Element, index: number, feed: { readonly service?: string }, where: Located): ImportedIncident {
  const path = `entry[${index}]`;
  const fail = (message: string, node: { startIndex: number | null } = entry): never => {
    throw new ImportError(message, where.position(node));
  };
  const title = childText(entry, 'title') || fail(t('{0} has no <title>', path));
  const link = DomUtils.findOne((e) => e.name === 'link' && (e.attribs.rel ?? 'alternate') === 'alternate', entry.children, false);
  const url = webAddress(link?.attribs.href);
  const published = Date.parse(childText(entry, 'published') ?? childText(entry, 'updated') ?? '');
  if (Number.isNaN(published)) fail(t('{0} has no readable <published> or <updated> date', path));
  const content = child(entry, 'content') ?? fail(t('{0} has no <content>', path));
  const html = parseDocument(DomUtils.textContent(content));
  const paragraphs = DomUtils.getElementsByTagName('p', html.children, false);
  const read: { time: number; utc: string; written: string; zone: string; local: string; status?: Status; postmortem: boolean; text: string[] }[] = [];
  for (const p of paragraphs) {
    const small = p.children.find((c): c is Element => c.type === 'tag' && c.name === 'small');
    if (!small) {
      // A paragraph without a stamp continues the update above it (long postmortems have several).
      read.at(-1)?.text.push(htmlText(DomUtils.getOuterHTML(p)));
      continue;
    }
    const written = DomUtils.textContent(small).replace(/\s+/g, ' ').trim();
    const m = STAMP.exec(written);
    const zone = m && ZONE_ABBREVIATIONS[m[5]];
    if (!m || !zone || !MONTHS.includes(m[1])) return fail(t('{0}: the update stamp `{1}` is not of the form "Aug 14, 23:11 UTC"', path, written), content);
    const month = MONTHS.indexOf(m[1]);
    const [day, hour, minute] = [Number(m[2]), Number(m[3]), Number(m[4])];
    const year = nearestYear(month, day, hour, minute, zone.offsetMinutes, published);
    const time = Date.UTC(year, month, day, hour, minute) - zone.offsetMinutes * 60_000;
    if (new Date(time + zone.offsetMinutes * 60_000).getUTCDate() !== day || hour > 23) return fail(t('{0}: the update stamp `{1}` is not a real date', path, written), content);
    const strong = p.children.find((c): c is Element => c.type === 'tag' && c.name === 'strong');
    const statusWord = strong ? DomUtils.textContent(strong).trim().toLowerCase().replace(/ /g, '_') : '';
    const rest: ChildNode[] = p.children.filter((c) => c !== small && c !== strong && !(c.type === 'tag' && c.name === 'br'));
    const text = htmlText(rest.map((c) => DomUtils.getOuterHTML(c)).join('')).replace(/^[-–]\s*/, '');
    read.push({
      time,
      utc: new Date(time).toISOString(),
      written,
      zone: zone.zone,
      local: `${year}-${pad(month + 1)}-${pad(day)}T${pad(hour)}:${pad(minute)}`,
      status: STATUS[statusWord],
      postmortem: statusWord === 'postmortem',
      text: [text],
    });
  }
  if (read.length === 0) fail(t('{0} lists no updates (no <p> with a <small> date)', path), content);
  // Newest first in the feed; equal stamps keep the feed's order reversed, so the oldest comes first.
  const ordered = [...read].reverse().sort((a, b) => a.time - b.time);
  const seen = new Map<string, number>();
  const updates: ImportedUpdate[] = ordered.map((u, order) => {
    const text = u.text.filter(Boolean).join('\n\n');
    return {
      at: u.zone === 'UTC' ? { utc: u.utc, written: u.written } : { utc: u.utc, local: u.local, zone: u.zone, written: u.written },
      kind: u.postmortem ? 'report' : order === 0 ? 'detected' : 'update',
      ...(u.status && !u.postmortem ? { status: u.status } : {}),
      text,
      // Identical updates in one minute are real and both kept: the count tells them apart.
      key: `atom:${u.local}${u.zone === 'UTC' ? 'Z' : ` ${u.zone}`}:${hashText(text)}:${occurrence(seen, `${u.utc}/${text}`)}`,
    };
  });
  const latest = [...ordered].reverse().find((u) => u.status && !u.postmortem);
  const resolved = ordered.filter((u) => u.status === 'resolved').at(-1);
  const status: Status = ordered.some((u) => u.postmortem) ? 'resolved' : latest?.status ?? 'investigating';
  const resolvedAt = resolved && updates[ordered.indexOf(resolved)].at;
  const id = url ? /\/incidents\/([^/?#]+)/.exec(url)?.[1] : undefined;
  return {
    format: 'statuspage',
    ...(id ? { id: decodeURIComponent(id) } : {}),
    title,
    status,
    ...(feed.service ? { service: feed.service } : {}),
    start: updates[0].at,
    ...(status === 'resolved' && resolvedAt ? { end: resolvedAt } : {}),
    sources: url ? [{ url }] : [],
    updates,
  };
}

export const statuspageAtomReader: Reader = {
  format: 'statuspage',
  detect(text) {
    return /^\s*(?:<\?xml[^>]*>\s*)?<feed[\s>]/.test(text) && text.includes('<entry');
  },
  read(text) {
    const lines = new LineIndex(text);
    const where: Located = {
      position(node) {
        const p = lines.positionAt(node.startIndex ?? 0);
        return t('line {0}, column {1}', p.line + 1, p.character + 1);
      },
    };
    const document = parseDocument(text, { xmlMode: true, withStartIndices: true });
    const feed = DomUtils.findOne((e) => e.name === 'feed', document.children, false);
    if (!feed) throw new ImportError(t('The feed has no <feed> element: it is not an Atom feed'), where.position({ startIndex: 0 }));
    const entries = feed.children.filter((c): c is Element => c.type === 'tag' && c.name === 'entry');
    if (entries.length === 0) throw new ImportError(t('The feed has no <entry>: there is no incident in it'), where.position(feed));
    const author = DomUtils.findOne((e) => e.name === 'author', feed.children, false);
    const service = author ? childText(author, 'name') : undefined;
    return entries.map((entry, index) => readEntry(entry, index, { ...(service ? { service } : {}) }, where));
  },
};
