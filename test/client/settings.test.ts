/**
 * The client's reading of `incidentTimeline.*` and the document selector it builds: which files the
 * language server is told about. Plain Node (settings.ts has no runtime vscode import).
 */
import * as assert from 'node:assert/strict';
import { asPathGlob, incidentDocumentSelector, readSettings, type SettingsSource } from '../../client/src/settings';

/** A WorkspaceConfiguration stand-in holding the given dotted keys. */
function source(values: Record<string, unknown>): SettingsSource {
  return { get: <T>(key: string) => values[key] as T | undefined };
}

describe('client settings', () => {
  it('defaults when nothing is set', () => {
    assert.deepEqual(readSettings(source({})), {
      files: [],
      validation: { debounce: 150, maxProblems: 1000 },
      maxFileLength: 16 * 1024 * 1024,
      preview: { timeZone: 'JST' },
      extraTimeZones: [],
    });
  });

  it('keeps valid values and drops wrong types to the defaults', () => {
    assert.deepEqual(
      readSettings(source({
        files: ['incidents/*.yaml', 42, null],
        'validation.debounce': 0,
        'validation.maxProblems': 25,
        maxFileLength: 2048,
        'preview.timeZone': 'both',
        extraTimeZones: ['America/New_York'],
      })),
      { files: ['incidents/*.yaml'], validation: { debounce: 0, maxProblems: 25 }, maxFileLength: 2048, preview: { timeZone: 'both' }, extraTimeZones: ['America/New_York'] },
    );
    // Each incident's own zone: the preview and the exports start in it.
    assert.deepEqual(readSettings(source({ 'preview.timeZone': 'file' })).preview, { timeZone: 'file' });
    assert.deepEqual(
      readSettings(source({ files: 'x.yaml', 'validation.debounce': -5, 'validation.maxProblems': 0, maxFileLength: Number.NaN, 'preview.timeZone': 'PST', extraTimeZones: {} })),
      readSettings(source({})),
    );
  });
});

describe('incident document selector', () => {
  it('always selects *.incident.yaml / *.yml as YAML, on disk and untitled', () => {
    assert.deepEqual(incidentDocumentSelector([]), [
      { scheme: 'file', language: 'yaml', pattern: '**/*.incident.{yaml,yml}' },
      { scheme: 'untitled', language: 'yaml', pattern: '**/*.incident.{yaml,yml}' },
    ]);
  });

  it('adds each files pattern once, made to match anywhere in the path', () => {
    const selector = incidentDocumentSelector(['incidents/*.yaml', './ops/*.yml', '**/*.postmortem.yaml', 'incidents/*.yaml', '  ']);
    const patterns = ['**/*.incident.{yaml,yml}', '**/incidents/*.yaml', '**/ops/*.yml', '**/*.postmortem.yaml'];
    assert.deepEqual(selector, patterns.flatMap((pattern) => [
      { scheme: 'file', language: 'yaml', pattern },
      { scheme: 'untitled', language: 'yaml', pattern },
    ]));
  });

  it('leaves absolute and ** patterns as written, and turns backslashes into slashes', () => {
    assert.equal(asPathGlob('/srv/incidents/*.yaml'), '/srv/incidents/*.yaml');
    assert.equal(asPathGlob('C:\\incidents\\*.yaml'), 'C:/incidents/*.yaml');
    assert.equal(asPathGlob('**/x.yaml'), '**/x.yaml');
    assert.equal(asPathGlob(' incidents/*.yaml '), '**/incidents/*.yaml');
  });
});
