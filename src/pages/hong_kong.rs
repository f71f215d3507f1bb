use crate::components::{Contents, PageHeader, PageText, Sources};
use crate::routes::Route;
use crate::use_bundle;
use leptos::prelude::*;

/// `/hong-kong/`: Amnesty International Hong Kong's focus on sex work in Hong Kong.
#[component]
pub fn HongKong() -> impl IntoView {
    let bundle = use_bundle();
    let page = bundle.page_or_not_found(Route::HongKong);
    view! {
        <PageHeader title=page.title.clone() lead=page.lead.clone()/>
        <Contents route=Route::HongKong/>
        <PageText route=Route::HongKong/>
        <Sources sources=page.sources.clone()/>
    }
}
