//! "Share this page": the system share sheet where the browser has one, otherwise the link is
//! copied to the clipboard, with a visible confirmation either way.

use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq)]
enum Shared {
    Idle,
    Copied,
    Failed,
}

#[component]
pub fn ShareButton(title: String) -> impl IntoView {
    let bundle = crate::use_bundle();
    let words = &bundle.words;
    let (label, copied, failed) = (
        words.share.clone(),
        words.share_copied.clone(),
        words.share_failed.clone(),
    );
    let state = RwSignal::new(Shared::Idle);
    let share = move |_| {
        let title = title.clone();
        leptos::task::spawn_local(async move {
            state.set(match share_or_copy(&title).await {
                Some(true) => Shared::Copied,
                Some(false) => Shared::Idle,
                None => Shared::Failed,
            });
        });
    };
    let url = move || window().location().href().unwrap_or_default();
    // The prerendered page reserves the button's space but keeps it hidden until the app
    // runs (effects run only in the browser, once the page is live): without the app it
    // could do nothing.
    let live = RwSignal::new(false);
    Effect::new(move |_| live.set(true));
    let class = move || {
        if live.get() {
            "share"
        } else {
            "share share-pending"
        }
    };
    view! {
        <div class=class>
            <button type="button" class="share-button" on:click=share>{label}</button>
            <p class="share-status" role="status">
                {move || match state.get() {
                    Shared::Idle => String::new(),
                    Shared::Copied => copied.clone(),
                    Shared::Failed => crate::content::fill(&failed, &[("url", &url())]),
                }}
            </p>
        </div>
    }
}

/// `Some(true)`: the link was copied; `Some(false)`: the share sheet was used (or dismissed);
/// `None`: neither was possible.
#[cfg(feature = "hydrate")]
async fn share_or_copy(title: &str) -> Option<bool> {
    use leptos::wasm_bindgen::JsValue;
    use wasm_bindgen_futures::JsFuture;
    let navigator = window().navigator();
    let url = window().location().href().ok()?;
    let has_share = js_sys::Reflect::has(&navigator, &JsValue::from_str("share")).unwrap_or(false);
    if has_share {
        let data = web_sys::ShareData::new();
        data.set_title(title);
        data.set_url(&url);
        // A dismissed sheet rejects too; either way there is nothing more to do.
        _ = JsFuture::from(navigator.share_with_data(&data)).await;
        return Some(false);
    }
    let clipboard = navigator.clipboard();
    JsFuture::from(clipboard.write_text(&url)).await.ok()?;
    Some(true)
}

#[cfg(not(feature = "hydrate"))]
async fn share_or_copy(_title: &str) -> Option<bool> {
    None
}
