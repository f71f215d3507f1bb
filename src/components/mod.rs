//! Shared pieces of the views. Each takes plain content values; none fetches anything.

mod announcer;
mod cards;
mod document_facts;
mod later;
mod layout;
mod marked;
mod navigation;
mod rich_text;
mod share;
mod sources;
mod status;

pub use announcer::{PageShown, RouteAnnouncer, provide_announcement};
pub use cards::{Card, CardList};
pub use document_facts::DocumentFacts;
pub use later::later;
pub use layout::{EditionNote, ExitThisPage, PageHeader, SiteFooter, SiteHeader, SkipLink};
pub use marked::{language_marks, marked, marked_with};
pub use navigation::{Breadcrumbs, Contents, ReportPager};
pub use rich_text::{PageText, blocks};
pub use share::ShareButton;
pub use sources::Sources;
pub use status::{LoadProblem, Loading};
