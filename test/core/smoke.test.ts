import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseIncident } from '../../server/src/core';

describe('the flagship example', () => {
  it('checks clean and reads its window', () => {
    const text = fs.readFileSync(path.join(__dirname, '../../examples/exchange-online-2019-11-19.incident.yaml'), 'utf8');
    const parsed = parseIncident(text);
    assert.deepEqual(parsed.diagnostics, []);
    assert.equal(parsed.incident?.start?.epochMs, Date.UTC(2019, 10, 19, 1, 40));
    assert.equal(parsed.incident?.end?.epochMs, Date.UTC(2019, 10, 19, 11, 50));
    assert.equal(parsed.incident?.timeline.length, 2);
  });
});
