//! Text with the runs in another of the site's languages marked with their `lang`.

use crate::content::LanguageMarks;
use crate::use_bundle;
use leptos::prelude::*;

/// The marks for the edition being shown.
pub fn language_marks() -> LanguageMarks {
    LanguageMarks::new(&use_bundle())
}

/// A text node, or text nodes and `<span lang>`s where the language changes.
pub fn marked_with(text: &str, marks: &LanguageMarks) -> AnyView {
    let runs = marks.runs(text);
    if let [(None, _)] = runs.as_slice() {
        return text.to_string().into_any();
    }
    runs.into_iter()
        .map(|(lang, run)| match lang {
            Some(lang) => view! { <span lang=lang.to_string()>{run.to_string()}</span> }.into_any(),
            None => run.to_string().into_any(),
        })
        .collect_view()
        .into_any()
}

/// [`marked_with`] the edition's own marks.
pub fn marked(text: &str) -> AnyView {
    marked_with(text, &language_marks())
}
