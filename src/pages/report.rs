use crate::components::{
    Breadcrumbs, Contents, DocumentFacts, PageHeader, PageText, ReportPager, Sources,
};
use crate::routes::Route;
use crate::use_bundle;
use leptos::prelude::*;

/// `/reports/<country>/`: one country report: its facts, summary and key findings.
#[component]
pub fn Report(route: Route) -> impl IntoView {
    let bundle = use_bundle();
    let page = bundle.page_or_not_found(route);
    view! {
        <Breadcrumbs route/>
        <PageHeader title=page.title.clone() lead=page.lead.clone()/>
        {page.document.clone().map(|document| view! { <DocumentFacts document/> })}
        <Contents route/>
        <PageText route/>
        <ReportPager route/>
        <Sources sources=page.sources.clone()/>
    }
}
