use crate::components::{
    Breadcrumbs, Contents, DocumentFacts, PageHeader, PageText, ReportPager, Sources,
};
use crate::routes::Route;
use crate::use_page;
use leptos::prelude::*;

/// `/reports/<country>/`: one country report: its facts, summary and key findings.
#[component]
pub fn Report(route: Route) -> impl IntoView {
    let page = use_page(route);
    view! {
        <Breadcrumbs route/>
        <PageHeader title=page.title.clone() lead=page.lead.clone()/>
        {page.document.clone().map(|document| view! { <DocumentFacts document/> })}
        <Contents page=page.clone() route/>
        <PageText page=page.clone()/>
        <ReportPager route/>
        <Sources sources=page.sources/>
    }
}
