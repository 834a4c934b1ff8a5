/**
 * The import requests as LSP answers (common/protocol.ts): the pure import (server/src/import/)
 * gives offsets; they become ranges here, once.
 */
import type { TextEdit } from 'vscode-languageserver';
import type { PasteUpdatesAnswer, PasteUpdatesParams } from '../../../common/protocol';
import { pasteUpdates } from '../import/editorImport';
import type { IncidentDocument } from './languageServer';

/** The pasted source's updates as edits of the document; null for another version or no source. */
export function lspPasteUpdates(document: IncidentDocument, params: PasteUpdatesParams): PasteUpdatesAnswer | null {
  const incident = document.parsed.incident;
  if (params.version !== document.version || !incident) return null;
  const placement = pasteUpdates(document.parsed.text, incident, params.text);
  if (!placement) return null;
  const edits: TextEdit[] = placement.insertions.map((insertion) => ({
    range: document.rangeOf({ start: insertion.offset, end: insertion.offset }),
    newText: insertion.text,
  }));
  return { edits, added: placement.added, alreadyThere: placement.alreadyThere };
}
