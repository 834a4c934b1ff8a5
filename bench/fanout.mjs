// Fan-out and caps, measured over the real server (dist/server/server.js, push diagnostics) and
// the CLI: what duplicate-id costs with many files sharing an id, and what a file with very many
// problems costs. Prints one table; nothing here is a test.
//
//   npm run build --silent && node bench/fanout.mjs
//   node bench/fanout.mjs --open 200 --disk 3000 --items 100000   # the defaults (0 skips a stage)
//   node bench/fanout.mjs --dist /tmp/old-dist                     # another build, to compare
//
// Server CPU is read from /proc/<pid>/stat (user + system) before and after each stage; a stage
// ends when every expected publication has arrived and no other came for --quiet-ms.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: options } = parseArgs({
  options: {
    open: { type: 'string', default: '200' },
    disk: { type: 'string', default: '3000' },
    items: { type: 'string', default: '100000' },
    'quiet-ms': { type: 'string', default: '2000' },
    dist: { type: 'string', default: join(root, 'dist') },
  },
});
const OPEN = Number(options.open);
const DISK = Number(options.disk);
const ITEMS = Number(options.items);
const QUIET_MS = Number(options['quiet-ms']);
const SERVER = join(resolve(options.dist), 'server/server.js');
const CLI = join(resolve(options.dist), 'cli.js');
const TICKS_PER_SECOND = 100;

const incident = (id) => `id: ${id}\ntitle: Shared\nstatus: investigating\nstart: 2024-01-01T10:00+09:00\n`;

/** An incident whose every timeline item has three problems: a time without offset, an unknown key, an unknown kind. */
function manyProblems(items) {
  const lines = ['id: MANY', 'title: Many problems', 'status: investigating', 'start: 2024-01-01T10:00+09:00', 'timeline:'];
  for (let i = 0; i < items; i++) lines.push('  - at: 2024-01-01T10:00', `    event: e${i}`, '    kind: nonsense', '    extra: 1');
  return lines.join('\n') + '\n';
}

function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

function peakRssMb(pid) {
  const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

class Server {
  constructor() {
    this.process = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.reset();
    this.lastMessage = performance.now();
    this.connection.onNotification('textDocument/publishDiagnostics', (params) => {
      const bytes = Buffer.byteLength(JSON.stringify(params));
      this.publishes++;
      this.bytes += bytes;
      for (const d of params.diagnostics) this.longestMessage = Math.max(this.longestMessage, Buffer.byteLength(d.message));
      this.latest.set(params.uri, params);
      this.lastMessage = performance.now();
    });
    for (const method of ['client/registerCapability', 'client/unregisterCapability', 'window/workDoneProgress/create']) this.connection.onRequest(method, () => null);
    this.connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.listen();
  }

  reset() {
    this.publishes = 0;
    this.bytes = 0;
    this.longestMessage = 0;
    this.latest = new Map();
  }

  async start(folder) {
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: folder ? [{ uri: pathToFileURL(folder).href, name: 'ws' }] : null,
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    await this.connection.sendNotification('initialized', {});
  }

  open(uri, text) {
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  }

  /** Waits until `done()` holds and nothing was published for QUIET_MS; returns the ms until `done()` first held. */
  async settle(done) {
    const started = performance.now();
    let doneAt;
    for (;;) {
      await new Promise((r) => setTimeout(r, 50));
      if (doneAt === undefined && done()) doneAt = performance.now();
      if (doneAt !== undefined && performance.now() - this.lastMessage > QUIET_MS) return doneAt - started;
    }
  }

  async stop() {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    await new Promise((r) => (this.process.exitCode === null ? this.process.once('exit', r) : r()));
    this.connection.dispose();
  }
}

const duplicateShown = (server, uris) => () => uris.every((uri) => server.latest.get(uri)?.diagnostics.some((d) => d.code === 'duplicate-id'));
const rows = [];
function row(stage, server, cpu, ms) {
  rows.push({ stage, 'server CPU s': cpu.toFixed(1), 'until done ms': Math.round(ms), publishes: server.publishes, 'pushed KB': (server.bytes / 1e3).toFixed(1), 'longest message B': server.longestMessage, 'peak RSS MB': Math.round(peakRssMb(server.process.pid)) });
}

async function openDocuments() {
  const server = new Server();
  await server.start();
  const uris = Array.from({ length: OPEN }, (_, i) => `file:///bench/open/f${i}.incident.yaml`);
  const cpu = cpuSeconds(server.process.pid);
  for (const uri of uris) server.open(uri, incident('SHARED'));
  const ms = await server.settle(duplicateShown(server, uris));
  row(`${OPEN} open documents, one id`, server, cpuSeconds(server.process.pid) - cpu, ms);
  await server.stop();
}

async function filesOnDisk() {
  const folder = mkdtempSync(join(tmpdir(), 'fanout-'));
  try {
    for (let i = 0; i < DISK; i++) writeFileSync(join(folder, `f${i}.incident.yaml`), incident('SHARED'));
    const server = new Server();
    await server.start(folder);
    // The start-up scan publishes nothing (nothing is open): wait for its CPU to go quiet.
    let previous = -1;
    for (let now = cpuSeconds(server.process.pid); now !== previous; now = cpuSeconds(server.process.pid)) {
      previous = now;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const uri = pathToFileURL(join(folder, 'opened.incident.yaml')).href;
    const cpu = cpuSeconds(server.process.pid);
    server.open(uri, incident('SHARED'));
    const ms = await server.settle(duplicateShown(server, [uri]));
    row(`1 open document, ${DISK} on disk, one id`, server, cpuSeconds(server.process.pid) - cpu, ms);
    await server.stop();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function manyProblemsStage(text) {
  const server = new Server();
  await server.start();
  const uri = 'file:///bench/many.incident.yaml';
  const cpu = cpuSeconds(server.process.pid);
  server.open(uri, text);
  const ms = await server.settle(() => server.latest.has(uri));
  row(`1 document, ${ITEMS} bad items (${server.latest.get(uri).diagnostics.length} diagnostics)`, server, cpuSeconds(server.process.pid) - cpu, ms);
  await server.stop();
}

function cliStage(text) {
  const folder = mkdtempSync(join(tmpdir(), 'fanout-cli-'));
  try {
    const file = join(folder, 'many.incident.yaml');
    writeFileSync(file, text);
    const started = performance.now();
    const result = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', file], { maxBuffer: 1 << 30 });
    const ms = performance.now() - started;
    rows.push({ stage: `CLI check --format json, ${ITEMS} bad items`, 'until done ms': Math.round(ms), 'pushed KB': (result.stdout.length / 1e3).toFixed(1) + ' (stdout)', publishes: `exit ${result.status}` });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (OPEN > 0) await openDocuments();
if (DISK > 0) await filesOnDisk();
if (ITEMS > 0) {
  const text = manyProblems(ITEMS);
  await manyProblemsStage(text);
  cliStage(text);
}
console.table(rows);
