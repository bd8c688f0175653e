// A trap (a panic, a stack overflow, any exception thrown through the module's frames) leaves
// the instance unusable: the borrows it held stay held. It surfaces as an exception out of a
// call the loader makes (a mount, a handle's method, validateFeed) or as an error event on the
// window (a listener, a futures task). Whether it went through the running instance, its
// shadow stack pointer says, read once the JS stack is empty (inside a call it is lower): a
// trap leaves it below where it rests between calls, whatever the error's type, and the page's
// own errors leave it where it was. The dead instance gets its stack back and is halted
// (src/dom/halt.rs), and is kept with its handles (a handle collected would run its teardown
// on a shadow root that a fresh instance uses); each element it had shows the crash state and
// hears news-widget:error with kind "crash"; Retry mounts them all, with their options, on a
// fresh instance.
import { CRASH_ERROR } from "./contract.js";
import { scaleAfterCrash, unadopt } from "./early-style.js";
import { entries } from "./entries.js";
import { retire, running } from "./modules.js";
import { attach, emit, report } from "./mount.js";
import { add } from "./placeholder.js";

var dead = [];
var CRASH_TEXT = {
  en: ["Something went wrong.", "Try again"],
  zh: ["出现错误。", "重试"],
  ko: ["오류가 발생했습니다.", "다시 시도"],
};

// Runs a call into `instance`. An exception that leaves the stack pointer below where the call
// found it went through the module's frames: the caller gets it with kind "crash" at once,
// even from a listener that the module's own call runs (a page's listener of its events).
export function guard(instance, call) {
  var before = instance.sp.value;
  try {
    return call();
  } catch (error) {
    if (instance.sp.value !== before) instance.trapped = crashed(error);
    suspect(instance, error);
    throw error;
  }
}

function crashed(error) {
  if (error instanceof Object && !error.kind) error.kind = CRASH_ERROR;
  return true;
}

export function suspect(instance, error) {
  return Promise.resolve().then(function () {
    if (!instance.dead && (instance.trapped || instance.sp.value !== instance.rest)) die(instance, error);
  });
}

// Any instance may have trapped in a listener or a task: the window hears it.
export function watchForTraps() {
  window.addEventListener("error", function (event) {
    running.forEach(function (instance) { suspect(instance, event.error); });
  });
  window.addEventListener("unhandledrejection", function (event) {
    running.forEach(function (instance) { suspect(instance, event.reason); });
  });
}

function die(instance, error) {
  instance.dead = true;
  dead.push(instance);
  retire(instance);
  instance.sp.value = instance.rest;
  instance.glue.halt();
  crashed(error);
  console.error("news-widget: the module trapped:", error);
  entries.forEach(function (entry) {
    if (entry.instance !== instance) return;
    dead.push(entry.handle);
    entry.handle = null;
    entry.crashed = true;
    if (entry.toolbar) {
      // The article stays at the reader's size, by the loader's sheet as before a mount.
      unadopt(entry.sheets);
      scaleAfterCrash(entry.element, entry.target);
    }
    var message = CRASH_TEXT.en[0];
    try {
      message = showCrash(entry.element);
    } catch (e) {
      // A host that takes no shadow root (the trap came before the module claimed one).
    }
    emit(entry.element, CRASH_ERROR, message);
  });
}

// The crash state, in the language the element spoke (else the page's): its message and
// Retry, as the widget's own error state, whose stylesheet stays adopted. Returns the message.
function showCrash(element) {
  var shadow = element.shadowRoot || element.attachShadow({ mode: "open" });
  var spoke = shadow.querySelector("[lang]");
  var lang = (spoke && spoke.lang || document.documentElement.lang || navigator.language).slice(0, 2).toLowerCase();
  var text = CRASH_TEXT[lang] || CRASH_TEXT[lang = "en"];
  var focused = shadow.activeElement;
  shadow.replaceChildren();
  var box = add(add(shadow, "div", { class: "nw", lang: lang }), "div", { class: "state", part: "error", role: "alert" });
  add(box, "p", { class: "state-message", "data-kind": "error" }, text[0]);
  var retry = add(box, "button", { type: "button", part: "retry" }, text[1]);
  retry.addEventListener("click", restart);
  if (focused) retry.focus();
  return text[0];
}

// Retry: every element in its crash state, mounted again with its options. (A second click
// before they are back mounts nothing twice: the module keeps one widget per element.)
function restart() {
  entries.forEach(function (entry) {
    var element = entry.element;
    if (entry.crashed) attach(element, entry.options, entry.toolbar).catch(function (error) { report(element, error); });
  });
}
