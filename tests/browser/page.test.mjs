// convoy's interactive page in Debian's headless Chromium: it loads from file:// with no console
// error and no network request, draws as many features as the GeoJSON beside it holds, opens a
// movement's popup with its evidence on a click, hides later features when the slider moves
// back, and paints a screenshot that is not blank.
//
//   PAGE_DIR=/tmp/out node --test page.test.mjs      (PAGE_DIR: where `convoy map` wrote)
//   PAGE_LANG=ar  (optional) the interface language the page should open in
//   SCREENSHOT=/path.png  (optional) where to keep the screenshot
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { open } from './open.mjs';

const dir = process.env.PAGE_DIR || assert.fail('PAGE_DIR is not set');
const lang = process.env.PAGE_LANG || 'en';
const features = (name) => JSON.parse(readFileSync(join(dir, name), 'utf8')).features;
const movements = features('movements.geojson');
const events = features('events.geojson');
const places = features('places.geojson');

let seen, page;
before(async () => { seen = await open(dir); page = seen.page; });
after(async () => { await seen?.browser.close(); });

test('loads from file:// with no console error and no network request', async () => {
  const foreign = seen.requests.filter((u) => !u.startsWith('file://') && !u.startsWith('data:'));
  assert.deepEqual(foreign, [], 'requests other than file:// and data:');
  assert.deepEqual(seen.requests.filter((u) => u !== seen.url && u.startsWith('file://')), [], 'the page asked for other files');
  assert.deepEqual(seen.problems, []);
  assert.deepEqual(seen.dialogs, []);
  assert.equal(await page.evaluate(() => document.documentElement.dir), lang === 'ar' ? 'rtl' : 'ltr');
  assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
});

test('draws as many features as the GeoJSON holds', async () => {
  const drawn = await page.evaluate(() => window.convoy.drawn);
  assert.equal(drawn.movements, movements.length);
  assert.equal(drawn.events, events.length);
  // Whole countries are named by the basemap, not marked.
  assert.equal(drawn.places, places.filter((f) => f.properties.kind !== 'country').length);
  const dom = await page.evaluate(() => ({
    lines: document.querySelectorAll('path.convoy-route').length,
    sites: document.querySelectorAll('.site-icon').length,
    shown: Object.fromEntries(['movements', 'events', 'places'].map((k) => [k, Number(document.getElementById('shown').dataset[k])])),
  }));
  assert.equal(dom.lines, drawn.lines);
  assert.equal(dom.sites, drawn.sites);
  assert.deepEqual(dom.shown, { movements: drawn.movements, events: drawn.events, places: drawn.places });
  assert.ok(drawn.lines > 0, 'no line drawn');
  assert.equal(drawn.sites > 0, events.length > 0);
});

test('clicking a movement opens its popup with the evidence', async () => {
  // The first movement whose line is on top at the middle of its middle segment.
  let target = null;
  for (const f of movements) {
    const at = await page.evaluate((id) => {
      const r = window.convoy.routeOf(id);
      if (!r) return null;
      const map = window.convoy.map, line = r.data.line, i = Math.floor((line.length - 2) / 2);
      const a = map.latLngToContainerPoint(line[i]), b = map.latLngToContainerPoint(line[i + 1]);
      const box = map.getContainer().getBoundingClientRect();
      const x = box.left + (a.x + b.x) / 2, y = box.top + (a.y + b.y) / 2;
      const hit = document.elementFromPoint(x, y);
      return hit && hit.getAttribute('data-route') === String(window.convoy.routeOf(id).layer._path.getAttribute('data-route')) ? { x, y } : null;
    }, f.properties.id);
    if (at) { target = { f, at }; break; }
  }
  assert.ok(target, 'no movement line could be clicked');
  await page.mouse.click(target.at.x, target.at.y);
  const popup = page.locator('.leaflet-popup-content');
  await popup.waitFor({ timeout: 5000 });
  const quote = popup.locator(`.report[data-id="${target.f.properties.id}"] blockquote`);
  assert.equal(await quote.textContent(), target.f.properties.evidence);
  assert.equal(await quote.getAttribute('dir'), 'rtl');
  assert.equal(await quote.getAttribute('lang'), 'ar');
  const title = target.f.properties.title;
  if (title) assert.ok((await popup.textContent()).includes(title), 'the article title is missing');
  await page.keyboard.press('Escape');
});

test('moving the slider back hides later features', async () => {
  const dates = await page.evaluate(() => window.convoy.dates);
  assert.ok(dates.length >= 2, 'fewer than two dates: the slider cannot be tried');
  const first = dates[0];
  await page.locator('#slider').fill('0');
  const by = (fs) => fs.filter((f) => f.properties.event_date === null || f.properties.event_date <= first).length;
  const drawn = await page.evaluate(() => window.convoy.drawn);
  assert.equal(drawn.movements, by(movements));
  assert.equal(drawn.events, by(events));
  assert.ok(drawn.movements + drawn.events < movements.length + events.length, 'nothing was hidden');
  assert.equal(await page.locator('path.convoy-route').count(), drawn.lines);
  await page.locator('#slider').fill(String(dates.length - 1));
  assert.equal((await page.evaluate(() => window.convoy.drawn)).movements, movements.length);
});

test('filtering takes under 100 ms', async () => {
  const times = [];
  for (const box of await page.locator('#panel input[type=checkbox]').all()) {
    await box.click();
    times.push(await page.evaluate(() => window.convoy.lastFilterMs));
    await box.click();
    times.push(await page.evaluate(() => window.convoy.lastFilterMs));
  }
  const worst = Math.max(...times);
  console.log(`filtering: ${times.length} changes, slowest ${worst.toFixed(1)} ms`);
  assert.ok(worst < 100, `a filter took ${worst} ms`);
  assert.equal((await page.evaluate(() => window.convoy.drawn)).movements, movements.length);
});

test('a screenshot is not blank and shows the movements\' colours', async () => {
  await page.mouse.move(1, 1);
  const png = await page.screenshot();
  if (process.env.SCREENSHOT) writeFileSync(process.env.SCREENSHOT, png);
  const colours = distinctColours(png);
  assert.ok(colours.size >= 50, `only ${colours.size} colours`);
  const strokes = new Set(movements.map((f) => f.properties.stroke));
  const seen = [...strokes].filter((s) => colours.has(s));
  assert.ok(seen.length > 0, `none of the actors' colours ${[...strokes]} is on screen`);
});

// The set of `#rrggbb` colours of an 8-bit RGB or RGBA PNG, as Chromium writes screenshots.
function distinctColours(png) {
  let pos = 8, width = 0, height = 0, channels = 0;
  const idat = [];
  while (pos < png.length) {
    const len = png.readUInt32BE(pos), type = png.toString('ascii', pos + 4, pos + 8);
    const data = png.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0); height = data.readUInt32BE(4);
      assert.equal(data[8], 8, 'not an 8-bit PNG');
      channels = { 2: 3, 6: 4 }[data[9]] || assert.fail(`PNG colour type ${data[9]}`);
    } else if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels, out = Buffer.alloc(stride * height), colours = new Set();
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)], line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[y * stride + x - channels] : 0;
      const b = y > 0 ? out[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? out[(y - 1) * stride + x - channels] : 0;
      const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      const pred = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter];
      out[y * stride + x] = (line[x] + pred) & 255;
    }
    for (let x = 0; x < width; x++) {
      const i = y * stride + x * channels;
      colours.add('#' + out.subarray(i, i + 3).toString('hex'));
    }
  }
  return colours;
}
