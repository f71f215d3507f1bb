use crate::components::marked;
use crate::routes::Route;
use crate::{use_base, use_bundle};
use leptos::prelude::*;
use leptos_router::components::A;

/// A link to another view, with its description: how readers find their way from a list.
#[component]
pub fn Card(route: Route) -> impl IntoView {
    let bundle = use_bundle();
    let page = bundle.page_or_not_found(route);
    let (label, title, description) = (
        page.country.clone(),
        page.title.clone(),
        page.description.clone(),
    );
    let href = route.href(&use_base());
    view! {
        <li class="card">
            {label.map(|l| view! { <p class="card-label">{l}</p> })}
            <h3><A href=href>{marked(&title)}</A></h3>
            <p>{marked(&description)}</p>
        </li>
    }
}

#[component]
pub fn CardList(routes: Vec<Route>) -> impl IntoView {
    let cards = routes
        .into_iter()
        .map(|route| view! { <Card route/> })
        .collect_view();
    view! { <ul class="cards">{cards}</ul> }
}
