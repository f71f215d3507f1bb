//! Starting the app in the browser: hydrate the prerendered page in place once its bundle
//! is here, or render the app on a page that has no prerendered markup.

use crate::components::LoadProblem;
use crate::content::ids;
use crate::load::bundle_resource;
use crate::routes::BasePath;
use crate::{App, Site};
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
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
    // The page names its bundle (content-hashed): the data it was prerendered from.
    let bundle_url = meta("content-bundle").unwrap_or_else(|| base.join("/content.json"));
    let Some(app) = doc.get_element_by_id(ids::APP) else {
        return;
    };
    let app: HtmlElement = app.unchecked_into();
    if app.has_attribute(ids::PRERENDERED_ATTR) {
        take_over(app, base, bundle_url);
    } else {
        leptos::mount::mount_to(app, move || view! { <App base bundle_url/> }).forget();
    }
}

/// The prerendered page stays as it is (readable, its links plain links) until the bundle is
/// here; then the same components hydrate it, adopting the nodes on screen. If loading
/// fails, a notice with a Retry button appears beside the page, in a root of its own: the
/// page's markup must stay exactly as prerendered for hydration.
fn take_over(app: HtmlElement, base: BasePath, bundle_url: String) {
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
            let (app, base) = (app.clone(), base.clone());
            // In a task of its own, apart from decoding the bundle, and outside this root's
            // reactive owner: the hydrated page is a root of its own.
            set_timeout(
                move || {
                    leptos::mount::hydrate_from(app.clone(), move || {
                        provide_context(base);
                        view! { <Site bundle=loaded/> }
                    })
                    .forget();
                    // Marks the page as live (styles and tests read it).
                    _ = app.remove_attribute(ids::PRERENDERED_ATTR);
                },
                std::time::Duration::ZERO,
            );
            true
        });
        move || match bundle.get() {
            Some(Err(error)) => Some(view! {
                <div class="load-notice"><LoadProblem error bundle/></div>
            }),
            _ => None,
        }
    })
    .forget();
}
