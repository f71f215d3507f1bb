// Written by the site builder (src/builder/boot.js). Starts the app once the prerendered page
// has painted, so the app's downloads never compete with the page a reader came for, and
// checks every file it loads with Subresource Integrity.
const GLUE = { href: "/rights-of-sex-workers-c1d31b9ff55dbf15.js", integrity: "sha384-pXdvHW7O9VZhiumPqU0oBtRiX5I+D9qJM/IDomJ6mG+m3Ao488/8/otHbSyfPAyu" };
const WASM = { href: "/rights-of-sex-workers-8ad0b7faab9c9f17_bg.wasm", integrity: "sha384-G29UAmx60cQ/MiT16xXPZtuXBQI++eC26OVKzmuFTs8tblXd2qSSNFIFLXrpbSNG" };

function preload(attributes) {
  const link = Object.assign(document.createElement("link"), attributes);
  document.head.append(link);
}

async function start() {
  const bundle = document.querySelector("meta[name=content-bundle]")?.content;
  // Fetched in parallel with the wasm; the app's own request is then answered from here.
  if (bundle) preload({ rel: "preload", as: "fetch", href: bundle, crossOrigin: "anonymous" });
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
  await init({ module_or_path: compiled });
}

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
whenParsed(() => {
  const prerendered = document.getElementById("app")?.hasAttribute("data-prerendered");
  // A reader who asked to save data keeps the plain prerendered page: its links work as
  // ordinary links, and the app is never downloaded.
  if (prerendered && navigator.connection?.saveData) return;
  if (prerendered) afterFirstPaint(start);
  else start();
});
