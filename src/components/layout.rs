use crate::components::ShareButton;
use crate::content::ids;
use crate::routes::Route;
use crate::{use_base, use_bundle};
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos_router::components::A;

/// The first focusable element: lets keyboard and screen-reader users past the navigation.
/// An in-page anchor, not a route link; the router would treat a click on it as a
/// navigation and leave focus behind, so the click moves focus itself.
#[component]
pub fn SkipLink() -> impl IntoView {
    let skip = |ev: leptos::ev::MouseEvent| {
        if let Some(main) = document().get_element_by_id(ids::MAIN) {
            ev.prevent_default();
            let main: web_sys::HtmlElement = main.unchecked_into();
            _ = main.focus();
            main.scroll_into_view();
        }
    };
    view! { <a class="skip-link" href="#main" on:click=skip>"Skip to main content"</a> }
}

#[component]
pub fn SiteHeader() -> impl IntoView {
    let base = use_base();
    let bundle = use_bundle();
    let items = Route::NAV
        .into_iter()
        .map(|route| {
            let label = bundle.page_or_not_found(route).nav_title.clone();
            // Home is current only on itself; the others also on the pages below them.
            let exact = route == Route::Home;
            view! { <li><A href=route.href(&base) exact>{label}</A></li> }
        })
        .collect_view();
    view! {
        <header class="site-header">
            <div class="wrap site-header-inner">
                <p class="site-name">
                    <A href=Route::Home.href(&base) exact=true>{bundle.site.name.clone()}</A>
                </p>
                <nav class="site-nav" aria-label="Main">
                    <ul>{items}</ul>
                </nav>
            </div>
        </header>
    }
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    let site = use_bundle().site.clone();
    view! {
        <footer class="site-footer">
            <div class="wrap">
                <p>{site.attribution}</p>
                <p>
                    "Amnesty International’s documents are published under "
                    <A href=site.licence_url>{site.licence}</A>
                    " where they say so."
                </p>
                <p>
                    "This site’s own text: "
                    <A href=site.text_licence_url>{site.text_licence}</A>
                </p>
                <p>
                    "Original page: "
                    <A href=site.original_url>{site.original_title}</A>
                    " ("
                    <A href=site.original_archive_url>"archived copy"</A>
                    ")"
                </p>
            </div>
        </footer>
    }
}

/// The page's title (the one `h1`), its opening paragraph and the share button.
#[component]
pub fn PageHeader(
    title: String,
    lead: Option<String>,
    /// The not-found page has nothing worth sharing.
    #[prop(default = true)]
    share: bool,
) -> impl IntoView {
    view! {
        <header class="page-header">
            <h1 id=ids::PAGE_TITLE tabindex="-1">{title.clone()}</h1>
            {lead.map(|lead| view! { <p class="lead">{lead}</p> })}
            {share.then(|| view! { <ShareButton title/> })}
        </header>
    }
}
