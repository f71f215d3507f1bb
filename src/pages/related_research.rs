use crate::components::{PageHeader, PageText, Sources};
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
    let heading_id = format!("{}-heading", item.id);
    let labelled_by = heading_id.clone();
    view! {
        <li class="research-item" id=item.id aria-labelledby=labelled_by>
            <h2 id=heading_id>
                <span class="research-year">{item.year}</span>
                " "
                {item.country}
            </h2>
            <p class="research-kind">{item.kind}</p>
            <p>{item.summary}</p>
            <dl class="research-facts">
                {item.title.map(|t| view! { <div><dt>"Title"</dt><dd>{t}</dd></div> })}
                {item.index.map(|i| view! { <div><dt>"Index number"</dt><dd>{i}</dd></div> })}
                <div>
                    <dt>"Date"</dt>
                    <dd><time datetime=item.date.clone()>{display_date(&item.date)}</time></dd>
                </div>
            </dl>
            {item.note.map(|n| view! { <p class="research-note">{n}</p> })}
            <p><A href=item.url>{item.link_label}</A></p>
        </li>
    }
}
