/** Runs every *.test.ts in this folder with mocha, inside the VS Code extension host. */
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  // Generous: the first test also waits for activation and the server's start.
  const mocha = new Mocha({ ui: 'bdd', color: true, timeout: 60_000 });
  for (const file of readdirSync(__dirname).filter((name) => name.endsWith('.test.ts')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
}
