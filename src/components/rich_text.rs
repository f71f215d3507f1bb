//! The page text from the bundle, rendered as text nodes and `<A>` links (never as HTML).

use crate::content::{Block, Inline, Page};
use crate::routes::Route;
use crate::use_base;
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

#[component]
pub fn Inlines(inlines: Vec<Inline>) -> impl IntoView {
    inlines
        .into_iter()
        .map(|inline| match inline {
            Inline::Text(text) => text.into_any(),
            Inline::Strong(text) => view! { <strong>{text}</strong> }.into_any(),
            Inline::Emphasis(text) => view! { <em>{text}</em> }.into_any(),
            Inline::Link { text, href } => view! { <A href=link_href(&href)>{text}</A> }.into_any(),
        })
        .collect_view()
}

#[component]
pub fn Blocks(blocks: Vec<Block>) -> impl IntoView {
    blocks
        .into_iter()
        .map(|block| match block {
            Block::Paragraph(inlines) => view! { <p><Inlines inlines/></p> }.into_any(),
            Block::Subheading(text) => view! { <h3>{text}</h3> }.into_any(),
            Block::Quote(inlines) => {
                view! { <blockquote><p><Inlines inlines/></p></blockquote> }.into_any()
            }
            Block::List { ordered, items } => {
                let items = items
                    .into_iter()
                    .map(|inlines| view! { <li><Inlines inlines/></li> })
                    .collect_view();
                if ordered {
                    view! { <ol>{items}</ol> }.into_any()
                } else {
                    view! { <ul>{items}</ul> }.into_any()
                }
            }
        })
        .collect_view()
}

/// The page's introduction and its sections, each with a stable id for `#fragment` links.
/// Children go between the two (the report cards on `/reports`).
#[component]
pub fn PageText(page: Page, #[prop(optional)] children: Option<Children>) -> impl IntoView {
    let sections = page
        .sections
        .into_iter()
        .map(|section| {
            let id = section.id;
            let labelled_by = id.clone();
            view! {
                <section class="text-section" aria-labelledby=labelled_by>
                    <h2 id=id>{section.heading}</h2>
                    <Blocks blocks=section.blocks/>
                </section>
            }
        })
        .collect_view();
    view! {
        <div class="prose">
            <Blocks blocks=page.intro/>
        </div>
        {children.map(|children| children())}
        <div class="prose">{sections}</div>
    }
}
