//! Front matter: the TOML between the `+++` lines, deserialised straight into the content
//! types of `crate::content`, whose field adapters check every value as it is read.
//!
//! Serde stops at the first fault, so the reader deserialises again with that fault set
//! aside (an unknown key removed, a stand-in for a missing or bad value) until the file
//! reads through. Each round finds one more fault, with the span toml gives it, so one run
//! reports every unknown, missing or bad field of a file, each with its line.

use super::errors::{ContentError, Lines, Report};
use crate::content::fields::PLACEHOLDER;
use serde::de::DeserializeOwned;
use std::borrow::Cow;
use std::ops::Range;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// A page file cut into its two parts, with their byte offsets in the file.
#[derive(Debug)]
pub struct Split<'a> {
    pub front: &'a str,
    pub front_offset: usize,
    pub body: &'a str,
    pub body_offset: usize,
}

/// Cuts a page file at its `+++` lines. Errors carry a line number and a message.
pub fn split(text: &str) -> Result<Split<'_>, (usize, String)> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or_default();
    if first.trim_end() != "+++" {
        return Err((
            1,
            "the file must start with a line `+++`, then the front matter (title, …), then another `+++`".into(),
        ));
    }
    let front_offset = first.len();
    let mut offset = front_offset;
    for line in lines {
        if line.trim_end() == "+++" {
            return Ok(Split {
                front: &text[front_offset..offset],
                front_offset,
                body: &text[offset + line.len()..],
                body_offset: offset + line.len(),
            });
        }
        offset += line.len();
    }
    Err((
        1,
        "the front matter is not closed: add a line `+++` after it".into(),
    ))
}

/// One step from a table to a value: a key, or a position in a list (from 0).
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    Key(String),
    Index(usize),
}

/// A field as editors read it: `document.published`, `sources[1].url` (counting from 1).
pub fn show(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Key(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Step::Index(i) => out.push_str(&format!("[{}]", i + 1)),
        }
    }
    out
}

/// The field without positions, as hints are looked up: `sources.url`.
fn pattern(path: &[Step]) -> String {
    let keys: Vec<&str> = path
        .iter()
        .filter_map(|s| match s {
            Step::Key(k) => Some(k.as_str()),
            Step::Index(_) => None,
        })
        .collect();
    keys.join(".")
}

/// The reverse of [`show`]: `items[2].date` → items, 1, date.
fn parse_path(field: &str) -> Vec<Step> {
    let mut path = Vec::new();
    for part in field.split('.').filter(|p| !p.is_empty()) {
        let (key, rest) = part.split_once('[').unwrap_or((part, ""));
        path.push(Step::Key(key.to_string()));
        if let Ok(n) = rest.trim_end_matches(']').parse::<usize>() {
            path.push(Step::Index(n.saturating_sub(1)));
        }
    }
    path
}

/// What the reader needs to know of a file's kind beyond its type.
pub struct Rules<'a> {
    /// Why a required field is needed, by field (`document.title`), for "missing: …".
    pub hints: &'a [(&'a str, &'a str)],
    /// Top-level keys the file may not have, with the message for each.
    pub reserved: &'a [(&'a str, &'a str)],
}

/// One file's front matter, parsed with the position of every key and value.
pub struct FrontMatter<'a> {
    file: &'a str,
    lines: &'a Lines,
    /// Byte offset of the TOML text in the file.
    offset: usize,
    tree: Spanned<DeTable<'a>>,
}

impl<'a> FrontMatter<'a> {
    /// Parses TOML, turning a syntax fault into an error with its line.
    pub fn parse(
        text: &'a str,
        offset: usize,
        file: &'a str,
        lines: &'a Lines,
    ) -> Result<Self, ContentError> {
        match DeTable::parse(text) {
            Ok(tree) => Ok(FrontMatter {
                file,
                lines,
                offset,
                tree,
            }),
            Err(e) => {
                let line = e.span().map(|s| lines.line_of(offset + s.start));
                let message = e.message().trim().replace('\n', " ");
                Err(ContentError::new(
                    file,
                    line,
                    None,
                    format!("the front matter cannot be read: {message}"),
                ))
            }
        }
    }

    /// Whether the top-level table has this key.
    pub fn has(&self, key: &str) -> bool {
        self.tree.get_ref().keys().any(|k| k.get_ref() == key)
    }

    /// The line of a field (`items[2].date`): where its value starts, or where the nearest
    /// table around it starts if it is not there. The top-level table is line 1.
    pub fn line(&self, field: &str) -> usize {
        self.line_of(&parse_path(field))
    }

    fn line_of(&self, path: &[Step]) -> usize {
        let mut line = 1;
        let mut table = Some(self.tree.get_ref());
        let mut array: Option<&[Spanned<DeValue>]> = None;
        for step in path {
            let value = match (step, table, array) {
                (Step::Key(key), Some(t), _) => get(t, key),
                (Step::Index(i), _, Some(a)) => a.get(*i),
                _ => None,
            };
            let Some(value) = value else { break };
            line = self.lines.line_of(self.offset + value.span().start);
            (table, array) = match value.get_ref() {
                DeValue::Table(t) => (Some(t), None),
                DeValue::Array(a) => (None, Some(&a[..])),
                _ => (None, None),
            };
        }
        line
    }

    fn key_line(&self, path: &[Step]) -> usize {
        let Some((Step::Key(key), parent)) = path.split_last() else {
            return self.line_of(path);
        };
        match lookup(self.tree.get_ref(), parent) {
            Some(DeValue::Table(t)) => t
                .keys()
                .find(|k| k.get_ref() == key)
                .map(|k| self.lines.line_of(self.offset + k.span().start))
                .unwrap_or_else(|| self.line_of(path)),
            _ => self.line_of(path),
        }
    }

    /// A fault of a field found by a later check (`items[2].date`), at that field's line.
    pub fn error(&self, report: &mut Report, field: &str, message: impl Into<String>) {
        let line = self.line(field);
        self.push(report, line, field, message.into());
    }

    /// A required field that is not there, reported at its table's line.
    pub fn missing(&self, report: &mut Report, field: &str, why: &str) {
        let path = parse_path(field);
        let line = self.line_of(&path[..path.len().saturating_sub(1)]);
        self.push(report, line, field, format!("missing: {why}"));
    }

    fn push(&self, report: &mut Report, line: usize, field: &str, message: String) {
        report.push(ContentError::new(
            self.file,
            Some(line),
            Some(field),
            message,
        ));
    }

    /// Deserialises the whole front matter into `T`, reporting every fault. With faults, the
    /// value (if any) holds stand-ins ([`PLACEHOLDER`], 0, empty lists) where they were, and
    /// `clean` is false: later checks can still look at the rest.
    pub fn read<T: DeserializeOwned>(&self, rules: &Rules, report: &mut Report) -> Read<T> {
        let mut tree = self.tree.clone();
        let root_span = tree.span();
        let mut clean = true;
        for (key, message) in rules.reserved {
            if let Some(k) = tree.get_ref().keys().find(|k| k.get_ref() == key).cloned() {
                tree.get_mut().remove(&k);
                let line = self.key_line(&[Step::Key(key.to_string())]);
                self.push(report, line, key, message.to_string());
                clean = false;
            }
        }
        // Faults at or under these fields are reported already.
        let mut reported: Vec<Vec<Step>> = Vec::new();
        let mut attempts: Vec<(Vec<Step>, u8)> = Vec::new();
        // Stand-ins get spans no text has, each its own, so a fault of one is placed on it.
        let mut next_span = usize::MAX;
        let mut fresh_span = || {
            next_span -= 1;
            next_span..next_span
        };
        for _ in 0..MAX_ROUNDS {
            let error = match T::deserialize(toml::de::Deserializer::from(tree.clone())) {
                Ok(value) => {
                    return Read {
                        value: Some(value),
                        clean,
                    };
                }
                Err(error) => error,
            };
            clean = false;
            let message = error.message().trim().to_string();
            let span = error.span();
            let is_reported = |path: &[Step], reported: &[Vec<Step>]| {
                reported.iter().any(|r| path.starts_with(r))
            };

            if let Some(name) = quoted_after(&message, "unknown field `") {
                if let Some(path) = span.as_ref().and_then(|s| find(&tree, s, Find::Key)) {
                    if !is_reported(&path, &reported) {
                        let field = show(&path);
                        let line = self.key_line(&path);
                        self.push(report, line, &field, unknown(name, &message, rules));
                    }
                    remove(&mut tree, &path);
                    continue;
                }
            } else if let Some(name) = quoted_after(&message, "missing field `") {
                let table = match &span {
                    Some(s) if *s == root_span => Some(Vec::new()),
                    Some(s) => find(&tree, s, Find::Table),
                    None => None,
                };
                if let Some(mut path) = table {
                    path.push(Step::Key(name.to_string()));
                    if !is_reported(&path, &reported) {
                        let hint = rules
                            .hints
                            .iter()
                            .find(|(field, _)| *field == pattern(&path))
                            .map(|(_, hint)| hint.to_string())
                            .unwrap_or_else(|| format!("add a line `{name} = …`"));
                        self.missing(report, &show(&path), &hint);
                        reported.push(path.clone());
                    }
                    let key = Spanned::new(fresh_span(), Cow::Owned(name.to_string()));
                    let value =
                        Spanned::new(fresh_span(), DeValue::String(Cow::Borrowed(PLACEHOLDER)));
                    if let Some(t) = table_mut(&mut tree, &path[..path.len() - 1]) {
                        t.insert(key, value);
                        continue;
                    }
                }
            } else if let Some(path) = span.as_ref().and_then(|s| find(&tree, s, Find::Value)) {
                if !is_reported(&path, &reported) {
                    let line = self.line_of(&path);
                    self.push(report, line, &show(&path), plain_type_fault(&message));
                    reported.push(path.clone());
                }
                // Stand-ins of other kinds, until one is accepted or the value is left out.
                let tries = match attempts.iter_mut().find(|(p, _)| *p == path) {
                    Some((_, n)) => {
                        *n += 1;
                        *n
                    }
                    None => {
                        attempts.push((path.clone(), 1));
                        1
                    }
                };
                let replacement = match tries {
                    1 => Some(DeValue::String(Cow::Borrowed(PLACEHOLDER))),
                    2 => Some(DeValue::Table(DeTable::new())),
                    3 => Some(DeValue::Array(toml::de::DeArray::new())),
                    _ => None,
                };
                match (replacement, lookup_mut(&mut tree, &path)) {
                    (Some(replacement), Some(value)) => {
                        *value = Spanned::new(fresh_span(), replacement);
                    }
                    _ => remove(&mut tree, &path),
                }
                continue;
            }
            // A fault that cannot be placed on a field: report it as it is, and stop.
            let line = match span {
                Some(s) if s.start <= root_span.end => self.lines.line_of(self.offset + s.start),
                _ => 1,
            };
            report.push(ContentError::new(
                self.file,
                Some(line),
                None,
                format!("the front matter cannot be read: {message}"),
            ));
            return Read::FAILED;
        }
        report.push(ContentError::new(
            self.file,
            Some(1),
            None,
            "the front matter has too many faults to read; fix those reported and check again"
                .into(),
        ));
        Read::FAILED
    }
}

/// What [`FrontMatter::read`] made of a table.
pub struct Read<T> {
    pub value: Option<T>,
    /// No faults: the value is exactly what the file says.
    pub clean: bool,
}

impl<T> Read<T> {
    const FAILED: Read<T> = Read {
        value: None,
        clean: false,
    };
}

/// Rounds of deserialising, each one finding one more fault.
const MAX_ROUNDS: usize = 200;

/// `name` from a serde message such as "missing field `name`".
fn quoted_after<'m>(message: &'m str, prefix: &str) -> Option<&'m str> {
    message.strip_prefix(prefix)?.split('`').next()
}

/// serde's "invalid type: integer `3`, expected struct Document" in editors' words.
fn plain_type_fault(message: &str) -> String {
    let Some((found, expected)) = message
        .strip_prefix("invalid type: ")
        .and_then(|m| m.split_once(", expected "))
    else {
        return message.to_string();
    };
    let expected = if expected.starts_with("struct ") {
        "a table of fields"
    } else if expected == "a sequence" {
        "a list"
    } else {
        expected
    };
    format!("is {found}; it should be {expected}")
}

/// The message for an unknown key: a likely meant field, or the fields there are.
fn unknown(name: &str, message: &str, rules: &Rules) -> String {
    // serde lists the fields after "expected": "expected one of `a`, `b`".
    let expected: Vec<&str> = message
        .split_once("expected")
        .map(|(_, list)| list.split('`').skip(1).step_by(2).collect())
        .unwrap_or_default();
    let expected: Vec<&str> = expected
        .into_iter()
        .filter(|f| !rules.reserved.iter().any(|(r, _)| r == f))
        .collect();
    match expected.iter().find(|f| distance(name, f) <= 2) {
        Some(meant) => format!("unknown field: did you mean `{meant}`?"),
        None if expected.is_empty() => "unknown field: this table has no fields".into(),
        None => format!(
            "unknown field: the fields here are {}",
            expected
                .iter()
                .map(|f| format!("`{f}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// Edit distance, for "did you mean".
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

fn get<'t, 'i>(table: &'t DeTable<'i>, key: &str) -> Option<&'t Spanned<DeValue<'i>>> {
    table
        .iter()
        .find(|(k, _)| k.get_ref() == key)
        .map(|(_, v)| v)
}

fn lookup<'t, 'i>(table: &'t DeTable<'i>, path: &[Step]) -> Option<&'t DeValue<'i>> {
    let (first, rest) = match path.split_first() {
        None => return None,
        Some((Step::Key(key), rest)) => (get(table, key)?, rest),
        Some((Step::Index(_), _)) => return None,
    };
    let mut value = first.get_ref();
    for step in rest {
        value = match (step, value) {
            (Step::Key(key), DeValue::Table(t)) => get(t, key)?.get_ref(),
            (Step::Index(i), DeValue::Array(a)) => a.get(*i)?.get_ref(),
            _ => return None,
        };
    }
    Some(value)
}

/// The value at a path (not the top-level table itself).
fn lookup_mut<'t, 'i>(
    tree: &'t mut Spanned<DeTable<'i>>,
    path: &[Step],
) -> Option<&'t mut Spanned<DeValue<'i>>> {
    let (Step::Key(first), rest) = path.split_first()? else {
        return None;
    };
    let mut value = tree
        .get_mut()
        .iter_mut()
        .find(|(k, _)| k.get_ref() == first)?
        .1;
    for step in rest {
        value = match (step, Spanned::get_mut(value)) {
            (Step::Key(key), DeValue::Table(t)) => {
                t.iter_mut().find(|(k, _)| k.get_ref() == key)?.1
            }
            (Step::Index(i), DeValue::Array(a)) => a.get_mut(*i)?,
            _ => return None,
        };
    }
    Some(value)
}

/// The table at a path; the empty path is the top-level table.
fn table_mut<'t, 'i>(
    tree: &'t mut Spanned<DeTable<'i>>,
    path: &[Step],
) -> Option<&'t mut DeTable<'i>> {
    if path.is_empty() {
        return Some(tree.get_mut());
    }
    match Spanned::get_mut(lookup_mut(tree, path)?) {
        DeValue::Table(t) => Some(t),
        _ => None,
    }
}

/// Takes a key or a list entry out of the tree.
fn remove(tree: &mut Spanned<DeTable>, path: &[Step]) {
    let Some((last, parent)) = path.split_last() else {
        return;
    };
    match last {
        Step::Key(key) => {
            if let Some(t) = table_mut(tree, parent)
                && let Some(k) = t.keys().find(|k| k.get_ref() == key).cloned()
            {
                t.remove(&k);
            }
        }
        Step::Index(i) => {
            if let Some(value) = lookup_mut(tree, parent)
                && let DeValue::Array(a) = value.get_mut()
            {
                *a = a
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| j != i)
                    .map(|(_, v)| v.clone())
                    .collect();
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Find {
    /// A key with this span.
    Key,
    /// A table value with this span.
    Table,
    /// Any value with this span, the innermost.
    Value,
}

/// The path of the key or value toml gave this span.
fn find(tree: &Spanned<DeTable>, span: &Range<usize>, what: Find) -> Option<Vec<Step>> {
    fn in_value(
        value: &Spanned<DeValue>,
        span: &Range<usize>,
        what: Find,
        path: &mut Vec<Step>,
    ) -> bool {
        let found_inside = match value.get_ref() {
            DeValue::Table(t) => in_table(t, span, what, path),
            DeValue::Array(a) => a.iter().enumerate().any(|(i, v)| {
                path.push(Step::Index(i));
                let found = in_value(v, span, what, path);
                if !found {
                    path.pop();
                }
                found
            }),
            _ => false,
        };
        found_inside
            || (value.span() == *span
                && match what {
                    Find::Key => false,
                    Find::Table => matches!(value.get_ref(), DeValue::Table(_)),
                    Find::Value => true,
                })
    }
    fn in_table(table: &DeTable, span: &Range<usize>, what: Find, path: &mut Vec<Step>) -> bool {
        table.iter().any(|(k, v)| {
            path.push(Step::Key(k.get_ref().to_string()));
            let found = (what == Find::Key && k.span() == *span) || in_value(v, span, what, path);
            if !found {
                path.pop();
            }
            found
        })
    }
    let mut path = Vec::new();
    in_table(tree.get_ref(), span, what, &mut path).then_some(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_finds_both_parts() {
        let text = "+++\ntitle = \"x\"\n+++\n\nBody\n";
        let s = split(text).unwrap();
        assert_eq!(s.front, "title = \"x\"\n");
        assert_eq!(&text[s.front_offset..s.front_offset + 3], "tit");
        assert_eq!(s.body, "\nBody\n");
        assert_eq!(&text[s.body_offset..], "\nBody\n");
    }

    #[test]
    fn split_reports_missing_or_open_front_matter() {
        assert!(split("title = 1\n").unwrap_err().1.contains("must start"));
        assert!(
            split("+++\ntitle = 1\n")
                .unwrap_err()
                .1
                .contains("not closed")
        );
    }

    #[test]
    fn paths_read_as_fields() {
        let path = parse_path("items[2].date");
        assert_eq!(
            path,
            [
                Step::Key("items".into()),
                Step::Index(1),
                Step::Key("date".into())
            ]
        );
        assert_eq!(show(&path), "items[2].date");
        assert_eq!(pattern(&path), "items.date");
    }

    #[test]
    fn near_misses_are_suggested() {
        assert_eq!(distance("navtitle", "nav_title"), 1);
        assert_eq!(distance("title", "title"), 0);
        assert!(distance("colour", "sources") > 2);
    }
}
