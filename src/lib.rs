//! Rights of Sex Workers: Amnesty International's policy on the human rights of sex workers
//! and the research behind it, rendered from one JSON content bundle. Every page is
//! prerendered at build time with these components, and the browser hydrates it.

pub mod components;
pub mod content;
pub mod load;
pub mod meta;
pub mod pages;
pub mod routes;
pub mod search;
#[cfg(feature = "hydrate")]
pub mod search_worker;

#[cfg(feature = "build")]
pub mod builder;
#[cfg(feature = "ssr")]
pub mod prerender;
#[cfg(feature = "hydrate")]
mod start;
#[cfg(feature = "hydrate")]
pub use start::start;

use components::{
    EditionNote, ExitThisPage, LoadProblem, Loading, PageShown, RouteAnnouncer, SiteFooter,
    SiteHeader, SkipLink, later,
};
use content::Bundle;
#[cfg(feature = "hydrate")]
use content::LoadWords;
use leptos::context::Provider;
use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Router};
use leptos_router::hooks::use_location;
use leptos_router::path;
use load::LoadError;
use routes::{BasePath, Route, edition_base, split_edition};
use std::sync::Arc;

/// The path the site is served under, provided at the root of every mount. Below an
/// edition's [`Provider`], links are made under that edition's own base (see [`use_base`]).
pub fn use_site_base() -> BasePath {
    use_context::<BasePath>().unwrap_or_else(BasePath::root)
}

/// The base path of the edition being shown: the site's base, or e.g. `/zh-hk/` below it.
pub fn use_base() -> BasePath {
    let site = use_site_base();
    match use_context::<Arc<Bundle>>() {
        Some(bundle) => edition_base(&site, &bundle.edition_codes(), bundle.edition),
        None => site,
    }
}

/// The content bundle of the edition being shown, provided to every view below it. Views
/// borrow their page from it (`bundle.page_or_not_found(route)`) and clone only the strings
/// they show.
pub fn use_bundle() -> Arc<Bundle> {
    expect_context::<Arc<Bundle>>()
}

/// The route being shown, for pieces outside the page (the language switch).
#[derive(Clone, Copy)]
pub struct CurrentRoute(pub Memo<Route>);

/// The address of every edition's bundle, by edition, as the page names them; the app
/// fetches another edition's when the reader goes to it.
#[derive(Clone, Debug, Default)]
pub struct BundleUrls(pub Vec<String>);

/// The app on a page served without prerendered markup: a loading state, then the site, or
/// a plain message with Retry if the bundle could not be loaded. A match on the resource
/// rather than `<Transition>`: the same states, without Suspense's machinery in the wasm.
#[cfg(feature = "hydrate")]
#[component]
pub fn App(bundle_url: String, words: LoadWords) -> impl IntoView {
    let bundle = load::bundle_resource(bundle_url);
    let retry = Callback::new(move |()| bundle.refetch());
    move || match bundle.get() {
        None => {
            view! { <main id="main" class="wrap"><Loading words=words.clone()/></main> }.into_any()
        }
        Some(Ok(bundle)) => view! { <Site bundle/> }.into_any(),
        Some(Err(error)) => view! {
            <main id="main" class="wrap"><LoadProblem error words=words.clone() retry/></main>
        }
        .into_any(),
    }
}

/// The site: router, header, the current page, footer. The prerender renders exactly this,
/// and the browser hydrates it. `bundle` is the edition the page was written in.
#[component]
pub fn Site(bundle: Arc<Bundle>) -> impl IntoView {
    let base = use_site_base();
    // The layout hydrates in a task after the router's (see `later`).
    view! {
        <Router base=base.router_base().to_string()>
            {later(move || view! { <Layout first=bundle/> }.into_any())}
        </Router>
    }
}

#[component]
fn Layout(first: Arc<Bundle>) -> impl IntoView {
    let location = use_location();
    let site_base = use_site_base();
    let codes: Vec<String> = first.editions.iter().map(|e| e.code.clone()).collect();
    let first_edition = first.edition;
    // The route table decides which edition and page a path shows; <FlatRoutes> has one
    // catch-all route so that the table stays the one list of paths (and so the router
    // completes navigations: it updates the address bar and scrolls once the new view is
    // ready).
    let place = Memo::new(move |_| match site_base.strip(&location.pathname.get()) {
        Some(rest) => {
            let (edition, path) = split_edition(rest, &codes);
            (edition, Route::parse(path))
        }
        None => (first_edition, Route::NotFound),
    });
    let wanted = Memo::new(move |_| place.get().0);
    let route = Memo::new(move |_| place.get().1);
    provide_context(CurrentRoute(route));
    components::provide_announcement();

    // The editions' bundles held so far: the page's own share, then any full bundle fetched.
    let mut held = vec![None; first.editions.len()];
    held[first_edition] = Some(first);
    let editions = RwSignal::new(held);
    let failure = RwSignal::new(None::<LoadError>);
    // Whether the text of the page asked for is here (a page's share holds only its own).
    let ready = Memo::new(move |_| {
        let route = route.get();
        editions.with(|e| e[wanted.get()].as_ref().is_some_and(|b| b.holds(route)))
    });
    // The edition on screen: the one asked for once its page is here; until then the last.
    let shown = Memo::new(move |previous: Option<&usize>| {
        if ready.get() {
            wanted.get()
        } else {
            previous.copied().unwrap_or(first_edition)
        }
    });
    let bundle_of = move |edition: usize| {
        editions
            .with_untracked(|e| e[edition].clone())
            .expect("an edition on screen is held")
    };
    let fetch = load::edition_fetcher(editions, failure, wanted);
    let retry = Callback::new(move |()| fetch.run(()));
    Effect::new(move |_| {
        if !ready.get() {
            fetch.run(());
        }
    });
    // The full bundle is fetched at the first sign that the reader is heading for another
    // page (a pointer over a link to one, or a link focused), not before: a reader who
    // reads only the page they were sent never downloads it.
    Effect::new(move |_| {
        let partial = move || {
            editions.with_untracked(|e| {
                e[wanted.get_untracked()]
                    .as_ref()
                    .is_some_and(|b| b.only.is_some())
            })
        };
        let intent = move |event: leptos::ev::Event| {
            if partial() && load::leads_elsewhere(&event) {
                fetch.run(());
            }
        };
        // Kept for the app's life: dropping the handles leaves the listeners in place.
        _ = window_event_listener_untyped("pointerover", intent);
        _ = window_event_listener_untyped("focusin", intent);
    });

    let in_edition = move |chrome: fn() -> AnyView| move || view! { <Provider value=bundle_of(shown.get())>{chrome()}</Provider> };
    // The route's view is a closure, so the page follows the path: <FlatRoutes> keeps the one
    // catch-all route's view in place from path to path.
    let current = move || {
        move || {
            let route = route.get();
            let bundle = bundle_of(shown.get());
            if !ready.get() {
                let words = bundle.words.load.clone();
                return match failure.get() {
                    Some(error) => view! { <LoadProblem error words retry/> }.into_any(),
                    None => view! { <Loading words/> }.into_any(),
                };
            }
            view! {
                <Provider value=bundle>
                    {later(move || page_view(route))}
                    <PageShown route/>
                </Provider>
            }
            .into_any()
        }
    };
    view! {
        {later(move || in_edition(|| view! { <SkipLink/><ExitThisPage/><SiteHeader/><EditionNote/> }.into_any()).into_any())}
        <main id=content::ids::MAIN tabindex="-1">
            <div class="wrap page">
                <FlatRoutes fallback=|| ()>
                    <leptos_router::components::Route path=path!("/*any") view=current/>
                </FlatRoutes>
            </div>
        </main>
        {later(move || in_edition(|| view! { <SiteFooter/> }.into_any()).into_any())}
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
        Route::SafeReading => view! { <SafeReading/> }.into_any(),
        Route::Search => view! { <Search/> }.into_any(),
        Route::NotFound => view! { <NotFound/> }.into_any(),
    }
}
