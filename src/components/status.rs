//! What readers see while the content loads or when it could not be loaded.

use crate::load::{BundleResource, LoadError};
use leptos::prelude::*;

#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <div class="status" role="status">
            <p class="status-message">"Loading…"</p>
        </div>
    }
}

/// A plain message and a button that fetches the content again. A new answer, good or bad,
/// replaces this view, which ends the retry.
#[component]
pub fn LoadProblem(error: LoadError, bundle: BundleResource) -> impl IntoView {
    let retrying = RwSignal::new(false);
    let retry = move |_| {
        retrying.set(true);
        bundle.refetch();
    };
    view! {
        <div class="status status-problem" role="alert">
            <p class="status-message">{error.message()}</p>
            <p>
                <button type="button" class="button" on:click=retry disabled=retrying>
                    {move || if retrying.get() { "Retrying…" } else { "Retry" }}
                </button>
            </p>
            <p class="status-detail">{format!("Details: {error}")}</p>
        </div>
    }
}
