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

/// A run of text: text nodes, with styles and links around their own runs. Recursive, so
/// it returns an erased view.
fn inlines(runs: Vec<Inline>) -> AnyView {
    runs.into_iter()
        .map(|inline| match inline {
            Inline::Text(text) => text.into_any(),
            Inline::Strong(children) => view! { <strong>{inlines(children)}</strong> }.into_any(),
            Inline::Emphasis(children) => view! { <em>{inlines(children)}</em> }.into_any(),
            Inline::Code(text) => view! { <code>{text}</code> }.into_any(),
            Inline::Link { href, children } => {
                view! { <A href=link_href(&href)>{inlines(children)}</A> }.into_any()
            }
            Inline::Break => view! { <br/> }.into_any(),
        })
        .collect_view()
        .into_any()
}

fn blocks(blocks: Vec<Block>) -> AnyView {
    blocks.into_iter().map(block).collect_view().into_any()
}

fn block(block: Block) -> AnyView {
    match block {
        Block::Paragraph(children) => view! { <p>{inlines(children)}</p> }.into_any(),
        Block::Subheading(text) => view! { <h3>{text}</h3> }.into_any(),
        Block::Quote(children) => view! { <blockquote>{blocks(children)}</blockquote> }.into_any(),
        Block::Bullets(items) => view! { <ul>{list_items(items)}</ul> }.into_any(),
        Block::Numbered(start, items) => {
            let start = (start != 1).then(|| start.to_string());
            view! { <ol start=start>{list_items(items)}</ol> }.into_any()
        }
    }
}

/// An item whose text is one paragraph shows it without `<p>`, as a tight list does.
fn list_items(items: Vec<Vec<Block>>) -> AnyView {
    items
        .into_iter()
        .map(|mut item| {
            let paragraphs = item
                .iter()
                .filter(|b| matches!(b, Block::Paragraph(_)))
                .count();
            let text = match item.first() {
                Some(Block::Paragraph(_)) if paragraphs == 1 => match item.remove(0) {
                    Block::Paragraph(text) => Some(inlines(text)),
                    _ => None,
                },
                _ => None,
            };
            view! { <li>{text}{blocks(item)}</li> }
        })
        .collect_view()
        .into_any()
}

#[component]
pub fn Blocks(blocks: Vec<Block>) -> impl IntoView {
    self::blocks(blocks)
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
