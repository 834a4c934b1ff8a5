/** `npm start`'s script on the built CLI: clean examples, the broken ones shown, exit 0. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '../..');

describe('scripts/start.mjs', () => {
  it('reports the clean example and every code in examples/broken, and exits 0', () => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.FORCE_COLOR;
    delete env.LC_ALL;
    delete env.LC_MESSAGES;
    env.LANG = 'C';
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/start.mjs')], { cwd: ROOT, env, encoding: 'utf8' });
    assert.match(r.stdout, /^✔ examples\/exchange-online-2019-11-19\.incident\.yaml: clean$/m);
    assert.match(r.stdout, /^ {2}examples\/broken\/exchange-online-2019-11-19\.incident\.yaml:10:9: error invalid-value /m);
    assert.match(r.stdout, /^✔ examples\/broken shows all 29 codes a file can show: /m);
    assert.match(r.stdout, /All as expected\./);
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });
});
