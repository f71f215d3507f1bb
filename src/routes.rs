//! The route table: the public URL contract, defined once and used by the app, the site
//! builder (content files, prerendering, sitemap) and the tests.

use std::fmt;

/// A country report of the 2016 research.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Country {
    Argentina,
    HongKong,
    Norway,
    PapuaNewGuinea,
}

impl Country {
    /// In the order the research presents them.
    pub const ALL: [Country; 4] = [
        Country::Argentina,
        Country::HongKong,
        Country::Norway,
        Country::PapuaNewGuinea,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Country::Argentina => "argentina",
            Country::HongKong => "hong-kong",
            Country::Norway => "norway",
            Country::PapuaNewGuinea => "papua-new-guinea",
        }
    }
}

/// Every view of the site. `NotFound` stands for any path outside the contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Route {
    Home,
    Policy,
    Reports,
    Report(Country),
    HongKong,
    RelatedResearch,
    /// How to read the site without leaving traces, and what it keeps on the device.
    SafeReading,
    Search,
    NotFound,
}

/// Where a page's content file lives: directly in `content/` or in `content/reports/`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Folder {
    Top,
    Reports,
}

impl Route {
    /// Every page of the URL contract, in reading order (the sitemap and the prerender use it).
    pub const ALL: [Route; 11] = [
        Route::Home,
        Route::Policy,
        Route::Reports,
        Route::Report(Country::Argentina),
        Route::Report(Country::HongKong),
        Route::Report(Country::Norway),
        Route::Report(Country::PapuaNewGuinea),
        Route::HongKong,
        Route::RelatedResearch,
        Route::SafeReading,
        Route::Search,
    ];

    /// The main navigation, in order.
    pub const NAV: [Route; 6] = [
        Route::Home,
        Route::Policy,
        Route::Reports,
        Route::HongKong,
        Route::RelatedResearch,
        Route::Search,
    ];

    /// Every route that has a content file: the contract plus the not-found page.
    pub fn with_content() -> impl Iterator<Item = Route> {
        Route::ALL.into_iter().chain([Route::NotFound])
    }

    /// The canonical path, without the site's base path. `NotFound` has none of its own.
    ///
    /// Every page is a folder's `index.html`, and every static host answers the folder's
    /// address without its slash with a redirect; so the site names each page with the
    /// slash, and a shared link paints without that extra round trip.
    pub fn path(self) -> &'static str {
        match self {
            Route::Home => "/",
            Route::Policy => "/policy/",
            Route::Reports => "/reports/",
            Route::Report(Country::Argentina) => "/reports/argentina/",
            Route::Report(Country::HongKong) => "/reports/hong-kong/",
            Route::Report(Country::Norway) => "/reports/norway/",
            Route::Report(Country::PapuaNewGuinea) => "/reports/papua-new-guinea/",
            Route::HongKong => "/hong-kong/",
            Route::RelatedResearch => "/related-research/",
            Route::SafeReading => "/safe-reading/",
            Route::Search => "/search/",
            Route::NotFound => "/404",
        }
    }

    /// The content file's slug and folder.
    pub fn slug(self) -> (Folder, &'static str) {
        match self {
            Route::Home => (Folder::Top, "home"),
            Route::Policy => (Folder::Top, "policy"),
            Route::Reports => (Folder::Top, "reports"),
            Route::Report(c) => (Folder::Reports, c.slug()),
            Route::HongKong => (Folder::Top, "hong-kong"),
            Route::RelatedResearch => (Folder::Top, "related-research"),
            Route::SafeReading => (Folder::Top, "safe-reading"),
            Route::Search => (Folder::Top, "search"),
            Route::NotFound => (Folder::Top, "not-found"),
        }
    }

    /// The route whose content file has this slug in this folder.
    pub fn from_slug(folder: Folder, slug: &str) -> Option<Route> {
        Route::with_content().find(|r| r.slug() == (folder, slug))
    }

    /// Matches a path relative to the site root. With or without the trailing slash it is
    /// the same page; a query string or fragment is ignored.
    pub fn parse(path: &str) -> Route {
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let trimmed = path.trim_end_matches('/');
        Route::ALL
            .into_iter()
            .find(|r| r.path().trim_end_matches('/') == trimmed)
            .unwrap_or(Route::NotFound)
    }

    /// Matches a browser path that includes the site's base path (e.g. `/rights/policy`).
    pub fn parse_with_base(path: &str, base: &BasePath) -> Route {
        match base.strip(path) {
            Some(rest) => Route::parse(rest),
            None => Route::NotFound,
        }
    }

    /// The link to this route under the site's base path.
    pub fn href(self, base: &BasePath) -> String {
        base.join(self.path())
    }

    /// An editor's link to a page of this site (`/policy#levels`, `/reports/norway`) in the
    /// canonical form under the base path (`/rights/policy/#levels`). A path outside the
    /// contract is only joined to the base (the content checks have refused it already).
    pub fn canonical_href(href: &str, base: &BasePath) -> String {
        let split = href.find(['?', '#']).unwrap_or(href.len());
        let (path, rest) = href.split_at(split);
        match Route::parse(path) {
            Route::NotFound => base.join(href),
            route => format!("{}{rest}", route.href(base)),
        }
    }

    /// Whether the page lists its sources (the not-found and safe-reading pages speak only for
    /// this site).
    pub fn has_sources(self) -> bool {
        !matches!(self, Route::NotFound | Route::SafeReading | Route::Search)
    }

    /// The item of the main navigation this page belongs to.
    pub fn nav_section(self) -> Option<Route> {
        match self {
            Route::Report(_) => Some(Route::Reports),
            Route::NotFound | Route::SafeReading => None,
            other => Some(other),
        }
    }

    /// The page above this one, for breadcrumbs.
    pub fn parent(self) -> Option<Route> {
        match self {
            Route::Home | Route::NotFound => None,
            Route::Report(_) => Some(Route::Reports),
            _ => Some(Route::Home),
        }
    }

    /// The previous and next country report, in the order of `Country::ALL`.
    pub fn report_neighbours(self) -> (Option<Route>, Option<Route>) {
        let Route::Report(country) = self else {
            return (None, None);
        };
        let i = Country::ALL.iter().position(|c| *c == country).unwrap_or(0);
        let prev = i.checked_sub(1).map(|p| Route::Report(Country::ALL[p]));
        let next = Country::ALL.get(i + 1).map(|c| Route::Report(*c));
        (prev, next)
    }

    /// The file the prerender writes for this route, relative to the output folder.
    pub fn output_file(self) -> String {
        match self {
            Route::Home => "index.html".to_string(),
            Route::NotFound => "404.html".to_string(),
            other => format!("{}index.html", other.path().trim_start_matches('/')),
        }
    }
}

impl fmt::Display for Route {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Route::NotFound => f.write_str("the not-found page"),
            other => f.write_str(other.path()),
        }
    }
}

/// Where a path below the site's base belongs: a language edition (an index into the site's
/// editions, whose first is served at the root and each other under `/<code>/`) and the path
/// within that edition.
pub fn split_edition<'a, S: AsRef<str>>(path: &'a str, codes: &[S]) -> (usize, &'a str) {
    for (i, code) in codes.iter().enumerate().skip(1) {
        let Some(rest) = path
            .strip_prefix('/')
            .and_then(|p| p.strip_prefix(code.as_ref()))
        else {
            continue;
        };
        if rest.is_empty() || rest.starts_with(['?', '#']) {
            return (i, "/");
        }
        if rest.starts_with('/') {
            return (i, rest);
        }
    }
    (0, path)
}

/// The base path of an edition: the site's base for the first, `<base><code>/` for others.
pub fn edition_base<S: AsRef<str>>(base: &BasePath, codes: &[S], edition: usize) -> BasePath {
    match codes.get(edition) {
        Some(code) if edition > 0 => BasePath::new(&base.join(&format!("/{}/", code.as_ref()))),
        _ => base.clone(),
    }
}

/// The path the site is served under: `/` at a domain root, or e.g. `/rights/`.
/// Always starts and ends with `/`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BasePath(String);

impl BasePath {
    pub fn root() -> Self {
        BasePath("/".to_string())
    }

    /// Normalises `rights`, `/rights`, `/rights/` and `` alike.
    pub fn new(path: &str) -> Self {
        let inner = path.trim_matches('/');
        if inner.is_empty() {
            BasePath::root()
        } else {
            BasePath(format!("/{inner}/"))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The base without its trailing slash, as the router's `base` wants it (`""` at the root).
    pub fn router_base(&self) -> &str {
        self.0.trim_end_matches('/')
    }

    /// Joins a root-relative path (`/policy`, `/hong-kong#police`) onto the base.
    pub fn join(&self, path: &str) -> String {
        format!("{}{}", self.router_base(), path)
    }

    /// The part of a browser path below the base, or `None` if the path is outside it.
    pub fn strip<'a>(&self, path: &'a str) -> Option<&'a str> {
        let base = self.router_base();
        if base.is_empty() {
            return Some(path);
        }
        let rest = path.strip_prefix(base)?;
        if rest.is_empty() {
            Some("/")
        } else if rest.starts_with('/') {
            Some(rest)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_contract_path_parses_to_its_route() {
        let paths: Vec<&str> = Route::ALL.iter().map(|r| r.path()).collect();
        assert_eq!(
            paths,
            [
                "/",
                "/policy/",
                "/reports/",
                "/reports/argentina/",
                "/reports/hong-kong/",
                "/reports/norway/",
                "/reports/papua-new-guinea/",
                "/hong-kong/",
                "/related-research/",
                "/safe-reading/",
                "/search/",
            ]
        );
        for route in Route::ALL {
            assert_eq!(Route::parse(route.path()), route);
            // The form without the slash reaches the same page.
            assert_eq!(Route::parse(route.path().trim_end_matches('/')), route);
        }
    }

    #[test]
    fn trailing_slash_query_and_fragment_mean_the_same_page() {
        assert_eq!(Route::parse("/policy"), Route::Policy);
        assert_eq!(
            Route::parse("/reports/norway/"),
            Route::Report(Country::Norway)
        );
        assert_eq!(
            Route::parse("/reports/norway#findings"),
            Route::Report(Country::Norway)
        );
        assert_eq!(Route::parse("/hong-kong?x=1"), Route::HongKong);
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("//"), Route::Home);
    }

    #[test]
    fn anything_else_is_not_found() {
        for path in [
            "/reports/chile",
            "/reports/norway/extra",
            "/Policy",
            "/policy.html",
            "/index.html",
            "/404",
        ] {
            assert_eq!(Route::parse(path), Route::NotFound, "{path}");
        }
    }

    #[test]
    fn base_path_is_normalised_and_applied() {
        let base = BasePath::new("rights");
        assert_eq!(base.as_str(), "/rights/");
        assert_eq!(BasePath::new("/rights/").as_str(), "/rights/");
        assert_eq!(BasePath::new("").as_str(), "/");
        assert_eq!(Route::Policy.href(&base), "/rights/policy/");
        assert_eq!(Route::Home.href(&base), "/rights/");
        assert_eq!(Route::Home.href(&BasePath::root()), "/");
        assert_eq!(
            Route::parse_with_base("/rights/reports/norway/", &base),
            Route::Report(Country::Norway)
        );
        assert_eq!(Route::parse_with_base("/rights", &base), Route::Home);
        assert_eq!(
            Route::parse_with_base("/rightsx/policy", &base),
            Route::NotFound
        );
        assert_eq!(Route::parse_with_base("/policy", &base), Route::NotFound);
    }

    #[test]
    fn editors_links_become_canonical() {
        let base = BasePath::new("/rights/");
        let root = BasePath::root();
        assert_eq!(
            Route::canonical_href("/policy#levels", &root),
            "/policy/#levels"
        );
        assert_eq!(
            Route::canonical_href("/reports/norway/", &base),
            "/rights/reports/norway/"
        );
        assert_eq!(Route::canonical_href("/", &base), "/rights/");
        assert_eq!(Route::canonical_href("/#explore", &root), "/#explore");
        assert_eq!(
            Route::canonical_href("/hong-kong?x=1#police", &root),
            "/hong-kong/?x=1#police"
        );
        assert_eq!(Route::canonical_href("/nowhere", &base), "/rights/nowhere");
    }

    #[test]
    fn slugs_map_both_ways_and_are_unique() {
        for route in Route::with_content() {
            let (folder, slug) = route.slug();
            assert_eq!(Route::from_slug(folder, slug), Some(route));
        }
        // The report and the focus page share a slug in different folders.
        assert_eq!(
            Route::from_slug(Folder::Reports, "hong-kong"),
            Some(Route::Report(Country::HongKong))
        );
        assert_eq!(
            Route::from_slug(Folder::Top, "hong-kong"),
            Some(Route::HongKong)
        );
        assert_eq!(Route::from_slug(Folder::Reports, "chile"), None);
    }

    #[test]
    fn output_files_cover_every_route_once() {
        let files: Vec<String> = Route::with_content().map(Route::output_file).collect();
        assert_eq!(files[0], "index.html");
        assert!(files.contains(&"reports/hong-kong/index.html".to_string()));
        assert!(files.contains(&"404.html".to_string()));
        let mut unique = files.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), files.len());
    }

    #[test]
    fn navigation_breadcrumbs_and_neighbours() {
        assert_eq!(
            Route::Report(Country::Norway).nav_section(),
            Some(Route::Reports)
        );
        assert_eq!(
            Route::Report(Country::Norway).parent(),
            Some(Route::Reports)
        );
        assert_eq!(Route::Policy.parent(), Some(Route::Home));
        assert_eq!(Route::Home.parent(), None);
        assert_eq!(
            Route::Report(Country::Argentina).report_neighbours(),
            (None, Some(Route::Report(Country::HongKong)))
        );
        assert_eq!(
            Route::Report(Country::PapuaNewGuinea).report_neighbours(),
            (Some(Route::Report(Country::Norway)), None)
        );
        assert_eq!(Route::Policy.report_neighbours(), (None, None));
    }
}

#[cfg(test)]
mod edition_tests {
    use super::*;

    const CODES: [&str; 2] = ["en", "zh-hk"];

    #[test]
    fn the_first_edition_is_at_the_root_and_the_others_under_their_code() {
        assert_eq!(split_edition("/policy/", &CODES), (0, "/policy/"));
        assert_eq!(split_edition("/", &CODES), (0, "/"));
        assert_eq!(split_edition("/zh-hk/policy/", &CODES), (1, "/policy/"));
        assert_eq!(split_edition("/zh-hk/", &CODES), (1, "/"));
        assert_eq!(split_edition("/zh-hk", &CODES), (1, "/"));
        assert_eq!(split_edition("/zh-hk?x=1", &CODES), (1, "/"));
        assert_eq!(split_edition("/zh-hk/nowhere", &CODES), (1, "/nowhere"));
        // Only a whole segment names an edition.
        assert_eq!(split_edition("/zh-hkx/", &CODES), (0, "/zh-hkx/"));
        // The default edition has no path of its own.
        assert_eq!(split_edition("/en/policy/", &CODES), (0, "/en/policy/"));
        assert_eq!(
            Route::parse(split_edition("/zh-hk/reports/norway", &CODES).1),
            Route::Report(Country::Norway)
        );
    }

    #[test]
    fn each_edition_has_its_base() {
        let root = BasePath::root();
        assert_eq!(edition_base(&root, &CODES, 0).as_str(), "/");
        assert_eq!(edition_base(&root, &CODES, 1).as_str(), "/zh-hk/");
        let sub = BasePath::new("/rights/");
        assert_eq!(edition_base(&sub, &CODES, 1).as_str(), "/rights/zh-hk/");
        assert_eq!(
            Route::Policy.href(&edition_base(&sub, &CODES, 1)),
            "/rights/zh-hk/policy/"
        );
    }
}
