//! Search over an edition's bundle: what a passage is, how text and queries are normalised,
//! how matches are ranked, and the answer the search page shows. Plain Rust, the same for every
//! edition; the search worker runs it and the page only shows its [`Answer`].

use crate::content::{Block, Bundle, Inline, Page, Words, fill};
use crate::routes::{BasePath, Route};

/// A place a result can link to: a page's opening (with its document facts), a section, or a
/// research item.
#[derive(Clone, Debug, PartialEq)]
pub struct Passage {
    pub route: Route,
    /// The fragment id of the section or item; `None` for the page's opening.
    pub fragment: Option<String>,
    pub page_title: String,
    /// The section's heading or the item's name; `None` for the page's opening.
    pub heading: Option<String>,
    /// The words of the passage, as shown in excerpts.
    pub text: String,
    title_field: Field,
    heading_field: Field,
    text_field: Field,
    text_squashed: String,
}

/// A field folded, and its words with where each starts and its stem, worked out once per
/// passage: each keystroke then only compares.
#[derive(Clone, Debug, PartialEq, Default)]
struct Field {
    folded: Vec<char>,
    words: Vec<Word>,
}

#[derive(Clone, Debug, PartialEq)]
struct Word {
    /// Where the word starts in the folded field, in characters.
    at: usize,
    len: usize,
    text: String,
    stem: String,
}

impl Field {
    fn new(folded: Vec<char>) -> Field {
        let mut words = Vec::new();
        let mut at = 0;
        for word in folded.split(|c| *c == ' ') {
            if !word.is_empty() {
                let text: String = word.iter().collect();
                words.push(Word {
                    at,
                    len: word.len(),
                    stem: stem(&text),
                    text,
                });
            }
            at += word.len() + 1;
        }
        Field { folded, words }
    }
}

/// One match, best first: where it is, and its words.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub route: Route,
    pub fragment: Option<String>,
    pub page_title: String,
    pub heading: Option<String>,
    pub score: u32,
    /// A short piece of the passage around the first match, in runs: `(text, matched)`.
    pub excerpt: Vec<(String, bool)>,
}

/// Every passage of an edition, folded once so that each keystroke only compares.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Index {
    pub passages: Vec<Passage>,
}

/// Characters of an excerpt on each side of the first match.
const CONTEXT: usize = 60;
/// Queries longer than this are cut: nothing in the site is longer, and work stays bounded.
const MAX_QUERY: usize = 200;
/// Results shown at most: enough to choose from (the status line says how many matched), few
/// enough to show within a frame of a keystroke on a phone (20 took longer to render and lay out).
pub const MAX_HITS: usize = 10;

impl Index {
    pub fn new(bundle: &Bundle) -> Index {
        let mut passages = Vec::new();
        // Every page but this search page itself.
        for route in Route::ALL.into_iter().filter(|r| *r != Route::Search) {
            if let Some(page) = bundle.page(route) {
                passages.extend(page_passages(route, page));
            }
        }
        Index { passages }
    }

    /// The best `MAX_HITS` passages that match the query, best first, and how many match. An
    /// empty query finds nothing.
    pub fn search(&self, query: &str) -> (Vec<Hit>, usize) {
        let query = Query::new(query);
        if query.terms.is_empty() {
            return (Vec::new(), 0);
        }
        // The best, kept in order as they are found (no sort routine in the wasm); equal
        // scores keep the site's reading order.
        let mut scored: Vec<(u32, &Passage)> = Vec::new();
        let mut count = 0;
        for passage in &self.passages {
            if let Some(score) = query.score(passage) {
                count += 1;
                let at = scored.partition_point(|(s, _)| *s >= score);
                if at < MAX_HITS {
                    scored.insert(at, (score, passage));
                    scored.truncate(MAX_HITS);
                }
            }
        }
        let hits = scored
            .into_iter()
            .map(|(score, passage)| Hit {
                route: passage.route,
                fragment: passage.fragment.clone(),
                page_title: passage.page_title.clone(),
                heading: passage.heading.clone(),
                score,
                excerpt: excerpt(passage, &query),
            })
            .collect();
        (hits, count)
    }
}

fn page_passages(route: Route, page: &Page) -> Vec<Passage> {
    let mut opening = vec![page.description.clone()];
    if let Some(lead) = &page.lead {
        opening.push(lead.clone());
    }
    if let Some(document) = &page.document {
        opening.push(document.title.clone());
        opening.extend(document.index.clone());
        opening.extend(document.note.clone());
    }
    opening.push(Block::plain_text(&page.intro));
    let mut passages = vec![Passage::new(
        route,
        None,
        &page.title,
        None,
        opening.join("\n"),
    )];
    for section in &page.sections {
        passages.push(Passage::new(
            route,
            Some(section.id.clone()),
            &page.title,
            Some(section.heading.clone()),
            Block::plain_text(&section.blocks),
        ));
    }
    for item in &page.items {
        let mut words = vec![item.kind.clone(), item.summary.clone()];
        words.extend(item.title.clone());
        words.extend(item.index.clone());
        words.extend(item.note.clone());
        passages.push(Passage::new(
            route,
            Some(item.id.clone()),
            &page.title,
            Some(format!("{} {}", item.year, item.country)),
            words.join("\n"),
        ));
    }
    passages
}

/// The worker's answer, ready to show: the query it answers (the page ignores answers to
/// older ones), the status line in the edition's words (empty when the bundle could not be
/// loaded), and the results as page text, a numbered list that the app shows with the code
/// that shows every page's text (so the app carries no results component of its own).
#[derive(Debug, PartialEq)]
pub struct Answer {
    pub query: String,
    pub status: String,
    pub results: Vec<Block>,
}

impl Answer {
    /// The answer to `query`: how many passages match (`count`), and the best of them
    /// (`hits`), each as a list item.
    pub fn new(query: String, hits: &[Hit], count: usize, words: &Words) -> Answer {
        let template = match count {
            0 => &words.search_none,
            1 => &words.search_result,
            n if n > hits.len() => &words.search_best,
            _ => &words.search_results,
        };
        let status = fill(
            template,
            &[
                ("count", &count.to_string()),
                ("shown", &hits.len().to_string()),
                ("query", &query),
            ],
        );
        let items: Vec<Vec<Block>> = hits.iter().map(Hit::item).collect();
        Answer {
            query,
            status,
            results: if items.is_empty() {
                Vec::new()
            } else {
                vec![Block::Numbered(1, items)]
            },
        }
    }

    /// The bundle could not be loaded: the page says so in its own words.
    pub fn failed(query: String) -> Answer {
        Answer {
            query,
            status: String::new(),
            results: Vec::new(),
        }
    }

    /// The answer as it crosses to the page: three strings (query, status, the results as
    /// the bundle's JSON), so that the app decodes it with what it has already: an array of
    /// strings, and the JSON decoder it reads the bundle with (a decoder of its own would cost
    /// every reader bytes).
    pub fn to_strings(&self) -> Vec<String> {
        let results = serde_json::to_string(&self.results).unwrap_or_default();
        vec![self.query.clone(), self.status.clone(), results]
    }

    /// The answer back from `to_strings`; `None` if it is not one.
    pub fn from_strings(strings: Vec<String>) -> Option<Answer> {
        let [query, status, results] = <[String; 3]>::try_from(strings).ok()?;
        Some(Answer {
            query,
            status,
            results: crate::content::decode(&results).ok()?,
        })
    }
}

impl Hit {
    /// The hit as a list item: a link named by the page and its section, then the excerpt
    /// with the matched words marked. The link is a path of this site, as in the page text.
    fn item(&self) -> Vec<Block> {
        let mut name = self.page_title.clone();
        if let Some(heading) = &self.heading {
            name = format!("{name} › {heading}");
        }
        let link = Inline::Link {
            href: self.href(&BasePath::root()),
            children: vec![Inline::Text(name)],
        };
        let excerpt = self
            .excerpt
            .iter()
            .map(|(text, matched)| match matched {
                true => Inline::Mark(vec![Inline::Text(text.clone())]),
                false => Inline::Text(text.clone()),
            })
            .collect();
        vec![Block::Paragraph(vec![link]), Block::Paragraph(excerpt)]
    }

    /// The link to the match: the page, and its section or item.
    pub fn href(&self, base: &BasePath) -> String {
        let page = self.route.href(base);
        match &self.fragment {
            Some(id) => format!("{page}#{id}"),
            None => page,
        }
    }
}

impl Passage {
    fn new(
        route: Route,
        fragment: Option<String>,
        page_title: &str,
        heading: Option<String>,
        text: String,
    ) -> Passage {
        let text_folded = fold(&text);
        Passage {
            route,
            fragment,
            page_title: page_title.to_string(),
            title_field: Field::new(fold(page_title)),
            heading_field: heading
                .as_deref()
                .map(fold)
                .map(Field::new)
                .unwrap_or_default(),
            text_squashed: squash(&text_folded),
            text_field: Field::new(text_folded),
            heading,
            text,
        }
    }
}

/// Folds one character for matching: lower case, no accents, punctuation as a space. One
/// character in, one out, so positions in folded text are positions in the original.
pub fn fold_char(c: char) -> char {
    let c = match c {
        'À'..='Å' | 'à'..='å' | 'Ā'..='ą' => 'a',
        'Ç' | 'ç' | 'Ć'..='č' => 'c',
        'È'..='Ë' | 'è'..='ë' | 'Ē'..='ě' => 'e',
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ'..='ı' => 'i',
        'Ñ' | 'ñ' | 'Ń'..='ň' => 'n',
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō'..='ő' => 'o',
        'Ù'..='Ü' | 'ù'..='ü' | 'Ũ'..='ų' => 'u',
        'Ý' | 'ý' | 'ÿ' => 'y',
        'Æ' | 'æ' => 'a',
        'ß' => 's',
        c if c.is_ascii() => c.to_ascii_lowercase(),
        c => c,
    };
    if c.is_ascii_alphanumeric() || is_han(c) || (!c.is_ascii() && !is_cjk_punctuation(c)) {
        c
    } else {
        ' '
    }
}

fn fold(text: &str) -> Vec<char> {
    text.chars().map(fold_char).collect()
}

/// Folded text without any spaces: how index numbers (`POL 30/4062/2016`) and Chinese
/// (written without spaces) are matched.
fn squash(folded: &[char]) -> String {
    folded.iter().filter(|c| **c != ' ').collect()
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

fn is_cjk_punctuation(c: char) -> bool {
    matches!(c as u32, 0x2000..=0x206F | 0x3000..=0x303F | 0xFF00..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65)
}

/// A light English stemmer: enough that `worker` finds `workers`, `policies` finds `policy`
/// and `criminalised` finds `criminalise`, while `police` and `policy` stay apart.
pub fn stem(word: &str) -> String {
    // American spellings find the British ones the site uses (`decriminalization`).
    let british;
    let word = if word.contains("iz") {
        british = word.replace("iz", "is");
        british.as_str()
    } else {
        word
    };
    let n = word.len();
    let strip = |suffix: &str, min: usize| {
        (n >= min + suffix.len() && word.ends_with(suffix)).then(|| &word[..n - suffix.len()])
    };
    if let Some(base) = strip("ies", 2) {
        return format!("{base}y");
    }
    let word = strip("sses", 1)
        .map(|w| &word[..w.len() + 2])
        .or_else(|| strip("es", 3).filter(|w| w.ends_with(['s', 'x', 'z', 'h'])))
        .or_else(|| strip("s", 3).filter(|w| !w.ends_with(['s', 'u', 'i'])))
        .unwrap_or(word);
    let n = word.len();
    let word = ["ing", "ed"]
        .iter()
        .find_map(|suffix| {
            (n > suffix.len() + 3 && word.ends_with(suffix)).then(|| &word[..n - suffix.len()])
        })
        .unwrap_or(word);
    word.strip_suffix('e')
        .filter(|w| w.len() > 3)
        .unwrap_or(word)
        .to_string()
}

/// A query's terms: words (matched whole or as the start of a word), runs of Chinese (matched
/// anywhere, as Chinese has no spaces), and the whole query squashed (for index numbers).
struct Query {
    terms: Vec<Term>,
    squashed: String,
}

#[derive(Debug)]
enum Term {
    Word { folded: String, stemmed: String },
    Han { folded: Vec<char> },
}

impl Query {
    fn new(query: &str) -> Query {
        let folded: Vec<char> = query.chars().take(MAX_QUERY).map(fold_char).collect();
        let mut terms = Vec::new();
        let mut current = String::new();
        let mut han = false;
        let flush = |current: &mut String, han: bool, terms: &mut Vec<Term>| {
            if current.is_empty() {
                return;
            }
            let text = std::mem::take(current);
            // A single Chinese character matches too much to be useful.
            if han && text.chars().count() < 2 {
                return;
            }
            terms.push(if han {
                Term::Han {
                    folded: text.chars().collect(),
                }
            } else {
                Term::Word {
                    stemmed: stem(&text),
                    folded: text,
                }
            });
        };
        for &c in &folded {
            if c == ' ' || is_han(c) != han {
                flush(&mut current, han, &mut terms);
            }
            if c != ' ' {
                han = is_han(c);
                current.push(c);
            }
        }
        flush(&mut current, han, &mut terms);
        terms.truncate(12);
        Query {
            squashed: squash(&folded),
            terms,
        }
    }

    /// The passage's score, or `None` if no term matches. Title above heading above text;
    /// a whole word above the start of one; all terms above some.
    fn score(&self, passage: &Passage) -> Option<u32> {
        let mut score = 0;
        let mut matched = 0;
        for term in &self.terms {
            // The page's title counts most on its opening; a section still gains from it.
            let title_weight = if passage.fragment.is_none() { 100 } else { 20 };
            let best = [
                (&passage.title_field, title_weight),
                (&passage.heading_field, 40),
                (&passage.text_field, 10),
            ]
            .into_iter()
            .map(|(field, weight)| term.strength(field) * weight)
            .max()
            .unwrap_or(0);
            if best > 0 {
                matched += 1;
                score += best;
            }
        }
        // An index number written with or without its spaces and slashes.
        let digits = self.squashed.chars().any(|c| c.is_ascii_digit());
        if digits && self.squashed.len() >= 6 && passage.text_squashed.contains(&self.squashed) {
            matched = self.terms.len();
            score += 500;
        }
        if matched == 0 {
            return None;
        }
        if matched == self.terms.len() {
            score *= 4;
        }
        Some(score)
    }
}

impl Term {
    /// 3 for a whole word (or a Chinese run), 1 for the start of a word, 0 for no match.
    fn strength(&self, field: &Field) -> u32 {
        match self {
            Term::Han { folded } => {
                if find(&field.folded, folded, 0).is_some() {
                    3
                } else {
                    0
                }
            }
            Term::Word { folded, stemmed } => {
                let mut best = 0;
                for word in &field.words {
                    if word.stem == *stemmed {
                        return 3;
                    }
                    if word.text.starts_with(folded.as_str()) {
                        best = 1;
                    }
                }
                best
            }
        }
    }

    /// Where the term matches in a field, as a char range, from `from` on.
    fn position(&self, field: &Field, from: usize) -> Option<(usize, usize)> {
        match self {
            Term::Han { folded } => {
                find(&field.folded, folded, from).map(|i| (i, i + folded.len()))
            }
            Term::Word { folded, stemmed } => field
                .words
                .iter()
                .filter(|word| word.at >= from)
                .find(|word| word.stem == *stemmed || word.text.starts_with(folded.as_str()))
                .map(|word| (word.at, word.at + word.len)),
        }
    }
}

fn find(haystack: &[char], needle: &[char], from: usize) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    (from..=haystack.len() - needle.len()).find(|&i| haystack[i..i + needle.len()] == *needle)
}

/// The passage's text around its first match, with every match in that window marked.
fn excerpt(passage: &Passage, query: &Query) -> Vec<(String, bool)> {
    let text: Vec<char> = passage.text.chars().collect();
    let field = &passage.text_field;
    let first = query
        .terms
        .iter()
        .filter_map(|t| t.position(field, 0))
        .map(|(start, _)| start)
        .min();
    let (from, to) = match first {
        Some(at) => (
            at.saturating_sub(CONTEXT),
            (at + CONTEXT * 2).min(text.len()),
        ),
        None => (0, (CONTEXT * 2).min(text.len())),
    };
    let mut marks: Vec<(usize, usize)> = Vec::new();
    for term in &query.terms {
        let mut at = from;
        while let Some((start, end)) = term.position(field, at) {
            if start >= to {
                break;
            }
            marks.push((start, end.min(to)));
            at = end.max(start + 1);
        }
    }
    marks.sort();
    let mut runs = Vec::new();
    let mut at = from;
    let piece =
        |a: usize, b: usize| -> String { text[a..b].iter().collect::<String>().replace('\n', " ") };
    for (start, end) in marks {
        if end <= at {
            continue;
        }
        let start = start.max(at);
        if start > at {
            runs.push((piece(at, start), false));
        }
        runs.push((piece(start, end), true));
        at = end;
    }
    if at < to {
        runs.push((piece(at, to), false));
    }
    if let Some((first, _)) = runs.first_mut()
        && from > 0
    {
        *first = format!("…{}", first.trim_start());
    }
    if let Some((last, _)) = runs.last_mut()
        && to < text.len()
    {
        *last = format!("{}…", last.trim_end());
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_say_what_was_found_and_cross_to_the_page_as_page_text() {
        let words = crate::content::tests::sample_words();
        let hit = Hit {
            route: Route::Report(crate::routes::Country::Norway),
            fragment: Some("findings".into()),
            page_title: "Norway".into(),
            heading: Some("Findings".into()),
            score: 0,
            excerpt: vec![("the ".into(), false), ("police".into(), true)],
        };
        let answer = Answer::new("police".into(), std::slice::from_ref(&hit), 1, &words);
        assert_eq!(answer.status, "1 result for “police”");
        assert_eq!(
            answer.results,
            vec![Block::Numbered(
                1,
                vec![vec![
                    Block::Paragraph(vec![Inline::Link {
                        href: "/reports/norway/#findings".into(),
                        children: vec![Inline::Text("Norway › Findings".into())],
                    }]),
                    Block::Paragraph(vec![
                        Inline::Text("the ".into()),
                        Inline::Mark(vec![Inline::Text("police".into())]),
                    ]),
                ]],
            )]
        );
        let strings = answer.to_strings();
        assert_eq!(strings.len(), 3);
        assert_eq!(Answer::from_strings(strings), Some(answer));
        let two = Answer::new("police".into(), &[hit.clone(), hit.clone()], 2, &words);
        assert_eq!(two.status, "2 results for “police”");
        // More than are shown: the count, and how many of the best follow.
        let more = Answer::new("police".into(), &[hit.clone(), hit], 45, &words);
        assert_eq!(more.status, "45 results for “police”; the best 2 are below");
        let none = Answer::new("<b>".into(), &[], 0, &words);
        assert!(none.status.starts_with("Nothing found for “<b>”."));
        assert_eq!(none.results, vec![]);
        // Not an answer: too few parts, results that are not page text.
        let text = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(Answer::from_strings(text(&["q", ""])), None);
        assert_eq!(Answer::from_strings(text(&["q", "", "{}"])), None);
        assert_eq!(
            Answer::from_strings(Answer::failed("q".into()).to_strings()),
            Some(Answer::failed("q".into()))
        );
    }

    #[test]
    fn folding_ignores_case_accents_and_punctuation_one_char_for_one() {
        let text = "Egenæs, “Nordic model” — POL 30/4062/2016; Niterói";
        let folded: String = fold(text).into_iter().collect();
        assert_eq!(folded.chars().count(), text.chars().count());
        assert_eq!(folded, "egenas   nordic model    pol 30 4062 2016  niteroi");
        assert_eq!(fold_char('放'), '放');
        assert_eq!(fold_char('。'), ' ');
        assert_eq!(fold_char('「'), ' ');
    }

    #[test]
    fn stems_forgive_simple_word_forms() {
        for (a, b) in [
            ("worker", "workers"),
            ("policy", "policies"),
            ("criminalise", "criminalised"),
            ("evict", "evicted"),
            ("raid", "raids"),
            ("witness", "witnesses"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
        assert_eq!(stem("entrapment"), "entrapment");
        assert_eq!(stem("decriminalization"), stem("decriminalisation"));
        assert_eq!(stem("status"), "status");
        assert_ne!(stem("sex"), stem("sea"));
        assert_ne!(stem("police"), stem("policy"));
        assert_ne!(stem("police"), stem("policies"));
    }

    #[test]
    fn queries_split_into_words_and_chinese_runs() {
        let q = Query::new("Sex  workers 放蛇行動, a");
        let terms: Vec<String> = q
            .terms
            .iter()
            .map(|t| match t {
                Term::Word { folded, .. } => format!("w:{folded}"),
                Term::Han { folded } => format!("h:{}", folded.iter().collect::<String>()),
            })
            .collect();
        assert_eq!(terms, ["w:sex", "w:workers", "h:放蛇行動", "w:a"]);
        // One Chinese character alone is no term; punctuation alone is no query.
        assert!(Query::new("蛇").terms.is_empty());
        assert!(Query::new("?!… —").terms.is_empty());
        assert!(Query::new(&"x".repeat(10_000)).terms.len() <= 12);
    }

    fn index() -> Index {
        let mut bundle = crate::content::tests::sample_bundle();
        let norway = bundle
            .pages
            .iter_mut()
            .find(|p| p.path == "/reports/norway/")
            .unwrap();
        norway.title = "Norway: the human cost".into();
        norway.sections[0].heading = "Key findings".into();
        norway.sections[0].blocks = vec![Block::Paragraph(vec![crate::content::Inline::Text(
            "Sex workers face eviction; police use entrapment. 警方放蛇。".into(),
        )])];
        norway.document = Some(crate::content::Document {
            title: "The human cost".into(),
            index: Some("EUR 36/4034/2016".into()),
            published: "2016-05-26".into(),
            languages: vec!["English".into()],
            url: "https://www.amnesty.org/".into(),
            url_language: "English".into(),
            note: None,
        });
        Index::new(&bundle)
    }

    fn first(index: &Index, query: &str) -> (Route, Option<String>) {
        let (hits, _) = index.search(query);
        let hit = hits
            .first()
            .unwrap_or_else(|| panic!("no hit for {query:?}"));
        (hit.route, hit.fragment.clone())
    }

    #[test]
    fn the_best_match_comes_first() {
        let index = index();
        let norway = Route::Report(crate::routes::Country::Norway);
        // A page title above a heading above text.
        assert_eq!(first(&index, "norway"), (norway, None));
        assert_eq!(
            first(&index, "findings"),
            (Route::Home, Some("findings".into()))
        );
        assert_eq!(
            first(&index, "entrapment"),
            (norway, Some("findings".into()))
        );
        assert_eq!(first(&index, "worker"), (norway, Some("findings".into())));
        assert_eq!(
            first(&index, "ENTRAPMENT!"),
            (norway, Some("findings".into()))
        );
        assert_eq!(first(&index, "放蛇"), (norway, Some("findings".into())));
        // Index numbers with or without their spaces.
        assert_eq!(first(&index, "EUR 36/4034/2016"), (norway, None));
        assert_eq!(first(&index, "eur36/4034/2016"), (norway, None));
        // All words above some.
        let (hits, _) = index.search("eviction police");
        assert_eq!(hits[0].fragment.as_deref(), Some("findings"));
        assert_eq!(index.search("nothing-like-this"), (vec![], 0));
        assert_eq!(index.search(""), (vec![], 0));
        assert!(index.search("<img src=x onerror=alert(1)>").0.len() <= MAX_HITS);
    }

    #[test]
    fn excerpts_mark_the_matched_words() {
        let index = index();
        let (hits, _) = index.search("entrapment");
        let marked: Vec<&str> = hits[0]
            .excerpt
            .iter()
            .filter(|(_, m)| *m)
            .map(|(t, _)| t.as_str())
            .collect();
        assert_eq!(marked, ["entrapment"]);
        let text: String = hits[0].excerpt.iter().map(|(t, _)| t.as_str()).collect();
        assert!(text.contains("police use entrapment"), "{text}");
        let (hits, _) = index.search("放蛇");
        assert!(hits[0].excerpt.iter().any(|(t, m)| *m && t == "放蛇"));
    }
}
