//! The text of a page: Markdown (via pulldown-cmark) turned into the bundle's blocks, so the
//! app renders plain text nodes and never HTML strings.

use crate::content::{Block, Inline, Section};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

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

/// What an inline run belongs to while it is collected.
#[derive(Default)]
struct Run {
    inlines: Vec<Inline>,
    strong: u32,
    emphasis: u32,
    link: Option<(String, String, usize)>,
}

impl Run {
    fn text(&mut self, text: &str) {
        if let Some((link_text, _, _)) = &mut self.link {
            link_text.push_str(text);
            return;
        }
        let styled = |t: String| match (self.strong, self.emphasis) {
            (0, 0) => Inline::Text(t),
            (0, _) => Inline::Emphasis(t),
            _ => Inline::Strong(t),
        };
        // Merge with the previous run of the same style (pulldown-cmark splits text at quotes).
        match (self.inlines.last_mut(), styled(text.to_string())) {
            (Some(Inline::Text(prev)), Inline::Text(t))
            | (Some(Inline::Strong(prev)), Inline::Strong(t))
            | (Some(Inline::Emphasis(prev)), Inline::Emphasis(t)) => prev.push_str(&t),
            (_, inline) => self.inlines.push(inline),
        }
    }

    fn take(&mut self) -> Vec<Inline> {
        let mut inlines = std::mem::take(&mut self.inlines);
        if let Some(Inline::Text(t)) = inlines.first_mut() {
            *t = t.trim_start().to_string();
        }
        if let Some(Inline::Text(t)) = inlines.last_mut() {
            *t = t.trim_end().to_string();
        }
        inlines.retain(|i| !i.plain().is_empty() || matches!(i, Inline::Link { .. }));
        inlines
    }
}

enum Container {
    List {
        ordered: bool,
        items: Vec<Vec<Inline>>,
    },
    Quote,
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

pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

pub fn parse(body: &str) -> Body {
    let mut out = Body::default();
    let options = Options::ENABLE_HEADING_ATTRIBUTES | Options::ENABLE_SMART_PUNCTUATION;
    let mut run = Run::default();
    let mut containers: Vec<Container> = Vec::new();
    let mut heading: Option<(HeadingLevel, Option<String>, usize)> = None;
    let mut nested_list = false;

    let push_block = |out: &mut Body, block: Block| match out.sections.last_mut() {
        Some(section) => section.blocks.push(block),
        None => out.intro.push(block),
    };

    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let at = range.start;
        let mut fault = |message: &str| {
            out.errors.push(TextError {
                offset: at,
                message: message.to_string(),
            })
        };
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                if containers.is_empty() {
                    heading = Some((level, id.map(|i| i.to_string()), at));
                } else {
                    fault("a heading cannot be inside a list or quotation");
                }
                match level {
                    HeadingLevel::H2 | HeadingLevel::H3 => {}
                    HeadingLevel::H1 => fault(
                        "`#` headings are not used: the page title comes from `title`; start sections with `##`",
                    ),
                    _ => fault("only `##` and `###` headings are supported"),
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                let text: String = run.take().iter().map(Inline::plain).collect();
                let Some((level, explicit, start)) = heading.take() else {
                    continue;
                };
                if text.trim().is_empty() {
                    out.errors.push(TextError {
                        offset: start,
                        message: "the heading is empty".into(),
                    });
                    continue;
                }
                if level == HeadingLevel::H2 {
                    let id = explicit.unwrap_or_else(|| slugify(&text));
                    if !is_valid_id(&id) {
                        out.errors.push(TextError {
                            offset: start,
                            message: format!(
                                "the section id {id:?} may only use a-z, 0-9 and -, e.g. {{#key-findings}}"
                            ),
                        });
                    } else if crate::content::ids::ALL.contains(&id.as_str()) {
                        out.errors.push(TextError {
                            offset: start,
                            message: format!(
                                "the section id {id:?} is used by the page layout; choose another with {{#…}}"
                            ),
                        });
                    } else if out.sections.iter().any(|s| s.id == id) {
                        out.errors.push(TextError {
                            offset: start,
                            message: format!(
                                "two sections have the id {id:?}; give one another id with {{#…}}"
                            ),
                        });
                    }
                    out.sections.push(Section {
                        id,
                        heading: text,
                        blocks: Vec::new(),
                    });
                } else {
                    push_block(&mut out, Block::Subheading(text));
                }
            }
            Event::Start(Tag::Paragraph) | Event::Start(Tag::Item) => {}
            Event::End(TagEnd::Paragraph) => {
                let inlines = run.take();
                match containers.last_mut() {
                    Some(Container::List { .. }) => {
                        // A loose list item: the paragraph is the item's text.
                        if !inlines.is_empty() {
                            run.inlines = inlines;
                        }
                    }
                    Some(Container::Quote) => {
                        if !inlines.is_empty() {
                            push_block(&mut out, Block::Quote(inlines));
                        }
                    }
                    None => {
                        if !inlines.is_empty() {
                            push_block(&mut out, Block::Paragraph(inlines));
                        }
                    }
                }
            }
            Event::Start(Tag::List(start)) => {
                if containers
                    .iter()
                    .any(|c| matches!(c, Container::List { .. }))
                {
                    fault("lists inside lists are not supported");
                    nested_list = true;
                }
                containers.push(Container::List {
                    ordered: start.is_some(),
                    items: Vec::new(),
                });
            }
            Event::End(TagEnd::Item) => {
                let inlines = run.take();
                if let Some(Container::List { items, .. }) = containers.last_mut() {
                    // A list that held a nested list was reported as such already.
                    if inlines.is_empty() && !nested_list {
                        fault("a list item is empty");
                    }
                    items.push(inlines);
                }
            }
            Event::End(TagEnd::List(_)) => {
                let lists = containers
                    .iter()
                    .filter(|c| matches!(c, Container::List { .. }))
                    .count();
                if lists == 1 {
                    nested_list = false;
                }
                if let Some(Container::List { ordered, items }) = containers.pop() {
                    let block = Block::List { ordered, items };
                    match containers.last() {
                        Some(_) => {}
                        None => push_block(&mut out, block),
                    }
                }
            }
            Event::Start(Tag::BlockQuote(_)) => containers.push(Container::Quote),
            Event::End(TagEnd::BlockQuote(_)) => {
                containers.pop();
            }
            Event::Start(Tag::Strong) => run.strong += 1,
            Event::End(TagEnd::Strong) => run.strong -= 1,
            Event::Start(Tag::Emphasis) => run.emphasis += 1,
            Event::End(TagEnd::Emphasis) => run.emphasis -= 1,
            Event::Start(Tag::Link { dest_url, .. }) => {
                run.link = Some((String::new(), dest_url.to_string(), at));
            }
            Event::End(TagEnd::Link) => {
                if let Some((text, href, start)) = run.link.take() {
                    if text.trim().is_empty() {
                        out.errors.push(TextError {
                            offset: start,
                            message: format!("the link to {href:?} has no text"),
                        });
                    }
                    out.links.push(FoundLink {
                        offset: start,
                        href: href.clone(),
                    });
                    run.inlines.push(Inline::Link {
                        text: text.trim().to_string(),
                        href,
                    });
                }
            }
            Event::Text(text) => run.text(&text),
            Event::SoftBreak | Event::HardBreak => run.text(" "),
            Event::Start(Tag::Image { .. }) => fault("images are not supported"),
            Event::Start(Tag::CodeBlock(_)) | Event::Code(_) => {
                fault("code is not supported; write it as plain text")
            }
            Event::Start(Tag::HtmlBlock) | Event::Html(_) | Event::InlineHtml(_) => {
                fault("raw HTML is not allowed; use Markdown")
            }
            Event::Rule => fault("horizontal rules (---) are not supported; use a `##` heading"),
            Event::End(TagEnd::Image | TagEnd::CodeBlock | TagEnd::HtmlBlock) => {}
            Event::Start(_) => fault("this kind of Markdown is not supported"),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.into())
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
            [Block::Paragraph(vec![
                text("Intro with "),
                Inline::Strong("bold".into()),
                text(" and "),
                Inline::Emphasis("italic".into()),
                text(" text."),
            ])]
        );
        assert_eq!(body.sections.len(), 2);
        assert_eq!(body.sections[0].id, "findings");
        assert_eq!(body.sections[1].id, "the-laws-involved");
        assert_eq!(
            body.sections[0].blocks[0],
            Block::List {
                ordered: true,
                items: vec![
                    vec![
                        text("First, see "),
                        Inline::Link {
                            text: "the policy".into(),
                            href: "/policy#levels".into()
                        },
                        text("."),
                    ],
                    vec![text("Second")],
                ]
            }
        );
        assert_eq!(
            body.sections[0].blocks[1],
            Block::Subheading("Detail".into())
        );
        assert_eq!(
            body.sections[0].blocks[2],
            Block::Quote(vec![text("A quote.")])
        );
        assert_eq!(body.links.len(), 1);
        assert_eq!(body.links[0].href, "/policy#levels");
    }

    #[test]
    fn bold_text_keeps_its_words() {
        let body = parse("Some **bold words** here.\n");
        assert_eq!(
            body.intro,
            [Block::Paragraph(vec![
                text("Some "),
                Inline::Strong("bold words".into()),
                text(" here."),
            ])]
        );
    }

    #[test]
    fn punctuation_is_typographic() {
        let body = parse("It's \"quoted\" -- here.\n");
        assert_eq!(
            body.intro,
            [Block::Paragraph(vec![text("It’s “quoted” – here.")])]
        );
    }

    #[test]
    fn unsupported_markdown_is_reported_where_it_is() {
        let src = "# Title\n\n![x](y.png)\n\n<b>x</b>\n\n`code`\n\n- a\n  - b\n\n---\n";
        let body = parse(src);
        let messages: Vec<&str> = body.errors.iter().map(|e| e.message.as_str()).collect();
        assert!(messages.iter().any(|m| m.contains("`#` headings")));
        assert!(messages.iter().any(|m| m.contains("images")));
        assert!(messages.iter().any(|m| m.contains("raw HTML")));
        assert!(messages.iter().any(|m| m.contains("code")));
        assert!(messages.iter().any(|m| m.contains("lists inside lists")));
        assert!(messages.iter().any(|m| m.contains("horizontal rules")));
        let image = body
            .errors
            .iter()
            .find(|e| e.message.contains("images"))
            .unwrap();
        assert_eq!(&src[image.offset..image.offset + 2], "![");
    }

    #[test]
    fn headings_need_text_and_unique_ids() {
        let body = parse("## A\n\n## A\n\n## B {#Bad_Id}\n");
        let messages: Vec<&str> = body.errors.iter().map(|e| e.message.as_str()).collect();
        assert!(
            messages
                .iter()
                .any(|m| m.contains("two sections have the id \"a\""))
        );
        assert!(messages.iter().any(|m| m.contains("may only use a-z")));
    }

    #[test]
    fn slugs_are_stable() {
        assert_eq!(slugify("Key findings"), "key-findings");
        assert_eq!(slugify("What stays criminal?"), "what-stays-criminal");
        assert_eq!(slugify("  The laws -- involved "), "the-laws-involved");
    }
}
