//! One view per route of the URL contract.

mod home;
mod hong_kong;
mod not_found;
mod policy;
mod related_research;
mod report;
mod reports;
mod safe_reading;
mod search;

pub use home::Home;
pub use hong_kong::HongKong;
pub use not_found::NotFound;
pub use policy::Policy;
pub use related_research::RelatedResearch;
pub use report::Report;
pub use reports::Reports;
pub use safe_reading::SafeReading;
pub use search::Search;
