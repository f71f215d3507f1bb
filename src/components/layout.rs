use crate::components::{ShareButton, marked};
use crate::content::{Part, ids, template_parts};
use crate::routes::{Route, edition_base};
use crate::{CurrentRoute, use_base, use_bundle, use_site_base};
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

/// The first focusable element: lets keyboard and screen-reader users past the navigation.
/// An in-page anchor, not a route link; the router would treat a click on it as a
/// navigation and leave focus behind, so the click moves focus itself.
#[component]
pub fn SkipLink() -> impl IntoView {
    let skip = |ev: leptos::ev::MouseEvent| {
        if let Some(main) = document().get_element_by_id(ids::MAIN) {
            ev.prevent_default();
            let main: web_sys::HtmlElement = main.unchecked_into();
            _ = main.focus();
            main.scroll_into_view();
        }
    };
    let label = use_bundle().words.skip_link.clone();
    view! { <a class="skip-link" href="#main" on:click=skip>{label}</a> }
}

/// GOV.UK's "Exit this page": always at the top (kept in view while scrolling), then a line
/// saying what it does and does not do. Without JavaScript it is a plain link to the neutral
/// page; the boot script (`src/builder/boot.js`) makes it cover the page and replace the
/// history entry, before the app has started and after, and adds Shift pressed three times.
#[component]
pub fn ExitThisPage() -> impl IntoView {
    let bundle = use_bundle();
    let words = &bundle.words;
    let help = with_links(
        &words.exit_help,
        &[(
            "safe_reading",
            Route::SafeReading.href(&use_base()),
            words.safe_reading.clone(),
        )],
    );
    view! {
        <div class="exit-this-page">
            <div class="wrap">
                <a class="exit-button" href=bundle.site.exit_url.clone() rel="noreferrer"
                    aria-keyshortcuts="Shift">{words.exit.clone()}</a>
            </div>
        </div>
        <div class="exit-help"><p class="wrap">{help}</p></div>
    }
}

#[component]
pub fn SiteHeader() -> impl IntoView {
    let base = use_base();
    let bundle = use_bundle();
    let (name, nav_label) = (
        bundle.site.name.clone(),
        bundle.words.main_navigation.clone(),
    );
    let items = Route::NAV
        .into_iter()
        .map(|route| {
            let label = bundle.page_or_not_found(route).nav_title.clone();
            // Home is current only on itself; the others also on the pages below them.
            let exact = route == Route::Home;
            view! { <li><A href=route.href(&base) exact>{label}</A></li> }
        })
        .collect_view();
    view! {
        <header class="site-header">
            <div class="wrap site-header-inner">
                <p class="site-name">
                    <A href=Route::Home.href(&base) exact=true>{name}</A>
                </p>
                <nav class="site-nav" aria-label=nav_label>
                    <ul>{items}</ul>
                </nav>
                <LanguageSwitch/>
            </div>
        </header>
    }
}

/// The same page (and section) in each other edition, named in its own language.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let bundle = use_bundle();
    let site_base = use_site_base();
    let codes: Vec<String> = bundle.editions.iter().map(|e| e.code.clone()).collect();
    let route = use_context::<CurrentRoute>().map(|CurrentRoute(route)| route);
    // The section being read, followed in the browser only: the server has no fragment, and
    // hydration adopts the prerendered link as it is before the effect brings it in.
    let location_hash = use_location().hash;
    let hash = RwSignal::new(String::new());
    Effect::new(move |_| hash.set(location_hash.get()));
    let links = bundle
        .editions
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != bundle.edition)
        .map(|(i, edition)| {
            let base = edition_base(&site_base, &codes, i);
            // The sections and items have the same ids in every edition (the build checks).
            let href = move || {
                let route = route.map_or(Route::Home, |r| r.get());
                let route = if route == Route::NotFound {
                    Route::Home
                } else {
                    route
                };
                let hash = hash.get();
                let fragment = if hash.is_empty() || hash.starts_with('#') {
                    hash
                } else {
                    format!("#{hash}")
                };
                format!("{}{fragment}", route.href(&base))
            };
            let (lang, name) = (edition.lang.clone(), edition.name.clone());
            // The language on the item, not the link: `attr:` on `<A>` would put Leptos's
            // attribute erasure in the wasm (about 5.7 KB), for a hint (`hreflang`) that the
            // page's head already gives for every edition.
            view! {
                <li lang=lang>
                    <A href=href>{name}</A>
                </li>
            }
        })
        .collect_view();
    let label = bundle.words.language_navigation.clone();
    view! {
        <nav class="language-switch" aria-label=label>
            <ul>{links}</ul>
        </nav>
    }
}

/// A translated edition says, on every page, whose words it shows.
#[component]
pub fn EditionNote() -> impl IntoView {
    use_bundle().site.translation_note.clone().map(|note| {
        view! {
            <div class="edition-note">
                <p class="wrap">{marked(&note)}</p>
            </div>
        }
    })
}

/// A template's text with its `{slots}` filled by links.
fn with_links(template: &str, links: &[(&str, String, String)]) -> AnyView {
    template_parts(template)
        .into_iter()
        .map(|part| match part {
            Part::Text(text) => text.to_string().into_any(),
            Part::Slot(name) => match links.iter().find(|(n, _, _)| *n == name) {
                Some((_, href, label)) => {
                    let label = marked(label);
                    view! { <A href=href.clone()>{label}</A> }.into_any()
                }
                None => ().into_any(),
            },
        })
        .collect_view()
        .into_any()
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    let bundle = use_bundle();
    let (site, words) = (&bundle.site, &bundle.words);
    let licence = with_links(
        &words.licence_note,
        &[("licence", site.licence_url.clone(), site.licence.clone())],
    );
    let text_licence = with_links(
        &words.text_licence_note,
        &[(
            "licence",
            site.text_licence_url.clone(),
            site.text_licence.clone(),
        )],
    );
    let original = with_links(
        &words.original_page,
        &[
            (
                "title",
                site.original_url.clone(),
                site.original_title.clone(),
            ),
            (
                "archive",
                site.original_archive_url.clone(),
                words.archived_copy.clone(),
            ),
        ],
    );
    let safe_reading = bundle
        .page_or_not_found(Route::SafeReading)
        .nav_title
        .clone();
    let safe_reading_href = Route::SafeReading.href(&use_base());
    view! {
        <footer class="site-footer">
            <div class="wrap">
                <p><A href=safe_reading_href>{safe_reading}</A></p>
                <p>{marked(&site.attribution)}</p>
                <p>{licence}</p>
                <p>{text_licence}</p>
                <p>{original}</p>
            </div>
        </footer>
    }
}

/// The page's title (the one `h1`), its opening paragraph and the share button.
#[component]
pub fn PageHeader(
    title: String,
    lead: Option<String>,
    /// The not-found page has nothing worth sharing.
    #[prop(default = true)]
    share: bool,
) -> impl IntoView {
    view! {
        <header class="page-header">
            <h1 id=ids::PAGE_TITLE tabindex="-1">{marked(&title)}</h1>
            {lead.map(|lead| view! { <p class="lead">{marked(&lead)}</p> })}
            {share.then(|| view! { <ShareButton title/> })}
        </header>
    }
}
