export const COMMANDS = ['export', 'validate', 'chart', 'brief', 'synth', 'corpus'] as const;
export type CommandName = (typeof COMMANDS)[number];

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
  corpus <files or folders…> --out DIR [--workers N] [--rebuild] [--worker-heap-mb MB]
      Load a corpus of any size on all cores into a Parquet dataset partitioned by year
      (DIR/<table>/year=YYYY/*.parquet); unchanged files are skipped on re-runs. N
      workers (default: one per core, fewer if free memory holds fewer at ≈ 256 MB
      each). Each worker's heap is capped at MB (default 128); a file over MB/32 MB
      goes alone to an extra worker with room for the largest file (a 45 MB report
      needs about 250). A file that kills a worker is read again alone; one that
      kills that worker too is a failed report (out_of_memory), and the run goes on.

Options:
  --strict   exit 1 when any error finding is present
  --quiet    no progress on stderr

Exit codes: 0 ran (findings are data, not failures), 1 --strict with errors or a failed
export, 2 usage error. Progress goes to stderr; only data goes to stdout.
`;
