/**
 * One corpus load, alone in its own process, for `npm run bench`: the peak RSS it reports is
 * the loader's (main thread + workers), not the bench's DuckDB and Arquero work on other sizes.
 *
 *   tsx scripts/bench-load.ts <corpus dir> <dataset dir> <workers>
 *
 * Prints one JSON object: loadCorpus's result plus the process CPU time in seconds and the
 * kernel's high-water mark of its RSS where there is one (Linux: exact, where the loader's own
 * figure samples every 250 ms and can miss a short peak).
 */
import { readFileSync, rmSync } from 'node:fs';
import { loadCorpus } from '../src/corpus/index.ts';

const [dir, out, workers] = process.argv.slice(2);
if (!dir || !out) {
  process.stderr.write('usage: tsx scripts/bench-load.ts <corpus dir> <dataset dir> [workers]\n');
  process.exit(2);
}
// The previous run's dataset goes before the clock starts: the bench times loading, not deleting.
rmSync(out, { recursive: true, force: true });
const cpu0 = process.cpuUsage();
const result = await loadCorpus([dir], { out, workers: workers ? Number(workers) : undefined, rebuild: true });
const cpu = process.cpuUsage(cpu0);
// VmHWM of this process's own memory, not getrusage's maxRSS: that one starts from the parent's
// RSS at fork (the bench's, holding tables of earlier sizes) and survives exec.
const hwm = (() => {
  try {
    return Number(/^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]) * 1024 || null;
  } catch {
    return null;
  }
})();
const maxRssBytes = hwm ?? result.peakRssBytes;
process.stdout.write(JSON.stringify({ ...result, cpuSeconds: (cpu.user + cpu.system) / 1e6, maxRssBytes }) + '\n');
