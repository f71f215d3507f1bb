use crate::components::{PageHeader, PageText, language_marks, marked_with};
use crate::content::{Part, fill, ids, template_parts};
use crate::routes::Route;
use crate::search::{Answer, Hit, READY};
use crate::{BundleUrls, use_base, use_bundle};
use leptos::prelude::*;
use leptos::wasm_bindgen::prelude::Closure;
use leptos::wasm_bindgen::{JsCast, JsValue};
use leptos_router::components::A;
use leptos_router::hooks::use_location;
use std::cell::RefCell;
use web_sys::{MessageEvent, Worker};

use ids::SEARCH_INPUT as INPUT_ID;

/// What the page does with the worker's answers.
type Listener = Closure<dyn FnMut(MessageEvent)>;

thread_local! {
    /// The search worker, started at the first query (readers who never search never
    /// download it), and the latest results: plain values, so the page needs no reactive
    /// types of its own beyond a string and a trigger.
    static WORKER: RefCell<Option<Worker>> = const { RefCell::new(None) };
    static LISTENER: RefCell<Option<Listener>> = const { RefCell::new(None) };
    static HITS: RefCell<Option<Vec<Hit>>> = const { RefCell::new(None) };
    /// The latest request, until the worker says it is listening; then `None` for good.
    static PENDING: RefCell<Option<Option<js_sys::Array>>> = const { RefCell::new(Some(None)) };
}

/// Posts a query to the search worker, `[bundle address, query]`, starting the worker first
/// if need be. Its address is in the page (`meta[name=search-worker]`, from the site builder).
fn ask(bundle: &str, query: &str) {
    WORKER.with_borrow_mut(|worker| {
        if worker.is_none() {
            let url = document()
                .query_selector("meta[name=search-worker]")
                .ok()
                .flatten()
                .and_then(|m| m.get_attribute("content"));
            *worker = url.and_then(|url| Worker::new(&url).ok());
        }
        let listener = LISTENER.with_borrow(|l| l.as_ref().map(|l| l.as_ref().clone()));
        if let Some(worker) = worker.as_ref() {
            worker.set_onmessage(listener.as_ref().map(|l| l.unchecked_ref()));
            let request = js_sys::Array::of2(&bundle.into(), &query.into());
            // Kept until the worker is listening; posted at once after that.
            let waiting =
                PENDING.with_borrow_mut(|p| p.as_mut().map(|p| p.replace(request.clone())));
            if waiting.is_none() {
                _ = worker.post_message(&request);
            }
        }
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
    let shown = Trigger::new();
    // Each answer is shown once; answers to a query already replaced are dropped. The status
    // line and the results read the outcome. The announcement ends with the template's first
    // sentence (so a full stop in the query does not cut it); the suggestions follow on the
    // page.
    let templates = [
        bundle.words.search_none.clone(),
        bundle.words.search_result.clone(),
        bundle.words.search_results.clone(),
    ];
    let problem = bundle.words.load.network.clone();
    let on_answer = move |ev: MessageEvent| {
        let answer = ev.data().as_string();
        if answer.as_deref() == Some(READY) {
            let pending = PENDING.take().flatten();
            let worker = WORKER.with_borrow(Clone::clone);
            if let (Some(request), Some(worker)) = (pending, worker) {
                _ = worker.post_message(&request);
            }
            return;
        }
        let answer = answer.and_then(|a| serde_json::from_str::<Vec<String>>(&a).ok());
        let Some(answer) = answer.and_then(Answer::from_strings) else {
            return;
        };
        // An answer that arrives after the page has gone finds its signals disposed.
        if query.try_get_untracked().as_ref() != Some(&answer.query) {
            return;
        }
        if answer.failed {
            status.set(problem.clone());
            return;
        }
        let count = answer.hits.len();
        let sentence = templates[count.min(2)]
            .split_inclusive(['.', '。'])
            .next()
            .unwrap_or_default();
        status.set(fill(
            sentence,
            &[("count", &count.to_string()), ("query", &answer.query)],
        ));
        HITS.set(Some(answer.hits));
        shown.notify();
    };
    let urls = use_context::<BundleUrls>().unwrap_or_default();
    let bundle_url = urls.0.get(bundle.edition).cloned().unwrap_or_default();
    // Shows nothing for an empty query; asks the worker otherwise.
    let search = move |q: String| {
        query.set(q.clone());
        if q.trim().is_empty() {
            HITS.set(None);
            status.set(String::new());
            shown.notify();
        } else {
            ask(&bundle_url, &q);
        }
    };
    // The address's query, once the page is live (the prerendered page has none, and
    // hydration must adopt it as it is), and again on Back. In the browser only: the
    // prerender has no worker to talk to.
    let location = use_location();
    let from_address = search.clone();
    Effect::new(move |listening: Option<()>| {
        if listening.is_none() {
            LISTENER.set(Some(Closure::new(on_answer.clone())));
        }
        let q = query_of(&location.search.get());
        if q != query.get_untracked() {
            from_address(q);
        }
    });
    let address = here.clone();
    let on_input = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let search_part = if value.is_empty() {
            String::new()
        } else {
            format!("?q={}", String::from(js_sys::encode_uri_component(&value)))
        };
        // Each keystroke replaces the entry: Back leaves the search, with its last query, and
        // a reload or a shared link keeps it. The router reads the address again on Back.
        if let Ok(history) = window().history() {
            let url = format!("{address}{search_part}");
            _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
        }
        search(value);
    };
    let results = move || {
        shown.track();
        match HITS.with_borrow(Clone::clone) {
            None => view! { <EveryPage/> }.into_any(),
            Some(hits) if hits.is_empty() => view! {
                <NoResults query=query.get_untracked()/>
                <EveryPage/>
            }
            .into_any(),
            Some(hits) => view! { <Results hits/> }.into_any(),
        }
    };
    let label = bundle.words.search_label.clone();
    view! {
        <PageHeader title=page.title.clone() lead=page.lead.clone() share=false/>
        // Not a form: results come as the reader types, and there is nothing to submit.
        <div role="search" class="search-form">
            <label for=INPUT_ID>{label}</label>
            <input id=INPUT_ID type="search" name="q" autocomplete="off" spellcheck="false"
                maxlength="200" aria-keyshortcuts="/" prop:value=query on:input=on_input/>
        </div>
        <p class="search-status" role="status" aria-live="polite">{status}</p>
        <PageText route=Route::Search/>
        <div class="search-results">{results}</div>
    }
}

/// The results, best first: page and section, and the words around the match.
#[component]
fn Results(hits: Vec<Hit>) -> impl IntoView {
    let base = use_base();
    let marks = language_marks();
    let items =
        hits.into_iter()
            .map(|hit| {
                let href = hit.href(&base);
                let page = marked_with(&hit.page_title, &marks);
                let heading = hit.heading.as_deref().map(
                    |h| view! { <span class="search-heading">{marked_with(h, &marks)}</span> },
                );
                let excerpt = hit
                    .excerpt
                    .into_iter()
                    .map(|(text, matched)| {
                        if matched {
                            view! { <mark>{text}</mark> }.into_any()
                        } else {
                            text.into_any()
                        }
                    })
                    .collect_view();
                view! {
                    <li>
                        <A href=href>
                            <span class="search-page">{page}</span>
                            {heading}
                        </A>
                        <p class="search-excerpt">{excerpt}</p>
                    </li>
                }
            })
            .collect_view();
    view! { <ol class="search-hits">{items}</ol> }
}

/// Nothing found: say so (every page follows).
#[component]
fn NoResults(query: String) -> impl IntoView {
    let bundle = use_bundle();
    let message: Vec<AnyView> = template_parts(&bundle.words.search_none)
        .into_iter()
        .map(|part| match part {
            Part::Text(text) => text.to_string().into_any(),
            Part::Slot(_) => view! { <q>{query.clone()}</q> }.into_any(),
        })
        .collect();
    view! { <p class="search-none">{message}</p> }
}

/// Every page and its sections, as links: what the page shows before a query, and all it
/// shows without the app.
#[component]
fn EveryPage() -> impl IntoView {
    let bundle = use_bundle();
    let base = use_base();
    let marks = language_marks();
    let pages = Route::ALL
        .into_iter()
        .filter(|r| *r != Route::Search)
        .map(|route| {
            let page = bundle.page_or_not_found(route);
            let href = route.href(&base);
            let title = marked_with(&page.title, &marks);
            let sections = page
                .contents()
                .map(|(id, heading)| {
                    let heading = marked_with(heading, &marks);
                    view! { <li><A href=format!("{href}#{id}")>{heading}</A></li> }
                })
                .collect_view();
            view! {
                <li>
                    <A href=href.clone()>{title}</A>
                    <ul>{sections}</ul>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="search-index" aria-labelledby=ids::SEARCH_INDEX>
            <h2 id=ids::SEARCH_INDEX>{bundle.words.search_index.clone()}</h2>
            <ul>{pages}</ul>
        </section>
    }
}
