import { loadReports } from '../src/load.ts';
const ART20_HEADER = ['2020年政府信息公开工作年度报告', '\t第二十条第（一）项', '', '\t信息内容', '\t本年新制作数量', '\t本年新公开数量', '\t对外公开总数量', ''];
const lines = [...ART20_HEADER, '\t规章', '\t1', '\t0', '\t3', 'xyz', '\t规范性文件', '\t15', '\t14', '\t32', ''];
const r = await loadReports({ file: 'a.txt', text: lines.join('\n') });
console.log(r.records.facts.filter(f=>f.source==='table').map(f => `${f.line} ${f.metric} ${f.value} ${JSON.stringify(f.text)}`));
console.log(r.records.findings.map(f => f.code + ' ' + f.message));
