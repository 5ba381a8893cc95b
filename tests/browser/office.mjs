// Drives the office pages in a real Chromium (Debian's package) through the DevTools protocol, as a clerk would:
// signs in, imports a loan book with one bad row (refused, the row named) and then a good one, creates a plan with
// its team, opens the map and clicks a check, verifies a registration, opens the report to the province, prints it
// to PDF and downloads its Word and Excel files, and switches the pages to English. Leaves a screenshot of each page
// (NN-name.png) and the report's files in VIECLAM_OUT. Exits non-zero at the first step that does not hold.
//
// Run by tests/e2e/tests/office_browser.rs, which starts the server and checks the files this leaves. Environment:
//   VIECLAM_URL           the server, e.g. http://127.0.0.1:8080 (the demo province seeded)
//   VIECLAM_OUT           folder for screenshots and downloads
//   VIECLAM_BAD_BOOK      a loan list with one bad row;  VIECLAM_BAD_TEXT  words its refusal must show
//   VIECLAM_GOOD_BOOK     a loan list with none
//   VIECLAM_COMMUNES      comma-separated commune codes for the new plan
//   VIECLAM_REGISTRATION  the id of a registration waiting for verification
//   CHROMIUM              the browser (default /usr/bin/chromium)
import fs from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};
const base = env('VIECLAM_URL');
const out = env('VIECLAM_OUT');
fs.mkdirSync(out, { recursive: true });

let shot = 0;
let page;

/** A full-page screenshot named after the step. */
async function snap(name) {
  shot += 1;
  // Photos load lazily as a person scrolls; a full-page picture must show them all.
  await page.evaluate(async () => {
    const imgs = [...document.images];
    imgs.forEach((i) => { i.loading = 'eager'; });
    await Promise.all(imgs.map((i) => (i.complete ? null : new Promise((r) => { i.onload = r; i.onerror = r; }))));
  });
  const file = path.join(out, `${String(shot).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`  screenshot ${path.basename(file)}`);
}

function check(cond, what) {
  if (!cond) throw new Error(`expected: ${what} (at ${page.url()})`);
}

async function text() {
  return page.evaluate(() => document.body.innerText);
}

async function go(pathname) {
  const r = await page.goto(`${base}${pathname}`, { waitUntil: 'load' });
  check(r && r.status() === 200, `GET ${pathname} answers 200, not ${r && r.status()}`);
}

/** Clicks `selector` and waits for the page it leads to. */
async function follow(selector) {
  const el = await page.$(selector);
  check(el, `${selector} on the page`);
  const [r] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), el.click()]);
  return r;
}

/** Waits for a finished download named `name` in `out`. */
async function downloaded(name) {
  const file = path.join(out, name);
  for (let i = 0; i < 300; i += 1) {
    if (fs.existsSync(file) && !fs.existsSync(`${file}.crdownload`) && fs.statSync(file).size > 0) return file;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`download ${name} did not finish`);
}

const steps = [
  ['sign in', async () => {
    await go('/office/login');
    await snap('sign-in');
    await page.type('input[name=username]', 'admin');
    await page.type('input[name=password]', 'admin-vieclam');
    await follow('button[type=submit]');
    check(new URL(page.url()).pathname === '/office', 'the overview after signing in');
    check((await text()).includes('Số khoản vay'), 'the overview figures');
    await snap('overview');
  }],
  ['import a loan book with one bad row, then a good one', async () => {
    await go('/office/import');
    await snap('import');
    await (await page.$('#import-loans')).uploadFile(env('VIECLAM_BAD_BOOK'));
    const refused = await follow('#import-preview');
    check(refused.status() === 422, `a book with a bad row refused (422), not ${refused.status()}`);
    check(await page.$('#import-problems'), 'the bad rows listed');
    check((await text()).includes(env('VIECLAM_BAD_TEXT')), `the bad row's reason (${env('VIECLAM_BAD_TEXT')})`);
    check(!(await page.$('#import-confirm')), 'no confirming a book with bad rows');
    await snap('import-bad-row');
    await go('/office/import');
    await (await page.$('#import-loans')).uploadFile(env('VIECLAM_GOOD_BOOK'));
    await follow('#import-preview');
    check(await page.$('#import-confirm'), 'a good book can be confirmed');
    await snap('import-preview');
    await follow('#import-confirm');
    check(await page.$('#import-done'), 'the result page');
    await snap('import-done');
  }],
  ['create a plan with its team', async () => {
    await go('/office/plans/new');
    await page.type('#plan-code', '15/KH-TRINHDUYET');
    await page.type('#plan-title', 'Kiểm tra cho vay giải quyết việc làm (thử trên trình duyệt)');
    const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    await page.$eval('#plan-starts-on', (e, v) => { e.value = v; }, day(-1));
    await page.$eval('#plan-ends-on', (e, v) => { e.value = v; }, day(14));
    for (const code of env('VIECLAM_COMMUNES').split(',')) await page.click(`#commune-${code}`);
    await page.select('#team-thanhtra1', 'leader');
    await page.select('#team-thanhtra2', 'member');
    await snap('plan-form');
    await follow('#plan-save');
    check(new URL(page.url()).pathname === '/office/plans', 'back on the plans page');
    const section = await page.$('section[data-code="15/KH-TRINHDUYET"]');
    check(section, 'the new plan listed');
    const words = await section.evaluate((s) => s.innerText);
    check(words.includes('Nguyễn Văn An') && words.includes('Trưởng đoàn'), 'its leader named with the function');
    await snap('plans');
  }],
  ['open the map and click a check', async () => {
    await go('/office/map');
    const points = await page.$$('svg a[href^="/office/checks/"]');
    check(points.length > 0, 'checks drawn on the map');
    await snap('map');
    // Click where the first point is drawn, as a person would: the check whose point is on top there opens.
    await points[0].evaluate((a) => a.scrollIntoView({ block: 'center' }));
    const box = await points[0].boundingBox();
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    const href = await page.evaluate((px, py) => {
      const a = document.elementFromPoint(px, py)?.closest('a');
      return a ? a.getAttribute('href') : null;
    }, x, y);
    check(href && href.startsWith('/office/checks/'), 'a check under the pointer');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.mouse.click(x, y)]);
    check(new URL(page.url()).pathname === href, `the click opens ${href}`);
    check((await text()).includes('Chi tiết kiểm tra'), 'the check page');
    await snap('check');
  }],
  ['verify a registration', async () => {
    const id = env('VIECLAM_REGISTRATION');
    await go('/office/registrations');
    await snap('registrations');
    await follow(`form[action="/office/registrations/${id}/verify"] button`);
    check(new URL(page.url()).pathname === '/office/registrations', 'back on the list');
    check(!(await page.$(`form[action="/office/registrations/${id}/verify"]`)), 'the verified one has left the list');
  }],
  ['the other pages', async () => {
    for (const [p, name] of [['/office/checks', 'checks'], ['/office/communes', 'communes'],
      ['/office/users', 'users'], ['/office/enterprises', 'enterprises'], ['/office/programmes', 'programmes']]) {
      await go(p);
      await snap(name);
    }
  }],
  ['the report to the province: print to PDF, download Word and Excel', async () => {
    await go('/office/plans');
    await follow('section[data-code="01/KH-DEMO"] a[id^="plan-report-"]');
    check((await text()).includes('BÁO CÁO'), 'the report');
    await snap('report');
    await page.pdf({ path: path.join(out, 'report.pdf'), preferCSSPageSize: true, printBackground: false });
    console.log('  printed report.pdf');
    const cdp = await page.createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: path.resolve(out) });
    await page.click('a[href$="/report.docx"]');
    console.log(`  downloaded ${path.basename(await downloaded('bao-cao-01_KH-DEMO.docx'))}`);
    await go('/office/plans');
    await page.click('section[data-code="01/KH-DEMO"] a[href$="/report.xlsx"]');
    console.log(`  downloaded ${path.basename(await downloaded('bao-cao-01_KH-DEMO.xlsx'))}`);
    // The minutes of the first commune reviewed.
    await follow('section[data-code="01/KH-DEMO"] a.review');
    await snap('review');
    await follow('#minutes');
    check((await text()).includes('BIÊN BẢN'), 'the minutes');
    await snap('minutes');
  }],
  ['switch to English and back', async () => {
    await go('/office/communes');
    await follow('#lang-switch');
    check(await page.$eval('html', (h) => h.lang) === 'en', 'the page in English');
    const seen = await text();
    check(seen.includes('Figures by commune') && !seen.includes('Số liệu theo xã'), 'English only, not both');
    await snap('communes-english');
    await follow('#lang-switch');
    check(await page.$eval('html', (h) => h.lang) === 'vi', 'back in Vietnamese');
    check(!(await text()).includes('Figures by commune'), 'Vietnamese only');
  }],
];

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--lang=vi-VN'],
});
let failed = false;
try {
  page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  for (const [name, run] of steps) {
    console.log(`step: ${name}`);
    await run();
  }
} catch (e) {
  failed = true;
  console.error(`FAILED: ${e.message}`);
  if (page) await page.screenshot({ path: path.join(out, 'failed.png'), fullPage: true }).catch(() => {});
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
