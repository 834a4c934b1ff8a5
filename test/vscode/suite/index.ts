/** Runs every *.test.ts in this folder with mocha, inside the VS Code extension host. */
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/**
 * Every result also goes out as one plain console line starting with this mark: in code-server
 * (runInCodeServer.ts) the extension host's console is all the runner can see.
 */
export const RESULT_MARK = '[incident-timeline-vscode-test]';

export function run(): Promise<void> {
  // Generous: the first test also waits for activation and the server's start.
  const mocha = new Mocha({ ui: 'bdd', color: process.env.NO_COLOR === undefined, timeout: 60_000 });
  for (const file of readdirSync(__dirname).filter((name) => name.endsWith('.test.ts')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      console.log(`${RESULT_MARK} done: ${runner.stats?.passes ?? 0} passing, ${failures} failing`);
      if (failures > 0) reject(new Error(`${failures} test(s) failed`));
      else resolve();
    });
    runner.on('pass', (test) => console.log(`${RESULT_MARK} pass: ${test.fullTitle()}`));
    runner.on('fail', (test, error: Error) => console.log(`${RESULT_MARK} FAIL: ${test.fullTitle()}: ${error.stack ?? error.message}`));
  });
}
