import { launchBrowser } from '../src/export/browser.ts';
const b = await launchBrowser();
const p = await b.newPage({ viewport: { width: 1200, height: 900 } });
await p.goto('file:///work/main/out/notebooks/' + process.argv[2] + '.html');
await p.waitForTimeout(2500);
console.log('plots', await p.locator('.main-svg').count());
await p.screenshot({ path: '/tmp/' + process.argv[2] + '.png', fullPage: true });
await b.close();
