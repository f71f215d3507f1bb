//! After a client-side navigation: announce the new page, move focus to its heading (or to the
//! search field the `#fragment` names), and on back/forward put the reader back where they
//! were (on link navigations the router itself scrolls to the top, or to the `#fragment`).

use crate::content::ids;
use crate::meta::page_title;
use crate::routes::Route;
use crate::use_bundle;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use std::cell::RefCell;
use std::collections::HashMap;

#[derive(Clone, Copy)]
struct Announcement(RwSignal<String>);

/// The polite live region that reads out the new page's title, and the scroll bookkeeping.
/// It shares its message with the pages (`PageShown`) through the layout's context.
#[component]
pub fn RouteAnnouncer() -> impl IntoView {
    let Announcement(message) = expect_context::<Announcement>();
    Effect::new(|_| remember_scroll_positions());
    view! {
        <p class="visually-hidden" aria-live="polite" aria-atomic="true" id=ids::ANNOUNCER>
            {message}
        </p>
    }
}

/// Called by the layout, above both the pages and the announcer.
pub fn provide_announcement() {
    provide_context(Announcement(RwSignal::new(String::new())));
}

/// Rendered with each page: its effect runs once that page is in the document.
#[component]
pub fn PageShown(route: Route) -> impl IntoView {
    let announcement = use_context::<Announcement>();
    let bundle = use_bundle();
    Effect::new(move |_| {
        // The browser's title and the document's language follow the page shown, the first
        // too (a page rendered afresh has the shell's). Set here, where each page's own effect
        // runs once it is shown, rather than by an effect on the route: that one sometimes
        // missed a quick navigation and kept the last page's title. Each is written only if it
        // differs: the hydrated page already has both, and writing `lang` on `<html>` again
        // makes the browser re-check the style of every element (measured in Lighthouse's
        // trace: 7 to 9 ms of the task that hydrates the page, at full speed).
        let title = page_title(&bundle, route);
        if document().title() != title {
            document().set_title(&title);
        }
        if let Some(html) = document().document_element()
            && html.get_attribute("lang").as_deref() != Some(&bundle.site.lang)
        {
            _ = html.set_attribute("lang", &bundle.site.lang);
        }
        let first = STATE.with_borrow_mut(|s| !std::mem::replace(&mut s.shown_once, true));
        if first {
            return;
        }
        if let Some(Announcement(message)) = announcement {
            message.set(title);
        }
        // The router swaps the page in after this effect is scheduled; act on the next frame.
        request_animation_frame(|| {
            let from_history = STATE.with_borrow_mut(|s| std::mem::take(&mut s.from_history));
            let mut fragment = None;
            if from_history {
                let y = STATE.with_borrow(|s| s.positions.get(&href()).copied());
                window().scroll_to_with_x_and_y(0.0, y.unwrap_or(0.0));
            } else {
                // The router scrolls to a `#section` as the navigation completes; a page of
                // another language arrives later, with its bundle, so it is scrolled here.
                fragment = scroll_to_fragment();
            }
            STATE.with_borrow_mut(|s| s.settled = true);
            // The search field takes the focus when the fragment names it (the `/` shortcut
            // goes there); otherwise the page's heading does.
            let field = fragment.filter(|(id, _)| id == ids::SEARCH_INPUT);
            let target = field.map(|(_, field)| field);
            focus(target.or_else(|| document().get_element_by_id(ids::PAGE_TITLE)));
        });
    });
}

#[derive(Default)]
struct NavigationState {
    /// Last scroll position per address.
    positions: HashMap<String, f64>,
    /// Set by `popstate`: the next page shown is a back/forward navigation.
    from_history: bool,
    shown_once: bool,
    /// False between leaving a page and showing the next: scrolling then comes from the page
    /// being swapped (a shorter page clamps the position) and must not be remembered.
    settled: bool,
}

thread_local! {
    static STATE: RefCell<NavigationState> = Default::default();
}

fn href() -> String {
    window().location().href().unwrap_or_default()
}

fn remember_scroll_positions() {
    if let Ok(history) = window().history() {
        // The app restores positions itself, once the page it returns to has rendered.
        _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
    STATE.with_borrow_mut(|s| s.settled = true);
    let on_scroll = window_event_listener(leptos::ev::scroll, |_| {
        let y = window().scroll_y().unwrap_or(0.0);
        STATE.with_borrow_mut(|s| {
            if s.settled {
                s.positions.insert(href(), y);
            }
        });
    });
    // Both handlers mark the next page shown as a navigation.
    let on_popstate = window_event_listener(leptos::ev::popstate, |_| {
        STATE.with_borrow_mut(|s| {
            s.from_history = true;
            s.settled = false;
            s.shown_once = true;
        });
    });
    // Capture phase: runs before the router handles the click and swaps the page.
    let on_click = leptos::wasm_bindgen::closure::Closure::<dyn Fn(web_sys::MouseEvent)>::new(
        |ev: web_sys::MouseEvent| {
            let link = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("a[href]").ok().flatten())
                .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
            let Some(link) = link else { return };
            let here = window().location();
            let leaves_page = link.origin() == here.origin().unwrap_or_default()
                && link.pathname() != here.pathname().unwrap_or_default();
            if leaves_page {
                let y = window().scroll_y().unwrap_or(0.0);
                STATE.with_borrow_mut(|s| {
                    s.positions.insert(href(), y);
                    s.settled = false;
                    s.shown_once = true;
                });
            }
        },
    );
    _ = window().add_event_listener_with_callback_and_bool(
        "click",
        on_click.as_ref().unchecked_ref(),
        true,
    );
    // Lives as long as the page, like the app itself.
    on_click.forget();
    on_cleanup(move || {
        on_scroll.remove();
        on_popstate.remove();
    });
}

/// Scrolls to the element the `#fragment` names, if there is one, and returns its id and it.
fn scroll_to_fragment() -> Option<(String, web_sys::Element)> {
    let hash = window().location().hash().unwrap_or_default();
    let id = hash.trim_start_matches('#');
    let target = (!id.is_empty())
        .then(|| document().get_element_by_id(id))
        .flatten()?;
    target.scroll_into_view();
    Some((id.to_string(), target))
}

fn focus(element: Option<web_sys::Element>) {
    if let Some(element) = element {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        _ = element
            .unchecked_into::<web_sys::HtmlElement>()
            .focus_with_options(&options);
    }
}
