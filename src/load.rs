//! Loading the content bundle: why it can fail, and (in the browser) the fetch.

use crate::content::{Bundle, BundleError};
use leptos::prelude::*;
use std::fmt;
use std::sync::Arc;

/// Why the bundle could not be loaded, in terms a reader can act on.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// No answer at all: offline, DNS, connection dropped.
    Network,
    /// The server answered with an error status.
    Http(u16),
    /// An answer that is not a usable bundle.
    Content(BundleError),
}

impl LoadError {
    /// What the reader sees: plain words and what to do next.
    pub fn message(&self) -> &'static str {
        match self {
            LoadError::Network => {
                "We couldn’t reach the site. Check your connection, then try again."
            }
            LoadError::Http(_) => {
                "The site couldn’t send this page’s content just now. Please try again in a moment."
            }
            LoadError::Content(_) => {
                "The content arrived damaged or out of date. Please try again; if that doesn’t help, reload the page."
            }
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Network => f.write_str("network error"),
            LoadError::Http(status) => write!(f, "HTTP status {status}"),
            LoadError::Content(e) => e.fmt(f),
        }
    }
}

/// What the app holds while the bundle loads: nothing yet, the bundle, or why it failed.
pub type BundleResource = LocalResource<Result<Arc<Bundle>, LoadError>>;

/// Fetches the bundle once; `refetch` on the resource tries again. Browser only: the
/// prerender renders from the bundle it has just built.
#[cfg(feature = "hydrate")]
pub fn bundle_resource(url: String) -> BundleResource {
    LocalResource::new(move || fetch_bundle(url.clone()))
}

#[cfg(feature = "hydrate")]
async fn fetch_bundle(url: String) -> Result<Arc<Bundle>, LoadError> {
    let response = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(|_| LoadError::Network)?;
    if !response.ok() {
        return Err(LoadError::Http(response.status()));
    }
    let text = response.text().await.map_err(|_| LoadError::Network)?;
    Bundle::from_json(&text)
        .map(Arc::new)
        .map_err(LoadError::Content)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_fault_has_a_plain_message_and_a_detail() {
        let faults = [
            LoadError::Network,
            LoadError::Http(500),
            LoadError::Content(BundleError::Malformed("EOF".into())),
            LoadError::Content(BundleError::Schema { found: 2 }),
        ];
        for fault in &faults {
            assert!(fault.message().ends_with('.'));
            assert!(!fault.message().contains("JSON"), "no jargon: {fault:?}");
        }
        assert_eq!(LoadError::Http(500).to_string(), "HTTP status 500");
        assert!(faults[3].to_string().contains("schema version 2"));
    }
}
