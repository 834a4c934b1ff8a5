/**
 * The JSON Schemas agree with the core: same keys, enumerations and time forms; and the hints
 * schema is the full one with every validating keyword stripped (generated, and current).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from 'yaml-language-server/lib/umd/languageservice/yamlLanguageService';
import {
  EVENT_KEYS,
  EVENT_KINDS,
  INCIDENT_KEYS,
  REQUIRED_EVENT_KEYS,
  REQUIRED_INCIDENT_KEYS,
  SEVERITIES,
  SOURCE_KEYS,
  STATUSES,
  TIME_KEYS,
  parseTimeText,
} from '../../server/src/core';

const ROOT = path.join(__dirname, '../..');

interface Schema {
  [key: string]: unknown;
  properties?: Record<string, Schema>;
  definitions?: Record<string, Schema>;
  required?: string[];
  enum?: string[];
  pattern?: string;
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  description?: string;
}

const read = (name: string) => JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', name), 'utf8')) as Schema;
const full = read('incident.schema.json');
const hints = read('incident.hints.schema.json');
const defs = full.definitions!;

const VALIDATING = new Set([
  'type', 'required', 'enum', 'const', 'pattern', 'format', 'minLength', 'maxLength', 'minItems', 'maxItems', 'uniqueItems',
  'contains', 'minProperties', 'maxProperties', 'additionalProperties', 'additionalItems', 'propertyNames', 'dependencies',
  'patternProperties', 'if', 'then', 'else', 'not', 'oneOf', 'allOf', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf',
]);

/** Every schema object in a schema, with its path; property names and data (examples, snippets) are not schemas. */
function* schemas(schema: unknown, at = '#'): Generator<[string, Schema]> {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return;
  const s = schema as Schema;
  yield [at, s];
  for (const [key, value] of Object.entries(s)) {
    if (key === 'properties' || key === 'definitions') {
      for (const [name, sub] of Object.entries(value as Record<string, Schema>)) yield* schemas(sub, `${at}/${key}/${name}`);
    } else if (key === 'oneOf' || key === 'anyOf' || key === 'allOf') {
      // The hints schema says anyOf where the full one says oneOf: one path for both.
      for (const [i, sub] of (value as Schema[]).entries()) yield* schemas(sub, `${at}/of/${i}`);
    } else if (key === 'items' || key === 'if' || key === 'then' || key === 'else' || key === 'not') {
      yield* schemas(value, `${at}/${key}`);
    }
  }
}

describe('JSON schemas', () => {
  describe('incident.schema.json matches the core', () => {
    it('root keys, in the core\'s order, and the required ones', () => {
      assert.deepEqual(Object.keys(full.properties!), [...INCIDENT_KEYS]);
      assert.deepEqual(full.required, [...REQUIRED_INCIDENT_KEYS]);
      assert.equal(full.additionalProperties, false);
      // `end` is required when resolved.
      assert.deepEqual(full.then, { required: ['end'] });
    });

    it('the enumerations: status, severity, event kind', () => {
      assert.deepEqual(full.properties!.status.enum, [...STATUSES]);
      assert.deepEqual(full.properties!.severity.enum, [...SEVERITIES]);
      assert.deepEqual(defs.event.properties!.kind.enum, [...EVENT_KINDS]);
      for (const s of [full.properties!.status, full.properties!.severity, defs.event.properties!.kind]) {
        assert.equal((s.enumDescriptions as string[]).length, s.enum!.length);
      }
    });

    it('events, time pairs and sources', () => {
      assert.deepEqual(Object.keys(defs.event.properties!), [...EVENT_KEYS]);
      assert.deepEqual(defs.event.required, [...REQUIRED_EVENT_KEYS]);
      assert.deepEqual(Object.keys(defs.timePair.properties!), [...TIME_KEYS]);
      assert.deepEqual(Object.keys((defs.source.oneOf![1]).properties!), [...SOURCE_KEYS]);
    });

    it('the time patterns accept what the core reads as a time of that form, and nothing else', () => {
      const plain = new RegExp(defs.timeString.pattern!);
      const utc = new RegExp(defs.timePair.properties!.utc.pattern!);
      const jst = new RegExp(defs.timePair.properties!.jst.pattern!);
      const local = new RegExp(defs.timePair.properties!.local.pattern!);
      const samples = [
        '2019-11-19T10:40+09:00', '2019-11-19T01:40Z', '2019-11-19 01:40Z', '2019-11-19T01:40:05.123Z', '2019-11-19T01:40+00:00',
        '2019-11-19T10:40', '2019-11-19T10:40-05:30', '2019-11-19T10:40+0900', '2019-11-19', '10:40', '2019-11-19T10:40 +09:00',
        '2019-11-19t10:40Z', 'Tuesday, November 19, 2019, 10:40 AM', '2019-11-19T10:40:5Z', '2019-11-19T10:40:05.1234567891Z',
        '2019-11-19T10:40:05.1234Z', '2019-11-19Z', '2019-11-19+09:00',
      ];
      for (const s of samples) {
        // A date alone is read as a whole day in every form (in the root zone for a plain string).
        const date = /^\d{4}-\d{2}-\d{2}$/.test(s);
        const parsed = parseTimeText(s);
        const offset = parsed.ok ? parsed.value.offsetMinutes : undefined;
        // Without an offset a plain string is read in the root zone, which the schema cannot see.
        assert.equal(plain.test(s), date || parsed.ok, `plain ${s}`);
        assert.equal(utc.test(s), date || (parsed.ok && (offset === null || offset === 0)), `utc ${s}`);
        assert.equal(jst.test(s), date || (parsed.ok && (offset === null || offset === 9 * 60)), `jst ${s}`);
        assert.equal(local.test(s), date || parsed.ok, `local ${s}`);
      }
    });

    it('every property has a description', () => {
      for (const [at, s] of schemas(full)) {
        if (at.includes('/if/')) continue;
        if (/\/properties\/[^/]+$/.test(at) || /\/definitions\/[^/]+$/.test(at)) assert.ok(s.description || s.$ref, `${at} has no description`);
      }
    });
  });

  describe('incident.hints.schema.json', () => {
    it('is current: generated by scripts/hints-schema.mjs from the full schema', () => {
      const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/hints-schema.mjs'), '--check'], { encoding: 'utf8' });
      assert.equal(r.stderr, '');
      assert.equal(r.status, 0);
    });

    it('has no validating keyword anywhere, so the Red Hat YAML extension reports nothing from it', () => {
      for (const [at, s] of schemas(hints)) {
        for (const key of Object.keys(s)) assert.ok(!VALIDATING.has(key), `${at} keeps ${key}`);
      }
    });

    it('is the full schema with those keywords stripped: same schemas, descriptions, refs, snippets; enums become examples', () => {
      const fullSchemas = new Map(schemas(full));
      const hintSchemas = new Map(schemas(hints));
      // Schemas only reachable through if/then/else/not disappear with those keywords.
      const kept = [...fullSchemas.keys()].filter((p) => !/\/(if|then|else|not)(\/|$)/.test(p));
      assert.deepEqual([...hintSchemas.keys()], kept);
      for (const p of kept) {
        const f = fullSchemas.get(p)!;
        const h = hintSchemas.get(p)!;
        for (const key of Object.keys(f)) {
          if (VALIDATING.has(key) || key === 'enumDescriptions' || key === 'properties' || key === 'definitions' || key === 'items') continue;
          if (key === 'examples' && f.enum) continue;
          if (key === '$id' || key === 'title' && p === '#') continue;
          assert.deepEqual(h[key], f[key], `${p} ${key}`);
        }
        if (f.enum) assert.deepEqual(h.examples, f.enum, `${p} enum -> examples`);
        if (f.oneOf) assert.equal(h.anyOf?.length, f.oneOf.length, `${p} oneOf -> anyOf`);
      }
    });
  });
});

describe('the schemas in Red Hat\'s yaml-language-server (what the YAML extension runs)', () => {
  async function service(name: string) {
    const schema = read(name);
    const ls = getLanguageService({
      schemaRequestService: async () => JSON.stringify(schema),
      workspaceContext: { resolveRelativePath: (relativePath: string) => relativePath },
    });
    ls.configure({ validate: true, hover: true, completion: true, yamlVersion: '1.2', schemas: [{ uri: `file:///schemas/${name}`, fileMatch: ['*.incident.yaml'], schema }] });
    return ls;
  }
  async function documentOf(file: string) {
    return TextDocument.create(`file:///work/${path.basename(file)}`, 'yaml', 1, fs.readFileSync(path.join(ROOT, file), 'utf8'));
  }
  const TIMES = 'examples/broken/exchange-online-2019-11-19-times.incident.yaml';

  it('the full schema reports the broken times file (so the silence below means something)', async () => {
    const diagnostics = await (await service('incident.schema.json')).doValidation(await documentOf(TIMES), false);
    assert.ok(diagnostics.length >= 3, JSON.stringify(diagnostics));
  });

  it('the hints schema reports nothing on any example, broken or not: our server owns the errors', async () => {
    const ls = await service('incident.hints.schema.json');
    for (const file of ['examples/exchange-online-2019-11-19.incident.yaml', TIMES, 'examples/broken/exchange-online-2019-11-19.incident.yaml']) {
      assert.deepEqual(await ls.doValidation(await documentOf(file), false), [], file);
    }
  });

  it('the hints schema still completes values and describes keys on hover', async () => {
    const ls = await service('incident.hints.schema.json');
    const doc = TextDocument.create('file:///work/a.incident.yaml', 'yaml', 1, 'id: EX196121\nstatus: \n');
    const completion = await ls.doComplete(doc, { line: 1, character: 8 }, false);
    assert.deepEqual(completion.items.map((i) => i.label), [...STATUSES]);
    const hover = await ls.doHover(doc, { line: 1, character: 2 });
    assert.match(JSON.stringify(hover?.contents), /Where the incident stands/);
  });
});
