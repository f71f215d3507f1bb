//! Short names between a wasm module and its JavaScript glue (release builds).
//!
//! wasm-bindgen names every function the wasm imports from its glue, and every function the
//! glue calls in the wasm, after the Rust item, its crate and a hash
//! (`__wbg_textContent_240d7f8264a6246e`): about 190 names for the app, each written in both
//! files, and no minifier can shorten them because they cross from one file to the other.
//! binaryen's `wasm-opt --minify-imports-and-exports-and-modules` renames them in the wasm to
//! one or two letters, puts every import in one module named `a`, and prints the old and new
//! names; the same renaming is applied to the glue here. Measured on the app: wasm −2.6 KB and
//! glue −2.0 KB brotli, on every page's first view.
//!
//! The same run optimises the renamed module for size again (`-Oz`, as Trunk's own run did):
//! binaryen's passes do not reach a fixed point in one run, and the second finds more
//! (measured: the app's wasm −505 B, the search worker's −233 B brotli).

use std::collections::HashMap;
use std::fs;
use std::path::Path;
use std::process::Command;

/// The one import module binaryen leaves when it minifies module names.
const MODULE: &str = "a";

/// What `wasm-opt --minify-imports-and-exports-and-modules` prints: `[module, old, new]` per
/// import, `[old, new]` per export.
#[derive(serde::Deserialize)]
struct Renaming {
    imports: Vec<(String, String, String)>,
    exports: Vec<(String, String)>,
}

/// Renames the imports and exports of `wasm` and the same names in `glue`, in place. Fails,
/// leaving both files as they were, if the glue does not use the names the wasm has.
pub fn shorten(glue: &Path, wasm: &Path) -> Result<(), String> {
    let js = fs::read_to_string(glue).map_err(|e| format!("{}: {e}", glue.display()))?;
    let minified = wasm.with_extension("minified.wasm");
    let output = Command::new("wasm-opt")
        .arg(wasm)
        .arg("--minify-imports-and-exports-and-modules")
        .arg("-Oz")
        .arg("-o")
        .arg(&minified)
        .output()
        .map_err(|e| format!("wasm-opt (run scripts/install-tools): {e}"))?;
    if !output.status.success() {
        _ = fs::remove_file(&minified);
        return Err(format!(
            "wasm-opt on {}: {}",
            wasm.display(),
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    let renamed = serde_json::from_slice::<Renaming>(&output.stdout)
        .map_err(|e| format!("wasm-opt's list of renamed names: {e}"))
        .and_then(|renaming| rename_in_glue(&js, &renaming))
        .map_err(|e| format!("{}: {e}", glue.display()));
    let js = match renamed {
        Ok(js) => js,
        Err(e) => {
            _ = fs::remove_file(&minified);
            return Err(e);
        }
    };
    fs::rename(&minified, wasm).map_err(|e| format!("{}: {e}", wasm.display()))?;
    fs::write(glue, js).map_err(|e| format!("{}: {e}", glue.display()))
}

/// The glue with the new names: each import module's quoted name (the key of the imports
/// object), each import's name (its key there), and each export's name where the glue reads
/// it from the wasm's exports (`wasm.name`, or whatever the minified glue calls that object).
fn rename_in_glue(js: &str, renaming: &Renaming) -> Result<String, String> {
    let mut js = js.to_string();
    let mut modules: Vec<&str> = renaming
        .imports
        .iter()
        .map(|(m, _, _)| m.as_str())
        .collect();
    modules.sort_unstable();
    modules.dedup();
    for module in modules {
        let quoted = format!("\"{module}\"");
        match js.matches(&quoted).count() {
            1 => js = js.replace(&quoted, &format!("\"{MODULE}\"")),
            n => {
                return Err(format!(
                    "the import module {quoted} is named {n} times, not once"
                ));
            }
        }
    }
    let imports: HashMap<&str, &str> = renaming
        .imports
        .iter()
        .map(|(_, old, new)| (old.as_str(), new.as_str()))
        .collect();
    let exports: HashMap<&str, &str> = renaming
        .exports
        .iter()
        .map(|(old, new)| (old.as_str(), new.as_str()))
        .collect();
    let mut out = String::with_capacity(js.len());
    let mut found = HashMap::new();
    let mut rest = js.as_str();
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    while let Some(start) = rest.find(ident) {
        out.push_str(&rest[..start]);
        let len = rest[start..]
            .find(|c| !ident(c))
            .unwrap_or(rest.len() - start);
        let token = &rest[start..start + len];
        let member = out.ends_with('.');
        let new = match (imports.get(token), exports.get(token)) {
            (Some(new), _) => Some(*new),
            (None, Some(new)) if member => Some(*new),
            _ => None,
        };
        match new {
            Some(new) => {
                *found.entry(token).or_insert(0) += 1;
                out.push_str(new);
            }
            None => out.push_str(token),
        }
        rest = &rest[start + len..];
    }
    out.push_str(rest);
    let missing: Vec<&str> = imports
        .keys()
        .filter(|name| !found.contains_key(*name))
        .copied()
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "the wasm imports {} that the glue does not provide (built by another wasm-bindgen?)",
            missing.join(", ")
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn renaming() -> Renaming {
        Renaming {
            imports: vec![
                (
                    "./app_bg.js".into(),
                    "__wbg_text_0123456789abcdef".into(),
                    "a".into(),
                ),
                (
                    "./app_bg.js".into(),
                    "__wbindgen_init_table".into(),
                    "b".into(),
                ),
            ],
            exports: vec![
                ("memory".into(), "c".into()),
                ("app_start".into(), "d".into()),
            ],
        }
    }

    #[test]
    fn imports_exports_and_the_module_take_the_new_names() {
        let js = r#"function i(){return{"./app_bg.js":{__wbg_text_0123456789abcdef:function(e){return e.textContent},__wbindgen_init_table:function(){}}}}function f(n){let memory=n.memory;n.app_start();return n.memory.buffer}"#;
        let out = rename_in_glue(js, &renaming()).unwrap();
        assert_eq!(
            out,
            r#"function i(){return{"a":{a:function(e){return e.textContent},b:function(){}}}}function f(n){let memory=n.c;n.d();return n.c.buffer}"#
        );
    }

    #[test]
    fn a_glue_that_lacks_an_import_is_refused() {
        let js = r#"{"./app_bg.js":{__wbg_text_0123456789abcdef:function(){}}}"#;
        let error = rename_in_glue(js, &renaming()).unwrap_err();
        assert!(error.contains("__wbindgen_init_table"), "{error}");
    }

    #[test]
    fn a_module_named_twice_is_refused() {
        let js = r#"{"./app_bg.js":{__wbg_text_0123456789abcdef:1,__wbindgen_init_table:2}}"./app_bg.js""#;
        let error = rename_in_glue(js, &renaming()).unwrap_err();
        assert!(error.contains("2 times"), "{error}");
    }
}
