//! Starting the app in the browser, and taking over a prerendered page without a flash.

use crate::content::ids;
use crate::load::{ContentState, Load, fetch_content, next_task};
use crate::routes::BasePath;
use crate::{App, RenderStage, Site, Stage};
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use web_sys::{Element, HtmlElement};

pub fn start() {
    console_error_panic_hook::set_once();
    let doc = document();
    let meta = |name: &str| {
        doc.query_selector(&format!("meta[name={name}]"))
            .ok()
            .flatten()
            .and_then(|m| m.get_attribute("content"))
    };
    let base = BasePath::new(&meta("site-base").unwrap_or_default());
    // The page names its bundle (content-hashed), so HTML and bundle always match.
    let bundle_url = meta("content-bundle").unwrap_or_else(|| base.join("/content.json"));
    let Some(app) = doc.get_element_by_id(ids::APP) else {
        return;
    };
    if app.has_attribute(ids::PRERENDERED_ATTR) {
        // The page is already readable: setting up the app can wait a task, which keeps each
        // of the app's first tasks short (its code compiles as it first runs).
        wasm_bindgen_futures::spawn_local(async move {
            next_task().await;
            take_over(app, base, bundle_url);
        });
    } else {
        let app: HtmlElement = app.unchecked_into();
        leptos::mount::mount_to(app, move || {
            let state = fetch_content(bundle_url);
            view! { <App state base/> }
        })
        .forget();
    }
}

/// The prerendered page stays as it is (readable, its links working as plain links) until
/// the bundle is here; from the router's stage on, the router handles its links. The app
/// renders into a detached node and replaces the page only once it holds the same content, so
/// no frame without content is ever painted. If loading fails, a notice with a Retry button
/// appears over the page instead. The frame and the page render in separate tasks (see
/// `RenderStage`), and so does the swap.
fn take_over(prerendered: Element, base: BasePath, bundle_url: String) {
    let Ok(fresh) = document().create_element("div") else {
        return;
    };
    fresh.set_id(ids::APP);
    let detached = fresh.clone();
    leptos::mount::mount_to(fresh.unchecked_into(), move || {
        provide_context(base);
        let stage = RwSignal::new(Stage::Router);
        provide_context(RenderStage(stage.into()));
        let state = fetch_content(bundle_url);
        let swapped = Rc::new(Cell::new(false));
        let notice: Rc<RefCell<Option<Element>>> = Rc::default();
        Effect::new(move |_| match state.load.get() {
            Load::Ready(_) if !swapped.replace(true) => {
                // A retry worked: its notice (and button) goes now, not with the old page.
                if let Some(slot) = notice.take() {
                    slot.remove();
                }
                // This flush renders the router into the detached node; the rest follows.
                let (old, new) = (prerendered.clone(), detached.clone());
                leptos::task::spawn_local(async move {
                    for later in [Stage::Frame, Stage::Page] {
                        next_task().await;
                        stage.set(later);
                    }
                    // The swap paints in the frame after this task: never a frame without
                    // the page.
                    next_task().await;
                    _ = old.replace_with_with_node_1(&new);
                });
            }
            Load::Failed(_) if notice.borrow().is_none() => {
                *notice.borrow_mut() = show_notice(&prerendered, state);
            }
            _ => {}
        });
        move || match state.load.get() {
            Load::Ready(bundle) => Some(view! { <Site bundle/> }),
            _ => None,
        }
    })
    .forget();
}

fn show_notice(prerendered: &Element, state: ContentState) -> Option<Element> {
    let slot = document().create_element("div").ok()?;
    slot.set_class_name("load-notice");
    _ = prerendered.append_child(&slot);
    leptos::mount::mount_to(slot.clone().unchecked_into(), move || {
        view! { <crate::components::LoadProblem state/> }
    })
    .forget();
    Some(slot)
}
