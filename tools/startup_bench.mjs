// Start-up time of the page against a bare ImGui + SDL2 page made by the
// same toolchain (bench/web/, built as the `baseline` target of the web
// preset into build/web-baseline): five cold loads of each in Debian's
// Chromium from a loopback server, each in a fresh browser context (empty
// cache, no service worker), timed from navigation to the first frame drawn
// (PortLab: its course home; baseline: its one window). Prints both medians
// and the ratio; exits 1 when PortLab takes more than 1.5x the baseline.
//
//   node tools/startup_bench.mjs        (make bench-web builds both first)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../tests/e2e/harness.mjs';
import { startServer } from './serve.mjs';

// LOADS=n in the environment for more (the median steadies on a busy machine).
const LOADS = Number(process.env.LOADS) || 5;
const BUDGET_RATIO = 1.5;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function coldLoads(browser, webRoot, firstFrameOf, count) {
  const server = await startServer(webRoot, 0);
  const origin = `http://127.0.0.1:${server.address().port}/`;
  const times = [];
  for (let i = 0; i < count; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(origin, { waitUntil: 'commit' });
    // A function, not a string: the page's CSP forbids evaluating strings.
    const handle = await page.waitForFunction(firstFrameOf, null, { timeout: 60000, polling: 20 });
    times.push(await handle.jsonValue());
    await context.close();
  }
  server.closeAllConnections();
  server.close();
  return times;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const browser = await launchChromium();
// Alternate, so a slow moment of the machine does not fall on one side only.
const portlab = [];
const baseline = [];
for (let round = 0; round < LOADS; round++) {
  baseline.push(...await coldLoads(browser, path.join(root, 'build', 'web-baseline'),
                                    () => window.baselineFirstFrameAt, 1));
  portlab.push(...await coldLoads(browser, path.join(root, 'build', 'web'),
                                   () => window.portlabShell && window.portlabShell.firstFrameAt, 1));
}
await browser.close();
const p = median(portlab);
const b = median(baseline);
console.log(`baseline (bare ImGui + SDL2): median ${b.toFixed(0)} ms over ${baseline.length} cold loads ` +
            `[${baseline.map((x) => x.toFixed(0)).join(', ')}]`);
console.log(`PortLab course home:          median ${p.toFixed(0)} ms over ${portlab.length} cold loads ` +
            `[${portlab.map((x) => x.toFixed(0)).join(', ')}]`);
console.log(`ratio ${(p / b).toFixed(2)} (budget ${BUDGET_RATIO})`);
process.exit(p / b <= BUDGET_RATIO ? 0 : 1);
