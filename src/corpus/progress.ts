/**
 * Progress on stderr. progressLine: a corpus run's line (files, files/s, MB/s, ETA when the total
 * is known). progressWriter: the one writer of the long commands (the CLI's corpus, synth, and the
 * loads of export, validate, chart and brief). On a terminal one line is redrawn in place with
 * \r; in a log (CI, `2> file`) a plain line goes out every few seconds and the last state always
 * ends the run, without \r: a log file would otherwise hold thousands of redraws on one line.
 * corpusProgress: a corpus run's progress through that writer (the CLI's, and stderrProgress,
 * loadCorpus's default).
 */
export interface Progress {
  done: number;
  total: number | null;
  skipped: number;
  bytes: number;
  startedMs: number;
  nowMs: number;
  final: boolean;
}

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

export interface LineOptions {
  /** The command named in the line (default 'corpus'). */
  label?: string;
  /** Show MB/s (default true; synth counts files only). */
  bytes?: boolean;
}

export function progressLine(p: Progress, { label = 'corpus', bytes = true }: LineOptions = {}): string {
  const secs = Math.max(1e-3, (p.nowMs - p.startedMs) / 1000);
  const rate = p.done / secs;
  const total = p.total !== null ? `/${p.total.toLocaleString('en-US')}` : '';
  const eta = p.total !== null && rate > 0 && !p.final ? ` · ETA ${clock((p.total - p.done) / rate)}` : '';
  const skipped = p.skipped ? ` · ${p.skipped.toLocaleString('en-US')} unchanged` : '';
  const mbs = bytes ? ` · ${(p.bytes / 1e6 / secs).toFixed(1)} MB/s` : '';
  return `[xxgk ${label}] ${p.done.toLocaleString('en-US')}${total} files · ${rate.toFixed(0)} files/s${mbs}${skipped}${eta} · ${clock(secs)}`;
}

/** Where the writer writes: the CLI passes its Io (src/cli/main.ts), tests a fake one. */
export interface ProgressIo {
  err: (s: string) => void;
  /** stderr is a terminal. */
  isTTY?: boolean;
  /** Milliseconds on a monotonic clock (tests pass their own). */
  now?: () => number;
}

export interface ProgressWriter {
  /** The current state: drawn at once on a terminal, at most once per `everyMs` in a log. */
  update(line: string): void;
  /** The last state: always written, and the line ended. Later calls write nothing. */
  done(line: string): void;
}

/** A log gets a progress line this often. */
export const LOG_EVERY_MS = 5000;
/** A redrawn line is cut to this length: a line that wraps cannot be redrawn with \r. */
const TTY_WIDTH = 119;

export function progressWriter(io: ProgressIo, everyMs = LOG_EVERY_MS): ProgressWriter {
  const now = io.now ?? (() => performance.now());
  let finished = false;
  if (io.isTTY) {
    let width = 0;
    const draw = (line: string) => {
      const cut = line.slice(0, TTY_WIDTH);
      io.err(`\r${cut.padEnd(width)}`); // spaces over what the longer previous line left
      width = cut.length;
    };
    return {
      update(line) {
        if (!finished) draw(line);
      },
      done(line) {
        if (finished) return;
        finished = true;
        draw(line);
        io.err('\n');
      },
    };
  }
  let last = now();
  return {
    update(line) {
      const t = now();
      if (finished || t - last < everyMs) return;
      last = t;
      io.err(`${line}\n`);
    },
    done(line) {
      if (finished) return;
      finished = true;
      io.err(`${line}\n`);
    },
  };
}

/** A corpus run's progress through one writer: each state as its progressLine, the final one ending it. */
export function corpusProgress(io: ProgressIo): (p: Progress) => void {
  const writer = progressWriter(io);
  return (p) => (p.final ? writer.done(progressLine(p)) : writer.update(progressLine(p)));
}

/** loadCorpus's default when it is given no onProgress: this process's stderr. */
export const stderrProgress = (): ((p: Progress) => void) =>
  corpusProgress({ err: (s) => process.stderr.write(s), isTTY: process.stderr.isTTY === true });
