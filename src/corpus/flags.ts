/**
 * The command-line flags a corpus worker takes from its parent. A Worker given a V8 flag
 * (`--max-old-space-size`, `--stack-size`, `--trace-gc`, `--expose-gc`…) throws
 * ERR_WORKER_INVALID_EXEC_ARGV, and V8 flags are process-wide, so they already apply to every
 * worker. Loader flags (`--import tsx`) are not needed either: the bundle is plain JavaScript and
 * worker-boot.mjs registers tsx itself. What remains worth passing on are Node's own per-thread
 * options, such as conditions, source maps, warnings and profiling.
 */
const PASSED_ON = /^(--conditions|-C|--enable-source-maps|--no-warnings|--no-deprecation|--trace-warnings|--trace-deprecation|--trace-uncaught|--cpu-prof[a-z-]*|--heap-prof[a-z-]*)(=|$)/;

/**
 * Parent execArgv → worker execArgv. A value given as the next argument (`--conditions dev`)
 * travels with its flag: execArgv holds no script name, so any argument that is not a flag is the
 * value of the one before it. `profileDir` adds a CPU profile per worker (XXGK_WORKER_PROF).
 */
export function workerExecArgv(execArgv: readonly string[], profileDir?: string): string[] {
  const passed: string[] = [];
  let keep = false;
  for (const a of execArgv) {
    if (a.startsWith('-')) keep = PASSED_ON.test(a);
    if (keep) passed.push(a);
  }
  if (profileDir) passed.push('--cpu-prof', `--cpu-prof-dir=${profileDir}`);
  return passed;
}
