//! Finishes Trunk's output folder: the content-hashed bundle, one prerendered HTML file per
//! route (plus `404.html`), the loader moved out of an inline script, sitemap, robots,
//! host headers, and precompressed copies.

use super::errors::ContentError;
use super::minify;
use super::source;
use super::wasm_names;
use crate::content::Bundle;
use crate::content::ids;
use crate::meta::{PageMeta, SiteUrl, page_meta};
use crate::prerender::render_route;
use crate::routes::{BasePath, Route, edition_base};
use base64::Engine;
use lol_html::html_content::ContentType;
use lol_html::{RewriteStrSettings, element, rewrite_str};
use sha2::{Digest, Sha256, Sha384};
use std::cell::RefCell;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The Content-Security-Policy the site ships (the `_headers` file and a `<meta>` copy).
/// `'wasm-unsafe-eval'` lets the WebAssembly compile without allowing JavaScript `eval`.
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// Headers for every response (see `_headers`).
pub const SECURITY_HEADERS: [(&str, &str); 7] = [
    ("Content-Security-Policy", CSP),
    (
        "Strict-Transport-Security",
        "max-age=31536000; includeSubDomains",
    ),
    ("X-Content-Type-Options", "nosniff"),
    // Readers' privacy: never tell other sites which page someone came from.
    ("Referrer-Policy", "no-referrer"),
    (
        "Permissions-Policy",
        "web-share=(self), camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
    ),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("X-Frame-Options", "DENY"),
];

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const REVALIDATE: &str = "public, max-age=0, must-revalidate";
const COMPRESSIBLE: [&str; 9] = [
    "html",
    "js",
    "css",
    "wasm",
    "json",
    "svg",
    "xml",
    "txt",
    "webmanifest",
];
/// The service worker's file, at the root of the site so that it can serve every page.
pub const WORKER_FILE: &str = "sw.js";
/// Each edition's web app manifest, in the edition's folder.
pub const MANIFEST_FILE: &str = "manifest.webmanifest";

#[derive(Debug)]
pub enum BuildError {
    Content(Vec<ContentError>),
    Setup(String),
}

impl From<std::io::Error> for BuildError {
    fn from(e: std::io::Error) -> Self {
        BuildError::Setup(e.to_string())
    }
}

pub struct Options {
    pub content: PathBuf,
    /// Trunk's staging folder: it becomes `dist/` only if every step here succeeds.
    pub out: PathBuf,
    pub site: SiteUrl,
    /// Whether to add the `<meta>` CSP (release builds; `trunk serve` injects an inline
    /// live-reload script that it would block).
    pub csp_meta: bool,
    /// Whether to write `.br` and `.gz` copies (release builds: the development server
    /// compresses on the fly, and a debug wasm takes minutes to compress).
    pub compress: bool,
}

/// What was written, for the build log.
#[derive(Debug)]
pub struct Summary {
    pub files: Vec<String>,
}

pub fn finish(options: &Options) -> Result<Summary, BuildError> {
    let bundles = source::load(&options.content).map_err(BuildError::Content)?;
    let codes: Vec<(String, String)> = bundles[0]
        .editions
        .iter()
        .map(|e| (e.code.clone(), e.lang.clone()))
        .collect();
    let out = &options.out;
    let base = options.site.base();
    let mut files = Vec::new();

    // One bundle per edition: a page downloads only its own language's.
    let mut bundle_hrefs = Vec::new();
    for bundle in &bundles {
        let json = serde_json::to_string(bundle).map_err(|e| BuildError::Setup(e.to_string()))?;
        let code = &bundle.editions[bundle.edition].code;
        let bundle_file = format!("content.{code}.{}.json", short_hash(json.as_bytes()));
        fs::write(out.join(&bundle_file), &json)?;
        bundle_hrefs.push(base.join(&format!("/{bundle_file}")));
        files.push(bundle_file);
    }

    let template_path = out.join("index.html");
    let template = fs::read_to_string(&template_path)
        .map_err(|e| BuildError::Setup(format!("{}: {e}", template_path.display())))?;
    let (template, boot_file) = write_boot_script(&template, out, base.as_str(), options.compress)?;
    files.extend(boot_file);
    let search_worker = search_worker_file(out)?
        .map(|name| base.join(&format!("/{name}")))
        .unwrap_or_default();

    let mut worker_editions = Vec::new();
    for bundle in bundles.into_iter().map(Arc::new) {
        let codes: Vec<&str> = bundle.edition_codes();
        let edition_base_path = edition_base(base, &codes, bundle.edition);
        let manifest_href = edition_base_path.join(&format!("/{MANIFEST_FILE}"));
        let manifest_file = edition_file(&bundle, MANIFEST_FILE);
        let manifest_path = out.join(&manifest_file);
        if let Some(parent) = manifest_path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(manifest_path, manifest(&bundle, base, &edition_base_path))?;
        files.push(manifest_file);
        let mut worker_pages = Vec::new();
        let shared = Shared {
            manifest_href,
            bundle_href: bundle_hrefs[bundle.edition].clone(),
            bundle_hrefs: bundle_hrefs.join(" "),
            load_words: serde_json::to_string(&bundle.words.load)
                .map_err(|e| BuildError::Setup(e.to_string()))?,
            search_worker: search_worker.clone(),
            base: base.as_str().to_string(),
            csp_meta: options.csp_meta,
        };
        for route in Route::with_content() {
            let meta = page_meta(&bundle, route, &options.site);
            // Prerendered from the page's own share of the bundle, the data the browser
            // hydrates it with (and renders exactly as the full bundle would).
            let share = bundle.share_for(route);
            let data = script_json(&share)?;
            let body = render_route(Arc::new(share), route, base);
            let html = page_html(&template, &shared, &meta, route, &body, &data)?;
            let file = output_file(&bundle, route);
            let path = out.join(&file);
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent)?;
            }
            if route != Route::NotFound {
                worker_pages.push(serde_json::json!({
                    "path": route.href(&edition_base_path),
                    "title": bundle.page_or_not_found(route).title,
                    "sha256": hex(&Sha256::digest(html.as_bytes())),
                }));
            }
            fs::write(&path, html)?;
            files.push(file);
        }
        let edition = &bundle.editions[bundle.edition];
        worker_editions.push(serde_json::json!({
            "code": edition.code,
            "lang": edition.lang,
            "prefix": edition_base_path.as_str(),
            "site": bundle.site.name,
            "bundle": bundle_hrefs[bundle.edition],
            "pages": worker_pages,
            "exit": { "href": bundle.site.exit_url, "label": bundle.words.exit },
            "offline": {
                "title": bundle.words.offline.title,
                "text": bundle.words.offline.text,
                "none": bundle.words.offline.none,
            },
        }));
    }
    files.push(write_worker(out, base, worker_editions)?);
    // Netlify serves an edition's own not-found page under its path with this rule
    // (Cloudflare Pages finds the nearest 404.html by itself).
    let mut redirects = String::from("# Written by the site builder (src/builder/output.rs).\n");
    for (code, _) in codes.iter().skip(1) {
        let _ = writeln!(
            redirects,
            "{} {} 404",
            base.join(&format!("/{code}/*")),
            base.join(&format!("/{code}/404.html"))
        );
    }
    fs::write(out.join("_redirects"), redirects)?;
    files.push("_redirects".into());

    fs::write(out.join("sitemap.xml"), sitemap(&options.site, &codes))?;
    fs::write(
        out.join("robots.txt"),
        format!(
            "User-agent: *\nAllow: /\n\nSitemap: {}\n",
            options.site.absolute("/sitemap.xml")
        ),
    )?;
    fs::write(
        out.join("_headers"),
        headers_file(out, &options.site, &codes)?,
    )?;
    files.extend(["sitemap.xml", "robots.txt", "_headers"].map(String::from));
    if options.compress {
        files.extend(precompress(out)?);
    }
    Ok(Summary { files })
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().fold(String::new(), |mut s, b| {
        _ = write!(s, "{b:02x}");
        s
    })
}

/// The service worker's template (see its opening comment).
const WORKER_TEMPLATE: &str = include_str!("sw.js");

/// Writes `sw.js`: the template with this build's files, pages and their hashes. Its version
/// is a hash of all of that, so any change to any page or file makes a new worker and cache.
fn write_worker(
    out: &Path,
    base: &BasePath,
    editions: Vec<serde_json::Value>,
) -> Result<String, BuildError> {
    // The app's files: every content-hashed file at the top but the bundles.
    let app: Vec<String> = top_files(out)?
        .into_iter()
        .filter(|name| is_hashed(name) && !name.starts_with("content."))
        .collect();
    let style = app
        .iter()
        .find(|name| name.ends_with(".css"))
        .map(|name| base.join(&format!("/{name}")))
        .unwrap_or_default();
    let app: Vec<String> = app
        .iter()
        .map(|name| base.join(&format!("/{name}")))
        .collect();
    let mut config = serde_json::json!({
        "base": base.as_str(),
        "app": app,
        "style": style,
        "editions": editions,
    });
    let version = short_hash(config.to_string().as_bytes());
    config["version"] = serde_json::Value::String(version);
    let script = WORKER_TEMPLATE.replace("__CONFIG__", &config.to_string());
    fs::write(out.join(WORKER_FILE), script)?;
    Ok(WORKER_FILE.to_string())
}

/// An edition's web app manifest: its name and language, opening at the edition's home page,
/// with the whole site as its scope.
fn manifest(bundle: &Bundle, base: &BasePath, edition: &BasePath) -> String {
    let icon = |file: &str, size: u32, purpose: &str| {
        serde_json::json!({
            "src": base.join(&format!("/{file}")),
            "sizes": format!("{size}x{size}"),
            "type": "image/png",
            "purpose": purpose,
        })
    };
    serde_json::json!({
        "id": edition.as_str(),
        "name": bundle.site.name,
        "short_name": bundle.site.short_name,
        "description": bundle.site.description,
        "lang": bundle.site.lang,
        "dir": "ltr",
        "start_url": edition.as_str(),
        "scope": base.as_str(),
        "display": "standalone",
        "background_color": LIGHT_BACKGROUND,
        "theme_color": LIGHT_BACKGROUND,
        "icons": [
            icon("icon-192.png", 192, "any"),
            icon("icon-512.png", 512, "any"),
            icon("icon-maskable-512.png", 512, "maskable"),
        ],
    })
    .to_string()
}

/// The light scheme's page background (`style/main.css`): a manifest takes one colour, and
/// each page's `theme-color` (in `index.html`) follows the light or dark scheme.
const LIGHT_BACKGROUND: &str = "#ffffff";

/// The first 8 bytes of the SHA-256, in hex: the hash in the builder's file names.
pub fn short_hash(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes)[..8])
}

fn sri(bytes: &[u8]) -> String {
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes))
    )
}

/// lol_html escapes `"` in attribute values; `&` must be escaped by the caller.
fn attr(value: &str) -> String {
    value.replace('&', "&amp;")
}

type Handlers<'h> = Vec<(
    std::borrow::Cow<'static, lol_html::Selector>,
    lol_html::ElementContentHandlers<'h>,
)>;

fn settings(handlers: Handlers<'_>) -> RewriteStrSettings<'_, 'static> {
    handlers
        .into_iter()
        .fold(RewriteStrSettings::new(), |settings, handler| {
            settings.append_element_content_handler(handler)
        })
}

fn rewrite_error(e: lol_html::errors::RewritingError) -> BuildError {
    BuildError::Setup(format!("cannot rewrite index.html: {e}"))
}

/// The boot script's template: starts the app after the first paint, with SRI on every file.
const BOOT_TEMPLATE: &str = include_str!("boot.js");

/// A script as readers get it: without the lines that are only a comment (`// …` or
/// `/* … */`) and without indentation, which are for the people who edit it (a third of the
/// boot script's weight over the wire). Safe for the builder's scripts: no string or template
/// literal in them spans lines (a test checks).
fn shipped_script(source: &str) -> String {
    let comment = |line: &str| {
        line.starts_with("//") || (line.starts_with("/*") && line.trim_end().ends_with("*/"))
    };
    source
        .lines()
        .map(str::trim_start)
        .filter(|line| !line.is_empty() && !comment(line))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Trunk's loader is an inline module script (which a strict CSP forbids) plus preloads in the
/// head (which would compete with the page's first paint). Both are replaced by
/// `boot-<hash>.js`, loaded with SRI, which fetches the same files with their SRI hashes once
/// the page has painted. `minify`: release builds ship it minified (see `minify`).
fn write_boot_script(
    template: &str,
    out: &Path,
    base: &str,
    minify: bool,
) -> Result<(String, Option<String>), BuildError> {
    let (Some((glue_href, glue_sri)), Some((wasm_href, wasm_sri))) =
        app_links(template).map_err(BuildError::Setup)?
    else {
        // No app in this page (a template without Trunk's output): nothing to boot.
        return Ok((template.to_string(), None));
    };
    let script = shipped_script(BOOT_TEMPLATE)
        .replace("__GLUE_HREF__", &glue_href)
        .replace("__GLUE_INTEGRITY__", &glue_sri)
        .replace("__WASM_HREF__", &wasm_href)
        .replace("__WASM_INTEGRITY__", &wasm_sri)
        .replace("__WORKER_HREF__", &format!("{base}{WORKER_FILE}"))
        .replace("__WORKER_SCOPE__", base)
        .replace("__OFFLINE_KEEP__", ids::OFFLINE_KEEP)
        .replace("__OFFLINE_CLEAR__", ids::OFFLINE_CLEAR)
        .replace("__OFFLINE_STATUS__", ids::OFFLINE_STATUS)
        .replace("__OFFLINE_CHOICE__", ids::OFFLINE_CHOICE)
        .replace("__SEARCH_INPUT__", ids::SEARCH_INPUT);
    let script = if minify {
        minify::module(&script).map_err(BuildError::Setup)?
    } else {
        script
    };
    let file = format!("boot-{}.js", short_hash(script.as_bytes()));
    fs::write(out.join(&file), &script)?;
    let tag = format!(
        // Low priority: a module script is fetched at "High" priority by default, which competes
        // with the stylesheet (and Lighthouse counts as blocking the first paint).
        r#"<script type="module" async fetchpriority="low" src="{}{file}" integrity="{}" crossorigin="anonymous"></script>"#,
        attr(base),
        sri(script.as_bytes())
    );
    // Trunk's links to the glue and the wasm go: the boot script loads both, after the paint.
    let html = rewrite_str(
        template,
        settings(vec![
            element!("link[rel=modulepreload]", |el| {
                el.remove();
                Ok(())
            }),
            element!("link[rel=preload][type='application/wasm']", |el| {
                el.remove();
                Ok(())
            }),
            element!("script[type=module]:not([src])", |el| {
                el.replace(&tag, ContentType::Html);
                Ok(())
            }),
        ]),
    )
    .map_err(rewrite_error)?;
    Ok((html, Some(file)))
}

/// The file of a route's page in its edition: `zh-hk/policy/index.html`, `zh-hk/404.html`.
pub fn output_file(bundle: &Bundle, route: Route) -> String {
    edition_file(bundle, &route.output_file())
}

/// A file in the bundle's edition's folder: the top for the first edition, `zh-hk/` and so on
/// for the others.
fn edition_file(bundle: &Bundle, file: &str) -> String {
    match bundle.edition {
        0 => file.to_string(),
        i => format!("{}/{file}", bundle.editions[i].code),
    }
}

/// Values that are the same on every page of an edition.
struct Shared {
    /// The edition's web app manifest.
    manifest_href: String,
    bundle_href: String,
    /// Every edition's bundle, in order, space-separated.
    bundle_hrefs: String,
    /// The edition's words for loading and its faults, as JSON.
    load_words: String,
    /// The search worker's loader; empty in a build without one.
    search_worker: String,
    base: String,
    csp_meta: bool,
}

/// JSON to sit inside a `<script>` element: every `<` escaped (JSON allows `\u003c` in
/// strings, and has no `<` outside them), so no text in it can end the element.
fn script_json(value: &impl serde::Serialize) -> Result<String, BuildError> {
    serde_json::to_string(value)
        .map(|json| json.replace('<', "\\u003c"))
        .map_err(|e| BuildError::Setup(e.to_string()))
}

/// One page: the template with this route's head tags and prerendered body.
fn page_html(
    template: &str,
    shared: &Shared,
    meta: &PageMeta,
    route: Route,
    body: &str,
    data: &str,
) -> Result<String, BuildError> {
    let url = meta.canonical.clone().unwrap_or_default();
    let contents: Vec<(&str, &str, String)> = vec![
        (
            "meta[name=description]",
            "content",
            meta.description.clone(),
        ),
        ("link[rel=canonical]", "href", url.clone()),
        (
            "meta[property='og:type']",
            "content",
            meta.og_type.to_string(),
        ),
        (
            "meta[property='og:site_name']",
            "content",
            meta.site_name.clone(),
        ),
        ("meta[property='og:locale']", "content", meta.locale.clone()),
        ("meta[property='og:title']", "content", meta.heading.clone()),
        (
            "meta[property='og:description']",
            "content",
            meta.description.clone(),
        ),
        ("meta[property='og:url']", "content", url),
        ("meta[property='og:image']", "content", meta.image.clone()),
        (
            "meta[property='og:image:alt']",
            "content",
            meta.image_alt.clone(),
        ),
        (
            "meta[name='twitter:title']",
            "content",
            meta.heading.clone(),
        ),
        (
            "meta[name='twitter:description']",
            "content",
            meta.description.clone(),
        ),
        ("meta[name='twitter:image']", "content", meta.image.clone()),
        (
            "meta[name='twitter:image:alt']",
            "content",
            meta.image_alt.clone(),
        ),
        ("meta[name=site-base]", "content", shared.base.clone()),
        (
            "meta[name=content-bundle]",
            "content",
            shared.bundle_href.clone(),
        ),
        (
            "meta[name=content-bundles]",
            "content",
            shared.bundle_hrefs.clone(),
        ),
        (
            "meta[name=load-words]",
            "content",
            shared.load_words.clone(),
        ),
        (
            "meta[name=search-worker]",
            "content",
            shared.search_worker.clone(),
        ),
        ("html", "lang", meta.lang.clone()),
    ];
    let not_found = route == Route::NotFound;
    let mut handlers = Vec::new();
    for (selector, name, value) in &contents {
        let value = attr(value);
        handlers.push(element!(*selector, move |el| {
            el.set_attribute(name, &value)?;
            Ok(())
        }));
    }
    let mut extra_head = String::new();
    // Every edition of this page, for search engines; and the other locales, for previews.
    let alternates: String = meta
        .alternates
        .iter()
        .map(|(lang, url)| {
            format!(
                r#"<link rel="alternate" hreflang="{}" href="{}">"#,
                attr(lang),
                attr(url)
            )
        })
        .collect();
    handlers.push(element!("link[rel=canonical]", move |el| {
        el.after(&alternates, ContentType::Html);
        Ok(())
    }));
    let locales: String = meta
        .locale_alternates
        .iter()
        .map(|locale| {
            format!(
                r#"<meta property="og:locale:alternate" content="{}">"#,
                attr(locale)
            )
        })
        .collect();
    handlers.push(element!("meta[property='og:locale']", move |el| {
        el.after(&locales, ContentType::Html);
        Ok(())
    }));
    if not_found {
        // No canonical address: this page stands for every unknown one.
        handlers.push(element!(
            "link[rel=canonical], meta[property='og:url']",
            |el| {
                el.remove();
                Ok(())
            }
        ));
        extra_head.push_str(r#"<meta name="robots" content="noindex">"#);
    }
    let _ = write!(
        extra_head,
        r#"<link rel="manifest" href="{}">"#,
        attr(&shared.manifest_href)
    );
    if shared.csp_meta {
        // frame-ancestors is ignored in <meta>; hosts that can send headers send it.
        let policy = CSP.replace("; frame-ancestors 'none'", "");
        let _ = write!(
            extra_head,
            r#"<meta http-equiv="Content-Security-Policy" content="{}">"#,
            attr(&policy)
        );
    }
    handlers.push(element!("title", move |el| {
        el.set_inner_content(&meta.title, ContentType::Text);
        Ok(())
    }));
    handlers.push(element!("meta[charset]", move |el| {
        el.after(&extra_head, ContentType::Html);
        Ok(())
    }));
    let data = format!(
        r#"<script type="application/json" id="{}">{data}</script>"#,
        ids::PAGE_DATA
    );
    handlers.push(element!("div#app", move |el| {
        el.set_attribute(ids::PRERENDERED_ATTR, "")?;
        el.set_inner_content(body, ContentType::Html);
        // A data block, never run: a strict CSP allows it.
        el.after(&data, ContentType::Html);
        Ok(())
    }));
    rewrite_str(template, settings(handlers)).map_err(rewrite_error)
}

/// Every page of every edition, each with its editions as alternates.
fn sitemap(site: &SiteUrl, editions: &[(String, String)]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    let codes: Vec<&str> = editions.iter().map(|(code, _)| code.as_str()).collect();
    let url = |edition: usize, route: Route| {
        site.absolute(&edition_base(&BasePath::root(), &codes, edition).join(route.path()))
    };
    for edition in 0..editions.len() {
        for route in Route::ALL {
            let _ = write!(xml, "  <url><loc>{}</loc>", url(edition, route));
            if editions.len() > 1 {
                for (i, (_, lang)) in editions.iter().enumerate() {
                    let _ = write!(
                        xml,
                        "<xhtml:link rel=\"alternate\" hreflang=\"{lang}\" href=\"{}\"/>",
                        url(i, route)
                    );
                }
                let _ = write!(
                    xml,
                    "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>",
                    url(0, route)
                );
            }
            xml.push_str("</url>\n");
        }
    }
    xml.push_str("</urlset>\n");
    xml
}

/// Netlify / Cloudflare Pages `_headers`: security headers everywhere; hashed files cached
/// for a year; pages, the share image and unhashed files revalidated on every visit.
fn headers_file(
    out: &Path,
    site: &SiteUrl,
    editions: &[(String, String)],
) -> Result<String, BuildError> {
    let base = site.base();
    let mut text = String::from("# Written by the site builder (src/builder/output.rs).\n");
    let _ = writeln!(text, "{}*", base.as_str());
    for (name, value) in SECURITY_HEADERS {
        let _ = writeln!(text, "  {name}: {value}");
    }
    let mut rule = |path: String, cache: &str| {
        let _ = write!(text, "\n{path}\n  Cache-Control: {cache}\n");
    };
    let codes: Vec<&str> = editions.iter().map(|(code, _)| code.as_str()).collect();
    for edition in 0..codes.len() {
        for route in Route::ALL {
            rule(route.href(&edition_base(base, &codes, edition)), REVALIDATE);
        }
    }
    for name in top_files(out)? {
        let cache = if is_hashed(&name) {
            IMMUTABLE
        } else {
            REVALIDATE
        };
        rule(base.join(&format!("/{name}")), cache);
    }
    Ok(text)
}

/// The files at the top of the output, sorted, without compressed copies: those are served in
/// place of their file, never by their own name (and a content update finds those of the app's
/// files already there).
fn top_files(out: &Path) -> Result<Vec<String>, BuildError> {
    let mut names: Vec<String> = fs::read_dir(out)?
        .filter_map(Result::ok)
        .filter(|e| e.path().is_file())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| !name.ends_with(".br") && !name.ends_with(".gz"))
        .collect();
    names.sort();
    Ok(names)
}

/// The search worker's binary, as Trunk names its files.
const SEARCH_WORKER: &str = "search-worker";

/// Trunk names a web worker's files after its binary, without a hash, so that they can be found
/// at run time; a new deploy would then change a file that browsers may have cached. They are
/// renamed here to content-hashed names (cached for a year, like the app's), and the loader is
/// written again for the new names. The loader also keeps the requests that arrive while the
/// wasm is loading and hands them to the worker's own listener once it has one, so the page
/// can post its first query at once; if the wasm cannot start, it posts an empty message, which
/// the page reports as a failure. Runs once on Trunk's output, before the build is recorded:
/// a content update keeps the renamed files.
pub fn hash_search_worker(out: &Path) -> std::io::Result<()> {
    let file = |suffix: &str| out.join(format!("{SEARCH_WORKER}{suffix}"));
    if !file("_loader.js").is_file() {
        return Ok(());
    }
    let glue = fs::read(file(".js"))?;
    let wasm = fs::read(file("_bg.wasm"))?;
    let name = format!("{SEARCH_WORKER}-{}", short_hash(&[glue, wasm].concat()));
    fs::rename(file(".js"), out.join(format!("{name}.js")))?;
    fs::rename(file("_bg.wasm"), out.join(format!("{name}_bg.wasm")))?;
    fs::write(
        out.join(format!("{name}_loader.js")),
        format!(
            r#"const early=[];onmessage=(e)=>early.push(e);importScripts("./{name}.js");wasm_bindgen({{module_or_path:"./{name}_bg.wasm"}}).then(()=>early.forEach((e)=>onmessage(e)),()=>postMessage([]));"#
        ),
    )?;
    fs::remove_file(file("_loader.js"))?;
    Ok(())
}

/// Release builds: the app's and the search worker's wasm and glue with short names between
/// them (see `wasm_names`), and the app's glue minified (see `minify`). The app's two files
/// are then named after their new content, and
/// the page template that Trunk wrote links them under those names with new integrity hashes.
/// Runs once on Trunk's output, before the search worker is hashed and the build recorded.
pub fn shorten_wasm_names(out: &Path) -> Result<(), String> {
    let worker = |suffix: &str| out.join(format!("{SEARCH_WORKER}{suffix}"));
    if worker("_loader.js").is_file() {
        wasm_names::shorten(&worker(".js"), &worker("_bg.wasm"))?;
    }
    let template_path = out.join("index.html");
    let template = fs::read_to_string(&template_path)
        .map_err(|e| format!("{}: {e}", template_path.display()))?;
    let (Some(glue), Some(wasm)) = app_links(&template)? else {
        return Ok(()); // no app in this page
    };
    let file = |href: &str| out.join(href.rsplit('/').next().unwrap_or_default());
    let (glue_path, wasm_path) = (file(&glue.0), file(&wasm.0));
    wasm_names::shorten(&glue_path, &wasm_path)?;
    let glue_js =
        fs::read_to_string(&glue_path).map_err(|e| format!("{}: {e}", glue_path.display()))?;
    fs::write(&glue_path, minify::module(&glue_js)?)
        .map_err(|e| format!("{}: {e}", glue_path.display()))?;
    let mut template = template;
    for ((href, integrity), path, suffix) in
        [(glue, glue_path, ".js"), (wasm, wasm_path, "_bg.wasm")]
    {
        let bytes = fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let stem = name.strip_suffix(suffix).unwrap_or(&name);
        let stem = stem.rsplit_once('-').map_or(stem, |(stem, _)| stem);
        let renamed = format!("{stem}-{}{suffix}", short_hash(&bytes));
        fs::rename(&path, out.join(&renamed)).map_err(|e| format!("{}: {e}", path.display()))?;
        let new_href = format!("{}{renamed}", &href[..href.len() - name.len()]);
        template = template
            .replace(&href, &new_href)
            .replace(&integrity, &sri(&bytes));
    }
    fs::write(&template_path, template).map_err(|e| format!("{}: {e}", template_path.display()))
}

/// The `(href, integrity)` of the app's glue and wasm, as Trunk links them in the template.
type Link = Option<(String, String)>;
fn app_links(template: &str) -> Result<(Link, Link), String> {
    let glue = RefCell::new(None);
    let wasm = RefCell::new(None);
    let link = |el: &lol_html::html_content::Element| {
        Some((el.get_attribute("href")?, el.get_attribute("integrity")?))
    };
    rewrite_str(
        template,
        settings(vec![
            element!("link[rel=modulepreload]", |el| {
                *glue.borrow_mut() = link(el);
                Ok(())
            }),
            element!("link[rel=preload][type='application/wasm']", |el| {
                *wasm.borrow_mut() = link(el);
                Ok(())
            }),
        ]),
    )
    .map_err(|e| e.to_string())?;
    Ok((glue.into_inner(), wasm.into_inner()))
}

/// The search worker's loader (see `hash_search_worker`), if the build has one.
fn search_worker_file(out: &Path) -> Result<Option<String>, BuildError> {
    Ok(top_files(out)?.into_iter().find(|name| {
        name.starts_with(&format!("{SEARCH_WORKER}-")) && name.ends_with("_loader.js")
    }))
}

/// Content-hashed names: Trunk's `name-<hex>.ext` / `name-<hex>_bg.wasm`, the builder's
/// `content.<hex>.json` / `boot-<hex>.js` and the search worker's `search-worker-<hex>_loader.js`.
/// Trunk drops leading zeros, so 12–16 digits.
fn is_hashed(name: &str) -> bool {
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    let stem = stem.strip_suffix("_loader").unwrap_or(stem);
    let hash = stem.rsplit(['-', '.']).next().unwrap_or_default();
    (12..=16).contains(&hash.len()) && hash.chars().all(|c| c.is_ascii_hexdigit())
}

/// `.br` and `.gz` next to every text and wasm file, for hosts that serve them.
fn precompress(out: &Path) -> Result<Vec<String>, BuildError> {
    let mut written = Vec::new();
    let mut stack = vec![out.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir)?.filter_map(Result::ok) {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let ext = path
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or_default();
            if !COMPRESSIBLE.contains(&ext) {
                continue;
            }
            let name = path.to_string_lossy().to_string();
            let (br_path, gz_path) = (format!("{name}.br"), format!("{name}.gz"));
            // Kept from the last build by an in-place content update (the wasm, the styles):
            // the file is the same, so are its compressed copies.
            if Path::new(&br_path).exists() && Path::new(&gz_path).exists() {
                continue;
            }
            let bytes = fs::read(&path)?;
            fs::write(br_path, compress_brotli(&bytes)?)?;
            fs::write(gz_path, compress_gzip(&bytes)?)?;
            let rel = path
                .strip_prefix(out)
                .unwrap_or(&path)
                .display()
                .to_string();
            written.push(format!("{rel}.br"));
            written.push(format!("{rel}.gz"));
        }
    }
    written.sort();
    Ok(written)
}

pub fn compress_brotli(bytes: &[u8]) -> Result<Vec<u8>, BuildError> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)?;
    Ok(out)
}

pub fn compress_gzip(bytes: &[u8]) -> Result<Vec<u8>, BuildError> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_are_recognised() {
        assert!(is_hashed("rights-of-sex-workers-3f1c2b4a5d6e7f80_bg.wasm"));
        assert!(is_hashed("rights-of-sex-workers-4879516cc3f9c0_bg.wasm"));
        assert!(is_hashed("rights-of-sex-workers-5f91fcb75c62aaa.js"));
        assert!(!is_hashed("rights-of-sex-workers.js"));
        assert!(is_hashed("rights-of-sex-workers-3f1c2b4a5d6e7f80.js"));
        assert!(is_hashed("main-0123456789abcdef.css"));
        assert!(is_hashed("content.0123456789abcdef.json"));
        assert!(is_hashed("boot-0123456789abcdef.js"));
        assert!(is_hashed("search-worker-0123456789abcdef_loader.js"));
        assert!(is_hashed("search-worker-0123456789abcdef_bg.wasm"));
        assert!(!is_hashed("search-worker_loader.js"));
        assert!(!is_hashed("share.png"));
        assert!(!is_hashed("robots.txt"));
        assert!(!is_hashed("index.html"));
    }

    #[test]
    fn json_in_a_script_element_cannot_end_it() {
        let text = "a </script><script>alert(1)</script> <!-- b";
        let json = script_json(&text).unwrap();
        assert!(!json.contains('<'));
        assert_eq!(serde_json::from_str::<String>(&json).unwrap(), text);
    }

    #[test]
    fn the_boot_script_ships_without_comment_lines_or_indentation() {
        // What makes dropping whole lines safe: no literal spans lines in the source.
        for line in BOOT_TEMPLATE.lines() {
            let code = line.trim_start();
            if !code.starts_with("//") {
                assert_eq!(code.matches('`').count() % 2, 0, "{line}");
            }
        }
        let shipped = shipped_script(BOOT_TEMPLATE);
        assert!(
            shipped
                .lines()
                .all(|l| !l.starts_with("//") && !l.starts_with(' '))
        );
        assert!(!shipped.contains("/*"), "{shipped}");
        assert!(shipped.len() < BOOT_TEMPLATE.len() * 3 / 4);
        assert!(shipped.contains("document.addEventListener(\"keydown\""));
    }

    #[test]
    fn the_loader_becomes_a_boot_script_with_integrity() {
        let dir = std::env::temp_dir().join(format!("rosw-loader-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let html = concat!(
            "<html><head><script type=\"module\">import init from '/rights/app.js';await init();</script>",
            "<link rel=\"modulepreload\" href=\"/rights/app.js\" integrity=\"sha384-glue\">",
            "<link rel=\"preload\" as=\"fetch\" type=\"application/wasm\" href=\"/rights/app_bg.wasm\" integrity=\"sha384-wasm\">",
            "</head><body></body></html>"
        );
        let (out, file) = write_boot_script(html, &dir, "/rights/", false).unwrap();
        let file = file.unwrap();
        assert!(file.starts_with("boot-") && file.ends_with(".js"));
        let script = fs::read_to_string(dir.join(&file)).unwrap();
        assert!(script.contains(r#"href: "/rights/app.js", integrity: "sha384-glue""#));
        assert!(script.contains(r#"href: "/rights/app_bg.wasm", integrity: "sha384-wasm""#));
        assert!(out.contains(&format!("src=\"/rights/{file}\"")));
        assert!(out.contains("integrity=\"sha384-"));
        assert!(!out.contains("await init"), "no inline script");
        assert!(!out.contains("modulepreload") && !out.contains("application/wasm"));
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn compression_round_trips() {
        let text = "Rights of Sex Workers ".repeat(50);
        let br = compress_brotli(text.as_bytes()).unwrap();
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut &br[..], &mut back).unwrap();
        assert_eq!(back, text.as_bytes());
        assert!(br.len() < text.len() / 5);
    }
}
