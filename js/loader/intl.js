// The browser's `Intl` made ready while a page's module downloads. A page's first Intl object
// costs the main thread ICU's set-up, shared by every later one whatever its locale: 15 to 30 ms
// on a desktop and 50 to 100 ms at a phone's CPU (Chromium, 4x slowdown), after which another of
// the same kind costs under 1 ms and of the other kind under 15 ms. Made in the wait for the
// download, it is not paid between the module's arrival and what the reader waits for: the
// cards' dates (a widget) or the toolbar's speeds (numbers). docs/benchmarks.md has what it saves.
var warmed = false;

export function warmIntl(name) {
  if (warmed || typeof Intl !== "object") return;
  warmed = true;
  setTimeout(function () {
    try {
      var lang = document.documentElement.lang || undefined;
      // The widget's date format (src/dom/parts/intl.rs); numbers for both (src/i18n/intl.rs).
      if (name !== "toolbar") new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" }).format(0);
      new Intl.NumberFormat(lang).format(1);
    } catch (error) {
      // A tag or option this browser refuses: the module makes its own, as without this.
    }
  }, 0);
}
