use crate::components::{language_marks, marked_with};
use crate::content::{Document, display_date, fill, ids, join_list, site_of};
use crate::use_bundle;
use leptos::prelude::*;
use leptos_router::components::A;

/// The facts of the official document: what to cite and where to read it in full.
#[component]
pub fn DocumentFacts(document: Document) -> impl IntoView {
    let bundle = use_bundle();
    let words = &bundle.words;
    let marks = language_marks();
    let languages_label = if document.languages.len() > 1 {
        &words.languages
    } else {
        &words.language
    };
    let link_text = fill(
        &words.read_document,
        &[
            ("site", site_of(&document.url)),
            ("language", &document.url_language),
        ],
    );
    let index_label = words.index_number.clone();
    view! {
        <aside class="facts" aria-labelledby=ids::DOCUMENT>
            <h2 id=ids::DOCUMENT>{words.document.clone()}</h2>
            <dl>
                <div>
                    <dt>{words.official_title.clone()}</dt>
                    <dd class="facts-title">{marked_with(&document.title, &marks)}</dd>
                </div>
                {document.index.map(|index| view! {
                    <div>
                        <dt>{index_label}</dt>
                        <dd>{index}</dd>
                    </div>
                })}
                <div>
                    <dt>{words.published.clone()}</dt>
                    <dd>
                        <time datetime=document.published.clone()>
                            {display_date(&document.published, words)}
                        </time>
                    </dd>
                </div>
                <div>
                    <dt>{languages_label.clone()}</dt>
                    <dd>{join_list(&document.languages, words)}</dd>
                </div>
            </dl>
            {document.note.map(|note| view! { <p class="facts-note">{marked_with(&note, &marks)}</p> })}
            <p class="facts-link">
                <A href=document.url>{marked_with(&link_text, &marks)}</A>
            </p>
        </aside>
    }
}
