#!/usr/bin/env node
// `npm start`: the quickest proof that the checker works on this machine. It checks the examples
// (they must be clean), then shows the deliberately broken copies' diagnostics as a demonstration,
// and exits 0 only when the examples are clean and the broken ones show every code a file can show.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = path.join(ROOT, 'dist/cli.js');
const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, text) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
const ok = (text) => `${paint(32, '✔')} ${text}`;
const bad = (text) => `${paint(31, '✖')} ${text}`;

/** The codes, read from the core's source: this script runs on the built bundle, without TypeScript. */
function diagnosticCodes() {
  const source = readFileSync(path.join(ROOT, 'server/src/core/codes.ts'), 'utf8');
  const list = /DIAGNOSTIC_CODES = \[([\s\S]*?)\]/.exec(source)?.[1] ?? '';
  return [...list.matchAll(/'([a-z-]+)'/g)].map((m) => m[1]);
}

function check(args, env = {}) {
  const result = spawnSync(process.execPath, [CLI, 'check', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  if (result.error) throw result.error;
  return result;
}

let failures = 0;
console.log(paint(1, 'Incident Timeline: checking the examples'));
console.log('');

const examples = readdirSync(path.join(ROOT, 'examples'))
  .filter((name) => /\.incident\.ya?ml$/.test(name))
  .sort()
  .map((name) => `examples/${name}`);
if (examples.length === 0) {
  console.log(bad('no examples/*.incident.yaml found'));
  failures++;
}
for (const file of examples) {
  const result = check(['--format', 'json', file]);
  const problems = result.status === 0 || result.status === 1 ? JSON.parse(result.stdout) : undefined;
  if (result.status === 0 && problems.length === 0) {
    console.log(ok(`${file}: clean`));
  } else {
    failures++;
    console.log(bad(`${file}: expected clean, got exit code ${result.status}`));
    process.stdout.write(check([file], color ? { FORCE_COLOR: '1' } : {}).stdout.replace(/^(?=.)/gm, '    '));
    if (result.stderr) process.stdout.write(result.stderr.replace(/^(?=.)/gm, '    '));
  }
}

console.log('');
console.log(paint(1, 'Demonstration: examples/broken/ (deliberately broken: these diagnostics are expected)'));
console.log('');
const shown = check(['examples/broken'], color ? { FORCE_COLOR: '1' } : {});
process.stdout.write(shown.stdout.replace(/^(?=.)/gm, '  '));
if (shown.stderr) process.stdout.write(shown.stderr.replace(/^(?=.)/gm, '  '));
console.log('');

const broken = check(['--format', 'json', 'examples/broken']);
const found = new Set(broken.status === 1 ? JSON.parse(broken.stdout).map((d) => d.code) : []);
// Three codes no example file can show: a file too large to check, over 1,000 problems in a file, and a crash of a rule.
const expected = diagnosticCodes().filter((code) => code !== 'file-too-large' && code !== 'too-many-problems' && code !== 'internal-error');
const missing = expected.filter((code) => !found.has(code));
if (expected.length > 0 && missing.length === 0) {
  console.log(ok(`examples/broken shows all ${expected.length} codes a file can show: ${expected.join(', ')}`));
} else {
  failures++;
  console.log(bad(`examples/broken should show every code; missing: ${missing.join(', ') || '(could not read the code list)'}`));
}

console.log('');
if (failures === 0) {
  console.log(paint(1, 'All as expected.') + ' Next: `npm test`, or `node dist/cli.js check <your folder>`.');
} else {
  console.log(paint(31, `${failures} check(s) did not turn out as expected.`));
  process.exitCode = 1;
}
