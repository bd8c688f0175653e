// Run-time Fluent resources (the `locales` option) are fetched and parsed once per page and
// shared by the widgets that ask for the same URL. Sharing must not change what each widget
// does on its own: each reports a resource's errors as news-widget:error from a later task (a
// listener added once mount() resolved hears it), and each request keeps its widget's timeout.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { newPage, setUp, waitForCards } from "./harness.mjs";

let env;
before(async () => { env = await setUp(); });
after(async () => { await env.close(); });

const helpers = () => {
  window.__make = (id) => {
    const host = Object.assign(document.createElement("div"), { id });
    document.querySelector("main").append(host);
    return host;
  };
  window.__cards = async (host) => {
    while (!host.shadowRoot || !host.shadowRoot.querySelector('[part~="card"]')) await new Promise((r) => setTimeout(r, 5));
  };
  window.__heading = (host) => host.shadowRoot.querySelector(".list-heading").textContent;
};

test("locales: a second widget of the page hears the shared resource's error like the first", async () => {
  const page = await newPage(env.browser);
  await page.route("**/broken/*.ftl", (route) => route.fulfill({
    contentType: "text/plain; charset=utf-8",
    body: "more = { $broken\n\ncards-heading = Checked heading\n",
  }));
  await page.addInitScript(helpers);
  await page.goto(`${env.url}/plain.html`);
  await waitForCards(page, "#widget");
  const heard = await page.evaluate(async () => {
    const heard = {};
    for (const id of ["first", "second"]) {
      const host = __make(id);
      heard[id] = [];
      await NewsWidget.mount(host, { feed: "feeds/changchun.json", lang: "en", locales: "broken/{locale}.ftl" });
      host.addEventListener("news-widget:error", (e) => heard[id].push(e.detail.kind));
      await __cards(host);
      await new Promise((r) => setTimeout(r, 100));
      heard[id + " heading"] = __heading(host);
    }
    return heard;
  });
  assert.deepEqual(heard, {
    first: ["locale"], "first heading": "Checked heading",
    second: ["locale"], "second heading": "Checked heading",
  });
  assert.deepEqual(page.errors, []);
});

test("locales: a shared resource request keeps each widget's timeout, and a timed-out one is asked for again", async () => {
  const page = await newPage(env.browser);
  let requests = 0;
  await page.route("**/slow/*.ftl", async (route) => {
    requests += 1;
    await new Promise((r) => setTimeout(r, 1500));
    await route.fulfill({ contentType: "text/plain; charset=utf-8", body: "cards-heading = Slow heading\n" }).catch(() => {});
  });
  await page.addInitScript(helpers);
  await page.goto(`${env.url}/plain.html`);
  await waitForCards(page, "#widget");
  const headings = await page.evaluate(async () => {
    const quick = __make("quick"), patient = __make("patient");
    const options = { feed: "feeds/changchun.json", lang: "en", locales: "slow/{locale}.ftl" };
    NewsWidget.mount(quick, { ...options, timeout: 0.5 });
    NewsWidget.mount(patient, { ...options, timeout: 10 });
    await __cards(quick);
    await __cards(patient);
    const later = __make("later");
    await new Promise((r) => setTimeout(r, 2500));
    await NewsWidget.mount(later, { ...options, timeout: 10 });
    await __cards(later);
    return { quick: __heading(quick), patient: __heading(patient), later: __heading(later) };
  });
  assert.deepEqual(headings, {
    quick: "Latest news", // its 0.5 s passed: the built-in words
    patient: "Slow heading", // 10 s is time enough for a 1.5 s answer
    later: "Slow heading", // a timeout is no answer to keep for the page: asked for again
  });
  assert.ok(requests >= 2, `${requests} requests`);
  assert.deepEqual(page.errors, []);
});
