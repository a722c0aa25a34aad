// The page's side of PortLab: checks for WebGL2, loads the WebAssembly
// module with a progress overlay, wakes the paused main loop on input, and
// exposes window.portlab for tests and automation.
'use strict';

(function () {
  const overlay = document.getElementById('overlay');
  const statusLine = document.getElementById('status');
  const progress = document.getElementById('progress');
  const canvas = document.getElementById('canvas');
  let ready = false;

  function showError(title, text) {
    overlay.classList.remove('hidden');
    overlay.classList.add('error');
    overlay.querySelector('h1').textContent = title;
    statusLine.textContent = text;
  }

  window.portlabShell = {
    firstFrame() {
      // For tools/startup_bench.mjs: when the course home was first drawn.
      window.portlabShell.firstFrameAt = performance.now();
      overlay.classList.add('hidden');
      canvas.focus();
      registerServiceWorker();
    },
  };

  // The loading overlay appears only when the download takes a while, and
  // goes as soon as the module and its data are in, not at the first frame.
  // In between, the app makes its WebGL context, which Chromium's GPU
  // process makes on the same thread that paints the page: an overlay
  // painted then (shown, updated or fading) delayed the context by 0.1 to
  // 0.2 s on the start-up bench, for a card nobody had time to read on a
  // fast load. Meanwhile the page shows its background, which is the app's
  // own background colour. (The resource timeline is read directly: a
  // PerformanceObserver reported the files only after the first frame.)
  const OVERLAY_DELAY_MS = 500;
  let dataLoaded = false;
  const wasmLoaded = () =>
    performance.getEntriesByName(new URL('portlab.wasm', document.baseURI).href).length > 0;
  const loaded = () => dataLoaded && wasmLoaded();
  setTimeout(() => { if (!loaded()) overlay.classList.remove('hidden'); }, OVERLAY_DELAY_MS);
  function hideOverlayOnceLoaded() {
    if (loaded() && !overlay.classList.contains('error')) overlay.classList.add('hidden');
  }

  // Offline and installable: the service worker keeps the page's files, so
  // a second visit opens with no network (web/sw.js). It is registered once
  // the first frame is up: installing it downloads every file again, which
  // must not compete with the first load. Pages opened from a file have
  // none, and a refusal is not an error worth showing.
  function registerServiceWorker() {
    if ('serviceWorker' in navigator && window.isSecureContext) {
      navigator.serviceWorker.register('sw.js').catch(() => {});
    }
  }

  // What tests and scripts can ask: state() is always safe to call.
  window.portlab = {
    state() {
      if (!ready) return { ready: false, view: 'loading', frames: 0, version: null };
      const state = JSON.parse(Module.UTF8ToString(Module._portlab_state_json()));
      state.ready = true;
      return state;
    },
    command(cmd) {
      if (!ready) return { ok: false, error: 'not ready' };
      const text = typeof cmd === 'string' ? cmd : JSON.stringify(cmd);
      return JSON.parse(Module.ccall('portlab_command', 'string', ['string'], [text]));
    },
  };

  const noWebGL2 = () => showError('WebGL2 is not available',
    'PortLab draws with WebGL2, which this browser has switched off or does not support. ' +
    'Try a current Firefox, Chrome, Edge or Safari, or turn on hardware acceleration.');
  window.portlabShell.graphicsUnavailable = noWebGL2;
  // A browser without the WebGL2 API is told at once. One that has it may
  // still refuse a context (a blocked GPU); the app finds that out when it
  // makes its context and calls graphicsUnavailable. Making a context here
  // only to test would cost start-up time: two contexts, or resizing a live
  // one, measured at 0.1-0.2 s in Chromium.
  if (typeof WebGL2RenderingContext === 'undefined') {
    noWebGL2();
    return;
  }

  canvas.addEventListener('contextmenu', (e) => e.preventDefault());
  canvas.addEventListener('webglcontextlost', (e) => {
    e.preventDefault();
    showError('The graphics context was lost',
      'The browser took the GPU away from this page (a driver reset or too many tabs). ' +
      'Reload the page to continue; your progress is saved.');
  });

  // The main loop pauses itself when nothing changes; any input wakes it.
  const wake = () => { if (ready) Module._portlab_wake(); };
  for (const type of ['pointerdown', 'pointerup', 'pointermove', 'pointercancel', 'wheel',
    'keydown', 'keyup', 'touchstart', 'touchmove', 'touchend', 'resize', 'focus', 'blur']) {
    window.addEventListener(type, wake, { capture: true, passive: true });
  }
  document.addEventListener('visibilitychange', wake);
  // Back/forward buttons and edited links: follow the fragment.
  window.addEventListener('hashchange', () => {
    if (ready) window.portlab.command({ open: window.location.hash });
  });

  window.Module = {
    canvas,
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    setStatus(text) {
      // Emscripten reports "Downloading data... (loaded/total)".
      const m = text && text.match(/\((\d+(?:\.\d+)?)\/(\d+)\)/);
      if (m) {
        progress.value = Number(m[1]) / Number(m[2]);
        statusLine.textContent = 'Loading… ' + Math.round(100 * progress.value) + ' %';
        // Once the data is in, there is nothing left to report; without a
        // setStatus, Emscripten starts main at once instead of after a timer
        // and a repaint of a "Running..." line.
        if (progress.value >= 1) {
          delete window.Module.setStatus;
          dataLoaded = true;
          hideOverlayOnceLoaded();
        }
      } else if (text) {
        statusLine.textContent = text;
      }
    },
    // Called as the module's loading steps finish (the wasm instantiated,
    // the data unpacked), so this also catches a wasm that came in last.
    monitorRunDependencies: hideOverlayOnceLoaded,
    onRuntimeInitialized() { ready = true; },
    onAbort(what) {
      showError('PortLab stopped', 'Something went wrong while starting: ' + what + '. Reload to try again.');
    },
  };

  const script = document.createElement('script');
  script.src = 'portlab.js';
  script.onerror = () => showError('PortLab could not be loaded', 'The file portlab.js is missing from the server.');
  document.body.appendChild(script);
})();
