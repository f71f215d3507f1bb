use crate::components::{CardList, PageHeader, PageText, Sources};
use crate::content::ids;
use crate::routes::{Country, Route};
use crate::use_bundle;
use leptos::prelude::*;

/// `/reports/`: the research, with a card for each country report.
#[component]
pub fn Reports() -> impl IntoView {
    let bundle = use_bundle();
    let page = bundle.page_or_not_found(Route::Reports);
    let heading = bundle.words.country_reports.clone();
    let reports: Vec<Route> = Country::ALL.into_iter().map(Route::Report).collect();
    view! {
        <PageHeader title=page.title.clone() lead=page.lead.clone()/>
        <PageText route=Route::Reports>
            <section class="explore" aria-labelledby=ids::COUNTRY_REPORTS>
                <h2 id=ids::COUNTRY_REPORTS>{heading}</h2>
                <CardList routes=reports/>
            </section>
        </PageText>
        <Sources sources=page.sources.clone()/>
    }
}
