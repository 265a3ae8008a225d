import { loadReports } from '/work/main/src/load.ts';
for (const title of ['<script>alert(1)</script>人民政府2019年政府信息公开工作年度报告', '<script>alert(1)</script>局2019年政府信息公开工作年度报告']) {
const text = [title, '=HYPERLINK("http://evil.example")全年主动公开政府信息120条。', '本年度共收到政府信息公开申请5件。', '<script>alert(1)</script>', '2020年1月5日'].join('\n');
const r = await loadReports({ file: 'a.txt', text });
console.log(r.records.reports[0].agency, r.records.facts.map(f=>f.label));
}
const r = await loadReports({ file: '<script>alert(1)</script>2019年政府信息公开工作年度报告.txt', text: '全年主动公开政府信息120条。' });
console.log(r.records.reports[0].agency);
