import { loadReports } from '../src/index.ts';

const { reports, channels, findings } = await loadReports(['data/raw']);
channels
  .filter((d: any) => d.channel !== 'total')
  .groupby('agency', 'year')
  .pivot('channel', 'count') // one column per channel; a blank stays empty, never 0
  .print();
console.log(findings.filter((d: any) => d.severity === 'error').numRows(), 'error findings');
