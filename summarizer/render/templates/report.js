// Details on click: reads only the JSON blob and the data-item attributes, writes only textContent.
(function () {
  "use strict";
  var blob = document.getElementById("report-data");
  var details = JSON.parse(blob.textContent);
  var names = { claim: "Claim evidence", quote: "Quote", actor: "Actor", figure: "Figure" };

  function show(itemId, section) {
    var info = details[itemId];
    var box = section && section.querySelector(".detail");
    if (!info || !box) return;
    var head = document.createElement("h4");
    var swatch = document.createElement("span");
    swatch.className = "swatch hl hl-" + info.kind;
    swatch.textContent = names[info.kind] || info.kind;
    head.appendChild(swatch);
    head.appendChild(document.createTextNode(info.label));
    var list = document.createElement("dl");
    info.fields.forEach(function (pair) {
      var dt = document.createElement("dt");
      var dd = document.createElement("dd");
      dt.textContent = pair[0];
      dd.textContent = pair[1];
      list.appendChild(dt);
      list.appendChild(dd);
    });
    box.replaceChildren(head, list);
    box.dataset.item = itemId;
    section.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
    section.querySelectorAll("[data-item]").forEach(function (el) {
      if (el.dataset.item === itemId && el !== box) el.classList.add("active");
    });
  }

  document.addEventListener("click", function (event) {
    var el = event.target.closest("[data-item]");
    if (!el || el.classList.contains("detail")) return;
    show(el.dataset.item, el.closest("section.report"));
  });
  document.addEventListener("keydown", function (event) {
    var el = event.target.closest && event.target.closest("span.entry-link[data-item]");
    if (el && (event.key === "Enter" || event.key === " ")) show(el.dataset.item, el.closest("section.report"));
  });
})();
