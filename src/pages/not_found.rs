use crate::components::{PageHeader, PageText};
use crate::routes::Route;
use crate::use_bundle;
use leptos::prelude::*;

/// Any path outside the URL contract: say so plainly and offer a way back.
#[component]
pub fn NotFound() -> impl IntoView {
    let bundle = use_bundle();
    let page = bundle.page_or_not_found(Route::NotFound);
    view! {
        <PageHeader title=page.title.clone() lead=page.lead.clone() share=false/>
        <PageText route=Route::NotFound/>
    }
}
