// The benchmark: our language server against yaml-language-server 1.25 (given the incident JSON
// Schema) on generated incidents of 100, 1,000 and 10,000 events, interleaved in one run.
// For each size: didOpen -> diagnostics, 20 one-character edits in an event near the middle and
// 20 edits that break and mend a time (each -> its diagnostics), p50/p95 (the first three edits
// after the open are also shown on their own, and counted in p95), peak RSS (VmHWM) of each
// server process, the bare `yaml` parse of the same text as the floor; then the preview request on
// the largest file and the CLI on 1,000 small files. Prints a table; writes JSON to bench/results/.
//
//   npm run bench                         # everything (a few minutes)
//   node bench/run.mjs --sizes 10000      # one size; see `--help` for the rest
//
// Every wait is bounded (a timeout per message, a time budget per stage); nothing here is a test.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import { parseDocument } from 'yaml';
import { generateIncident, generateSmallIncident } from './generate.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: options } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,10000' },
    variants: { type: 'string', default: 'valid,errors' },
    edits: { type: 'string', default: '20' },
    'stage-budget': { type: 'string', default: '150' },
    'skip-yaml-ls': { type: 'boolean', default: false },
    'skip-cli': { type: 'boolean', default: false },
    'skip-debounce': { type: 'boolean', default: false },
    label: { type: 'string', default: '' },
    repeat: { type: 'string', default: '1' },
    cold: { type: 'boolean', default: false },
    'settle-ms': { type: 'string', default: '1000' },
    profile: { type: 'boolean', default: false },
    'node-args': { type: 'string', default: '' },
    help: { type: 'boolean', default: false },
  },
});
if (options.help) {
  console.log(`node bench/run.mjs [--sizes 100,1000,10000] [--variants valid,errors] [--edits 20]
  [--stage-budget SECONDS] [--skip-yaml-ls] [--skip-cli] [--skip-debounce] [--label NAME]
  [--repeat N]  (the whole run N times; the table shows each metric's median over the runs)
  [--cold]      (measure the open in fresh servers; by default each first opens a small file)
  [--settle-ms N]  (pause between the open and the first edit, as a person scrolls to a spot; 1000)
  [--profile]   (our server writes V8 CPU profiles to bench/results/profiles/)
  [--node-args "--flag …"]   (extra node flags for our server, for experiments)`);
  process.exit(0);
}
const SIZES = options.sizes.split(',').map(Number).filter((n) => n > 0);
const VARIANTS = options.variants.split(',').filter((v) => v === 'valid' || v === 'errors');
const EDITS = Math.max(2, Math.min(200, Number(options.edits) || 20));
const STAGE_BUDGET_MS = Math.max(10, Number(options['stage-budget']) || 150) * 1000;
const MESSAGE_TIMEOUT_MS = 60_000;
/** The edits right after the open reported on their own (they are typing edits, so also in type p50/p95). */
const FIRST_EDITS = 3;

const OUR_SERVER = join(root, 'dist/server/server.js');
const OUR_CLI = join(root, 'dist/cli.js');
const YAML_LS = join(root, 'node_modules/yaml-language-server/bin/yaml-language-server');
const SCHEMA = join(root, 'schemas/incident.schema.json');
const RESULTS = join(root, 'bench/results');
const FILES = join(RESULTS, 'files');

// ---------------------------------------------------------------------------------------------
// Small helpers

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function percentile(samples, p) {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  // Nearest rank: p95 of 20 samples is the 19th.
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
const median = (samples) => percentile(samples, 50);
const ms = (x) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x.toFixed(1)) : '–');
const mb = (kb) => (Number.isFinite(kb) ? (kb / 1024).toFixed(0) : '–');

/** Peak resident set of a process so far, in kB (Linux /proc; NaN elsewhere). */
function peakRssKb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    return m ? Number(m[1]) : NaN;
  } catch {
    return NaN;
  }
}

/** Zero-based line and UTF-16 character of an offset, as LSP counts them. */
function positionAt(text, offset) {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

function withTimeout(promise, timeoutMs, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms: ${what}`)), timeoutMs); }),
  ]);
}

// ---------------------------------------------------------------------------------------------
// A language server over stdio, as an editor drives it

class LanguageServer {
  /**
   * @param {string} name
   * @param {string[]} args node arguments
   * @param {(section: string) => unknown} configuration what workspace/configuration answers
   * @param {boolean} versioned whether its publishDiagnostics carry the document version
   */
  constructor(name, args, configuration, versioned) {
    this.name = name;
    this.versioned = versioned;
    this.process = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.stderr = '';
    this.process.stderr.on('data', (chunk) => { this.stderr = (this.stderr + chunk).slice(-4000); });
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.waiters = [];
    this.published = 0;
    this.connection.onNotification('textDocument/publishDiagnostics', (params) => {
      this.published++;
      for (const waiter of [...this.waiters]) waiter(params);
    });
    this.connection.onRequest('workspace/configuration', (params) => params.items.map((item) => configuration(item.section ?? '')));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('client/unregisterCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('workspace/workspaceFolders', () => null);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onNotification('telemetry/event', () => undefined);
    this.connection.listen();
  }

  get pid() {
    return this.process.pid;
  }

  /** @param folder the workspace folder (a path), as an editor opens a file inside one; or undefined */
  async start(initializationOptions, folder) {
    const folderUri = folder === undefined ? null : pathToFileURL(folder).href;
    await withTimeout(this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folderUri,
      workspaceFolders: folderUri === null ? null : [{ uri: folderUri, name: 'bench' }],
      initializationOptions,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: folderUri !== null },
        textDocument: { synchronization: { dynamicRegistration: false }, publishDiagnostics: { versionSupport: true } },
      },
    }), MESSAGE_TIMEOUT_MS, `${this.name} initialize`);
    await this.connection.sendNotification('initialized', {});
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  /** Resolves with the first diagnostics for `uri` (at `version` or later, when the server says versions). */
  diagnosticsFor(uri, version) {
    return withTimeout(new Promise((resolveWait) => {
      const waiter = (params) => {
        if (params.uri !== uri) return;
        if (this.versioned && typeof params.version === 'number' && params.version < version) return;
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolveWait(params.diagnostics);
      };
      this.waiters.push(waiter);
    }), MESSAGE_TIMEOUT_MS, `${this.name} diagnostics for version ${version}`);
  }

  async open(uri, text) {
    const started = performance.now();
    const diagnostics = this.diagnosticsFor(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const result = await diagnostics;
    return { ms: performance.now() - started, count: result.length };
  }

  async change(uri, version, range, newText) {
    const started = performance.now();
    const diagnostics = this.diagnosticsFor(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: newText }] });
    const result = await diagnostics;
    return { ms: performance.now() - started, count: result.length };
  }

  async stop() {
    try {
      await withTimeout(this.connection.sendRequest('shutdown'), 10_000, `${this.name} shutdown`);
      await this.connection.sendNotification('exit');
    } catch {
      // Killed below.
    }
    const exited = new Promise((r) => this.process.once('exit', r));
    if (this.process.exitCode === null) await Promise.race([exited, sleep(5000)]);
    if (this.process.exitCode === null) this.process.kill();
    this.connection.dispose();
  }
}

/** Our server as an editor starts it; `debounce` overrides the setting (default: the server's own, 150 ms). */
function startOurs(debounce, folder) {
  const settings = debounce === undefined ? {} : { validation: { debounce } };
  const profile = options.profile ? ['--cpu-prof', `--cpu-prof-dir=${join(RESULTS, 'profiles')}`] : [];
  const extra = options['node-args'].split(' ').filter(Boolean);
  const server = new LanguageServer('ours', [...profile, ...extra, OUR_SERVER, '--stdio'], (section) => (section === 'incidentTimeline' ? settings : null), true);
  return server.start({ incidentTimeline: settings }, folder).then(() => server);
}

function startYamlLs(fileUri, folder) {
  const schemaUri = pathToFileURL(SCHEMA).href;
  const yaml = {
    validate: true, hover: true, completion: true, format: { enable: false },
    schemas: { [schemaUri]: [fileUri, '*.incident.yaml'] },
    schemaStore: { enable: false }, yamlVersion: '1.2', maxItemsComputed: 5000,
  };
  const server = new LanguageServer('yaml-language-server', [YAML_LS, '--stdio'], (section) => {
    if (section === 'yaml') return yaml;
    if (section === '[yaml]') return {};
    if (section === 'editor') return { detectIndentation: true };
    if (section === 'http') return {};
    return null;
  }, false);
  return server.start({}, folder).then(() => server);
}

// ---------------------------------------------------------------------------------------------
// The edits

/** Offsets for the typing edits: the end of the first event text after the middle of the file. */
function typingSpot(text) {
  let line = text.indexOf('\n    event: ', Math.floor(text.length / 2));
  // A one-line event (not a folded block), so the characters land in its text.
  while (text[line + 12] === '>' || text[line + 12] === '|') line = text.indexOf('\n    event: ', line + 1);
  const start = line + 12;
  // Start typing a few characters into the text, where a word is being corrected.
  return start + 4;
}

/** Offset of the `Z` of the first utc time after the middle of the file. */
function timeSpot(text) {
  const at = text.indexOf('      utc: ', Math.floor(text.length / 2));
  return text.indexOf('Z', at);
}

/** Offset in the first one-line event text after the first quarter of the file: where a YAML error is left. */
function slipSpot(text) {
  let line = text.indexOf('\n    event: ', Math.floor(text.length / 4));
  while (text[line + 12] === '>' || text[line + 12] === '|') line = text.indexOf('\n    event: ', line + 1);
  return line + 12;
}

/** A YAML syntax error in an event text (`a: b` in a compact value: BLOCK_AS_IMPLICIT_KEY). */
const SLIP = 'see: ';

/**
 * The edit list for one stage, as {offset, remove, insert} applied in order: typing, a time
 * broken and mended, then (`broken`) typing again while a YAML error sits in an event a quarter
 * of the way down (left there by one `slip` edit, not measured).
 */
function editsFor(text) {
  const edits = [];
  const typing = typingSpot(text);
  const word = 'mitigation';
  for (let i = 0; i < EDITS; i++) edits.push({ kind: 'type', offset: typing + i, remove: 0, insert: word[i % word.length] });
  const time = timeSpot(text) + EDITS; // after the typed characters
  for (let i = 0; i < EDITS; i++) edits.push({ kind: 'time', offset: time, remove: 1, insert: i % 2 === 0 ? 'Q' : 'Z' });
  const slip = slipSpot(text);
  edits.push({ kind: 'slip', offset: slip, remove: 0, insert: SLIP });
  for (let i = 0; i < EDITS; i++) edits.push({ kind: 'broken', offset: typing + EDITS + SLIP.length + i, remove: 0, insert: word[i % word.length] });
  return edits;
}

// ---------------------------------------------------------------------------------------------
// Stages

function bareParse(text) {
  const samples = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    parseDocument(text, { prettyErrors: false });
    samples.push(performance.now() - started);
  }
  return median(samples);
}

/**
 * The same bare parse in a fresh Node process, timed on its first run: the conditions of a
 * server's open (code not yet optimised by the JIT), so open/bare compares like with like.
 */
function bareParseCold(file) {
  const script = `const { parseDocument } = require('yaml'); const text = require('fs').readFileSync(${JSON.stringify(file)}, 'utf8');` +
    ` const t = performance.now(); parseDocument(text, { prettyErrors: false }); process.stdout.write(String(performance.now() - t));`;
  const samples = [];
  for (let i = 0; i < 3; i++) {
    const run = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    if (run.status === 0) samples.push(Number(run.stdout));
  }
  return samples.length ? median(samples) : NaN;
}

/** Opens the same file in both servers, then applies each edit to both, alternating who goes first. */
async function runStage(size, variant) {
  const text0 = generateIncident(size, { errors: variant === 'errors' ? 8 : 0 });
  // The file sits in a workspace folder of its own, which both servers are given, as an editor
  // does: our server's background scan of the folder runs as it would in VS Code.
  const folder = join(FILES, `stage-${size}-${variant}`);
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `bench-${size}-${variant}.incident.yaml`);
  writeFileSync(file, text0);
  const uri = pathToFileURL(file).href;
  const stage = { size, variant, characters: text0.length, bareParseMs: bareParse(text0), bareParseColdMs: bareParseCold(file), servers: {} };
  const servers = [await startOurs(undefined, folder)];
  if (!options['skip-yaml-ls']) servers.push(await startYamlLs(uri, folder));
  const results = new Map(servers.map((s) => [s, { openMs: NaN, openDiagnostics: NaN, first: [], type: [], time: [], slip: [], broken: [], errors: [] }]));
  const deadline = performance.now() + STAGE_BUDGET_MS;
  try {
    // An editor's server has usually checked a file before: both open and close a small one
    // first, so the measured open is not the process's first parse (JIT warm-up).
    if (!options.cold) {
      const warmFile = join(FILES, 'warm-up.incident.yaml');
      writeFileSync(warmFile, generateIncident(100));
      const warmUri = pathToFileURL(warmFile).href;
      const warmText = readFileSync(warmFile, 'utf8');
      for (const server of servers) {
        await server.open(warmUri, warmText);
        // …and had edits in it: the edit path is compiled too.
        let text = warmText;
        for (const [k, edit] of editsFor(warmText).slice(0, 10).entries()) {
          const range = { start: positionAt(text, edit.offset), end: positionAt(text, edit.offset + edit.remove) };
          text = text.slice(0, edit.offset) + edit.insert + text.slice(edit.offset + edit.remove);
          await server.change(warmUri, k + 2, range, edit.insert);
        }
        await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: warmUri } });
      }
    }
    for (const [i, server] of (size % 2 ? [...servers].reverse() : servers).entries()) {
      void i;
      const r = results.get(server);
      try {
        const opened = await server.open(uri, text0);
        r.openMs = opened.ms;
        r.openDiagnostics = opened.count;
      } catch (error) {
        r.errors.push(String(error));
      }
    }
    // Nobody types in the first second after opening a file: let both servers finish what the
    // open left (the garbage of a 1.5 MB parse is collected then).
    await sleep(Math.max(0, Math.min(10_000, Number(options['settle-ms']) || 0)));
    let text = text0;
    let version = 1;
    const edits = editsFor(text0);
    for (const [k, edit] of edits.entries()) {
      if (performance.now() > deadline) {
        for (const r of results.values()) r.errors.push(`stage budget spent after ${k} edits`);
        break;
      }
      const range = { start: positionAt(text, edit.offset), end: positionAt(text, edit.offset + edit.remove) };
      text = text.slice(0, edit.offset) + edit.insert + text.slice(edit.offset + edit.remove);
      version++;
      const order = k % 2 ? [...servers].reverse() : servers;
      for (const server of order) {
        const r = results.get(server);
        try {
          const changed = await server.change(uri, version, range, edit.insert);
          // The first edits after an open are where a server still busy with the open shows: kept
          // apart as well, and in the p95 like every other edit.
          if (k < FIRST_EDITS) r.first.push(changed.ms);
          r[edit.kind].push(changed.ms);
        } catch (error) {
          r.errors.push(String(error));
        }
      }
    }
    // The preview: an edit, then at once the timeline model, as the preview asks after a change.
    const ours = servers[0];
    if (size === Math.max(...SIZES)) {
      const preview = [];
      let bytes = 0;
      for (let k = 0; k < 10 && performance.now() < deadline + 30_000; k++) {
        const offset = typingSpot(text);
        const range = { start: positionAt(text, offset), end: positionAt(text, offset) };
        text = text.slice(0, offset) + 'p' + text.slice(offset);
        version++;
        const started = performance.now();
        const diagnostics = ours.diagnosticsFor(uri, version);
        await ours.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: 'p' }] });
        const model = await withTimeout(ours.connection.sendRequest('incident/timeline', { uri }), MESSAGE_TIMEOUT_MS, 'incident/timeline');
        preview.push(performance.now() - started);
        bytes = JSON.stringify(model).length;
        await diagnostics;
      }
      // The same through incident/timelineChanges: only the events that changed travel.
      const changes = [];
      let changeBytes = 0;
      let base = (await withTimeout(ours.connection.sendRequest('incident/timelineChanges', { uri, baseVersion: -1 }), MESSAGE_TIMEOUT_MS, 'incident/timelineChanges'))?.model?.version ?? -1;
      for (let k = 0; k < 10 && performance.now() < deadline + 60_000; k++) {
        const offset = typingSpot(text);
        const range = { start: positionAt(text, offset), end: positionAt(text, offset) };
        text = text.slice(0, offset) + 'c' + text.slice(offset);
        version++;
        const started = performance.now();
        const diagnostics = ours.diagnosticsFor(uri, version);
        await ours.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: 'c' }] });
        const answer = await withTimeout(ours.connection.sendRequest('incident/timelineChanges', { uri, baseVersion: base }), MESSAGE_TIMEOUT_MS, 'incident/timelineChanges');
        changes.push(performance.now() - started);
        changeBytes = JSON.stringify(answer).length;
        base = answer?.version ?? answer?.model?.version ?? -1;
        await diagnostics;
      }
      stage.preview = {
        p50: median(preview), p95: percentile(preview, 95), samples: preview.length, modelJsonBytes: bytes,
        changesP50: median(changes), changesP95: percentile(changes, 95), changesSamples: changes.length, changesJsonBytes: changeBytes,
      };
    }
  } finally {
    for (const server of servers) {
      const r = results.get(server);
      r.peakRssKb = peakRssKb(server.pid);
      if (r.errors.length > 0 && server.stderr) r.stderr = server.stderr;
      await server.stop();
    }
  }
  for (const [server, r] of results) {
    stage.servers[server.name] = {
      openMs: r.openMs,
      openDiagnostics: r.openDiagnostics,
      firstEditsMs: r.first.map((x) => Math.round(x * 10) / 10),
      typeP50: median(r.type), typeP95: percentile(r.type, 95), typeSamples: r.type.length,
      timeP50: median(r.time), timeP95: percentile(r.time, 95), timeSamples: r.time.length,
      brokenP50: median(r.broken), brokenP95: percentile(r.broken, 95), brokenSamples: r.broken.length,
      peakRssKb: r.peakRssKb,
      typeSamplesMs: r.type.map((x) => Math.round(x * 10) / 10),
      timeSamplesMs: r.time.map((x) => Math.round(x * 10) / 10),
      brokenSamplesMs: r.broken.map((x) => Math.round(x * 10) / 10),
      errors: r.errors,
      ...(r.stderr ? { stderr: r.stderr } : {}),
    };
  }
  return stage;
}

/** What the debounce setting costs a keystroke: our server alone at its default (150 ms) against 0. */
async function runDebounce(size) {
  const text0 = generateIncident(size);
  const file = join(FILES, `bench-${size}-debounce.incident.yaml`);
  writeFileSync(file, text0);
  const uri = pathToFileURL(file).href;
  const out = {};
  for (const debounce of [150, 0]) {
    const server = await startOurs(debounce);
    try {
      await server.open(uri, text0);
      let text = text0;
      const samples = [];
      for (const [k, edit] of editsFor(text0).filter((e) => e.kind === 'type').entries()) {
        const range = { start: positionAt(text, edit.offset), end: positionAt(text, edit.offset) };
        text = text.slice(0, edit.offset) + edit.insert + text.slice(edit.offset);
        samples.push((await server.change(uri, k + 2, range, edit.insert)).ms);
      }
      out[`debounce${debounce}`] = { p50: median(samples), p95: percentile(samples, 95) };
    } finally {
      await server.stop();
    }
  }
  return { size, ...out };
}

/**
 * The core alone, in this process: the incremental parser after each typing edit, against a full
 * parseIncident of the same text (bundled from source with esbuild, as the server is).
 */
async function runCore(size) {
  const { build } = await import('esbuild');
  const outfile = join(RESULTS, 'core.cjs');
  await build({ entryPoints: [join(root, 'server/src/core/incremental.ts')], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'warning' });
  const { createRequire } = await import('node:module');
  const core = createRequire(import.meta.url)(outfile);
  let text = generateIncident(size);
  const parser = new core.IncrementalIncidentParser();
  parser.parse(text);
  const incremental = [];
  const broken = [];
  const full = [];
  for (const edit of editsFor(text).filter((e) => e.kind === 'type' || e.kind === 'slip' || e.kind === 'broken')) {
    text = text.slice(0, edit.offset) + edit.insert + text.slice(edit.offset);
    let started = performance.now();
    parser.parse(text);
    const took = performance.now() - started;
    if (edit.kind === 'slip') continue;
    (edit.kind === 'type' ? incremental : broken).push(took);
    if (parser.lastPath.kind !== 'incremental') throw new Error(`core bench fell back (${edit.kind}): ${parser.lastPath.reason}`);
    if (full.length < 3) {
      started = performance.now();
      core.IncrementalIncidentParser.prototype.parse.call(new core.IncrementalIncidentParser(), text);
      full.push(performance.now() - started);
    }
  }
  return {
    size, incrementalP50: median(incremental), incrementalP95: percentile(incremental, 95), coldP50: median(full),
    brokenP50: median(broken), brokenP95: percentile(broken, 95),
  };
}

/** The CLI on a folder of 1,000 small incident files. */
function runCli() {
  const folder = join(FILES, 'cli');
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < 1000; i++) writeFileSync(join(folder, `small-${String(i).padStart(4, '0')}.incident.yaml`), generateSmallIncident(i));
  const samples = [];
  let status = null;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const run = spawnSync(process.execPath, [OUR_CLI, 'check', '--format', 'json', folder], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
    samples.push(performance.now() - started);
    status = run.status;
  }
  return { files: 1000, ms: median(samples), exitCode: status };
}

// ---------------------------------------------------------------------------------------------

function machine() {
  const cpuModel = cpus()[0]?.model ?? 'unknown';
  return { nproc: cpus().length, cpu: cpuModel, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version };
}

function printTable(report) {
  const rows = [['events', 'file', 'chars', 'bare warm/cold', 'server', 'open', 'open/bare cold', 'edits 1/2/3', 'type p50', 'type p95', 'time p50', 'time p95', 'broken p50', 'broken p95', 'peak RSS MB']];
  for (const stage of report.stages) {
    for (const [name, s] of Object.entries(stage.servers)) {
      rows.push([
        String(stage.size), stage.variant, String(stage.characters), `${ms(stage.bareParseMs)}/${ms(stage.bareParseColdMs)}`, name === 'ours' ? 'ours' : 'yaml-ls',
        ms(s.openMs), (s.openMs / stage.bareParseColdMs).toFixed(2), (s.firstEditsMs ?? []).map(ms).join('/') || '–',
        ms(s.typeP50), ms(s.typeP95), ms(s.timeP50), ms(s.timeP95), ms(s.brokenP50), ms(s.brokenP95), mb(s.peakRssKb),
      ]);
    }
    const ours = stage.servers.ours;
    const theirs = stage.servers['yaml-language-server'];
    if (ours && theirs) {
      rows.push(['', '', '', '', 'ours/theirs', (ours.openMs / theirs.openMs).toFixed(2), '', '',
        (ours.typeP50 / theirs.typeP50).toFixed(3), (ours.typeP95 / theirs.typeP95).toFixed(3),
        (ours.timeP50 / theirs.timeP50).toFixed(3), (ours.timeP95 / theirs.timeP95).toFixed(3),
        (ours.brokenP50 / theirs.brokenP50).toFixed(3), (ours.brokenP95 / theirs.brokenP95).toFixed(3), (ours.peakRssKb / theirs.peakRssKb).toFixed(2)]);
    }
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r) => '| ' + r.map((cell, c) => (c < 2 || c === 4 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(' | ') + ' |';
  console.log(line(rows[0]));
  console.log('|' + widths.map((w, c) => (c < 2 || c === 4 ? ':' : '-') + '-'.repeat(w) + (c < 2 || c === 4 ? '-' : ':')).join('|') + '|');
  for (const r of rows.slice(1)) console.log(line(r));
  console.log('(milliseconds unless noted; edits 1/2/3 = the first three edits after the open, also counted in type p50/p95; type = one-character edit in an event text -> diagnostics;'
    + ' time = break/mend a time -> diagnostics; broken = the same typing with a YAML syntax error in another event)');
  for (const stage of report.stages) {
    if (stage.preview) {
      console.log(`preview, ${stage.size} events (${stage.variant}): edit -> incident/timeline model p50 ${ms(stage.preview.p50)} ms, p95 ${ms(stage.preview.p95)} ms (${stage.preview.samples} samples, model ${(stage.preview.modelJsonBytes / 1e6).toFixed(2)} MB of JSON)`);
      console.log(`preview, ${stage.size} events (${stage.variant}): edit -> incident/timelineChanges p50 ${ms(stage.preview.changesP50)} ms, p95 ${ms(stage.preview.changesP95)} ms (${stage.preview.changesSamples} samples, answer ${(stage.preview.changesJsonBytes / 1e3).toFixed(1)} kB of JSON)`);
    }
    for (const [name, s] of Object.entries(stage.servers)) {
      if (s.errors.length) console.log(`${name} ${stage.size}/${stage.variant}: ${s.errors.join('; ')}`);
    }
  }
  if (report.debounce) console.log(`debounce, ${report.debounce.size} events, typing -> diagnostics: at 150 ms p50 ${ms(report.debounce.debounce150.p50)} / p95 ${ms(report.debounce.debounce150.p95)}; at 0 p50 ${ms(report.debounce.debounce0.p50)} / p95 ${ms(report.debounce.debounce0.p95)}`);
  if (report.core) {
    console.log(`core in-process, ${report.core.size} events: incremental parse after a typing edit p50 ${ms(report.core.incrementalP50)} / p95 ${ms(report.core.incrementalP95)}; a first (cold-cache) parse ${ms(report.core.coldP50)}`);
    console.log(`core in-process, ${report.core.size} events: the same with a YAML syntax error in another event p50 ${ms(report.core.brokenP50)} / p95 ${ms(report.core.brokenP95)}`);
  }
  if (report.cli) console.log(`CLI: check of ${report.cli.files} small files in ${ms(report.cli.ms)} ms (exit code ${report.cli.exitCode})`);
}

/** Each number in a run's report replaced by its median over all runs (same shape, same order). */
function medianReport(runs) {
  const merge = (values) => {
    const first = values[0];
    if (typeof first === 'number') return median(values.filter(Number.isFinite));
    if (Array.isArray(first)) return first.map((_, i) => merge(values.map((v) => v[i])));
    if (first && typeof first === 'object') {
      return Object.fromEntries(Object.keys(first).map((key) => [key, merge(values.map((v) => v?.[key]))]));
    }
    return first;
  };
  return merge(runs);
}

async function runOnce(run) {
  const report = { date: new Date().toISOString(), label: options.label, run, machine: machine(), loadBefore: loadavg()[0], edits: EDITS, stages: [] };
  for (const size of SIZES) {
    for (const variant of VARIANTS) {
      process.stderr.write(`bench: run ${run}, ${size} events, ${variant}…\n`);
      report.stages.push(await runStage(size, variant));
    }
  }
  if (!options['skip-debounce']) {
    process.stderr.write('bench: debounce…\n');
    report.debounce = await runDebounce(Math.max(...SIZES));
  }
  process.stderr.write('bench: core…\n');
  report.core = await runCore(Math.max(...SIZES));
  if (!options['skip-cli']) {
    process.stderr.write('bench: CLI…\n');
    report.cli = runCli();
  }
  report.loadAfter = loadavg()[0];
  return report;
}

async function main() {
  for (const needed of [OUR_SERVER, ...(options['skip-cli'] ? [] : [OUR_CLI])]) {
    if (!existsSync(needed)) throw new Error(`${needed} is missing: run npm run build first (npm run bench does).`);
  }
  if (!options['skip-yaml-ls'] && !existsSync(SCHEMA)) throw new Error(`${SCHEMA} is missing: yaml-language-server needs the incident schema.`);
  mkdirSync(FILES, { recursive: true });
  const repeat = Math.max(1, Math.min(10, Number(options.repeat) || 1));
  const runs = [];
  for (let run = 1; run <= repeat; run++) {
    const report = await runOnce(run);
    runs.push(report);
    if (repeat > 1) {
      console.log(`\nrun ${run} of ${repeat} (load average ${report.loadBefore.toFixed(1)} -> ${report.loadAfter.toFixed(1)} on ${report.machine.nproc} cores)`);
      printTable(report);
    }
  }
  const summary = repeat > 1 ? { ...medianReport(runs), date: runs[0].date, label: options.label, runs: repeat } : runs[0];
  console.log(repeat > 1 ? `\nmedians of ${repeat} runs:` : `(load average ${summary.loadBefore.toFixed(1)} -> ${summary.loadAfter.toFixed(1)} on ${summary.machine.nproc} cores)`);
  printTable(summary);
  const name = `bench-${summary.date.replace(/[:.]/g, '-')}.json`;
  const out = JSON.stringify({ ...summary, all: repeat > 1 ? runs : undefined }, null, 2);
  writeFileSync(join(RESULTS, name), out);
  writeFileSync(join(RESULTS, 'latest.json'), out);
  console.log(`JSON: bench/results/${name}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
