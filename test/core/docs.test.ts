/** The docs stay true: every code has its README section, and the format's examples check clean. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DIAGNOSTIC_CODES, parseIncident } from '../../server/src/core';

const ROOT = path.join(__dirname, '../..');
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const format = fs.readFileSync(path.join(ROOT, 'docs/format.md'), 'utf8');

function yamlBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
}

/** A fragment (a time, a timeline, sources) inside the smallest valid incident around it. */
function asIncident(block: string): string {
  if (/^id:/m.test(block)) return block;
  const head = 'id: EX196121\ntitle: Problems receiving mail\nstatus: monitoring\n';
  return head + (/^start:/m.test(block) ? '' : 'start: 2019-11-19T10:40+09:00\n') + block;
}

describe('docs', () => {
  it('README.md has one `### <code>` section per diagnostic code (the codeDescription.href anchors)', () => {
    for (const code of DIAGNOSTIC_CODES) {
      const headings = readme.split('\n').filter((line) => line === `### ${code}`);
      assert.equal(headings.length, 1, `### ${code}`);
    }
  });

  it('every YAML example in docs/format.md checks clean', () => {
    const blocks = yamlBlocks(format);
    assert.ok(blocks.length >= 5);
    for (const block of blocks) {
      assert.deepEqual(parseIncident(asIncident(block)).diagnostics.map((d) => `${d.code}: ${d.message}`), [], block);
    }
  });

  it('docs/format.md quotes the flagship example as it is (comments aside)', () => {
    const flagship = fs.readFileSync(path.join(ROOT, 'examples/exchange-online-2019-11-19.incident.yaml'), 'utf8');
    const withoutComments = flagship.split('\n').filter((line) => !line.startsWith('#')).join('\n');
    assert.equal(yamlBlocks(format)[0], withoutComments);
  });

  it('the README\'s format in brief checks clean', () => {
    const start = readme.indexOf('## The format in brief');
    const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
    const blocks = yamlBlocks(section);
    assert.equal(blocks.length, 1);
    assert.deepEqual(parseIncident(blocks[0]).diagnostics.map((d) => d.message), []);
  });
});
