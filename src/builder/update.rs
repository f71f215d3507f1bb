//! Content-only updates of a built site (`make content`, `make serve`): the bundle, every
//! prerendered page, sitemap, headers and compressed copies are written again from
//! `content/`, while Trunk's output (the wasm, its glue, styles, public files) is reused
//! byte for byte. Each full build leaves a record of what Trunk wrote and of the code it was
//! built from; an update refuses (and asks for a full build) when the code has changed since.
//!
//! An update writes a complete new folder next to the old one and swaps the two only when
//! every step succeeded, so a fault leaves the served site as it was.

use super::output::{self, BuildError, Options, Summary};
use crate::meta::SiteUrl;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fs;
use std::path::{Path, PathBuf};

/// How one output folder was last fully built.
#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct BuildRecord {
    pub site_url: String,
    pub csp_meta: bool,
    pub compress: bool,
    /// [`code_fingerprint`] of the sources the app was built from.
    pub fingerprint: String,
    /// Trunk's `index.html`, before the builder turned it into the home page.
    pub template: String,
    /// Trunk's files (relative paths), which an update keeps as they are.
    pub trunk_files: Vec<String>,
}

/// Why an update cannot be done in place.
#[derive(Debug)]
pub enum UpdateError {
    /// The output needs a full build; the reason is for the terminal.
    NeedsFullBuild(String),
    Build(BuildError),
}

impl From<BuildError> for UpdateError {
    fn from(e: BuildError) -> Self {
        UpdateError::Build(e)
    }
}

impl From<std::io::Error> for UpdateError {
    fn from(e: std::io::Error) -> Self {
        UpdateError::Build(e.into())
    }
}

/// Everything Trunk builds the app from (all but `content/`), relative to the project root.
const CODE_INPUTS: [&str; 8] = [
    "src",
    "style",
    "assets",
    "public",
    "index.html",
    "Cargo.toml",
    "Cargo.lock",
    "Trunk.toml",
];

/// A hash of every file the app is built from: paths and contents, in a fixed order.
pub fn code_fingerprint(root: &Path) -> std::io::Result<String> {
    let mut files = Vec::new();
    for input in CODE_INPUTS {
        files.extend(files_under(&root.join(input), root)?);
    }
    files.sort();
    let mut hash = Sha256::new();
    for file in files {
        hash.update(file.as_bytes());
        hash.update([0]);
        hash.update(fs::read(root.join(&file))?);
        hash.update([0]);
    }
    Ok(output::hex(&hash.finalize()[..16]))
}

/// Every file at or under `path`, relative to `root` with `/` separators; none if it is absent.
pub fn files_under(path: &Path, root: &Path) -> std::io::Result<Vec<String>> {
    let mut found = Vec::new();
    if path.is_file() {
        found.push(relative(path, root));
        return Ok(found);
    }
    if !path.is_dir() {
        return Ok(found);
    }
    let mut stack = vec![path.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                found.push(relative(&path, root));
            }
        }
    }
    found.sort();
    Ok(found)
}

fn relative(path: &Path, root: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Where the record of an output folder is kept: under `target/`, never in the folder that
/// is deployed.
pub fn record_path(target: &Path, dist: &Path) -> std::io::Result<PathBuf> {
    let dist = fs::canonicalize(dist)?;
    let key = output::short_hash(dist.to_string_lossy().as_bytes());
    Ok(target.join("site-builds").join(format!("{key}.json")))
}

pub fn save_record(path: &Path, record: &BuildRecord) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    let json = serde_json::to_string(record).map_err(std::io::Error::other)?;
    fs::write(path, json)
}

/// Rewrites `dist` from `content` in place, reusing Trunk's files. `root` is the project
/// (for the code fingerprint), `target` where records are kept.
pub fn update(
    dist: &Path,
    content: &Path,
    root: &Path,
    target: &Path,
) -> Result<(Summary, BuildRecord), UpdateError> {
    let full = |why: String| UpdateError::NeedsFullBuild(why);
    if !dist.join("index.html").is_file() {
        return Err(full(format!("{} holds no built site", dist.display())));
    }
    let record_file = record_path(target, dist)?;
    let record: BuildRecord = match fs::read_to_string(&record_file) {
        Ok(json) => serde_json::from_str(&json)
            .map_err(|_| full("the record of the last build is from an older builder".into()))?,
        Err(_) => {
            return Err(full(format!(
                "no record of how {} was built",
                dist.display()
            )));
        }
    };
    if code_fingerprint(root)? != record.fingerprint {
        return Err(full(format!(
            "the app's code changed since {} was built",
            dist.display()
        )));
    }
    let site = SiteUrl::parse(&record.site_url).map_err(|e| full(e.to_string()))?;

    let name = dist
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "dist".into());
    let staging = dist.with_file_name(format!(".{name}.update"));
    let old = dist.with_file_name(format!(".{name}.old"));
    for leftover in [&staging, &old] {
        if leftover.exists() {
            fs::remove_dir_all(leftover)?;
        }
    }
    let result = stage(dist, &staging, content, &record, site);
    let summary = match result {
        Ok(summary) => summary,
        Err(e) => {
            _ = fs::remove_dir_all(&staging);
            return Err(e);
        }
    };
    // The swap: the old folder is out of the way for an instant only, and removed after.
    fs::rename(dist, &old)?;
    if let Err(e) = fs::rename(&staging, dist) {
        fs::rename(&old, dist)?;
        return Err(e.into());
    }
    fs::remove_dir_all(&old)?;
    Ok((summary, record))
}

/// Writes the updated site into `staging`: Trunk's files linked (or copied) from `dist`, the
/// rest built from `content`.
fn stage(
    dist: &Path,
    staging: &Path,
    content: &Path,
    record: &BuildRecord,
    site: SiteUrl,
) -> Result<Summary, UpdateError> {
    fs::create_dir_all(staging)?;
    for file in &record.trunk_files {
        for kept in [file.clone(), format!("{file}.br"), format!("{file}.gz")] {
            let from = dist.join(&kept);
            if !from.is_file() {
                continue;
            }
            let to = staging.join(&kept);
            if let Some(dir) = to.parent() {
                fs::create_dir_all(dir)?;
            }
            // A hard link costs nothing; the builder never writes to these files.
            if fs::hard_link(&from, &to).is_err() {
                fs::copy(&from, &to)?;
            }
        }
    }
    fs::write(staging.join("index.html"), &record.template)?;
    let options = Options {
        content: content.to_path_buf(),
        out: staging.to_path_buf(),
        site,
        csp_meta: record.csp_meta,
        compress: record.compress,
    };
    Ok(output::finish(&options)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fingerprint_follows_code_not_content() {
        let root = std::env::temp_dir().join(format!("rosw-fingerprint-{}", std::process::id()));
        _ = fs::remove_dir_all(&root);
        fs::create_dir_all(root.join("src")).unwrap();
        fs::create_dir_all(root.join("content")).unwrap();
        fs::write(root.join("src/lib.rs"), "fn a() {}").unwrap();
        fs::write(root.join("content/policy.md"), "one").unwrap();
        let first = code_fingerprint(&root).unwrap();
        fs::write(root.join("content/policy.md"), "two").unwrap();
        assert_eq!(code_fingerprint(&root).unwrap(), first);
        fs::write(root.join("src/lib.rs"), "fn b() {}").unwrap();
        assert_ne!(code_fingerprint(&root).unwrap(), first);
        _ = fs::remove_dir_all(&root);
    }
}
