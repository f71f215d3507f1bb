// Written by the site builder (src/builder/boot.js). Starts the app once the prerendered page
// has painted, so the app's downloads never compete with the page a reader came for, and
// checks every file it loads with Subresource Integrity.
const GLUE = { href: "__GLUE_HREF__", integrity: "__GLUE_INTEGRITY__" };
const WASM = { href: "__WASM_HREF__", integrity: "__WASM_INTEGRITY__" };

function preload(attributes) {
  const link = Object.assign(document.createElement("link"), attributes);
  document.head.append(link);
}

async function start() {
  const bundle = document.querySelector("meta[name=content-bundle]")?.content;
  // Fetched in parallel with the wasm; the app's own request is then answered from here.
  if (bundle) preload({ rel: "preload", as: "fetch", href: bundle, crossOrigin: "anonymous" });
  preload({ rel: "modulepreload", href: GLUE.href, integrity: GLUE.integrity, crossOrigin: "anonymous" });
  const wasm = fetch(WASM.href, { integrity: WASM.integrity });
  const { default: init } = await import(GLUE.href);
  await init({ module_or_path: wasm });
}

// After the next frame following `load`: the first paint has happened by then.
const afterPaint = () => requestAnimationFrame(() => setTimeout(start, 0));
if (document.readyState === "complete") afterPaint();
else addEventListener("load", afterPaint, { once: true });
