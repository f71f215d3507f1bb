//! Prerendering: every route renders through the app's own components to the right page,
//! and the finished output has everything a host and a link preview need.
#![cfg(feature = "build")]

use rosw::builder::output::{self, Options};
use rosw::builder::source::load;
use rosw::builder::update;
use rosw::content::{Block, Bundle, Inline};
use rosw::meta::SiteUrl;
use rosw::prerender::render_route;
use rosw::routes::{BasePath, Country, Route};
use std::fs;
use std::path::Path;
use std::sync::Arc;

fn fixture() -> Arc<Bundle> {
    Arc::new(load(Path::new("tests/fixtures/valid")).unwrap().remove(0))
}

/// The h1's text, without Leptos's empty comment markers (`<!>`).
fn h1(html: &str) -> String {
    let start = html.find("<h1").unwrap();
    let start = start + html[start..].find('>').unwrap() + 1;
    html[start..start + html[start..].find("</h1>").unwrap()].replace("<!>", "")
}

#[test]
fn every_route_renders_its_own_page() {
    let bundle = fixture();
    let base = BasePath::root();
    for route in Route::with_content() {
        let html = render_route(bundle.clone(), route, &base);
        let page = bundle.page(route).unwrap();
        assert_eq!(h1(&html), page.title, "{route}");
        assert_eq!(html.matches("<h1").count(), 1, "one h1 on {route}");
        assert!(html.contains("<main id=\"main\""), "{route}");
        assert!(html.contains("Skip to main content"));
    }
}

/// What the browser hydrates with, a page's share of the bundle, renders every route of both
/// editions of the real content exactly as the full bundle does.
#[test]
fn a_page_share_renders_exactly_as_the_full_bundle() {
    let base = BasePath::new("/rights/");
    for bundle in load(Path::new("content"))
        .unwrap()
        .into_iter()
        .map(Arc::new)
    {
        for route in Route::with_content() {
            let share = Arc::new(bundle.share_for(route));
            assert!(share.holds(route));
            let full = render_route(bundle.clone(), route, &base);
            assert_eq!(render_route(share, route, &base), full, "{route}");
        }
    }
}

#[test]
fn navigation_marks_the_current_section() {
    let bundle = fixture();
    let html = render_route(bundle, Route::Report(Country::Norway), &BasePath::root());
    assert!(
        html.contains(r#"<a href="/reports/" aria-current="page">"#),
        "{html}"
    );
    assert!(!html.contains(r#"<a href="/" aria-current="page">"#));
    assert!(html.contains(r#"aria-label="Breadcrumb""#));
    assert!(html.contains("EUR 36/4034/2016"));
    assert!(html.contains(r#"<h2 id="findings">"#));
}

#[test]
fn links_carry_the_base_path() {
    let bundle = fixture();
    let base = BasePath::new("/rights/");
    let html = render_route(bundle, Route::Home, &base);
    assert!(html.contains(r#"href="/rights/policy/""#));
    assert!(html.contains(r#"href="/rights/policy/#levels""#));
    assert!(
        html.contains(r#"<a href="/rights/" aria-current="page">"#),
        "{html}"
    );
    assert!(!html.contains(r#"href="/policy"#));
}

#[test]
fn bundle_text_is_escaped_never_injected() {
    let mut bundle = (*fixture()).clone();
    let page = bundle
        .pages
        .iter_mut()
        .find(|p| p.path == "/policy/")
        .unwrap();
    page.title = "<img src=x onerror=alert(1)> & <script>".into();
    page.intro = vec![Block::Quote(vec![Block::Paragraph(vec![Inline::Strong(
        vec![
            Inline::Text("<b>not bold</b>".into()),
            Inline::Code("<script>".into()),
        ],
    )])])];
    let html = render_route(Arc::new(bundle), Route::Policy, &BasePath::root()).replace("<!>", "");
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt; &amp; &lt;script&gt;"));
    assert!(!html.contains("<img src=x"));
    assert!(html.contains("&lt;b&gt;not bold&lt;/b&gt;"));
    assert!(html.contains("<code>&lt;script&gt;</code>"));
}

const TEMPLATE: &str = r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>x</title><meta name="description" content=""><link rel="canonical" href=""><meta property="og:type" content=""><meta property="og:site_name" content=""><meta property="og:locale" content=""><meta property="og:title" content=""><meta property="og:description" content=""><meta property="og:url" content=""><meta property="og:image" content=""><meta property="og:image:alt" content=""><meta name="twitter:card" content="summary_large_image"><meta name="twitter:title" content=""><meta name="twitter:description" content=""><meta name="twitter:image" content=""><meta name="twitter:image:alt" content=""><meta name="site-base" content="/"><meta name="content-bundle" content="/content.json"><meta name="search-worker" content=""><script type="module">import init from '/rights/app-0123456789abcdef.js';await init();</script><link rel="modulepreload" href="/rights/app-0123456789abcdef.js" integrity="sha384-glue"><link rel="preload" as="fetch" type="application/wasm" href="/rights/app-0123456789abcdef_bg.wasm" integrity="sha384-wasm"></head><body><div id="app"></div></body></html>"#;

#[test]
fn finish_writes_a_complete_site() {
    let out = std::env::temp_dir().join(format!("rosw-finish-{}", std::process::id()));
    let _ = fs::remove_dir_all(&out);
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("index.html"), TEMPLATE).unwrap();
    // Trunk's unhashed search worker files, which the builder renames before it finishes.
    fs::write(out.join("search-worker.js"), "let wasm_bindgen;").unwrap();
    fs::write(out.join("search-worker_bg.wasm"), b"\0asm").unwrap();
    fs::write(
        out.join("search-worker_loader.js"),
        r#"importScripts("./search-worker.js");wasm_bindgen("./search-worker_bg.wasm");"#,
    )
    .unwrap();
    output::hash_search_worker(&out).unwrap();
    let site = SiteUrl::parse("https://example.org/rights/").unwrap();
    output::finish(&Options {
        content: "tests/fixtures/valid".into(),
        out: out.clone(),
        site,
        csp_meta: true,
        compress: true,
    })
    .unwrap();

    for route in Route::with_content() {
        assert!(out.join(route.output_file()).is_file(), "{route}");
    }
    let norway = fs::read_to_string(out.join("reports/norway/index.html")).unwrap();
    assert!(norway.contains("<title>Norway: report – Fixture Site</title>"));
    assert!(
        norway.contains(
            r#"<link rel="canonical" href="https://example.org/rights/reports/norway/">"#
        )
    );
    assert!(norway.contains(
        r#"<meta property="og:url" content="https://example.org/rights/reports/norway/">"#
    ));
    assert!(
        norway.contains(
            r#"<meta property="og:image" content="https://example.org/rights/share.png">"#
        )
    );
    assert!(norway.contains(r#"<meta name="description" content="About Norway: report.">"#));
    assert!(norway.contains(r#"<html lang="en-GB">"#));
    assert!(norway.contains(r#"<meta name="site-base" content="/rights/">"#));
    assert!(norway.contains(r#"<div id="app" data-prerendered="">"#));
    assert!(norway.contains("http-equiv=\"Content-Security-Policy\""));
    assert!(!norway.contains("await init"), "no inline script is left");
    assert!(norway.contains(r#"integrity="sha384-"#));

    let not_found = fs::read_to_string(out.join("404.html")).unwrap();
    assert!(not_found.contains(r#"<meta name="robots" content="noindex">"#));
    assert!(!not_found.contains("rel=\"canonical\""));

    // The bundle is content-hashed and named by every page.
    let bundle_name = fs::read_dir(&out)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .find(|n| n.starts_with("content.") && n.ends_with(".json"))
        .unwrap();
    assert!(norway.contains(&format!(
        r#"<meta name="content-bundle" content="/rights/{bundle_name}">"#
    )));
    let json = fs::read_to_string(out.join(&bundle_name)).unwrap();
    let full = Bundle::from_json(&json).unwrap();
    assert_eq!(full.pages.len(), 12);
    // Each page carries its own share of the bundle, after the app's markup, as a data block.
    let start = r#"</div><script type="application/json" id="page-data">"#;
    let data = &norway[norway.find(start).expect("the page's data") + start.len()..];
    let share = Bundle::from_json(&data[..data.find("</script>").unwrap()]).unwrap();
    assert_eq!(share, full.share_for(Route::Report(Country::Norway)));

    // The search worker's files are content-hashed, its loader names them, every page names
    // the loader, and all three are cached for a year.
    let names: Vec<String> = fs::read_dir(&out)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.starts_with("search-worker") && !n.ends_with(".br") && !n.ends_with(".gz"))
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
    let loader = names.iter().find(|n| n.ends_with("_loader.js")).unwrap();
    let name = loader.trim_end_matches("_loader.js");
    assert_eq!(name.len(), "search-worker-".len() + 16, "{loader}");
    assert_eq!(
        fs::read_to_string(out.join(loader)).unwrap(),
        format!(
            r#"const early=[];onmessage=(e)=>early.push(e);importScripts("./{name}.js");wasm_bindgen({{module_or_path:"./{name}_bg.wasm"}}).then(()=>early.forEach((e)=>onmessage(e)),()=>postMessage([]));"#
        )
    );
    assert!(norway.contains(&format!(
        r#"<meta name="search-worker" content="/rights/{loader}">"#
    )));
    let headers = fs::read_to_string(out.join("_headers")).unwrap();
    for file in &names {
        assert!(
            headers.contains(&format!(
                "/rights/{file}\n  Cache-Control: public, max-age=31536000, immutable"
            )),
            "{file}"
        );
    }

    // The offline worker names every page with its hash, and each edition has a manifest.
    let worker = fs::read_to_string(out.join("sw.js")).unwrap();
    assert!(!worker.contains("__CONFIG__"));
    let norway_sha: String = {
        use sha2::Digest;
        sha2::Sha256::digest(norway.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    };
    assert!(worker.contains(&format!(
        r#""path":"/rights/reports/norway/","sha256":"{norway_sha}""#
    )));
    assert!(norway.contains(r#"<link rel="manifest" href="/rights/manifest.webmanifest">"#));
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("manifest.webmanifest")).unwrap())
            .unwrap();
    assert_eq!(manifest["start_url"], "/rights/");
    assert_eq!(manifest["scope"], "/rights/");
    assert_eq!(manifest["short_name"], "Fixture");
    assert_eq!(manifest["icons"].as_array().unwrap().len(), 3);

    let sitemap = fs::read_to_string(out.join("sitemap.xml")).unwrap();
    assert_eq!(
        sitemap.matches("<loc>https://example.org/rights/").count(),
        11
    );
    // Every address the site names for its own pages is the form hosts serve directly.
    assert!(sitemap.contains("<loc>https://example.org/rights/reports/norway/</loc>"));
    assert!(!sitemap.contains("norway</loc>"));
    let robots = fs::read_to_string(out.join("robots.txt")).unwrap();
    assert!(robots.contains("Sitemap: https://example.org/rights/sitemap.xml"));

    let headers = fs::read_to_string(out.join("_headers")).unwrap();
    assert!(headers.contains("/rights/*\n  Content-Security-Policy: default-src 'self'"));
    assert!(headers.contains(&format!(
        "/rights/{bundle_name}\n  Cache-Control: public, max-age=31536000, immutable"
    )));
    assert!(
        headers.contains("/rights/policy/\n  Cache-Control: public, max-age=0, must-revalidate")
    );
    assert!(out.join("reports/norway/index.html.br").is_file());
    assert!(out.join(format!("{bundle_name}.gz")).is_file());
    fs::remove_dir_all(out).unwrap();
}

/// A copy of the valid fixture with the hong-kong page replaced.
fn with_page(fixture_page: &str, name: &str) -> Arc<Bundle> {
    let dir = std::env::temp_dir().join(format!("rosw-render-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("en/reports")).unwrap();
    fs::copy(
        "tests/fixtures/valid/languages.toml",
        dir.join("languages.toml"),
    )
    .unwrap();
    for sub in ["", "reports"] {
        for entry in fs::read_dir(Path::new("tests/fixtures/valid/en").join(sub)).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                fs::copy(
                    &path,
                    dir.join("en").join(sub).join(path.file_name().unwrap()),
                )
                .unwrap();
            }
        }
    }
    fs::copy(fixture_page, dir.join("en/hong-kong.md")).unwrap();
    let bundle = load(&dir).unwrap_or_else(|e| panic!("{e:#?}")).remove(0);
    fs::remove_dir_all(dir).unwrap();
    Arc::new(bundle)
}

/// The page's HTML without Leptos's empty comment markers (`<!>`).
fn main_html(html: &str) -> String {
    let start = html.find("<main").unwrap();
    let end = html.find("</main>").unwrap();
    html[start..end].replace("<!>", "")
}

/// Every supported construct nested in the others: the rendered page holds each word of
/// the text and each nesting, as elements (never as escaped or injected HTML).
#[test]
fn nested_text_renders_with_all_its_words_and_structure() {
    let source = fs::read_to_string("tests/fixtures/markdown/nested.md").unwrap();
    let bundle = with_page("tests/fixtures/markdown/nested.md", "nested");
    let html = main_html(&render_route(bundle, Route::HongKong, &BasePath::root()));

    // Every word of the Markdown (outside link targets and ids) is in the page's text.
    let body = source.rsplit("+++").next().unwrap();
    let mut words_source = String::new();
    let mut rest = body;
    while let Some(i) = rest.find("](") {
        words_source.push_str(&rest[..i]);
        rest = &rest[i + rest[i..].find(')').unwrap() + 1..];
    }
    words_source.push_str(rest);
    let text: String = {
        let mut out = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' => {
                    in_tag = false;
                    out.push(' ');
                }
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        out
    };
    let text_words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).collect();
    for line in words_source.lines() {
        let line = line.split("{#").next().unwrap();
        for word in line.split(|c: char| !c.is_alphanumeric()) {
            if !word.is_empty() && !word.chars().all(|c| c.is_ascii_digit()) {
                assert!(
                    text_words.contains(&word),
                    "{word:?} is missing from {text}"
                );
            }
        }
    }

    for nesting in [
        // Styles, links and code inside each other.
        "<strong>bold <em>italic in bold</em> <a href=\"/policy/\">link in bold</a> <code>code in bold</code></strong>",
        "<em>italic <strong>bold in italic</strong> <a href=\"/policy/\">link in italic</a></em>",
        "<a href=\"/reports/hong-kong/#findings\"><strong>bold in link</strong> <em>italic in link</em> <code>code in link</code></a>.",
        "<a href=\"/hong-kong/#police\" aria-current=\"page\">link <em>with <strong>bold in italic</strong> in link</em></a>",
        // Breaks.
        "One line with a hard<br>break and a soft break.",
        // A quotation holding a paragraph and a list, whose item holds a list holding a quotation.
        "<blockquote><p>Quoted <strong>bold <a href=\"/policy/#levels\">link in bold in quote</a></strong> text.</p><ul><li>item in quote<ol><li>numbered in item in quote<blockquote><p>quote in numbered in item in quote</p></blockquote></li></ol></li><li>second item in quote</li></ul></blockquote>",
        // A subheading; a numbered list from 3 with an item of two paragraphs and a list.
        "<h3>A subheading</h3><ol start=\"3\"><li>third with <em>emphasis</em></li><li><p>fourth, a loose item</p><p>second paragraph of the fourth item</p><ul><li>bullet in loose item</li></ul></li></ol>",
        // Lists in lists, a quotation in an item, code in an item.
        "<ul><li>outer bullet<ul><li>inner bullet ",
        "</a><blockquote><p>quote in inner bullet</p></blockquote></li></ul></li><li><code>code</code> in bullet</li></ul>",
        "<h2 id=\"police\">Police</h2>",
        "<h2 id=\"lists\">Lists</h2>",
    ] {
        assert!(html.contains(nesting), "missing {nesting}\nin {html}");
    }
}

#[test]
fn the_footer_names_both_licences_and_the_archived_original() {
    let html = render_route(fixture(), Route::Home, &BasePath::root());
    let html = html.replace("<!>", "");
    assert!(html.contains(
        "This site’s own text: <a href=\"https://creativecommons.org/licenses/by/4.0/\">CC BY 4.0</a>"
    ));
    assert!(html.contains(
        "Original page: <a href=\"https://www.example.org/original/\">Original page</a> (<a href=\"https://web.archive.org/web/2021/https://www.example.org/original/\">archived copy</a>)"
    ));
}

#[test]
fn document_facts_name_the_site_and_language_of_the_link() {
    let html = render_route(fixture(), Route::Policy, &BasePath::root()).replace("<!>", "");
    assert!(
        html.contains(r#"<a href="https://www.example.org/policy">Read the full document on example.org (English)</a>"#),
        "{html}"
    );
}

/// Every file under `dir` with a hash of its bytes, for comparing a folder before and after.
fn snapshot(dir: &Path) -> Vec<(String, u64)> {
    use std::hash::{Hash, Hasher};
    update::files_under(dir, dir)
        .unwrap()
        .into_iter()
        .map(|f| {
            let mut hash = std::collections::hash_map::DefaultHasher::new();
            fs::read(dir.join(&f)).unwrap().hash(&mut hash);
            (f, hash.finish())
        })
        .collect()
}

fn copy_dir(from: &Path, to: &Path) {
    for file in update::files_under(from, from).unwrap() {
        let target = to.join(&file);
        fs::create_dir_all(target.parent().unwrap()).unwrap();
        fs::copy(from.join(&file), target).unwrap();
    }
}

#[test]
fn a_content_update_rewrites_the_site_and_keeps_the_app() {
    let work = std::env::temp_dir().join(format!("rosw-update-{}", std::process::id()));
    let _ = fs::remove_dir_all(&work);
    let (root, content, dist, target) = (
        work.join("project"),
        work.join("content"),
        work.join("dist"),
        work.join("target"),
    );
    fs::create_dir_all(root.join("src")).unwrap();
    fs::write(root.join("src/lib.rs"), "// the app").unwrap();
    copy_dir(Path::new("tests/fixtures/valid"), &content);
    // A full build as Trunk's hook makes it: Trunk's files, then the builder's.
    fs::create_dir_all(&dist).unwrap();
    fs::write(dist.join("index.html"), TEMPLATE).unwrap();
    let wasm = b"\0asm the app".to_vec();
    fs::write(dist.join("app-0123456789abcdef_bg.wasm"), &wasm).unwrap();
    let site = SiteUrl::parse("https://example.org/rights/").unwrap();
    let record = update::BuildRecord {
        site_url: site.to_string(),
        csp_meta: true,
        compress: true,
        fingerprint: update::code_fingerprint(&root).unwrap(),
        template: TEMPLATE.into(),
        trunk_files: vec!["app-0123456789abcdef_bg.wasm".into()],
    };
    output::finish(&Options {
        content: content.clone(),
        out: dist.clone(),
        site,
        csp_meta: true,
        compress: true,
    })
    .unwrap();
    update::save_record(&update::record_path(&target, &dist).unwrap(), &record).unwrap();
    let built = snapshot(&dist);
    let wasm_br = fs::read(dist.join("app-0123456789abcdef_bg.wasm.br")).unwrap();

    // A content-only edit: new text on the page and in the bundle it names, the app untouched.
    let policy = content.join("en/policy.md");
    let text = fs::read_to_string(&policy).unwrap();
    let edited = text.replacen("+++\n\n", "+++\n\nA sentence added by an editor.\n\n", 1);
    assert_ne!(edited, text);
    fs::write(&policy, &edited).unwrap();
    update::update(&dist, &content, &root, &target).unwrap();
    let page = fs::read_to_string(dist.join("policy/index.html")).unwrap();
    assert!(page.contains("A sentence added by an editor."));
    let bundle = fs::read_dir(&dist)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.starts_with("content.") && n.ends_with(".json"))
        .collect::<Vec<_>>();
    assert_eq!(bundle.len(), 1, "the old bundle is gone: {bundle:?}");
    assert!(page.contains(&bundle[0]));
    assert!(
        fs::read_to_string(dist.join(&bundle[0]))
            .unwrap()
            .contains("A sentence added by an editor.")
    );
    assert_eq!(
        fs::read(dist.join("app-0123456789abcdef_bg.wasm")).unwrap(),
        wasm
    );
    assert_eq!(
        fs::read(dist.join("app-0123456789abcdef_bg.wasm.br")).unwrap(),
        wasm_br
    );
    let updated = snapshot(&dist);

    // A broken edit: the content's own message, and the site exactly as it was.
    fs::write(&policy, edited.replacen("title = \"The policy\"\n", "", 1)).unwrap();
    match update::update(&dist, &content, &root, &target) {
        Err(update::UpdateError::Build(output::BuildError::Content(errors))) => {
            assert!(
                errors[0]
                    .to_string()
                    .contains("policy.md:1: title: missing")
            );
        }
        other => panic!("expected content errors, got {other:?}"),
    }
    assert_eq!(snapshot(&dist), updated);

    // The edit undone: the site is again byte for byte the full build's.
    fs::write(&policy, &text).unwrap();
    update::update(&dist, &content, &root, &target).unwrap();
    assert_eq!(snapshot(&dist), built);

    // The app's code changed: only a full build will do, and nothing is touched.
    fs::write(root.join("src/lib.rs"), "// the app, changed").unwrap();
    assert!(matches!(
        update::update(&dist, &content, &root, &target),
        Err(update::UpdateError::NeedsFullBuild(_))
    ));
    assert_eq!(snapshot(&dist), built);
    let _ = fs::remove_dir_all(&work);
}
