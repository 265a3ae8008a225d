import { describe, expect, it } from 'vitest';
import { workerExecArgv } from '../../src/corpus/flags.ts';

describe('workerExecArgv', () => {
  it('drops V8 flags, which a Worker rejects and which already apply process-wide', () => {
    expect(workerExecArgv(['--max-old-space-size=4096', '--stack-size', '2000', '--trace-gc', '--expose-gc'])).toEqual([]);
  });

  it('drops loader flags with their values: the bundle needs none and worker-boot registers tsx', () => {
    expect(workerExecArgv(['--import', 'tsx', '--require=ts-node/register', '-r', 'x'])).toEqual([]);
  });

  it("passes Node's per-thread options on, a separate value with its flag", () => {
    expect(workerExecArgv(['--import', 'tsx', '--conditions', 'development', '--enable-source-maps', '--max-old-space-size=512', '--no-warnings'])).toEqual([
      '--conditions',
      'development',
      '--enable-source-maps',
      '--no-warnings',
    ]);
  });

  it('adds a CPU profile per worker when asked', () => {
    expect(workerExecArgv(['--trace-gc'], '/tmp/p')).toEqual(['--cpu-prof', '--cpu-prof-dir=/tmp/p']);
  });
});
