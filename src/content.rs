//! The content model: what the JSON bundle holds. Plain Rust, shared by the app (which
//! deserialises the bundle), the site builder (which builds it from `content/`) and the tests.

use crate::routes::Route;
use miniserde::de::{Map, Seq, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;

// The app decodes with miniserde: its parser is one piece of code driving each type's small
// decoder through a trait object, where serde generates and specialises a decoder per type
// and format. The builder and the native tests keep serde: its field attributes carry the
// content files' checks and are on only with the `build` feature, and miniserde's derive,
// which refuses them, only without it.
miniserde::make_place!(Place);

pub mod fields;

/// Fragment ids the page layout itself uses; content sections and items may not take them.
pub mod ids {
    pub const MAIN: &str = "main";
    pub const PAGE_TITLE: &str = "page-title";
    pub const DOCUMENT: &str = "document";
    pub const SOURCES: &str = "sources";
    pub const CONTENTS: &str = "contents-heading";
    pub const EXPLORE: &str = "explore";
    pub const COUNTRY_REPORTS: &str = "country-reports";
    pub const ANNOUNCER: &str = "route-announcer";
    pub const APP: &str = "app";
    /// The safe-reading page's controls, which the boot script works (`src/builder/boot.js`).
    pub const OFFLINE_KEEP: &str = "offline-keep";
    pub const OFFLINE_CLEAR: &str = "offline-clear";
    pub const OFFLINE_STATUS: &str = "offline-status";
    /// The device's record (`localStorage`) of a reader turning offline keeping off: `off`.
    pub const OFFLINE_CHOICE: &str = "rosw-offline";
    /// The search page's field (the `/` shortcut focuses it) and its list of every page.
    pub const SEARCH_INPUT: &str = "search-input";
    pub const SEARCH_INDEX: &str = "search-index";
    /// The element holding the page's own share of the bundle, as JSON.
    pub const PAGE_DATA: &str = "page-data";
    pub const ALL: [&str; 15] = [
        MAIN,
        PAGE_TITLE,
        DOCUMENT,
        SOURCES,
        CONTENTS,
        EXPLORE,
        COUNTRY_REPORTS,
        ANNOUNCER,
        APP,
        OFFLINE_KEEP,
        OFFLINE_CLEAR,
        OFFLINE_STATUS,
        SEARCH_INPUT,
        SEARCH_INDEX,
        PAGE_DATA,
    ];
    /// The attribute the builder puts on a prerendered `#app`; the app removes it once it
    /// has hydrated the page.
    pub const PRERENDERED_ATTR: &str = "data-prerendered";
}

/// Bumped whenever the bundle's shape changes, so an old app never misreads a new bundle.
/// 2: text as a tree (nested inline styles and links, lists and quotes holding blocks);
/// the site's own text licence and the original page's archived copy; the language of a
/// document's link.
/// 3: one bundle per language edition, with the list of editions and the interface's words.
/// 4: the safe-reading page; the exit link's address and words; the offline words; the
/// manifest's short name.
/// 5: the search page, with its list of every page and section; the search words; marked text
/// (`{"m": […]}`, in the search worker's results).
pub const SCHEMA_VERSION: u32 = 5;

/// The content of one language edition.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(feature = "build"), derive(miniserde::Deserialize))]
pub struct Bundle {
    pub schema: u32,
    /// Which of `editions` this bundle is.
    pub edition: usize,
    /// Every edition of the site, the default (served at the root) first.
    pub editions: Vec<Edition>,
    pub site: Site,
    pub words: Words,
    pub pages: Vec<Page>,
    /// Set in a page's own share of the bundle ([`Bundle::share_for`]): the path of the one
    /// page whose text it holds. Absent in the full bundle.
    #[cfg_attr(
        feature = "build",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub only: Option<String>,
}

/// A language edition, as the language switch and the `<head>` name it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(feature = "build"), derive(miniserde::Deserialize))]
pub struct Edition {
    /// Its folder in `content/` and, but for the default edition, its path: `zh-hk`.
    pub code: String,
    /// BCP 47 language tag, e.g. `zh-Hant-HK`.
    pub lang: String,
    /// Open Graph locale, e.g. `zh_HK`.
    pub locale: String,
    /// The language's name in itself, e.g. `繁體中文`.
    pub name: String,
}

/// Defines a set of words: a struct of named fields for the views; in the bundle a plain list
/// in the order written here (no field names for the app to match, so little code in the
/// wasm); and, for the builder, its file form, each field read with its check.
macro_rules! word_set {
    (
        $(#[$meta:meta])*
        pub struct $name:ident, file $file:ident {
            $( $(#[$doc:meta])* $field:ident: $ty:ty [$file_ty:ty] $(= $with:literal)? ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq)]
        pub struct $name {
            $( $(#[$doc])* pub $field: $ty, )*
        }

        impl $name {
            /// The fields' names, in the bundle's order (for the builder's messages).
            pub const KEYS: &'static [&'static str] = &[$(stringify!($field)),*];
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeTuple;
                let mut list = s.serialize_tuple(0 $( + { let _ = stringify!($field); 1 } )*)?;
                $( list.serialize_element(&self.$field)?; )*
                list.end()
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct List;
                impl<'de> serde::de::Visitor<'de> for List {
                    type Value = $name;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str(concat!("the list of ", stringify!($name)))
                    }
                    fn visit_seq<A: serde::de::SeqAccess<'de>>(
                        self,
                        mut seq: A,
                    ) -> Result<$name, A::Error> {
                        let mut read = 0;
                        Ok($name {
                            $( $field: {
                                read += 1;
                                seq.next_element()?.ok_or_else(|| {
                                    serde::de::Error::invalid_length(read - 1, &self)
                                })?
                            }, )*
                        })
                    }
                }
                d.deserialize_seq(List)
            }
        }

        impl miniserde::Deserialize for $name {
            fn begin(out: &mut Option<Self>) -> &mut dyn Visitor {
                Place::new(out)
            }
        }

        impl Visitor for Place<$name> {
            fn seq(&mut self) -> miniserde::Result<Box<dyn Seq + '_>> {
                /// The list's items so far, one slot per field, filled in order.
                struct List<'a> {
                    out: &'a mut Option<$name>,
                    next: usize,
                    $( $field: Option<$ty>, )*
                }
                impl Seq for List<'_> {
                    fn element(&mut self) -> miniserde::Result<&mut dyn Visitor> {
                        let mut index = 0;
                        $(
                            if self.next == index {
                                self.next += 1;
                                return Ok(miniserde::Deserialize::begin(&mut self.$field));
                            }
                            index += 1;
                        )*
                        let _ = index;
                        Err(miniserde::Error)
                    }
                    fn finish(&mut self) -> miniserde::Result<()> {
                        // Every field checked first, then each taken: a `?` per field would
                        // drop the fields taken before it on each early return, and that
                        // drop code grows with the square of the fields (12 KB of wasm).
                        if false $( || self.$field.is_none() )* {
                            return Err(miniserde::Error);
                        }
                        *self.out = Some($name {
                            $( $field: self.$field.take().expect("checked above"), )*
                        });
                        Ok(())
                    }
                }
                Ok(Box::new(List { out: &mut self.out, next: 0, $( $field: None, )* }))
            }
        }

        /// The file form, read by the builder: every field by name, each with its check.
        #[cfg(feature = "build")]
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $file {
            $( $(#[serde(deserialize_with = $with)])? $field: $file_ty, )*
        }

        #[cfg(feature = "build")]
        impl From<$file> for $name {
            fn from(file: $file) -> $name {
                $name { $( $field: file.$field.into(), )* }
            }
        }
    };
}

word_set! {
    /// The interface's own words in one language (`content/<language>/interface.toml`). Texts
    /// with `{name}` slots are templates; the builder checks each translation has the same slots.
    pub struct Words, file WordsFile {
        /// The home page's browser title. Slots `{site}` and `{tagline}`.
        home_title: String [String] = "fields::non_empty",
        /// Every other page's browser title. Slots `{page}` and `{site}`.
        page_title: String [String] = "fields::non_empty",
        skip_link: String [String] = "fields::non_empty",
        main_navigation: String [String] = "fields::non_empty",
        language_navigation: String [String] = "fields::non_empty",
        breadcrumb: String [String] = "fields::non_empty",
        on_this_page: String [String] = "fields::non_empty",
        document: String [String] = "fields::non_empty",
        sources: String [String] = "fields::non_empty",
        official_title: String [String] = "fields::non_empty",
        index_number: String [String] = "fields::non_empty",
        published: String [String] = "fields::non_empty",
        language: String [String] = "fields::non_empty",
        languages: String [String] = "fields::non_empty",
        /// Slots `{site}` and `{language}`.
        read_document: String [String] = "fields::non_empty",
        /// Between the items of a list but the last two: `, `.
        list_separator: String [String] = "fields::non_empty_spaced",
        /// Between the last two items of a list: ` and `.
        list_last: String [String] = "fields::non_empty_spaced",
        /// Slots `{day}`, `{month}` and `{year}`.
        date: String [String] = "fields::non_empty",
        months: Vec<String> [Vec<String>] = "fields::months",
        explore: String [String] = "fields::non_empty",
        country_reports: String [String] = "fields::non_empty",
        previous_report: String [String] = "fields::non_empty",
        next_report: String [String] = "fields::non_empty",
        item_title: String [String] = "fields::non_empty",
        item_date: String [String] = "fields::non_empty",
        kind_report: String [String] = "fields::non_empty",
        kind_public_statement: String [String] = "fields::non_empty",
        kind_urgent_action: String [String] = "fields::non_empty",
        share: String [String] = "fields::non_empty",
        share_copied: String [String] = "fields::non_empty",
        /// Slot `{url}`.
        share_failed: String [String] = "fields::non_empty",
        /// Slot `{licence}` (a link).
        licence_note: String [String] = "fields::non_empty",
        /// Slot `{licence}` (a link).
        text_licence_note: String [String] = "fields::non_empty",
        /// Slots `{title}` and `{archive}` (links).
        original_page: String [String] = "fields::non_empty",
        archived_copy: String [String] = "fields::non_empty",
        /// "Exit this page" (the button's words).
        exit: String [String] = "fields::non_empty",
        /// Under the exit button. Slot `{safe_reading}` (a link to the safe-reading page).
        exit_help: String [String] = "fields::non_empty",
        /// The words of that link.
        safe_reading: String [String] = "fields::non_empty",
        /// The search field's label.
        search_label: String [String] = "fields::non_empty",
        /// Slots `{count}` and `{query}`.
        search_results: String [String] = "fields::non_empty",
        /// Slot `{query}`.
        search_result: String [String] = "fields::non_empty",
        /// Slots `{count}`, `{shown}` and `{query}`: more results than are shown.
        search_best: String [String] = "fields::non_empty",
        /// Slot `{query}`; the page's list of every page and section follows the results.
        search_none: String [String] = "fields::non_empty",
        /// The heading of the list of every page and section.
        search_index: String [String] = "fields::non_empty",
        /// What readers see while content loads or when it cannot; the builder also writes
        /// these into each page, for when the bundle itself cannot be loaded.
        load: LoadWords [LoadWordsFile],
        /// The page shown for an address that is not kept on the device while offline, and
        /// the safe-reading page's controls.
        offline: OfflineWords [OfflineWordsFile],
    }
}

word_set! {
    /// The offline page (the `[offline]` table), written into the service worker by the builder.
    pub struct OfflineWords, file OfflineWordsFile {
        title: String [String] = "fields::non_empty",
        /// Followed by the list of pages kept on the device.
        text: String [String] = "fields::non_empty",
        /// When no page is kept yet.
        none: String [String] = "fields::non_empty",
        /// The safe-reading page's switch for keeping pages offline.
        keep: String [String] = "fields::non_empty",
        /// Its button that deletes what the site has kept.
        clear: String [String] = "fields::non_empty",
        /// Said once that is done.
        cleared: String [String] = "fields::non_empty",
    }
}

word_set! {
    /// What readers see while content loads or when it cannot (the `[load]` table); the
    /// builder also writes these into each page, for when the bundle itself cannot be loaded.
    pub struct LoadWords, file LoadWordsFile {
        loading: String [String] = "fields::non_empty",
        retry: String [String] = "fields::non_empty",
        retrying: String [String] = "fields::non_empty",
        /// Slot `{detail}`.
        details: String [String] = "fields::non_empty",
        network: String [String] = "fields::non_empty",
        http: String [String] = "fields::non_empty",
        content: String [String] = "fields::non_empty",
    }
}

impl Words {
    /// The name of a research item's kind (one of `fields::ITEM_KINDS`).
    pub fn kind<'a>(&'a self, kind: &'a str) -> &'a str {
        match kind {
            "report" => &self.kind_report,
            "public statement" => &self.kind_public_statement,
            "urgent action" => &self.kind_urgent_action,
            other => other,
        }
    }
}

/// A piece of a template: text as it is, or a `{slot}` to fill.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part<'a> {
    Text(&'a str),
    Slot(&'a str),
}

/// `"on {site} ({language})"` → text, slot `site`, text, slot `language`, text.
pub fn template_parts(template: &str) -> Vec<Part<'_>> {
    let mut parts = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else {
            break;
        };
        if open > 0 {
            parts.push(Part::Text(&rest[..open]));
        }
        parts.push(Part::Slot(&rest[open + 1..close]));
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        parts.push(Part::Text(rest));
    }
    parts
}

/// A template with its slots filled with plain text.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    template_parts(template)
        .into_iter()
        .map(|part| match part {
            Part::Text(text) => text,
            Part::Slot(name) => values
                .iter()
                .find(|(n, _)| *n == name)
                .map_or("", |(_, v)| *v),
        })
        .collect()
}

// The types below are also the front matter's: each table of a content file is deserialised
// into one of them by the builder, and the `fields::…` adapters check each field as it is
// read (see `fields`). Unknown fields are faults.

/// Settings for the whole site (`content/site.toml`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(feature = "build"), derive(miniserde::Deserialize))]
#[cfg_attr(feature = "build", serde(deny_unknown_fields))]
pub struct Site {
    #[cfg_attr(feature = "build", serde(deserialize_with = "fields::non_empty"))]
    pub name: String,
    /// Completes the home page's title: "Rights of Sex Workers: <tagline>".
    #[cfg_attr(feature = "build", serde(deserialize_with = "fields::tagline"))]
    pub tagline: String,
    #[cfg_attr(feature = "build", serde(deserialize_with = "fields::description"))]
    pub description: String,
    /// BCP 47 language tag of the content, e.g. `en-GB`.
    #[cfg_attr(feature = "build", serde(deserialize_with = "fields::non_empty"))]
    pub lang: String,
    /// Open Graph locale, e.g. `en_GB`.
    #[cfg_attr(feature = "build", serde(deserialize_with = "fields::non_empty"))]
    pub locale: String,
    #[cfg_attr(feature = "build", serde(deserialize_with = "fields::non_empty"))]
    pub original_title: String,
    #[cfg_attr(feature = "build", serde(deserialize_with = "fields::https_url"))]
    pub original_url: String,
    /// An archived copy of the original page, which may disappear.
    #[cfg_attr(feature = "build", serde(deserialize_with = "fields::https_url"))]
    pub original_archive_url: String,
    #[cfg_attr(feature = "build", serde(deserialize_with = "fields::non_empty"))]
    pub attribution: String,
    /// The licence of Amnesty International's documents.
    #[cfg_attr(feature = "build", serde(deserialize_with = "fields::non_empty"))]
    pub licence: String,
    #[cfg_attr(feature = "build", serde(deserialize_with = "fields::https_url"))]
    pub licence_url: String,
    /// The licence of this site's own words.
    #[cfg_attr(feature = "build", serde(deserialize_with = "fields::non_empty"))]
    pub text_licence: String,
    #[cfg_attr(feature = "build", serde(deserialize_with = "fields::https_url"))]
    pub text_licence_url: String,
    #[cfg_attr(feature = "build", serde(deserialize_with = "fields::non_empty"))]
    pub share_image_alt: String,
    /// The language's name in itself, for the language switch: `English`, `繁體中文`.
    #[cfg_attr(feature = "build", serde(deserialize_with = "fields::non_empty"))]
    pub language_name: String,
    /// The name under the site's icon on a phone's home screen (the web app manifest).
    #[cfg_attr(feature = "build", serde(deserialize_with = "fields::non_empty"))]
    pub short_name: String,
    /// Where "Exit this page" leads: a harmless page on another site.
    #[cfg_attr(feature = "build", serde(deserialize_with = "fields::https_url"))]
    pub exit_url: String,
    /// Shown at the top of every page of a translated edition: that its text is this site's
    /// translation and Amnesty International's documents are in their own languages.
    #[cfg_attr(
        feature = "build",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    #[cfg_attr(
        feature = "build",
        serde(deserialize_with = "fields::optional_non_empty")
    )]
    pub translation_note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(feature = "build"), derive(miniserde::Deserialize))]
#[cfg_attr(feature = "build", serde(deny_unknown_fields))]
pub struct Page {
    /// The route's path, e.g. `/reports/norway/` (`/404` for the not-found page). The builder
    /// takes it from the file's name; it is not written in the front matter.
    #[cfg_attr(feature = "build", serde(default))]
    pub path: String,
    #[cfg_attr(feature = "build", serde(deserialize_with = "fields::non_empty"))]
    pub title: String,
    #[cfg_attr(feature = "build", serde(deserialize_with = "fields::non_empty"))]
    pub nav_title: String,
    #[cfg_attr(feature = "build", serde(deserialize_with = "fields::description"))]
    pub description: String,
    #[cfg_attr(
        feature = "build",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    #[cfg_attr(
        feature = "build",
        serde(deserialize_with = "fields::optional_non_empty")
    )]
    pub lead: Option<String>,
    #[cfg_attr(
        feature = "build",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    #[cfg_attr(
        feature = "build",
        serde(deserialize_with = "fields::optional_non_empty")
    )]
    pub country: Option<String>,
    #[cfg_attr(
        feature = "build",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub document: Option<Document>,
    /// Text before the first heading (from the Markdown, not the front matter).
    #[cfg_attr(feature = "build", serde(default))]
    pub intro: Vec<Block>,
    /// From the Markdown, not the front matter.
    #[cfg_attr(feature = "build", serde(default))]
    pub sections: Vec<Section>,
    #[cfg_attr(feature = "build", serde(default))]
    pub items: Vec<ResearchItem>,
    #[cfg_attr(feature = "build", serde(default))]
    pub sources: Vec<Source>,
}

/// The facts of an official Amnesty International document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(feature = "build"), derive(miniserde::Deserialize))]
#[cfg_attr(feature = "build", serde(deny_unknown_fields))]
pub struct Document {
    #[cfg_attr(feature = "build", serde(deserialize_with = "fields::non_empty"))]
    pub title: String,
    #[cfg_attr(
        feature = "build",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    #[cfg_attr(
        feature = "build",
        serde(deserialize_with = "fields::optional_index_number")
    )]
    pub index: Option<String>,
    /// ISO date, `YYYY-MM-DD`.
    #[cfg_attr(feature = "build", serde(deserialize_with = "fields::iso_date"))]
    pub published: String,
    #[cfg_attr(feature = "build", serde(deserialize_with = "fields::languages"))]
    pub languages: Vec<String>,
    #[cfg_attr(feature = "build", serde(deserialize_with = "fields::https_url"))]
    pub url: String,
    /// The language of the page `url` opens, e.g. `English`.
    #[cfg_attr(feature = "build", serde(deserialize_with = "fields::non_empty"))]
    pub url_language: String,
    #[cfg_attr(
        feature = "build",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    #[cfg_attr(
        feature = "build",
        serde(deserialize_with = "fields::optional_non_empty")
    )]
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(feature = "build"), derive(miniserde::Deserialize))]
pub struct Section {
    /// Stable fragment id, e.g. `findings` for `/reports/norway#findings`.
    pub id: String,
    pub heading: String,
    pub blocks: Vec<Block>,
}

/// A block of text. In the JSON, a one-key object named by a short tag: `{"p": […]}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Block {
    #[serde(rename = "p")]
    Paragraph(Vec<Inline>),
    /// A `###` heading inside a section: plain text.
    #[serde(rename = "h")]
    Subheading(String),
    /// A bulleted list; each item holds blocks (its text is a paragraph).
    #[serde(rename = "ul")]
    Bullets(Vec<Vec<Block>>),
    /// A numbered list: the first item's number, then the items.
    #[serde(rename = "ol")]
    Numbered(u64, Vec<Vec<Block>>),
    #[serde(rename = "q")]
    Quote(Vec<Block>),
}

/// Text inside a block; styles and links nest in each other. Links carry either a
/// root-relative path of this site (`/policy#levels`) or an `https://` URL; the builder has
/// checked which. In the JSON, text is a plain string and the rest one-key objects:
/// `"text"`, `{"b": […]}`, `{"i": […]}`, `{"c": "code"}`, `{"m": […]}`, `{"a": ["/policy", […]]}`,
/// `{"br": 0}`.
#[derive(Clone, Debug, PartialEq)]
pub enum Inline {
    Text(String),
    Strong(Vec<Inline>),
    Emphasis(Vec<Inline>),
    Code(String),
    /// Words a search matched (never written in Markdown: the search worker's results).
    Mark(Vec<Inline>),
    Link {
        href: String,
        children: Vec<Inline>,
    },
    /// A hard line break.
    Break,
}

impl Serialize for Inline {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        fn tagged<S: serde::Serializer>(
            s: S,
            tag: &str,
            value: &(impl Serialize + ?Sized),
        ) -> Result<S::Ok, S::Error> {
            let mut map = s.serialize_map(Some(1))?;
            map.serialize_entry(tag, value)?;
            map.end()
        }
        match self {
            Inline::Text(text) => s.serialize_str(text),
            Inline::Strong(children) => tagged(s, "b", children),
            Inline::Emphasis(children) => tagged(s, "i", children),
            Inline::Code(text) => tagged(s, "c", text),
            Inline::Mark(children) => tagged(s, "m", children),
            Inline::Link { href, children } => tagged(s, "a", &(href, children)),
            Inline::Break => tagged(s, "br", &0),
        }
    }
}

impl<'de> Deserialize<'de> for Inline {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct InlineVisitor;
        impl<'de> serde::de::Visitor<'de> for InlineVisitor {
            type Value = Inline;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("text, or an object with one of the keys b, i, c, m, a, br")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Inline, E> {
                Ok(Inline::Text(text.to_string()))
            }
            fn visit_string<E: serde::de::Error>(self, text: String) -> Result<Inline, E> {
                Ok(Inline::Text(text))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Inline, A::Error> {
                use serde::de::Error;
                const TAGS: &[&str] = &["b", "i", "c", "m", "a", "br"];
                let Some(tag) = map.next_key::<String>()? else {
                    return Err(A::Error::invalid_length(0, &self));
                };
                let inline = match tag.as_str() {
                    "b" => Inline::Strong(map.next_value()?),
                    "i" => Inline::Emphasis(map.next_value()?),
                    "c" => Inline::Code(map.next_value()?),
                    "m" => Inline::Mark(map.next_value()?),
                    "a" => {
                        let (href, children) = map.next_value()?;
                        Inline::Link { href, children }
                    }
                    "br" => {
                        map.next_value::<serde::de::IgnoredAny>()?;
                        Inline::Break
                    }
                    other => return Err(A::Error::unknown_variant(other, TAGS)),
                };
                match map.next_key::<serde::de::IgnoredAny>()? {
                    Some(_) => Err(A::Error::invalid_length(2, &self)),
                    None => Ok(inline),
                }
            }
        }
        d.deserialize_any(InlineVisitor)
    }
}

impl miniserde::Deserialize for Block {
    fn begin(out: &mut Option<Self>) -> &mut dyn Visitor {
        Place::new(out)
    }
}

impl Visitor for Place<Block> {
    fn map(&mut self) -> miniserde::Result<Box<dyn Map + '_>> {
        /// The one key's value, in the slot its tag names.
        struct Tagged<'a> {
            out: &'a mut Option<Block>,
            keys: u8,
            paragraph: Option<Vec<Inline>>,
            text: Option<String>,
            items: Option<Vec<Vec<Block>>>,
            numbered: Option<(u64, Vec<Vec<Block>>)>,
            blocks: Option<Vec<Block>>,
        }
        impl Map for Tagged<'_> {
            fn key(&mut self, k: &str) -> miniserde::Result<&mut dyn Visitor> {
                use miniserde::Deserialize as _;
                self.keys += 1;
                Ok(match k {
                    "p" => Vec::begin(&mut self.paragraph),
                    "h" => String::begin(&mut self.text),
                    "ul" => Vec::begin(&mut self.items),
                    "ol" => <(u64, Vec<Vec<Block>>)>::begin(&mut self.numbered),
                    "q" => Vec::begin(&mut self.blocks),
                    _ => return Err(miniserde::Error),
                })
            }
            fn finish(&mut self) -> miniserde::Result<()> {
                let block = if self.keys != 1 {
                    None
                } else if let Some(inlines) = self.paragraph.take() {
                    Some(Block::Paragraph(inlines))
                } else if let Some(text) = self.text.take() {
                    Some(Block::Subheading(text))
                } else if let Some(items) = self.items.take() {
                    Some(Block::Bullets(items))
                } else if let Some((start, items)) = self.numbered.take() {
                    Some(Block::Numbered(start, items))
                } else {
                    self.blocks.take().map(Block::Quote)
                };
                *self.out = Some(block.ok_or(miniserde::Error)?);
                Ok(())
            }
        }
        Ok(Box::new(Tagged {
            out: &mut self.out,
            keys: 0,
            paragraph: None,
            text: None,
            items: None,
            numbered: None,
            blocks: None,
        }))
    }
}

impl miniserde::Deserialize for Inline {
    fn begin(out: &mut Option<Self>) -> &mut dyn Visitor {
        Place::new(out)
    }
}

impl Visitor for Place<Inline> {
    fn string(&mut self, text: &str) -> miniserde::Result<()> {
        self.out = Some(Inline::Text(text.to_string()));
        Ok(())
    }

    fn map(&mut self) -> miniserde::Result<Box<dyn Map + '_>> {
        /// The one key's value, in the slot its tag names.
        struct Tagged<'a> {
            out: &'a mut Option<Inline>,
            tag: Option<String>,
            children: Option<Vec<Inline>>,
            code: Option<String>,
            link: Option<(String, Vec<Inline>)>,
            zero: Option<u64>,
        }
        impl Map for Tagged<'_> {
            fn key(&mut self, k: &str) -> miniserde::Result<&mut dyn Visitor> {
                use miniserde::Deserialize as _;
                if self.tag.replace(k.to_string()).is_some() {
                    return Err(miniserde::Error);
                }
                Ok(match k {
                    "b" | "i" | "m" => Vec::begin(&mut self.children),
                    "c" => String::begin(&mut self.code),
                    "a" => <(String, Vec<Inline>)>::begin(&mut self.link),
                    "br" => u64::begin(&mut self.zero),
                    _ => return Err(miniserde::Error),
                })
            }
            fn finish(&mut self) -> miniserde::Result<()> {
                let inline = match self.tag.as_deref() {
                    Some("b") => self.children.take().map(Inline::Strong),
                    Some("i") => self.children.take().map(Inline::Emphasis),
                    Some("m") => self.children.take().map(Inline::Mark),
                    Some("c") => self.code.take().map(Inline::Code),
                    Some("a") => self
                        .link
                        .take()
                        .map(|(href, children)| Inline::Link { href, children }),
                    Some(_) => self.zero.take().map(|_| Inline::Break),
                    None => None,
                };
                *self.out = Some(inline.ok_or(miniserde::Error)?);
                Ok(())
            }
        }
        Ok(Box::new(Tagged {
            out: &mut self.out,
            tag: None,
            children: None,
            code: None,
            link: None,
            zero: None,
        }))
    }
}

impl Inline {
    /// The words of a run of text, without its styles: for search and for checks.
    pub fn plain_text(inlines: &[Inline]) -> String {
        let mut out = String::new();
        for inline in inlines {
            inline.push_plain(&mut out);
        }
        out
    }

    fn push_plain(&self, out: &mut String) {
        match self {
            Inline::Text(text) | Inline::Code(text) => out.push_str(text),
            Inline::Strong(children)
            | Inline::Emphasis(children)
            | Inline::Mark(children)
            | Inline::Link { children, .. } => {
                children.iter().for_each(|c| c.push_plain(out));
            }
            Inline::Break => out.push(' '),
        }
    }
}

impl Block {
    /// The words of a block, a line per paragraph, heading or list item.
    pub fn plain_text(blocks: &[Block]) -> String {
        let mut lines = Vec::new();
        for block in blocks {
            match block {
                Block::Paragraph(inlines) => lines.push(Inline::plain_text(inlines)),
                Block::Subheading(text) => lines.push(text.clone()),
                Block::Bullets(items) | Block::Numbered(_, items) => {
                    lines.extend(items.iter().map(|item| Block::plain_text(item)));
                }
                Block::Quote(blocks) => lines.push(Block::plain_text(blocks)),
            }
        }
        lines.join("\n")
    }
}

/// One of the earlier Amnesty items on the related-research page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(feature = "build"), derive(miniserde::Deserialize))]
#[cfg_attr(feature = "build", serde(deny_unknown_fields))]
pub struct ResearchItem {
    /// Its fragment id on the page, e.g. `uganda-2010`.
    #[cfg_attr(feature = "build", serde(deserialize_with = "fields::fragment_id"))]
    pub id: String,
    #[cfg_attr(feature = "build", serde(deserialize_with = "fields::year"))]
    pub year: u16,
    /// One of `fields::ITEM_KINDS`.
    #[cfg_attr(feature = "build", serde(deserialize_with = "fields::item_kind"))]
    pub kind: String,
    #[cfg_attr(feature = "build", serde(deserialize_with = "fields::non_empty"))]
    pub country: String,
    #[cfg_attr(feature = "build", serde(deserialize_with = "fields::non_empty"))]
    pub summary: String,
    #[cfg_attr(
        feature = "build",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    #[cfg_attr(
        feature = "build",
        serde(deserialize_with = "fields::optional_non_empty")
    )]
    pub title: Option<String>,
    #[cfg_attr(
        feature = "build",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    #[cfg_attr(
        feature = "build",
        serde(deserialize_with = "fields::optional_index_number")
    )]
    pub index: Option<String>,
    /// ISO date, `YYYY-MM-DD`.
    #[cfg_attr(feature = "build", serde(deserialize_with = "fields::iso_date"))]
    pub date: String,
    #[cfg_attr(feature = "build", serde(deserialize_with = "fields::https_url"))]
    pub url: String,
    #[cfg_attr(feature = "build", serde(deserialize_with = "fields::non_empty"))]
    pub link_label: String,
    #[cfg_attr(
        feature = "build",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    #[cfg_attr(
        feature = "build",
        serde(deserialize_with = "fields::optional_non_empty")
    )]
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(feature = "build"), derive(miniserde::Deserialize))]
#[cfg_attr(feature = "build", serde(deny_unknown_fields))]
pub struct Source {
    #[cfg_attr(feature = "build", serde(deserialize_with = "fields::non_empty"))]
    pub title: String,
    #[cfg_attr(feature = "build", serde(deserialize_with = "fields::https_url"))]
    pub url: String,
}

/// Why a downloaded bundle could not be used.
#[derive(Clone, Debug, PartialEq)]
pub enum BundleError {
    /// Not JSON at all (truncated download, an HTML error page…).
    Malformed(String),
    /// JSON, but not a bundle this app understands.
    WrongShape(String),
    /// A bundle of another schema version (an old page paired with a new bundle, or the reverse).
    Schema { found: u32 },
}

impl fmt::Display for BundleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BundleError::Malformed(e) => write!(f, "the content is not valid JSON ({e})"),
            BundleError::WrongShape(e) => write!(f, "the content has an unexpected shape ({e})"),
            BundleError::Schema { found } => write!(
                f,
                "the content is schema version {found}, this app reads version {SCHEMA_VERSION}"
            ),
        }
    }
}

/// Whether `text` is JSON at all, and if not why. In the browser its own parser answers (no
/// code in the app); natively serde_json's.
fn is_json(text: &str) -> Result<(), String> {
    #[cfg(target_arch = "wasm32")]
    return js_sys::JSON::parse(text)
        .map(drop)
        .map_err(|e| String::from(js_sys::Error::from(e).message()));
    #[cfg(not(target_arch = "wasm32"))]
    serde_json::from_str::<serde::de::IgnoredAny>(text)
        .map(drop)
        .map_err(|e| e.to_string())
}

/// Reads JSON into a value of the model: with miniserde in the app (its faults say nothing
/// more than that), with serde_json in the builder and its tests. Also what the app reads the
/// JSON it wrote for itself with (the words in a page's head, the search worker's results).
#[cfg(not(feature = "build"))]
pub fn decode<T: miniserde::Deserialize>(text: &str) -> Result<T, String> {
    miniserde::json::from_str(text).map_err(|_| "it does not fit the content model".into())
}

#[cfg(feature = "build")]
pub fn decode<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

impl Bundle {
    pub fn from_json(text: &str) -> Result<Bundle, BundleError> {
        let bundle = decode::<Bundle>(text).and_then(|bundle| match bundle.schema {
            SCHEMA_VERSION => Ok(bundle),
            _ => Err(String::new()),
        });
        let fault = match bundle {
            Ok(bundle) => return bundle.check_complete().map(|()| bundle),
            Err(fault) => fault,
        };
        // Only now find out why: not JSON at all, a bundle of another schema (an old page
        // paired with a new bundle, or the reverse: said as such rather than as a confusing
        // shape fault), or JSON of the wrong shape. The version alone is read, the rest skipped.
        #[derive(Deserialize)]
        #[cfg_attr(not(feature = "build"), derive(miniserde::Deserialize))]
        struct Version {
            schema: u32,
        }
        is_json(text).map_err(BundleError::Malformed)?;
        Err(match decode::<Version>(text) {
            Ok(Version { schema }) if schema != SCHEMA_VERSION => {
                BundleError::Schema { found: schema }
            }
            _ => BundleError::WrongShape(fault),
        })
    }

    /// The editions' codes, the default first.
    pub fn edition_codes(&self) -> Vec<&str> {
        self.editions.iter().map(|e| e.code.as_str()).collect()
    }

    /// Every route must have its page, or a view would have nothing to show.
    fn check_complete(&self) -> Result<(), BundleError> {
        if self.edition >= self.editions.len() {
            return Err(BundleError::WrongShape(format!(
                "edition {} of {}",
                self.edition,
                self.editions.len()
            )));
        }
        match Route::with_content().find(|r| self.page(*r).is_none()) {
            Some(missing) => Err(BundleError::WrongShape(format!(
                "no page for {}",
                missing.path()
            ))),
            None => Ok(()),
        }
    }

    /// A page's own share of the bundle, which the builder writes into that page for the
    /// browser to hydrate it with: everything but the other pages' text (their titles, label
    /// and description stay, for the header, the cards and the breadcrumbs). A route's share
    /// renders exactly as the full bundle does (the prerender tests check this), for about a
    /// quarter of the bytes.
    pub fn share_for(&self, route: Route) -> Bundle {
        let keep = self.page_or_not_found(route).path.clone();
        let mut share = self.clone();
        for page in share.pages.iter_mut().filter(|p| p.path != keep) {
            page.lead = None;
            page.document = None;
            page.intro.clear();
            page.sections.clear();
            page.items.clear();
            page.sources.clear();
        }
        share.only = Some(keep);
        share
    }

    /// Whether this bundle holds the text of `route`'s page: the full bundle holds every
    /// page's; a page's share only that page's.
    pub fn holds(&self, route: Route) -> bool {
        self.only
            .as_deref()
            .is_none_or(|only| only == self.page_or_not_found(route).path)
    }

    pub fn page(&self, route: Route) -> Option<&Page> {
        self.pages.iter().find(|p| p.path == route.path())
    }

    /// The page for a route. Bundles are checked for completeness when loaded.
    pub fn page_or_not_found(&self, route: Route) -> &Page {
        self.page(route)
            .or_else(|| self.page(Route::NotFound))
            .unwrap_or(&self.pages[0])
    }
}

impl Page {
    /// The page's contents: one entry per section, for "On this page".
    pub fn contents(&self) -> impl Iterator<Item = (&str, &str)> {
        self.sections
            .iter()
            .map(|s| (s.id.as_str(), s.heading.as_str()))
    }

    /// The page's words without markup: title, introduction and sections (for search).
    pub fn plain_text(&self) -> String {
        let mut parts = vec![self.title.clone(), Block::plain_text(&self.intro)];
        for section in &self.sections {
            parts.push(section.heading.clone());
            parts.push(Block::plain_text(&section.blocks));
        }
        parts.join("\n")
    }

    pub fn has_fragment(&self, id: &str) -> bool {
        self.sections.iter().any(|s| s.id == id) || self.items.iter().any(|i| i.id == id)
    }
}

/// `2016-05-26` → `26 May 2016`. Input that is not an ISO date is returned unchanged.
pub fn display_date(iso: &str, words: &Words) -> String {
    let mut parts = iso.splitn(3, '-');
    let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        return iso.to_string();
    };
    match (m.parse::<usize>(), d.parse::<u32>()) {
        (Ok(m @ 1..=12), Ok(d @ 1..=31)) if y.len() == 4 => {
            let month = words.months.get(m - 1).map_or("", String::as_str);
            fill(
                &words.date,
                &[("day", &d.to_string()), ("month", month), ("year", y)],
            )
        }
        _ => iso.to_string(),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Script {
    Han,
    Latin,
    /// Digits, spaces and Western punctuation: part of whatever run they are in.
    Neutral,
}

fn script_of(c: char) -> Script {
    match c as u32 {
        // CJK punctuation, kana, CJK ideographs and their extensions, fullwidth forms.
        0x2E80..=0x2FDF
        | 0x3000..=0x30FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFFEF
        | 0x20000..=0x3FFFF => Script::Han,
        // Latin letters, accented ones included (`Egenæs`); not `char::is_alphabetic`, whose
        // Unicode tables would weigh on the wasm for scripts the site does not use.
        0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F => Script::Latin,
        _ => Script::Neutral,
    }
}

fn script_of_language(tag: &str) -> Script {
    match tag.split('-').next().unwrap_or_default() {
        "zh" | "ja" => Script::Han,
        _ => Script::Latin,
    }
}

/// Marks the runs of a page's text that are in another of the site's languages (an official
/// English title inside a Chinese page, a Chinese term inside an English one), so that each is
/// read out in its own language. Told apart by script, so editors need not mark them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LanguageMarks {
    /// The other language's tag and the script that shows it.
    foreign: Option<(String, Script)>,
}

impl LanguageMarks {
    pub fn new(bundle: &Bundle) -> Self {
        let own = script_of_language(&bundle.site.lang);
        let foreign = bundle
            .editions
            .iter()
            .map(|e| (e.lang.clone(), script_of_language(&e.lang)))
            .find(|(_, script)| *script != own);
        LanguageMarks { foreign }
    }

    /// The text in runs, each with the language it is in when that is not the page's.
    /// A run of the other script carries on over digits, spaces and punctuation, but not
    /// over the spaces and opening punctuation at its end.
    pub fn runs<'a>(&self, text: &'a str) -> Vec<(Option<&str>, &'a str)> {
        let Some((lang, script)) = &self.foreign else {
            return vec![(None, text)];
        };
        let mut runs = Vec::new();
        let mut plain_from = 0;
        let mut chars = text.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            if script_of(c) != *script {
                continue;
            }
            let mut last_kept = start + c.len_utf8();
            while let Some(&(i, c)) = chars.peek() {
                match script_of(c) {
                    s if s == *script => last_kept = i + c.len_utf8(),
                    Script::Neutral if !(c.is_whitespace() || "\"'“‘([{,;:".contains(c)) => {
                        last_kept = i + c.len_utf8()
                    }
                    Script::Neutral => {}
                    _ => break,
                }
                chars.next();
            }
            if start > plain_from {
                runs.push((None, &text[plain_from..start]));
            }
            runs.push((Some(lang.as_str()), &text[start..last_kept]));
            // What the run left at its end is neutral: the loop goes on past it.
            plain_from = last_kept;
        }
        if plain_from < text.len() {
            runs.push((None, &text[plain_from..]));
        }
        runs
    }
}

/// The site an address is on, as readers know it: `https://www.amnesty.org/es/…` →
/// `amnesty.org`.
pub fn site_of(url: &str) -> &str {
    let host = url.split("://").nth(1).unwrap_or(url);
    let host = host.split(['/', '?', '#']).next().unwrap_or_default();
    host.strip_prefix("www.").unwrap_or(host)
}

/// `["English", "Spanish"]` → `English and Spanish`.
pub fn join_list(items: &[String], words: &Words) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!(
            "{}{}{last}",
            init.join(&words.list_separator),
            words.list_last
        ),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::routes::Country;

    pub fn sample_bundle() -> Bundle {
        let site = Site {
            name: "Rights of Sex Workers".into(),
            tagline: "Policy and research".into(),
            description: "Policy and research".into(),
            lang: "en-GB".into(),
            locale: "en_GB".into(),
            original_title: "Rights of Sex Workers".into(),
            original_url: "https://www.amnesty.org.hk/en/".into(),
            original_archive_url: "https://web.archive.org/web/2021/https://www.amnesty.org.hk/en/"
                .into(),
            attribution: "Amnesty International".into(),
            licence: "CC BY-NC-ND 4.0".into(),
            licence_url: "https://creativecommons.org/licenses/by-nc-nd/4.0/".into(),
            text_licence: "CC BY 4.0".into(),
            text_licence_url: "https://creativecommons.org/licenses/by/4.0/".into(),
            share_image_alt: "The site's name".into(),
            language_name: "English".into(),
            short_name: "Site".into(),
            exit_url: "https://www.example.org/weather".into(),
            translation_note: None,
        };
        let pages = Route::with_content()
            .map(|r| Page {
                path: r.path().into(),
                title: format!("Title of {}", r.path()),
                nav_title: format!("Nav {}", r.path()),
                description: format!("About {}", r.path()),
                lead: None,
                country: None,
                document: None,
                intro: vec![Block::Paragraph(vec![Inline::Text("Intro".into())])],
                sections: vec![Section {
                    id: "findings".into(),
                    heading: "Key findings".into(),
                    blocks: vec![Block::Numbered(
                        1,
                        vec![vec![Block::Paragraph(vec![
                            Inline::Text("See ".into()),
                            Inline::Link {
                                href: "/policy".into(),
                                children: vec![Inline::Strong(vec![Inline::Text(
                                    "the policy".into(),
                                )])],
                            },
                            Inline::Break,
                            Inline::Code("x".into()),
                        ])]],
                    )],
                }],
                items: vec![],
                sources: vec![Source {
                    title: "Amnesty".into(),
                    url: "https://www.amnesty.org/".into(),
                }],
            })
            .collect();
        Bundle {
            schema: SCHEMA_VERSION,
            edition: 0,
            editions: vec![
                Edition {
                    code: "en".into(),
                    lang: "en-GB".into(),
                    locale: "en_GB".into(),
                    name: "English".into(),
                },
                Edition {
                    code: "zh-hk".into(),
                    lang: "zh-Hant-HK".into(),
                    locale: "zh_HK".into(),
                    name: "繁體中文".into(),
                },
            ],
            site,
            words: sample_words(),
            pages,
            only: None,
        }
    }

    /// The interface's words, as `content/en/interface.toml` has them.
    pub fn sample_words() -> Words {
        // Written by name for reading; the bundle lists them in `KEYS` order.
        let named: serde_json::Value = serde_json::from_str(
            r#"{
            "home_title": "{site}: {tagline}",
            "page_title": "{page} – {site}",
            "skip_link": "Skip to main content",
            "main_navigation": "Main",
            "language_navigation": "Language",
            "breadcrumb": "Breadcrumb",
            "on_this_page": "On this page",
            "document": "The document",
            "sources": "Sources",
            "official_title": "Official title",
            "index_number": "Index number",
            "published": "Published",
            "language": "Language",
            "languages": "Languages",
            "read_document": "Read the full document on {site} ({language})",
            "list_separator": ", ",
            "list_last": " and ",
            "date": "{day} {month} {year}",
            "months": ["January", "February", "March", "April", "May", "June", "July",
                "August", "September", "October", "November", "December"],
            "explore": "Read the material",
            "country_reports": "The country reports",
            "previous_report": "Previous report",
            "next_report": "Next report",
            "item_title": "Title",
            "item_date": "Date",
            "kind_report": "Report",
            "kind_public_statement": "Public statement",
            "kind_urgent_action": "Urgent Action",
            "share": "Share this page",
            "share_copied": "Link copied. Paste it to share this page.",
            "share_failed": "Copy this link to share the page: {url}",
            "licence_note": "Amnesty International’s documents are published under {licence} where they say so.",
            "text_licence_note": "This site’s own text: {licence}",
            "original_page": "Original page: {title} ({archive})",
            "archived_copy": "archived copy",
            "search_label": "Search this site",
            "search_results": "{count} results for “{query}”",
            "search_result": "1 result for “{query}”",
            "search_best": "{count} results for “{query}”; the best {shown} are below",
            "search_none": "Nothing found for “{query}”. Try fewer or other words, or choose from every page and section below.",
            "search_index": "Every page and section",
            "load": {
                "loading": "Loading…",
                "retry": "Retry",
                "retrying": "Retrying…",
                "details": "Details: {detail}",
                "network": "We couldn’t reach the site. Check your connection, then try again.",
                "http": "The site couldn’t send this page’s content just now. Please try again in a moment.",
                "content": "The content arrived damaged or out of date. Please try again; if that doesn’t help, reload the page."
            },
            "exit": "Exit this page",
            "exit_help": "Opens another site in place of this one: {safe_reading}.",
            "safe_reading": "how to read safely",
            "offline": {
                "title": "You are offline",
                "text": "These pages can be read now:",
                "none": "No page is kept yet.",
                "keep": "Keep pages for reading offline",
                "clear": "Delete what is kept",
                "cleared": "Deleted."
            }
        }"#,
        )
        .expect("the sample words are JSON");
        let list = |value: &serde_json::Value, keys: &[&str]| {
            serde_json::Value::Array(keys.iter().map(|k| value[*k].clone()).collect())
        };
        let mut words = list(&named, Words::KEYS);
        words[Words::KEYS.len() - 2] = list(&named["load"], LoadWords::KEYS);
        words[Words::KEYS.len() - 1] = list(&named["offline"], OfflineWords::KEYS);
        serde_json::from_value(words).expect("the sample words are complete")
    }

    #[test]
    fn bundle_round_trips_through_json() {
        let bundle = sample_bundle();
        let json = serde_json::to_string(&bundle).unwrap();
        assert_eq!(Bundle::from_json(&json).unwrap(), bundle);
    }

    #[test]
    fn text_is_compact_json() {
        let blocks = vec![
            Block::Paragraph(vec![
                Inline::Text("See ".into()),
                Inline::Link {
                    href: "/policy".into(),
                    children: vec![Inline::Strong(vec![
                        Inline::Text("bold ".into()),
                        Inline::Emphasis(vec![Inline::Text("italic".into())]),
                    ])],
                },
                Inline::Break,
                Inline::Code("x".into()),
                Inline::Mark(vec![Inline::Text("found".into())]),
            ]),
            Block::Quote(vec![Block::Bullets(vec![vec![Block::Paragraph(vec![
                Inline::Text("a".into()),
            ])]])]),
            Block::Numbered(3, vec![]),
            Block::Subheading("Detail".into()),
        ];
        let json = serde_json::to_string(&blocks).unwrap();
        assert_eq!(
            json,
            r#"[{"p":["See ",{"a":["/policy",[{"b":["bold ",{"i":["italic"]}]}]]},{"br":0},{"c":"x"},{"m":["found"]}]},{"q":[{"ul":[[{"p":["a"]}]]}]},{"ol":[3,[]]},{"h":"Detail"}]"#
        );
        assert_eq!(serde_json::from_str::<Vec<Block>>(&json).unwrap(), blocks);
        assert!(serde_json::from_str::<Inline>(r#"{"x":[]}"#).is_err());
        assert!(serde_json::from_str::<Inline>(r#"{"b":[],"i":[]}"#).is_err());
        // The app's own decoder reads the same text, and refuses the same faults.
        let app = |json: &str| miniserde::json::from_str::<Vec<Block>>(json).ok();
        assert_eq!(app(&json), Some(blocks.clone()));
        for fault in [
            r#"[{"p":[{"x":[]}]}]"#,
            r#"[{"p":[{"b":[],"i":[]}]}]"#,
            r#"[{"p":[],"h":"x"}]"#,
            r#"[{"ol":[3]}]"#,
            r#"[{"z":[]}]"#,
            r#"[{}]"#,
            r#"[{"p":[{"br":null}]}]"#,
        ] {
            assert_eq!(app(fault), None, "{fault}");
        }
        assert_eq!(
            Block::plain_text(&blocks),
            "See bold italic xfound\na\nDetail"
        );
    }

    #[test]
    fn the_app_decoder_reads_words_as_lists_of_the_right_length() {
        let words = sample_bundle().words;
        let json = serde_json::to_string(&words).unwrap();
        assert_eq!(miniserde::json::from_str::<Words>(&json).ok(), Some(words));
        let mut list: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
        let last = list.pop().unwrap();
        let short = serde_json::to_string(&list).unwrap();
        assert!(miniserde::json::from_str::<Words>(&short).is_err());
        list.extend([last, "extra".into()]);
        let long = serde_json::to_string(&list).unwrap();
        assert!(miniserde::json::from_str::<Words>(&long).is_err());
    }

    #[test]
    fn bundle_faults_are_told_apart() {
        assert!(matches!(
            Bundle::from_json("{\"schema\": 2, \"site\""),
            Err(BundleError::Malformed(_))
        ));
        assert!(matches!(
            Bundle::from_json("<!doctype html><p>Bad gateway"),
            Err(BundleError::Malformed(_))
        ));
        assert!(matches!(
            Bundle::from_json("[1, 2, 3]"),
            Err(BundleError::WrongShape(_))
        ));
        assert!(matches!(
            Bundle::from_json("{\"schema\": 5, \"pages\": 42}"),
            Err(BundleError::WrongShape(_))
        ));
        assert_eq!(
            Bundle::from_json("{\"schema\": 99}"),
            Err(BundleError::Schema { found: 99 })
        );
    }

    #[test]
    fn an_incomplete_bundle_is_refused() {
        let mut bundle = sample_bundle();
        bundle.pages.retain(|p| p.path != "/reports/norway/");
        let json = serde_json::to_string(&bundle).unwrap();
        let err = Bundle::from_json(&json).unwrap_err();
        assert_eq!(
            err,
            BundleError::WrongShape("no page for /reports/norway/".into())
        );
        assert!(err.to_string().contains("unexpected shape"));
    }

    #[test]
    fn a_page_share_holds_that_page_text_and_the_others_names() {
        let bundle = sample_bundle();
        let norway = Route::Report(Country::Norway);
        let share = bundle.share_for(norway);
        assert!(Route::ALL.iter().all(|r| bundle.holds(*r)));
        assert!(share.holds(norway));
        assert!(!share.holds(Route::Policy) && !share.holds(Route::NotFound));
        assert_eq!(share.page(norway), bundle.page(norway));
        let policy = share.page(Route::Policy).unwrap();
        let full = bundle.page(Route::Policy).unwrap();
        assert_eq!(
            (&policy.title, &policy.nav_title, &policy.description),
            (&full.title, &full.nav_title, &full.description)
        );
        assert!(policy.intro.is_empty() && policy.sections.is_empty());
        assert!(policy.document.is_none() && policy.sources.is_empty());
        assert!(!full.sections.is_empty());
        let mut with_facts = bundle.clone();
        with_facts.pages.iter_mut().for_each(|p| {
            p.document = Some(Document {
                title: "Report".into(),
                index: None,
                published: "2016-05-26".into(),
                languages: vec!["English".into()],
                url: "https://www.amnesty.org/".into(),
                url_language: "English".into(),
                note: None,
            })
        });
        let kept = with_facts.share_for(norway);
        assert!(kept.page(norway).unwrap().document.is_some());
        assert!(kept.page(Route::Policy).unwrap().document.is_none());
        // It travels as JSON like the full bundle, and says which page it holds.
        let json = serde_json::to_string(&share).unwrap();
        assert_eq!(Bundle::from_json(&json).unwrap(), share);
        assert!(!serde_json::to_string(&bundle).unwrap().contains("\"only\""));
        assert!(bundle.share_for(Route::NotFound).holds(Route::NotFound));
    }

    #[test]
    fn pages_are_found_by_route() {
        let bundle = sample_bundle();
        let norway = Route::Report(Country::Norway);
        assert_eq!(bundle.page(norway).unwrap().path, "/reports/norway/");
        assert_eq!(bundle.page_or_not_found(norway).path, "/reports/norway/");
        let page = bundle.page(Route::Policy).unwrap();
        assert!(page.has_fragment("findings"));
        assert!(!page.has_fragment("nowhere"));
        assert_eq!(
            page.contents().collect::<Vec<_>>(),
            [("findings", "Key findings")]
        );
    }

    #[test]
    fn dates_and_lists_read_naturally() {
        let words = sample_words();
        assert_eq!(display_date("2016-05-26", &words), "26 May 2016");
        assert_eq!(display_date("2014-01-10", &words), "10 January 2014");
        assert_eq!(display_date("2016-13-01", &words), "2016-13-01");
        assert_eq!(display_date("May 2016", &words), "May 2016");
        assert_eq!(
            site_of("https://www.amnesty.org/es/documents/x/"),
            "amnesty.org"
        );
        assert_eq!(
            site_of("https://amnestyusa.org/reports/x"),
            "amnestyusa.org"
        );
        assert_eq!(site_of("https://www.amnesty.org.hk"), "amnesty.org.hk");
        assert_eq!(join_list(&[], &words), "");
        assert_eq!(join_list(&["English".into()], &words), "English");
        assert_eq!(
            join_list(
                &["English".into(), "Spanish".into(), "French".into()],
                &words
            ),
            "English, Spanish and French"
        );
        // The same facts in Hong Kong Chinese form, from the words alone.
        let mut zh = words.clone();
        zh.date = "{year}年{month}月{day}日".into();
        zh.months = (1..=12).map(|m| m.to_string()).collect();
        zh.list_separator = "、".into();
        zh.list_last = "及".into();
        assert_eq!(display_date("2016-05-26", &zh), "2016年5月26日");
        assert_eq!(
            join_list(&["英文".into(), "西班牙文".into(), "法文".into()], &zh),
            "英文、西班牙文及法文"
        );
    }

    #[test]
    fn templates_fill_their_slots() {
        assert_eq!(
            template_parts("on {site} ({language})"),
            [
                Part::Text("on "),
                Part::Slot("site"),
                Part::Text(" ("),
                Part::Slot("language"),
                Part::Text(")"),
            ]
        );
        assert_eq!(
            fill("{page} – {site}", &[("site", "S"), ("page", "P")]),
            "P – S"
        );
        assert_eq!(template_parts("no slots"), [Part::Text("no slots")]);
    }

    #[test]
    fn runs_in_the_other_language_are_marked() {
        let mut zh = sample_bundle();
        zh.edition = 1;
        zh.site.lang = "zh-Hant-HK".into();
        let marks = LanguageMarks::new(&zh);
        assert_eq!(
            marks.runs("國際特赦組織（Amnesty International）於2016年發表"),
            [
                (None, "國際特赦組織（"),
                (Some("en-GB"), "Amnesty International"),
                (None, "）於2016年發表"),
            ]
        );
        assert_eq!(
            marks.runs("索引編號POL 30/4062/2016。"),
            [
                (None, "索引編號"),
                (Some("en-GB"), "POL 30/4062/2016"),
                (None, "。")
            ]
        );
        assert_eq!(
            marks.runs("「北歐模式」（\"Nordic model\"）"),
            [
                (None, "「北歐模式」（\""),
                (Some("en-GB"), "Nordic model"),
                (None, "\"）"),
            ]
        );
        assert_eq!(marks.runs("2016年"), [(None, "2016年")]);
        let en = LanguageMarks::new(&sample_bundle());
        assert_eq!(
            en.runs("the term 放蛇 (sting operations)"),
            [
                (None, "the term "),
                (Some("zh-Hant-HK"), "放蛇"),
                (None, " (sting operations)"),
            ]
        );
        assert_eq!(en.runs("No Chinese here."), [(None, "No Chinese here.")]);
        // A site of one language marks nothing.
        let mut single = sample_bundle();
        single.editions.truncate(1);
        assert_eq!(LanguageMarks::new(&single).runs("放蛇"), [(None, "放蛇")]);
    }
}
