/* Filters for the timeline page: key events or all entries, precision,
   certainty, upcoming, text search.
   Plain DOM, no library; the page reads fine without it.  The words it shows
   come from the page's JSON data block #labels (data/labels.json). */
(function () {
  "use strict";
  var form = document.getElementById("controls");
  if (!form) { return; }
  var entries = Array.prototype.slice.call(document.querySelectorAll("[data-entry]"));
  var search = document.getElementById("q");
  var upcoming = document.getElementById("upcoming");
  // the key-event view (a corpus page opens on it): only [data-key] entries
  var keyView = document.getElementById("view-key");
  var status = document.getElementById("status");
  var noMatch = document.getElementById("no-match");
  var total = entries.filter(function (e) { return e.hasAttribute("data-dated"); }).length;
  var labels = JSON.parse(document.getElementById("labels").textContent);
  // a page of thousands of entries filters once typing pauses, a small one at once
  var searchDelay = entries.length > 500 ? 150 : 0;
  var timer = null;

  // the month and year groups of every entry: a group shows while it has a visible entry
  var groups = [];
  var groupsOf = entries.map(function (entry) {
    var own = [];
    for (var node = entry.parentElement; node; node = node.parentElement) {
      if (node.hasAttribute("data-group")) {
        if (node.groupIndex === undefined) { node.groupIndex = groups.length; groups.push(node); }
        own.push(node.groupIndex);
      }
    }
    return own;
  });

  // the links to each year: a year the filters empty loses its link
  var jumps = Array.prototype.map.call(document.querySelectorAll("[data-jump]"), function (link) {
    var heading = document.getElementById(link.getAttribute("data-jump"));
    return { item: link.parentNode, year: heading.closest("[data-group]") };
  });

  // a label with its {name} placeholders filled in
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  // the rule of `timeline extract --query` (filters.py fold): accents dropped,
  // case folded, anything not a letter or digit a space; every word must occur
  // in the entry's title or quoted sentences
  function fold(text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }
  function searchable(entry, outside) {
    return Array.prototype.filter.call(entry.querySelectorAll(".headline,.quote"), function (node) {
      return !outside || !outside.contains(node);
    }).map(function (node) { return node.textContent; }).join(" ");
  }
  var texts = entries.map(function (e) { return fold(searchable(e, null)); });
  // folded quotes ("N more quotes"): opened while the search matches only them
  var folds = entries.map(function (e) { return e.querySelector("details.more-sources"); });
  var unfolded = folds.map(function (details, i) {
    return details ? fold(searchable(entries[i], details)) : "";
  });

  function unfoldFor(i, words) {
    var details = folds[i];
    if (!details) { return; }
    var needed = words.length > 0 && !words.every(function (w) { return unfolded[i].indexOf(w) !== -1; });
    if (needed && !details.open) { details.open = true; details.dataset.searchOpened = "1"; }
    if (!needed && details.dataset.searchOpened) { details.open = false; delete details.dataset.searchOpened; }
  }

  function checked(name) {
    var boxes = form.querySelectorAll('input[name="' + name + '"]');
    if (!boxes.length) { return null; }  // no choice offered: filter off
    var values = {};
    Array.prototype.forEach.call(boxes, function (b) { if (b.checked) { values[b.value] = true; } });
    return values;
  }

  // writes only what changes: each write of `hidden` costs style work
  function show(element, visible) {
    if (element.hidden === visible) { element.hidden = !visible; }
  }

  function apply() {
    window.clearTimeout(timer);
    var precision = checked("precision");
    var certainty = checked("certainty");
    var onlyUpcoming = upcoming ? upcoming.checked : false;
    var onlyKey = keyView ? keyView.checked : false;
    var words = fold(search.value).split(" ").filter(Boolean);
    var shown = 0;
    var visibleIn = groups.map(function () { return 0; });
    entries.forEach(function (entry, i) {
      var dated = entry.hasAttribute("data-dated");
      var visible = words.every(function (w) { return texts[i].indexOf(w) !== -1; })
        && (!onlyKey || entry.hasAttribute("data-key"));
      if (dated) {
        visible = visible && (!precision || precision[entry.dataset.precision] === true)
          && (!certainty || certainty[entry.dataset.certainty] === true)
          && (!onlyUpcoming || entry.dataset.upcoming === "1");
      }
      show(entry, visible);
      if (visible) { unfoldFor(i, words); }
      if (visible) {
        groupsOf[i].forEach(function (g) { visibleIn[g] += 1; });
        if (dated) { shown += 1; }
      }
    });
    groups.forEach(function (group, g) { show(group, visibleIn[g] > 0); });
    jumps.forEach(function (jump) { show(jump.item, !jump.year.hidden); });
    noMatch.hidden = shown > 0 || total === 0;
    status.textContent = shown === total
      ? fill(labels.status_all[total === 1 ? "one" : "other"], { total: total })
      : fill(labels.status_some, { shown: shown, total: total });
  }

  function later(event) {
    if (event.target !== search) { return; }  // a checkbox: its change event applies
    window.clearTimeout(timer);
    if (searchDelay) { timer = window.setTimeout(apply, searchDelay); } else { apply(); }
  }

  form.addEventListener("input", later);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  search.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && search.value) { search.value = ""; apply(); }
  });
  document.addEventListener("keydown", function (event) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
    if (event.key === "/" && !typing) { event.preventDefault(); search.focus(); }
  });
  form.hidden = false;
  apply();
})();
