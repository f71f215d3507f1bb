use crate::content::{Document, display_date, ids, join_list, site_of};
use leptos::prelude::*;
use leptos_router::components::A;

pub const HEADING: &str = "The document";

/// The facts of the official document: what to cite and where to read it in full.
#[component]
pub fn DocumentFacts(document: Document) -> impl IntoView {
    let languages_label = if document.languages.len() > 1 {
        "Languages"
    } else {
        "Language"
    };
    let link_text = format!(
        "Read the full document on {} ({})",
        site_of(&document.url),
        document.url_language
    );
    view! {
        <aside class="facts" aria-labelledby=ids::DOCUMENT>
            <h2 id=ids::DOCUMENT>{HEADING}</h2>
            <dl>
                <div>
                    <dt>"Official title"</dt>
                    <dd class="facts-title">{document.title}</dd>
                </div>
                {document.index.map(|index| view! {
                    <div>
                        <dt>"Index number"</dt>
                        <dd>{index}</dd>
                    </div>
                })}
                <div>
                    <dt>"Published"</dt>
                    <dd><time datetime=document.published.clone()>{display_date(&document.published)}</time></dd>
                </div>
                <div>
                    <dt>{languages_label}</dt>
                    <dd>{join_list(&document.languages)}</dd>
                </div>
            </dl>
            {document.note.map(|note| view! { <p class="facts-note">{note}</p> })}
            <p class="facts-link">
                <A href=document.url>{link_text}</A>
            </p>
        </aside>
    }
}
