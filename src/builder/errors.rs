//! Content errors as editors read them: file, line, field, fault.

use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ContentError {
    /// The file, relative to the project (e.g. `content/reports/norway.md`).
    pub file: String,
    pub line: Option<usize>,
    /// The front-matter field (e.g. `document.published`) or part of the text (`text`).
    pub field: Option<String>,
    pub message: String,
}

impl ContentError {
    pub fn new(file: &str, line: Option<usize>, field: Option<&str>, message: String) -> Self {
        ContentError {
            file: file.to_string(),
            line,
            field: field.map(str::to_string),
            message,
        }
    }
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        f.write_str(": ")?;
        if let Some(field) = &self.field {
            write!(f, "{field}: ")?;
        }
        f.write_str(&self.message)
    }
}

/// Collects every error of a run, so editors see them all at once.
#[derive(Debug, Default)]
pub struct Report {
    errors: Vec<ContentError>,
}

impl Report {
    pub fn push(&mut self, error: ContentError) {
        self.errors.push(error);
    }

    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    pub fn len(&self) -> usize {
        self.errors.len()
    }

    /// Sorted by file and line, so the output reads top to bottom.
    pub fn into_errors(mut self) -> Vec<ContentError> {
        self.errors.sort();
        self.errors.dedup();
        self.errors
    }
}

/// Maps byte offsets of a file to 1-based line numbers.
pub struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    pub fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines { starts }
    }

    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_read_file_line_field_fault() {
        let e = ContentError::new(
            "content/policy.md",
            Some(4),
            Some("document.published"),
            "is not a date".into(),
        );
        assert_eq!(
            e.to_string(),
            "content/policy.md:4: document.published: is not a date"
        );
        let e = ContentError::new("content/site.toml", None, None, "cannot be read".into());
        assert_eq!(e.to_string(), "content/site.toml: cannot be read");
    }

    #[test]
    fn offsets_map_to_lines() {
        let lines = Lines::new("a\nbc\n\nd");
        assert_eq!(lines.line_of(0), 1);
        assert_eq!(lines.line_of(1), 1);
        assert_eq!(lines.line_of(2), 2);
        assert_eq!(lines.line_of(5), 3);
        assert_eq!(lines.line_of(6), 4);
    }
}
