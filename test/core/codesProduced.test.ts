/**
 * Every diagnostic code must come out of at least one core test (through `diagnose`, `rows`,
 * `only` or `duplicateIds` in diagnose.ts, which record what they produce): a new code without a
 * test that produces it fails the run. Root hooks, so the tests of every file count (the
 * updates-and-components codes are produced in updates.test.ts). Not judged when --grep or .only
 * left tests out; a skipped test counts as left out on purpose.
 */
import * as assert from 'node:assert/strict';
import { DIAGNOSTIC_CODES } from '../../server/src/core';
import { producedCodes } from './diagnose';

let testsRun = 0;
afterEach(() => {
  testsRun++;
});

after(function () {
  const runnable = (suite: Mocha.Suite): number =>
    suite.tests.filter((test) => !test.isPending()).length + suite.suites.reduce((n, child) => n + runnable(child), 0);
  if (testsRun < runnable(this.test!.parent!)) return;
  assert.deepEqual(DIAGNOSTIC_CODES.filter((code) => !producedCodes.has(code)), [], 'codes no core test produces');
});
