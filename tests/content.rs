//! The content as editors write it: the real `content/` is complete and correct, and every
//! kind of fault in a broken set is reported with its file, line, field and message.
#![cfg(feature = "build")]

use rosw::builder::output::{self, BuildError, Options};
use rosw::builder::source::load;
use rosw::content::{Block, Bundle, Inline};
use rosw::meta::SiteUrl;
use rosw::routes::{Country, Route};
use std::fs;
use std::path::{Path, PathBuf};

/// Every edition of the real content, the default first.
fn editions() -> Vec<Bundle> {
    load(Path::new("content")).unwrap_or_else(|errors| {
        panic!(
            "content/ has faults:\n{}",
            errors.iter().map(|e| format!("{e}\n")).collect::<String>()
        )
    })
}

fn real() -> Bundle {
    editions().remove(0)
}

fn links(bundle: &Bundle, route: Route) -> Vec<String> {
    fn in_inlines(inlines: &[Inline], out: &mut Vec<String>) {
        for inline in inlines {
            match inline {
                Inline::Link { href, children } => {
                    out.push(href.clone());
                    in_inlines(children, out);
                }
                Inline::Strong(children) | Inline::Emphasis(children) | Inline::Mark(children) => {
                    in_inlines(children, out)
                }
                Inline::Text(_) | Inline::Code(_) | Inline::Break => {}
            }
        }
    }
    fn in_blocks(blocks: &[Block], out: &mut Vec<String>) {
        for block in blocks {
            match block {
                Block::Paragraph(inlines) => in_inlines(inlines, out),
                Block::Quote(blocks) => in_blocks(blocks, out),
                Block::Bullets(items) | Block::Numbered(_, items) => {
                    items.iter().for_each(|item| in_blocks(item, out));
                }
                Block::Subheading(_) => {}
            }
        }
    }
    let page = bundle.page(route).unwrap();
    let mut out = Vec::new();
    in_blocks(&page.intro, &mut out);
    page.sections
        .iter()
        .for_each(|s| in_blocks(&s.blocks, &mut out));
    out
}

/// A fresh copy of a content folder to change in a test.
fn copy_of(fixture: &str, name: &str) -> PathBuf {
    fn copy(from: &Path, to: &Path) {
        fs::create_dir_all(to).unwrap();
        for entry in fs::read_dir(from).unwrap() {
            let path = entry.unwrap().path();
            let target = to.join(path.file_name().unwrap());
            if path.is_dir() {
                copy(&path, &target);
            } else {
                fs::copy(&path, target).unwrap();
            }
        }
    }
    let dir = std::env::temp_dir().join(format!("rosw-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    copy(Path::new(fixture), &dir);
    dir
}

/// The faults of a content folder, with file names relative to its default edition's folder.
fn messages(dir: &Path) -> Vec<String> {
    let prefix = format!("{}/", dir.display());
    load(dir)
        .unwrap_err()
        .iter()
        .map(|e| {
            e.to_string()
                .replace(&format!("{prefix}en/"), "")
                .replace(&prefix, "")
        })
        .collect()
}

#[test]
fn the_real_content_covers_every_page_of_the_contract() {
    let bundle = real();
    for route in Route::with_content() {
        let page = bundle.page(route).unwrap();
        assert!(
            !page.title.is_empty() && !page.description.is_empty(),
            "{route}"
        );
        assert!(page.description.chars().count() <= 200, "{route}");
        if route.has_sources() {
            assert!(!page.sources.is_empty(), "{route} lists its sources");
        }
    }
    assert_eq!(bundle.site.name, "Rights of Sex Workers");
}

#[test]
fn the_policy_and_reports_carry_their_confirmed_document_facts() {
    let bundle = real();
    let facts = |route: Route| bundle.page(route).unwrap().document.clone().unwrap();
    let policy = facts(Route::Policy);
    assert_eq!(policy.index.as_deref(), Some("POL 30/4062/2016"));
    assert_eq!(policy.published, "2016-05-26");
    assert!(policy.url.starts_with("https://www.amnesty.org/"));
    for (country, index) in [
        (Country::Argentina, "AMR 13/4042/2016"),
        (Country::HongKong, "ASA 17/4032/2016"),
        (Country::Norway, "EUR 36/4034/2016"),
        (Country::PapuaNewGuinea, "ASA 34/4030/2016"),
    ] {
        let doc = facts(Route::Report(country));
        assert_eq!(doc.index.as_deref(), Some(index), "{country:?}");
        assert_eq!(doc.published, "2016-05-26");
        assert!(doc.languages.contains(&"English".to_string()));
        let page = bundle.page(Route::Report(country)).unwrap();
        assert!(
            page.has_fragment("findings"),
            "{country:?} has key findings"
        );
    }
    let policy_page = bundle.page(Route::Policy).unwrap();
    for id in ["levels", "decriminalisation", "what-stays-criminal"] {
        assert!(policy_page.has_fragment(id), "policy section {id}");
    }
}

#[test]
fn related_research_lists_the_six_items_without_unconfirmed_facts() {
    let bundle = real();
    let items = &bundle.page(Route::RelatedResearch).unwrap().items;
    let summary: Vec<(u16, &str)> = items.iter().map(|i| (i.year, i.country.as_str())).collect();
    assert_eq!(
        summary,
        [
            (2010, "Uganda"),
            (2012, "Greece"),
            (2014, "Nigeria"),
            (2014, "Honduras"),
            (2014, "Brazil"),
            (2015, "Tunisia"),
        ]
    );
    // The fact sheet confirms no English index for Uganda, and neither title nor index for Greece.
    assert_eq!(items[0].index, None);
    assert_eq!(
        (items[1].title.as_ref(), items[1].index.as_ref()),
        (None, None)
    );
    assert_eq!(items[2].index.as_deref(), Some("AFR 44/011/2014"));
    assert_eq!(items[3].index.as_deref(), Some("AMR 37/001/2014"));
    assert_eq!(items[4].index.as_deref(), Some("AMR 19/006/2014"));
    assert_eq!(items[5].index.as_deref(), Some("MDE 30/2814/2015"));
    for item in items {
        assert!(item.url.starts_with("https://"));
    }
}

#[test]
fn the_hong_kong_report_and_focus_page_link_to_each_other() {
    let bundle = real();
    let report = links(&bundle, Route::Report(Country::HongKong));
    assert!(
        report.iter().any(|h| h.starts_with("/hong-kong")),
        "{report:?}"
    );
    let focus = links(&bundle, Route::HongKong);
    assert!(
        focus.iter().any(|h| h.starts_with("/reports/hong-kong")),
        "{focus:?}"
    );
}

#[test]
fn every_fault_in_the_broken_set_is_reported_at_once() {
    let dir = Path::new("tests/fixtures/broken");
    assert_eq!(
        messages(dir),
        [
            "home.md:11: text: broken internal link \"/hong-kong#nowhere\": /hong-kong has no section with id \"nowhere\"",
            "hong-kong.md:11: text: broken internal link \"/reports/hongkong\": there is no such page",
            "not-found.md:6: text: is empty: write the page's text after the closing +++",
            "policy.md:1: title: missing: the page's main heading",
            "related-research.md:23: text: images are not supported",
            "reports.md:1: nav_title: missing: a short name for menus and cards",
            "reports.md:3: navtitle: unknown field: did you mean `nav_title`?",
            "reports/argentina.md:10: document.published: \"2016-02-30\" is not a date; write it as YYYY-MM-DD, e.g. 2016-05-26",
            "reports/hong-kong.md:4: description: is empty: write the text or remove the line",
            "reports/hong-kong.md:17: sources[1].url: \"http://www.example.org/source\" is not an https:// address; use the https:// form of the link",
            "reports/norway-copy.md: unknown page: a file's name decides its page, and the pages in its reports/ folder are argentina.md, hong-kong.md, norway.md, papua-new-guinea.md",
            "reports/papua-new-guinea.md:2: slug: no longer used: the file's name decides the page; remove this line",
            "site.toml:1: lang: missing: the language of the text, e.g. en-GB",
            "site.toml:16: exit_url: \"http://www.example.org/weather\" is not an https:// address; use the https:// form of the link",
        ]
    );
}

#[test]
fn the_valid_fixture_loads() {
    let bundles = load(Path::new("tests/fixtures/valid")).unwrap();
    assert_eq!(bundles.len(), 1);
    assert_eq!(bundles[0].pages.len(), 12);
}

/// Faults that stop a file from being read at all, or that concern the folder.
#[test]
fn missing_pages_syntax_errors_and_strays_are_reported() {
    let root = copy_of("tests/fixtures/valid", "faults");
    let dir = root.join("en");
    fs::remove_file(dir.join("reports/norway.md")).unwrap();
    fs::write(dir.join("policy.md"), "+++\ntitle = \"x\n+++\nText\n").unwrap();
    fs::write(dir.join("reports.md"), "title = \"The research\"\n").unwrap();
    let home = fs::read_to_string(dir.join("home.md")).unwrap();
    fs::write(
        dir.join("home.md"),
        home.replace("+++\n\n", "+++\n\n| a | b |\n|---|---|\n\n"),
    )
    .unwrap();
    fs::write(dir.join("notes.txt"), "stray").unwrap();
    let got = messages(&root);
    assert_eq!(got.len(), 5, "{got:#?}");
    assert_eq!(
        got[0],
        "home.md:11: text: tables are not supported; use a list"
    );
    assert_eq!(
        got[1],
        "notes.txt: unknown file: pages are .md files (plus site.toml and interface.toml)"
    );
    assert!(
        got[2].starts_with("policy.md:2: the front matter cannot be read:"),
        "{}",
        got[2]
    );
    assert_eq!(
        got[3],
        "reports.md:1: the file must start with a line `+++`, then the front matter (title, …), then another `+++`"
    );
    assert_eq!(
        got[4],
        "reports/norway.md: missing: /reports/norway/ has no content without this file"
    );
    fs::remove_dir_all(root).unwrap();
}

#[test]
fn a_failed_build_writes_nothing() {
    let out = std::env::temp_dir().join(format!("rosw-out-{}", std::process::id()));
    let _ = fs::remove_dir_all(&out);
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("index.html"), "previous build").unwrap();
    let result = output::finish(&Options {
        content: "tests/fixtures/broken".into(),
        out: out.clone(),
        site: SiteUrl::parse("https://example.org/").unwrap(),
        csp_meta: true,
        compress: true,
    });
    let Err(BuildError::Content(errors)) = result else {
        panic!("the broken content must fail the build");
    };
    assert_eq!(errors.len(), 14);
    let left: Vec<_> = fs::read_dir(&out).unwrap().collect();
    assert_eq!(left.len(), 1);
    assert_eq!(
        fs::read_to_string(out.join("index.html")).unwrap(),
        "previous build"
    );
    fs::remove_dir_all(out).unwrap();
}

/// Every unknown, missing or bad field of a file is reported in one run, each at its line.
#[test]
fn every_front_matter_fault_of_a_file_is_reported_at_once() {
    let dir = copy_of("tests/fixtures/valid", "frontmatter");
    for file in ["related-research.md", "policy.md"] {
        fs::copy(
            Path::new("tests/fixtures/frontmatter").join(file),
            dir.join("en").join(file),
        )
        .unwrap();
    }
    let got = messages(&dir);
    fs::remove_dir_all(&dir).unwrap();
    assert_eq!(
        got,
        [
            "policy.md:5: path: is not written in the front matter: the file's name decides the page's address",
            "policy.md:7: document.url_language: missing: the language of the page `url` opens, e.g. \"English\"",
            "policy.md:10: document.published: \"26 May 2016\" is not a date; write it as YYYY-MM-DD, e.g. 2016-05-26",
            "policy.md:11: document.languages: is empty: name at least one language",
            "policy.md:18: items: only the related-research page has [[items]]",
            "related-research.md:3: nav_title: is a number; write text in quotes, e.g. \"…\"",
            "related-research.md:5: colour: unknown field: the fields here are `title`, `nav_title`, `description`, `lead`, `country`, `items`, `sources`",
            "related-research.md:10: items[1].kind: \"letter\" is not one of: report, public statement, urgent action",
            "related-research.md:13: items[1].date: 2011-04-07 is not in the year 2010",
            "related-research.md:17: items[2].kind: missing: report, public statement or urgent action",
            "related-research.md:17: items[2].link_label: missing: the words of the link",
            "related-research.md:18: items[2].id: duplicate id \"uganda-2010\"",
            "related-research.md:19: items[2].year: 1066 is not a plausible year",
            "related-research.md:20: items[2].country: is empty: write the text or remove the line",
            "related-research.md:23: items[2].index: \"AFR 59/2/2010\" is not an index number; write it as on the document, e.g. POL 30/4062/2016",
            "related-research.md:24: items[2].url: \"www.example.org/uganda\" is not an https:// address; use the https:// form of the link",
            "related-research.md:29: sources[1].titel: unknown field: did you mean `title`?",
            "related-research.md:31: sources[2].title: missing: what the source is",
        ]
    );
}

/// Each Markdown construct the text model does not hold is a fault naming it, at its line.
#[test]
fn unsupported_markdown_is_reported_construct_by_construct() {
    let dir = copy_of("tests/fixtures/valid", "unsupported");
    fs::copy(
        "tests/fixtures/markdown/unsupported.md",
        dir.join("en/hong-kong.md"),
    )
    .unwrap();
    let got = messages(&dir);
    fs::remove_dir_all(&dir).unwrap();
    assert_eq!(
        got,
        [
            "hong-kong.md:13: text: `#` headings are not used: the page title comes from `title`; start sections with `##`",
            "hong-kong.md:15: text: images are not supported",
            "hong-kong.md:17: text: raw HTML is not allowed; use Markdown",
            "hong-kong.md:19: text: raw HTML is not allowed; use Markdown",
            "hong-kong.md:21: text: tables are not supported; use a list",
            "hong-kong.md:25: text: footnotes are not supported; give the source in the text or in [[sources]]",
            "hong-kong.md:27: text: footnotes are not supported; give the source in the text or in [[sources]]",
            "hong-kong.md:29: text: code blocks are not supported; write plain text, or `code` within a sentence",
            "hong-kong.md:33: text: code blocks are not supported; write plain text, or `code` within a sentence",
            "hong-kong.md:35: text: horizontal rules (---) are not supported; use a `##` heading",
            "hong-kong.md:37: text: strikethrough (~~text~~) is not supported",
            "hong-kong.md:39: text: task list boxes ([ ] and [x]) are not supported; write a plain list",
            "hong-kong.md:41: text: only `##` and `###` headings are supported",
            "hong-kong.md:43: text: GitHub alerts (> [!NOTE]) are not supported; write a plain quotation",
            "hong-kong.md:46: text: e-mail links are not supported; write the address as text",
            "hong-kong.md:46: text: link titles are not supported: remove \"Title\" from the link",
            "hong-kong.md:48: text: a heading is plain text: styled text or a link cannot go in it",
            "hong-kong.md:50: text: only `##` section headings take an {#id}; remove it from the `###` heading",
            "hong-kong.md:52: text: only an id, {#some-id}, can follow a heading; classes and attributes are not supported",
            "hong-kong.md:54: text: a list item is empty",
            "hong-kong.md:56: text: the link to \"/policy\" has no text",
            "hong-kong.md:58: text: a heading cannot be inside a list or quotation",
            "hong-kong.md:60: text: ** (or __) that Markdown could not pair up would show on the page; put the closing ** right after a word, before punctuation, e.g. **Title**: text",
        ]
    );
}

/// The nested fixture is valid: every supported construct inside the others.
#[test]
fn nested_markdown_loads() {
    let dir = copy_of("tests/fixtures/valid", "nested");
    fs::copy(
        "tests/fixtures/markdown/nested.md",
        dir.join("en/hong-kong.md"),
    )
    .unwrap();
    let result = load(&dir);
    fs::remove_dir_all(&dir).unwrap();
    let bundle = result.unwrap_or_else(|e| panic!("{e:#?}")).remove(0);
    let page = bundle.page(Route::HongKong).unwrap();
    assert_eq!(
        links(&bundle, Route::HongKong),
        [
            "/policy",
            "/policy",
            "/reports/hong-kong#findings",
            "/policy#levels",
            "/hong-kong#police"
        ]
    );
    assert_eq!(page.sections.len(), 2);
}

/// The Chinese edition has every page, in Chinese, with the same facts as the English.
#[test]
fn the_chinese_edition_mirrors_the_english() {
    let editions = editions();
    assert_eq!(editions.len(), 2);
    let (en, zh) = (&editions[0], &editions[1]);
    assert_eq!(zh.edition, 1);
    assert_eq!(zh.editions[1].code, "zh-hk");
    assert_eq!(zh.site.lang, "zh-Hant-HK");
    assert!(zh.site.translation_note.is_some());
    assert_eq!(en.pages.len(), zh.pages.len());
    let han = |text: &str| text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    for (a, b) in en.pages.iter().zip(&zh.pages) {
        assert_eq!(a.path, b.path);
        assert!(han(&b.title), "{}: {}", b.path, b.title);
        assert!(han(&b.description), "{}: {}", b.path, b.description);
        let ids =
            |p: &rosw::content::Page| p.sections.iter().map(|s| s.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(a), ids(b), "{}", a.path);
        if let (Some(da), Some(db)) = (&a.document, &b.document) {
            // Official titles and facts stay as Amnesty published them.
            assert_eq!(da.title, db.title);
            assert_eq!(da.index, db.index);
            assert_eq!(da.published, db.published);
        }
    }
}

/// A translation that drifts from the default edition fails the build, naming the file and
/// the key; a missing word is never filled in from another language.
#[test]
fn editions_are_checked_against_each_other() {
    let dir = copy_of("content", "editions");
    let zh = dir.join("zh-hk");
    let words = fs::read_to_string(zh.join("interface.toml")).unwrap();
    let words = words
        .lines()
        .filter(|l| !l.starts_with("skip_link"))
        .map(|l| {
            if l.starts_with("read_document") {
                "read_document = \"閱讀全文\"".to_string()
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    fs::write(zh.join("interface.toml"), words).unwrap();
    let got = messages(&dir);
    assert_eq!(
        got,
        ["zh-hk/interface.toml:1: skip_link: missing: add a line `skip_link = …`"]
    );
    // With every key present, the slots and the pages are compared.
    let words = fs::read_to_string(zh.join("interface.toml")).unwrap();
    fs::write(
        zh.join("interface.toml"),
        format!("skip_link = \"跳至主要內容\"\n{words}"),
    )
    .unwrap();
    let norway = fs::read_to_string(zh.join("reports/norway.md")).unwrap();
    fs::write(
        zh.join("reports/norway.md"),
        norway.replace("{#findings}", "{#key-findings}"),
    )
    .unwrap();
    let site = fs::read_to_string(zh.join("site.toml")).unwrap();
    let site: String = site
        .lines()
        .filter(|l| !l.starts_with("translation_note"))
        .map(|l| format!("{l}\n"))
        .collect();
    fs::write(zh.join("site.toml"), site).unwrap();
    let got = messages(&dir);
    assert_eq!(
        got,
        [
            "zh-hk/interface.toml: read_document: has no slots; interface.toml has {language} {site}: keep each {slot} as it is, and translate the words around it",
            "zh-hk/reports/norway.md: sections: has the sections #summary #key-findings #context; reports/norway.md has #summary #findings #context: the editions must agree",
            "zh-hk/site.toml: translation_note: missing: a translated edition says on every page that its text is this site's translation (add translation_note = \"…\")",
        ]
    );
    // A folder that is not an edition is not silently left out.
    fs::create_dir_all(dir.join("fr")).unwrap();
    let got = messages(&dir);
    fs::remove_dir_all(&dir).unwrap();
    assert_eq!(
        got,
        [
            "fr: a folder that languages.toml does not list; add \"fr\" to its editions to publish it",
        ]
    );
}

/// What readers look for, in both editions, and where the first result must lead.
#[test]
fn search_finds_first_what_readers_look_for() {
    use rosw::search::Index;
    let editions = editions();
    let cases: [(usize, &str, &str); 12] = [
        (0, "POL 30/4062/2016", "/policy/"),
        (0, "pol30/4062/2016", "/policy/"),
        (0, "eur 36 4034 2016", "/reports/norway/"),
        (0, "Norway", "/reports/norway/"),
        (0, "entrapment", "/reports/#research-summary"),
        (0, "Nordic model", "/reports/norway/"),
        (0, "decriminalization", "/policy/#decriminalisation"),
        (0, "Uganda", "/related-research/#uganda-2010"),
        (1, "挪威", "/reports/norway/"),
        (1, "設局誘使", "/reports/#research-summary"),
        (1, "非刑事化", "/policy/#decriminalisation"),
        (1, "ASA 17/4032/2016", "/reports/hong-kong/"),
    ];
    let root = rosw::routes::BasePath::root();
    let mut got = Vec::new();
    for (edition, query, _) in cases {
        let index = Index::new(&editions[edition]);
        let (hits, _) = index.search(query);
        let top: Vec<String> = hits.iter().take(3).map(|h| h.href(&root)).collect();
        got.push(format!("{query} → {top:?}"));
    }
    let wrong: Vec<String> = cases
        .iter()
        .zip(&got)
        .filter(|((_, _, want), line)| !line.contains(&format!("[\"{want}\"")))
        .map(|(_, line)| line.clone())
        .collect();
    assert!(
        wrong.is_empty(),
        "first results differ:\n{}",
        got.join("\n")
    );
}

/// The search page ends with every other page and its sections as links, in both editions:
/// what it offers without the app, and where to go when nothing is found.
#[test]
fn the_search_page_lists_every_page_and_section() {
    use rosw::content::{Block, Inline};
    use rosw::routes::Route;
    for bundle in editions() {
        let search = bundle.page(Route::Search).unwrap();
        let last = search.sections.last().unwrap();
        assert_eq!(last.id, rosw::content::ids::SEARCH_INDEX);
        assert_eq!(last.heading, bundle.words.search_index);
        let [Block::Bullets(items)] = last.blocks.as_slice() else {
            panic!("one list: {:?}", last.blocks)
        };
        let href = |blocks: &[Block]| match blocks.first() {
            Some(Block::Paragraph(inlines)) => match inlines.as_slice() {
                [Inline::Link { href, .. }] => href.clone(),
                other => panic!("one link: {other:?}"),
            },
            other => panic!("a paragraph: {other:?}"),
        };
        let pages: Vec<String> = items.iter().map(|item| href(item)).collect();
        let expected: Vec<&str> = Route::ALL
            .into_iter()
            .filter(|r| *r != Route::Search)
            .map(Route::path)
            .collect();
        assert_eq!(pages, expected);
        // The Norway report's sections, each by its fragment.
        let norway = Route::Report(rosw::routes::Country::Norway);
        let item = &items[pages.iter().position(|p| p == norway.path()).unwrap()];
        let Some(Block::Bullets(sections)) = item.get(1) else {
            panic!("the Norway report's sections: {item:?}")
        };
        let sections: Vec<String> = sections.iter().map(|s| href(s)).collect();
        let expected: Vec<String> = bundle
            .page(norway)
            .unwrap()
            .contents()
            .map(|(id, _)| format!("/reports/norway/#{id}"))
            .collect();
        assert_eq!(sections, expected);
    }
}
