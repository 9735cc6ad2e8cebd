// Enhancements only: the pages work without this file.
(function () {
  "use strict";
  var lang = document.body.getAttribute("data-lang") || "vi";
  var labels = { vi: ["Sao chép liên kết", "Sao chép trích dẫn", "Đã sao chép"],
                 lo: ["ສຳເນົາລິ້ງ", "ສຳເນົາການອ້າງອີງ", "ສຳເນົາແລ້ວ"], en: ["Copy link", "Copy citation", "Copied"] }[lang];

  function copy(text, button) {
    var done = function () { var old = button.textContent; button.textContent = labels[2]; setTimeout(function () { button.textContent = old; }, 1500); };
    if (navigator.clipboard && navigator.clipboard.writeText) { navigator.clipboard.writeText(text).then(done, function () {}); }
  }
  document.querySelectorAll(".unit-tools").forEach(function (box) {
    [[labels[0], box.getAttribute("data-url"), "copy-link"], [labels[1], box.getAttribute("data-cite"), "copy-cite"]].forEach(function (spec) {
      var b = document.createElement("button");
      b.type = "button"; b.textContent = spec[0]; b.className = spec[2];
      b.addEventListener("click", function () { copy(spec[1], b); });
      box.appendChild(b);
    });
  });

  // The language switcher keeps the heading the reader is on; headings whose anchors differ between the
  // languages (those made from their text) go through the page's map of them.
  document.querySelectorAll("a.lang-switch, a.translation-link").forEach(function (a) {
    var map = {};
    try { map = JSON.parse(a.getAttribute("data-anchors") || "{}"); } catch (e) { map = {}; }
    a.addEventListener("click", function () {
      if (!location.hash) { return; }
      var here = decodeURIComponent(location.hash.slice(1)), there = map[here] || here;
      a.href = a.href.split("#")[0] + "#" + encodeURIComponent(there);
    });
  });

  document.querySelectorAll("input[data-suggest]").forEach(function (input) {
    var list = document.createElement("ul");
    list.className = "suggestions"; list.hidden = true; list.setAttribute("role", "listbox");
    input.parentNode.style.position = "relative";
    input.parentNode.appendChild(list);
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2) { list.hidden = true; return; }
      timer = setTimeout(function () {
        fetch(input.getAttribute("data-suggest") + "&q=" + encodeURIComponent(q)).then(function (r) { return r.json(); }).then(function (data) {
          list.textContent = "";
          (data.suggestions || []).forEach(function (s) {
            var li = document.createElement("li"), a = document.createElement("a");
            a.href = s.url; a.textContent = s.text; li.appendChild(a); list.appendChild(li);
          });
          list.hidden = !list.children.length;
        }).catch(function () { list.hidden = true; });
      }, 150);
    });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown" && !list.hidden) { e.preventDefault(); var first = list.querySelector("a"); if (first) first.focus(); }
      if (e.key === "Escape") { list.hidden = true; }
    });
    list.addEventListener("keydown", function (e) {
      var items = Array.prototype.slice.call(list.querySelectorAll("a")), i = items.indexOf(document.activeElement);
      if (e.key === "ArrowDown" && i < items.length - 1) { e.preventDefault(); items[i + 1].focus(); }
      if (e.key === "ArrowUp") { e.preventDefault(); (i > 0 ? items[i - 1] : input).focus(); }
      if (e.key === "Escape") { list.hidden = true; input.focus(); }
    });
  });
})();
