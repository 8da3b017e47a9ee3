// Article text that looks like markup stays text: the page made from tests/fixtures/page-hostile
// (evidence holding </script><script>…, an <img onerror>, a javascript: URL and a title that
// closes <title>) runs no script of the article's, and shows the text as written.
//
//   PAGE_DIR=/tmp/hostile node --test hostile.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { open } from './open.mjs';

const dir = process.env.PAGE_DIR || assert.fail('PAGE_DIR is not set');
const features = (name) => JSON.parse(readFileSync(join(dir, name), 'utf8')).features;

let seen, page;
before(async () => { seen = await open(dir); page = seen.page; });
after(async () => { await seen?.browser.close(); });

async function popupOf(id) {
  await page.evaluate((id) => {
    const r = window.convoy.routeOf(id) || assert.fail(id);
    r.layer.openPopup();
  }, id);
  return page.locator('.leaflet-popup-content');
}

test('no script of the article runs', async () => {
  assert.deepEqual(seen.dialogs, []);
  assert.deepEqual(seen.problems, []);
  assert.notEqual(await page.title(), 'pwned');
  assert.equal(await page.locator('img').count(), 0);
  assert.equal(await page.evaluate(() => document.scripts.length), 3);
});

test('evidence that looks like markup is shown as written', async () => {
  const m = features('movements.geojson').find((f) => f.properties.evidence.includes('</script>'));
  assert.ok(m, 'the fixture lost its hostile sentence');
  const popup = await popupOf(m.properties.id);
  assert.equal(await popup.locator(`.report[data-id="${m.properties.id}"] blockquote`).textContent(), m.properties.evidence);
  // Its article's URL is javascript:, so the source is text, not a link.
  assert.equal(await popup.locator('a').count(), 0);
  assert.ok((await popup.textContent()).includes('</title><script>alert(1)</script>'));
});

test('a web source is a link to its URL', async () => {
  const m = features('movements.geojson').find((f) => (f.properties.url || '').startsWith('https:'));
  const popup = await popupOf(m.properties.id);
  assert.equal(await popup.locator('a').getAttribute('href'), m.properties.url);
  assert.equal(await popup.locator('a').getAttribute('rel'), 'noopener noreferrer');
});
