// Drives the advisors' dashboard in the system Chromium: log in, filter, open a timeline, send a broadcast,
// chat through the first questions in "try the bot", see the schools' links with their QR codes, replay an undelivered
// message, and save screenshots.
// Then: the interface in Chinese (remembered after a reload), the overview's charts, a sorted column, and a sign-in as an
// advisor scoped to one school.
// Usage: node tests/browser/dashboard.mjs <baseUrl> <apiKey> [screenshotDir] [advisorName advisorSecret scopedCount]
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const [baseArg, apiKey, shotsArg, advisorName, advisorSecret, scopedCount] = process.argv.slice(2);
if (!baseArg || !apiKey) {
  console.error('usage: node dashboard.mjs <baseUrl> <apiKey> [screenshotDir]');
  process.exit(2);
}
// "localhost" is a secure context, so the dashboard's Secure cookie is kept over plain http in tests.
const base = baseArg.replace('127.0.0.1', 'localhost').replace(/\/$/, '');
const shots = resolve(shotsArg ?? 'docs/screenshots');
mkdirSync(shots, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), 'arc-dashboard-'));
const step = name => console.log('step: ' + name);

const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1280, height: 860 },
});
try {
  const page = context.pages()[0] ?? await context.newPage();
  page.setDefaultTimeout(15000);
  const errors = [];
  page.on('pageerror', e => errors.push(e.message));
  // The page runs under a strict Content-Security-Policy: anything it blocks (an inline script or style whose hash
  // is not allowed) is reported on the console and fails the run.
  page.on('console', m => { if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) errors.push(m.text()); });

  step('login');
  const response = await page.goto(base + '/dashboard');
  const csp = response.headers()['content-security-policy'] ?? '';
  if (!csp.includes("frame-ancestors 'none'") || !csp.includes("script-src 'sha256-")) throw new Error('content security policy: ' + csp);
  await page.fill('#key', 'wrong-key-wrong-key');
  await page.click('#login-form button');
  await page.waitForSelector('#login-error:has-text("not right")');
  await page.screenshot({ path: join(shots, 'login.png') });
  await page.fill('#key', apiKey);
  await page.click('#login-form button');
  await page.waitForSelector('#students tr');
  const cookies = await context.cookies();
  const session = cookies.find(c => c.name === 'arc_dash');
  if (!session || !session.httpOnly || !session.secure || session.sameSite !== 'Strict') throw new Error('session cookie flags: ' + JSON.stringify(session));
  if (page.url().includes(apiKey)) throw new Error('the key leaked into the URL');
  const all = await page.locator('#students tr').count();
  await page.screenshot({ path: join(shots, 'students.png') });

  step('charts');
  // A bar per stage, drawn for the stages that have students; a bar per day for deadlines and reminders.
  await page.waitForFunction(() => [...document.querySelectorAll('#chart-stages rect')].filter(r => Number(r.getAttribute('height')) > 0).length >= 2);
  const stageBars = await page.locator('#chart-stages rect').count();
  if (stageBars < 5) throw new Error('stage chart bars: ' + stageBars);
  if (await page.locator('#chart-deadlines rect').count() !== 7) throw new Error('deadline chart: ' + await page.locator('#chart-deadlines rect').count());
  if (await page.locator('#chart-reminders rect').count() !== 14) throw new Error('reminder chart: ' + await page.locator('#chart-reminders rect').count());
  if (!/^\d+$/.test((await page.textContent('#overdue-count')).trim())) throw new Error('overdue count: ' + await page.textContent('#overdue-count'));

  step('sort');
  await page.click('th[data-sort=name]');
  await page.waitForSelector('th[data-sort=name][aria-sort=ascending]');
  await page.waitForFunction(() => document.querySelector('#students tr td')?.textContent === 'CHEN MEI LING');
  const ascending = await page.$$eval('#students tr td:first-child', tds => tds.map(td => td.textContent));
  if (ascending.join('|') !== [...ascending].sort().join('|')) throw new Error('not sorted by name: ' + ascending.join(', '));
  await page.click('th[data-sort=name]');
  await page.waitForSelector('th[data-sort=name][aria-sort=descending]');
  await page.waitForFunction(first => document.querySelector('#students tr td')?.textContent !== first, ascending[0]);

  step('language');
  await page.selectOption('#ui-lang', 'zh-TW');
  await page.waitForSelector('nav [data-tab=students]:has-text("學生")');
  await page.waitForSelector('#student-count:has-text("位學生")');
  await page.screenshot({ path: join(shots, 'students-zh.png') });
  await page.reload();
  await page.waitForSelector('#students tr');
  if ((await page.textContent('[data-i18n="tab.broadcasts"]')).trim() !== '群發訊息') throw new Error('the language was not remembered');
  await page.selectOption('#ui-lang', 'en');
  await page.waitForSelector('nav [data-tab=students]:has-text("Students")');

  step('filter');
  await page.selectOption('#filters select[name=stage]', 'notsubmitted');
  await page.click('#filters button[type=submit]');
  await page.waitForFunction(n => document.querySelectorAll('#students tr').length < n, all);
  const filtered = await page.locator('#students tr').count();
  await page.fill('#filters input[name=q]', 'CHEN');
  await page.click('#filters button[type=submit]');
  await page.waitForFunction(() => document.querySelectorAll('#students tr').length === 1);

  step('timeline');
  await page.click('#students tr');
  await page.waitForSelector('#timeline .timeline li');
  await page.screenshot({ path: join(shots, 'timeline.png') });

  step('broadcast');
  await page.click('nav [data-tab=broadcasts]');
  await page.fill('#broadcast-form textarea[name=text]', 'Browser broadcast: the NIA office is closed on Friday.');
  await page.check('#broadcast-form input[name=urgent]');
  await page.click('#preview');
  await page.waitForSelector('#broadcast-renders [data-channel=tg]');
  await page.waitForSelector('#broadcast-renders [data-channel=line]');
  await page.waitForSelector('#broadcast-preview:has-text("Audience")');
  await page.click('#broadcast-form button[type=submit]');
  await page.waitForSelector('#broadcast-confirm:not(.hidden)');
  await page.screenshot({ path: join(shots, 'broadcast-preview.png') });
  await page.click('#confirm');
  await page.waitForSelector('#broadcasts tr[data-status=Done]', { timeout: 30000 });
  await page.screenshot({ path: join(shots, 'broadcast-report.png') });

  step('try the bot');
  await page.click('nav [data-tab=try]');
  await page.waitForSelector('#chat .bubble.bot .choices button');
  await page.locator('#chat .bubble.bot').last().locator('.choices button').first().click();
  await page.waitForFunction(() => document.querySelectorAll('#chat .bubble.bot').length >= 2);
  const bots = await page.locator('#chat .bubble.bot').count();
  await page.locator('#chat .bubble.bot').last().locator('.choices button', { hasText: 'Extension' }).first().click();
  await page.waitForFunction(n => document.querySelectorAll('#chat .bubble.bot').length > n, bots);
  await page.screenshot({ path: join(shots, 'try-the-bot.png') });

  step('school links');
  await page.click('nav [data-tab=links]');
  await page.waitForSelector('#school-links [data-school] img');
  await page.waitForFunction(() => [...document.querySelectorAll('#school-links img')].every(i => i.complete && i.naturalWidth > 0));
  const schoolLink = (await page.textContent('#school-links [data-school] code')).trim();
  if (!/^https:\/\/t\.me\/\w+\?start=[\w-]+$/.test(schoolLink)) throw new Error('school link: ' + schoolLink);
  await page.screenshot({ path: join(shots, 'school-links.png') });

  step('undelivered');
  await page.click('nav [data-tab=undelivered]');
  await page.waitForSelector('#dead-letters tr');
  const undelivered = await page.locator('#dead-letters tr').count();
  if ((await page.textContent('#dead-count')).trim() !== '(1)') throw new Error('dead-letter count: ' + await page.textContent('#dead-count'));
  await page.screenshot({ path: join(shots, 'undelivered.png') });
  await page.click('#dead-letters tr button:has-text("Replay")');
  await page.waitForSelector('#dead-summary:has-text("Nothing undelivered")');

  step('mobile');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.click('nav [data-tab=students]');
  await page.screenshot({ path: join(shots, 'students-mobile.png') });

  step('logout');
  await page.click('#logout');
  await page.waitForSelector('#login:not(.hidden)');
  const me = await page.evaluate(async () => (await fetch('/dashboard/api/me', { credentials: 'same-origin' })).status);
  if (me !== 401) throw new Error('still signed in after logout: ' + me);

  let scoped = null;
  if (advisorName) {
    step('scoped advisor');
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.fill('#name', advisorName);
    await page.fill('#key', advisorSecret);
    await page.click('#login-form button');
    await page.waitForSelector('#students tr');
    await page.waitForFunction(n => document.querySelectorAll('#students tr').length === n, Number(scopedCount));
    scoped = await page.locator('#students tr').count();
    if (await page.isVisible('nav [data-tab=accounts]')) throw new Error('an advisor sees the accounts tab');
    if ((await page.textContent('#who')).trim() !== advisorName) throw new Error('signed in as ' + await page.textContent('#who'));
    await page.screenshot({ path: join(shots, 'scoped-advisor.png') });
    await page.click('#logout');
    await page.waitForSelector('#login:not(.hidden)');
  }

  if (errors.length) throw new Error('page errors: ' + errors.join('; '));
  console.log(JSON.stringify({ ok: true, students: all, filtered, scoped, undelivered, chatBubbles: await page.locator('#chat .bubble').count() }));
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
