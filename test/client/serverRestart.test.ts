/**
 * "Restart Language Server": one restart at a time, the user told that it restarted (or the
 * reason it could not), and the exit of a requested stop not logged as an error. Plain Node, with
 * a stand-in for vscode-languageclient's client.
 */
import * as assert from 'node:assert/strict';
import { isRequestedStopExit, queueRestart, restartAtUserRequest, type RestartableClient } from '../../client/src/serverRestart';

/** Records what a restart does, in order; each call resolves when `release` is called. */
class FakeClient implements RestartableClient {
  readonly calls: string[] = [];
  private readonly waiting: (() => void)[] = [];

  constructor(private state: 'stopped' | 'starting' | 'running') {}

  isStarting(): boolean {
    return this.state === 'starting';
  }

  isRunning(): boolean {
    return this.state === 'running';
  }

  start(): Promise<void> {
    return this.call('start');
  }

  restart(): Promise<void> {
    return this.call('restart');
  }

  /** Ends the oldest call still running. */
  release(): void {
    this.waiting.shift()?.();
  }

  private call(name: string): Promise<void> {
    this.calls.push(`${name} begins`);
    return new Promise((resolve) => this.waiting.push(() => {
      this.calls.push(`${name} ends`);
      this.state = 'running';
      resolve();
    }));
  }
}

/** Lets queued promise callbacks run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('client: restarting the language server', () => {
  it('runs restarts asked at once one after the other, each after its prepare', async () => {
    const client = new FakeClient('running');
    const first = queueRestart(client, () => client.calls.push('prepare 1'));
    const second = queueRestart(client, () => client.calls.push('prepare 2'));
    await settle();
    assert.deepEqual(client.calls, ['prepare 1', 'restart begins']);
    client.release();
    await first;
    await settle();
    assert.deepEqual(client.calls, ['prepare 1', 'restart begins', 'restart ends', 'prepare 2', 'restart begins']);
    client.release();
    await second;
  });

  it('starts a stopped client, and lets a start in progress finish first', async () => {
    const stopped = new FakeClient('stopped');
    const started = queueRestart(stopped, () => undefined);
    await settle();
    stopped.release();
    await started;
    assert.deepEqual(stopped.calls, ['start begins', 'start ends']);

    const starting = new FakeClient('starting');
    const restarted = queueRestart(starting, () => starting.calls.push('prepare'));
    await settle();
    starting.release();
    await settle();
    starting.release();
    await restarted;
    assert.deepEqual(starting.calls, ['start begins', 'start ends', 'prepare', 'restart begins', 'restart ends']);
  });

  it('tells the user it restarted: an info line in the output, then the status message', async () => {
    const said: string[] = [];
    await restartAtUserRequest(async () => { said.push('restarting'); }, {
      info: (line) => said.push(`info: ${line}`),
      status: (message) => said.push(`status: ${message}`),
      error: (error) => said.push(`error: ${String(error)}`),
    }, 'Incident Timeline: the language server restarted.');
    assert.deepEqual(said, [
      'restarting',
      "info: Restarted the language server at the user's request.",
      'status: Incident Timeline: the language server restarted.',
    ]);
  });

  it('logs why a restart failed, and does not say it restarted', async () => {
    const said: string[] = [];
    await restartAtUserRequest(() => Promise.reject(new Error('spawn failed')), {
      info: (line) => said.push(`info: ${line}`),
      status: (message) => said.push(`status: ${message}`),
      error: (error) => said.push(`error: ${error instanceof Error ? error.message : String(error)}`),
    }, 'restarted');
    assert.deepEqual(said, ['error: spawn failed']);
  });

  it('a clean exit (code 0, after shutdown and exit) is no error; other exits are', () => {
    assert.equal(isRequestedStopExit('Server process exited with code 0.'), true);
    assert.equal(isRequestedStopExit('Server process exited with code 1.'), false);
    assert.equal(isRequestedStopExit('Server process exited with signal SIGKILL.'), false);
  });
});
