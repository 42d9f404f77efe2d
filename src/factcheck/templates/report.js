// Included verbatim into the page; it must never contain a Jinja delimiter. It reads document
// text only from the DOM (dataset, textContent) and writes only textContent, never HTML.
(function () {
  "use strict";

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  function plural(n, word) {
    return n + " " + word + (n === 1 ? "" : "s");
  }

  // Make a chart's bars toggle a filter's document choice.
  function linkBars(bars, select, apply) {
    bars.forEach(function (bar) {
      bar.addEventListener("click", function () {
        var name = bar.getAttribute("data-document");
        var known = Array.prototype.some.call(select.options, function (o) { return o.value === name; });
        select.value = known && select.value !== name ? name : "";
        apply();
      });
    });
  }

  function watch(form, apply) {
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    form.hidden = false;
    apply();
  }

  function setUpFindings() {
    var form = document.getElementById("finding-filters");
    var list = document.getElementById("finding-list");
    if (!form || !list) {
      return;
    }
    var cards = all(list, "article.finding");
    var documents = cards.map(function (card) {
      return all(card, "[data-document]").map(function (side) { return side.getAttribute("data-document"); });
    });
    var selects = all(form, "select[data-filter]");
    var count = document.getElementById("finding-count");
    var noMatch = document.getElementById("no-finding-match");
    var bars = all(document, ".finding-bar");
    var documentSelect = form.querySelector("select[data-filter='document']");

    function apply() {
      var shown = 0, open = 0, accepted = 0;
      cards.forEach(function (card, i) {
        var match = selects.every(function (select) {
          var name = select.getAttribute("data-filter");
          if (!select.value) {
            return true;
          }
          if (name === "document") {
            return documents[i].indexOf(select.value) !== -1;
          }
          return card.getAttribute("data-" + name) === select.value;
        });
        card.hidden = !match;
        if (match) {
          shown += 1;
          if (card.getAttribute("data-status") === "accepted") { accepted += 1; } else { open += 1; }
        }
      });
      count.textContent = (shown === cards.length
        ? plural(cards.length, "finding")
        : shown + " of " + plural(cards.length, "finding") + " shown") + ": " + open + " open, " + accepted + " accepted";
      noMatch.hidden = shown !== 0;
      bars.forEach(function (bar) {
        bar.classList.toggle("selected", bar.getAttribute("data-document") === documentSelect.value);
      });
    }

    linkBars(bars, documentSelect, apply);
    watch(form, apply);
  }

  // A table filtered by the selects of a form (each matching a data- attribute of the rows), and
  // optionally by words typed in a search box; bars of a chart select a document.
  function filterTable(form, table, noun, options) {
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var texts = rows.map(function (row) { return row.textContent.toLowerCase(); });
    var selects = all(form, "select[data-filter]");
    var search = options.search;
    var count = document.getElementById(options.count);
    var noMatch = document.getElementById(options.noMatch);
    var bars = all(document, options.bars);
    var documentSelect = form.querySelector("select[data-filter='document']");

    function apply() {
      var words = search ? search.value.toLowerCase().split(/\s+/).filter(Boolean) : [];
      var shown = 0;
      rows.forEach(function (row, i) {
        var match = selects.every(function (select) {
          return !select.value || row.getAttribute("data-" + select.getAttribute("data-filter")) === select.value;
        }) && words.every(function (word) { return texts[i].indexOf(word) !== -1; });
        row.hidden = !match;
        shown += match ? 1 : 0;
      });
      count.textContent = shown === rows.length
        ? plural(rows.length, noun)
        : shown + " of " + plural(rows.length, noun) + " shown";
      noMatch.hidden = shown !== 0;
      bars.forEach(function (bar) {
        bar.classList.toggle("selected", bar.getAttribute("data-document") === documentSelect.value);
      });
    }

    linkBars(bars, documentSelect, apply);
    watch(form, apply);
    return apply;
  }

  function setUpVerdicts() {
    var form = document.getElementById("verdict-filters");
    var table = document.getElementById("verdict-table");
    if (form && table) {
      filterTable(form, table, "verdict", { count: "verdict-count", noMatch: "no-verdict-match", bars: ".verdict-bar" });
    }
  }

  function setUpClaims() {
    var form = document.getElementById("filters");
    var table = document.getElementById("claims-table");
    if (!form || !table) {
      return;
    }
    var search = document.getElementById("filter-text");
    var apply = filterTable(form, table, "claim", { search: search, count: "claim-count", noMatch: "no-match", bars: ".bar-row" });

    // A link from a finding to a claim the filters hide clears the filters, so the row shows.
    function reveal() {
      var id = decodeURIComponent(window.location.hash.slice(1));
      var row = id ? document.getElementById(id) : null;
      if (row && row.hidden && table.contains(row)) {
        form.reset();
        search.value = "";
        apply();
        row.scrollIntoView();
      }
    }

    window.addEventListener("hashchange", reveal);
  }

  setUpFindings();
  setUpVerdicts();
  setUpClaims();
}());
