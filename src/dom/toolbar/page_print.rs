//! The toolbar's article as printed (`parts::page_copy`), and for Print in its frame
//! (`parts::print`): made at once where this module has the sanitizing walker (a page with
//! widgets too), else by the print module, which the loader fetches on the first call.

use web_sys::{Element, ShadowRoot};

use crate::dom::parts::ctx::Ctx;
use crate::dom::parts::page_copy::{CopyWords, Label};
use crate::dom::parts::print::Frame;

/// What the printed article says in the toolbar's language.
pub fn words(ctx: &Ctx) -> CopyWords {
    let label = |id| {
        let (text, lang) = ctx.message(id, &[]);
        Label { text, lang }
    };
    CopyWords {
        date: label("print-date-label"),
        source: label("print-source-label"),
        ui_lang: ctx.ui_lang.clone(),
    }
}

/// The console's line for a print frame that could not be made or printed.
pub fn failed(error: wasm_bindgen::JsValue) -> String {
    let mut message = String::from("print failed: ");
    crate::contract::MountError::from(error).write_to(&mut message);
    message
}

/// The printed article made for a request: for Print preview, the article; for Print, a frame
/// that holds it.
pub enum Made {
    Article(Element),
    Frame(Frame),
}

/// What to print from: the page's article, in `lang`, labelled in `words`; for Print, the
/// frame's place (the toolbar's shadow root).
pub struct Request<'a> {
    pub target: &'a Element,
    pub lang: &'a str,
    pub words: CopyWords,
    pub frame: Option<&'a ShadowRoot>,
}

/// Calls `done` with what `request` asks for, or why there is none (for the console).
pub fn make(request: Request, done: impl FnOnce(Result<Made, String>) + 'static) {
    let doc = match request.target.owner_document() {
        Some(doc) => doc,
        None => return done(Err("the article has no document".into())),
    };
    #[cfg(feature = "widget")]
    {
        use crate::dom::parts::{page_copy, print};
        let (copy, title) =
            page_copy::article_copy(&doc, request.target, request.lang, &request.words);
        done(match request.frame {
            None => Ok(Made::Article(copy)),
            Some(shadow) => print::frame(shadow, &copy, request.lang, &title)
                .map(Made::Frame)
                .map_err(failed),
        })
    }
    #[cfg(not(feature = "widget"))]
    {
        use crate::dom::page::tools;
        use crate::dom::parts::later;
        use js_sys::Array;
        use wasm_bindgen::{JsCast, JsValue};

        let input = Array::of4(
            &doc,
            request.target,
            &JsValue::from_str(request.lang),
            &request.words.to_js(),
        );
        let for_print = request.frame.is_some();
        let name = match &request.frame {
            None => "articleCopy",
            Some(shadow) => {
                input.push(shadow);
                "printFrame"
            }
        };
        let why = |reply: &JsValue| {
            let text = reply
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .or_else(|| reply.as_string());
            ["the print module gave no copy: ", &text.unwrap_or_default()].concat()
        };
        match tools::call(name, &input) {
            Some(Ok(promise)) => later::after(promise, move |reply| {
                // What the print module builds, and nothing else: the frame or the element asked for.
                let made = if for_print {
                    let frame = reply.dyn_ref::<web_sys::HtmlIFrameElement>();
                    frame.map(|frame| Made::Frame(Frame::adopt(frame.clone())))
                } else {
                    reply.dyn_ref::<Element>().cloned().map(Made::Article)
                };
                done(made.ok_or_else(|| why(&reply)))
            }),
            Some(Err(thrown)) => done(Err(why(&thrown))),
            None => done(Err(
                "the module was started without the loader, which runs the print module".into(),
            )),
        }
    }
}
