/**
 * The injection grammar tokenized with VS Code's engine (vscode-textmate + vscode-oniguruma) on top
 * of the YAML grammar VS Code's YAML support is built from (tm-grammars' yaml.json).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
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

/** A YAML base grammar: scope name to file, `source.yaml` first. */
type BaseGrammar = Readonly<Record<string, string>>;

/** The YAML grammar of tm-grammars (a devDependency): the classic TextMate YAML bundle. */
const TM_GRAMMARS_YAML: BaseGrammar = { 'source.yaml': require.resolve('tm-grammars/grammars/yaml.json') };

/**
 * VS Code's own YAML grammar (several files), when a code-server is installed next to the
 * project (see ../shared/tools) or INCIDENT_VSCODE_YAML_SYNTAXES names its syntaxes folder.
 */
function vscodeYaml(): BaseGrammar | undefined {
  const folder = process.env.INCIDENT_VSCODE_YAML_SYNTAXES
    ?? path.join(os.homedir(), '.cache/code-server/node_modules/code-server/lib/vscode/extensions/yaml/syntaxes');
  if (!fs.existsSync(path.join(folder, 'yaml.tmLanguage.json'))) return undefined;
  const files: Record<string, string> = {};
  for (const name of fs.readdirSync(folder).filter((n) => n.endsWith('.tmLanguage.json'))) {
    const scopeName = (JSON.parse(fs.readFileSync(path.join(folder, name), 'utf8')) as { scopeName: string }).scopeName;
    files[scopeName] = path.join(folder, name);
  }
  return files;
}

async function yamlGrammar(withInjection: boolean, base: BaseGrammar = TM_GRAMMARS_YAML): Promise<IGrammar> {
  const registry = new Registry({
    onigLib: onigLib(),
    loadGrammar: async (scopeName) => {
      const file = scopeName === 'incident.injection.times' ? INJECTION : base[scopeName];
      return file ? parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
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

  /**
   * Every character keeps the scopes YAML gives it. A marked time or key was a plain scalar (or
   * the text of a quoted one): it keeps the scopes around it and is still a tag or a timestamp;
   * only the wrappers of the plain scalar (and, in VS Code's grammar, of a flow key) go.
   */
  function assertKeepsYamlScopes(base: IGrammar, injected: IGrammar, text: string): number {
    const wrappers = [
      'string.unquoted.plain.out.yaml', 'string.unquoted.plain.in.yaml', 'string.unquoted.plain.yaml',
      'meta.flow-pair.key.yaml', 'meta.map.key.yaml', 'meta.flow.map.key.yaml', 'meta.flow.map.implicit.yaml',
    ];
    const timestamp = 'constant.other.timestamp.yaml';
    const before = scopesPerCharacter(base, text);
    const after = scopesPerCharacter(injected, text);
    let marked = 0;
    before.forEach((line, l) => line.forEach((scopes, c) => {
      const ours = after[l][c].filter((s) => s.endsWith('.incident'));
      const where = `line ${l + 1} column ${c + 1}: ${JSON.stringify(text.split('\n')[l])}`;
      if (ours.length === 0) {
        // Only the value of a stolen flow key loses VS Code's meta.flow.map.implicit.yaml.
        assert.deepEqual(after[l][c], scopes.filter((s) => s !== 'meta.flow.map.implicit.yaml' || after[l][c].includes(s)), where);
        return;
      }
      marked++;
      const yamlScopes = after[l][c].filter((s) => !s.endsWith('.incident'));
      assert.deepEqual(yamlScopes.filter((s) => s !== timestamp), scopes.filter((s) => !wrappers.includes(s) && s !== timestamp), where);
      assert.ok(yamlScopes.includes('entity.name.tag.yaml') || yamlScopes.includes(timestamp), where);
    }));
    return marked;
  }

  const example = fs.readFileSync(path.join(ROOT, 'examples/exchange-online-2019-11-19.incident.yaml'), 'utf8');

  it('does not change ordinary YAML: every character keeps its YAML scopes', async () => {
    const base = await yamlGrammar(false);
    const injected = await yamlGrammar(true);
    // The example's four pairs: four utc times (17 characters), four jst times (16) and eight keys; in the other file
    // the YAML timestamp (28) and the flow key `utc` (3), not the BUILT= item nor the block scalar.
    assert.equal(assertKeepsYamlScopes(base, injected, example), 4 * 17 + 4 * 16 + 8 * 3);
    assert.equal(assertKeepsYamlScopes(base, injected, ORDINARY_YAML), 28 + 3);
  });

  it('the same on VS Code\'s own YAML grammar (when a local code-server has it)', async function () {
    const vscode = vscodeYaml();
    if (!vscode) this.skip();
    const base = await yamlGrammar(false, vscode);
    const injected = await yamlGrammar(true, vscode);
    assert.equal(assertKeepsYamlScopes(base, injected, example), 4 * 17 + 4 * 16 + 8 * 3);
    assert.equal(assertKeepsYamlScopes(base, injected, ORDINARY_YAML), 28 + 3);
  });
});
