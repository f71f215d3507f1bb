use crate::components::{Contents, PageHeader, PageText, Sources};
use crate::content::Bundle;
use crate::routes::Route;
use leptos::prelude::*;
use std::sync::Arc;

/// `/hong-kong`: Amnesty International Hong Kong's focus on sex work in Hong Kong.
#[component]
pub fn HongKong(bundle: Arc<Bundle>) -> impl IntoView {
    let page = bundle.page_or_not_found(Route::HongKong).clone();
    view! {
        <PageHeader title=page.title.clone() lead=page.lead.clone()/>
        <Contents page=page.clone() route=Route::HongKong/>
        <PageText page=page.clone()/>
        <Sources sources=page.sources/>
    }
}
