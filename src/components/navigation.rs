//! Ways around a long page and between pages: contents, breadcrumbs, previous and next.

use super::{language_marks, marked_with};
use crate::content::ids;
use crate::routes::Route;
use crate::{use_base, use_bundle};
use leptos::prelude::*;
use leptos_router::components::A;

/// "On this page": the document's facts, each section and the sources, for pages long
/// enough to need it.
#[component]
pub fn Contents(route: Route) -> impl IntoView {
    let href = route.href(&use_base());
    let bundle = use_bundle();
    let page = bundle.page_or_not_found(route);
    let words = &bundle.words;
    let mut entries: Vec<(&str, &str)> = Vec::new();
    if page.document.is_some() {
        entries.push((ids::DOCUMENT, &words.document));
    }
    entries.extend(page.contents());
    if !page.sources.is_empty() {
        entries.push((ids::SOURCES, &words.sources));
    }
    let heading = words.on_this_page.clone();
    let marks = language_marks();
    let links: Vec<(String, String)> = entries
        .into_iter()
        .map(|(id, heading)| (format!("{href}#{id}"), heading.to_string()))
        .collect();
    (links.len() >= 3).then(|| {
        let items = links
            .into_iter()
            .map(|(href, heading)| {
                let heading = marked_with(&heading, &marks);
                view! { <li><A href=href>{heading}</A></li> }
            })
            .collect_view();
        view! {
            <nav class="contents" aria-labelledby=ids::CONTENTS>
                <h2 id=ids::CONTENTS>{heading}</h2>
                <ol>{items}</ol>
            </nav>
        }
    })
}

/// Where this page sits: Home › Research › Norway.
#[component]
pub fn Breadcrumbs(route: Route) -> impl IntoView {
    let base = use_base();
    let bundle = use_bundle();
    let mut trail = Vec::new();
    let mut parent = route.parent();
    while let Some(p) = parent {
        trail.insert(0, p);
        parent = p.parent();
    }
    let links = trail
        .into_iter()
        .map(|r| {
            let label = bundle.page_or_not_found(r).nav_title.clone();
            view! { <li><A href=r.href(&base) exact=true>{label}</A></li> }
        })
        .collect_view();
    let current = bundle.page_or_not_found(route).nav_title.clone();
    view! {
        <nav class="breadcrumbs" aria-label=bundle.words.breadcrumb.clone()>
            <ol>
                {links}
                <li aria-current="page">{current}</li>
            </ol>
        </nav>
    }
}

/// Previous and next between the four country reports.
#[component]
pub fn ReportPager(route: Route) -> impl IntoView {
    let base = use_base();
    let bundle = use_bundle();
    let (prev, next) = route.report_neighbours();
    let words = bundle.words.clone();
    let link = move |r: Option<Route>, rel: &'static str, label: String| {
        r.map(|r| {
            let title = bundle.page_or_not_found(r).nav_title.clone();
            view! {
                <li class=format!("pager-{rel}")>
                    <A href=r.href(&base)>
                        <span class="pager-label">{label}</span>
                        <span class="pager-title">{title}</span>
                    </A>
                </li>
            }
        })
    };
    view! {
        <nav class="pager" aria-label=words.country_reports.clone()>
            <ul>
                {link(prev, "prev", words.previous_report.clone())}
                {link(next, "next", words.next_report.clone())}
            </ul>
        </nav>
    }
}
