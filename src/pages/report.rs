use crate::components::{
    Breadcrumbs, Contents, DocumentFacts, PageHeader, PageText, ReportPager, Sources,
};
use crate::content::Bundle;
use crate::routes::Route;
use leptos::prelude::*;
use std::sync::Arc;

/// `/reports/<country>`: one country report: its facts, summary and key findings.
#[component]
pub fn Report(bundle: Arc<Bundle>, route: Route) -> impl IntoView {
    let page = bundle.page_or_not_found(route).clone();
    view! {
        <Breadcrumbs bundle=bundle.clone() route/>
        <PageHeader title=page.title.clone() lead=page.lead.clone()/>
        {page.document.clone().map(|document| view! { <DocumentFacts document/> })}
        <Contents page=page.clone() route/>
        <PageText page=page.clone()/>
        <ReportPager bundle=bundle.clone() route/>
        <Sources sources=page.sources/>
    }
}
