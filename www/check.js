// The feed checker: reads a feed (URL or file) with NewsWidget.validateFeed, shows the report,
// and mounts the widget on the same feed beside it.
(function () {
  "use strict";
  var form = document.getElementById("check-form");
  var urlInput = document.getElementById("feed-url");
  var fileInput = document.getElementById("feed-file");
  var drop = document.getElementById("drop");
  var reportBox = document.getElementById("report");
  var preview = document.getElementById("preview");
  var handle = null;
  var objectUrl = null;

  function el(name, text, className) {
    var e = document.createElement(name);
    if (text !== undefined) e.textContent = text;
    if (className) e.className = className;
    return e;
  }

  function list(title, entries, dl) {
    dl.appendChild(el("dt", title + " (" + entries.length + ")"));
    var dd = el("dd");
    if (entries.length) {
      var ul = el("ul");
      entries.forEach(function (t) { ul.appendChild(el("li", t)); });
      dd.appendChild(ul);
    } else {
      dd.textContent = "none";
    }
    dl.appendChild(dd);
  }

  function show(report) {
    var dl = el("dl", undefined, "report");
    [["Format", report.format], ["Charset", report.charset + " (from " + report.charsetSource + ")"],
     ["Title", report.title || "—"], ["Language", report.language || "not given"],
     ["Items shown", String(report.items)], ["Items skipped", String(report.skipped)]]
      .forEach(function (row) { dl.appendChild(el("dt", row[0])); dl.appendChild(el("dd", row[1])); });
    dl.appendChild(el("dt", "First items"));
    var first = el("dd");
    var ol = el("ol");
    report.first.forEach(function (item) { ol.appendChild(el("li", item.title + (item.date ? " — " + item.date : ""))); });
    first.appendChild(ol);
    dl.appendChild(first);
    list("Notes on the whole feed", report.notes, dl);
    list("Repairs", report.repairs, dl);
    list("Skipped items", report.skips, dl);
    reportBox.replaceChildren(dl);
  }

  function fail(error) {
    var p = el("p", "This feed cannot be read: " + (error && error.message || error), "bad");
    reportBox.replaceChildren(p);
  }

  function mountPreview(feedUrl) {
    if (handle) { handle.destroy(); handle = null; }
    var host = el("div");
    preview.replaceChildren(host);
    NewsWidget.mount(host, { feed: feedUrl, pageSize: 5 }).then(function (h) { handle = h; });
  }

  function checkBytes(bytes, options, feedUrl) {
    reportBox.replaceChildren(el("p", "Reading…"));
    return NewsWidget.validateFeed(bytes, options).then(show, fail).then(function () { mountPreview(feedUrl); });
  }

  function checkUrl(url) {
    var absolute = new URL(url, document.baseURI).href;
    reportBox.replaceChildren(el("p", "Fetching " + absolute + "…"));
    fetch(absolute).then(function (response) {
      if (!response.ok) throw new Error("HTTP status " + response.status);
      return NewsWidget.validateFeed(response, { url: absolute }).then(show, fail);
    }).catch(function (error) {
      fail(error instanceof TypeError ? new Error("the request failed (offline, or the server does not allow this page to read it: CORS)") : error);
    }).then(function () { mountPreview(absolute); });
  }

  function checkFile(file) {
    if (objectUrl) URL.revokeObjectURL(objectUrl);
    objectUrl = URL.createObjectURL(file);
    file.arrayBuffer().then(function (buffer) {
      return checkBytes(buffer, { url: objectUrl, contentType: file.type || undefined }, objectUrl);
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (urlInput.value.trim()) {
      history.replaceState(null, "", "?url=" + encodeURIComponent(urlInput.value.trim()));
      checkUrl(urlInput.value.trim());
    }
  });
  fileInput.addEventListener("change", function () {
    if (fileInput.files[0]) checkFile(fileInput.files[0]);
  });
  drop.addEventListener("dragover", function (event) { event.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", function () { drop.classList.remove("over"); });
  drop.addEventListener("drop", function (event) {
    event.preventDefault();
    drop.classList.remove("over");
    var file = event.dataTransfer.files[0];
    if (file) checkFile(file);
  });

  var start = new URLSearchParams(location.search).get("url");
  if (start) {
    urlInput.value = start;
    checkUrl(start);
  }
})();
