use crate::components::{PageHeader, PageText};
use crate::content::Bundle;
use crate::routes::Route;
use leptos::prelude::*;
use std::sync::Arc;

/// Any path outside the URL contract: say so plainly and offer a way back.
#[component]
pub fn NotFound(bundle: Arc<Bundle>) -> impl IntoView {
    let page = bundle.page_or_not_found(Route::NotFound).clone();
    view! {
        <PageHeader title=page.title.clone() lead=page.lead.clone() share=false/>
        <PageText page/>
    }
}
