//! The page text from the bundle, rendered as text nodes and `<A>` links (never as HTML).

use crate::components::{language_marks, later, marked_with};
use crate::content::{Block, Inline, LanguageMarks};
use crate::routes::Route;
use crate::{use_base, use_bundle};
use leptos::prelude::*;
use leptos_router::components::A;

/// A link target: pages of this site in their canonical form under the base path; https
/// addresses stay as they are.
pub fn link_href(href: &str) -> String {
    if href.starts_with('/') {
        Route::canonical_href(href, &use_base())
    } else {
        href.to_string()
    }
}

/// A run of text: text nodes, with styles and links around their own runs. Recursive, so
/// it returns an erased view.
fn inlines(runs: &[Inline], marks: &LanguageMarks) -> AnyView {
    runs.iter()
        .map(|inline| match inline {
            Inline::Text(text) => marked_with(text, marks),
            Inline::Strong(children) => {
                view! { <strong>{inlines(children, marks)}</strong> }.into_any()
            }
            Inline::Emphasis(children) => view! { <em>{inlines(children, marks)}</em> }.into_any(),
            Inline::Code(text) => view! { <code>{text.clone()}</code> }.into_any(),
            Inline::Mark(children) => view! { <mark>{inlines(children, marks)}</mark> }.into_any(),
            Inline::Link { href, children } => {
                let children = inlines(children, marks);
                view! { <A href=link_href(href)>{children}</A> }.into_any()
            }
            Inline::Break => view! { <br/> }.into_any(),
        })
        .collect_view()
        .into_any()
}

/// Blocks of text: a page's, or the search worker's results.
pub fn blocks(blocks: &[Block], marks: &LanguageMarks) -> AnyView {
    blocks
        .iter()
        .map(|b| block(b, marks))
        .collect_view()
        .into_any()
}

fn block(block: &Block, marks: &LanguageMarks) -> AnyView {
    match block {
        Block::Paragraph(children) => view! { <p>{inlines(children, marks)}</p> }.into_any(),
        Block::Subheading(text) => view! { <h3>{marked_with(text, marks)}</h3> }.into_any(),
        Block::Quote(children) => {
            view! { <blockquote>{blocks(children, marks)}</blockquote> }.into_any()
        }
        Block::Bullets(items) => view! { <ul>{list_items(items, marks)}</ul> }.into_any(),
        Block::Numbered(start, items) => {
            let start = (*start != 1).then(|| start.to_string());
            view! { <ol start=start>{list_items(items, marks)}</ol> }.into_any()
        }
    }
}

/// An item whose text is one paragraph shows it without `<p>`, as a tight list does.
fn list_items(items: &[Vec<Block>], marks: &LanguageMarks) -> AnyView {
    items
        .iter()
        .map(|item| {
            let paragraphs = item
                .iter()
                .filter(|b| matches!(b, Block::Paragraph(_)))
                .count();
            match item.split_first() {
                Some((Block::Paragraph(text), rest)) if paragraphs == 1 => {
                    view! { <li>{inlines(text, marks)}{blocks(rest, marks)}</li> }.into_any()
                }
                _ => view! { <li>{blocks(item, marks)}</li> }.into_any(),
            }
        })
        .collect_view()
        .into_any()
}

/// The page's introduction and its sections, each with a stable id for `#fragment` links.
/// Children go between the two (the report cards on `/reports/`).
#[component]
pub fn PageText(route: Route, #[prop(optional)] children: Option<Children>) -> impl IntoView {
    let bundle = use_bundle();
    let page = bundle.page_or_not_found(route);
    let marks = language_marks();
    // Each section is made and hydrated in a task of its own (see `later`).
    let sections = (0..page.sections.len())
        .map(|i| {
            let (bundle, marks) = (bundle.clone(), marks.clone());
            later(move || {
                let section = &bundle.page_or_not_found(route).sections[i];
                view! {
                    <section class="text-section" aria-labelledby=section.id.clone()>
                        <h2 id=section.id.clone()>{marked_with(&section.heading, &marks)}</h2>
                        {blocks(&section.blocks, &marks)}
                    </section>
                }
                .into_any()
            })
        })
        .collect_view();
    view! {
        <div class="prose">{blocks(&page.intro, &marks)}</div>
        {children.map(|children| children())}
        <div class="prose">{sections}</div>
    }
}
