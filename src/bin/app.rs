//! The Asyncscope single-page app: mounts the Leptos root component.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(asyncscope::components::app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!("Asyncscope runs in the browser: build it with `make run` (see README.md).");
}
