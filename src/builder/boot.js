// Written by the site builder (src/builder/boot.js). Starts the app once the prerendered page
// has painted, so the app's downloads never compete with the page a reader came for, and
// checks every file it loads with Subresource Integrity.
const GLUE = { href: "__GLUE_HREF__", integrity: "__GLUE_INTEGRITY__" };
const WASM = { href: "__WASM_HREF__", integrity: "__WASM_INTEGRITY__" };
const WORKER = { href: "__WORKER_HREF__", scope: "__WORKER_SCOPE__" };
// The safe-reading page's controls, and the device's record of offline keeping turned off.
const CONTROLS = { keep: "__OFFLINE_KEEP__", clear: "__OFFLINE_CLEAR__", status: "__OFFLINE_STATUS__" };
const CHOICE = "__OFFLINE_CHOICE__";
// The search page's field.
const SEARCH = "__SEARCH_INPUT__";

function preload(attributes) {
  const link = Object.assign(document.createElement("link"), attributes);
  document.head.append(link);
}

async function start() {
  preload({ rel: "modulepreload", href: GLUE.href, integrity: GLUE.integrity, crossOrigin: "anonymous" });
  // Compiled (off the main thread, alongside the glue's import) apart from being
  // instantiated, which runs the app, in a later task: neither step holds the main thread
  // for long.
  const module = fetch(WASM.href, { integrity: WASM.integrity }).then((response) =>
    // Streaming compilation needs the wasm MIME type, which not every host sends, and a
    // browser that has it.
    typeof WebAssembly.compileStreaming === "function" &&
    response.headers.get("Content-Type") === "application/wasm"
      ? WebAssembly.compileStreaming(response)
      : response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes)),
  );
  const { default: init } = await import(GLUE.href);
  // What Leptos's hydration reads: the data a streaming server would have sent with the page.
  // A prerendered page carries none.
  Object.assign(window, { __RESOLVED_RESOURCES: [], __SERIALIZED_ERRORS: [], __INCOMPLETE_CHUNKS: [] });
  const compiled = await module;
  await new Promise((resolve) => setTimeout(resolve, 0));
  starting = true;
  // An app that is not live by then (one that failed): links are ordinary links again.
  setTimeout(() => {
    starting = false;
    if (waiting) follow(waiting);
  }, 5000);
  await init({ module_or_path: compiled });
}

// From the app's start until the page is live, a tap on a link waits, then the app follows
// it. The router listens from the app's first task, but the page on screen is hydrated in the
// next ones, as it was written: a page switched to meanwhile would not match its markup.
let starting = false;
let waiting = null;
function follow(link) {
  waiting = null;
  if (link.isConnected && !document.querySelector("#app[data-prerendered]")) link.click();
  else location.assign(link.href);
}
document.addEventListener(
  "click",
  (event) => {
    const app = document.querySelector("#app[data-prerendered]");
    const link = event.target.closest?.("a[href]");
    if (!starting || !app || !link || event.defaultPrevented || link.target || link.origin !== location.origin) return;
    if (event.button || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    event.stopPropagation();
    if (!waiting) {
      new MutationObserver((_, observer) => {
        observer.disconnect();
        if (waiting) follow(waiting);
      }).observe(app, { attributeFilter: ["data-prerendered"] });
    }
    waiting = link;
  },
  true,
);

// Once the page's first contentful paint has happened (where the browser reports paints;
// otherwise after `load` and a frame).
function afterFirstPaint(callback) {
  const later = () => setTimeout(callback, 0);
  if (performance.getEntriesByName("first-contentful-paint").length) return later();
  try {
    new PerformanceObserver((list, observer) => {
      if (!list.getEntriesByName("first-contentful-paint").length) return;
      observer.disconnect();
      later();
    }).observe({ type: "paint" });
  } catch {
    addEventListener("load", () => requestAnimationFrame(later), { once: true });
  }
}
// A prerendered page paints first; a bare shell (nothing to paint) starts at once.
function whenParsed(callback) {
  if (document.readyState === "loading") addEventListener("DOMContentLoaded", callback, { once: true });
  else callback();
}
// Offline reading (the service worker, see sw.js). With `keep`, once the browser is idle, the
// worker is asked to keep this edition (and, after a switch of language, that one too);
// without, it keeps only the pages the reader opens. `<html data-offline="kept">` tells that
// this edition can now be read offline.
let keeping = false; // the page asks the worker to keep its edition, and listens, once
function offline(keep) {
  if (!("serviceWorker" in navigator)) return;
  if (keptOff()) return forget();
  const root = document.documentElement;
  navigator.serviceWorker
    .register(WORKER.href, { scope: WORKER.scope })
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => {
      registration.active?.postMessage({ opened: location.pathname });
      if (!keep || keeping) return;
      keeping = true;
      navigator.serviceWorker.addEventListener("message", (event) => {
        if (event.data?.kept === root.lang) root.dataset.offline = "kept";
      });
      const ask = () => registration.active?.postMessage({ keep: root.lang });
      // Idle time can be long in coming on a busy page: two seconds at most.
      const idle = (callback) =>
        window.requestIdleCallback ? requestIdleCallback(callback, { timeout: 2000 }) : setTimeout(callback, 1000);
      idle(ask);
      new MutationObserver(() => {
        delete root.dataset.offline; // until the new language is kept
        idle(ask);
      }).observe(root, { attributes: true, attributeFilter: ["lang"] });
    })
    .catch(() => {}); // No offline copy: the site works as before.
}

function keptOff() {
  try {
    return localStorage.getItem(CHOICE) === "off";
  } catch {
    return false;
  }
}

/** Removes the worker and everything it kept. */
async function forget() {
  const registrations = (await navigator.serviceWorker?.getRegistrations?.()) ?? [];
  await Promise.all(registrations.map((registration) => registration.unregister()));
  for (const name of (await self.caches?.keys()) ?? []) {
    if (name.startsWith("rosw-")) await caches.delete(name);
  }
}

// The safe-reading page's switch and button, wherever they are drawn (the prerendered page or
// the app): listened for on the document, so one listener serves both.
document.addEventListener("change", (event) => {
  if (event.target.id !== CONTROLS.keep) return;
  try {
    if (event.target.checked) localStorage.removeItem(CHOICE);
    else localStorage.setItem(CHOICE, "off");
  } catch {
    // No storage: the choice holds for this page only.
  }
  if (event.target.checked) offline(!navigator.connection?.saveData);
  else forget();
});
document.addEventListener("click", (event) => {
  if (event.target.id !== CONTROLS.clear) return;
  const status = document.getElementById(CONTROLS.status);
  forget().then(() => {
    if (status) status.textContent = status.dataset.done;
  });
});

// "Exit this page": cover the page at once, then replace this history entry with the neutral
// page (a navigation only: nothing is sent anywhere else). The link itself works without this.
function exit(link) {
  document.documentElement.classList.add("exiting");
  location.replace(link.href);
}
document.addEventListener(
  "click",
  (event) => {
    const link = event.target.closest?.("a.exit-button");
    if (!link) return;
    event.preventDefault();
    exit(link);
  },
  true,
);
// Shift pressed on its own three times within two seconds, as in the GOV.UK Design System:
// Shift held for another key (Shift+Tab, a capital letter) does not count, and any other key
// starts the count again.
let shifts = [];
let combined = false;
document.addEventListener("keydown", (event) => {
  if (event.key === "Shift") return;
  combined = event.shiftKey;
  shifts = [];
});
document.addEventListener("keyup", (event) => {
  if (event.key !== "Shift") return;
  if (combined) {
    combined = false;
    return;
  }
  shifts = shifts.filter((time) => event.timeStamp - time < 2000).concat(event.timeStamp);
  const link = document.querySelector("a.exit-button");
  if (shifts.length >= 3 && link) exit(link);
});

// "/" anywhere but in a field opens search with its field focused: a link to the search
// page with the field as its fragment, which the app follows itself once it runs, and the
// browser before. The app focuses the field the fragment names (it shows the field once it
// can answer it).
document.addEventListener("keydown", (event) => {
  if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.target.closest?.("input, textarea, select, [contenteditable]")) return;
  const field = document.getElementById(SEARCH);
  const link = document.querySelector(".site-header nav a[href$='/search/']");
  if (!field && !link) return;
  event.preventDefault();
  if (field) return field.focus();
  const to = Object.assign(document.createElement("a"), { href: `${link.href}#${SEARCH}` });
  document.body.append(to);
  to.click();
  to.remove();
});

whenParsed(() => {
  // The prerendered controls show once a script can work them (the app shows its own).
  const keep = document.getElementById(CONTROLS.keep);
  if (keep && "serviceWorker" in navigator) {
    keep.checked = !keptOff();
    keep.closest("[hidden]")?.removeAttribute("hidden");
  }
  const prerendered = document.getElementById("app")?.hasAttribute("data-prerendered");
  // A reader who asked to save data keeps the plain prerendered page: its links work as
  // ordinary links, the app is never downloaded, and nothing is kept in advance.
  if (prerendered && navigator.connection?.saveData) {
    addEventListener("load", () => offline(false), { once: true });
    return;
  }
  const started = () => offline(true);
  if (prerendered) afterFirstPaint(() => start().then(started));
  else start().then(started);
});
