// A small browser-test harness: Debian's Chromium driven by playwright-core
// (never a downloaded browser), the web build served on loopback, and strict
// checks on every page: no console errors, no failed requests, no request to
// another origin. Each test gets a fresh browser context (fresh storage) and
// leaves a screenshot under build/test-artifacts/e2e/.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../../tools/serve.mjs';

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
// Flags that give WebGL (SwiftShader) headless and keep Chromium off the
// network it cannot reach anyway.
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-default-apps',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
];

// Debian's Chromium, headless with WebGL2, as every browser test runs it.
export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

export class Suite {
  constructor({ webRoot, artifactDir }) {
    this.webRoot = webRoot;
    this.artifactDir = artifactDir;
    this.tests = [];
  }

  test(name, fn) {
    this.tests.push({ name, fn });
  }

  async run(filter) {
    // Fresh screenshots every run, so none is mistaken for a current one.
    fs.rmSync(this.artifactDir, { recursive: true, force: true });
    fs.mkdirSync(this.artifactDir, { recursive: true });
    const server = await startServer(this.webRoot, 0);
    const origin = `http://127.0.0.1:${server.address().port}`;
    const browser = await launchChromium();
    let passed = 0;
    let failed = 0;
    const selected = this.tests.filter((t) => !filter || t.name.includes(filter));
    // Most of a browser test is waiting (for the page to load, for frames to
    // stop); a few run side by side, each in its own context, so the suite
    // takes a fraction of the time. E2E_JOBS=1 runs them one at a time.
    const jobs = Math.max(1, Number(process.env.E2E_JOBS) || 3);
    let next = 0;
    const worker = async () => {
      while (next < selected.length) {
        const index = next++;
        const t = selected[index];
        const started = Date.now();
        const page = new CheckedPage(browser, origin, this.webRoot, this.artifactDir, `${String(index + 1).padStart(2, '0')}-${slug(t.name)}`);
        try {
          await t.fn(page);
          page.assertClean();
          passed++;
          console.log(`  ok    ${t.name} (${Date.now() - started} ms)`);
        } catch (err) {
          failed++;
          console.log(`  FAIL  ${t.name}\n        ${String(err && err.stack || err).split('\n').slice(0, 6).join('\n        ')}`);
          for (const problem of page.problems) console.log(`        page: ${problem}`);
        } finally {
          await page.close();
        }
      }
    };
    await Promise.all(Array.from({ length: jobs }, worker));
    await browser.close();
    server.close();
    console.log(`e2e: ${passed} passed, ${failed} failed`);
    return failed === 0;
  }
}

function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

// A page with the project's strict checks attached.
class CheckedPage {
  constructor(browser, origin, webRoot, artifactDir, id) {
    this.browser = browser;
    this.origin = origin;
    this.webRoot = webRoot;
    this.artifactDir = artifactDir;
    this.id = id;
    this.problems = [];
    this.allowedConsoleErrors = [];
    this.screenshots = 0;
  }

  async open(fragment = '', options = {}) {
    if (!this.context) {
      this.context = await this.browser.newContext({
        viewport: options.viewport || { width: 1280, height: 800 },
        deviceScaleFactor: options.deviceScaleFactor || 1,
        colorScheme: options.colorScheme || 'dark',
        reducedMotion: options.reducedMotion || 'no-preference',
      });
      if (options.initScript) await this.context.addInitScript(options.initScript);
      this.page = await this.context.newPage();
      this.page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        if (this.allowedConsoleErrors.some((re) => re.test(msg.text()))) return;
        this.problems.push(`console error: ${msg.text()}`);
      });
      this.page.on('pageerror', (err) => this.problems.push(`page error: ${err.message}`));
      this.page.on('requestfailed', (req) => this.problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`));
      this.page.on('response', (res) => {
        if (res.status() >= 400) this.problems.push(`HTTP ${res.status()} for ${res.url()}`);
      });
      this.page.on('request', (req) => {
        const url = req.url();
        if (!url.startsWith(this.origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
          this.problems.push(`request to another origin: ${url}`);
      });
    }
    if (options.beforeLoad) await options.beforeLoad(this.page);
    await this.page.goto(`${this.origin}/${fragment}`, { waitUntil: options.waitUntil || 'load' });
    return this.page;
  }

  // Another browser context on the same server, with storage of its own:
  // "a fresh browser" for a link made in this one. Closed with this page.
  sibling(name) {
    const other = new CheckedPage(this.browser, this.origin, this.webRoot, this.artifactDir, `${this.id}-${name}`);
    (this.siblings ||= []).push(other);
    return other;
  }

  // A server of this test's own, which the test may stop (offline tests);
  // call before open().
  async ownServer() {
    const server = await startServer(this.webRoot, 0);
    this.origin = `http://127.0.0.1:${server.address().port}`;
    return {
      stop: () => new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
    };
  }

  // Polls window.portlab.state() until predicate(state) holds; returns it.
  async waitForState(predicate, { timeout = 20000, what = 'the expected state' } = {}) {
    const deadline = Date.now() + timeout;
    let last = null;
    while (Date.now() < deadline) {
      last = await this.state();
      if (last && predicate(last)) return last;
      await this.page.waitForTimeout(50);
    }
    throw new Error(`timed out waiting for ${what}; last state: ${JSON.stringify(last)}`);
  }

  async state() {
    return this.page.evaluate(() => (window.portlab ? window.portlab.state() : null));
  }

  async command(cmd) {
    return this.page.evaluate((c) => window.portlab.command(c), cmd);
  }

  // The labelled widgets of the last frame, with rectangles in CSS pixels
  // (the app starts recording them on the first request).
  async widgets() {
    for (let i = 0; i < 100; i++) {
      const answer = await this.command({ widgets: true });
      if (answer.ok && answer.widgets.length > 0) return answer.widgets;
      await this.page.waitForTimeout(50);
    }
    throw new Error('the app reported no widgets');
  }

  // A widget by its visible label (the text before "##") or its full label.
  async findWidget(label, { timeout = 5000 } = {}) {
    const deadline = Date.now() + timeout;
    let last = [];
    while (Date.now() < deadline) {
      last = await this.widgets();
      const found = last.find((w) => w.label === label) || last.find((w) => w.label.split('##')[0] === label);
      if (found) return found;
      await this.page.waitForTimeout(100);
    }
    throw new Error(`no widget labelled "${label}"; seen: ${last.map((w) => w.label).slice(0, 60).join(' | ')}`);
  }

  // Clicks a widget the way a person would, scrolling the screen (mouse
  // wheel) until it is inside the window.
  async click(label, options = {}) {
    const viewport = this.page.viewportSize();
    // A widget outside the window is not drawn at all: scroll to it first
    // (over the screen's middle unless the test names a pane's column).
    await this.reveal(label, options.scrollX ?? viewport.width / 2);
    for (let i = 0; i < 40; i++) {
      const w = await this.findWidget(label);
      const x = w.x + Math.min(w.w / 2, 40), y = w.y + w.h / 2;
      if (w.visible !== false && y > 60 && y < viewport.height - 10) {
        const frames = (await this.state()).frames;
        await this.page.mouse.click(x, y);
        await this.waitForState((s) => s.frames > frames, { what: `a frame after clicking "${label}"` });
        await this.page.waitForTimeout(100);
        return;
      }
      // Wheel over the widget's own column: a lesson step with a lab
      // beside it scrolls its two panes apart.
      await this.page.mouse.move(Math.min(Math.max(x, 10), viewport.width - 10), viewport.height / 2);
      await this.page.mouse.wheel(0, y > viewport.height / 2 ? 200 : -200);
      await this.page.waitForTimeout(100);
    }
    throw new Error(`could not scroll "${label}" into view`);
  }

  // Scrolls the pane under x (mouse wheel) until a widget that is not drawn
  // yet, because it is below or above what the pane shows, appears: down
  // first, then back up.
  async reveal(label, x) {
    const viewport = this.page.viewportSize();
    const seen = (all) => all.some((w) => w.label === label || w.label.split('##')[0] === label);
    // Where the widgets are: unchanged after a turn of the wheel means the
    // pane is at its end, so turn the other way.
    const layout = (all) => all.map((w) => `${w.label}@${Math.round(w.y)}`).join('|');
    for (const dy of [200, -200]) {
      let before = '';
      for (let i = 0; i < 30; i++) {
        const all = await this.widgets();
        if (seen(all)) return;
        const now = layout(all);
        if (now === before) break;
        before = now;
        const frames = (await this.state()).frames;
        await this.page.mouse.move(x, viewport.height / 2);
        // One wheel event scrolls ImGui one notch (about 85 px at 100 %),
        // whatever its delta; four notches stay below the shortest pane.
        for (let k = 0; k < 4; k++) await this.page.mouse.wheel(0, dy);
        await this.waitForState((st) => st.frames > frames, { timeout: 2000, what: 'a frame after the wheel' }).catch(() => {});
        await this.page.waitForTimeout(30);
      }
    }
  }

  // Clicks a text field, replaces its contents with `text` and leaves it.
  async typeInto(label, text, options = {}) {
    await this.click(label, options);
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.press('Backspace');
    await this.page.keyboard.type(text, { delay: 20 });
    await this.page.keyboard.press('Tab');
    await this.page.waitForTimeout(100);
  }

  // Waits until the app has drawn and gone idle (no frame for `quietMs`).
  async settle(quietMs = 300) {
    await this.waitForState((s) => s.ready && s.frames > 0, { what: 'the first frame' });
    let frames = (await this.state()).frames;
    for (let i = 0; i < 100; i++) {
      await this.page.waitForTimeout(quietMs);
      const now = (await this.state()).frames;
      if (now === frames) return now;
      frames = now;
    }
    throw new Error('the app never stopped drawing');
  }

  async screenshot(label = '') {
    const name = `${this.id}${label ? '-' + slug(label) : ''}.png`;
    await this.page.screenshot({ path: path.join(this.artifactDir, name) });
    this.screenshots++;
  }

  // How many distinct colours a screenshot of the page has (sampled): a
  // blank page has one or two, a drawn screen many.
  async screenshotColours() {
    const png = await this.page.screenshot();
    return this.page.evaluate(async (dataUrl) => {
      const img = new Image();
      img.src = dataUrl;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      const seen = new Set();
      for (let i = 0; i < data.length; i += 4 * 31) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      return seen.size;
    }, `data:image/png;base64,${png.toString('base64')}`);
  }

  assertClean() {
    for (const other of this.siblings || []) this.problems.push(...other.problems.map((p) => `${other.id}: ${p}`));
    if (this.problems.length) throw new Error(`page problems:\n  ${this.problems.join('\n  ')}`);
  }

  async close() {
    for (const other of this.siblings || []) await other.close();
    if (this.page && this.screenshots === 0) {
      try { await this.screenshot(); } catch { /* page may be gone */ }
    }
    if (this.context) await this.context.close();
  }
}

export function assert(condition, message) {
  if (!condition) throw new Error(`assertion failed: ${message}`);
}

export function assertEqual(actual, expected, message) {
  if (actual !== expected)
    throw new Error(`${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}
