// The README's picture of the page: `node screenshot.mjs DIR OUT.png [MOVEMENT_ID]` opens
// DIR/index.html, opens the popup of a movement (the first one, or MOVEMENT_ID) and saves a
// screenshot.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { open } from './open.mjs';

const [dir, out, wanted] = process.argv.slice(2);
if (!dir || !out) throw new Error('usage: node screenshot.mjs DIR OUT.png [MOVEMENT_ID]');
const id = wanted || JSON.parse(readFileSync(join(dir, 'movements.geojson'), 'utf8')).features[0].properties.id;
const seen = await open(dir);
await seen.page.evaluate((id) => window.convoy.routeOf(id).layer.openPopup(), id);
await seen.page.waitForTimeout(400);
await seen.page.screenshot({ path: out });
await seen.browser.close();
if (seen.problems.length) throw new Error(seen.problems.join('; '));
