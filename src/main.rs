//! The WebAssembly entry point (built by Trunk with `--features hydrate`).

fn main() {
    #[cfg(feature = "hydrate")]
    rosw::start();
}
