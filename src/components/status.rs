//! What readers see while the content loads or when it could not be loaded.

use crate::load::{ContentState, Load};
use leptos::prelude::*;

#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <div class="status" role="status">
            <p class="status-message">"Loading…"</p>
        </div>
    }
}

/// A plain message and a button that fetches the content again.
#[component]
pub fn LoadProblem(state: ContentState) -> impl IntoView {
    let error = move || match state.load.get() {
        Load::Failed(e) => Some(e),
        _ => None,
    };
    view! {
        <div class="status status-problem" role="alert">
            <p class="status-message">{move || error().map(|e| e.message())}</p>
            <p>
                <button
                    type="button"
                    class="button"
                    on:click=move |_| state.retry()
                    disabled=move || state.retrying.get()
                >
                    {move || if state.retrying.get() { "Retrying…" } else { "Retry" }}
                </button>
            </p>
            <p class="status-detail">{move || error().map(|e| format!("Details: {e}"))}</p>
        </div>
    }
}
