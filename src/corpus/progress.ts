/** The progress line on stderr: files, files/s, MB/s, ETA when the total is known. */
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

export function formatProgress(p: Progress): string {
  const secs = Math.max(1e-3, (p.nowMs - p.startedMs) / 1000);
  const rate = p.done / secs;
  const total = p.total !== null ? `/${p.total.toLocaleString('en-US')}` : '';
  const eta = p.total !== null && rate > 0 && !p.final ? ` · ETA ${clock((p.total - p.done) / rate)}` : '';
  const skipped = p.skipped ? ` · ${p.skipped.toLocaleString('en-US')} unchanged` : '';
  const line = `[xxgk corpus] ${p.done.toLocaleString('en-US')}${total} files · ${rate.toFixed(0)} files/s · ${(p.bytes / 1e6 / secs).toFixed(1)} MB/s${skipped}${eta} · ${clock(secs)}`;
  return `\r${line.padEnd(100)}${p.final ? '\n' : ''}`;
}
