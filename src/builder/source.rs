//! Reads `content/` into a [`Bundle`], checking everything an editor can get wrong and
//! reporting every fault of the run at once.

use super::errors::{ContentError, Lines, Report};
use super::frontmatter::{self, Fields, RawItem, RawPage, RawSite, check_https};
use super::markdown::{self, is_valid_id};
use crate::content::{Bundle, Document, Page, ResearchItem, SCHEMA_VERSION, Site, Source};
use crate::routes::{Folder, Route};
use std::collections::HashMap;
use std::fs;
use std::path::Path;

pub const SITE_FILE: &str = "site.toml";
const DESCRIPTION_MAX: usize = 200;
const ITEM_KINDS: [&str; 3] = ["report", "public statement", "urgent action"];

/// A link in a page's text, remembered until every page is known.
struct PendingLink {
    file: String,
    line: usize,
    href: String,
}

/// Reads and checks the whole content folder.
pub fn load(dir: &Path) -> Result<Bundle, Vec<ContentError>> {
    let mut report = Report::default();
    let site = load_site(dir, &mut report);
    let mut pages: HashMap<Route, (String, Page)> = HashMap::new();
    let mut links = Vec::new();

    for (folder, file) in page_files(dir, &mut report) {
        if let Some((route, page)) = load_page(&file, folder, &mut links, &mut report) {
            let shown = file.display().to_string();
            if let Some((first, _)) = pages.get(&route) {
                let (_, slug) = route.slug();
                report.push(ContentError::new(
                    &shown,
                    Some(2),
                    Some("slug"),
                    format!("duplicate slug {slug:?}: {first} already has it"),
                ));
            } else {
                pages.insert(route, (shown, page));
            }
        }
    }

    for route in Route::with_content() {
        let (folder, slug) = route.slug();
        let expected = folder_path(dir, folder).join(format!("{slug}.md"));
        // A file of that name that failed its checks has been reported already.
        if !pages.contains_key(&route) && !expected.exists() {
            report.push(ContentError::new(
                &expected.display().to_string(),
                None,
                None,
                format!("missing: no file has slug {slug:?}, so {route} has no content"),
            ));
        }
    }

    check_links(&links, &pages, &mut report);

    match site {
        Some(site) if report.is_empty() => Ok(Bundle {
            schema: SCHEMA_VERSION,
            site,
            pages: Route::with_content()
                .filter_map(|r| pages.remove(&r).map(|(_, p)| p))
                .collect(),
        }),
        _ => Err(report.into_errors()),
    }
}

fn folder_path(dir: &Path, folder: Folder) -> std::path::PathBuf {
    match folder {
        Folder::Top => dir.to_path_buf(),
        Folder::Reports => dir.join("reports"),
    }
}

/// Every page file, in a stable order. Anything unexpected is reported, not skipped silently.
fn page_files(dir: &Path, report: &mut Report) -> Vec<(Folder, std::path::PathBuf)> {
    let mut files = Vec::new();
    for folder in [Folder::Top, Folder::Reports] {
        let path = folder_path(dir, folder);
        let entries = match fs::read_dir(&path) {
            Ok(entries) => entries,
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
        let mut names: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        names.sort();
        for file in names {
            let name = file
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            let shown = file.display().to_string();
            if file.is_dir() {
                if !(folder == Folder::Top && name == "reports") {
                    report.push(ContentError::new(
                        &shown,
                        None,
                        None,
                        "unknown folder: pages live in content/ and content/reports/ only".into(),
                    ));
                }
            } else if name.ends_with(".md") && name != "README.md" {
                files.push((folder, file));
            } else if !(folder == Folder::Top && (name == SITE_FILE || name == "README.md")) {
                report.push(ContentError::new(
                    &shown,
                    None,
                    None,
                    "unknown file: pages are .md files (plus site.toml)".into(),
                ));
            }
        }
    }
    files
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

fn parse_or_report<T: for<'de> serde::Deserialize<'de>>(
    toml_text: &str,
    offset: usize,
    file: &str,
    lines: &Lines,
    report: &mut Report,
) -> Option<T> {
    frontmatter::parse(toml_text, offset, file, lines)
        .map_err(|e| report.push(e))
        .ok()
}

fn load_site(dir: &Path, report: &mut Report) -> Option<Site> {
    let path = dir.join(SITE_FILE);
    let text = read(&path, report)?;
    let shown = path.display().to_string();
    let lines = Lines::new(&text);
    let raw: RawSite = parse_or_report(&text, 0, &shown, &lines, report)?;
    let mut f = Fields::new(&shown, &lines, 0, report);
    let name = f.required("name", raw.name, "the site's name");
    let tagline = f.short(
        "tagline",
        raw.tagline,
        70,
        "a few words for the home page's title",
    );
    let description = f.short(
        "description",
        raw.description,
        DESCRIPTION_MAX,
        "one or two sentences about the site",
    );
    let lang = f.required("lang", raw.lang, "the language of the text, e.g. en-GB");
    let locale = f.required("locale", raw.locale, "the Open Graph locale, e.g. en_GB");
    let original_title = f.required(
        "original_title",
        raw.original_title,
        "the title of the original page",
    );
    let original_url = f.https("original_url", raw.original_url, true);
    let attribution = f.required("attribution", raw.attribution, "who the material is from");
    let licence = f.required("licence", raw.licence, "the licence's name");
    let licence_url = f.https("licence_url", raw.licence_url, true);
    let share_image_alt = f.required(
        "share_image_alt",
        raw.share_image_alt,
        "a description of the share image",
    );
    // Every field is read first, so each fault is reported, and only then required.
    Some(Site {
        name: name?,
        tagline: tagline?,
        description: description?,
        lang: lang?,
        locale: locale?,
        original_title: original_title?,
        original_url: original_url?,
        attribution: attribution?,
        licence: licence?,
        licence_url: licence_url?,
        share_image_alt: share_image_alt?,
    })
}

fn load_page(
    path: &Path,
    folder: Folder,
    links: &mut Vec<PendingLink>,
    report: &mut Report,
) -> Option<(Route, Page)> {
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
    let raw: RawPage = parse_or_report(split.front, split.front_offset, &shown, &lines, report)?;
    let mut f = Fields::new(&shown, &lines, split.front_offset, report);

    let slug_line = raw.slug.as_ref().map(|s| f.line_of(s));
    let route = f
        .required(
            "slug",
            raw.slug,
            "which page this file is, e.g. slug = \"policy\"",
        )
        .and_then(|slug| {
            let route = Route::from_slug(folder, &slug);
            if route.is_none() {
                let known: Vec<&str> = Route::with_content()
                    .map(Route::slug)
                    .filter(|(f, _)| *f == folder)
                    .map(|(_, s)| s)
                    .collect();
                let place = match folder {
                    Folder::Top => "content/",
                    Folder::Reports => "content/reports/",
                };
                f.error(
                    slug_line.unwrap_or(1),
                    "slug",
                    format!(
                        "unknown slug {slug:?}: the pages in {place} are {}",
                        known.join(", ")
                    ),
                );
            }
            route
        });

    let title = f.required("title", raw.title, "the page's main heading");
    let nav_title = f.required(
        "nav_title",
        raw.nav_title,
        "a short name for menus and cards",
    );
    let description = f.short(
        "description",
        raw.description,
        DESCRIPTION_MAX,
        "one or two sentences for search results and link previews",
    );
    let lead = f.optional("lead", raw.lead);
    let is_report = matches!(route, Some(Route::Report(_)));
    let country = if is_report {
        f.required(
            "country",
            raw.country,
            "the country or territory of the report",
        )
    } else {
        f.optional("country", raw.country)
    };

    let needs_document = matches!(route, Some(Route::Report(_) | Route::Policy));
    let document = match raw.document {
        Some(doc) => check_document(&mut f, doc),
        None if needs_document => {
            f.missing(
                "document",
                "the [document] facts: title, index, published, languages, url",
            );
            None
        }
        None => None,
    };

    let sources = match raw.sources {
        Some(list) => check_sources(&mut f, list),
        None if route != Some(Route::NotFound) => {
            f.missing(
                "sources",
                "at least one [[sources]] entry with title and url",
            );
            Vec::new()
        }
        None => Vec::new(),
    };

    let items = match (raw.items, route) {
        (Some(list), Some(Route::RelatedResearch)) => check_items(&mut f, list),
        (Some(list), _) => {
            let line = f.line_of(&list);
            f.error(
                line,
                "items",
                "only the related-research page has [[items]]",
            );
            Vec::new()
        }
        (None, Some(Route::RelatedResearch)) => {
            f.missing("items", "one [[items]] entry per research item");
            Vec::new()
        }
        (None, _) => Vec::new(),
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

    let route = route?;
    Some((
        route,
        Page {
            path: route.path().to_string(),
            title: title?,
            nav_title: nav_title?,
            description: description?,
            lead,
            country,
            document,
            intro: body.intro,
            sections: body.sections,
            items,
            sources,
        },
    ))
}

/// Runs checks on a nested table with its own field prefix and starting line.
fn nested<T>(
    f: &mut Fields,
    prefix: String,
    line: usize,
    check: impl FnOnce(&mut Fields) -> T,
) -> T {
    let outer = (std::mem::replace(&mut f.prefix, prefix), f.table_line);
    f.table_line = line;
    let result = check(f);
    (f.prefix, f.table_line) = outer;
    result
}

fn check_document(
    f: &mut Fields,
    doc: toml::Spanned<frontmatter::RawDocument>,
) -> Option<Document> {
    let line = f.line_of(&doc);
    let doc = doc.into_inner();
    nested(f, "document.".into(), line, |f| {
        let title = f.required("title", doc.title, "the official title of the document");
        let index = f.optional("index", doc.index);
        let published = f.date(
            "published",
            doc.published,
            "the publication date, e.g. 2016-05-26",
        );
        let url = f.https("url", doc.url, true);
        let note = f.optional("note", doc.note);
        let languages = match doc.languages {
            None => {
                f.missing(
                    "languages",
                    "the languages it was published in, e.g. [\"English\"]",
                );
                None
            }
            Some(list) => {
                let list_line = f.line_of(&list);
                let names: Vec<String> = list
                    .into_inner()
                    .into_iter()
                    .filter_map(|l| f.optional("languages", Some(l)))
                    .collect();
                if names.is_empty() {
                    f.error(
                        list_line,
                        "languages",
                        "is empty: name at least one language",
                    );
                    None
                } else {
                    Some(names)
                }
            }
        };
        Some(Document {
            title: title?,
            index,
            published: published?,
            languages: languages?,
            url: url?,
            note,
        })
    })
}

fn check_sources(
    f: &mut Fields,
    list: toml::Spanned<Vec<toml::Spanned<frontmatter::RawSource>>>,
) -> Vec<Source> {
    let list_line = f.line_of(&list);
    let list = list.into_inner();
    if list.is_empty() {
        f.error(list_line, "sources", "is empty: add at least one source");
    }
    let mut sources = Vec::new();
    for (i, source) in list.into_iter().enumerate() {
        let line = f.line_of(&source);
        let source = source.into_inner();
        let checked = nested(f, format!("sources[{}].", i + 1), line, |f| {
            let title = f.required("title", source.title, "what the source is");
            let url = f.https("url", source.url, true);
            Some(Source {
                title: title?,
                url: url?,
            })
        });
        sources.extend(checked);
    }
    sources
}

fn check_items(
    f: &mut Fields,
    list: toml::Spanned<Vec<toml::Spanned<RawItem>>>,
) -> Vec<ResearchItem> {
    let list_line = f.line_of(&list);
    let list = list.into_inner();
    if list.is_empty() {
        f.error(list_line, "items", "is empty: add at least one item");
    }
    let mut items: Vec<ResearchItem> = Vec::new();
    for (i, item) in list.into_iter().enumerate() {
        let line = f.line_of(&item);
        let item = item.into_inner();
        let checked = nested(f, format!("items[{}].", i + 1), line, |f| {
            let id_line = item.id.as_ref().map(|v| f.line_of(v)).unwrap_or(line);
            let id = f.required("id", item.id, "a short unique name, e.g. \"uganda-2010\"");
            if let Some(id) = &id {
                if !is_valid_id(id) {
                    f.error(id_line, "id", format!("{id:?} may only use a-z, 0-9 and -"));
                } else if crate::content::ids::ALL.contains(&id.as_str()) {
                    f.error(id_line, "id", format!("{id:?} is used by the page layout"));
                } else if items.iter().any(|other| &other.id == id) {
                    f.error(id_line, "id", format!("duplicate id {id:?}"));
                }
            }
            let year = match item.year {
                None => {
                    f.missing("year", "the year, e.g. 2014");
                    None
                }
                Some(y) => {
                    let y_line = f.line_of(&y);
                    match u16::try_from(*y.get_ref()) {
                        Ok(year @ 1961..=2100) => Some(year),
                        _ => {
                            f.error(
                                y_line,
                                "year",
                                format!("{} is not a plausible year", y.get_ref()),
                            );
                            None
                        }
                    }
                }
            };
            let kind_line = item.kind.as_ref().map(|v| f.line_of(v)).unwrap_or(line);
            let kind = f.required(
                "kind",
                item.kind,
                "report, public statement or urgent action",
            );
            if let Some(kind) = &kind
                && !ITEM_KINDS.contains(&kind.as_str())
            {
                f.error(
                    kind_line,
                    "kind",
                    format!("{kind:?} is not one of: {}", ITEM_KINDS.join(", ")),
                );
            }
            let country = f.required("country", item.country, "the country");
            let summary = f.required("summary", item.summary, "one plain sentence");
            let title = f.optional("title", item.title);
            let index = f.optional("index", item.index);
            let date_line = item.date.as_ref().map(|v| f.line_of(v)).unwrap_or(line);
            let date = f.date("date", item.date, "the date, e.g. 2014-07-03");
            if let (Some(year), Some(date)) = (year, &date)
                && !date.starts_with(&year.to_string())
            {
                f.error(
                    date_line,
                    "date",
                    format!("{date} is not in the year {year}"),
                );
            }
            let url = f.https("url", item.url, true);
            let link_label = f.required("link_label", item.link_label, "the words of the link");
            let note = f.optional("note", item.note);
            Some(ResearchItem {
                id: id?,
                year: year?,
                kind: kind?,
                country: country?,
                summary: summary?,
                title,
                index,
                date: date?,
                url: url?,
                link_label: link_label?,
                note,
            })
        });
        items.extend(checked);
    }
    items
}

/// Internal links must reach a page (and section) of the contract; others must be https.
fn check_links(links: &[PendingLink], pages: &HashMap<Route, (String, Page)>, report: &mut Report) {
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
                    (Some(id), Some((_, page))) if !page.has_fragment(id) => Some(format!(
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
