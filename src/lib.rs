//! Rights of Sex Workers: Amnesty International's policy on the human rights of sex workers
//! and the research behind it, rendered client-side from one JSON content bundle.

pub mod components;
pub mod content;
pub mod load;
pub mod meta;
pub mod pages;
pub mod routes;

#[cfg(feature = "build")]
pub mod builder;
#[cfg(feature = "ssr")]
pub mod prerender;
#[cfg(feature = "csr")]
mod start;
#[cfg(feature = "csr")]
pub use start::start;

use components::{
    LoadProblem, Loading, PageShown, RouteAnnouncer, SiteFooter, SiteHeader, SkipLink,
};
use content::Bundle;
use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Router};
use leptos_router::hooks::use_location;
use leptos_router::path;
use load::{ContentState, Load};
use routes::{BasePath, Route};
use std::sync::Arc;

/// How much of the site may render yet. Taking over a prerendered page, the app renders in
/// stages, a task each, so that none blocks the main thread for long (its code compiles as it
/// first runs); without this context everything renders at once.
#[derive(Clone, Copy)]
pub struct RenderStage(pub Signal<Stage>);

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    /// The router and the page's landmarks.
    Router,
    /// Also the header and the footer.
    Frame,
    /// Also the page itself.
    Page,
}

/// Whether `stage` has been reached; a memo, so that later stages don't re-render earlier ones.
fn reached(stage: Stage) -> Memo<bool> {
    let current = use_context::<RenderStage>();
    Memo::new(move |_| current.is_none_or(|RenderStage(current)| current.get() >= stage))
}

/// The path the site is served under, provided at the root of every mount.
pub fn use_base() -> BasePath {
    use_context::<BasePath>().unwrap_or_else(BasePath::root)
}

/// The whole app: the site once the bundle is loaded, and a plain status until then.
#[component]
pub fn App(state: ContentState, base: BasePath) -> impl IntoView {
    provide_context(base);
    move || match state.load.get() {
        Load::Ready(bundle) => view! { <Site bundle/> }.into_any(),
        Load::Loading => view! { <main id="main" class="wrap"><Loading/></main> }.into_any(),
        Load::Failed(_) => {
            view! { <main id="main" class="wrap"><LoadProblem state/></main> }.into_any()
        }
    }
}

/// The site: router, header, the current page, footer. The prerender renders exactly this.
#[component]
pub fn Site(bundle: Arc<Bundle>) -> impl IntoView {
    let base = use_base();
    view! {
        <Router base=base.router_base().to_string()>
            <Layout bundle/>
        </Router>
    }
}

#[component]
fn Layout(bundle: Arc<Bundle>) -> impl IntoView {
    let location = use_location();
    let base = use_base();
    // The route table decides which page a path shows; <FlatRoutes> has one catch-all route
    // so that the table stays the one list of paths (and so the router completes
    // navigations: it updates the address bar and scrolls once the new view is ready).
    let route = Memo::new(move |_| Route::parse_with_base(&location.pathname.get(), &base));
    components::provide_announcement();
    let title_bundle = bundle.clone();
    Effect::new(move |_| document().set_title(&meta::page_title(&title_bundle, route.get())));
    let page_bundle = bundle.clone();
    let (frame_shown, page_shown) = (reached(Stage::Frame), reached(Stage::Page));
    let current = move || {
        let bundle = page_bundle.clone();
        move || {
            if !page_shown.get() {
                return None;
            }
            let route = route.get();
            Some(view! {
                {page_view(route, bundle.clone())}
                <PageShown bundle=bundle.clone() route/>
            })
        }
    };
    let fallback_bundle = bundle.clone();
    let header_bundle = bundle.clone();
    let header = move || {
        frame_shown
            .get()
            .then(|| view! { <SiteHeader bundle=header_bundle.clone()/> })
    };
    let footer = move || {
        frame_shown
            .get()
            .then(|| view! { <SiteFooter bundle=bundle.clone()/> })
    };
    view! {
        <SkipLink/>
        {header}
        <main id=content::ids::MAIN tabindex="-1">
            <div class="wrap page">
                <FlatRoutes fallback=move || page_view(Route::NotFound, fallback_bundle.clone())>
                    <leptos_router::components::Route path=path!("/*any") view=current/>
                </FlatRoutes>
            </div>
        </main>
        {footer}
        <RouteAnnouncer/>
    }
}

/// Every route maps to its page component here, exhaustively.
fn page_view(route: Route, bundle: Arc<Bundle>) -> AnyView {
    use pages::*;
    match route {
        Route::Home => view! { <Home bundle/> }.into_any(),
        Route::Policy => view! { <Policy bundle/> }.into_any(),
        Route::Reports => view! { <Reports bundle/> }.into_any(),
        Route::Report(_) => view! { <Report bundle route/> }.into_any(),
        Route::HongKong => view! { <HongKong bundle/> }.into_any(),
        Route::RelatedResearch => view! { <RelatedResearch bundle/> }.into_any(),
        Route::NotFound => view! { <NotFound bundle/> }.into_any(),
    }
}
