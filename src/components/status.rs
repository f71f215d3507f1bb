//! What readers see while the content loads or when it could not be loaded.

use crate::content::{LoadWords, fill};
use crate::load::LoadError;
use leptos::prelude::*;

#[component]
pub fn Loading(words: LoadWords) -> impl IntoView {
    view! {
        <div class="status" role="status">
            <p class="status-message">{words.loading}</p>
        </div>
    }
}

/// A plain message and a button that fetches the content again. A new answer, good or bad,
/// replaces this view, which ends the retry.
#[component]
pub fn LoadProblem(error: LoadError, words: LoadWords, retry: Callback<()>) -> impl IntoView {
    let retrying = RwSignal::new(false);
    let on_retry = move |_| {
        retrying.set(true);
        retry.run(());
    };
    let message = error.message(&words).to_string();
    let detail = fill(&words.details, &[("detail", &error.to_string())]);
    let LoadWords {
        retry: label,
        retrying: busy,
        ..
    } = words;
    view! {
        <div class="status status-problem" role="alert">
            <p class="status-message">{message}</p>
            <p>
                <button type="button" class="button" on:click=on_retry disabled=retrying>
                    {move || if retrying.get() { busy.clone() } else { label.clone() }}
                </button>
            </p>
            <p class="status-detail">{detail}</p>
        </div>
    }
}
