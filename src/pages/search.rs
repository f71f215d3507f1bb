use crate::components::{PageHeader, PageText, language_marks, marked_with};
use crate::content::{Part, fill, ids, template_parts};
use crate::routes::Route;
use crate::search::{Hit, Index};
use crate::{use_base, use_bundle};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_navigate};
use std::cell::{Cell, RefCell};

use ids::SEARCH_INPUT as INPUT_ID;

thread_local! {
    /// Set by the `/` shortcut on another page: focus the field once this page is shown.
    static FOCUS_ON_ARRIVAL: Cell<bool> = const { Cell::new(false) };
}

/// Asks the search page to focus its field when it is next shown.
pub fn focus_on_arrival() {
    FOCUS_ON_ARRIVAL.set(true);
}

thread_local! {
    /// The index of the edition last searched, and the latest results: plain values, so
    /// the page needs no reactive types of its own beyond a string and a trigger.
    static INDEX: RefCell<Option<(usize, Index)>> = const { RefCell::new(None) };
    static HITS: RefCell<Option<Vec<Hit>>> = const { RefCell::new(None) };
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

/// `/search/`: results as the reader types, from the bundle the app holds (no request).
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
    // The address's query, once the page is live: the prerendered page has none, and
    // hydration must adopt it as it is.
    let location = use_location();
    Effect::new(move |_| {
        let q = query_of(&location.search.get());
        if q != query.get_untracked() {
            query.set(q);
        }
    });
    Effect::new(move |_| {
        if FOCUS_ON_ARRIVAL.replace(false) {
            // A frame later than the move of focus to the new page's heading.
            request_animation_frame(|| {
                request_animation_frame(|| {
                    if let Some(input) = document().get_element_by_id(INPUT_ID) {
                        use leptos::wasm_bindgen::JsCast;
                        _ = input.unchecked_into::<web_sys::HtmlElement>().focus();
                    }
                })
            });
        }
    });
    // Each query is searched once; the status line and the results read the outcome.
    let words = bundle.words.clone();
    let searched = bundle.clone();
    Effect::new(move |_| {
        let q = query.get();
        let hits = (!q.trim().is_empty()).then(|| {
            INDEX.with_borrow_mut(|index| {
                if index.as_ref().is_none_or(|(e, _)| *e != searched.edition) {
                    *index = Some((searched.edition, Index::new(&searched)));
                }
                index
                    .as_ref()
                    .map(|(_, i)| i.search(&q))
                    .unwrap_or_default()
            })
        });
        // The suggestions follow on the page; the announcement ends with the first sentence
        // (of the template, so a full stop in the query does not cut it).
        let text = hits.as_ref().map_or(String::new(), |hits| {
            let template = match hits.len() {
                0 => &words.search_none,
                1 => &words.search_result,
                _ => &words.search_results,
            };
            let sentence = template
                .split_inclusive(['.', '。'])
                .next()
                .unwrap_or_default();
            fill(
                sentence,
                &[("count", &hits.len().to_string()), ("query", &q)],
            )
        });
        HITS.set(hits);
        status.set(text);
        shown.notify();
    });
    let navigate = use_navigate();
    let address = here.clone();
    let on_input = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        query.set(value.clone());
        let search = if value.is_empty() {
            String::new()
        } else {
            format!("?q={}", String::from(js_sys::encode_uri_component(&value)))
        };
        // Each keystroke replaces the entry: Back leaves the search, with its last query.
        navigate(
            &format!("{address}{search}"),
            // The address already holds the base path.
            NavigateOptions {
                replace: true,
                scroll: false,
                resolve: false,
                ..Default::default()
            },
        );
    };
    let results = move || {
        shown.track();
        match HITS.with_borrow(Clone::clone) {
            None => view! { <EveryPage/> }.into_any(),
            Some(hits) if hits.is_empty() => {
                view! { <NoResults query=query.get_untracked()/> }.into_any()
            }
            Some(hits) => view! { <Results hits/> }.into_any(),
        }
    };
    let label = bundle.words.search_label.clone();
    view! {
        <PageHeader title=page.title.clone() lead=page.lead.clone() share=false/>
        <form role="search" class="search-form" action=here method="get"
            on:submit=|ev: leptos::ev::SubmitEvent| ev.prevent_default()>
            <label for=INPUT_ID>{label}</label>
            <input id=INPUT_ID type="search" name="q" autocomplete="off" spellcheck="false"
                maxlength="200" aria-keyshortcuts="/" prop:value=query on:input=on_input/>
        </form>
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

/// Nothing found: say so, and offer every page.
#[component]
fn NoResults(query: String) -> impl IntoView {
    let bundle = use_bundle();
    let base = use_base();
    let message: Vec<AnyView> = template_parts(&bundle.words.search_none)
        .into_iter()
        .map(|part| match part {
            Part::Text(text) => text.to_string().into_any(),
            Part::Slot(_) => view! { <q>{query.clone()}</q> }.into_any(),
        })
        .collect();
    let marks = language_marks();
    let pages = Route::ALL
        .into_iter()
        .filter(|r| *r != Route::Search)
        .map(|route| {
            let title = marked_with(&bundle.page_or_not_found(route).title, &marks);
            view! { <li><A href=route.href(&base)>{title}</A></li> }
        })
        .collect_view();
    view! {
        <p class="search-none">{message}</p>
        <ul class="search-suggestions">{pages}</ul>
    }
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
