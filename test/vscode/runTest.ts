/**
 * `npm run test:vscode`: downloads VS Code (once, into .vscode-test/) and runs test/vscode/suite
 * inside it with this extension loaded from the working tree and examples/ as the workspace.
 * Runs through test/register.cjs, like the mocha tiers. VSCODE_VERSION picks the build
 * (default: stable; `1.100.3` is the oldest our engines field allows).
 * VSCODE_TEST_CODE_SERVER=/path/to/code-server runs the same suite in that code-server instead
 * (no download; needs Chromium), for machines that cannot reach Microsoft's servers.
 * `--packaged` (code-server only; `npm run test:code-server`) tests the .vsix that `npm run
 * package` made, installed as a user installs it, instead of the working tree.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { runInCodeServer } from './runInCodeServer';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..');
  const codeServer = process.env.VSCODE_TEST_CODE_SERVER;
  const packaged = process.argv.includes('--packaged');
  if (packaged && !codeServer) throw new Error('--packaged runs in code-server: set VSCODE_TEST_CODE_SERVER=/path/to/code-server (../shared/tools/code-server-setup.sh prints it)');
  if (codeServer) {
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };
    const vsix = packaged ? path.join(root, `${manifest.name}-${manifest.version}.vsix`) : undefined;
    const failures = await runInCodeServer({ codeServer, root, workspace: path.join(root, 'examples'), chromium: process.env.CHROMIUM, vsix });
    process.exitCode = failures > 0 ? 1 : 0;
    return;
  }
  // A fresh profile each run: no settings or state leak between runs (the suite changes settings).
  const userData = mkdtempSync(path.join(tmpdir(), 'incident-timeline-vscode-'));
  try {
    await runTests({
      version: process.env.VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(__dirname, 'index.cjs'),
      launchArgs: [path.join(root, 'examples'), '--disable-extensions', '--disable-workspace-trust', `--user-data-dir=${userData}`],
      extensionTestsEnv: { INCIDENT_TIMELINE_ROOT: root },
    });
  } finally {
    rmSync(userData, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
