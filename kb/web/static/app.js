// Enhancements only: the pages work without this file.
(function () {
  "use strict";
  var lang = document.body.getAttribute("data-lang") || "vi";
  var labels = { vi: ["Sao chép liên kết", "Sao chép trích dẫn", "Đã sao chép", "Đã chọn sẵn: hãy tự sao chép (Ctrl+C)"],
                 lo: ["ສຳເນົາລິ້ງ", "ສຳເນົາການອ້າງອີງ", "ສຳເນົາແລ້ວ", "ເລືອກໄວ້ແລ້ວ: ກະລຸນາສຳເນົາເອງ (Ctrl+C)"],
                 en: ["Copy link", "Copy citation", "Copied", "Selected: copy it yourself (Ctrl+C)"] }[lang];

  // The Clipboard API exists only in secure contexts (HTTPS, localhost): on an intranet over plain HTTP the
  // text goes through a hidden text area and execCommand("copy"), and when even that fails it is shown
  // selected for the reader to copy. The button says "copied" only when the browser said it copied.
  function copyThroughSelection(text) {
    var area = document.createElement("textarea"), ok = false;
    area.value = text; area.setAttribute("readonly", ""); area.className = "copy-buffer";
    document.body.appendChild(area);
    area.select();
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }
  function showForManualCopy(text, button) {
    var box = button.parentNode.querySelector("input.copy-manual");
    if (!box) {
      box = document.createElement("input");
      box.type = "text"; box.readOnly = true; box.className = "copy-manual";
      button.parentNode.appendChild(box);
    }
    box.value = text; box.hidden = false; box.focus(); box.select();
    button.setAttribute("data-state", "manual");
    say(button, labels[3]);
  }
  function say(button, text) {
    var old = button.getAttribute("data-label");
    button.textContent = text;
    setTimeout(function () { button.textContent = old; button.removeAttribute("data-state"); }, 2500);
  }
  function copy(text, button) {
    var done = function () { button.setAttribute("data-state", "copied"); say(button, labels[2]); };
    var fallback = function () { if (copyThroughSelection(text)) { done(); } else { showForManualCopy(text, button); } };
    if (window.isSecureContext && navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, fallback);
    } else {
      fallback();
    }
  }
  document.querySelectorAll(".unit-tools").forEach(function (box) {
    [[labels[0], box.getAttribute("data-url"), "copy-link"], [labels[1], box.getAttribute("data-cite"), "copy-cite"]].forEach(function (spec) {
      var b = document.createElement("button");
      b.type = "button"; b.textContent = spec[0]; b.className = spec[2]; b.setAttribute("data-label", spec[0]);
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

  // Folded parts are open on wide screens in browsers whose CSS cannot show them (see style.css).
  if (window.matchMedia && window.matchMedia("(min-width: 50.01rem)").matches) {
    document.querySelectorAll("details.fold").forEach(function (d) { d.open = true; });
  }

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
