use crate::components::{PageHeader, PageText, blocks, language_marks};
use crate::content::{Block, ids};
use crate::routes::Route;
use crate::search::Answer;
use crate::{BundleUrls, use_base, use_bundle};
use leptos::prelude::*;
use leptos::wasm_bindgen::prelude::Closure;
use leptos::wasm_bindgen::{JsCast, JsValue};
use leptos_router::hooks::use_location;
use std::cell::RefCell;
use web_sys::{MessageEvent, Worker};

use ids::SEARCH_INPUT as INPUT_ID;

/// What the page does with the worker's answers.
type Listener = Closure<dyn FnMut(MessageEvent)>;

thread_local! {
    /// The search worker, started at the first query (it is not part of the first view), its
    /// listener, and the latest results: plain values, so the page needs no reactive types of
    /// its own beyond the query, the status line and whether the field shows.
    static WORKER: RefCell<Option<Worker>> = const { RefCell::new(None) };
    static LISTENER: RefCell<Option<Listener>> = const { RefCell::new(None) };
    static RESULTS: RefCell<Vec<Block>> = const { RefCell::new(Vec::new()) };
}

/// Posts a query to the search worker, `[bundle address, query]`, starting the worker first
/// if need be. Its address is in the page (`meta[name=search-worker]`, from the site builder).
/// `false` if there is no worker to ask.
fn ask(bundle: &str, query: &str) -> bool {
    WORKER.with_borrow_mut(|worker| {
        if worker.is_none() {
            let url = document()
                .query_selector("meta[name=search-worker]")
                .ok()
                .flatten()
                .and_then(|m| m.get_attribute("content"))
                .filter(|url| !url.is_empty());
            *worker = url.and_then(|url| Worker::new(&url).ok());
            if let Some(worker) = worker.as_ref() {
                listen_on(worker);
            }
        }
        worker
            .as_ref()
            .and_then(|w| {
                w.post_message(&js_sys::Array::of2(&bundle.into(), &query.into()))
                    .ok()
            })
            .is_some()
    })
}

/// Hands the worker's messages, and its failure to start, to the page's listener.
fn listen_on(worker: &Worker) {
    LISTENER.with_borrow(|listener| {
        let listener = listener.as_ref().map(|l| l.as_ref().unchecked_ref());
        worker.set_onmessage(listener);
        worker.set_onerror(listener);
    });
}

/// The `q` of an address's query string (`?q=sex%20work`).
fn query_of(search: &str) -> String {
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("q="))
        .map(|q| {
            let q = q.replace('+', " ");
            js_sys::decode_uri_component(&q).map_or(q, String::from)
        })
        .unwrap_or_default()
}

/// `/search/`: results as the reader types, from the search worker (started at the first
/// query; it reads the bundle the browser already holds).
/// The query lives in the address (`?q=…`) so results can be shared, reloaded and reached
/// with Back. Without the app, the page lists every page and section.
#[component]
pub fn Search() -> impl IntoView {
    let bundle = use_bundle();
    let page = bundle.page_or_not_found(Route::Search);
    let here = Route::Search.href(&use_base());
    let query = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    // The field shows once the app can answer it: not without JavaScript, nor with Save-Data on
    // (the page then lists every page and section).
    let live = RwSignal::new(false);
    // A page shown again starts empty, whatever was found before.
    RESULTS.set(Vec::new());
    // Answers to a query already replaced are dropped. The worker words the status line (and,
    // when nothing was found, points to the page's list of every page and section); an empty
    // one means it could not load the bundle, and anything but an answer (its `error` event)
    // that it could not start.
    let problem = bundle.words.load.network.clone();
    let failed = problem.clone();
    let unavailable = problem.clone();
    let on_answer = move |ev: MessageEvent| {
        let data = ev.data();
        let parts: Vec<String> = match js_sys::Array::is_array(&data) {
            true => js_sys::Array::from(&data)
                .iter()
                .filter_map(|p| p.as_string())
                .collect(),
            false => Vec::new(),
        };
        let Some(answer) = Answer::from_strings(parts) else {
            _ = status.try_set(failed.clone());
            return;
        };
        // An answer that arrives after the page has gone finds its signals disposed.
        if query.try_get_untracked().as_ref() != Some(&answer.query) {
            return;
        }
        RESULTS.set(answer.results);
        let no_bundle = answer.status.is_empty();
        status.set(if no_bundle {
            problem.clone()
        } else {
            answer.status
        });
    };
    let urls = use_context::<BundleUrls>().unwrap_or_default();
    let bundle_url = urls.0.get(bundle.edition).cloned().unwrap_or_default();
    // Shows nothing for an empty query; asks the worker otherwise, before anything else, so
    // that it matches while this thread does the rest.
    let search = move |q: String| {
        let empty = q.trim().is_empty();
        let asked = empty || ask(&bundle_url, &q);
        query.set(q);
        if empty {
            RESULTS.set(Vec::new());
            status.set(String::new());
        } else if !asked {
            status.set(unavailable.clone());
        }
    };
    // The address's query, once the page is live (the prerendered page has none, and
    // hydration must adopt it as it is), and again on Back. In the browser only: the
    // prerender has no worker to talk to.
    let location = use_location();
    let from_address = search.clone();
    Effect::new(move |listening: Option<()>| {
        if listening.is_none() {
            // This page's listener replaces an earlier page's, which is dropped.
            LISTENER.set(Some(Closure::new(on_answer.clone())));
            WORKER.with_borrow(|worker| {
                if let Some(worker) = worker {
                    listen_on(worker);
                }
            });
            live.set(true);
            // Sent here by `/` before the app had started: the field, once it shows.
            if location.hash.get_untracked() == format!("#{INPUT_ID}") {
                request_animation_frame(|| {
                    if let Some(field) = document().get_element_by_id(INPUT_ID) {
                        _ = field.unchecked_into::<web_sys::HtmlElement>().focus();
                    }
                });
            }
        }
        let q = query_of(&location.search.get());
        if q != query.get_untracked() {
            from_address(q);
        }
    });
    let on_input = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let search_part = if value.is_empty() {
            String::new()
        } else {
            format!("?q={}", String::from(js_sys::encode_uri_component(&value)))
        };
        search(value);
        // Each keystroke replaces the entry: Back leaves the search, with its last query, and
        // a reload or a shared link keeps it. The router reads the address again on Back.
        if let Ok(history) = window().history() {
            let url = format!("{here}{search_part}");
            _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
        }
    };
    let marks = language_marks();
    let results = move || {
        // Each answer sets the status (the same text only for the same results).
        status.track();
        RESULTS.with_borrow(|results| blocks(results, &marks))
    };
    let label = bundle.words.search_label.clone();
    view! {
        <PageHeader title=page.title.clone() lead=page.lead.clone() share=false/>
        // Not a form: results come as the reader types, and there is nothing to submit.
        <div role="search" class="search-form" hidden=move || !live.get()>
            <label for=INPUT_ID>{label}</label>
            <input id=INPUT_ID type="search" name="q" autocomplete="off" spellcheck="false"
                maxlength="200" aria-keyshortcuts="/" prop:value=query on:input=on_input/>
        </div>
        <p class="search-status" role="status" aria-live="polite">{status}</p>
        <div class="search-results">{results}</div>
        // Its last section, from the builder: every page and section.
        <PageText route=Route::Search/>
    }
}
