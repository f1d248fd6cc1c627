// The translation editor of wagtail-localize titles its list of pieces "Nederlands to Polski
// translation" in English whatever the admin language: the text is fixed in its script, so no
// catalogue can translate it. The page gives the English text and the title in the language of
// the editor (data-translation-title); put the one in place of the other wherever it is drawn.
document.addEventListener("DOMContentLoaded", function () {
var hint = document.querySelector("[data-translation-title]");
var editor = document.querySelector(".js-translation-editor");
if (!hint || !editor) return;
var english = hint.getAttribute("data-english");
var translated = hint.getAttribute("data-translated");
function translate() {
Array.prototype.forEach.call(editor.querySelectorAll("h3"), function (heading) {
if (heading.textContent === english) heading.textContent = translated;
});
}
translate();
// The editor draws (and redraws) its tabs after this script has run.
new MutationObserver(translate).observe(editor, { childList: true, subtree: true });
});

// Publishing (or any other way out of the page) while a piece is still open would lose what
// was typed: localize only warns with the browser's "Leave site?" dialog, and accepting it
// drops the text. So before such a click goes through, every open piece is saved the way its
// own Save button does it, and the click is replayed once localize's server has stored them
// all. A piece the server refuses (a tag mismatch, say) stops the click, with a message in the
// editor's language naming the piece; its text stays on screen for the editor to correct.
(function () {
var saves = []; // piece saves (PUT/DELETE to localize's API) still in flight
var realFetch = window.fetch;
window.fetch = function (url, options) {
var result = realFetch.apply(this, arguments);
var method = ((options && options.method) || "GET").toUpperCase();
if (method === "PUT" || method === "DELETE") {
var save = { piece: currentPiece, done: false };
save.outcome = result.then(
function (response) {
if (response.ok || (method === "DELETE" && response.status === 404)) return null;
return response.clone().json().then(
function (body) { return (body && body.error) || ""; },
function () { return ""; }
);
},
function () { return ""; }
).then(function (error) { save.done = true; save.error = error; return save; });
saves.push(save);
}
return result;
};

var currentPiece = ""; // the piece whose Save button is being pressed by this script
var replaying = false;

function pieceName(item, textarea) {
// Its Dutch text; a link's address or other synchronised value has none shown.
var source = item.querySelector(":scope > p");
var text = (source ? source.textContent : textarea.defaultValue).replace(/\s+/g, " ").trim();
return text.length > 60 ? text.slice(0, 57) + "…" : text;
}

function leavesPage(element, editor) {
if (element.tagName === "A") {
var href = element.getAttribute("href") || "";
return href && href.charAt(0) !== "#" && href.indexOf("javascript:") !== 0 &&
!element.hasAttribute("download") && element.getAttribute("target") !== "_blank";
}
// The actions in the editor's footer: Publish, and the like. Not the menu toggle.
return editor.contains(element) && !!element.closest("footer") &&
(element.type === "submit" || (element.getAttribute("data-action") || "").indexOf("w-action#") !== -1);
}

function showRefusal(hint, editor, failed) {
var old = document.querySelector("[data-unsaved-refusal]");
if (old) old.remove();
var box = document.createElement("div");
box.setAttribute("data-unsaved-refusal", "");
box.setAttribute("role", "alert");
box.className = "help-block help-critical";
failed.forEach(function (save) {
var line = document.createElement("p");
line.textContent = hint.getAttribute("data-message").replace("{piece}", save.piece) +
(save.error ? " " + save.error : "");
box.appendChild(line);
});
// Outside localize's React root, which owns everything inside the editor element.
editor.parentNode.insertBefore(box, editor);
box.scrollIntoView({ block: "center" });
}

document.addEventListener("DOMContentLoaded", function () {
var hint = document.querySelector("[data-unsaved-pieces]");
var editor = document.querySelector(".js-translation-editor");
if (!hint || !editor) return;
document.addEventListener("click", function (event) {
if (replaying || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
var element = event.target.closest && event.target.closest("a[href], button");
if (!element || !leavesPage(element, editor)) return;
var open = editor.querySelectorAll("li textarea");
var pending = saves.filter(function (save) { return !save.done; });
if (!open.length && !pending.length) return;
event.preventDefault();
event.stopImmediatePropagation();
Array.prototype.forEach.call(open, function (textarea) {
var item = textarea.closest("li");
var buttons = item.querySelectorAll("button");
currentPiece = pieceName(item, textarea);
buttons[buttons.length - 1].click(); // Save (after Cancel): saving starts at once
currentPiece = "";
});
var started = saves.filter(function (save) { return !save.done; });
Promise.all(started.map(function (save) { return save.outcome; })).then(function (done) {
var failed = done.filter(function (save) { return save.error !== null; });
if (failed.length) {
showRefusal(hint, editor, failed);
return;
}
// Let localize draw the saved pieces (and drop its "Leave site?" guard) first.
window.setTimeout(function () {
replaying = true;
try { element.click(); } finally { replaying = false; }
}, 0);
});
}, true);
});
})();
