// WIN-portaal service worker: pages the reader visited, urgent help and the WIN-point page stay
// readable offline. Network first for pages (never an old page when online), cache first for
// static files (their names change with their content).
//
// One worker for all languages: a page sends its language ({keep: "pl"}, static/js/portal.js)
// and the worker adds that language's pages to the saved ones. Switching language never
// replaces the worker and never throws saved pages away.
const PAGES = "win-pages-v2";
const STATIC = {{ static_cache|safe }};
const KEEP = {{ keep|safe }};
const STATIC_FILES = {{ static_files|safe }};
const SKIP = ["/admin/", "/desk/", "/api/", "/s/", "/sw.js", "/documents/"];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(STATIC).then((cache) => cache.addAll(STATIC_FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((name) => name !== PAGES && name !== STATIC).map((name) => caches.delete(name))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("message", (event) => {
  const urls = event.data && KEEP[event.data.keep];
  if (!urls) return;
  event.waitUntil(
    caches.open(PAGES).then((cache) =>
      Promise.all(urls.map((url) => cache.match(url).then((found) => found || cache.add(url).catch(() => null))))
    )
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (SKIP.some((prefix) => url.pathname.startsWith(prefix))) return;
  if (url.pathname.startsWith("/static/")) {
    event.respondWith(
      caches.match(request).then((found) => found || fetch(request).then((response) => keep(STATIC, request, response)))
    );
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request)
        .then((response) => keep(PAGES, request, response))
        .catch(() => caches.match(request).then((found) => found || offlinePage(url)))
    );
  }
});

function keep(name, request, response) {
  if (response.ok && response.type === "basic") {
    const copy = response.clone();
    caches.open(name).then((cache) => cache.put(request, copy));
  }
  return response;
}

// The offline page in the language of the address asked for, or in any language saved.
function offlinePage(url) {
  const language = url.pathname.split("/")[1];
  const first = KEEP[language] ? [KEEP[language][0]] : [];
  const all = first.concat(Object.keys(KEEP).map((code) => KEEP[code][0]));
  return all.reduce((found, page) => found.then((response) => response || caches.match(page)), Promise.resolve(undefined));
}
