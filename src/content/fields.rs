//! The checks on front-matter fields, attached to the content types with
//! `#[serde(deserialize_with = "…")]`: a field is valid once it is deserialised, and a fault
//! is an error of the deserialiser, so the builder knows the field and its line.
//!
//! The fields stay plain `String`s, so the views use them as they are. Only the builder
//! (feature `build`) checks: the app trusts the bundle the builder wrote, and its wasm has
//! neither the adapters nor `deny_unknown_fields` (`cfg_attr` in `content.rs`).

#[cfg(feature = "build")]
use serde::de::{Deserialize, Deserializer, Error as _};

/// A check on a text field's trimmed text; the message says what is wrong.
#[cfg(feature = "build")]
type Check = fn(&str) -> Result<(), String>;

/// Stands in for a faulty or missing value while the builder looks for further faults
/// in the same file; never part of a bundle.
#[cfg(feature = "build")]
pub const PLACEHOLDER: &str = "\u{0}placeholder";

/// What a TOML value is, for a message: "is a number; …".
#[cfg(feature = "build")]
fn kind(value: &toml::Value) -> &'static str {
    match value {
        toml::Value::String(_) => "text",
        toml::Value::Integer(_) | toml::Value::Float(_) => "a number",
        toml::Value::Boolean(_) => "true or false",
        toml::Value::Datetime(_) => "a date",
        toml::Value::Array(_) => "a list",
        toml::Value::Table(_) => "a table",
    }
}

#[cfg(feature = "build")]
fn text<'de, D: Deserializer<'de>>(d: D, check: Check) -> Result<String, D::Error> {
    let text = match toml::Value::deserialize(d)? {
        toml::Value::String(s) if s == PLACEHOLDER => return Ok(s),
        toml::Value::String(s) => s.trim().to_string(),
        // A TOML date (`published = 2016-05-26`) is text to the checks.
        toml::Value::Datetime(d) => d.to_string(),
        other => {
            return Err(D::Error::custom(format!(
                "is {}; write text in quotes, e.g. \"…\"",
                kind(&other)
            )));
        }
    };
    if text.is_empty() {
        return Err(D::Error::custom(
            "is empty: write the text or remove the line",
        ));
    }
    check(&text).map_err(D::Error::custom)?;
    Ok(text)
}

/// Defines adapters: `name => check` for a required field, `optional name => check` for an
/// optional one (left out, or not empty if written).
macro_rules! adapters {
    () => {};
    ($(#[$doc:meta])* $name:ident => $check:expr; $($rest:tt)*) => {
        $(#[$doc])*
        #[cfg(feature = "build")]
        pub fn $name<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
            text(d, $check)
        }
        adapters!($($rest)*);
    };
    ($(#[$doc:meta])* optional $name:ident => $check:expr; $($rest:tt)*) => {
        $(#[$doc])*
        #[cfg(feature = "build")]
        pub fn $name<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
            text(d, $check).map(Some)
        }
        adapters!($($rest)*);
    };
}

adapters! {
    /// Text that is not blank.
    non_empty => |_| Ok(());
    /// Text that is not blank, if it is there.
    optional optional_non_empty => |_| Ok(());
    /// An `https://` address with a host.
    https_url => check_https;
    /// A calendar date written `YYYY-MM-DD`.
    iso_date => check_date;
    /// An Amnesty International index number, e.g. `POL 30/4062/2016`, if it is there.
    optional optional_index_number => check_index_number;
    /// One or two sentences for search results and link previews.
    description => |t| check_length(t, DESCRIPTION_MAX);
    /// A few words completing the home page's title.
    tagline => |t| check_length(t, TAGLINE_MAX);
    /// A fragment id of the page (`uganda-2010`): a-z, 0-9 and -, not one of the layout's.
    fragment_id => check_fragment_id;
    /// One of [`ITEM_KINDS`].
    item_kind => check_item_kind;
}

pub const DESCRIPTION_MAX: usize = 200;
pub const TAGLINE_MAX: usize = 70;
pub const ITEM_KINDS: [&str; 3] = ["report", "public statement", "urgent action"];

/// A list of language names, at least one.
#[cfg(feature = "build")]
pub fn languages<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let items = match toml::Value::deserialize(d)? {
        toml::Value::String(s) if s == PLACEHOLDER => return Ok(Vec::new()),
        toml::Value::Array(items) => items,
        other => {
            return Err(D::Error::custom(format!(
                "is {}; write a list, e.g. [\"English\", \"Spanish\"]",
                kind(&other)
            )));
        }
    };
    if items.is_empty() {
        return Err(D::Error::custom("is empty: name at least one language"));
    }
    items
        .into_iter()
        .map(|item| match item {
            toml::Value::String(s) if !s.trim().is_empty() => Ok(s.trim().to_string()),
            _ => Err(D::Error::custom(
                "lists a blank or a non-text entry; write names in quotes, e.g. [\"English\"]",
            )),
        })
        .collect()
}

/// Text kept exactly as written, spaces included (`" and "` between list items).
#[cfg(feature = "build")]
pub fn non_empty_spaced<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    match toml::Value::deserialize(d)? {
        toml::Value::String(s) if s == PLACEHOLDER => Ok(s),
        toml::Value::String(s) if !s.trim().is_empty() => Ok(s),
        toml::Value::String(_) => Err(D::Error::custom(
            "is blank: write the text, spaces included, in quotes",
        )),
        other => Err(D::Error::custom(format!(
            "is {}; write text in quotes, e.g. \"…\"",
            kind(&other)
        ))),
    }
}

/// The names of the twelve months, January first.
#[cfg(feature = "build")]
pub fn months<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let names = match toml::Value::deserialize(d)? {
        toml::Value::String(s) if s == PLACEHOLDER => return Ok(Vec::new()),
        toml::Value::Array(items) => items,
        other => {
            return Err(D::Error::custom(format!(
                "is {}; write a list of the twelve months, e.g. [\"January\", …]",
                kind(&other)
            )));
        }
    };
    let names: Vec<String> = names
        .into_iter()
        .filter_map(|v| match v {
            toml::Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            _ => None,
        })
        .collect();
    if names.len() != 12 {
        return Err(D::Error::custom(format!(
            "has {} names of months; write all twelve, January first, in quotes",
            names.len()
        )));
    }
    Ok(names)
}

/// The year of a research item, as a number.
#[cfg(feature = "build")]
pub fn year<'de, D: Deserializer<'de>>(d: D) -> Result<u16, D::Error> {
    match toml::Value::deserialize(d)? {
        toml::Value::String(s) if s == PLACEHOLDER => Ok(0),
        toml::Value::Integer(y) => match u16::try_from(y) {
            Ok(year @ 1961..=2100) => Ok(year),
            _ => Err(D::Error::custom(format!("{y} is not a plausible year"))),
        },
        other => Err(D::Error::custom(format!(
            "is {}; write the year as a number without quotes, e.g. 2014",
            kind(&other)
        ))),
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
#[cfg(feature = "build")]
pub fn check_date(text: &str) -> Result<(), String> {
    // The `time` crate knows the calendar (month lengths, leap years); the length check
    // refuses what it would accept but an editor should not write (e.g. a time of day).
    let format = time::macros::format_description!("[year]-[month]-[day]");
    match time::Date::parse(text, &format) {
        Ok(_) if text.len() == 10 => Ok(()),
        _ => Err(format!(
            "{text:?} is not a date; write it as YYYY-MM-DD, e.g. 2016-05-26"
        )),
    }
}

/// An index number as Amnesty International prints them: a region or theme code, a
/// section number, a serial number and the year, e.g. `POL 30/4062/2016`, `AFR 44/011/2014`.
pub fn check_index_number(text: &str) -> Result<(), String> {
    let valid = (|| {
        let (code, rest) = text.split_once(' ')?;
        let mut parts = rest.split('/');
        let (section, serial, year) = (parts.next()?, parts.next()?, parts.next()?);
        let digits = |s: &str, n: std::ops::RangeInclusive<usize>| {
            n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
        };
        Some(
            code.len() == 3
                && code.bytes().all(|b| b.is_ascii_uppercase())
                && digits(section, 2..=2)
                && digits(serial, 3..=4)
                && digits(year, 4..=4)
                && parts.next().is_none(),
        )
    })();
    if valid == Some(true) {
        Ok(())
    } else {
        Err(format!(
            "{text:?} is not an index number; write it as on the document, e.g. POL 30/4062/2016"
        ))
    }
}

#[cfg(feature = "build")]
fn check_length(text: &str, max: usize) -> Result<(), String> {
    let count = text.chars().count();
    if count > max {
        return Err(format!(
            "is {count} characters long; keep it to {max} at most"
        ));
    }
    Ok(())
}

/// Fragment ids: lower-case letters, digits and `-`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[cfg(feature = "build")]
fn check_fragment_id(id: &str) -> Result<(), String> {
    if !is_valid_id(id) {
        Err(format!("{id:?} may only use a-z, 0-9 and -"))
    } else if super::ids::ALL.contains(&id) {
        Err(format!("{id:?} is used by the page layout"))
    } else {
        Ok(())
    }
}

#[cfg(feature = "build")]
fn check_item_kind(kind: &str) -> Result<(), String> {
    if ITEM_KINDS.contains(&kind) {
        Ok(())
    } else {
        Err(format!("{kind:?} is not one of: {}", ITEM_KINDS.join(", ")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_addresses_are_checked() {
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
    }

    #[test]
    #[cfg(feature = "build")]
    fn dates_are_calendar_dates() {
        assert!(check_date("2016-05-26").is_ok());
        assert!(check_date("2016-02-29").is_ok());
        assert!(check_date("2000-02-29").is_ok());
        assert!(check_date("1900-02-29").is_err());
        assert!(check_date("2015-02-29").is_err());
        assert!(check_date("2016-04-31").is_err());
        assert!(check_date("2016-13-01").is_err());
        assert!(check_date("2016-00-10").is_err());
        assert!(check_date("2016-01-00").is_err());
        assert!(check_date("26 May 2016").is_err());
        assert!(check_date("2016-5-26").is_err());
        assert!(check_date("2016-05-26T10:00:00").is_err());
    }

    #[test]
    fn index_numbers_look_like_amnestys() {
        for ok in [
            "POL 30/4062/2016",
            "EUR 36/4034/2016",
            "AFR 44/011/2014",
            "MDE 30/2814/2015",
        ] {
            assert!(check_index_number(ok).is_ok(), "{ok}");
        }
        for bad in [
            "POL30/4062/2016",
            "pol 30/4062/2016",
            "POL 30/4062",
            "POL 30/4062/16",
            "POL 3/4062/2016",
            "POL 30/4062/2016/1",
        ] {
            assert!(check_index_number(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn ids_and_kinds() {
        assert!(check_fragment_id("uganda-2010").is_ok());
        assert!(check_fragment_id("Uganda").is_err());
        assert!(
            check_fragment_id("main")
                .unwrap_err()
                .contains("page layout")
        );
        assert!(check_item_kind("urgent action").is_ok());
        assert!(check_item_kind("letter").is_err());
        assert!(check_length("abc", 3).is_ok());
        assert_eq!(
            check_length("abcd", 3).unwrap_err(),
            "is 4 characters long; keep it to 3 at most"
        );
    }
}
