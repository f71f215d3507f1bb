use crate::components::{Contents, PageHeader, PageText, Sources};
use crate::routes::Route;
use crate::use_page;
use leptos::prelude::*;

/// `/hong-kong/`: Amnesty International Hong Kong's focus on sex work in Hong Kong.
#[component]
pub fn HongKong() -> impl IntoView {
    let page = use_page(Route::HongKong);
    view! {
        <PageHeader title=page.title.clone() lead=page.lead.clone()/>
        <Contents page=page.clone() route=Route::HongKong/>
        <PageText page=page.clone()/>
        <Sources sources=page.sources/>
    }
}
