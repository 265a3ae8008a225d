export const COMMANDS = ['export', 'validate', 'chart', 'brief', 'synth', 'corpus'] as const;
export type CommandName = (typeof COMMANDS)[number];

/** The options each command takes (and --help); any other is a usage error naming it. */
export const COMMAND_OPTIONS = {
  export: ['out', 'format', 'strict', 'quiet'],
  validate: ['strict', 'quiet'],
  chart: ['out', 'width', 'height', 'scale', 'agency', 'year', 'include-synthetic', 'quiet'],
  brief: ['out', 'agency', 'year', 'include-synthetic', 'quiet'],
  synth: ['n', 'out', 'seed', 'defect-rate', 'quiet'],
  corpus: ['out', 'workers', 'rebuild', 'worker-heap-mb', 'strict', 'quiet'],
} as const satisfies Record<CommandName, readonly string[]>;

export const USAGE = `Usage: xxgk <command> [options]

Commands:
  export <files or folders…> --out DIR [--format csv|json|arrow|parquet] [--strict]
      Load reports and write reports, facts, findings, channels, requests, outcomes and
      appeals to DIR/<table>.<ext>.
  validate <files or folders…> [--strict]
      Print findings grouped by report (file:line  severity  code  message).
  chart <kind> <files or folders…> --out FILE.(png|svg|html) [--width W --height H --scale S]
        [--agency NAME] [--year Y] [--include-synthetic]
      Render a standard chart (kinds: see \`xxgk chart --help\`).
  brief <files or folders…> --out brief.html [--agency NAME] [--year Y] [--include-synthetic]
      One self-contained HTML briefing pack: key figures, charts, findings.
      Reports written by \`xxgk synth\` are left out of charts and briefs unless
      --include-synthetic is given (then the source line says so).
  synth --n N --out DIR [--seed S] [--defect-rate R]
      Write N synthetic reports (files synth_*.txt, first line 【合成数据】) and
      DIR/manifest.jsonl with their true values — for scale and accuracy tests only.
  corpus <files or folders…> --out DIR [--workers N] [--rebuild] [--worker-heap-mb MB] [--strict]
      Load a corpus of any size on all cores into a Parquet dataset partitioned by year
      (DIR/<table>/year=YYYY/*.parquet); unchanged files are skipped on re-runs. A run
      replaces the dataset only when it is complete: interrupted (Ctrl-C, exit 130),
      killed or failed, it leaves the last complete run in place. N workers (default:
      one per core, fewer if free memory holds fewer at ≈ 256 MB each). Each worker's
      heap is capped at MB (default 128); a file over MB/32 MB goes alone to an extra
      worker with room for the largest file (a 45 MB report needs about 250). A file
      that kills a worker is read again alone; one that kills that worker too is a
      failed report (out_of_memory), and the run goes on. --strict looks at every
      report of the dataset, the unchanged ones too.

Options:
  --strict   exit 1 when any error finding is present (export, validate, corpus)
  --quiet    no progress on stderr

An option a command does not take is a usage error. An input path that does not exist
is warned of on stderr (it stays in the reports as a failed report).
Exit codes: 0 ran (findings are data, not failures), 1 --strict with errors or a failed
write, 2 usage error, 130 a corpus run interrupted. Progress goes to stderr; only data
goes to stdout.
`;
