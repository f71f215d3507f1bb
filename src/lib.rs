//! Rights of Sex Workers: Amnesty International's policy on the human rights of sex workers
//! and the research behind it, rendered from one JSON content bundle. Every page is
//! prerendered at build time with these components, and the browser hydrates it.

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
#[cfg(feature = "hydrate")]
mod start;
#[cfg(feature = "hydrate")]
pub use start::start;

#[cfg(feature = "hydrate")]
use components::{LoadProblem, Loading};
use components::{PageShown, RouteAnnouncer, SiteFooter, SiteHeader, SkipLink};
use content::Bundle;
use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Router};
use leptos_router::hooks::use_location;
use leptos_router::path;
use routes::{BasePath, Route};
use std::sync::Arc;

/// The path the site is served under, provided at the root of every mount.
pub fn use_base() -> BasePath {
    use_context::<BasePath>().unwrap_or_else(BasePath::root)
}

/// The content bundle, provided by [`Site`] to every view below it. Views borrow their
/// page from it (`bundle.page_or_not_found(route)`) and clone only the strings they show.
pub fn use_bundle() -> Arc<Bundle> {
    expect_context::<Arc<Bundle>>()
}

/// The app on a page served without prerendered markup: a loading state, then the site, or
/// a plain message with Retry if the bundle could not be loaded. A match on the resource
/// rather than `<Transition>`: the same states, without Suspense's machinery in the wasm.
#[cfg(feature = "hydrate")]
#[component]
pub fn App(base: BasePath, bundle_url: String) -> impl IntoView {
    provide_context(base);
    let bundle = load::bundle_resource(bundle_url);
    move || match bundle.get() {
        None => view! { <main id="main" class="wrap"><Loading/></main> }.into_any(),
        Some(Ok(bundle)) => view! { <Site bundle/> }.into_any(),
        Some(Err(error)) => {
            view! { <main id="main" class="wrap"><LoadProblem error bundle/></main> }.into_any()
        }
    }
}

/// The site: router, header, the current page, footer. The prerender renders exactly this,
/// and the browser hydrates it.
#[component]
pub fn Site(bundle: Arc<Bundle>) -> impl IntoView {
    provide_context(bundle);
    let base = use_base();
    view! {
        <Router base=base.router_base().to_string()>
            <Layout/>
        </Router>
    }
}

#[component]
fn Layout() -> impl IntoView {
    let location = use_location();
    let base = use_base();
    // The route table decides which page a path shows; <FlatRoutes> has one catch-all route
    // so that the table stays the one list of paths (and so the router completes
    // navigations: it updates the address bar and scrolls once the new view is ready).
    let route = Memo::new(move |_| Route::parse_with_base(&location.pathname.get(), &base));
    components::provide_announcement();
    let bundle = use_bundle();
    Effect::new(move |_| document().set_title(&meta::page_title(&bundle, route.get())));
    // The route's view is a closure, so the page follows the path: <FlatRoutes> keeps the one
    // catch-all route's view in place from path to path.
    let current = move || {
        move || {
            let route = route.get();
            view! {
                {page_view(route)}
                <PageShown route/>
            }
        }
    };
    view! {
        <SkipLink/>
        <SiteHeader/>
        <main id=content::ids::MAIN tabindex="-1">
            <div class="wrap page">
                <FlatRoutes fallback=|| page_view(Route::NotFound)>
                    <leptos_router::components::Route path=path!("/*any") view=current/>
                </FlatRoutes>
            </div>
        </main>
        <SiteFooter/>
        <RouteAnnouncer/>
    }
}

/// Every route maps to its page component here, exhaustively.
fn page_view(route: Route) -> AnyView {
    use pages::*;
    match route {
        Route::Home => view! { <Home/> }.into_any(),
        Route::Policy => view! { <Policy/> }.into_any(),
        Route::Reports => view! { <Reports/> }.into_any(),
        Route::Report(_) => view! { <Report route/> }.into_any(),
        Route::HongKong => view! { <HongKong/> }.into_any(),
        Route::RelatedResearch => view! { <RelatedResearch/> }.into_any(),
        Route::NotFound => view! { <NotFound/> }.into_any(),
    }
}
