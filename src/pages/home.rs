use crate::components::{CardList, PageHeader, PageText, Sources};
use crate::content::{Bundle, ids};
use crate::routes::{Country, Route};
use leptos::prelude::*;
use std::sync::Arc;

/// `/`: what this is, and a path to every view.
#[component]
pub fn Home(bundle: Arc<Bundle>) -> impl IntoView {
    let page = bundle.page_or_not_found(Route::Home).clone();
    let reports: Vec<Route> = Country::ALL.into_iter().map(Route::Report).collect();
    view! {
        <PageHeader title=page.title.clone() lead=page.lead.clone()/>
        <PageText page=page.clone()>
            <section class="explore" aria-labelledby=ids::EXPLORE>
                <h2 id=ids::EXPLORE>"Read the material"</h2>
                <CardList bundle=bundle.clone() routes=vec![Route::Policy, Route::Reports]/>
                <h3>"The four country reports"</h3>
                <CardList bundle=bundle.clone() routes=reports/>
                <h3>"More"</h3>
                <CardList bundle=bundle.clone() routes=vec![Route::HongKong, Route::RelatedResearch]/>
            </section>
        </PageText>
        <Sources sources=page.sources/>
    }
}
