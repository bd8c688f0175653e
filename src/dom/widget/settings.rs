//! The reader's settings: the font step (shared by every widget on the site) and the language,
//! with the run-time Fluent resources that a language may need.

use std::rc::{Rc, Weak};

use fluent_bundle::FluentValue;
use unic_langid::LanguageIdentifier;
use web_sys::AbortController;

use super::super::fetch::FetchOptions;
use super::super::load::LoadError;
use super::super::{load, render, storage};
use super::{log_i18n, warn, Widget};
use crate::i18n;
use crate::i18n::I18nError;
use crate::prefs::{FontStep, FONT_STEP_KEY, LANGUAGE_KEY};

impl Widget {
    pub fn font(&self) -> FontStep {
        self.state.borrow().font
    }

    /// The reader (or the API) changed the font step: apply here, remember it site-wide and
    /// tell every other instance on the page.
    pub fn set_font(self: &Rc<Self>, step: FontStep) {
        storage::write(FONT_STEP_KEY, &step.to_stored());
        self.apply_font(step, true);
        crate::dom::embed::for_each_other(self, |other| other.apply_font(step, false));
        crate::dom::toolbar::follow_font(step, None);
    }

    pub fn apply_font(&self, step: FontStep, announce: bool) {
        let changed = self.font() != step;
        if !changed && !announce {
            return;
        }
        self.state.borrow_mut().font = step;
        let _ = self
            .root
            .style()
            .set_property("--nw-scale", &step.scale_css());
        render::update_font_buttons(&self.root, step);
        if announce {
            let text = self.l10n.borrow().format(
                "font-size-changed",
                &[("percent", FluentValue::from(step.percent_text()))],
                &mut Vec::new(),
            );
            self.announce(&text.text);
        }
        // Pressing + at 200 % still says the size; only a change is an event.
        if !changed {
            return;
        }
        let scale = step.per_mille() as f64 / 1000.0;
        self.emit(
            "news-widget:fontsizechange",
            &[("step", step.value().into()), ("scale", scale.into())],
        );
    }

    pub fn language(&self) -> String {
        self.l10n.borrow().locale().to_string()
    }

    /// The reader picked a language: it becomes the site-wide choice.
    pub fn choose_language(self: &Rc<Self>, tag: &str) {
        if i18n::parse_tag(tag).is_err() {
            warn(
                &I18nError::InvalidTag {
                    tag: tag.to_string(),
                }
                .to_string(),
            );
            return;
        }
        storage::write(LANGUAGE_KEY, tag);
        self.change_language(tag, true);
        let tag = tag.to_string();
        crate::dom::embed::for_each_other(self, move |other| {
            if other.options.lang.is_none() {
                other.change_language(&tag, false);
            }
        });
    }

    /// Switches the UI (and the articles, where they have it) to `tag`, fetching a run-time
    /// resource first when the `locales` option offers one.
    pub fn change_language(self: &Rc<Self>, tag: &str, announce: bool) {
        let Ok(requested) = i18n::parse_tag(tag) else {
            warn(
                &I18nError::InvalidTag {
                    tag: tag.to_string(),
                }
                .to_string(),
            );
            return;
        };
        let target = i18n::resolve_choice(&requested, &self.catalog.borrow().locales());
        let generation = self.language_generation.get().wrapping_add(1);
        self.language_generation.set(generation);
        *self.wanted.borrow_mut() = target.clone();
        match self.claim_locale_fetch(&target) {
            Some(url) => {
                let weak: Weak<Widget> = Rc::downgrade(self);
                let controller = AbortController::new().ok();
                let signal = controller.as_ref().map(|c| c.signal());
                if let Some(c) = controller {
                    self.requests.borrow_mut().push(c);
                }
                let timeout_ms = self.options.timeout_ms;
                wasm_bindgen_futures::spawn_local(async move {
                    let how = FetchOptions {
                        signal: signal.as_ref(),
                        timeout_ms,
                        revalidate: false,
                    };
                    let resource = load::fetch_text(&url, how).await;
                    let Some(w) = weak.upgrade().filter(|w| !w.destroyed.get()) else {
                        return;
                    };
                    w.add_resource(&target, resource);
                    // A later choice made this one moot; the resource stays for later.
                    if w.language_generation.get() != generation {
                        return;
                    }
                    w.apply_language(&target, announce);
                });
            }
            None => self.apply_language(&target, announce),
        }
    }

    /// Returns the URL to fetch for `locale` if the `locales` option is set and this locale's
    /// resource was not requested yet (and marks it requested).
    pub(super) fn claim_locale_fetch(&self, locale: &LanguageIdentifier) -> Option<String> {
        let template = self.options.locales.as_ref()?;
        let mut fetched = self.fetched_locales.borrow_mut();
        if fetched.contains(locale) {
            return None;
        }
        fetched.push(locale.clone());
        let url = template.replace("{locale}", &locale.to_string());
        let base = self.doc.base_uri().ok().flatten().unwrap_or_default();
        web_sys::Url::new_with_base(&url, &base)
            .ok()
            .map(|u| u.href())
    }

    pub(super) fn add_resource(
        &self,
        locale: &LanguageIdentifier,
        resource: Result<String, LoadError>,
    ) {
        match resource {
            Ok(text) => {
                let mut errors = Vec::new();
                self.catalog
                    .borrow_mut()
                    .add_source(locale.clone(), text, &mut errors);
                log_i18n(&errors);
                if let Some(first) = errors.first() {
                    self.emit(
                        "news-widget:error",
                        &[
                            ("kind", "locale".into()),
                            ("message", first.to_string().into()),
                        ],
                    );
                }
            }
            // A site without a resource for a built-in language is normal; say it quietly.
            // A request that never completed (aborted, offline) may be tried again later.
            Err(error) => {
                if matches!(error, LoadError::Network { .. }) {
                    self.fetched_locales.borrow_mut().retain(|l| l != locale);
                }
                warn(&format!("no extra Fluent resource for {locale}: {error}"));
            }
        }
    }

    pub(super) fn rebuild_localizer(&self, locale: &LanguageIdentifier) {
        let catalog = self.catalog.borrow();
        // A locale that did not load falls back to negotiation among what is there.
        let effective = if catalog.has_locale(locale) {
            locale.clone()
        } else {
            i18n::negotiate_locale(&[&locale.to_string()], &catalog.locales())
        };
        *self.l10n.borrow_mut() = catalog.localizer(&effective);
    }

    pub(super) fn apply_language(self: &Rc<Self>, locale: &LanguageIdentifier, announce: bool) {
        let before = self.language();
        self.rebuild_localizer(locale);
        let language = self.language();
        if language == before {
            return;
        }
        let _ = self.root.set_attribute("lang", &language);
        self.render();
        self.follow_feed_language();
        if announce {
            let endonym = self
                .languages()
                .into_iter()
                .find(|c| c.tag == language)
                .map(|c| c.endonym)
                .unwrap_or_else(|| language.clone());
            let text = self.l10n.borrow().format(
                "language-changed",
                &[("language", FluentValue::from(endonym))],
                &mut Vec::new(),
            );
            self.announce(&text.text);
        }
        self.emit(
            "news-widget:languagechange",
            &[("language", language.into())],
        );
    }
}
