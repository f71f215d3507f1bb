//! Starting the app in the browser: hydrate the prerendered page in place with the data it
//! carries, or render the app on a page that has no prerendered markup.

use crate::content::{Bundle, LoadWords, ids};
use crate::routes::{BasePath, split_edition};
use crate::{App, BundleUrls, Site};
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use std::sync::Arc;
use web_sys::HtmlElement;

pub fn start() {
    // Readable panic messages while developing; release builds leave the machinery out.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    let doc = document();
    let base = BasePath::new(&meta("site-base").unwrap_or_default());
    // Every edition's full bundle (content-hashed), fetched when the reader goes to a page
    // this page's own data does not hold.
    let urls = BundleUrls(
        meta("content-bundles")
            .unwrap_or_default()
            .split_whitespace()
            .map(String::from)
            .collect(),
    );
    let Some(app) = doc.get_element_by_id(ids::APP) else {
        return;
    };
    let app: HtmlElement = app.unchecked_into();
    // The page's own share of the bundle, which the builder wrote into it: the data it was
    // prerendered from. Nothing to download before the page can be hydrated. Decoded in a
    // task of its own, and the page hydrated in the next: V8 compiles the wasm's code on
    // first use, so each task compiles only its own step.
    let data = app
        .has_attribute(ids::PRERENDERED_ATTR)
        .then(|| doc.get_element_by_id(ids::PAGE_DATA))
        .flatten()
        .and_then(|data| data.text_content());
    let next_task = |task: Box<dyn FnOnce()>| set_timeout(task, std::time::Duration::ZERO);
    next_task(Box::new(move || {
        match data.and_then(|json| Bundle::from_json(&json).ok()) {
            Some(share) => next_task(Box::new(move || go_live(app, base, urls, Arc::new(share)))),
            None => render_app(app, base, urls),
        }
    }));
}

/// The `content` of the page's `<meta name=…>`.
fn meta(name: &str) -> Option<String> {
    document()
        .query_selector(&format!("meta[name={name}]"))
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
}

/// A page without the builder's markup and data (an old or foreign shell): the app loads the
/// full bundle, with a loading state, and a message and Retry if it cannot.
fn render_app(app: HtmlElement, base: BasePath, urls: BundleUrls) {
    let bundle_url = meta("content-bundle").unwrap_or_else(|| base.join("/content.json"));
    let words: Option<LoadWords> = meta("load-words").and_then(|w| crate::content::decode(&w).ok());
    let words = words.unwrap_or_else(fallback_words);
    app.set_text_content(None);
    live(&app);
    leptos::mount::mount_to(app, move || {
        provide_context(base);
        provide_context(urls);
        view! { <App bundle_url words/> }
    })
    .forget();
}

/// Only for a page the site builder did not write (it names the words in every page).
fn fallback_words() -> LoadWords {
    let text = |s: &str| s.to_string();
    LoadWords {
        loading: text("…"),
        retry: text("↻"),
        retrying: text("…"),
        details: text("{detail}"),
        network: text("⚠"),
        http: text("⚠"),
        content: text("⚠"),
    }
}

fn go_live(app: HtmlElement, base: BasePath, urls: BundleUrls, bundle: Arc<Bundle>) {
    // A host that has one not-found page for every address (GitHub Pages) serves it in the
    // default language under another edition's path too: render that edition afresh rather
    // than hydrate markup of the wrong language.
    let path = window().location().pathname().unwrap_or_default();
    let edition = base.strip(&path).map_or(bundle.edition, |rest| {
        split_edition(rest, &bundle.edition_codes()).0
    });
    let hydrate = edition == bundle.edition;
    let site = {
        let base = base.clone();
        move || {
            provide_context(base);
            provide_context(urls);
            view! { <Site bundle/> }
        }
    };
    if hydrate {
        // In several tasks: each part made with `later` waits for a task of its own. A link
        // followed meanwhile is taken up by the router once the page is hydrated. Driven by
        // wasm-bindgen's own executor: Leptos's is set up by the hydration itself.
        wasm_bindgen_futures::spawn_local(async move {
            leptos::mount::hydrate_from_async(app.clone(), site)
                .await
                .forget();
            live(&app);
        });
    } else {
        app.set_text_content(None);
        leptos::mount::mount_to(app.clone(), site).forget();
        live(&app);
    }
}

/// Marks the page as live (styles and tests read it).
fn live(app: &HtmlElement) {
    _ = app.remove_attribute(ids::PRERENDERED_ATTR);
}
