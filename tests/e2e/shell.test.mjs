// Browser tests of the app shell: first screen, idle cost, links and
// history, keyboard, storage, high-DPI and resizing, and the error overlays.
import { assert, assertEqual } from './harness.mjs';

export function register(suite) {
  suite.test('first screen: the course home is drawn and the overlay is gone', async (t) => {
    const page = await t.open();
    const state = await t.waitForState((s) => s.ready && s.frames > 0, { what: 'the first frame' });
    assertEqual(state.view, 'home', 'view');
    assert(typeof state.version === 'string' && state.version.length > 0, 'version is reported');
    await t.settle();
    const overlayHidden = await page.evaluate(() => document.getElementById('overlay').classList.contains('hidden'));
    assert(overlayHidden, 'loading overlay is hidden after the first frame');
    // The screen really shows something: a blank or single-colour page fails.
    const colours = await t.screenshotColours();
    assert(colours > 10, `the page shows a drawn screen (${colours} colours sampled)`);
    await t.screenshot('home');
  });

  suite.test('loading: a slow download shows an overlay with progress, gone once the files are in', async (t) => {
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    const page = await t.open('', {
      waitUntil: 'domcontentloaded',
      // Hold the data file back so the overlay can be seen while loading.
      beforeLoad: (p) => p.route('**/portlab.data', async (route) => { await held; await route.continue(); }),
    });
    await page.waitForFunction(() => document.querySelector('script[src="portlab.js"]'));
    // Shown only when the files take a while (half a second), so a quick
    // load never flashes it.
    await page.waitForFunction(() => !document.getElementById('overlay').classList.contains('hidden'));
    const during = await page.evaluate(() => ({
      hidden: document.getElementById('overlay').classList.contains('hidden'),
      status: document.getElementById('status').textContent,
      progress: !!document.getElementById('progress'),
    }));
    assert(!during.hidden, 'overlay is shown while loading');
    assert(during.status.startsWith('Loading'), `status says it is loading: ${during.status}`);
    assert(during.progress, 'a progress bar is shown');
    assertEqual((await t.state()).frames, 0, 'no frame before the data arrives');
    await t.screenshot('loading');
    // It goes once the last file is in, before the app starts drawing: the
    // frame count is noted the moment it is hidden.
    await page.evaluate(() => {
      const overlay = document.getElementById('overlay');
      new MutationObserver(() => {
        if (overlay.classList.contains('hidden') && window.framesWhenHidden === undefined) {
          window.framesWhenHidden = window.portlab.state().frames;
        }
      }).observe(overlay, { attributes: true });
    });
    release();
    await page.waitForFunction(() => document.getElementById('overlay').classList.contains('hidden'));
    assertEqual(await page.evaluate(() => window.framesWhenHidden), 0, 'frames drawn when the overlay went');
    const progress = await page.evaluate(() => document.getElementById('progress').value);
    assertEqual(progress, 1, 'progress reached the end');
    await t.waitForState((s) => s.ready && s.frames > 0, { what: 'the first frame' });
    const overlayShown = await page.evaluate(() => getComputedStyle(document.getElementById('overlay')).display !== 'none');
    assert(!overlayShown, 'no overlay over the first frame');
  });

  suite.test('start-up: the font atlas goes to the GPU once', async (t) => {
    // Every texture upload of the page is counted, with its size, up to the
    // first frame; the atlas is by far the largest.
    await t.open('', {
      initScript: () => {
        window.textureUploads = [];
        const upload = WebGL2RenderingContext.prototype.texImage2D;
        WebGL2RenderingContext.prototype.texImage2D = function (...args) {
          if (!(window.portlabShell && window.portlabShell.firstFrameAt)) window.textureUploads.push(args[3] * args[4]);
          return upload.apply(this, args);
        };
      },
    });
    await t.waitForState((s) => s.ready && s.frames > 0, { what: 'the first frame' });
    const uploads = await t.page.evaluate(() => window.textureUploads);
    const atlasPixels = Math.max(...uploads);
    assert(atlasPixels > 10000, `an atlas was uploaded: ${uploads.join(', ')} pixels`);
    assertEqual(uploads.filter((pixels) => pixels === atlasPixels).length, 1, 'uploads of the atlas');
  });

  suite.test('idle: no frames are drawn while nothing happens', async (t) => {
    await t.open();
    const settled = await t.settle();
    await t.page.waitForTimeout(5000);
    const later = (await t.state()).frames;
    assertEqual(later, settled, 'frames after 5 s without input');
    // Input wakes it again.
    await t.page.mouse.move(200, 200);
    await t.page.mouse.move(220, 240);
    await t.waitForState((s) => s.frames > settled, { what: 'a frame after mouse movement' });
  });

  suite.test('links: a fragment opens its screen, survives a reload, and back works', async (t) => {
    const page = await t.open('#/settings');
    await t.waitForState((s) => s.ready && s.view === 'settings', { what: 'the settings screen' });
    await t.settle();
    await t.screenshot('settings');
    await page.reload();
    await t.waitForState((s) => s.ready && s.view === 'settings', { what: 'settings after reload' });
    assertEqual((await t.command({ go: '#/about' })).ok, true, 'go command');
    await t.waitForState((s) => s.view === 'about');
    await page.waitForFunction(() => window.location.hash === '#/about');
    await t.settle();
    await t.screenshot('about');
    await page.goBack();
    await t.waitForState((s) => s.view === 'settings', { what: 'settings after the back button' });
    assertEqual(await page.evaluate(() => window.location.hash), '#/settings', 'hash after back');
  });

  suite.test('links: an unknown page opens the course home with a message', async (t) => {
    const page = await t.open('#/no-such-page/3');
    const state = await t.waitForState((s) => s.ready && s.frames > 0);
    assertEqual(state.view, 'home', 'view');
    assert(state.notice.includes('no-such-page'), `notice names the bad page: ${state.notice}`);
    assertEqual(await page.evaluate(() => window.location.hash), '#/home', 'address bar corrected');
    await t.settle();
    await t.screenshot('notice');
  });

  suite.test('links: hostile fragments, typed or followed, open the course home with a message', async (t) => {
    // Links a person could be handed: wrong numbers, traversal, markup,
    // broken percent-encoding, control bytes, and a fragment far over the
    // length limit. Each opens the course home with a message and a drawn
    // screen; none stops the app.
    const hostile = [
      '#/lesson/port-ranges/0', '#/lesson/port-ranges/-1', '#/lesson/port-ranges/99999999999999999999',
      '#/lesson/../../etc/passwd', '#/quiz/generated/../x/1e99', '#/quiz/question/%3Cscript%3Ealert(1)%3C%2Fscript%3E',
      '#/lesson/%FF%FE', '#/lesson/%', '#/explorer/%00%0A%0D', '#/nat/' + 'x'.repeat(100000),
      '#/' + '%F0%9F%92%A3'.repeat(50), '#/lesson//3', '#/bind/windows-3.1',
    ];
    const page = await t.open('#/settings');
    await t.waitForState((s) => s.ready && s.view === 'settings', { what: 'settings' });
    await t.settle();
    for (const [i, fragment] of hostile.entries()) {
      // Each link differs from the '#/home' the last one left in the
      // address bar, so each is a real change of place (a hashchange).
      const before = (await t.state()).frames;
      await page.evaluate((f) => { window.location.hash = f; }, fragment);
      // The app puts '#/home' back in the address bar only once it has
      // refused this link, so waiting for it proves the link was handled.
      await page.waitForFunction(() => window.location.hash === '#/home', null, { timeout: 10000 });
      const s = await t.waitForState((x) => x.frames > before && x.view === 'home',
                                     { what: `the course home after ${fragment.slice(0, 60)}` });
      assert(s.notice.length > 0, `a message for ${fragment.slice(0, 60)} (${i})`);
    }
    // The screen is drawn, not blank, after all of them.
    await t.settle();
    assert(await t.screenshotColours() > 20, 'the course home is drawn');
    await t.screenshot('after-hostile-links');
  });

  suite.test('keyboard: keys reach the app through the canvas; settings persist across reloads', async (t) => {
    const page = await t.open();
    await t.settle();
    await page.keyboard.press('Control+Equal');
    await t.waitForState((s) => Math.abs(s.ui_scale - 1.1) < 0.001, { what: 'ui_scale 1.1 after Ctrl+=' });
    await page.reload();
    const state = await t.waitForState((s) => s.ready && s.frames > 0);
    assert(Math.abs(state.ui_scale - 1.1) < 0.001, `ui_scale kept after reload (${state.ui_scale})`);
    const stored = await page.evaluate(() => window.localStorage.getItem('portlab.settings'));
    assert(stored && stored.includes('"ui_scale"'), 'settings are in localStorage');
  });

  suite.test('keyboard only: arrow keys and Space reach the settings screen', async (t) => {
    const page = await t.open();
    await t.settle();
    // Into the page, up to the top bar, left to its first button ("Home"),
    // right past the labs and Practice to "Settings", activate. Each key is
    // pressed once the last one has moved the focus, as a person would:
    // presses sent faster than frames were, once in a while under load,
    // not all seen by ImGui's navigation.
    const focused = async () => {
      const w = (await t.widgets()).find((x) => x.keyboard_focus);
      return w ? w.label : null;
    };
    const press = async (key) => {
      const before = await focused();
      await page.keyboard.press(key);
      for (let i = 0; i < 50; i++) {
        await page.waitForTimeout(50);
        const now = await focused();
        if (now !== before) return now;
      }
      return before;  // at the end of a row: nothing further that way
    };
    let at = await press('ArrowDown');
    assert(at !== null, 'ArrowDown gives a widget the keyboard focus');
    for (let i = 0; i < 8 && at !== 'Home'; i++) at = await press(i < 6 ? 'ArrowUp' : 'ArrowLeft');
    assertEqual(at, 'Home', 'the top bar is reached with the arrow keys');
    for (let i = 0; i < 6; i++) at = await press('ArrowRight');
    assertEqual(at, 'Settings', 'six presses of Right from Home');
    await page.keyboard.press('Space');
    await t.waitForState((s) => s.view === 'settings', { what: 'the settings screen, reached by keyboard' });
    await page.waitForFunction(() => window.location.hash === '#/settings');
    await t.settle();
    await t.screenshot('keyboard-focus');
  });

  suite.test('first visit: the system\'s light, contrast and motion preferences are the defaults', async (t) => {
    const page = await t.open('', { colorScheme: 'light', reducedMotion: 'reduce' });
    let state = await t.waitForState((s) => s.ready && s.frames > 0);
    assertEqual(state.theme, 'light', 'theme from prefers-color-scheme');
    assertEqual(state.reduced_motion, true, 'reduced motion from prefers-reduced-motion');
    await t.settle();
    await t.screenshot('light');
    // A saved choice wins over the system's from then on.
    await page.keyboard.press('Control+Equal');
    await t.waitForState((s) => Math.abs(s.ui_scale - 1.1) < 0.001);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    state = await t.waitForState((s) => s.ready && s.frames > 0);
    assertEqual(state.theme, 'light', 'saved theme kept');
  });

  suite.test('high-DPI: text is rasterised for devicePixelRatio 2 and the canvas has device pixels', async (t) => {
    const page = await t.open('', { deviceScaleFactor: 2 });
    const state = await t.waitForState((s) => s.ready && s.frames > 0);
    await t.settle();
    assertEqual(state.font_pixel_scale, 2, 'font pixel scale');
    const size = await page.evaluate(() => {
      const c = document.getElementById('canvas');
      return { w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight };
    });
    assertEqual(size.w, size.cw * 2, 'canvas width in device pixels');
    assertEqual(size.h, size.ch * 2, 'canvas height in device pixels');
    await t.screenshot('dpr2');
  });

  suite.test('resize: the canvas follows the window down to phone size', async (t) => {
    const page = await t.open();
    await t.settle();
    await page.setViewportSize({ width: 390, height: 844 });
    await t.waitForState((s) => s.display[0] === 390 && s.display[1] === 844, { what: 'a frame drawn at 390x844' });
    await t.settle();
    const h = await page.evaluate(() => document.getElementById('canvas').height);
    assertEqual(h, 844, 'canvas height');
    await t.screenshot('phone');
  });

  suite.test('no WebGL2: a readable message instead of a blank page', async (t) => {
    // A browser without the API is told before anything is downloaded.
    const page = await t.open('', {
      initScript: () => { delete window.WebGL2RenderingContext; },
    });
    await page.waitForFunction(() => document.getElementById('overlay').classList.contains('error'));
    const text = await page.evaluate(() => document.getElementById('overlay').innerText);
    assert(text.includes('WebGL2 is not available'), `message shown: ${text}`);
    const loaded = await page.evaluate(() => !!document.querySelector('script[src="portlab.js"]'));
    assert(!loaded, 'the wasm module is not loaded without WebGL2');
    await t.screenshot('no-webgl2');
  });

  suite.test('WebGL2 refused: the app says so when it cannot make its context', async (t) => {
    // The API exists but gives no context (a blocked GPU): the app finds out
    // when it starts, and the page shows the same message.
    const page = await t.open('', {
      initScript: () => {
        const original = HTMLCanvasElement.prototype.getContext;
        HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
          return type === 'webgl2' ? null : original.call(this, type, ...rest);
        };
      },
    });
    await page.waitForFunction(() => document.getElementById('overlay').classList.contains('error'));
    const text = await page.evaluate(() => document.getElementById('overlay').innerText);
    assert(text.includes('WebGL2 is not available'), `message shown: ${text}`);
    const state = await t.state();
    assert(!(state.frames > 0), `no frame drawn without a context (state ${JSON.stringify(state)})`);
  });

  suite.test('context lost: the page says so and how to recover', async (t) => {
    const page = await t.open();
    await t.settle();
    await page.evaluate(() => {
      const gl = document.getElementById('canvas').getContext('webgl2');
      gl.getExtension('WEBGL_lose_context').loseContext();
    });
    await page.waitForFunction(() => document.getElementById('overlay').classList.contains('error'));
    const text = await page.evaluate(() => document.getElementById('overlay').innerText);
    assert(text.includes('graphics context was lost'), `message shown: ${text}`);
    await page.waitForTimeout(400);  // let the overlay finish fading in
    await t.screenshot('context-lost');
  });

  suite.test('right-click on the canvas opens no context menu', async (t) => {
    const page = await t.open();
    await t.settle();
    const prevented = await page.evaluate(() => {
      const e = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
      return !document.getElementById('canvas').dispatchEvent(e);
    });
    assert(prevented, 'contextmenu default is prevented');
  });
}

export function registerOffline(suite) {
  suite.test('offline: after one visit the course opens with the server stopped', async (t) => {
    const server = await t.ownServer();
    const page = await t.open('#/lesson/port-ranges/2');
    await t.waitForState((s) => s.ready && s.frames > 0, { what: 'the first frame' });
    // The service worker has cached the page and controls it.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
    const caches = await page.evaluate(() => caches.keys());
    const sw = await page.evaluate(() => fetch('sw.js').then((r) => r.text()));
    const build = sw.match(/const BUILD = '([0-9a-f]+)';/);
    assert(build, 'the served service worker carries its build hash');
    assertEqual(JSON.stringify(caches), JSON.stringify([`portlab-${build[1]}`]), 'one cache, this build\'s');

    await server.stop();
    await page.reload();
    const s = await t.waitForState((x) => x.ready && x.frames > 0 && x.lesson === 'port-ranges',
                                   { what: 'the lesson, offline' });
    assertEqual(s.step, 2, 'the step, offline');
    await t.screenshot('offline');
  });
}

export function registerStorageFull(suite) {
  suite.test('storage full: the learner is told progress could not be saved, and the app keeps working', async (t) => {
    await t.open('#/lesson/port-ranges/1', {
      // A browser whose storage quota is used up refuses every write.
      initScript: () => {
        Storage.prototype.setItem = function () {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
      },
    });
    await t.waitForState((s) => s.ready && s.frames > 0 && s.lesson === 'port-ranges', { what: 'the lesson' });
    const s = await t.waitForState((x) => x.notice.includes('could not be saved'), { what: 'the notice' });
    assert(s.notice.includes('progress'), `the notice names progress: ${s.notice}`);
    await t.page.keyboard.press('ArrowRight');
    await t.waitForState((x) => x.step === 2, { what: 'the next step, storage still full' });
    await t.screenshot('storage-full');
  });
}
