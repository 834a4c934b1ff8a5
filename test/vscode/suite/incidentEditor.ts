/**
 * What the VS Code tests share: reaching the extension's API, opening incident files, and waiting
 * (on VS Code's events, never on timers) for the diagnostics the server sends.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { IncidentTimelineApi } from '../../../client/src/api';
import { TimelineRequest, type TimelineModel } from '../../../common/protocol';

export const EXTENSION_ID = 'incident-timeline.incident-timeline';
/** The repository: set by runTest.ts, or found from this file when F5 runs "Extension Tests". */
export const ROOT = process.env.INCIDENT_TIMELINE_ROOT ?? path.resolve(__dirname, '..', '..', '..');
export const EXAMPLES = path.join(ROOT, 'examples');

export async function incidentTimelineApi(): Promise<IncidentTimelineApi> {
  const extension = vscode.extensions.getExtension<IncidentTimelineApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this VS Code`);
  const api = await extension.activate();
  await api.ready;
  return api;
}

/**
 * The server's `incident/timeline` answer for a document. By method name on purpose: the
 * `TimelineRequest.type` a test imports comes from node_modules, another copy of vscode-jsonrpc
 * than the one bundled into the extension, and jsonrpc rejects it ("Unknown parameter structure").
 */
export function requestTimeline(api: IncidentTimelineApi, uri: vscode.Uri): Promise<TimelineModel | null> {
  return api.client.sendRequest<TimelineModel | null>(TimelineRequest.method, { uri: uri.toString() });
}

/** Our diagnostics of a document (other extensions may add their own). */
export function incidentDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'incident');
}

/**
 * Resolves with the document's diagnostics once `until` holds: checked now and on every
 * onDidChangeDiagnostics that names the document. The mocha timeout bounds the wait.
 */
export function whenDiagnostics(uri: vscode.Uri, until: (diagnostics: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve) => {
    const key = uri.toString();
    const check = (): void => {
      const diagnostics = incidentDiagnostics(uri);
      if (!until(diagnostics)) return;
      subscription.dispose();
      resolve(diagnostics);
    };
    // Subscribe first, then look at what is already there: no report can slip between the two.
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === key)) check();
    });
    check();
  });
}

export async function openInEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}

/** Writes a file into a fresh temp folder (outside the workspace, so the examples stay as they are). */
export function writeTempFile(name: string, text: string): vscode.Uri {
  const folder = mkdtempSync(path.join(tmpdir(), 'incident-timeline-test-'));
  const file = path.join(folder, name);
  writeFileSync(file, text);
  return vscode.Uri.file(file);
}

/** A diagnostic as one comparable line: "code severity L:C-L:C" (0-based, like the API). */
export function describeDiagnostic(diagnostic: vscode.Diagnostic): string {
  const { start, end } = diagnostic.range;
  return `${codeOf(diagnostic)} ${severityName(diagnostic.severity)} ${start.line}:${start.character}-${end.line}:${end.character}`;
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function docsLinkOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? code.target.toString(true) : undefined;
}

export function severityName(severity: vscode.DiagnosticSeverity): string {
  return ['error', 'warning', 'information', 'hint'][severity] ?? String(severity);
}
