//! JavaScript the release build ships, minified by terser (installed by scripts/install-tools
//! from the npm lock file). Trunk's own minifier leaves an ES module's top-level names whole;
//! terser shortens them too: on the app's glue and the boot script together, 0.9 KB less
//! brotli on every page's first view.

use std::io::Write;
use std::process::{Command, Stdio};

/// `js`, an ES module, minified: compressed and every local and top-level name shortened.
/// Its exports keep their names.
pub fn module(js: &str) -> Result<String, String> {
    let mut terser = Command::new("terser")
        .args(["--module", "--compress", "--mangle"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("terser (run scripts/install-tools): {e}"))?;
    // Written from a thread of its own: terser may fill its output pipe before it has read
    // all of its input.
    let mut stdin = terser.stdin.take().expect("stdin is piped");
    let input = js.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = terser
        .wait_with_output()
        .map_err(|e| format!("terser: {e}"))?;
    writer
        .join()
        .map_err(|_| "terser: writing its input failed".to_string())?
        .map_err(|e| format!("terser: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "terser: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    String::from_utf8(output.stdout).map_err(|e| format!("terser: {e}"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_module_keeps_its_exports_and_loses_its_long_names() {
        let js = "function a_long_top_level_name(value) { return value + 1; }\n\
                  export default function init(first) { return a_long_top_level_name(first); }\n\
                  export const href = \"/app-0123456789abcdef.js\";\n";
        let out = super::module(js).unwrap();
        assert!(!out.contains("a_long_top_level_name"), "{out}");
        assert!(
            out.contains("as default") || out.contains("export default"),
            "{out}"
        );
        assert!(
            out.contains("href") && out.contains("\"/app-0123456789abcdef.js\""),
            "{out}"
        );
        assert!(out.len() < js.len() / 2, "{out}");
    }

    #[test]
    fn a_syntax_error_is_reported() {
        let error = super::module("function (").unwrap_err();
        assert!(error.starts_with("terser: "), "{error}");
    }
}
