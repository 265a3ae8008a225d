import { processDoc } from '../src/extract/document.ts';
import { textDoc } from '../test/helpers.ts';
import * as OpenCC from 'opencc-js';
const show = (name: string, text: string) => {
  const doc = textDoc(text);
  const r = processDoc(doc, 'x');
  console.log('==', name, r.report.agency, r.report.year, r.report.template, r.report.published);
  console.log(doc.lines.map((l) => '  |' + l).join('\n'));
  console.log(r.facts.map((f) => `  ${f.line} ${f.metric} ${f.value} ${f.unit} ${f.how} [${f.label}] <${f.text}>`).join('\n'));
  console.log(r.findings.map((f) => `  ! ${f.code} ${f.line} ${f.message.slice(0, 120)}`).join('\n'));
};
const T2008 = ['文昌阁乡人民政府2017年政府信息公开工作年度报告', '现将本乡政府信息公开工作情况报告如下。', '统计指标\t单位\t统计数', '（一）主动公开政府信息数\t条\t120', '其中：主动公开规范性文件数\t条\t9', '（一）收到申请数\t件\t7', '1.当面申请数\t件\t3', '2.网络申请数\t件\t4', '（一）申请行政复议数\t件\t1', '（一）维持具体行政行为数\t件\t1', '', '文昌阁乡人民政府', '2018年1月20日'].join('\n');
show('2008', T2008);
const tw = OpenCC.Converter({ from: 'cn', to: 'tw' });
show('2008 trad', tw(T2008).replace('信息公开', '資訊公開'));
show('chrome one line', '当前位置：首页 > 政务公开 > 年度报告 威海市环翠区审计局2019年政府信息公开工作年度报告 根据《条例》规定，现公布本局报告。一、总体情况 2019年，我局主动公开政府信息120条，其中政府网站公开100条。全年共收到政府信息公开申请5件。 微信 微博 QQ空间 全真版 文字版 文件下载 版权所有：威海市环翠区人民政府 网站标识码：3710020001');
show('crawler headers', ['标题：威海市环翠区审计局2019年政府信息公开工作年度报告', '发布时间：2020-01-15 10:20', '原文链接：http://www.huancui.gov.cn/art/2020/1/15/art_123.html', '【字体：大 中 小】 浏览次数：1234', '2019年，我局主动公开政府信息120条。', '主办单位：威海市环翠区人民政府办公室 联系电话：0631-5210729'].join('\n'));
show('unnamed', ['2019年政府信息公开工作年度报告', '2019年，我镇主动公开政府信息35条。', '原文链接：http://www.example.gov.cn/xxgk/2020/123.html'].join('\n'));
show('distractors', [
  '2019年，我局主动公开政府信息120条，较上年的98条增加22条。',
  '不予公开信息5条。',
  '门户网站全年访问量达35万人次，浏览次数：12345。',
  '12345热线受理群众诉求230件。',
  '咨询电话：0631-5210729，邮编264200。',
  '依据《关于印发xx的通知》（威政办发〔2021〕39号）开展工作。',
  '2018年共收到政府信息公开申请8件，2019年共收到政府信息公开申请12件。',
].join('\n'));
