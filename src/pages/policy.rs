use crate::components::{Contents, DocumentFacts, PageHeader, PageText, Sources};
use crate::content::Bundle;
use crate::routes::Route;
use leptos::prelude::*;
use std::sync::Arc;

/// `/policy`: the policy, its three levels of state obligation and the document's facts.
#[component]
pub fn Policy(bundle: Arc<Bundle>) -> impl IntoView {
    let page = bundle.page_or_not_found(Route::Policy).clone();
    view! {
        <PageHeader title=page.title.clone() lead=page.lead.clone()/>
        {page.document.clone().map(|document| view! { <DocumentFacts document/> })}
        <Contents page=page.clone() route=Route::Policy/>
        <PageText page=page.clone()/>
        <Sources sources=page.sources/>
    }
}
