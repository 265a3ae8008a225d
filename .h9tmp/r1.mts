import { loadReports } from '/work/main/src/load.ts';
const show = async (name: string, lines: string[]) => {
  const r = await loadReports({ file: name, text: lines.join('\n') });
  console.log('==', name, r.records.reports[0].status, r.records.reports[0].template);
  for (const f of r.records.facts) console.log('  ', f.line, f.metric, f.applicant, f.value, JSON.stringify(f.text));
  for (const f of r.records.findings) console.log('  !', f.code, f.line, f.message.slice(0, 100));
};
const base = ['2020年政府信息公开工作年度报告', '二、主动公开政府信息情况', '\t第二十条第（一）项', '', '\t信息内容', '\t本年新制作数量', '\t本年新公开数量', '\t对外公开总数量', ''];
await show('glue-2066', [...base, '\t规章', '\t-13\u2066', '\t6282', '\t3', '']);
await show('glue-nbsp', [...base, '\t规章', '\t1', '\u00A0\t0', '\t3', '']);
await show('art20-missing-cell', [...base, '\t规章', '\t1', '\t3', '', '\t规范性文件', '\t15', '\t14', '\t32', '']);
await show('art20-extra-cell', [...base, '\t规章', '\t1', '\t0', '\t3', '\t9', '']);
await show('art20-garbage-between', [...base, '\t规章', '\t1', '\t0', '\t3', 'xyz', '\t规范性文件', '\t15', '\t14', '\t32', '']);
