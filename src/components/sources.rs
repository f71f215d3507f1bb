use crate::components::{language_marks, marked_with};
use crate::content::{Source, ids};
use crate::use_bundle;
use leptos::prelude::*;
use leptos_router::components::A;

/// The list of sources a page relies on.
#[component]
pub fn Sources(sources: Vec<Source>) -> impl IntoView {
    (!sources.is_empty()).then(|| {
        let heading = use_bundle().words.sources.clone();
        let marks = language_marks();
        let items = sources
            .into_iter()
            .map(|s| {
                let title = marked_with(&s.title, &marks);
                view! { <li><A href=s.url>{title}</A></li> }
            })
            .collect_view();
        view! {
            <section class="sources" aria-labelledby=ids::SOURCES>
                <h2 id=ids::SOURCES>{heading}</h2>
                <ol>{items}</ol>
            </section>
        }
    })
}
