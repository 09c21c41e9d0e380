// Asyncscope start-up: loads the app's wasm bindings and starts the app.
//
// Trunk would inline this in index.html; a file of our own keeps the page working under a
// strict Content-Security-Policy (`script-src 'self' 'wasm-unsafe-eval'`, no inline
// scripts). Trunk writes the hashed file names into this script tag's data attributes
// (`pattern_script` in Trunk.toml).
const tag = document.querySelector('script[data-asyncscope-boot]');
const bindings = await import(new URL(tag.dataset.js, document.baseURI).href);
const wasm = await bindings.default({
  module_or_path: new URL(tag.dataset.wasm, document.baseURI).href,
});
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
