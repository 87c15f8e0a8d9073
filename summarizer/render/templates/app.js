// The page of `summarize serve`: send one article as a job, follow its passes, show its report.
// Whatever the server sends is written with textContent, or as the srcdoc of the sandboxed report
// frame (which runs under this page's policy). The token lives in this tab's sessionStorage only.
(function () {
  "use strict";
  var KEY = "summarizer.token";
  var POLL_MS = 400;
  var byId = function (id) { return document.getElementById(id); };
  var form = byId("article-form"), tokenForm = byId("token-form"), errorBox = byId("error");
  var statusText = byId("status-text"), elapsed = byId("elapsed"), bar = byId("progress"), submit = byId("submit");
  var list = byId("recent-list"), empty = byId("recent-empty");
  var result = byId("result"), frame = byId("report"), resultTitle = byId("result-title");
  var shown = null; // the job whose report is shown: {id, title, summary, report}
  var following = null; // the id of the job being polled
  var wanted = null; // the job asked for last: an older answer arriving late is not shown
  var pending = null; // what to do again once a token is given

  function token() {
    try { return sessionStorage.getItem(KEY) || ""; } catch (e) { return ""; }
  }

  function api(method, path, body) {
    var headers = { Accept: "application/json" };
    if (token()) headers.Authorization = "Bearer " + token();
    var init = { method: method, headers: headers, cache: "no-store" };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (r) {
      var json = (r.headers.get("content-type") || "").indexOf("json") >= 0;
      var read = json ? r.json().catch(function () { return {}; }) : r.text();
      return read.then(function (data) { return { ok: r.ok, status: r.status, data: data }; });
    }, function () {
      return { ok: false, status: 0, data: {} };
    });
  }

  // One plain sentence for a refused request: what happened, then the server's own words.
  function problem(res) {
    var detail = (res.data && res.data.detail) || "";
    var lead = {
      0: "Could not reach the server: is summarize serve still running?",
      413: "The article is too long for this server",
      422: "The server could not use this article",
      429: "The queue is full",
      501: "This server cannot do that",
      502: "The model server failed",
      503: "The model is unavailable or the server is stopping",
    }[res.status] || "The server answered " + res.status;
    return detail ? lead + ": " + detail : lead + ".";
  }

  function showError(message) {
    errorBox.textContent = message;
    errorBox.hidden = false;
  }

  function hideError() {
    errorBox.hidden = true;
    errorBox.textContent = "";
  }

  // The status line (a live region: set only when it changes, so a screen reader hears each pass
  // once), the seconds beside it (not live), and the bar: done of total, no total = indeterminate.
  function status(text, done, total, clock) {
    if (statusText.textContent !== text) statusText.textContent = text;
    elapsed.textContent = clock || "";
    bar.hidden = !text || total === null;
    if (total === undefined) {
      bar.removeAttribute("value"); // indeterminate
    } else if (total !== null) {
      bar.max = total;
      bar.value = done;
    }
  }

  function askToken(res, retry) {
    var had = token() !== "";
    try { sessionStorage.removeItem(KEY); } catch (e) { /* storage off: asked every time */ }
    pending = retry;
    byId("token-why").textContent = had
      ? "The token was not accepted (" + ((res.data && res.data.detail) || "401") + "). Enter it again."
      : "This server needs its access token.";
    tokenForm.hidden = false;
    status("");
    byId("token").focus();
  }

  tokenForm.addEventListener("submit", function (event) {
    event.preventDefault();
    var value = byId("token").value.trim();
    if (!value) {
      byId("token").focus();
      return;
    }
    try { sessionStorage.setItem(KEY, value); } catch (e) { /* kept for this page only */ }
    byId("token").value = "";
    tokenForm.hidden = true;
    var again = pending;
    pending = null;
    if (again) again();
    else refreshList();
  });

  // --- the article form -----------------------------------------------------------------------

  function mode() {
    return form.querySelector("input[name=source]:checked").value;
  }

  function showMode() {
    var m = mode();
    form.querySelectorAll("[data-source]").forEach(function (el) { el.hidden = el.dataset.source !== m; });
  }

  form.querySelectorAll("input[name=source]").forEach(function (radio) {
    radio.addEventListener("change", showMode);
  });

  // The request body for the chosen source, or {error, field} saying what is missing.
  function build() {
    var m = mode();
    if (m === "text") {
      var text = byId("text").value;
      if (!text.trim()) return Promise.resolve({ error: "Paste the article's text first: the box is empty.", field: "text" });
      return Promise.resolve({ body: { text: text } });
    }
    if (m === "url") {
      var url = byId("url").value.trim();
      if (!/^https?:\/\/\S+$/i.test(url)) {
        return Promise.resolve({ error: "Give the address of the article's page, starting with http:// or https://.", field: "url" });
      }
      return Promise.resolve({ body: { url: url } });
    }
    var file = byId("file").files[0];
    if (!file) return Promise.resolve({ error: "Choose a .txt or .html file first.", field: "file" });
    return file.text().then(function (content) {
      var page = /\.x?html?$/i.test(file.name) || /^\s*<(!doctype html|html)/i.test(content);
      return { body: page ? { html: content } : { text: content } };
    }, function () {
      return { error: "Could not read " + file.name + ": choose it again.", field: "file" };
    });
  }

  function start() {
    hideError();
    build().then(function (b) {
      if (b.error) {
        showError(b.error);
        byId(b.field).focus();
        return;
      }
      submit.disabled = true;
      status("Sending the article…");
      api("POST", "/v1/jobs", b.body).then(function (res) {
        submit.disabled = false;
        if (res.status === 401) return askToken(res, start);
        if (!res.ok) {
          status("");
          showError(problem(res));
          return;
        }
        follow(res.data.id, true);
        refreshList();
      });
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    start();
  });
  byId("text").addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      start();
    }
  });

  ["dragenter", "dragover"].forEach(function (type) {
    form.addEventListener(type, function (event) {
      event.preventDefault();
      form.classList.add("over");
    });
  });
  form.addEventListener("dragleave", function (event) {
    if (!form.contains(event.relatedTarget)) form.classList.remove("over");
  });
  form.addEventListener("drop", function (event) {
    event.preventDefault();
    form.classList.remove("over");
    var files = event.dataTransfer && event.dataTransfer.files;
    if (!files || !files.length) return;
    byId("file").files = files;
    form.querySelector("input[name=source][value=file]").checked = true;
    showMode();
    byId("file").focus();
  });

  // --- a job: its progress, then its report -----------------------------------------------------

  function seconds(job) {
    return job.seconds === null || job.seconds === undefined ? "" : job.seconds.toFixed(1) + " s";
  }

  function follow(id, submitted) {
    following = wanted = id;
    var last = "";
    (function poll() {
      if (following !== id) return;
      api("GET", "/v1/jobs/" + encodeURIComponent(id)).then(function (res) {
        if (following !== id) return;
        if (res.status === 401) return askToken(res, function () { follow(id, submitted); });
        if (!res.ok) {
          following = null;
          status("");
          showError(problem(res));
          return;
        }
        var job = res.data;
        if (job.status !== last) {
          if (last) refreshList();
          last = job.status;
        }
        if (job.status === "queued") {
          status("Queued: waiting for the model to finish the articles ahead of it…");
        } else if (job.status === "running") {
          var p = job.progress;
          if (p) status("Running pass " + p.index + " of " + p.total + ": " + p.pass, p.index - 1, p.total, seconds(job));
          else status("Running: reading the article…", undefined, undefined, seconds(job));
        } else if (job.status === "failed") {
          following = null;
          status("");
          showError("The summary failed: " + (job.error || "no reason given"));
          return;
        } else if (job.status === "done") {
          following = null;
          return showReport(job, submitted);
        }
        setTimeout(poll, POLL_MS);
      });
    })();
  }

  function showReport(job, submitted) {
    status("Building the report…");
    return api("GET", "/v1/jobs/" + encodeURIComponent(job.id) + "/report").then(function (res) {
      if (wanted !== job.id) return;
      if (res.status === 401) return askToken(res, function () { showReport(job, submitted); });
      if (!res.ok) {
        status("");
        showError(problem(res));
        return;
      }
      shown = { id: job.id, title: job.title, summary: job.result, report: res.data };
      frame.srcdoc = res.data;
      resultTitle.textContent = "Report: " + (job.title || job.id);
      result.hidden = false;
      var meta = job.result && job.result.meta;
      status(meta && meta.cached ? "Done: the summary was in the cache." : "Done in " + seconds(job) + ".", 1, null);
      history.replaceState(null, "", "#job=" + job.id);
      markShown();
      if (submitted && (document.activeElement === submit || document.activeElement === document.body)) resultTitle.focus();
    });
  }

  function download(content, type, name) {
    var url = URL.createObjectURL(new Blob([content], { type: type }));
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 30000);
  }

  byId("download-json").addEventListener("click", function () {
    if (shown) download(JSON.stringify(shown.summary, null, 2) + "\n", "application/json", "summary-" + shown.id.slice(0, 8) + ".json");
  });
  byId("download-report").addEventListener("click", function () {
    if (shown) download(shown.report, "text/html;charset=utf-8", "report-" + shown.id.slice(0, 8) + ".html");
  });

  // --- recent jobs ------------------------------------------------------------------------------

  function markShown() {
    list.querySelectorAll("button[data-id]").forEach(function (b) {
      b.setAttribute("aria-current", String(!!shown && b.dataset.id === shown.id));
    });
  }

  function renderList(jobs) {
    var items = jobs.map(function (job) {
      var button = document.createElement("button");
      button.type = "button";
      button.dataset.id = job.id;
      var title = document.createElement("span");
      title.className = "job-title";
      title.textContent = job.title || "(untitled)";
      var state = document.createElement("span");
      state.className = "job-state state-" + job.status;
      state.textContent = [job.status, seconds(job)].filter(Boolean).join(" · ");
      button.append(title, state);
      button.title = job.error ? job.status + ": " + job.error : job.title || "";
      button.addEventListener("click", function () {
        hideError();
        follow(job.id, true);
      });
      var li = document.createElement("li");
      li.appendChild(button);
      return li;
    });
    list.replaceChildren.apply(list, items);
    empty.hidden = items.length > 0;
    markShown();
  }

  // The list, then ``after`` (once the token is given, when the server asks for one).
  function refreshList(after) {
    return api("GET", "/v1/jobs?limit=20").then(function (res) {
      if (res.status === 401) return askToken(res, function () { refreshList(after); });
      if (res.ok && res.data && res.data.jobs) renderList(res.data.jobs);
      if (after) after();
    });
  }

  byId("refresh").addEventListener("click", function () { refreshList(); });
  showMode();
  var linked = /^#job=([0-9a-f]{8,64})$/.exec(location.hash);
  refreshList(linked ? function () { follow(linked[1], false); } : null);
})();
