use crate::components::{CardList, PageHeader, PageText, Sources};
use crate::content::{Bundle, ids};
use crate::routes::{Country, Route};
use leptos::prelude::*;
use std::sync::Arc;

/// `/reports`: the research, with a card for each country report.
#[component]
pub fn Reports(bundle: Arc<Bundle>) -> impl IntoView {
    let page = bundle.page_or_not_found(Route::Reports).clone();
    let reports: Vec<Route> = Country::ALL.into_iter().map(Route::Report).collect();
    view! {
        <PageHeader title=page.title.clone() lead=page.lead.clone()/>
        <PageText page=page.clone()>
            <section class="explore" aria-labelledby=ids::COUNTRY_REPORTS>
                <h2 id=ids::COUNTRY_REPORTS>"The country reports"</h2>
                <CardList bundle=bundle.clone() routes=reports/>
            </section>
        </PageText>
        <Sources sources=page.sources/>
    }
}
