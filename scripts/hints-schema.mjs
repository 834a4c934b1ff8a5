#!/usr/bin/env node
// Writes schemas/incident.hints.schema.json from schemas/incident.schema.json: the same
// descriptions, properties, examples and snippets with every validating keyword removed. The
// client gives THIS one to the Red Hat YAML extension (yamlValidation), so it helps with completion
// and hover but reports nothing: our language server owns the errors, with codes and quick fixes.
//
//   node scripts/hints-schema.mjs           write the hints schema
//   node scripts/hints-schema.mjs --check   exit 1 if the committed file is not current
//   node scripts/hints-schema.mjs --stdout  print it
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FULL = fileURLToPath(new URL('../schemas/incident.schema.json', import.meta.url));
const HINTS = fileURLToPath(new URL('../schemas/incident.hints.schema.json', import.meta.url));

/** Keywords that make a validator report something; none of them may reach the hints schema. */
export const VALIDATION_KEYWORDS = [
  'type', 'required', 'enum', 'const', 'pattern', 'format', 'minLength', 'maxLength', 'minItems', 'maxItems',
  'uniqueItems', 'contains', 'minProperties', 'maxProperties', 'additionalProperties', 'additionalItems',
  'propertyNames', 'dependencies', 'patternProperties', 'if', 'then', 'else', 'not', 'oneOf', 'allOf',
  'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf',
];

function stripSchema(schema) {
  if (Array.isArray(schema)) return schema.map(stripSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'enum') {
      // Allowed values stay offered in completion, as examples.
      out.examples = [...new Set([...value, ...(schema.examples ?? [])])];
    } else if (key === 'enumDescriptions') {
      // They only apply next to an enum: fold them into the hover text instead.
      const lines = schema.enum.map((v, i) => `- \`${v}\`: ${value[i]}`);
      out.markdownDescription = `${schema.description ?? ''}\n\n${lines.join('\n')}`.trim();
    } else if (key === 'oneOf') {
      // With no constraints left every branch matches; oneOf would then complain about that.
      out.anyOf = stripSchema(value);
    } else if (key === 'examples' && 'enum' in schema) {
      // merged above
    } else if (key === 'properties' || key === 'definitions') {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, stripSchema(sub)]));
    } else if (key === 'defaultSnippets' || key === '$schema' || key === 'description' || key === 'title') {
      out[key] = value;
    } else if (key === 'examples') {
      out[key] = value;
    } else if (VALIDATION_KEYWORDS.includes(key)) {
      // dropped
    } else {
      out[key] = stripSchema(value);
    }
  }
  return out;
}

export function hintsSchema(full) {
  const hints = stripSchema(full);
  hints.$id = full.$id.replace('incident.schema.json', 'incident.hints.schema.json');
  hints.title = `${full.title} (hints only)`;
  return hints;
}

export function hintsText() {
  const full = JSON.parse(readFileSync(FULL, 'utf8'));
  return JSON.stringify(hintsSchema(full), null, 2) + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = hintsText();
  if (process.argv.includes('--stdout')) {
    process.stdout.write(text);
  } else if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(HINTS, 'utf8');
    } catch {
      current = '';
    }
    if (current !== text) {
      process.stderr.write('schemas/incident.hints.schema.json is out of date: run `node scripts/hints-schema.mjs`.\n');
      process.exitCode = 1;
    }
  } else {
    writeFileSync(HINTS, text);
    process.stdout.write('wrote schemas/incident.hints.schema.json\n');
  }
}
