//! The text of a page: Markdown (via pulldown-cmark) turned into the bundle's tree of blocks
//! and inlines, so the app renders text nodes and never HTML strings.
//!
//! Supported: paragraphs; `##` sections (with `{#id}`) and `###` subheadings, both plain
//! text; bulleted and numbered lists and `>` quotations, holding any of these blocks;
//! strong, emphasis, links and inline code, nested in each other; soft and hard line breaks.
//! Anything else is a fault naming the construct and where it is, never dropped.

use crate::content::fields::is_valid_id;
use crate::content::{Block, Inline, Section};
use pulldown_cmark::{Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

/// A fault in the text, at a byte offset of the body.
pub struct TextError {
    pub offset: usize,
    pub message: String,
}

/// A link found in the text, kept for checking once every page is known.
pub struct FoundLink {
    pub offset: usize,
    pub href: String,
}

#[derive(Default)]
pub struct Body {
    pub intro: Vec<Block>,
    pub sections: Vec<Section>,
    pub links: Vec<FoundLink>,
    pub errors: Vec<TextError>,
}

/// An element being read: its children collect until its end.
enum Open {
    Quote(Vec<Block>),
    List {
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    /// `faults`: how many faults there were before it, so that an item emptied by a
    /// reported fault is not reported as empty as well.
    Item {
        blocks: Vec<Block>,
        at: usize,
        faults: usize,
    },
    /// `implicit`: the text of a tight list item, which has no paragraph of its own.
    Paragraph {
        inlines: Vec<Inline>,
        implicit: bool,
    },
    Heading {
        level: HeadingLevel,
        id: Option<String>,
        text: String,
        at: usize,
    },
    Strong(Vec<Inline>),
    Emphasis(Vec<Inline>),
    /// `checked`: the address is one to check with the others once all pages are read.
    Link {
        href: String,
        children: Vec<Inline>,
        at: usize,
        checked: bool,
    },
    /// An unsupported element, already reported: its contents are skipped.
    Skipped,
}

/// The parser's options: the extensions are on so that what they parse is recognised and
/// reported, rather than shown as stray `|`, `~~` or `[^1]`.
fn options() -> Options {
    Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_GFM
}

/// What an unsupported element is called in a fault, with what to do instead.
fn unsupported(tag: &Tag) -> Option<&'static str> {
    Some(match tag {
        Tag::Image { .. } => "images are not supported",
        Tag::Table(_) => "tables are not supported; use a list",
        Tag::CodeBlock(_) => {
            "code blocks are not supported; write plain text, or `code` within a sentence"
        }
        Tag::HtmlBlock => "raw HTML is not allowed; use Markdown",
        Tag::FootnoteDefinition(_) => {
            "footnotes are not supported; give the source in the text or in [[sources]]"
        }
        Tag::Strikethrough => "strikethrough (~~text~~) is not supported",
        Tag::BlockQuote(Some(_)) => {
            "GitHub alerts (> [!NOTE]) are not supported; write a plain quotation"
        }
        Tag::DefinitionList
        | Tag::DefinitionListTitle
        | Tag::DefinitionListDefinition
        | Tag::Superscript
        | Tag::Subscript
        | Tag::MetadataBlock(_)
        | Tag::TableHead
        | Tag::TableRow
        | Tag::TableCell => "this kind of Markdown is not supported",
        _ => return None,
    })
}

/// Makes a stable fragment id from a heading: lower case, words joined by `-`.
pub fn slugify(text: &str) -> String {
    let mut id = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            id.extend(c.to_lowercase());
        } else if (c.is_whitespace() || c == '-') && !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
    }
    id.trim_end_matches('-').to_string()
}

struct Reader {
    out: Body,
    open: Vec<Open>,
    /// The text event just before, to spot a `**` left unpaired.
    previous_text: Option<String>,
}

impl Reader {
    fn fault(&mut self, at: usize, message: impl Into<String>) {
        self.out.errors.push(TextError {
            offset: at,
            message: message.into(),
        });
    }

    fn skipping(&self) -> bool {
        self.open.iter().any(|o| matches!(o, Open::Skipped))
    }

    /// A block goes into the innermost quotation or list item, or else the page.
    fn push_block(&mut self, block: Block) {
        self.close_implicit_paragraph();
        match self.open.last_mut() {
            Some(Open::Quote(blocks) | Open::Item { blocks, .. }) => blocks.push(block),
            None => match self.out.sections.last_mut() {
                Some(section) => section.blocks.push(block),
                None => self.out.intro.push(block),
            },
            Some(_) => {}
        }
    }

    /// Text goes into the innermost paragraph, heading, style or link. A tight list item's
    /// text opens a paragraph for it.
    fn push_inline(&mut self, inline: Inline, at: usize) {
        if matches!(self.open.last(), Some(Open::Item { .. })) {
            self.open.push(Open::Paragraph {
                inlines: Vec::new(),
                implicit: true,
            });
        }
        let inlines = match self.open.last_mut() {
            Some(
                Open::Paragraph { inlines, .. }
                | Open::Strong(inlines)
                | Open::Emphasis(inlines)
                | Open::Link {
                    children: inlines, ..
                },
            ) => inlines,
            Some(Open::Heading { text, .. }) => {
                match inline {
                    Inline::Text(t) => text.push_str(&t),
                    Inline::Break => text.push(' '),
                    other => {
                        let what = match other {
                            Inline::Code(_) => "`code`",
                            _ => "styled text or a link",
                        };
                        self.fault(
                            at,
                            format!("a heading is plain text: {what} cannot go in it"),
                        );
                    }
                }
                return;
            }
            _ => return,
        };
        // Merge with the previous text (pulldown-cmark splits text at quotes and breaks).
        match (inlines.last_mut(), inline) {
            (Some(Inline::Text(prev)), Inline::Text(t)) => prev.push_str(&t),
            (_, inline) => inlines.push(inline),
        }
    }

    fn close_implicit_paragraph(&mut self) {
        if let Some(Open::Paragraph { implicit: true, .. }) = self.open.last() {
            self.end_paragraph();
        }
    }

    fn end_paragraph(&mut self) {
        if let Some(Open::Paragraph { mut inlines, .. }) = self.open.pop() {
            trim(&mut inlines);
            if !inlines.is_empty() {
                self.push_block(Block::Paragraph(inlines));
            }
        }
    }

    fn start(&mut self, tag: Tag, at: usize) {
        if self.skipping() {
            self.open.push(Open::Skipped);
            return;
        }
        if let Some(message) = unsupported(&tag) {
            self.fault(at, message);
            self.open.push(Open::Skipped);
            return;
        }
        let in_heading = matches!(self.open.last(), Some(Open::Heading { .. }));
        if in_heading && matches!(tag, Tag::Strong | Tag::Emphasis | Tag::Link { .. }) {
            self.fault(
                at,
                "a heading is plain text: styled text or a link cannot go in it",
            );
            self.open.push(Open::Skipped);
            return;
        }
        let open = match tag {
            Tag::Paragraph => {
                self.close_implicit_paragraph();
                Open::Paragraph {
                    inlines: Vec::new(),
                    implicit: false,
                }
            }
            Tag::Heading {
                level,
                id,
                classes,
                attrs,
            } => {
                if !self.open.is_empty() {
                    self.fault(at, "a heading cannot be inside a list or quotation");
                    Open::Skipped
                } else if level == HeadingLevel::H1 {
                    self.fault(
                        at,
                        "`#` headings are not used: the page title comes from `title`; start sections with `##`",
                    );
                    Open::Skipped
                } else if level > HeadingLevel::H3 {
                    self.fault(at, "only `##` and `###` headings are supported");
                    Open::Skipped
                } else {
                    if !classes.is_empty() || !attrs.is_empty() {
                        self.fault(
                            at,
                            "only an id, {#some-id}, can follow a heading; classes and attributes are not supported",
                        );
                    }
                    if level == HeadingLevel::H3 && id.is_some() {
                        self.fault(
                            at,
                            "only `##` section headings take an {#id}; remove it from the `###` heading",
                        );
                    }
                    Open::Heading {
                        level,
                        id: id.map(|i| i.to_string()),
                        text: String::new(),
                        at,
                    }
                }
            }
            Tag::BlockQuote(_) => {
                self.close_implicit_paragraph();
                Open::Quote(Vec::new())
            }
            Tag::List(start) => {
                self.close_implicit_paragraph();
                Open::List {
                    start,
                    items: Vec::new(),
                }
            }
            Tag::Item => Open::Item {
                blocks: Vec::new(),
                at,
                faults: self.out.errors.len(),
            },
            Tag::Strong => Open::Strong(Vec::new()),
            Tag::Emphasis => Open::Emphasis(Vec::new()),
            Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            } => {
                if !title.is_empty() {
                    self.fault(
                        at,
                        format!("link titles are not supported: remove \"{title}\" from the link"),
                    );
                }
                if link_type == LinkType::Email {
                    self.fault(
                        at,
                        "e-mail links are not supported; write the address as text",
                    );
                }
                Open::Link {
                    href: dest_url.to_string(),
                    children: Vec::new(),
                    at,
                    checked: link_type != LinkType::Email,
                }
            }
            _ => {
                self.fault(at, "this kind of Markdown is not supported");
                Open::Skipped
            }
        };
        if matches!(
            open,
            Open::Strong(_) | Open::Emphasis(_) | Open::Link { .. }
        ) && matches!(self.open.last(), Some(Open::Item { .. }))
        {
            self.open.push(Open::Paragraph {
                inlines: Vec::new(),
                implicit: true,
            });
        }
        self.open.push(open);
    }

    fn end(&mut self, tag: TagEnd, at: usize) {
        if matches!(tag, TagEnd::Item) {
            self.close_implicit_paragraph();
        }
        let Some(open) = self.open.pop() else {
            return;
        };
        match open {
            Open::Skipped => {}
            Open::Paragraph { inlines, implicit } => {
                self.open.push(Open::Paragraph { inlines, implicit });
                self.end_paragraph();
            }
            Open::Heading {
                level,
                id,
                text,
                at: start,
            } => self.end_heading(level, id, text.trim().to_string(), start),
            Open::Quote(blocks) => {
                if blocks.is_empty() {
                    self.fault(at, "the quotation is empty");
                }
                self.push_block(Block::Quote(blocks));
            }
            Open::List { start, items } => self.push_block(match start {
                Some(n) => Block::Numbered(n, items),
                None => Block::Bullets(items),
            }),
            Open::Item {
                blocks,
                at: start,
                faults,
            } => {
                if blocks.is_empty() && self.out.errors.len() == faults {
                    self.fault(start, "a list item is empty");
                }
                if let Some(Open::List { items, .. }) = self.open.last_mut() {
                    items.push(blocks);
                }
            }
            Open::Strong(children) => self.push_inline(Inline::Strong(children), at),
            Open::Emphasis(children) => self.push_inline(Inline::Emphasis(children), at),
            Open::Link {
                href,
                mut children,
                at: start,
                checked,
            } => {
                trim(&mut children);
                if Inline::plain_text(&children).trim().is_empty() {
                    self.fault(start, format!("the link to {href:?} has no text"));
                }
                if checked {
                    self.out.links.push(FoundLink {
                        offset: start,
                        href: href.clone(),
                    });
                }
                self.push_inline(Inline::Link { href, children }, start);
            }
        }
    }

    fn end_heading(
        &mut self,
        level: HeadingLevel,
        explicit: Option<String>,
        text: String,
        at: usize,
    ) {
        if text.is_empty() {
            self.fault(at, "the heading is empty");
            return;
        }
        if level == HeadingLevel::H3 {
            self.push_block(Block::Subheading(text));
            return;
        }
        let id = explicit.unwrap_or_else(|| slugify(&text));
        if !is_valid_id(&id) {
            self.fault(
                at,
                format!(
                    "the section id {id:?} may only use a-z, 0-9 and -, e.g. {{#key-findings}}"
                ),
            );
        } else if crate::content::ids::ALL.contains(&id.as_str()) {
            self.fault(
                at,
                format!(
                    "the section id {id:?} is used by the page layout; choose another with {{#…}}"
                ),
            );
        } else if self.out.sections.iter().any(|s| s.id == id) {
            self.fault(
                at,
                format!("two sections have the id {id:?}; give one another id with {{#…}}"),
            );
        }
        self.out.sections.push(Section {
            id,
            heading: text,
            blocks: Vec::new(),
        });
    }

    fn event(&mut self, event: Event, at: usize) {
        if !matches!(event, Event::Text(_)) {
            self.previous_text = None;
        }
        match event {
            Event::Start(tag) => self.start(tag, at),
            Event::End(tag) => self.end(tag, at),
            _ if self.skipping() => {}
            Event::Text(text) => {
                // Markdown leaves a `**` it cannot pair as two lone `*` texts: next to a letter
                // on one side and punctuation on the other, as in `**標題：**在`.
                let lone = matches!(text.as_ref(), "*" | "_");
                if lone && self.previous_text.as_deref() == Some(text.as_ref()) {
                    self.fault(
                        at,
                        "** (or __) that Markdown could not pair up would show on the page; put the closing ** right after a word, before punctuation, e.g. **Title**: text",
                    );
                }
                self.previous_text = Some(text.to_string());
                self.push_inline(Inline::Text(text.to_string()), at);
            }
            Event::Code(code) => self.push_inline(Inline::Code(code.to_string()), at),
            Event::SoftBreak => self.push_inline(Inline::Text(" ".into()), at),
            Event::HardBreak => self.push_inline(Inline::Break, at),
            Event::Html(_) | Event::InlineHtml(_) => {
                self.fault(at, "raw HTML is not allowed; use Markdown")
            }
            Event::Rule => self.fault(
                at,
                "horizontal rules (---) are not supported; use a `##` heading",
            ),
            Event::FootnoteReference(_) => self.fault(
                at,
                "footnotes are not supported; give the source in the text or in [[sources]]",
            ),
            Event::TaskListMarker(_) => self.fault(
                at,
                "task list boxes ([ ] and [x]) are not supported; write a plain list",
            ),
            Event::InlineMath(_) | Event::DisplayMath(_) => {
                self.fault(at, "this kind of Markdown is not supported")
            }
        }
    }
}

/// A paragraph's or link's text starts and ends with a word, not a space or a break.
fn trim(inlines: &mut Vec<Inline>) {
    while matches!(inlines.last(), Some(Inline::Break)) {
        inlines.pop();
    }
    if let Some(Inline::Text(t)) = inlines.first_mut() {
        *t = t.trim_start().to_string();
    }
    if let Some(Inline::Text(t)) = inlines.last_mut() {
        *t = t.trim_end().to_string();
    }
    inlines.retain(|i| !matches!(i, Inline::Text(t) if t.is_empty()));
}

pub fn parse(body: &str) -> Body {
    let mut reader = Reader {
        out: Body::default(),
        open: Vec::new(),
        previous_text: None,
    };
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        reader.event(event, range.start);
    }
    reader.out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    fn para(inlines: Vec<Inline>) -> Block {
        Block::Paragraph(inlines)
    }

    fn messages(src: &str) -> Vec<String> {
        parse(src).errors.into_iter().map(|e| e.message).collect()
    }

    #[test]
    fn intro_sections_lists_and_quotes() {
        let body = parse(
            "Intro with **bold** and *italic* text.\n\n\
             ## Key findings {#findings}\n\n\
             1. First, see [the policy](/policy#levels).\n\
             2. Second\n\n\
             ### Detail\n\n\
             > A quote.\n\n\
             ## The laws involved\n\n- One\n- Two\n",
        );
        assert!(body.errors.is_empty());
        assert_eq!(
            body.intro,
            [para(vec![
                text("Intro with "),
                Inline::Strong(vec![text("bold")]),
                text(" and "),
                Inline::Emphasis(vec![text("italic")]),
                text(" text."),
            ])]
        );
        assert_eq!(body.sections.len(), 2);
        assert_eq!(body.sections[0].id, "findings");
        assert_eq!(body.sections[1].id, "the-laws-involved");
        assert_eq!(
            body.sections[0].blocks,
            [
                Block::Numbered(
                    1,
                    vec![
                        vec![para(vec![
                            text("First, see "),
                            Inline::Link {
                                href: "/policy#levels".into(),
                                children: vec![text("the policy")],
                            },
                            text("."),
                        ])],
                        vec![para(vec![text("Second")])],
                    ]
                ),
                Block::Subheading("Detail".into()),
                Block::Quote(vec![para(vec![text("A quote.")])]),
            ]
        );
        assert_eq!(
            body.sections[1].blocks,
            [Block::Bullets(vec![
                vec![para(vec![text("One")])],
                vec![para(vec![text("Two")])],
            ])]
        );
        assert_eq!(body.links.len(), 1);
        assert_eq!(body.links[0].href, "/policy#levels");
    }

    /// The three cases of issue 10 that used to lose text or styles.
    #[test]
    fn nesting_is_kept() {
        let body = parse("> - a\n> - b\n");
        assert!(body.errors.is_empty());
        assert_eq!(
            body.intro,
            [Block::Quote(vec![Block::Bullets(vec![
                vec![para(vec![text("a")])],
                vec![para(vec![text("b")])],
            ])])]
        );
        let body = parse("**bold _italic_ [link](/policy)**\n");
        assert_eq!(
            body.intro,
            [para(vec![Inline::Strong(vec![
                text("bold "),
                Inline::Emphasis(vec![text("italic")]),
                text(" "),
                Inline::Link {
                    href: "/policy".into(),
                    children: vec![text("link")],
                },
            ])])]
        );
        let body = parse("[**x**](/policy)\n");
        assert_eq!(
            body.intro,
            [para(vec![Inline::Link {
                href: "/policy".into(),
                children: vec![Inline::Strong(vec![text("x")])],
            }])]
        );
    }

    #[test]
    fn lists_nest_and_items_hold_blocks() {
        let body = parse("- a\n  - b\n\n    > q\n- c\n\n3. three\n4. four\n");
        assert!(body.errors.is_empty(), "{:?}", messages("- a\n  - b\n"));
        let Block::Bullets(items) = &body.intro[0] else {
            panic!("{:?}", body.intro);
        };
        assert_eq!(items.len(), 2);
        assert_eq!(items[0][0], para(vec![text("a")]));
        assert!(matches!(&items[0][1], Block::Bullets(inner) if inner[0].len() == 2));
        assert!(matches!(&body.intro[1], Block::Numbered(3, items) if items.len() == 2));
    }

    #[test]
    fn breaks_and_code() {
        let body = parse("one  \ntwo\nthree `x < y`\n");
        assert_eq!(
            body.intro,
            [para(vec![
                text("one"),
                Inline::Break,
                text("two three "),
                Inline::Code("x < y".into()),
            ])]
        );
    }

    #[test]
    fn punctuation_is_typographic() {
        let body = parse("It's \"quoted\" -- here.\n");
        assert_eq!(body.intro, [para(vec![text("It’s “quoted” – here.")])]);
    }

    #[test]
    fn unsupported_markdown_is_reported_where_it_is() {
        let src = "# Title\n\n![x](y.png)\n\n<b>x</b>\n\n```\ncode\n```\n\n---\n\n\
                   | a | b |\n|---|---|\n| 1 | 2 |\n\nA note[^1].\n\n[^1]: The note.\n\n\
                   ~~old~~\n\n- [ ] task\n\n#### Deep\n\n[t](/policy \"Title\")\n";
        let body = parse(src);
        let found = |needle: &str| {
            body.errors
                .iter()
                .find(|e| e.message.contains(needle))
                .unwrap_or_else(|| panic!("no fault about {needle}"))
        };
        for needle in [
            "`#` headings",
            "images",
            "raw HTML",
            "code blocks",
            "horizontal rules",
            "tables",
            "footnotes",
            "strikethrough",
            "task list",
            "only `##` and `###`",
            "link titles",
        ] {
            found(needle);
        }
        let image = found("images");
        assert_eq!(&src[image.offset..image.offset + 2], "![");
    }

    #[test]
    fn headings_are_plain_text_with_unique_ids() {
        let messages = messages("## A\n\n## A\n\n## B {#Bad_Id}\n\n## The *big* one\n");
        assert!(
            messages
                .iter()
                .any(|m| m.contains("two sections have the id \"a\""))
        );
        assert!(messages.iter().any(|m| m.contains("may only use a-z")));
        assert!(
            messages
                .iter()
                .any(|m| m.contains("a heading is plain text"))
        );
    }

    #[test]
    fn empty_items_and_links_are_faults() {
        let messages = messages("- \n- b\n\n[](/policy)\n");
        assert!(messages.iter().any(|m| m == "a list item is empty"));
        assert!(messages.iter().any(|m| m.contains("has no text")));
    }

    #[test]
    fn slugs_are_stable() {
        assert_eq!(slugify("Key findings"), "key-findings");
        assert_eq!(slugify("What stays criminal?"), "what-stays-criminal");
        assert_eq!(slugify("  The laws -- involved "), "the-laws-involved");
    }
}
