//! Starting the app in the browser: hydrate the prerendered page in place once its bundle
//! is here, or render the app on a page that has no prerendered markup.

use crate::components::LoadProblem;
use crate::content::{Bundle, LoadWords, ids};
use crate::load::bundle_resource;
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
    let meta = |name: &str| {
        doc.query_selector(&format!("meta[name={name}]"))
            .ok()
            .flatten()
            .and_then(|m| m.get_attribute("content"))
    };
    let base = BasePath::new(&meta("site-base").unwrap_or_default());
    // The page names its bundle (content-hashed): the data it was prerendered from; and the
    // other editions' bundles, for a reader who switches language.
    let bundle_url = meta("content-bundle").unwrap_or_else(|| base.join("/content.json"));
    let urls = BundleUrls(
        meta("content-bundles")
            .unwrap_or_default()
            .split_whitespace()
            .map(String::from)
            .collect(),
    );
    // The words for "loading" and "could not load", before any bundle is here.
    let words: Option<LoadWords> = meta("load-words").and_then(|w| serde_json::from_str(&w).ok());
    let Some(app) = doc.get_element_by_id(ids::APP) else {
        return;
    };
    let app: HtmlElement = app.unchecked_into();
    let words = words.unwrap_or_else(fallback_words);
    if app.has_attribute(ids::PRERENDERED_ATTR) {
        take_over(app, base, urls, words, bundle_url);
    } else {
        leptos::mount::mount_to(app, move || {
            provide_context(base);
            provide_context(urls);
            view! { <App bundle_url words/> }
        })
        .forget();
    }
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

/// The prerendered page stays as it is (readable, its links plain links) until the bundle is
/// here; then the same components hydrate it, adopting the nodes on screen. If loading
/// fails, a notice with a Retry button appears beside the page, in a root of its own: the
/// page's markup must stay exactly as prerendered for hydration.
fn take_over(
    app: HtmlElement,
    base: BasePath,
    urls: BundleUrls,
    words: LoadWords,
    bundle_url: String,
) {
    let Some(slot) = document()
        .create_element("div")
        .ok()
        .map(JsCast::unchecked_into::<HtmlElement>)
    else {
        return;
    };
    _ = document().body().map(|body| body.append_child(&slot));
    leptos::mount::mount_to(slot, move || {
        let bundle = bundle_resource(bundle_url);
        Effect::new(move |hydrated: Option<bool>| {
            if hydrated == Some(true) {
                return true;
            }
            let Some(Ok(loaded)) = bundle.get() else {
                return false;
            };
            let (app, base, urls) = (app.clone(), base.clone(), urls.clone());
            // In a task of its own, apart from decoding the bundle, and outside this root's
            // reactive owner: the hydrated page is a root of its own.
            set_timeout(
                move || go_live(app, base, urls, loaded),
                std::time::Duration::ZERO,
            );
            true
        });
        let retry = Callback::new(move |()| bundle.refetch());
        move || match bundle.get() {
            Some(Err(error)) => Some(view! {
                <div class="load-notice"><LoadProblem error words=words.clone() retry/></div>
            }),
            _ => None,
        }
    })
    .forget();
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
        // followed meanwhile is taken up by the router once the page is hydrated.
        leptos::task::spawn_local(async move {
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
