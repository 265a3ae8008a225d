import { loadReports } from '../src/load.ts';
const t = ['\t申请人情况','','\t一、本年新收政府信息公开申请数量','\t1','\t0','\t0','\t0','\t0','\t0','\t1','','\t二、上年结转政府信息公开申请数量','\t','\t','\t','\t','\t','\t','\t','','\t（七）总计','\t1','\t0','\t0','\t0','\t0','\t0','\t1','','\t四、结转下年度继续办理','\t','\t','\t','\t','\t','\t','\t',''].join('\n');
const r = await loadReports({ file: 'b.txt', text: '2020年政府信息公开工作年度报告\n' + t });
console.log(r.records.facts.filter(f => f.applicant === 'total').map(f => `${f.metric} ${f.value}`));
console.log(r.records.findings.map(f => f.code));
