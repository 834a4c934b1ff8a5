/** The README names the quick fix of every fixable code, and every fixable code has one on the broken examples. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DIAGNOSTIC_CODES, parseIncident } from '../../server/src/core';
import { FIXABLE_CODES, quickFixes } from '../../server/src/features/codeActions';

const ROOT = path.join(__dirname, '../..');
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

function section(code: string): string {
  const start = readme.indexOf(`\n### ${code}\n`);
  assert.ok(start >= 0, code);
  // Up to the next heading (a `#` inside a YAML example is a comment, not a heading).
  const end = readme.indexOf('\n### ', start + 5);
  const part = readme.slice(start, end < 0 ? undefined : end);
  const nextSection = part.indexOf('\n## ');
  return nextSection < 0 ? part : part.slice(0, nextSection);
}

describe('docs of the quick fixes', () => {
  it('each code\'s section and table row name its fix, or say there is none', () => {
    for (const code of DIAGNOSTIC_CODES) {
      const line = section(code).split('\n').find((l) => l.startsWith('Quick fix:'));
      assert.ok(line, `no "Quick fix:" line under ### ${code}`);
      const row = readme.split('\n').find((l) => l.startsWith(`| [${code}](#${code}) |`));
      assert.ok(row, `no table row for ${code}`);
      const cell = row.split('|').slice(-2)[0].trim();
      if (FIXABLE_CODES.includes(code)) {
        assert.ok(!line.startsWith('Quick fix: —'), `${code} has a fix: ${line}`);
        assert.notEqual(cell, '—', code);
      } else {
        assert.ok(line.startsWith('Quick fix: —'), `${code} has no fix: ${line}`);
        assert.equal(cell, '—', code);
      }
    }
  });

  it('every fixable code gets a fix on examples/broken', () => {
    const dir = path.join(ROOT, 'examples/broken');
    const fixed = new Set<string>();
    for (const file of fs.readdirSync(dir)) {
      const parsed = parseIncident(fs.readFileSync(path.join(dir, file), 'utf8'));
      for (const diagnostic of parsed.diagnostics) {
        if (quickFixes(parsed, diagnostic, { now: Date.UTC(2019, 10, 20), documentName: file }).length > 0) fixed.add(diagnostic.code);
      }
    }
    // duplicate-id needs two files: its fix is tested in codeActions.test.ts.
    assert.deepEqual([...fixed].sort(), FIXABLE_CODES.filter((c) => c !== 'duplicate-id').sort());
  });
});
