// PortLab's service worker: keeps the whole page (a few files, under 1 MB
// gzipped) in the browser's cache, so it opens with no network once it has
// been loaded. BUILD is replaced at build time by a hash of the files
// (tools/stamp_service_worker.mjs): a new build is a new worker, which
// caches the new files under a new name and deletes the old cache.
'use strict';

const BUILD = 'dev';
const CACHE = 'portlab-' + BUILD;
const FILES = ['./', 'index.html', 'a11y.js', 'shell.js', 'shell.css', 'favicon.svg', 'manifest.webmanifest',
  'portlab.js', 'portlab.wasm', 'portlab.data'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((n) => n.startsWith('portlab-') && n !== CACHE)
      .map((n) => caches.delete(n))))
    .then(() => self.clients.claim()));
});

// The cached copy first (the page's files only change with a new build,
// which brings a new worker); anything not cached goes to the network.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(caches.open(CACHE)
    .then((cache) => cache.match(request, { ignoreSearch: true }))
    .then((hit) => hit || fetch(request)));
});
