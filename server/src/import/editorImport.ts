/**
 * Import as the editor asks for it: a source into new incident files (as `incident-timeline
 * import` writes them), or the updates of a pasted or dropped source into the open incident file,
 * each event as the writer writes it (its `# import:` comment included, so a later re-import
 * recognises it) and placed by the instant the checker reads in it.
 */
import type { ImportAnswer, ImportParams } from '../../../common/protocol';
import { parseIncident, type Incident } from '../core';
import { fetchSource } from './fetch';
import { ImportError, type ImportedIncident } from './imported';
import { placeEvents, type PastedEvent, type Placement } from './placement';
import { READERS } from './readers';
import { incidentFileName, readSource } from './source';
import { eventText, incidentFields, writeIncident } from './writer';

/** A source (its text, or an https:// address to fetch) as the texts of new incident files. */
export async function importForEditor(
  source: ImportParams,
  fetchText: (url: string) => Promise<string> = async (url) => (await fetchSource(url)).text,
): Promise<ImportAnswer> {
  try {
    const text = source.text ?? (source.url ? await fetchText(source.url) : '');
    const incidents = readSource(text, { url: source.url, fileName: source.fileName });
    return { kind: 'incidents', incidents: incidents.map((incident) => ({ fileName: incidentFileName(incident), text: writeIncident(incident) })) };
  } catch (error) {
    // Unreadable sources and failed fetches are the user's to fix: say why, never a stack.
    if (error instanceof ImportError) return { kind: 'error', message: error.message, ...(error.position ? { position: error.position } : {}) };
    if (error instanceof Error) return { kind: 'error', message: error.message };
    throw error;
  }
}

/**
 * Where a pasted source's updates go in `incident` (the open file's model, `text` its text):
 * undefined when no reader recognises the paste or it cannot be read (the paste then stays a
 * plain paste), or when the timeline is written in a form we do not insert into.
 */
export function pasteUpdates(text: string, incident: Incident, pasted: string): Placement | undefined {
  const reader = READERS.find((r) => r.detect(pasted));
  if (!reader) return undefined;
  let incidents: ImportedIncident[];
  try {
    incidents = reader.read(pasted, {});
  } catch (error) {
    if (error instanceof ImportError) return undefined;
    throw error;
  }
  // A source of several incidents: the one this file is about, else the first.
  const chosen = incidents.find((i) => i.id !== undefined && i.id === incident.id?.value) ?? incidents[0];
  return chosen && placeEvents(text, incident, pastedEvents(chosen));
}

/** The writer's events, each with the instant and text our parse reads in the file the writer writes. */
function pastedEvents(incident: ImportedIncident): PastedEvent[] {
  const events = incidentFields(incident).events;
  const timeline = parseIncident(writeIncident(incident)).incident?.timeline ?? [];
  return events.map((event, i) => ({
    epochMs: timeline[i]?.at?.epochMs,
    event: timeline[i]?.event?.value ?? '',
    item: `${eventText(event, 0, '\n')}\n`,
  }));
}
