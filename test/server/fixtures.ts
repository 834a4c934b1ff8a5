/** Texts and helpers shared by the protocol tests. */
import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';

/** Resolved without an end (missing-end on `resolved`) and a misspelt key (unknown-field). */
export const BROKEN = [
  'id: A-1',
  'title: Test',
  'status: resolved',
  'start: 2024-01-01T10:00+09:00',
  'severty: major',
  '',
].join('\n');

/** A clean incident with the given id. */
export function cleanIncident(id: string): string {
  return [
    `id: ${id}`,
    'title: Clean',
    'status: investigating',
    'start: 2024-01-01T10:00+09:00',
    '',
  ].join('\n');
}

/** The parts of a diagnostic a test compares, in a stable order. */
export function summary(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics
    .map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${String(d.code)}`)
    .sort();
}

export function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code)).sort();
}

export function assertHasCode(diagnostics: readonly Diagnostic[], code: string): Diagnostic {
  const found = diagnostics.find((d) => d.code === code);
  assert.ok(found, `expected a ${code} diagnostic, got ${JSON.stringify(codes(diagnostics))}`);
  return found;
}
