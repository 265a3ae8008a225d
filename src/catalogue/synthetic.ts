/**
 * The mark of files written by `xxgk synth`: their first line. Synthetic reports are for
 * scale, fuzzing and accuracy tests only; the loader flags every one it reads.
 */
export const SYNTH_MARKER = '【合成数据】';
