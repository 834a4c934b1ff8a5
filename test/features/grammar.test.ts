/**
 * The injection grammar tokenized with VS Code's engine (vscode-textmate + vscode-oniguruma) on top
 * of the YAML grammar VS Code's YAML support is built from (tm-grammars' yaml.json).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar } from 'vscode-textmate';

const ROOT = path.join(__dirname, '../..');
const INJECTION = path.join(ROOT, 'syntaxes/incident.injection.tmLanguage.json');

let wasmLoaded: Promise<void> | undefined;
function onigLib() {
  if (!wasmLoaded) {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    wasmLoaded = oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  }
  return wasmLoaded.then(() => ({
    createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
    createOnigString: (s: string) => new oniguruma.OnigString(s),
  }));
}

async function yamlGrammar(withInjection: boolean): Promise<IGrammar> {
  const registry = new Registry({
    onigLib: onigLib(),
    loadGrammar: async (scopeName) => {
      if (scopeName === 'source.yaml') {
        const file = require.resolve('tm-grammars/grammars/yaml.json');
        return parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
      }
      if (scopeName === 'incident.injection.times') return parseRawGrammar(fs.readFileSync(INJECTION, 'utf8'), INJECTION);
      return null;
    },
    getInjections: (scopeName) => (withInjection && scopeName === 'source.yaml' ? ['incident.injection.times'] : undefined),
  });
  const grammar = await registry.loadGrammar('source.yaml');
  assert.ok(grammar);
  return grammar;
}

/** The scopes of every character of every line (without the root scope). */
function scopesPerCharacter(grammar: IGrammar, text: string): string[][][] {
  let state = INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    const chars: string[][] = [];
    for (const token of result.tokens) {
      for (let i = token.startIndex; i < Math.min(token.endIndex, line.length); i++) chars[i] = token.scopes.slice(1);
    }
    return chars;
  });
}

/** Tokens of one line as "text: innermost scopes" for readable assertions. */
async function tokens(line: string): Promise<[string, string][]> {
  const grammar = await yamlGrammar(true);
  return grammar.tokenizeLine(line, INITIAL).tokens.map((t) => [line.slice(t.startIndex, t.endIndex), t.scopes.filter((s) => s.endsWith('.incident')).join(' ')]);
}

const ORDINARY_YAML = [
  '# docker-compose style, no incident here',
  'version: "3.8"',
  'services:',
  '  web: &web',
  '    image: nginx:1.25',
  '    ports: ["80:80", \'443:443\']',
  '    environment:',
  '      - TZ=Asia/Tokyo',
  '      - BUILT=2019-11-19T10:40Z',
  '    healthcheck: {interval: 30s, utc: true}',
  '  worker:',
  '    <<: *web',
  '    command: >',
  '      run --since 2019-11-19T10:40Z',
  'utc_offset: +09:00',
  'created: 2001-12-14t21:59:43.10-05:00',
  'time: 12:30',
  'note: 2019-11-19T10:40Z and later',
  '? complex key',
  ': value',
  '---',
  'second: [1, 2, {a: b}]',
].join('\n');

describe('the injection grammar', () => {
  it('marks the utc/jst keys, the time and its offset', async () => {
    assert.deepEqual(await tokens('  utc: 2019-11-19T01:40Z   # notice'), [
      ['  ', ''],
      ['utc', 'entity.name.tag.time-zone.utc.incident'],
      [':', ''],
      [' ', ''],
      ['2019-11-19', 'constant.other.timestamp.incident constant.other.timestamp.date.incident'],
      ['T', 'constant.other.timestamp.incident punctuation.separator.date-time.incident'],
      ['01:40', 'constant.other.timestamp.incident constant.other.timestamp.clock.incident'],
      ['Z', 'constant.other.timestamp.incident keyword.other.timestamp-offset.incident'],
      ['   ', ''],
      ['#', ''],
      [' notice', ''],
    ]);
    const jst = await tokens('  - at: {jst: "2019-11-19 10:40:30+09:00"}');
    assert.deepEqual(jst.filter(([, s]) => s).map(([text]) => text), ['jst', '2019-11-19', ' ', '10:40:30', '+09:00']);
  });

  it('leaves comments, prose and strings that merely start with a time alone', async () => {
    for (const line of ['# 2019-11-19T10:40Z', 'note: 2019-11-19T10:40Z and later', 'utcx: 2019', 'my_utc: 1']) {
      assert.deepEqual((await tokens(line)).filter(([, s]) => s), [], line);
    }
    const grammar = await yamlGrammar(true);
    const block = scopesPerCharacter(grammar, 'event: >-\n  at 2019-11-19T10:40Z it broke\n');
    assert.ok(block[1].every((scopes) => !scopes.some((s) => s.endsWith('.incident'))));
  });

  it('does not change ordinary YAML: every character keeps its YAML scopes', async () => {
    const example = fs.readFileSync(path.join(ROOT, 'examples/exchange-online-2019-11-19.incident.yaml'), 'utf8');
    const base = await yamlGrammar(false);
    const injected = await yamlGrammar(true);
    const marked = new Map<string, number>();
    for (const text of [ORDINARY_YAML, example]) {
      marked.set(text, 0);
      const before = scopesPerCharacter(base, text);
      const after = scopesPerCharacter(injected, text);
      before.forEach((line, l) => line.forEach((scopes, c) => {
        const ours = after[l][c].filter((s) => s.endsWith('.incident'));
        const where = `line ${l + 1} column ${c + 1}: ${JSON.stringify(text.split('\n')[l])}`;
        if (ours.length === 0) {
          assert.deepEqual(after[l][c], scopes, where);
          return;
        }
        marked.set(text, marked.get(text)! + 1);
        // A marked time or key was a plain scalar (or the text of a quoted one). It keeps the scopes
        // around it and is still a tag or a timestamp; only the plain-scalar wrappers go.
        const wrappers = ['string.unquoted.plain.out.yaml', 'string.unquoted.plain.in.yaml', 'meta.flow-pair.key.yaml'];
        const yamlScopes = after[l][c].filter((s) => !s.endsWith('.incident'));
        const timestamp = 'constant.other.timestamp.yaml';
        assert.deepEqual(yamlScopes.filter((s) => s !== timestamp), scopes.filter((s) => !wrappers.includes(s) && s !== timestamp), where);
        assert.ok(yamlScopes.includes('entity.name.tag.yaml') || yamlScopes.includes('constant.other.timestamp.yaml'), where);
      }));
    }
    // The example's four pairs: four utc times (17 characters), four jst times (16) and eight keys; in the other file
    // the YAML timestamp (28) and the flow key `utc` (3), not the BUILT= item nor the block scalar.
    assert.equal(marked.get(example), 4 * 17 + 4 * 16 + 8 * 3);
    assert.equal(marked.get(ORDINARY_YAML), 28 + 3);
  });
});
