/**
 * package.json as VS Code and vsce read it: every contributed setting has the default the code
 * uses and a row in the README, every %key% has its English text, and the .vsix ships exactly
 * the run-time files (asked of vsce itself, without packaging). Needs `npm run build` (npm test does it).
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { PackageManager, listFiles } from '@vscode/vsce';
import { readSettings } from '../../client/src/settings';
import { DEFAULT_MAX_LENGTH } from '../../server/src/core';

const ROOT = path.resolve(__dirname, '..', '..');

interface ConfigurationProperty {
  readonly default: unknown;
  readonly markdownDescription?: string;
  readonly enum?: readonly string[];
  readonly enumDescriptions?: readonly string[];
}

interface Manifest {
  readonly main: string;
  readonly icon?: string;
  readonly l10n?: string;
  readonly contributes: {
    readonly configuration: { readonly properties: Record<string, ConfigurationProperty> };
    readonly yamlValidation?: readonly { readonly url: string }[];
    readonly grammars?: readonly { readonly path: string }[];
  };
}

const manifestText = readFileSync(path.join(ROOT, 'package.json'), 'utf8');
const manifest = JSON.parse(manifestText) as Manifest;
const settings = manifest.contributes.configuration.properties;

describe('package.json', () => {
  it('contributes the agreed settings, each with the default the code falls back to', () => {
    const code = readSettings({ get: () => undefined });
    assert.deepEqual(
      Object.fromEntries(Object.entries(settings).map(([key, property]) => [key, property.default])),
      {
        'incidentTimeline.files': code.files,
        'incidentTimeline.trace.server': 'off',
        'incidentTimeline.validation.debounce': code.validation.debounce,
        'incidentTimeline.validation.maxProblems': code.validation.maxProblems,
        'incidentTimeline.preview.timeZone': code.preview.timeZone,
        'incidentTimeline.extraTimeZones': code.extraTimeZones,
        'incidentTimeline.maxFileLength': DEFAULT_MAX_LENGTH,
      },
    );
    assert.equal(code.maxFileLength, DEFAULT_MAX_LENGTH);
  });

  it('describes every setting and enum value, and lists every setting in the README', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const [key, property] of Object.entries(settings)) {
      assert.match(property.markdownDescription ?? '', /^%.+%$/, `${key} has a translated description`);
      assert.equal(property.enumDescriptions?.length, property.enum?.length, `${key} describes each enum value`);
      assert.ok(readme.includes(`| \`${key}\` |`), `README's settings table has ${key}`);
    }
  });

  it('has English text for every %key%', () => {
    const english = JSON.parse(readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const keys = [...manifestText.matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]!);
    assert.ok(keys.length > 0);
    assert.deepEqual(keys.filter((key) => !(key in english)), []);
  });
});

describe('the .vsix contents (.vscodeignore allowlist)', () => {
  let shipped: string[] = [];

  before(async () => {
    if (!existsSync(path.join(ROOT, manifest.main))) {
      throw new Error(`${manifest.main} is missing: run \`npm run build\` first (npm test does)`);
    }
    // vsce's own file list (what `vsce package --no-dependencies` would zip), in a second or so.
    shipped = (await listFiles({ cwd: ROOT, packageManager: PackageManager.None })).map((file) => file.replace(/\\/g, '/'));
  });

  it('ships every file the manifest and the client load at run time', () => {
    const needed = [
      'package.json',
      'package.nls.json',
      'README.md',
      'LICENSE',
      manifest.main,
      'dist/server/server.js',
      // The preview's page (client/src/preview/timelinePreview.ts loads these into its webview).
      'dist/webview/main.js',
      'dist/webview/main.css',
      ...(manifest.icon ? [manifest.icon] : []),
      ...(manifest.contributes.yamlValidation ?? []).map((entry) => entry.url),
      ...(manifest.contributes.grammars ?? []).map((entry) => entry.path),
      ...(manifest.l10n ? [`${manifest.l10n}/bundle.l10n.ja.json`] : []),
    ].map((file) => path.posix.normalize(file));
    assert.deepEqual(needed.filter((file) => !shipped.includes(file)), []);
  });

  it('ships no sources, sourcemaps, tests, examples or node_modules', () => {
    const unwanted = shipped.filter((file) =>
      /\.(map|ts|mjs|cjs)$/.test(file) ||
      /^(node_modules|client|server|test|bench|examples|docs|scripts|\.vscode|\.ci)\//.test(file) ||
      file === 'dist/cli.js');
    assert.deepEqual(unwanted, []);
  });
});
