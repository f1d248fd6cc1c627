// WIN-portaal service worker: pages the reader visited, urgent help and the WIN-point page stay
// readable offline. Network first for pages (never an old page when online), cache first for
// static files (their names change with their content).
const CACHE = "{{ cache_name }}-v1";
const KEEP = {{ keep|safe }};
const OFFLINE = {{ offline_url|safe }};
const SKIP = ["/admin/", "/desk/", "/api/", "/s/", "/sw.js", "/documents/"];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(KEEP)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (SKIP.some((prefix) => url.pathname.startsWith(prefix))) return;
  if (url.pathname.startsWith("/static/")) {
    event.respondWith(
      caches.match(request).then((found) => found || fetch(request).then((response) => keep(request, response)))
    );
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request)
        .then((response) => keep(request, response))
        .catch(() => caches.match(request).then((found) => found || caches.match(OFFLINE)))
    );
  }
});

function keep(request, response) {
  if (response.ok && response.type === "basic") {
    const copy = response.clone();
    caches.open(CACHE).then((cache) => cache.put(request, copy));
  }
  return response;
}
