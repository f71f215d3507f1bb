//! The search worker's entry point (built by Trunk as a web worker; see `rosw::search_worker`).

fn main() {
    rosw::search_worker::start();
}
