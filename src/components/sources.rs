use crate::content::Source;
use leptos::prelude::*;
use leptos_router::components::A;

/// The list of sources a page relies on.
#[component]
pub fn Sources(sources: Vec<Source>) -> impl IntoView {
    (!sources.is_empty()).then(|| {
        let items = sources
            .into_iter()
            .map(|s| view! { <li><A href=s.url>{s.title}</A></li> })
            .collect_view();
        view! {
            <section class="sources" aria-labelledby="sources">
                <h2 id="sources">"Sources"</h2>
                <ol>{items}</ol>
            </section>
        }
    })
}
