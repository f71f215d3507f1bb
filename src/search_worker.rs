//! The search worker: answers the search page's queries off the page's thread, so typing never
//! waits for matching, and keeps the matching code out of the app's own wasm (readers who
//! never search never download it). It fetches the edition's bundle itself (the browser's
//! cache already holds it) and indexes it once.

use crate::content::Bundle;
use crate::search::{Answer, Index, READY};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Response};

thread_local! {
    /// The last bundle's address and its index.
    static INDEX: RefCell<Option<(String, Index)>> = const { RefCell::new(None) };
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// Listens for requests, `[bundle address, query]`, after telling the page it does (`READY`),
/// and posts each `Answer` as JSON (`Answer::to_strings`).
pub fn start() {
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|ev: MessageEvent| {
        // `[bundle address, query]`.
        let request = js_sys::Array::from(&ev.data());
        if let (Some(bundle), Some(query)) =
            (request.get(0).as_string(), request.get(1).as_string())
        {
            wasm_bindgen_futures::spawn_local(answer(bundle, query));
        }
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page; so does its one listener.
    on_message.forget();
    // Messages posted before this point found no listener: the page waits for this one.
    _ = scope().post_message(&JsValue::from_str(READY));
}

async fn answer(bundle: String, query: String) {
    let indexed = INDEX.with_borrow(|i| i.as_ref().is_some_and(|(url, _)| *url == bundle));
    if !indexed && let Some(loaded) = load(&bundle).await {
        INDEX.set(Some((bundle.clone(), Index::new(&loaded))));
    }
    let hits = INDEX.with_borrow(|i| {
        i.as_ref()
            .filter(|(url, _)| *url == bundle)
            .map(|(_, index)| index.search(&query))
    });
    let answer = Answer {
        query,
        failed: hits.is_none(),
        hits: hits.unwrap_or_default(),
    };
    if let Ok(json) = serde_json::to_string(&answer.to_strings()) {
        _ = scope().post_message(&JsValue::from_str(&json));
    }
}

async fn load(url: &str) -> Option<Bundle> {
    let response: Response = JsFuture::from(scope().fetch_with_str(url))
        .await
        .ok()?
        .unchecked_into();
    if !response.ok() {
        return None;
    }
    let text = JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()?;
    serde_json::from_str(&text).ok()
}
