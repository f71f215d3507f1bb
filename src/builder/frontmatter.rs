//! Front matter: the TOML between the `+++` lines, read with spans so every fault can name
//! its line, then checked field by field so one run reports every missing or bad field.

use super::errors::{ContentError, Lines, Report};
use serde::Deserialize;
use toml::Spanned;

type Text = Option<Spanned<String>>;

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
            "the file must start with a line `+++`, then the front matter (slug, title, …), then another `+++`".into(),
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPage {
    pub slug: Text,
    pub title: Text,
    pub nav_title: Text,
    pub description: Text,
    pub lead: Text,
    pub country: Text,
    pub document: Option<Spanned<RawDocument>>,
    pub sources: Option<Spanned<Vec<Spanned<RawSource>>>>,
    pub items: Option<Spanned<Vec<Spanned<RawItem>>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDocument {
    pub title: Text,
    pub index: Text,
    pub published: Option<Spanned<toml::Value>>,
    pub languages: Option<Spanned<Vec<Spanned<String>>>>,
    pub url: Text,
    pub note: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub title: Text,
    pub url: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawItem {
    pub id: Text,
    pub year: Option<Spanned<i64>>,
    pub kind: Text,
    pub country: Text,
    pub summary: Text,
    pub title: Text,
    pub index: Text,
    pub date: Option<Spanned<toml::Value>>,
    pub url: Text,
    pub link_label: Text,
    pub note: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSite {
    pub name: Text,
    pub tagline: Text,
    pub description: Text,
    pub lang: Text,
    pub locale: Text,
    pub original_title: Text,
    pub original_url: Text,
    pub attribution: Text,
    pub licence: Text,
    pub licence_url: Text,
    pub share_image_alt: Text,
}

/// Parses TOML, turning a syntax or type fault into an error with its line.
pub fn parse<T: for<'de> Deserialize<'de>>(
    toml_text: &str,
    offset: usize,
    file: &str,
    lines: &Lines,
) -> Result<T, ContentError> {
    toml::from_str(toml_text).map_err(|e| {
        let line = e.span().map(|s| lines.line_of(offset + s.start));
        let message = e.message().trim().replace('\n', " ");
        ContentError::new(
            file,
            line,
            None,
            format!("the front matter cannot be read: {message}"),
        )
    })
}

/// Checks fields of one table (the page, `document`, one of `sources`…) and reports faults.
pub struct Fields<'a> {
    pub file: &'a str,
    pub lines: &'a Lines,
    /// Byte offset of the TOML text in the file.
    pub offset: usize,
    /// Prefix for field names, e.g. `document.` or `sources[2].`.
    pub prefix: String,
    /// The line a missing field is reported at: where its table starts.
    pub table_line: usize,
    pub report: &'a mut Report,
}

impl<'a> Fields<'a> {
    /// The fields of a file's top-level table, whose TOML starts at byte `offset`.
    pub fn new(file: &'a str, lines: &'a Lines, offset: usize, report: &'a mut Report) -> Self {
        Fields {
            file,
            lines,
            offset,
            prefix: String::new(),
            table_line: 1,
            report,
        }
    }

    pub fn line_of<T>(&self, value: &Spanned<T>) -> usize {
        self.lines.line_of(self.offset + value.span().start)
    }

    pub fn error(&mut self, line: usize, field: &str, message: impl Into<String>) {
        let field = format!("{}{field}", self.prefix);
        self.report.push(ContentError::new(
            self.file,
            Some(line),
            Some(&field),
            message.into(),
        ));
    }

    pub fn missing(&mut self, field: &str, why: &str) {
        let line = self.table_line;
        self.error(line, field, format!("missing: {why}"));
    }

    /// A text field that may be left out but, if present, is not empty.
    pub fn optional(&mut self, field: &str, value: Text) -> Option<String> {
        let value = value?;
        let text = value.get_ref().trim().to_string();
        if text.is_empty() {
            let line = self.line_of(&value);
            self.error(line, field, "is empty: write the text or remove the line");
            return None;
        }
        Some(text)
    }

    pub fn required(&mut self, field: &str, value: Text, why: &str) -> Option<String> {
        if value.is_none() {
            self.missing(field, why);
        }
        self.optional(field, value)
    }

    /// Text that must fit in a search result or a preview card.
    pub fn short(&mut self, field: &str, value: Text, max: usize, why: &str) -> Option<String> {
        let line = value.as_ref().map(|v| self.line_of(v));
        let text = self.required(field, value, why)?;
        let count = text.chars().count();
        if count > max {
            self.error(
                line.unwrap_or(self.table_line),
                field,
                format!("is {count} characters long; keep it to {max} at most"),
            );
        }
        Some(text)
    }

    pub fn https(&mut self, field: &str, value: Text, required: bool) -> Option<String> {
        let line = value.as_ref().map(|v| self.line_of(v));
        let url = if required {
            self.required(field, value, "the address (https://…)")?
        } else {
            self.optional(field, value)?
        };
        match check_https(&url) {
            Ok(()) => Some(url),
            Err(why) => {
                self.error(line.unwrap_or(self.table_line), field, why);
                None
            }
        }
    }

    pub fn date(
        &mut self,
        field: &str,
        value: Option<Spanned<toml::Value>>,
        why: &str,
    ) -> Option<String> {
        let Some(value) = value else {
            self.missing(field, why);
            return None;
        };
        let line = self.line_of(&value);
        let text = match value.get_ref() {
            toml::Value::String(s) => s.trim().to_string(),
            toml::Value::Datetime(d) => d.to_string(),
            other => format!("{other}"),
        };
        match check_date(&text) {
            Ok(()) => Some(text),
            Err(why) => {
                self.error(line, field, why);
                None
            }
        }
    }
}

/// Only `https://` addresses with a host are accepted: readers' privacy and integrity.
pub fn check_https(url: &str) -> Result<(), String> {
    let Some(rest) = url.strip_prefix("https://") else {
        return Err(format!(
            "{url:?} is not an https:// address; use the https:// form of the link"
        ));
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if host.is_empty() || !host.contains('.') || url.contains(char::is_whitespace) {
        return Err(format!("{url:?} is not a complete web address"));
    }
    Ok(())
}

/// A calendar date written `YYYY-MM-DD`.
pub fn check_date(text: &str) -> Result<(), String> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    match time::Date::parse(text, &format) {
        Ok(_) if text.len() == 10 => Ok(()),
        _ => Err(format!(
            "{text:?} is not a date; write it as YYYY-MM-DD, e.g. 2016-05-26"
        )),
    }
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
    fn https_and_dates_are_checked() {
        assert!(check_https("https://www.amnesty.org/en/").is_ok());
        assert!(
            check_https("http://www.amnesty.org/")
                .unwrap_err()
                .contains("not an https")
        );
        assert!(
            check_https("https://")
                .unwrap_err()
                .contains("not a complete")
        );
        assert!(check_https("www.amnesty.org").is_err());
        assert!(check_date("2016-05-26").is_ok());
        assert!(check_date("2016-02-29").is_ok());
        assert!(check_date("2015-02-29").is_err());
        assert!(check_date("2016-13-01").is_err());
        assert!(check_date("26 May 2016").is_err());
        assert!(check_date("2016-5-26").is_err());
    }
}
