//! The search worker: answers the search page's queries off the page's thread, so typing never
//! waits for matching, and keeps the matching code out of the app's own wasm (it is fetched at
//! a reader's first query, or beforehand when offline keeping stores the site). It fetches the
//! edition's bundle itself (the browser's cache already holds it) and indexes it once.

use crate::content::{Bundle, Words};
use crate::search::{Answer, Index};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Response};

/// A bundle's address, its index and its words (for the status line).
type Indexed = (String, Index, Words);

thread_local! {
    static INDEX: RefCell<Option<Indexed>> = const { RefCell::new(None) };
    /// The latest request while a bundle loads: the queries it replaced need no answer.
    static WAITING: RefCell<Option<(String, String)>> = const { RefCell::new(None) };
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// Listens for requests, `[bundle address, query]` (the loader hands over those that came
/// before), and posts each `Answer` as an array of strings (`Answer::to_strings`): its status
/// line and results are ready to show.
pub fn start() {
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|ev: MessageEvent| {
        let request = js_sys::Array::from(&ev.data());
        if let (Some(bundle), Some(query)) =
            (request.get(0).as_string(), request.get(1).as_string())
        {
            ask(bundle, query);
        }
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page; so does its one listener.
    on_message.forget();
}

/// Answers at once if the bundle is indexed; otherwise keeps the request as the latest and,
/// unless a load is under way, loads the bundle once, then answers only the latest request.
fn ask(bundle: String, query: String) {
    let indexed = INDEX.with_borrow(|i| i.as_ref().is_some_and(|(url, ..)| *url == bundle));
    if indexed {
        return post(answer(&bundle, query));
    }
    if WAITING.replace(Some((bundle.clone(), query))).is_some() {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        if let Some(loaded) = load(&bundle).await {
            let index = Index::new(&loaded);
            INDEX.set(Some((bundle.clone(), index, loaded.words)));
        }
        match WAITING.take() {
            // Answered, or failed if the bundle could not be loaded.
            Some((latest, query)) if latest == bundle => post(answer(&bundle, query)),
            // The reader has gone to the other edition meanwhile: its bundle, then.
            Some((latest, query)) => ask(latest, query),
            None => {}
        }
    });
}

fn answer(bundle: &str, query: String) -> Answer {
    INDEX.with_borrow(|i| match i.as_ref() {
        Some((url, index, words)) if url == bundle => {
            let (hits, count) = index.search(&query);
            Answer::new(query, &hits, count, words)
        }
        _ => Answer::failed(query),
    })
}

fn post(answer: Answer) {
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
    Bundle::from_json(&text).ok()
}
