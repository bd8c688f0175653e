// Reading aloud's calls to the browser, imported by the wasm (src/dom/parts/speech.rs) and bundled
// into the glue by scripts/build.sh, as js/net.js is: `speechSynthesis`, the CSS Custom Highlight
// API and the walk over the article's text cost less here than as wasm imports with their glue.
// What is read, by which voice, when, and what is highlighted is decided in Rust (src/listen/,
// tested natively); what is left here is the browsers' quirks:
// - an utterance that nothing references may be collected before it ends, and then fires no
//   event (Chrome): each is held here until it is done;
// - some voices (those on a server) may fire neither `end` nor `error`: a watch counts an
//   utterance as ended once it has long had its time and the synthesizer is quiet;
// - `cancel()` fires `error` late or not at all: the utterances it silences are done at once, as
//   interrupted, and their late events change nothing;
// - Chrome keeps a paused synthesizer paused through `cancel()`: it is resumed;
// - a page's own `speechSynthesis` (a polyfill) may throw from a setter or `speak()`: that
//   utterance fails, as with the synthesizer's own errors, and never the module.
// Every timer here is cleared when its utterance is done, and `cancel()` does every utterance.

// The highlight's name in the page's registry: `::highlight(news-widget-reading)` styles it.
const NAME = "news-widget-reading";
// The utterances handed to the synthesizer and not yet done, each with what finishes it.
const live = new Map();

// The synthesizer, or undefined where the browser has none.
export function synth() {
  return window.SpeechSynthesisUtterance ? window.speechSynthesis : undefined;
}

// The device's voices, five values each (src/dom/parts/speech.rs: device_voices).
export function voices() {
  return speechSynthesis.getVoices().flatMap((v) => [v.voiceURI, v.name, v.lang, v.localService, v.default]);
}

// Android's voices drop the utterance on `pause()`: resuming speaks the sentence again.
export function pauseCancels() {
  return /Android/.test(navigator.userAgent);
}

// Speaks `text` in `lang` with the voice whose voiceURI is `uri`, at `rate`. `done` is called
// once: with nothing when the utterance ended, or with the error's name (`voice-unavailable`
// when the voice is gone from the device). `watchMs`: how long it may take before the watch
// asks whether the synthesizer is still at it.
export function speak(text, lang, uri, rate, watchMs, done) {
  const voice = speechSynthesis.getVoices().find((v) => v.voiceURI === uri);
  let utterance;
  let timer;
  const finish = (error) => {
    if (!live.delete(utterance)) return;
    clearTimeout(timer);
    done(error);
  };
  const watch = () => {
    timer = setTimeout(() => (speechSynthesis.speaking ? watch() : finish()), watchMs);
  };
  try {
    if (!voice) throw "voice-unavailable";
    // Set through the setters (`Object.assign`), as a synthesizer of the page's may refuse.
    utterance = Object.assign(new SpeechSynthesisUtterance(text), {
      lang,
      voice,
      rate,
      onend: () => finish(),
      onerror: (event) => finish(event.error || "synthesis-failed"),
    });
    live.set(utterance, finish);
    watch();
    speechSynthesis.speak(utterance);
  } catch (error) {
    // A voice gone from the device, or a synthesizer that throws (a page's polyfill refusing
    // its own voice objects): this utterance fails, not the module (a throw into the wasm
    // would trap every widget of the page), and its answer comes later, as the synthesizer's
    // would, never inside this call.
    live.delete(utterance);
    clearTimeout(timer);
    Promise.resolve(typeof error == "string" ? error : "synthesis-failed").then(done);
  }
}

// WebKit speaks only once the page has spoken from a user's gesture, and the first utterance
// comes after the plan, not in the press of Listen: a silent one is spoken in the press, once.
// Not counted where the call is no gesture (a page's `listen()` on load): WebKit drops that
// one, and the reader's own press must still unlock. (Where the browser cannot tell, it is.)
let unlocked = false;
export function unlock() {
  if (unlocked) return;
  unlocked = !navigator.userActivation || navigator.userActivation.isActive;
  try {
    speechSynthesis.speak(Object.assign(new SpeechSynthesisUtterance(""), { volume: 0 }));
  } catch {
    // The utterances to come say what is wrong, each in its turn.
  }
}

export function cancel() {
  for (const finish of [...live.values()]) finish("interrupted");
  speechSynthesis.cancel();
  if (speechSynthesis.paused) speechSynthesis.resume();
}

export function pause() {
  speechSynthesis.pause();
}

export function resume() {
  speechSynthesis.resume();
}

// Calls `then` after `ms`; the number clears it (`clearTimeout`).
export function after(ms, then) {
  return setTimeout(then, ms);
}

// The text of `roots` (elements, in reading order) as the reading plan takes it: the text
// nodes, and their texts as bytes for the plan module (src/listen/wire.rs: the form's version,
// 1, then for each node 1 where it starts a block, else 0, its UTF-8 text's length as a
// little-endian u32, and the text). A node starts a block where it is a root's first, in another block than the text before
// it, or after a <br>. A block is the nearest element that is not laid out inline, as the page
// shows it. What is not shown, or is hidden from assistive technology, is not read.
const UNSAID = "script,style,noscript,template,[hidden],[aria-hidden=true],.sr-only";
const blockOf = (node) => {
  let element = node.parentElement;
  while (element.parentElement && /^inline|^contents|^ruby/.test(getComputedStyle(element).display)) element = element.parentElement;
  return element;
};
const encoder = new TextEncoder();
export function textRuns(roots) {
  const nodes = [];
  const parts = [];
  let size = 1;
  for (const root of roots) {
    let block = null;
    let broken = true;
    // SHOW_ELEMENT | SHOW_TEXT; an element not read is rejected with all it holds.
    const walker = document.createTreeWalker(root, 5, (node) =>
      node.nodeType === 1 && (node.matches(UNSAID) || (node.checkVisibility && !node.checkVisibility())) ? 2 : 1);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === 1) {
        if (node.localName === "br") broken = true;
        continue;
      }
      const within = blockOf(node);
      const text = encoder.encode(node.data);
      nodes.push(node);
      parts.push(broken || within !== block, text);
      size += 5 + text.length;
      block = within;
      broken = false;
    }
  }
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  bytes[0] = 1;
  for (let i = 0, at = 1; i < parts.length; i += 2, at += 5) {
    bytes[at] = parts[i] ? 1 : 0;
    view.setUint32(at + 1, parts[i + 1].length, true);
    bytes.set(parts[i + 1], at + 5);
    at += parts[i + 1].length;
  }
  return [nodes, bytes];
}

const shown = (range) => {
  const rect = range.getBoundingClientRect();
  return rect.bottom > 0 && rect.top < innerHeight;
};

// Highlights the stretches `spans` ([node, start, end] in threes, UTF-16 offsets) of `nodes`,
// and brings the first into view unless the reader scrolled the highlight before out of it.
// Returns the highlight (for `unhighlight`), or undefined where the browser has no Custom
// Highlight API, or where the text is no longer what was read (a node gone from the page, which
// would also send the scroll astray).
export function highlight(nodes, spans) {
  const registry = window.CSS && CSS.highlights;
  if (!registry) return undefined;
  const ranges = [];
  try {
    for (let i = 0; i < spans.length; i += 3) {
      if (!nodes[spans[i]].isConnected) return undefined;
      const range = new Range();
      range.setStart(nodes[spans[i]], spans[i + 1]);
      range.setEnd(nodes[spans[i]], spans[i + 2]);
      ranges.push(range);
    }
  } catch (error) {
    return undefined;
  }
  const before = registry.get(NAME);
  const follow = !before || [...before].some(shown);
  const mark = new Highlight(...ranges);
  registry.set(NAME, mark);
  const first = ranges[0];
  if (follow && first && !shown(first)) {
    first.startContainer.parentElement.scrollIntoView({ block: "nearest" });
    // A block taller than the window: the sentence itself, a third of the way down.
    if (!shown(first)) scrollBy(0, first.getBoundingClientRect().top - innerHeight / 3);
  }
  return mark;
}

// Takes the highlight `mark` away, unless another has taken its place.
export function unhighlight(mark) {
  const registry = window.CSS && CSS.highlights;
  if (registry && mark && registry.get(NAME) === mark) registry.delete(NAME);
}
