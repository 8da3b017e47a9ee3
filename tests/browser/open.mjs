// Opens a page convoy wrote in Debian's headless Chromium and records what it did: console
// errors and warnings, script errors, dialogs, and every request it made.
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

/// The page in `dir` (index.html), loaded and ready, with its records.
export async function open(dir) {
  const file = join(resolve(dir), 'index.html');
  const url = pathToFileURL(file).href;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const seen = { url, browser, page, problems: [], requests: [], dialogs: [] };
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') seen.problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => seen.problems.push(`page error: ${e.message}`));
  page.on('request', (r) => seen.requests.push(r.url()));
  page.on('requestfailed', (r) => seen.problems.push(`request failed: ${r.url()}`));
  page.on('dialog', (d) => { seen.dialogs.push(d.message()); d.dismiss(); });
  const t0 = performance.now();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.convoy && window.convoy.ready, null, { timeout: 30000 })
    .catch((e) => { throw new Error(`the page never got ready: ${seen.problems.join('; ') || e.message}`); });
  seen.loadMs = performance.now() - t0;
  seen.bytes = statSync(file).size;
  console.log(`page: ${seen.bytes} bytes, ready in ${seen.loadMs.toFixed(0)} ms (${url})`);
  return seen;
}
