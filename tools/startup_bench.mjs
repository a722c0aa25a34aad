// Start-up time of the page against a bare ImGui + SDL2 page made by the
// same toolchain (bench/web/, built as the `baseline` target of the web
// preset into build/web-baseline): five cold loads of each in Debian's
// Chromium from a loopback server, each in a fresh browser context (empty
// cache, no service worker), timed from navigation to the first frame drawn
// (PortLab: its course home; baseline: its one window). Prints both medians
// and the ratio; exits 1 when PortLab takes more than 1.5x the baseline.
// Also prints where the time goes: the median time between the pages'
// performance marks (platform::startup_mark in the app).
//
//   node tools/startup_bench.mjs        (make bench-web builds both first)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../tests/e2e/harness.mjs';
import { startServer } from './serve.mjs';

// LOADS=n in the environment for more (the median steadies on a busy machine).
const LOADS = Number(process.env.LOADS) || 5;
const BUDGET_RATIO = 1.5;
const SETTLE_MS = 500;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// One cold load in a fresh browser context: when the first frame was drawn
// (ms from navigation) and the page's performance marks, as [name, ms].
async function coldLoad(browser, webRoot, firstFrameOf) {
  const server = await startServer(webRoot, 0);
  const origin = `http://127.0.0.1:${server.address().port}/`;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const devtools = await context.newCDPSession(page);
  const evaluate = async (expression) =>
    (await devtools.send('Runtime.evaluate', { expression, returnByValue: true })).result.value;
  await page.goto(origin, { waitUntil: 'commit' });
  // Polled with bare DevTools evaluations: Playwright's waitForFunction
  // first installs its own helper script in the page (about 40 ms of the
  // page's main thread, measured in a trace), which lands on the start-up
  // being timed.
  const deadline = Date.now() + 60000;
  let firstFrame;
  while (typeof firstFrame !== 'number') {
    if (Date.now() > deadline) throw new Error(`${origin}: no first frame within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    firstFrame = await evaluate(firstFrameOf);
  }
  const marks = await evaluate(`performance.getEntriesByType('mark')
      .map((m) => [m.name.replace(/^\\w+:/, ''), m.startTime])`);
  await context.close();
  server.closeAllConnections();
  server.close();
  // Let the browser finish with the page just closed (its GPU context,
  // the service worker PortLab installs after its first frame) before
  // the next load, which would otherwise pay for it.
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  return { firstFrame, marks: [...marks, ['first frame', firstFrame]] };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// "context 610 (+610) > imgui 612 (+2) > ...": each mark's median time
// from navigation, and the median of its distance from the mark before.
function describePhases(loads) {
  const names = loads[0].map(([name]) => name);
  return names.map((name, i) => {
    const at = median(loads.map((marks) => marks[i][1]));
    const step = median(loads.map((marks) => marks[i][1] - (i > 0 ? marks[i - 1][1] : 0)));
    return `${name} ${at.toFixed(0)} (+${step.toFixed(0)})`;
  }).join(' > ');
}

const browser = await launchChromium();
// Alternate, so a slow moment of the machine does not fall on one side only,
// and swap which page goes first each round, so neither always follows the
// other's clean-up.
const portlab = [];
const baseline = [];
const pages = [
  { loads: baseline, dir: 'web-baseline', firstFrameOf: 'window.baselineFirstFrameAt' },
  { loads: portlab, dir: 'web', firstFrameOf: 'window.portlabShell && window.portlabShell.firstFrameAt' },
];
for (let round = 0; round < LOADS; round++) {
  for (const page of round % 2 === 0 ? pages : [...pages].reverse())
    page.loads.push(await coldLoad(browser, path.join(root, 'build', page.dir), page.firstFrameOf));
}
await browser.close();
const p = median(portlab.map((load) => load.firstFrame));
const b = median(baseline.map((load) => load.firstFrame));
console.log(`baseline (bare ImGui + SDL2): median ${b.toFixed(0)} ms over ${baseline.length} cold loads ` +
            `[${baseline.map((load) => load.firstFrame.toFixed(0)).join(', ')}]`);
console.log(`PortLab course home:          median ${p.toFixed(0)} ms over ${portlab.length} cold loads ` +
            `[${portlab.map((load) => load.firstFrame.toFixed(0)).join(', ')}]`);
console.log(`ratio ${(p / b).toFixed(2)} (budget ${BUDGET_RATIO})`);
console.log(`phases, ms from navigation (+ from the mark before), medians:`);
console.log(`  baseline: ${describePhases(baseline.map((load) => load.marks))}`);
console.log(`  PortLab:  ${describePhases(portlab.map((load) => load.marks))}`);
process.exit(p / b <= BUDGET_RATIO ? 0 : 1);
