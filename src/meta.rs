//! Per-page metadata (title, description, canonical URL, preview card), computed once here
//! for both the prerendered `<head>` and the title the app sets on client-side navigation.

use crate::content::{Bundle, fill};
use crate::routes::{BasePath, Route, edition_base};
use std::fmt;

/// The public address of the site: origin plus base path, e.g. `https://example.org/rights/`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SiteUrl {
    origin: String,
    base: BasePath,
}

#[derive(Debug, PartialEq, Eq)]
pub struct SiteUrlError(String);

impl fmt::Display for SiteUrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "SITE_URL {:?} must be an absolute http(s) address such as https://example.org/ or https://example.org/rights/, with no query or fragment",
            self.0
        )
    }
}

impl SiteUrl {
    pub fn parse(url: &str) -> Result<SiteUrl, SiteUrlError> {
        let err = || SiteUrlError(url.to_string());
        let (scheme, rest) = url.split_once("://").ok_or_else(err)?;
        if !(scheme == "https" || scheme == "http") || url.contains(['?', '#', ' ']) {
            return Err(err());
        }
        let (host, path) = match rest.find('/') {
            Some(i) => rest.split_at(i),
            None => (rest, "/"),
        };
        if host.is_empty() {
            return Err(err());
        }
        Ok(SiteUrl {
            origin: format!("{scheme}://{host}"),
            base: BasePath::new(path),
        })
    }

    pub fn base(&self) -> &BasePath {
        &self.base
    }

    /// The absolute URL of a root-relative path of the site.
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{}", self.origin, self.base.join(path))
    }
}

impl fmt::Display for SiteUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.origin, self.base.as_str())
    }
}

/// The file name of the share image in the output root.
pub const SHARE_IMAGE: &str = "share.png";
pub const SHARE_IMAGE_WIDTH: u32 = 1200;
pub const SHARE_IMAGE_HEIGHT: u32 = 630;

#[derive(Clone, Debug, PartialEq)]
pub struct PageMeta {
    /// The document title, unique per page.
    pub title: String,
    /// The page's own title, for previews (without the site name).
    pub heading: String,
    pub description: String,
    /// `None` for the not-found page, which must not be indexed.
    pub canonical: Option<String>,
    pub og_type: &'static str,
    pub site_name: String,
    pub locale: String,
    pub image: String,
    pub image_alt: String,
    /// The language of the page, e.g. `zh-Hant-HK`.
    pub lang: String,
    /// The same page in every edition, this one included, as `(hreflang, URL)`, then
    /// `x-default` for the default edition's. Empty on the not-found page.
    pub alternates: Vec<(String, String)>,
    /// The other editions' Open Graph locales.
    pub locale_alternates: Vec<String>,
}

/// A route's path in an edition of the bundle's site, e.g. `/zh-hk/policy/`.
pub fn edition_path(bundle: &Bundle, edition: usize, route: Route) -> String {
    edition_base(&BasePath::root(), &bundle.edition_codes(), edition).join(route.path())
}

/// The document title alone: what the app sets on client-side navigation.
pub fn page_title(bundle: &Bundle, route: Route) -> String {
    let page = bundle.page_or_not_found(route);
    let (site, words) = (&bundle.site, &bundle.words);
    match route {
        Route::Home => fill(
            &words.home_title,
            &[("site", &site.name), ("tagline", &site.tagline)],
        ),
        _ => fill(
            &words.page_title,
            &[("page", &page.title), ("site", &site.name)],
        ),
    }
}

pub fn page_meta(bundle: &Bundle, route: Route, site: &SiteUrl) -> PageMeta {
    let page = bundle.page_or_not_found(route);
    PageMeta {
        title: page_title(bundle, route),
        heading: page.title.clone(),
        description: page.description.clone(),
        canonical: (route != Route::NotFound)
            .then(|| site.absolute(&edition_path(bundle, bundle.edition, route))),
        og_type: match route {
            Route::Report(_) | Route::Policy => "article",
            _ => "website",
        },
        site_name: bundle.site.name.clone(),
        locale: bundle.site.locale.clone(),
        image: site.absolute(&format!("/{SHARE_IMAGE}")),
        image_alt: bundle.site.share_image_alt.clone(),
        lang: bundle.site.lang.clone(),
        alternates: if route == Route::NotFound || bundle.editions.len() < 2 {
            Vec::new()
        } else {
            let url = |edition| site.absolute(&edition_path(bundle, edition, route));
            bundle
                .editions
                .iter()
                .enumerate()
                .map(|(i, e)| (e.lang.clone(), url(i)))
                .chain([("x-default".to_string(), url(0))])
                .collect()
        },
        locale_alternates: bundle
            .editions
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != bundle.edition)
            .map(|(_, e)| e.locale.clone())
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::tests::sample_bundle;
    use crate::routes::Country;

    #[test]
    fn site_url_splits_origin_and_base() {
        let root = SiteUrl::parse("https://example.org").unwrap();
        assert_eq!(root.to_string(), "https://example.org/");
        assert_eq!(root.absolute("/policy"), "https://example.org/policy");
        let sub = SiteUrl::parse("https://example.org/rights").unwrap();
        assert_eq!(sub.to_string(), "https://example.org/rights/");
        assert_eq!(sub.base().as_str(), "/rights/");
        assert_eq!(sub.absolute("/"), "https://example.org/rights/");
        assert_eq!(
            sub.absolute("/reports/norway"),
            "https://example.org/rights/reports/norway"
        );
        let local = SiteUrl::parse("http://127.0.0.1:8080/").unwrap();
        assert_eq!(
            local.absolute("/share.png"),
            "http://127.0.0.1:8080/share.png"
        );
    }

    #[test]
    fn site_url_refuses_what_is_not_an_absolute_address() {
        for bad in [
            "example.org",
            "/rights/",
            "ftp://example.org/",
            "https://",
            "https://example.org/?x=1",
            "https://example.org/#top",
        ] {
            let err = SiteUrl::parse(bad).unwrap_err();
            assert!(err.to_string().contains("SITE_URL"), "{bad}");
        }
    }

    #[test]
    fn every_page_has_a_unique_title_and_its_own_canonical() {
        let bundle = sample_bundle();
        let site = SiteUrl::parse("https://example.org/rights/").unwrap();
        let metas: Vec<PageMeta> = Route::ALL
            .iter()
            .map(|r| page_meta(&bundle, *r, &site))
            .collect();
        let mut titles: Vec<&str> = metas.iter().map(|m| m.title.as_str()).collect();
        titles.sort();
        titles.dedup();
        assert_eq!(titles.len(), Route::ALL.len());
        let norway = page_meta(&bundle, Route::Report(Country::Norway), &site);
        assert_eq!(
            norway.title,
            "Title of /reports/norway/ – Rights of Sex Workers"
        );
        assert_eq!(norway.description, "About /reports/norway/");
        assert_eq!(
            norway.canonical.as_deref(),
            Some("https://example.org/rights/reports/norway/")
        );
        assert_eq!(norway.og_type, "article");
        assert_eq!(norway.image, "https://example.org/rights/share.png");
        let home = page_meta(&bundle, Route::Home, &site);
        assert_eq!(home.title, "Rights of Sex Workers: Policy and research");
        assert_eq!(
            home.canonical.as_deref(),
            Some("https://example.org/rights/")
        );
        assert_eq!(home.og_type, "website");
    }

    #[test]
    fn the_not_found_page_has_no_canonical() {
        let bundle = sample_bundle();
        let site = SiteUrl::parse("https://example.org/").unwrap();
        let meta = page_meta(&bundle, Route::NotFound, &site);
        assert_eq!(meta.canonical, None);
        assert_eq!(meta.title, "Title of /404 – Rights of Sex Workers");
    }
}
