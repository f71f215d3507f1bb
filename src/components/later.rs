//! Hydrating a long page in several tasks. A view wrapped in [`later`] is built and hydrated
//! in a task of its own, and what follows it (its siblings, the parts around it) resumes in
//! another: the browser may paint and answer input in between, and no single task has to
//! compile (on first call) and run the code of a whole page. It adds no markup,
//! so the prerender writes exactly what it would without it; rendering and client-side
//! navigation build it at once, as any other view.

use leptos::prelude::*;
use leptos::tachys::html::attribute::Attribute;
use leptos::tachys::html::attribute::any_attribute::AnyAttribute;
use leptos::tachys::hydration::Cursor;
use leptos::tachys::view::add_attr::AddAnyAttr;
use leptos::tachys::view::any_view::AnyViewState;
use leptos::tachys::view::{Position, PositionState, Render, RenderHtml};

/// A view made and hydrated after the current task: see the module's note.
pub struct Later {
    owner: Owner,
    make: Box<dyn FnOnce() -> AnyView + Send>,
}

/// `make` runs under the owner current here, so it reads the same context as if built now.
pub fn later(make: impl FnOnce() -> AnyView + Send + 'static) -> Later {
    Later {
        owner: Owner::current().unwrap_or_default(),
        make: Box::new(make),
    }
}

impl Later {
    fn view(self) -> AnyView {
        self.owner.with(self.make)
    }
}

/// Resolves in a new task (a zero-delay timer), not in this one's microtasks.
async fn next_task() {
    let timer = js_sys::Promise::new(&mut |resolve, _| {
        _ = window().set_timeout_with_callback(&resolve);
    });
    _ = wasm_bindgen_futures::JsFuture::from(timer).await;
}

impl Render for Later {
    type State = AnyViewState;

    fn build(self) -> Self::State {
        self.view().build()
    }

    fn rebuild(self, state: &mut Self::State) {
        self.view().rebuild(state);
    }
}

impl AddAnyAttr for Later {
    type Output<SomeNewAttr: Attribute> = <AnyView as AddAnyAttr>::Output<SomeNewAttr>;

    fn add_any_attr<NewAttr: Attribute>(self, attr: NewAttr) -> Self::Output<NewAttr>
    where
        Self::Output<NewAttr>: RenderHtml,
    {
        self.view().add_any_attr(attr)
    }
}

impl RenderHtml for Later {
    type AsyncOutput = AnyView;
    type Owned = Self;

    const MIN_LENGTH: usize = 0;

    // Only streaming server rendering resolves views ahead; the site's prerender is synchronous.
    fn dry_resolve(&mut self) {}

    async fn resolve(self) -> Self::AsyncOutput {
        self.view().resolve().await
    }

    fn to_html_with_buf(
        self,
        buf: &mut String,
        position: &mut Position,
        escape: bool,
        mark_branches: bool,
        extra_attrs: Vec<AnyAttribute>,
    ) {
        self.view()
            .to_html_with_buf(buf, position, escape, mark_branches, extra_attrs);
    }

    fn hydrate<const FROM_SERVER: bool>(
        self,
        cursor: &Cursor,
        position: &PositionState,
    ) -> Self::State {
        self.view().hydrate::<FROM_SERVER>(cursor, position)
    }

    async fn hydrate_async(self, cursor: &Cursor, position: &PositionState) -> Self::State {
        next_task().await;
        let state = self.view().hydrate_async(cursor, position).await;
        // The effects this part created run in this task's microtasks; the rest waits.
        next_task().await;
        state
    }

    fn into_owned(self) -> Self::Owned {
        self
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn adds_no_markup_to_the_prerender() {
        let owner = Owner::new();
        owner.with(|| {
            let page = || view! { <section><h2 id="a">"A"</h2><p>"text"</p></section> };
            let plain = view! { <div>{page()}<p>"after"</p></div> }.to_html();
            let split =
                view! { <div>{later(move || page().into_any())}<p>"after"</p></div> }.to_html();
            assert_eq!(split, plain);
        });
    }
}
