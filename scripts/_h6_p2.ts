import { processDoc } from '../src/extract/document.ts';
import { textDoc } from '../test/helpers.ts';
import { splitRun, blocksHold, blocksPrefix } from '../src/extract/segment.ts';
const head = '统计指标\t单位\t本年度\t历年累计';
const r = processDoc(textDoc(['2017年政府信息公开工作年度报告', head, '（一）收到申请数\t件\t1234', '1.当面申请数\t件\t3\t14', '2.网络申请数\t件\t9\t20', '', '结束。'].join('\n')), 'x');
console.log(r.facts.map(f => `${f.metric} ${f.value} ${f.how}`), r.findings.map(f => f.message));
for (const d of ['1101100000000000', '11011110110000000', '22000220000000000','1010100000000000', '2200220000000000']) console.log(d, JSON.stringify(splitRun(d, 15, { accept: blocksHold(5), prefixOk: blocksPrefix(5) }).candidates));
