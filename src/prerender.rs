//! Renders a route to HTML natively (feature `ssr`) with the same components the browser runs.

use crate::Site;
use crate::content::Bundle;
use crate::routes::{BasePath, Route, edition_base};
use leptos::prelude::*;
use leptos_router::location::RequestUrl;
use std::sync::Arc;

/// The body markup of one route of the bundle's edition, as the app would render it in the
/// browser. `base` is the site's.
pub fn render_route(bundle: Arc<Bundle>, route: Route, base: &BasePath) -> String {
    let edition = edition_base(base, &bundle.edition_codes(), bundle.edition);
    let owner = Owner::new();
    let html = owner.with(|| {
        provide_context(RequestUrl::new(&edition.join(route.path())));
        provide_context(base.clone());
        view! { <Site bundle/> }.to_html()
    });
    drop(owner);
    html
}
