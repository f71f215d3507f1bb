use crate::components::{Contents, DocumentFacts, PageHeader, PageText, Sources};
use crate::routes::Route;
use crate::use_bundle;
use leptos::prelude::*;

/// `/policy/`: the policy, its three levels of intervention and the document's facts.
#[component]
pub fn Policy() -> impl IntoView {
    let bundle = use_bundle();
    let page = bundle.page_or_not_found(Route::Policy);
    view! {
        <PageHeader title=page.title.clone() lead=page.lead.clone()/>
        {page.document.clone().map(|document| view! { <DocumentFacts document/> })}
        <Contents route=Route::Policy/>
        <PageText route=Route::Policy/>
        <Sources sources=page.sources.clone()/>
    }
}
