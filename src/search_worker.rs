//! The search worker: answers the search page's queries off the page's thread, so typing never
//! waits for matching, and keeps the matching code out of the app's own wasm (readers who
//! never search never download it). It fetches the edition's bundle itself (the browser's
//! cache already holds it) and indexes it once.

use crate::content::{Bundle, Words};
use crate::search::{Answer, Index};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Response};

thread_local! {
    /// The last bundle's address, its index and its words (for the status line).
    static INDEX: RefCell<Option<(String, Index, Words)>> = const { RefCell::new(None) };
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// Listens for requests, `[bundle address, query]` (the loader hands over those that came
/// before),
/// and posts each `Answer` as an array of strings (`Answer::to_strings`): its status line and
/// results are ready to show.
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
}

async fn answer(bundle: String, query: String) {
    let indexed = INDEX.with_borrow(|i| i.as_ref().is_some_and(|(url, ..)| *url == bundle));
    if !indexed && let Some(loaded) = load(&bundle).await {
        let index = Index::new(&loaded);
        INDEX.set(Some((bundle.clone(), index, loaded.words)));
    }
    let answer = INDEX.with_borrow(|i| match i.as_ref() {
        Some((url, index, words)) if *url == bundle => {
            let (hits, count) = index.search_counted(&query);
            Answer::new(query.clone(), &hits, count, words)
        }
        _ => Answer::failed(query.clone()),
    });
    let parts = answer.to_strings().into_iter().map(JsValue::from);
    _ = scope().post_message(&parts.collect::<js_sys::Array>());
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
