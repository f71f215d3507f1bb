//! The WebAssembly entry point (built by Trunk with `--features csr`).

fn main() {
    #[cfg(feature = "csr")]
    rosw::start();
}
