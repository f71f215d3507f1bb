//! Renders a route to HTML natively (feature `ssr`) with the same components the browser runs.

use crate::Site;
use crate::content::Bundle;
use crate::routes::{BasePath, Route};
use leptos::prelude::*;
use leptos_router::location::RequestUrl;
use std::sync::Arc;

/// The body markup of one route, as the app would render it in the browser.
pub fn render_route(bundle: Arc<Bundle>, route: Route, base: &BasePath) -> String {
    let owner = Owner::new();
    let html = owner.with(|| {
        provide_context(RequestUrl::new(&base.join(route.path())));
        provide_context(base.clone());
        view! { <Site bundle/> }.to_html()
    });
    drop(owner);
    html
}
