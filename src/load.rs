//! Loading the content bundle: why it can fail, and (in the browser) the fetch.

use crate::content::{Bundle, BundleError, LoadWords};
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
    pub fn message<'w>(&self, words: &'w LoadWords) -> &'w str {
        match self {
            LoadError::Network => &words.network,
            LoadError::Http(_) => &words.http,
            LoadError::Content(_) => &words.content,
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

/// The bundles of the editions the app holds, by edition.
pub type Editions = RwSignal<Vec<Option<Arc<Bundle>>>>;

/// Fetches the full bundle of the edition the reader has gone to (`wanted`) into `editions`,
/// or sets `failure`. The page names every edition's bundle (`BundleUrls`).
pub fn edition_fetcher(
    editions: Editions,
    failure: RwSignal<Option<LoadError>>,
    wanted: Memo<usize>,
) -> Callback<()> {
    let urls = use_context::<crate::BundleUrls>().unwrap_or_default();
    // The editions being fetched: a second ask while one is on its way waits for it.
    let pending = StoredValue::new(Vec::<usize>::new());
    Callback::new(move |()| {
        let edition = wanted.get_untracked();
        let Some(url) = urls.0.get(edition).cloned() else {
            failure.set(Some(LoadError::Http(404)));
            return;
        };
        if pending.with_value(|p| p.contains(&edition)) {
            return;
        }
        failure.set(None);
        pending.update_value(|p| p.push(edition));
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(async move {
            let result = fetch_bundle(url).await;
            pending.update_value(|p| p.retain(|e| *e != edition));
            match result {
                Ok(bundle) if bundle.edition == edition => {
                    editions.update(|held| held[edition] = Some(bundle));
                }
                Ok(_) => failure.set(Some(LoadError::Content(BundleError::WrongShape(
                    "the bundle of another language".into(),
                )))),
                Err(error) => failure.set(Some(error)),
            }
        });
        #[cfg(not(feature = "hydrate"))]
        let _ = (url, editions);
    })
}

/// Whether an event came from a link to another page of this site (not to a part of this
/// one), which the router would follow.
pub fn leads_elsewhere(event: &web_sys::Event) -> bool {
    use leptos::wasm_bindgen::JsCast;
    let link = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("a[href]").ok().flatten())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    let here = window().location();
    link.is_some_and(|link| {
        Ok(link.origin()) == here.origin() && Ok(link.pathname()) != here.pathname()
    })
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
        let words = crate::content::tests::sample_bundle().words.load;
        let messages: Vec<&str> = faults.iter().map(|f| f.message(&words)).collect();
        assert_eq!(messages[0], words.network);
        assert_eq!(messages[1], words.http);
        assert_eq!(messages[2], words.content);
        assert_eq!(messages[3], words.content);
        assert_eq!(LoadError::Http(500).to_string(), "HTTP status 500");
        assert!(faults[3].to_string().contains("schema version 2"));
    }
}
