use crate::components::{CardList, PageHeader, PageText, Sources};
use crate::content::ids;
use crate::routes::Route;
use crate::use_bundle;
use leptos::prelude::*;

/// `/`: what this is, and a path to every view.
#[component]
pub fn Home() -> impl IntoView {
    let bundle = use_bundle();
    let page = bundle.page_or_not_found(Route::Home);
    let heading = bundle.words.explore.clone();
    // Every view of the material, in reading order: the policy, the research and its four
    // reports, the rest (the safe-reading page is linked from every page's top and footer,
    // search from the header).
    let routes: Vec<Route> = Route::ALL
        .into_iter()
        .filter(|r| !matches!(r, Route::Home | Route::SafeReading | Route::Search))
        .collect();
    view! {
        <PageHeader title=page.title.clone() lead=page.lead.clone()/>
        <PageText route=Route::Home>
            <section class="explore" aria-labelledby=ids::EXPLORE>
                <h2 id=ids::EXPLORE>{heading}</h2>
                <CardList routes/>
            </section>
        </PageText>
        <Sources sources=page.sources.clone()/>
    }
}
