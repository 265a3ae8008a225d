/** Chart builders: views in, Plotly figures out (pure; no rendering here). */
export * from './figure.ts';
export { fitToSize, rewrap, wrapToWidth } from './fit.ts';
export { channelMixBars, channelDonut, newMediaShareLine, channelMix } from './channels.ts';
export type { ChannelMixOptions, ChannelDonutOptions, ChannelMix } from './channels.ts';
export { requestVolumes, requestsBySubmissionChannel, requestsByApplicant, outcomesByGroup, leafOutcomes } from './requests.ts';
export type { OutcomesOptions } from './requests.ts';
export { appealsByResult, correctionRate, reportCorrection } from './appeals.ts';
export type { AppealsOptions, CorrectionRateOptions } from './appeals.ts';
export { findingsByCode } from './quality.ts';
export type { FindingsOptions } from './quality.ts';
export type { ChartOptions, TableLike } from './rows.ts';
