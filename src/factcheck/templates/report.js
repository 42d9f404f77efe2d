// Included verbatim into the page; it must never contain a Jinja delimiter. It reads document
// text only from the DOM (dataset, textContent) and writes only textContent, never HTML.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var table = document.getElementById("claims-table");
  if (!form || !table) {
    return;
  }
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var texts = rows.map(function (row) { return row.textContent.toLowerCase(); });
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
  var search = document.getElementById("filter-text");
  var count = document.getElementById("claim-count");
  var noMatch = document.getElementById("no-match");
  var bars = Array.prototype.slice.call(document.querySelectorAll(".bar-row"));
  var documentSelect = form.querySelector("select[data-filter='document']");

  function plural(n) {
    return n === 1 ? "claim" : "claims";
  }

  function apply() {
    var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row, i) {
      var match = selects.every(function (select) {
        return !select.value || row.getAttribute("data-" + select.getAttribute("data-filter")) === select.value;
      }) && words.every(function (word) { return texts[i].indexOf(word) !== -1; });
      row.hidden = !match;
      shown += match ? 1 : 0;
    });
    count.textContent = shown === rows.length
      ? rows.length + " " + plural(rows.length)
      : shown + " of " + rows.length + " " + plural(rows.length) + " shown";
    noMatch.hidden = shown !== 0;
    bars.forEach(function (bar) {
      bar.classList.toggle("selected", bar.getAttribute("data-document") === documentSelect.value);
    });
  }

  bars.forEach(function (bar) {
    bar.addEventListener("click", function () {
      var name = bar.getAttribute("data-document");
      var known = Array.prototype.some.call(documentSelect.options, function (o) { return o.value === name; });
      documentSelect.value = known && documentSelect.value !== name ? name : "";
      apply();
    });
  });
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  form.hidden = false;
  apply();
}());
