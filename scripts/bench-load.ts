/**
 * One corpus load, alone in its own process, for `npm run bench`: the peak RSS it reports is
 * the loader's (main thread + workers), not the bench's DuckDB and Arquero work on other sizes.
 *
 *   tsx scripts/bench-load.ts <corpus dir> <dataset dir> <workers>
 *
 * Prints one JSON object: loadCorpus's result plus the process CPU time in seconds.
 */
import { rmSync } from 'node:fs';
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
process.stdout.write(JSON.stringify({ ...result, cpuSeconds: (cpu.user + cpu.system) / 1e6 }) + '\n');
