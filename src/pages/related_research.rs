use crate::components::{PageHeader, PageText, Sources, language_marks, marked_with};
use crate::content::{ResearchItem, display_date};
use crate::routes::Route;
use crate::use_bundle;
use leptos::prelude::*;
use leptos_router::components::A;

/// `/related-research/`: the earlier Amnesty research the policy also drew on.
#[component]
pub fn RelatedResearch() -> impl IntoView {
    let bundle = use_bundle();
    let page = bundle.page_or_not_found(Route::RelatedResearch);
    let items = page
        .items
        .iter()
        .map(|item| view! { <Item item=item.clone()/> })
        .collect_view();
    view! {
        <PageHeader title=page.title.clone() lead=page.lead.clone()/>
        <PageText route=Route::RelatedResearch/>
        <ol class="research-items">{items}</ol>
        <Sources sources=page.sources.clone()/>
    }
}

#[component]
fn Item(item: ResearchItem) -> impl IntoView {
    let bundle = use_bundle();
    let words = &bundle.words;
    let marks = language_marks();
    let kind = words.kind(&item.kind).to_string();
    let (title_label, index_label) = (words.item_title.clone(), words.index_number.clone());
    let heading_id = format!("{}-heading", item.id);
    let labelled_by = heading_id.clone();
    view! {
        <li class="research-item" id=item.id aria-labelledby=labelled_by>
            <h2 id=heading_id>
                <span class="research-year">{item.year}</span>
                " "
                {item.country}
            </h2>
            <p class="research-kind">{kind}</p>
            <p>{marked_with(&item.summary, &marks)}</p>
            <dl class="research-facts">
                {item.title.map(|t| view! {
                    <div><dt>{title_label}</dt><dd>{marked_with(&t, &marks)}</dd></div>
                })}
                {item.index.map(|i| view! { <div><dt>{index_label}</dt><dd>{i}</dd></div> })}
                <div>
                    <dt>{words.item_date.clone()}</dt>
                    <dd>
                        <time datetime=item.date.clone()>{display_date(&item.date, words)}</time>
                    </dd>
                </div>
            </dl>
            {item.note.map(|n| view! { <p class="research-note">{marked_with(&n, &marks)}</p> })}
            <p class="research-link"><A href=item.url>{marked_with(&item.link_label, &marks)}</A></p>
        </li>
    }
}
