//! The run-time `.ftl` compiler, which is not in this module: pages whose widgets name `locales`
//! have it run in the tools module (`page::tools`). A site's resource is compiled there and read
//! here (`i18n::runtime_resource`), so this module carries no FTL parser, and a trap in the
//! compiler ends the tools module's instance, not this one.

use std::rc::Rc;

use js_sys::{JsString, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::tools;
use crate::dom::net::js::js_detail;
use crate::dom::parts::later;
use crate::i18n::{self, Compiled, I18nError};
use crate::lang::LanguageIdentifier;
use crate::load_error::LoadError;

/// Calls `done` with a site's resource for `locale`, fetched from `file`, compiled in the tools
/// module and read here, with its problems; or, when the tools module could not be fetched,
/// with a network failure (asked for again later, as a resource's own request is).
pub fn compile(
    locale: &LanguageIdentifier,
    file: &str,
    source: &JsString,
    done: impl FnOnce(Result<(Rc<Compiled>, Vec<I18nError>), LoadError>) + 'static,
) {
    let Some(called) = tools::call("compile", source) else {
        let mut errors = Vec::new();
        let detail = "no compiler: the module was started without the loader".to_string();
        return done(Ok((
            i18n::uncompiled(locale, file, detail, &mut errors),
            errors,
        )));
    };
    let network = |e: &JsValue| LoadError::Network {
        detail: js_detail(e),
    };
    let promise = match called {
        Ok(promise) => promise,
        Err(error) => return done(Err(network(&error))),
    };
    let (locale, file) = (locale.clone(), file.to_string());
    later::after(promise, move |answer| {
        let mut errors = Vec::new();
        let resource = if let Some(bytes) = answer.dyn_ref::<Uint8Array>() {
            i18n::runtime_resource(&locale, &file, &bytes.to_vec(), &mut errors)
        } else if let Some(detail) = answer.as_string() {
            i18n::uncompiled(&locale, &file, detail, &mut errors)
        } else {
            return done(Err(network(&answer)));
        };
        done(Ok((resource, errors)));
    });
}
