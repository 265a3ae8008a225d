/**
 * The `xxgk` command line. Data goes to stdout or files, progress and messages to stderr.
 * Exit codes: 0 ran (findings are data), 1 --strict and an error finding, 2 usage error,
 * 130 a corpus run interrupted (SIGINT).
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { corpusProgress, progressLine, progressWriter } from '../corpus/progress.ts';
import { isXxgkError, XxgkError } from '../errors.ts';
import { type LoadResult, loadReports } from '../load.ts';
import { DEFAULT_EXTENSIONS } from '../read/inputs.ts';
import { syntheticReportIds } from '../tables/select.ts';
import { COMMAND_OPTIONS, COMMANDS, type CommandName, USAGE } from './usage.ts';
import { formatFindings } from './report.ts';

/**
 * Where the CLI writes. `isTTY`: stderr is a terminal (progress is redrawn in place, else logged
 * as plain lines); `now`: the progress clock in ms (tests pass a fake Io with their own).
 */
export type Io = { out: (s: string) => void; err: (s: string) => void; isTTY?: boolean; now?: () => number };
const stdio: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  isTTY: process.stderr.isTTY === true,
};

export const TABLE_NAMES = ['reports', 'facts', 'findings', 'channels', 'requests', 'outcomes', 'appeals'] as const;
const FORMATS = ['csv', 'json', 'arrow', 'parquet'] as const;

export async function main(argv: string[], io: Io = stdio): Promise<number> {
  const [command, ...rest] = argv;
  if (!command) {
    io.err(USAGE);
    return 2;
  }
  // Asked for, help is the output: stdout (`xxgk --help | less`).
  if (command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (!(COMMANDS as readonly string[]).includes(command)) {
    io.err(`xxgk: unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  try {
    return await run(command as CommandName, rest, io);
  } catch (e) {
    if (isXxgkError(e)) {
      io.err(`xxgk ${command}: ${e.message}\n`);
      return e.code === 'usage' || e.code === 'bad_argument' ? 2 : 1;
    }
    throw e;
  }
}

async function run(command: CommandName, args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(command, args);
  if (values.help) {
    io.out(await commandHelp(command));
    return 0;
  }

  const clock = io.now ?? (() => performance.now());
  const load = async (inputs: string[]): Promise<LoadResult> => {
    if (!inputs.length) throw new XxgkError('usage', 'no input files or folders given');
    io.err(missingInputs(inputs));
    if (values.quiet) return loadReports(inputs);
    const progress = progressWriter(io);
    const started = clock();
    let read = 0;
    const result = await loadReports(inputs, {
      onProgress: (done, file) => {
        read = done;
        progress.update(`[xxgk] read ${done} file(s) — ${file}`);
      },
    });
    progress.done(`[xxgk] read ${read} file(s) in ${((clock() - started) / 1000).toFixed(1)} s`);
    return result;
  };
  const strictExit = (r: LoadResult) =>
    values.strict && r.records.findings.some((f) => f.severity === 'error') ? 1 : 0;

  switch (command) {
    case 'export': {
      const out = requireString(values.out, '--out DIR is required');
      const format = (values.format ?? 'csv') as string;
      if (!(FORMATS as readonly string[]).includes(format))
        throw new XxgkError('usage', `--format must be one of ${FORMATS.join(', ')} (got "${format}")`);
      const r = await load(positionals);
      const { exportTables } = await import('../export/table.ts');
      const tables = Object.fromEntries(TABLE_NAMES.map((n) => [n, r[n]]));
      const paths = await exportTables(tables, out, format as (typeof FORMATS)[number]);
      io.err(summary(r));
      if (!values.quiet) for (const p of paths) io.err(`[xxgk] wrote ${p}\n`);
      return strictExit(r);
    }
    case 'validate': {
      const r = await load(positionals);
      io.out(formatFindings(r));
      io.err(summary(r));
      return strictExit(r);
    }
    case 'chart': {
      const [kind, ...inputs] = positionals;
      const out = requireString(values.out, '--out file.(png|svg|html) is required');
      const { chartCommand, checkChartKind } = await import('./chart.ts');
      const { chartFormat } = await import('../export/chart.ts');
      // Every argument is checked before a load that may take minutes.
      checkChartKind(kind);
      chartFormat(out);
      const options = {
        width: num(values.width, 'width'),
        height: num(values.height, 'height'),
        scale: num(values.scale, 'scale'),
        agency: values.agency as string | undefined,
        year: num(values.year, 'year'),
        includeSynthetic: values['include-synthetic'] === true,
      };
      const r = await load(inputs);
      io.err(selectionNote(r, options));
      await chartCommand(r, kind, out, options);
      io.err(syntheticNote(r, values['include-synthetic'] === true));
      io.err(`[xxgk] wrote ${out}\n`);
      return 0;
    }
    case 'brief': {
      const out = requireString(values.out, '--out brief.html is required');
      const { writeBrief } = await import('../export/brief.ts');
      const options = { agency: values.agency as string | undefined, year: num(values.year, 'year') };
      const includeSynthetic = values['include-synthetic'] === true;
      const r = await load(positionals);
      io.err(selectionNote(r, options));
      await writeBrief(r, out, { ...options, includeSynthetic });
      io.err(syntheticNote(r, includeSynthetic));
      io.err(`[xxgk] wrote ${out}\n`);
      return 0;
    }
    case 'synth': {
      const out = requireString(values.out, '--out DIR is required');
      const n = num(values.n, 'n');
      if (n === undefined || !Number.isInteger(n)) throw new XxgkError('usage', '--n N (a positive integer) is required');
      const seed = values.seed === undefined ? 1 : Number(values.seed);
      if (!Number.isInteger(seed)) throw new XxgkError('usage', `--seed must be an integer (got "${String(values.seed)}")`);
      const rate = values['defect-rate'] === undefined ? undefined : Number(values['defect-rate']);
      if (rate !== undefined && !(rate >= 0 && rate <= 1)) throw new XxgkError('usage', '--defect-rate must be between 0 and 1');
      const { synthCorpus } = await import('../synth/index.ts');
      const progress = progressWriter(io);
      const startedMs = clock();
      const line = (done: number, final = false) =>
        progressLine({ done, total: n, skipped: 0, bytes: 0, startedMs, nowMs: clock(), final }, { label: 'synth', bytes: false });
      // The last count is left to the final line.
      const onProgress = (done: number) => {
        if (done < n) progress.update(line(done));
      };
      const r = await synthCorpus({ n, out, seed, defectRate: rate, onProgress: values.quiet ? undefined : onProgress });
      if (!values.quiet) progress.done(line(r.files, true));
      io.err(`[xxgk] wrote ${r.files} synthetic report(s), ${(r.bytes / 1e6).toFixed(1)} MB, manifest ${r.manifest}\n`);
      return 0;
    }
    case 'corpus': {
      const out = requireString(values.out, '--out DIR is required');
      if (!positionals.length) throw new XxgkError('usage', 'no input files or folders given');
      const options = { workers: num(values.workers, 'workers'), workerHeapMb: num(values['worker-heap-mb'], 'worker-heap-mb') };
      io.err(missingInputs(positionals));
      const { loadCorpus } = await import('../corpus/index.ts');
      // Ctrl-C stops the run cleanly (its staging removed, the dataset as it was); a second one kills.
      const stop = new AbortController();
      const interrupt = () => stop.abort();
      process.once('SIGINT', interrupt);
      let r;
      try {
        r = await loadCorpus(positionals, {
          out,
          ...options,
          rebuild: Boolean(values.rebuild),
          progress: false,
          onProgress: values.quiet ? undefined : corpusProgress(io),
          signal: stop.signal,
        });
      } catch (e) {
        if (!stop.signal.aborted) throw e;
        // On a terminal the progress line is still open.
        io.err(`${io.isTTY && !values.quiet ? '\n' : ''}xxgk corpus: interrupted; the dataset in ${path.resolve(out)} is unchanged (its last complete run)\n`);
        return 130;
      } finally {
        process.off('SIGINT', interrupt);
      }
      io.err(
        `[xxgk] ${r.files} report(s): ${r.processed} processed, ${r.skipped} unchanged, ${r.removed} removed, ${r.failed} failed; ` +
          `${r.facts} facts; ${r.findings + r.corpusFindings} findings; ${(r.elapsedMs / 1000).toFixed(1)} s on ${r.workers} worker(s) → ${r.out}\n`,
      );
      if (!values.strict || !r.errors) return 0;
      io.err(`[xxgk] --strict: the dataset holds ${r.errors} error finding(s)\n`);
      return 1;
    }
  }
}

function requireString(v: unknown, message: string): string {
  if (typeof v !== 'string' || !v) throw new XxgkError('usage', message);
  return v;
}

function num(v: unknown, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new XxgkError('usage', `--${name} must be a positive number (got "${String(v)}")`);
  return n;
}

/**
 * A warning per input path that does not exist or cannot be read: its report row stays (every
 * input is a row, a failed one), but a typo should not pass as data.
 */
function missingInputs(inputs: readonly string[]): string {
  let warnings = '';
  for (const input of inputs) {
    try {
      statSync(input);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      warnings += `[xxgk] warning: ${input} ${code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})`}; it is a failed report\n`;
    }
  }
  return warnings;
}

function summary(r: LoadResult): string {
  const reports = r.records.reports;
  const by = (s: string) => reports.filter((x) => x.status === s).length;
  const errors = r.records.findings.filter((f) => f.severity === 'error').length;
  const none = reports.length ? '' : `[xxgk] warning: no report files found in the inputs (extensions read: ${DEFAULT_EXTENSIONS.join(', ')})\n`;
  return `${none}[xxgk] ${reports.length} report(s): ${by('ok')} ok, ${by('partial')} partial, ${by('failed')} failed; ${r.records.facts.length} facts; ${r.records.findings.length} findings (${errors} errors)\n`;
}

/** A warning when --agency or --year select no report, naming what there is. */
function selectionNote(r: LoadResult, o: { agency?: string; year?: number }): string {
  const reports = r.records.reports;
  if (!reports.length) return summary(r);
  if (o.agency && !reports.some((x) => x.agency === o.agency)) {
    const agencies = [...new Set(reports.map((x) => x.agency).filter(Boolean))].sort();
    const shown = agencies.slice(0, 10).join('、') + (agencies.length > 10 ? ` … (${agencies.length} in all)` : '');
    return `[xxgk] warning: no report of agency "${o.agency}"; agencies: ${shown || '(none recognised)'}\n`;
  }
  if (o.year && !reports.some((x) => x.year === o.year)) {
    const years = [...new Set(reports.map((x) => x.year).filter((y) => y != null))].sort();
    return `[xxgk] warning: no report of ${o.year}; years: ${years.join(', ') || '(none recognised)'}\n`;
  }
  return '';
}

/** A line on the synthetic reports a chart or brief left out (or took in, as asked); empty when there are none. */
function syntheticNote(r: LoadResult, included: boolean): string {
  const n = syntheticReportIds(r.findings).size;
  if (!n) return '';
  return included
    ? `[xxgk] ${n} synthetic report(s) (xxgk synth) included, as asked, and marked in the source line\n`
    : `[xxgk] left out ${n} synthetic report(s) (xxgk synth: for tests, never for analysis); --include-synthetic to include them\n`;
}

const OPTIONS = {
  out: { type: 'string', short: 'o' },
  format: { type: 'string', short: 'f' },
  strict: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  width: { type: 'string' },
  height: { type: 'string' },
  scale: { type: 'string' },
  agency: { type: 'string' },
  year: { type: 'string' },
  n: { type: 'string' },
  seed: { type: 'string' },
  workers: { type: 'string' },
  'worker-heap-mb': { type: 'string' },
  'defect-rate': { type: 'string' },
  rebuild: { type: 'boolean' },
  'include-synthetic': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * The command line's options; a malformed or unknown one, or one the command does not take
 * (`corpus --format`), is a usage error (exit 2) naming it, not a crash or silence.
 */
function parseOptions(command: CommandName, args: string[]): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, strict: true, options: OPTIONS }) as {
      values: Record<string, string | boolean | undefined>;
      positionals: string[];
    };
  } catch (e) {
    const err = e as Error & { code?: string };
    if (!err.code?.startsWith('ERR_PARSE_ARGS')) throw e;
    // Node's message continues with advice on `--` that does not apply here.
    throw new XxgkError('usage', `${err.message.split('. ')[0]!.replace(/\.$/, '')}; see \`xxgk ${command} --help\``);
  }
  const takes: readonly string[] = COMMAND_OPTIONS[command];
  const other = Object.keys(parsed.values).find((name) => name !== 'help' && !takes.includes(name));
  if (other) {
    const list = takes.map((name) => `--${name}`).join(', ');
    throw new XxgkError('usage', `--${other} is not an option of ${command} (it takes ${list}); see \`xxgk ${command} --help\``);
  }
  return parsed;
}

/** One command's part of the usage text, the chart kinds with `chart`, and the common options. */
async function commandHelp(command: CommandName): Promise<string> {
  const lines = USAGE.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`  ${command} `));
  let end = start + 1;
  while (end < lines.length && !/^ {2}[a-z]/.test(lines[end]!) && lines[end] !== '') end++;
  const parts = [`Usage: xxgk ${lines.slice(start, end).join('\n').trimStart()}`];
  if (command === 'chart') {
    const { STANDARD_CHARTS } = await import('../charts/standard.ts');
    parts.push(`Kinds:\n${Object.entries(STANDARD_CHARTS).map(([kind, c]) => `  ${kind.padEnd(20)}${c.title}`).join('\n')}`);
  }
  // The common options this command takes (`validate` has no --out, `chart` no --strict).
  const takes: readonly string[] = COMMAND_OPTIONS[command];
  const common = USAGE.slice(USAGE.indexOf('Options:')).split('\n');
  parts.push(common.filter((l) => !/^ {2}--/.test(l) || takes.includes(/^ {2}--([a-z-]+)/.exec(l)![1]!)).join('\n'));
  return parts.join('\n\n');
}
