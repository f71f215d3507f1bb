//! `site`: the native build step (see `site help`). Content faults are printed one per line
//! as `file:line: field: fault`; on any fault nothing is written.

use rosw::builder::output::{self, BuildError, Options};
use rosw::builder::source;
use rosw::builder::update::{self, BuildRecord, UpdateError};
use rosw::meta::SiteUrl;
use std::path::Path;
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage:
  site check [CONTENT_DIR]     check content/ and report every fault
  site bundle OUT_DIR          check content/ and write each edition's JSON bundle
  site finish STAGING_DIR      (Trunk post_build hook) bundle, prerender, headers, compression
  site update DIST_DIR         rewrite a built site from content/ in place, keeping the app;
                               exits 3 when the app's code changed and a full build is needed
  site built-url DIST_DIR      print the address DIST_DIR was last built for (else $SITE_URL)
  site base-path               print the base path of $SITE_URL (e.g. /rights/)

environment:
  SITE_URL        public address of the site (default http://127.0.0.1:8080/)
  CONTENT_DIR     the content folder (default content)";

fn site_url() -> Result<SiteUrl, String> {
    let url = std::env::var("SITE_URL").unwrap_or_else(|_| "http://127.0.0.1:8080/".into());
    SiteUrl::parse(&url).map_err(|e| e.to_string())
}

fn content_dir() -> PathBuf {
    std::env::var("CONTENT_DIR")
        .unwrap_or_else(|_| "content".into())
        .into()
}

fn report(errors: &[rosw::builder::errors::ContentError]) -> ExitCode {
    for e in errors {
        eprintln!("{e}");
    }
    eprintln!(
        "{} problem(s) in the content; nothing was written (the last good build is kept).",
        errors.len()
    );
    ExitCode::FAILURE
}

fn fail(message: &str) -> ExitCode {
    eprintln!("site: {message}");
    ExitCode::FAILURE
}

/// Cargo's target folder, where the records of builds are kept.
fn target_dir() -> PathBuf {
    std::env::var("CARGO_TARGET_DIR")
        .unwrap_or_else(|_| "target".into())
        .into()
}

/// The record of a build about to be finished: Trunk's files and template, and the code.
fn trunk_output(options: &Options) -> std::io::Result<BuildRecord> {
    let out = &options.out;
    Ok(BuildRecord {
        site_url: options.site.to_string(),
        csp_meta: options.csp_meta,
        compress: options.compress,
        fingerprint: update::code_fingerprint(Path::new("."))?,
        template: std::fs::read_to_string(out.join("index.html"))?,
        trunk_files: update::files_under(out, out)?
            .into_iter()
            .filter(|f| f != "index.html")
            .collect(),
    })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match (args.first().map(String::as_str), args.get(1)) {
        (Some("check"), dir) => {
            let dir = dir.map(PathBuf::from).unwrap_or_else(content_dir);
            match source::load(&dir) {
                Ok(bundles) => {
                    let editions: Vec<String> = bundles
                        .iter()
                        .map(|b| {
                            format!("{} ({} pages)", b.editions[b.edition].code, b.pages.len())
                        })
                        .collect();
                    println!("content OK in {}: {}", dir.display(), editions.join(", "));
                    ExitCode::SUCCESS
                }
                Err(errors) => report(&errors),
            }
        }
        (Some("bundle"), Some(out)) => match source::load(&content_dir()) {
            Ok(bundles) => {
                for bundle in &bundles {
                    let code = &bundle.editions[bundle.edition].code;
                    let path = PathBuf::from(out).join(format!("content.{code}.json"));
                    if let Err(e) = serde_json::to_string(bundle)
                        .map_err(|e| e.to_string())
                        .and_then(|json| std::fs::write(&path, json).map_err(|e| e.to_string()))
                    {
                        return fail(&format!("{}: {e}", path.display()));
                    }
                }
                ExitCode::SUCCESS
            }
            Err(errors) => report(&errors),
        },
        (Some("finish"), Some(out)) => {
            let site = match site_url() {
                Ok(site) => site,
                Err(e) => return fail(&e),
            };
            // Trunk's --public-url and SITE_URL must agree, or assets and links would differ.
            if let Ok(public_url) = std::env::var("TRUNK_PUBLIC_URL") {
                let trunk = rosw::routes::BasePath::new(&public_url);
                if &trunk != site.base() {
                    return fail(&format!(
                        "Trunk's public URL {} differs from the base path {} of SITE_URL {site}; build with `make dist` (it passes --public-url from SITE_URL)",
                        trunk.as_str(),
                        site.base().as_str()
                    ));
                }
            }
            let release = std::env::var("TRUNK_PROFILE").as_deref() == Ok("release");
            let options = Options {
                content: content_dir(),
                out: out.into(),
                site,
                csp_meta: release,
                compress: release,
            };
            if release && let Err(e) = output::shorten_wasm_names(&options.out) {
                return fail(&format!("shortening the wasm's names: {e}"));
            }
            if let Err(e) = output::hash_search_worker(&options.out) {
                return fail(&format!("the search worker's files: {e}"));
            }
            // What Trunk wrote, before the builder adds to it: what a content update keeps.
            let record = match trunk_output(&options) {
                Ok(record) => record,
                Err(e) => return fail(&e.to_string()),
            };
            match output::finish(&options) {
                Ok(summary) => {
                    println!(
                        "site: wrote {} files for {}",
                        summary.files.len(),
                        options.site
                    );
                    if let Ok(dist) = std::env::var("TRUNK_DIST_DIR")
                        && let Err(e) = update::record_path(&target_dir(), Path::new(&dist))
                            .and_then(|path| update::save_record(&path, &record))
                    {
                        // The site is fine; only the next `make content` will rebuild fully.
                        eprintln!("site: could not record this build for content updates: {e}");
                    }
                    ExitCode::SUCCESS
                }
                Err(BuildError::Content(errors)) => report(&errors),
                Err(BuildError::Setup(e)) => fail(&e),
            }
        }
        (Some("update"), Some(dist)) => {
            let started = std::time::Instant::now();
            match update::update(
                Path::new(dist),
                &content_dir(),
                Path::new("."),
                &target_dir(),
            ) {
                Ok((summary, record)) => {
                    println!(
                        "site: updated {dist} from {} in {} ms ({} files written; the app's files kept as they were) for {}",
                        content_dir().display(),
                        started.elapsed().as_millis(),
                        summary.files.len(),
                        record.site_url
                    );
                    ExitCode::SUCCESS
                }
                Err(UpdateError::NeedsFullBuild(why)) => {
                    eprintln!("site: {why}: a full build is needed");
                    ExitCode::from(3)
                }
                Err(UpdateError::Build(BuildError::Content(errors))) => report(&errors),
                Err(UpdateError::Build(BuildError::Setup(e))) => fail(&e),
            }
        }
        (Some("built-url"), Some(dist)) => {
            // The address DIST was last built for (else SITE_URL): a full rebuild keeps it.
            let recorded = update::record_path(&target_dir(), Path::new(dist))
                .and_then(std::fs::read_to_string)
                .ok()
                .and_then(|json| serde_json::from_str::<BuildRecord>(&json).ok());
            match recorded {
                Some(record) => println!("{}", record.site_url),
                None => match site_url() {
                    Ok(site) => println!("{site}"),
                    Err(e) => return fail(&e),
                },
            }
            ExitCode::SUCCESS
        }
        (Some("base-path"), None) => match site_url() {
            Ok(site) => {
                println!("{}", site.base().as_str());
                ExitCode::SUCCESS
            }
            Err(e) => fail(&e),
        },
        _ => {
            eprintln!("{USAGE}");
            ExitCode::FAILURE
        }
    }
}
