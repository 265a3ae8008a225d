/**
 * What a notebook loads. Its DATA cell names the files or folders (`data/raw` by default);
 * `XXGK_INPUT` overrides them, so that `npm start -- <folders…>` runs the notebooks on the same
 * reports as its tables and charts.
 */
import path from 'node:path';

/** `XXGK_INPUT` (paths separated by the platform's delimiter, `:` on Linux) when set, else `fallback`. */
export function notebookInputs(fallback: readonly string[], env: NodeJS.ProcessEnv = process.env): string[] {
  const given = env.XXGK_INPUT?.split(path.delimiter).filter(Boolean) ?? [];
  return given.length ? given : [...fallback];
}
