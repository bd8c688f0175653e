//! The run-time `.ftl` compiler, which is not in this module: pages whose widgets name `locales`
//! get it as a module of its own (the tools module, `src/tools.rs`), which the loader fetches and
//! runs, handing this module the function that does so (`useTools`). A site's resource is
//! compiled there and read here (`i18n::runtime_resource`), so this module carries no FTL
//! parser, and a trap in the compiler ends the tools module's instance, not this one.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Function, JsString, Promise, Uint8Array};
use unic_langid::LanguageIdentifier;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::dom::net::js::js_detail;
use crate::i18n::{self, Compiled, I18nError};
use crate::load_error::LoadError;

thread_local! {
    static COMPILER: RefCell<Option<Function>> = const { RefCell::new(None) };
}

/// The loader's compiler: `compile(source)` resolves the answer's bytes (a `Uint8Array`), or a
/// string saying why the compiler gave none (its instance trapped), and rejects when the tools
/// module could not be fetched.
#[wasm_bindgen(js_name = useTools)]
pub fn use_tools(compile: Function) {
    COMPILER.with(|c| *c.borrow_mut() = Some(compile));
}

/// A site's resource for `locale`, fetched from `file`, compiled in the tools module and read
/// here, with its problems; or, when the tools module could not be fetched, a network failure
/// (asked for again later, as a resource's own request is).
pub async fn compile(
    locale: &LanguageIdentifier,
    file: &str,
    source: &JsString,
) -> Result<(Rc<Compiled>, Vec<I18nError>), LoadError> {
    let mut errors = Vec::new();
    let Some(compiler) = COMPILER.with(|c| c.borrow().clone()) else {
        let detail = "no compiler: the module was started without the loader".to_string();
        return Ok((i18n::uncompiled(locale, file, detail, &mut errors), errors));
    };
    let network = |e: JsValue| LoadError::Network {
        detail: js_detail(&e),
    };
    let promise: Promise = compiler
        .call1(&JsValue::UNDEFINED, source)
        .map_err(network)?
        .unchecked_into();
    let answer = JsFuture::from(promise).await.map_err(network)?;
    let resource = match answer.dyn_ref::<Uint8Array>() {
        Some(bytes) => i18n::runtime_resource(locale, file, &bytes.to_vec(), &mut errors),
        None => {
            let detail = answer.as_string().unwrap_or_default();
            i18n::uncompiled(locale, file, detail, &mut errors)
        }
    };
    Ok((resource, errors))
}
