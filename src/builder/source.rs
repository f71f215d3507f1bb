//! Reads `content/` into a [`Bundle`], checking everything an editor can get wrong and
//! reporting every fault of the run at once. A page's file name decides which page it is.

use super::errors::{ContentError, Lines, Report};
use super::frontmatter::{self, FrontMatter, Rules};
use super::markdown;
use crate::content::fields::{PLACEHOLDER, check_https};
use crate::content::{
    Block, Bundle, Edition, Inline, LoadWords, Page, SCHEMA_VERSION, Section, Site, Words,
    WordsFile, ids,
};
use crate::routes::{Folder, Route};
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

pub const SITE_FILE: &str = "site.toml";
pub const WORDS_FILE: &str = "interface.toml";
pub const LANGUAGES_FILE: &str = "languages.toml";

/// Why each required field of a page is needed, for "missing: …".
const PAGE_HINTS: &[(&str, &str)] = &[
    ("title", "the page's main heading"),
    ("nav_title", "a short name for menus and cards"),
    (
        "description",
        "one or two sentences for search results and link previews",
    ),
    ("document.title", "the official title of the document"),
    (
        "document.published",
        "the publication date, e.g. 2016-05-26",
    ),
    (
        "document.languages",
        "the languages it was published in, e.g. [\"English\"]",
    ),
    (
        "document.url",
        "the address of the document on amnesty.org (https://…)",
    ),
    (
        "document.url_language",
        "the language of the page `url` opens, e.g. \"English\"",
    ),
    ("sources.title", "what the source is"),
    ("sources.url", "the address (https://…)"),
    ("items.id", "a short unique name, e.g. \"uganda-2010\""),
    ("items.year", "the year, e.g. 2014"),
    ("items.kind", "report, public statement or urgent action"),
    ("items.country", "the country"),
    ("items.summary", "one plain sentence"),
    ("items.date", "the date, e.g. 2014-07-03"),
    ("items.url", "the address (https://…)"),
    ("items.link_label", "the words of the link"),
];

const NOT_FRONT_MATTER: &str =
    "is not written in the front matter: the text after the closing +++ is the page's text";

/// Keys a page's front matter may not have (fields of `Page` that come from elsewhere).
const PAGE_RESERVED: &[(&str, &str)] = &[
    (
        "slug",
        "no longer used: the file's name decides the page; remove this line",
    ),
    (
        "path",
        "is not written in the front matter: the file's name decides the page's address",
    ),
    ("intro", NOT_FRONT_MATTER),
    ("sections", NOT_FRONT_MATTER),
];

const SITE_HINTS: &[(&str, &str)] = &[
    ("name", "the site's name"),
    ("tagline", "a few words for the home page's title"),
    ("description", "one or two sentences about the site"),
    ("lang", "the language of the text, e.g. en-GB"),
    ("locale", "the Open Graph locale, e.g. en_GB"),
    ("original_title", "the title of the original page"),
    (
        "original_url",
        "the address of the original page (https://…)",
    ),
    (
        "original_archive_url",
        "the address of an archived copy of the original page (https://web.archive.org/…)",
    ),
    ("attribution", "who the material is from"),
    (
        "licence",
        "the name of the licence of Amnesty International's documents",
    ),
    ("licence_url", "the address of that licence (https://…)"),
    (
        "text_licence",
        "the name of the licence of this site's own text, e.g. CC BY 4.0",
    ),
    (
        "text_licence_url",
        "the address of that licence (https://…)",
    ),
    ("share_image_alt", "a description of the share image"),
    (
        "language_name",
        "the language's name in itself, for the language switch, e.g. English or 繁體中文",
    ),
    (
        "short_name",
        "the name under the site's icon on a phone's home screen, e.g. SW Rights",
    ),
    (
        "exit_url",
        "where \"Exit this page\" leads: a harmless https page such as a weather site",
    ),
];

/// A link in a page's text, remembered until every page is known.
struct PendingLink {
    file: String,
    line: usize,
    href: String,
}

/// One edition's content, read and checked on its own.
struct EditionContent {
    folder: PathBuf,
    site: Site,
    words: Words,
    pages: Vec<Page>,
}

/// Reads and checks the whole content folder: `languages.toml` names the editions (one
/// folder each, the default first), each edition is checked on its own, then against the
/// default one. Returns a bundle per edition, in that order.
pub fn load(dir: &Path) -> Result<Vec<Bundle>, Vec<ContentError>> {
    let mut report = Report::default();
    let codes = load_languages(dir, &mut report);
    check_top_folder(dir, &codes, &mut report);
    let contents: Vec<Option<EditionContent>> = codes
        .iter()
        .map(|code| load_edition(&dir.join(code), &mut report))
        .collect();
    if !report.is_empty() {
        return Err(report.into_errors());
    }
    let contents: Vec<EditionContent> = contents.into_iter().flatten().collect();
    if let Some((first, others)) = contents.split_first() {
        for other in others {
            check_translation(first, other, &mut report);
        }
    }
    if !report.is_empty() {
        return Err(report.into_errors());
    }
    let editions: Vec<Edition> = codes
        .iter()
        .zip(&contents)
        .map(|(code, content)| Edition {
            code: code.clone(),
            lang: content.site.lang.clone(),
            locale: content.site.locale.clone(),
            name: content.site.language_name.clone(),
        })
        .collect();
    Ok(contents
        .into_iter()
        .enumerate()
        .map(|(edition, content)| Bundle {
            schema: SCHEMA_VERSION,
            edition,
            editions: editions.clone(),
            site: content.site,
            words: content.words,
            pages: content.pages,
            only: None,
        })
        .collect())
}

/// `languages.toml`: `editions = ["en", "zh-hk"]`.
fn load_languages(dir: &Path, report: &mut Report) -> Vec<String> {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Languages {
        editions: Vec<String>,
    }
    let path = dir.join(LANGUAGES_FILE);
    let shown = path.display().to_string();
    let Some(text) = read(&path, report) else {
        return Vec::new();
    };
    let fault = |report: &mut Report, message: String| {
        report.push(ContentError::new(&shown, None, Some("editions"), message));
    };
    let languages: Languages = match toml::from_str(&text) {
        Ok(languages) => languages,
        Err(e) => {
            fault(
                report,
                format!(
                    "{}; write one line: editions = [\"en\", \"zh-hk\"] (folder names, the default first)",
                    e.message()
                ),
            );
            return Vec::new();
        }
    };
    let mut codes: Vec<String> = Vec::new();
    for code in languages.editions {
        let valid = !code.is_empty()
            && code
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !valid {
            fault(
                report,
                format!("{code:?} is not a folder name of lowercase letters, digits and -"),
            );
        } else if codes.contains(&code) {
            fault(report, format!("{code:?} is listed twice"));
        } else if Route::parse(&format!("/{code}/")) != Route::NotFound {
            fault(report, format!("{code:?} is the address of a page"));
        } else {
            codes.push(code);
        }
    }
    if codes.is_empty() && report.is_empty() {
        fault(report, "is empty: list at least one edition".into());
    }
    codes
}

/// A folder's entries, sorted, for a stable order of messages.
fn listing(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    paths.sort();
    Ok(paths)
}

fn file_name(path: &Path) -> &str {
    path.file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
}

/// Only the editions' folders, `languages.toml` and notes for editors (`.md`) belong here.
fn check_top_folder(dir: &Path, codes: &[String], report: &mut Report) {
    let Ok(paths) = listing(dir) else {
        return;
    };
    for path in paths {
        let name = file_name(&path);
        if path.is_dir() && !codes.iter().any(|c| c == name) {
            report.push(ContentError::new(
                &path.display().to_string(),
                None,
                None,
                format!(
                    "a folder that {LANGUAGES_FILE} does not list; add {name:?} to its editions to publish it"
                ),
            ));
        } else if path.is_file() && name != LANGUAGES_FILE && !name.ends_with(".md") {
            report.push(ContentError::new(
                &path.display().to_string(),
                None,
                None,
                "unknown file: the pages live in one folder per language".into(),
            ));
        }
    }
}

/// Reads and checks one edition's folder.
fn load_edition(dir: &Path, report: &mut Report) -> Option<EditionContent> {
    let before = report.len();
    let site = load_site(dir, report);
    let words = load_words(dir, report);
    let mut pages: HashMap<Route, Page> = HashMap::new();
    let mut links = Vec::new();

    let files = page_files(dir, report);
    for (route, file) in &files {
        if let Some(page) = load_page(file, *route, &mut links, report) {
            pages.insert(*route, page);
        }
    }
    for route in Route::with_content() {
        // A file that failed its checks has been reported already.
        if !files.iter().any(|(r, _)| *r == route) {
            report.push(ContentError::new(
                &file_of(dir, route).display().to_string(),
                None,
                None,
                format!("missing: {route} has no content without this file"),
            ));
        }
    }

    check_links(&links, &pages, report);
    if let Some(words) = &words {
        let index = every_page(&pages, &words.search_index);
        if let Some(search) = pages.get_mut(&Route::Search) {
            search.sections.push(index);
        }
    }

    match (site, words) {
        (Some(site), Some(words)) if report.len() == before => Some(EditionContent {
            folder: dir.to_path_buf(),
            site,
            words,
            pages: Route::with_content()
                .filter_map(|r| pages.remove(&r))
                .collect(),
        }),
        _ => None,
    }
}

/// The search page's last section: every page and its sections, as links. It is what the
/// page offers without the app, and the way on when nothing is found. Made from the route
/// table here, so the app shows it as page text, with no component of its own.
fn every_page(pages: &HashMap<Route, Page>, heading: &str) -> Section {
    let link = |href: String, text: &str| {
        vec![Block::Paragraph(vec![Inline::Link {
            href,
            children: vec![Inline::Text(text.to_string())],
        }])]
    };
    let items = Route::ALL
        .into_iter()
        .filter(|route| *route != Route::Search)
        .filter_map(|route| {
            let page = pages.get(&route)?;
            let mut item = link(route.path().to_string(), &page.title);
            let sections: Vec<Vec<Block>> = page
                .contents()
                .map(|(id, heading)| link(format!("{}#{id}", route.path()), heading))
                .collect();
            if !sections.is_empty() {
                item.push(Block::Bullets(sections));
            }
            Some(item)
        })
        .collect();
    Section {
        id: ids::SEARCH_INDEX.to_string(),
        heading: heading.to_string(),
        blocks: vec![Block::Bullets(items)],
    }
}

fn folder_path(dir: &Path, folder: Folder) -> PathBuf {
    match folder {
        Folder::Top => dir.to_path_buf(),
        Folder::Reports => dir.join("reports"),
    }
}

/// The file that holds a route's page: `content/reports/norway.md` for `/reports/norway`.
pub fn file_of(dir: &Path, route: Route) -> PathBuf {
    let (folder, name) = route.slug();
    folder_path(dir, folder).join(format!("{name}.md"))
}

/// Every page file with its route, in a stable order. Anything unexpected is reported, not
/// skipped silently.
fn page_files(dir: &Path, report: &mut Report) -> Vec<(Route, PathBuf)> {
    let mut files = Vec::new();
    for folder in [Folder::Top, Folder::Reports] {
        let path = folder_path(dir, folder);
        let names = match listing(&path) {
            Ok(names) => names,
            Err(e) => {
                report.push(ContentError::new(
                    &path.display().to_string(),
                    None,
                    None,
                    format!("cannot be read: {e}"),
                ));
                continue;
            }
        };
        for file in names {
            let name = file_name(&file);
            let shown = file.display().to_string();
            if file.is_dir() {
                if !(folder == Folder::Top && name == "reports") {
                    report.push(ContentError::new(
                        &shown,
                        None,
                        None,
                        "unknown folder: an edition's pages live in its folder and its reports/ folder only".into(),
                    ));
                }
            } else if let Some(stem) = name.strip_suffix(".md")
                && name != "README.md"
            {
                match Route::from_slug(folder, stem) {
                    Some(route) => files.push((route, file)),
                    None => {
                        report.push(ContentError::new(&shown, None, None, unknown_page(folder)))
                    }
                }
            } else if !(folder == Folder::Top
                && (name == SITE_FILE || name == WORDS_FILE || name == "README.md"))
            {
                report.push(ContentError::new(
                    &shown,
                    None,
                    None,
                    format!(
                        "unknown file: pages are .md files (plus {SITE_FILE} and {WORDS_FILE})"
                    ),
                ));
            }
        }
    }
    files
}

fn unknown_page(folder: Folder) -> String {
    let known: Vec<String> = Route::with_content()
        .map(Route::slug)
        .filter(|(f, _)| *f == folder)
        .map(|(_, name)| format!("{name}.md"))
        .collect();
    let place = match folder {
        Folder::Top => "a language's folder",
        Folder::Reports => "its reports/ folder",
    };
    format!(
        "unknown page: a file's name decides its page, and the pages in {place} are {}",
        known.join(", ")
    )
}

fn read(path: &Path, report: &mut Report) -> Option<String> {
    match fs::read_to_string(path) {
        Ok(text) => Some(text.strip_prefix('\u{feff}').unwrap_or(&text).to_string()),
        Err(e) => {
            report.push(ContentError::new(
                &path.display().to_string(),
                None,
                None,
                format!("cannot be read: {e}"),
            ));
            None
        }
    }
}

/// A whole-file TOML table (`site.toml`, `interface.toml`), read into `T` with its checks.
fn load_table<T: serde::de::DeserializeOwned>(
    path: &Path,
    hints: &[(&str, &str)],
    report: &mut Report,
) -> Option<T> {
    let text = read(path, report)?;
    let shown = path.display().to_string();
    let lines = Lines::new(&text);
    let front = FrontMatter::parse(&text, 0, &shown, &lines)
        .map_err(|e| report.push(e))
        .ok()?;
    let rules = Rules {
        hints,
        reserved: &[],
    };
    let table = front.read::<T>(&rules, report);
    table.value.filter(|_| table.clean)
}

fn load_site(dir: &Path, report: &mut Report) -> Option<Site> {
    load_table(&dir.join(SITE_FILE), SITE_HINTS, report)
}

fn load_words(dir: &Path, report: &mut Report) -> Option<Words> {
    load_table::<WordsFile>(&dir.join(WORDS_FILE), &[], report).map(Words::from)
}

fn load_page(
    path: &Path,
    route: Route,
    links: &mut Vec<PendingLink>,
    report: &mut Report,
) -> Option<Page> {
    let text = read(path, report)?;
    let shown = path.display().to_string();
    let lines = Lines::new(&text);
    let split = match frontmatter::split(&text) {
        Ok(split) => split,
        Err((line, message)) => {
            report.push(ContentError::new(&shown, Some(line), None, message));
            return None;
        }
    };
    let front = FrontMatter::parse(split.front, split.front_offset, &shown, &lines)
        .map_err(|e| report.push(e))
        .ok()?;
    // Tables only some pages show are faults elsewhere, not ignored.
    let mut reserved = PAGE_RESERVED.to_vec();
    if !matches!(route, Route::Report(_) | Route::Policy) {
        reserved.push((
            "document",
            "only the policy and report pages have a [document]",
        ));
    }
    if route != Route::RelatedResearch {
        reserved.push(("items", "only the related-research page has [[items]]"));
    }
    let rules = Rules {
        hints: PAGE_HINTS,
        reserved: &reserved,
    };
    let read = front.read::<Page>(&rules, report);
    let clean = match &read.value {
        Some(page) => check_page(&front, route, page, report) && read.clean,
        None => false,
    };

    let body = markdown::parse(split.body);
    let body_line = |offset: usize| lines.line_of(split.body_offset + offset);
    for e in &body.errors {
        report.push(ContentError::new(
            &shown,
            Some(body_line(e.offset)),
            Some("text"),
            e.message.clone(),
        ));
    }
    if body.intro.is_empty() && body.sections.is_empty() {
        report.push(ContentError::new(
            &shown,
            Some(lines.line_of(split.body_offset)),
            Some("text"),
            "is empty: write the page's text after the closing +++".into(),
        ));
    }
    for link in &body.links {
        links.push(PendingLink {
            file: shown.clone(),
            line: body_line(link.offset),
            href: link.href.clone(),
        });
    }

    let mut page = read.value.filter(|_| clean)?;
    page.path = route.path().to_string();
    page.intro = body.intro;
    page.sections = body.sections;
    Some(page)
}

/// What a page needs beyond its fields' own checks: the tables its kind of page has, and
/// research items that agree with each other. True if all is well.
fn check_page(front: &FrontMatter, route: Route, page: &Page, report: &mut Report) -> bool {
    let before = report.len();
    if matches!(route, Route::Report(_)) && page.country.is_none() {
        front.missing(report, "country", "the country or territory of the report");
    }
    if matches!(route, Route::Report(_) | Route::Policy) && page.document.is_none() {
        front.missing(
            report,
            "document",
            "the [document] facts: title, index, published, languages, url, url_language",
        );
    }
    if route.has_sources() {
        if !front.has("sources") {
            front.missing(
                report,
                "sources",
                "at least one [[sources]] entry with title and url",
            );
        } else if page.sources.is_empty() {
            front.error(report, "sources", "is empty: add at least one source");
        }
    }
    if route == Route::RelatedResearch {
        if !front.has("items") {
            front.missing(report, "items", "one [[items]] entry per research item");
        } else if page.items.is_empty() {
            front.error(report, "items", "is empty: add at least one item");
        }
    }
    for (i, item) in page.items.iter().enumerate() {
        let field = |name: &str| format!("items[{}].{name}", i + 1);
        if item.id != PLACEHOLDER && page.items[..i].iter().any(|other| other.id == item.id) {
            front.error(report, &field("id"), format!("duplicate id {:?}", item.id));
        }
        if item.year != 0
            && item.date != PLACEHOLDER
            && !item.date.starts_with(&item.year.to_string())
        {
            front.error(
                report,
                &field("date"),
                format!("{} is not in the year {}", item.date, item.year),
            );
        }
    }
    report.len() == before
}

/// A translated edition against the default one: the same pages, sections, document facts,
/// finding counts, sources and items, the interface's templates with the same slots, and a
/// note saying that it is a translation.
fn check_translation(first: &EditionContent, other: &EditionContent, report: &mut Report) {
    let file = |route: Route| file_of(&other.folder, route).display().to_string();
    let original = |route: Route| file_of(&first.folder, route).display().to_string();
    let mut fault = |file: &str, field: &str, message: String| {
        report.push(ContentError::new(file, None, Some(field), message));
    };
    if other.site.translation_note.is_none() {
        fault(
            &other.folder.join(SITE_FILE).display().to_string(),
            "translation_note",
            "missing: a translated edition says on every page that its text is this site's translation (add translation_note = \"…\")".into(),
        );
    }
    check_slots(first, other, &mut fault);
    for (a, b) in first.pages.iter().zip(&other.pages) {
        // `/404` parses as the not-found route, like any path outside the contract.
        let route = Route::parse(&a.path);
        let (here, there) = (file(route), original(route));
        let mut differs = |field: &str, ours: String, theirs: String, what: &str| {
            if ours != theirs {
                fault(
                    &here,
                    field,
                    format!("{what} {ours}; {there} has {theirs}: the editions must agree"),
                );
            }
        };
        let ids = |p: &Page| {
            p.sections
                .iter()
                .map(|s| format!("#{}", s.id))
                .collect::<Vec<_>>()
                .join(" ")
        };
        differs("sections", ids(b), ids(a), "has the sections");
        for (sa, sb) in a.sections.iter().zip(&b.sections) {
            differs(
                &format!("sections #{}", sa.id),
                shape(&sb.blocks),
                shape(&sa.blocks),
                "has",
            );
        }
        differs("intro", shape(&b.intro), shape(&a.intro), "has");
        match (&a.document, &b.document) {
            (Some(da), Some(db)) => {
                differs("document.title", db.title.clone(), da.title.clone(), "is");
                differs(
                    "document.index",
                    format!("{:?}", db.index),
                    format!("{:?}", da.index),
                    "is",
                );
                differs(
                    "document.published",
                    db.published.clone(),
                    da.published.clone(),
                    "is",
                );
                differs("document.url", db.url.clone(), da.url.clone(), "is");
                differs(
                    "document.languages",
                    db.languages.len().to_string(),
                    da.languages.len().to_string(),
                    "names this many languages:",
                );
            }
            (None, None) => {}
            _ => differs(
                "document",
                format!("{}", b.document.is_some()),
                format!("{}", a.document.is_some()),
                "has a [document]:",
            ),
        }
        let urls = |p: &Page| {
            p.sources
                .iter()
                .map(|s| s.url.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
        differs("sources", urls(b), urls(a), "lists the sources");
        let facts = |p: &Page| {
            p.items
                .iter()
                .map(|i| {
                    format!(
                        "{} {} {} {} {} {:?} {:?}",
                        i.id, i.year, i.kind, i.date, i.url, i.index, i.title
                    )
                })
                .collect::<Vec<_>>()
                .join("; ")
        };
        differs("items", facts(b), facts(a), "has the items");
    }
}

/// A section's outline, for comparing editions: how many lists, list items and quotes.
fn shape(blocks: &[crate::content::Block]) -> String {
    use crate::content::Block;
    fn count(blocks: &[Block], lists: &mut usize, items: &mut usize, quotes: &mut usize) {
        for block in blocks {
            match block {
                Block::Bullets(list) | Block::Numbered(_, list) => {
                    *lists += 1;
                    *items += list.len();
                    list.iter()
                        .for_each(|item| count(item, lists, items, quotes));
                }
                Block::Quote(inner) => {
                    *quotes += 1;
                    count(inner, lists, items, quotes);
                }
                Block::Paragraph(_) | Block::Subheading(_) => {}
            }
        }
    }
    let (mut lists, mut items, mut quotes) = (0, 0, 0);
    count(blocks, &mut lists, &mut items, &mut quotes);
    format!("{lists} list(s) with {items} item(s) and {quotes} quote(s)")
}

/// Every template of the interface has the same `{slots}` in each language.
fn check_slots(
    first: &EditionContent,
    other: &EditionContent,
    fault: &mut impl FnMut(&str, &str, String),
) {
    use crate::content::{Part, template_parts};
    // The bundle's lists, named by their keys (`load.details` for the nested words).
    fn strings(
        value: &serde_json::Value,
        keys: &[&str],
        prefix: &str,
        out: &mut Vec<(String, String)>,
    ) {
        let serde_json::Value::Array(items) = value else {
            return;
        };
        for (key, item) in keys.iter().zip(items) {
            let name = format!("{prefix}{key}");
            match item {
                serde_json::Value::String(text) => out.push((name, text.clone())),
                serde_json::Value::Array(_) if *key == "load" => {
                    strings(item, LoadWords::KEYS, "load.", out)
                }
                _ => {}
            }
        }
    }
    let slots = |text: &str| {
        let mut slots: Vec<String> = template_parts(text)
            .into_iter()
            .filter_map(|p| match p {
                Part::Slot(name) => Some(format!("{{{name}}}")),
                Part::Text(_) => None,
            })
            .collect();
        slots.sort();
        slots.join(" ")
    };
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    let value = |words: &Words| serde_json::to_value(words).unwrap_or_default();
    strings(&value(&other.words), Words::KEYS, "", &mut ours);
    strings(&value(&first.words), Words::KEYS, "", &mut theirs);
    let here = other.folder.join(WORDS_FILE).display().to_string();
    let there = first.folder.join(WORDS_FILE).display().to_string();
    for ((key, text), (_, original)) in ours.iter().zip(&theirs) {
        let (a, b) = (slots(text), slots(original));
        if a != b {
            let show = |s: &str| {
                if s.is_empty() {
                    "no slots".to_string()
                } else {
                    s.to_string()
                }
            };
            fault(
                &here,
                key,
                format!(
                    "has {}; {there} has {}: keep each {{slot}} as it is, and translate the words around it",
                    show(&a),
                    show(&b)
                ),
            );
        }
    }
}

/// Internal links must reach a page (and section) of the contract; others must be https.
fn check_links(links: &[PendingLink], pages: &HashMap<Route, Page>, report: &mut Report) {
    for link in links {
        let fault = if link.href.starts_with('/') {
            let (path, fragment) = match link.href.split_once('#') {
                Some((p, f)) => (p, Some(f)),
                None => (link.href.as_str(), None),
            };
            match Route::parse(path) {
                Route::NotFound => Some(format!(
                    "broken internal link {:?}: there is no such page",
                    link.href
                )),
                route => match (fragment, pages.get(&route)) {
                    (Some(id), Some(page)) if !page.has_fragment(id) => Some(format!(
                        "broken internal link {:?}: {path} has no section with id {id:?}",
                        link.href,
                    )),
                    _ => None,
                },
            }
        } else if link.href.starts_with("https://") {
            check_https(&link.href).err()
        } else {
            Some(format!(
                "link {:?}: links start with / (a page of this site) or https://",
                link.href
            ))
        };
        if let Some(message) = fault {
            report.push(ContentError::new(
                &link.file,
                Some(link.line),
                Some("text"),
                message,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn faults<T: serde::de::DeserializeOwned>(toml_text: &str, rules: &Rules) -> Vec<String> {
        let lines = Lines::new(toml_text);
        let mut report = Report::default();
        let front = FrontMatter::parse(toml_text, 0, "f", &lines).unwrap();
        let read = front.read::<T>(rules, &mut report);
        assert!(!read.clean || report.is_empty());
        report
            .into_errors()
            .into_iter()
            .map(|e| e.to_string())
            .collect()
    }

    const PAGE: Rules = Rules {
        hints: PAGE_HINTS,
        reserved: PAGE_RESERVED,
    };

    #[test]
    fn values_of_the_wrong_shape_are_faults_of_their_fields() {
        let page = "title = \"t\"\nnav_title = \"n\"\ndescription = \"d\"\n";
        assert_eq!(
            faults::<Page>(&format!("{page}sources = [1]\ndocument = 3\n"), &PAGE),
            [
                "f:4: sources[1]: is integer `1`; it should be a table of fields",
                "f:5: document: is integer `3`; it should be a table of fields",
            ]
        );
        assert_eq!(
            faults::<Page>(
                "title = [\"a\"]\nnav_title = {}\ndescription = \"d\"\nsources = \"x\"\n",
                &PAGE
            ),
            [
                "f:1: title: is a list; write text in quotes, e.g. \"…\"",
                "f:2: nav_title: is a table; write text in quotes, e.g. \"…\"",
                "f:4: sources: is string \"x\"; it should be a list",
            ]
        );
        assert_eq!(
            faults::<Page>(
                &format!(
                    "{page}document = {{ title = \"x\", languages = \"English\", published = 2016-05-26T10:00:00, url = \"https://a.org\", url_language = \"English\" }}\n"
                ),
                &PAGE
            ),
            [
                "f:4: document.languages: is text; write a list, e.g. [\"English\", \"Spanish\"]",
                "f:4: document.published: \"2016-05-26T10:00:00\" is not a date; write it as YYYY-MM-DD, e.g. 2016-05-26",
            ]
        );
    }

    /// Every required field says why it is needed when it is missing.
    #[test]
    fn every_required_field_has_a_hint() {
        let page = faults::<Page>("[document]\n[[sources]]\n[[items]]\n", &PAGE);
        let site = faults::<Site>(
            "",
            &Rules {
                hints: SITE_HINTS,
                reserved: &[],
            },
        );
        assert_eq!(page.len(), 3 + 5 + 2 + 8, "{page:#?}");
        assert_eq!(site.len(), 17, "{site:#?}");
        for fault in page.iter().chain(&site) {
            assert!(fault.contains(": missing: "), "{fault}");
            assert!(!fault.contains("add a line"), "no hint: {fault}");
        }
    }
}
