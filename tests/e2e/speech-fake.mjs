// A scripted speechSynthesis for the end-to-end tests of reading aloud: speech cannot be heard in
// CI, so the page's `speechSynthesis` and `SpeechSynthesisUtterance` are replaced (before any
// script of the page runs: `page.addInitScript(fakeSpeech, options)`) by one that speaks nothing
// and records everything, and that the test drives: `__speech.end()` ends the utterance being
// spoken, `__speech.fail(name)` fails it, `__speech.setVoices(list)` changes the device's voices.
//
// It behaves as the platforms do where it matters: one utterance at a time from a queue,
// `cancel()` empties the queue and fires `error` ("interrupted", later), `pause()` holds the
// utterance (or, with `pauseCancels`, drops it with an `error` as Android does), `getVoices()`
// may be empty until a `voiceschanged` (`voicesLater`: after that many ms; `voicesNever`: never).
//
// Recorded in `window.__speech`: `spoken` (every utterance started: text, lang, voiceURI, rate,
// and `live`, whether the live region's text changed while it was spoken), `calls` (speak,
// cancel, pause, resume in order), `listen` (the news-widget:listenchange states), and `silent`
// (how many utterances without text were spoken: they say nothing and end at once, as the
// platforms' do).

export const VOICES = {
  zh: { voiceURI: "Tingting", name: "Tingting", lang: "zh-CN", localService: true, default: false },
  ko: { voiceURI: "Yuna", name: "Yuna", lang: "ko-KR", localService: true, default: false },
  en: { voiceURI: "Samantha", name: "Samantha", lang: "en-US", localService: true, default: true },
};

/** The init script; `options`: { voices, voicesLater, voicesNever, pauseCancels, none }. */
export function fakeSpeech(options) {
  const { voices = [], voicesLater = 0, voicesNever = false, pauseCancels = false, none = false } = options || {};
  const record = (window.__speech = { spoken: [], calls: [], listen: [], silent: 0, liveChanges: 0 });
  document.addEventListener("news-widget:listenchange", (e) => record.listen.push(e.detail.state));
  if (none) {
    delete window.speechSynthesis;
    delete window.SpeechSynthesisUtterance;
    window.speechSynthesis = undefined;
    window.SpeechSynthesisUtterance = undefined;
    return;
  }
  let list = voicesLater || voicesNever ? [] : voices;
  const later = (f) => setTimeout(f, 0);

  class Utterance extends EventTarget {
    constructor(text) {
      super();
      this.text = text;
      this.lang = "";
      this.voice = null;
      this.rate = 1;
      this.onend = null;
      this.onerror = null;
    }
  }
  const fire = (u, type, error) => {
    const event = new Event(type);
    if (error) event.error = error;
    if (u["on" + type]) u["on" + type](event);
    u.dispatchEvent(event);
  };

  const queue = [];
  let current = null;
  let paused = false;
  const next = () => {
    if (current || paused || !queue.length) return;
    current = queue.shift();
    const entry = {
      text: current.text,
      lang: current.lang,
      voiceURI: current.voice && current.voice.voiceURI,
      rate: current.rate,
      live: false,
    };
    record.spoken.push(entry);
    current.entry = entry;
    later(() => fire(current, "start"));
  };
  class Synth extends EventTarget {
    getVoices() {
      return list.slice();
    }
    speak(u) {
      if (u.text === "") {
        record.silent += 1;
        return void later(() => fire(u, "end"));
      }
      record.calls.push("speak");
      queue.push(u);
      next();
    }
    cancel() {
      record.calls.push("cancel");
      const gone = (current ? [current] : []).concat(queue.splice(0));
      current = null;
      gone.forEach((u) => later(() => fire(u, "error", "interrupted")));
    }
    pause() {
      record.calls.push("pause");
      if (pauseCancels) {
        // Android: the utterance is dropped, and the synthesizer is not paused.
        const u = current;
        current = null;
        if (u) later(() => fire(u, "error", "interrupted"));
        return;
      }
      paused = true;
    }
    resume() {
      record.calls.push("resume");
      paused = false;
      next();
    }
    get speaking() {
      return !!current;
    }
    get paused() {
      return paused;
    }
    get pending() {
      return queue.length > 0;
    }
  }
  const synth = new Synth();
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
  Object.defineProperty(window, "SpeechSynthesisUtterance", { value: Utterance, configurable: true });
  if (voicesLater) {
    setTimeout(() => {
      list = voices;
      synth.dispatchEvent(new Event("voiceschanged"));
    }, voicesLater);
  }

  record.end = () => {
    const u = current;
    if (!u) return false;
    current = null;
    fire(u, "end");
    next();
    return true;
  };
  record.fail = (name) => {
    const u = current;
    if (!u) return false;
    current = null;
    fire(u, "error", name);
    next();
    return true;
  };
  record.setVoices = (more) => {
    list = more;
    synth.dispatchEvent(new Event("voiceschanged"));
  };
  record.current = () => current && current.text;
  // Whether the live region of a widget or toolbar changes while an utterance is spoken (not
  // while it is paused: the voice is silent then).
  const watch = new MutationObserver(() => {
    if (current && current.entry && !paused) {
      current.entry.live = true;
      record.liveChanges++;
    }
  });
  const observeLive = () => {
    for (const host of document.querySelectorAll("[data-news-widget], news-widget, news-widget-toolbar, [data-news-widget-toolbar]")) {
      const live = host.shadowRoot && host.shadowRoot.querySelector("[aria-live]");
      if (live && !live.__watched) {
        live.__watched = true;
        watch.observe(live, { childList: true, characterData: true, subtree: true });
      }
    }
  };
  setInterval(observeLive, 50);
}
