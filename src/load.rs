//! Loading the content bundle: the state every view reads, and (in the browser) the fetch.

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

#[derive(Clone, Debug)]
pub enum Load {
    Loading,
    Failed(LoadError),
    Ready(Arc<Bundle>),
}

/// The bundle's state, shared from the root: a signal to read and a way to try again.
#[derive(Clone, Copy)]
pub struct ContentState {
    pub load: Signal<Load>,
    /// Set while a retry is under way, so the button can say so.
    pub retrying: Signal<bool>,
    retry: Option<Callback<()>>,
}

impl ContentState {
    /// Already loaded: the prerender (and tests) render straight from a bundle.
    pub fn ready(bundle: Arc<Bundle>) -> Self {
        ContentState {
            load: Signal::stored(Load::Ready(bundle)),
            retrying: Signal::stored(false),
            retry: None,
        }
    }

    pub fn retry(&self) {
        if let Some(retry) = self.retry {
            retry.run(());
        }
    }
}

/// Fetches the bundle once, as a `LocalResource`; `retry` fetches it again.
#[cfg(feature = "csr")]
pub fn fetch_content(url: String) -> ContentState {
    let resource = LocalResource::new(move || fetch_bundle(url.clone()));
    let retrying = RwSignal::new(false);
    // A new answer, good or bad, ends the retry.
    Effect::watch(
        move || resource.track(),
        move |_, _, _| retrying.set(false),
        false,
    );
    ContentState {
        load: Signal::derive(move || match resource.get() {
            None => Load::Loading,
            Some(Ok(bundle)) => Load::Ready(bundle),
            Some(Err(e)) => Load::Failed(e),
        }),
        retrying: retrying.into(),
        retry: Some(Callback::new(move |()| {
            retrying.set(true);
            resource.refetch();
        })),
    }
}

#[cfg(feature = "csr")]
async fn fetch_bundle(url: String) -> Result<Arc<Bundle>, LoadError> {
    let response = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(|_| LoadError::Network)?;
    if !response.ok() {
        return Err(LoadError::Http(response.status()));
    }
    let text = response.text().await.map_err(|_| LoadError::Network)?;
    let bundle = Bundle::from_json(&text).map_err(LoadError::Content)?;
    // Render in a task of its own: parsing and rendering together would block the main
    // thread for longer than a phone's reader should wait for a tap to respond.
    next_task().await;
    Ok(Arc::new(bundle))
}

/// Resolves in a new task of the event loop.
#[cfg(feature = "csr")]
pub(crate) async fn next_task() {
    let wait = js_sys::Promise::new(&mut |resolve, _| {
        _ = window().set_timeout_with_callback(&resolve);
    });
    _ = wasm_bindgen_futures::JsFuture::from(wait).await;
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
