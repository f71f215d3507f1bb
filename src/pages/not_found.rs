use crate::components::{PageHeader, PageText};
use crate::routes::Route;
use crate::use_page;
use leptos::prelude::*;

/// Any path outside the URL contract: say so plainly and offer a way back.
#[component]
pub fn NotFound() -> impl IntoView {
    let page = use_page(Route::NotFound);
    view! {
        <PageHeader title=page.title.clone() lead=page.lead.clone() share=false/>
        <PageText page/>
    }
}
