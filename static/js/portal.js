// Optional enhancement: keep visited pages, urgent help and the WIN-point page for offline use.
// The site works the same without it. One worker for all languages; this page asks it to keep
// the pages of its own language too.
if ("serviceWorker" in navigator) {
  window.addEventListener("load", function () {
    navigator.serviceWorker.register("/sw.js")
      .then(function () { return navigator.serviceWorker.ready; })
      .then(function (registration) {
        registration.active.postMessage({ keep: document.documentElement.lang });
      })
      .catch(function () {});
  });
}

// Optional enhancement: send "Was this page helpful?" without leaving the page. Without
// JavaScript the form posts and comes back to the page with a thank-you note.
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (!form.classList || !form.classList.contains("feedback-form") || !window.fetch) return;
  if (form.dataset.plain) return;
  event.preventDefault();
  var data = new FormData(form);
  if (event.submitter && event.submitter.name) data.append(event.submitter.name, event.submitter.value);
  var status = form.querySelector(".feedback-status");
  fetch(form.action, { method: "POST", body: data, headers: { Accept: "application/json" }, credentials: "same-origin" })
    .then(function (response) { return response.json(); })
    .then(function (answer) {
      status.textContent = answer.message;
      if (answer.ok) {
        Array.prototype.forEach.call(form.querySelectorAll("details, .feedback-buttons"), function (part) { part.hidden = true; });
      } else if (answer.token) {
        form.elements.token.value = answer.token;
      }
    })
    .catch(function () {
      // Send it the plain way instead.
      form.dataset.plain = "1";
      form.requestSubmit(event.submitter);
    });
});

// Optional enhancement: switching language keeps the reader's place in a guide. Each language
// link lists its translation's section anchors in order (data-sections); the reader at section
// 3 here goes to section 3 there. Without JavaScript the link opens the page at the top.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest(".languages a");
  if (!link || !location.hash) return;
  var here = location.hash.slice(1);
  if (here === "help-title") { link.hash = here; return; }
  var current = document.querySelector(".language-menu[data-sections]");
  if (!current || !link.dataset.sections) return;
  var position = current.dataset.sections.split(" ").indexOf(here);
  var there = link.dataset.sections.split(" ")[position];
  if (position >= 0 && there) link.hash = there;
});
