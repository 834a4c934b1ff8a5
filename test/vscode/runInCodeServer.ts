/**
 * Runs the same suite inside code-server (VS Code's own server build, e.g. 4.100.3 = VS Code
 * 1.100.3) where Microsoft's download servers are out of reach: the extension is loaded from the
 * working tree, or from a .vsix installed as a user installs it, and the tests from
 * test/vscode/index.cjs through the web workbench's `payload` parameter
 * (extensionDevelopmentPath / extensionTestsPath), driven by headless Chromium.
 * The suite reports each result as a marked console line, which is all a web workbench shows us.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { RESULT_MARK } from './suite/index';

export interface CodeServerRun {
  readonly codeServer: string;
  readonly root: string;
  readonly workspace: string;
  /** Test this package instead of the working tree: installed with `--install-extension`. */
  readonly vsix?: string;
  /** Chromium to drive (default /usr/bin/chromium, Debian's package). */
  readonly chromium?: string;
  /** Give up after this many ms without the suite's final line. */
  readonly timeoutMs?: number;
}

/** Resolves with the number of failed tests (or throws when the suite never reported). */
export async function runInCodeServer(run: CodeServerRun): Promise<number> {
  const tmp = mkdtempSync(path.join(tmpdir(), 'incident-timeline-code-server-'));
  const userData = path.join(tmp, 'user-data');
  mkdirSync(path.join(userData, 'User'), { recursive: true });
  mkdirSync(path.join(tmp, 'tmp'));
  writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'git.openRepositoryInParentFolders': 'never',
  }));
  writeFileSync(path.join(tmp, 'config.yaml'), 'auth: none\ncert: false\n');
  // Everything code-server and the extension host write stays in tmp; NO_COLOR keeps mocha plain.
  const env = {
    ...process.env,
    XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
    XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'),
    XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'),
    TMPDIR: path.join(tmp, 'tmp'),
    NO_COLOR: '1',
    INCIDENT_TIMELINE_ROOT: run.root,
  };
  const extension = run.vsix ? installVsix(run.codeServer, run.vsix, tmp, env) : run.root;
  const port = await freePort();
  const log = openSync(path.join(tmp, 'code-server.log'), 'w');
  const server = spawn(run.codeServer, [
    '--config', path.join(tmp, 'config.yaml'), '--user-data-dir', userData, '--extensions-dir', path.join(tmp, 'extensions'),
    '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', run.workspace,
  ], { detached: true, stdio: ['ignore', 'pipe', log], env });
  const browser = { close: async (): Promise<void> => undefined };
  try {
    const stdout = server.stdout;
    if (!stdout) throw new Error('code-server has no stdout pipe');
    await new Promise<void>((resolve, reject) => {
      let seen = '';
      stdout.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        if (seen.includes('HTTP server listening')) resolve();
      });
      server.once('exit', (code) => reject(new Error(`code-server exited (${code}) before listening; see ${tmp}/code-server.log`)));
    });
    const chrome = await chromium.launch({
      executablePath: run.chromium ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    browser.close = () => chrome.close();
    const page = await chrome.newPage();
    const remote = `vscode-remote://127.0.0.1:${port}`;
    const payload = [
      ['extensionDevelopmentPath', `${remote}${extension}`],
      ['extensionTestsPath', `${remote}${path.join(run.root, 'test', 'vscode', 'index.cjs')}`],
    ];
    const failures = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no result from the suite within ${run.timeoutMs ?? 300_000} ms`)), run.timeoutMs ?? 300_000);
      page.on('console', (message) => {
        const text = message.text();
        const at = text.indexOf(RESULT_MARK);
        if (at < 0) return;
        const line = text.slice(at + RESULT_MARK.length).trim();
        console.log(line);
        const done = /^done: \d+ passing, (\d+) failing/.exec(line);
        if (done) {
          clearTimeout(timer);
          resolve(Number(done[1]));
        }
      });
    });
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(run.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url);
    return await failures;
  } finally {
    await browser.close().catch(() => undefined);
    if (server.pid !== undefined && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Installs the .vsix into an extensions folder of its own and returns where it was unpacked: the
 * folder VS Code would load it from. It goes in as the development extension (a test run needs
 * one), so it is not also installed in the folder code-server runs with.
 */
function installVsix(codeServer: string, vsix: string, tmp: string, env: NodeJS.ProcessEnv): string {
  const installed = path.join(tmp, 'installed');
  const result = spawnSync(codeServer, ['--extensions-dir', installed, '--install-extension', path.resolve(vsix)], { encoding: 'utf8', env });
  if (result.status !== 0) throw new Error(`code-server --install-extension ${vsix} failed (${result.status}): ${result.stderr}${result.stdout}`);
  const folders = readdirSync(installed, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  if (folders.length !== 1) throw new Error(`expected one extension folder after installing ${vsix}, found: ${folders.join(', ') || 'none'}`);
  return path.join(installed, folders[0]!);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
