use crate::content::{Source, ids};
use leptos::prelude::*;
use leptos_router::components::A;

pub const HEADING: &str = "Sources";

/// The list of sources a page relies on.
#[component]
pub fn Sources(sources: Vec<Source>) -> impl IntoView {
    (!sources.is_empty()).then(|| {
        let items = sources
            .into_iter()
            .map(|s| view! { <li><A href=s.url>{s.title}</A></li> })
            .collect_view();
        view! {
            <section class="sources" aria-labelledby=ids::SOURCES>
                <h2 id=ids::SOURCES>{HEADING}</h2>
                <ol>{items}</ol>
            </section>
        }
    })
}
