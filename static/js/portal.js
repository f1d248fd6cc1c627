// Optional enhancement: keep visited pages, urgent help and the WIN-point page for offline use.
// The site works the same without it.
if ("serviceWorker" in navigator) {
  window.addEventListener("load", function () {
    navigator.serviceWorker.register("/sw.js?lang=" + document.documentElement.lang).catch(function () {});
  });
}
