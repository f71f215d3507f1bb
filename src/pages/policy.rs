use crate::components::{Contents, DocumentFacts, PageHeader, PageText, Sources};
use crate::routes::Route;
use crate::use_page;
use leptos::prelude::*;

/// `/policy/`: the policy, its three levels of intervention and the document's facts.
#[component]
pub fn Policy() -> impl IntoView {
    let page = use_page(Route::Policy);
    view! {
        <PageHeader title=page.title.clone() lead=page.lead.clone()/>
        {page.document.clone().map(|document| view! { <DocumentFacts document/> })}
        <Contents page=page.clone() route=Route::Policy/>
        <PageText page=page.clone()/>
        <Sources sources=page.sources/>
    }
}
