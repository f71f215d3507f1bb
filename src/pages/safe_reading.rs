use crate::components::{PageHeader, PageText};
use crate::content::ids;
use crate::routes::Route;
use crate::use_bundle;
use leptos::prelude::*;

/// `/safe-reading/`: how to read without leaving traces, what the site keeps on the device, and
/// the controls to stop keeping pages offline and to delete what is kept.
#[component]
pub fn SafeReading() -> impl IntoView {
    let bundle = use_bundle();
    let page = bundle.page_or_not_found(Route::SafeReading);
    view! {
        <PageHeader title=page.title.clone() lead=page.lead.clone() share=false/>
        <PageText route=Route::SafeReading/>
        <OfflineControls/>
    }
}

/// A switch for keeping pages offline and a button deleting what is kept. The boot script does
/// what they ask (it registers and removes the service worker), so they work whether or not the
/// app has started; they stay hidden until a script can work them, and the switch shows the
/// choice kept on the device.
#[component]
fn OfflineControls() -> impl IntoView {
    let bundle = use_bundle();
    let words = &bundle.words.offline;
    let live = RwSignal::new(false);
    // Shown once the page is live: the prerendered page knows no device.
    Effect::new(move |_| live.set(true));
    // Read as the switch is hydrated (later than it is made, when parts of the page before it
    // are hydrated in tasks of their own), so hydration writes the state the reader last chose:
    // the one the boot script has already shown, or a tap's before hydration.
    view! {
        <div class="offline-controls" hidden=move || !live.get()>
            <p>
                <input type="checkbox" id=ids::OFFLINE_KEEP checked prop:checked=move || !kept_off_on_this_device()/>
                " "
                <label for=ids::OFFLINE_KEEP>{words.keep.clone()}</label>
            </p>
            <p><button type="button" id=ids::OFFLINE_CLEAR>{words.clear.clone()}</button></p>
            <p id=ids::OFFLINE_STATUS role="status" data-done=words.cleared.clone()></p>
        </div>
    }
}

/// Whether the reader turned offline keeping off on this device.
#[cfg(feature = "hydrate")]
fn kept_off_on_this_device() -> bool {
    window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|storage| storage.get_item(ids::OFFLINE_CHOICE).ok().flatten())
        .is_some_and(|choice| choice == "off")
}

/// The prerendered page shows the switch on; the boot script sets it from the device.
#[cfg(not(feature = "hydrate"))]
fn kept_off_on_this_device() -> bool {
    false
}
