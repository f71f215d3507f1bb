//! The native site builder (feature `build`): reads and checks `content/`, writes the JSON
//! bundle and prerenders every route with the app's own components.

pub mod errors;
mod frontmatter;
mod markdown;
mod minify;
pub mod output;
pub mod source;
pub mod update;
mod wasm_names;
