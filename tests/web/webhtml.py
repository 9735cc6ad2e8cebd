"""Small HTML helpers for the web tests (regexes are enough for the app's own, regular markup)."""
from __future__ import annotations

import re


def main(html: str) -> str:
    """The page's <main> element: what differs between pages."""
    return html[html.index('<main id="main">'):html.index("</main>")]


def element(html: str, opening: str) -> str:
    """The first element whose opening tag starts with `opening`, e.g. '<div class="banner-summary"'."""
    start = html.index(opening)
    tag = re.match(r"<(\w+)", opening).group(1)
    end = html.index(f"</{tag}>", start)
    return html[start:end + len(tag) + 3]


def hrefs(html: str) -> list[str]:
    return [h.replace("&amp;", "&") for h in re.findall(r'<a\b[^>]*\bhref="([^"]*)"', html)]


def text(html: str) -> str:
    """Visible text, whitespace collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def assert_nothing_executable(html: str) -> None:
    """No script but the site's own, no event-handler attribute, no javascript: URL in any real tag."""
    for tag in re.findall(r"<script\b[^>]*>", html, re.I):
        assert re.fullmatch(r'<script src="/static/[\w.-]+\.js"( defer)?>', tag), tag
    assert not re.search(r"<script\b[^>]*>[^<]+</script>", html, re.I), "inline script"
    for tag in re.findall(r"<[a-zA-Z][^>]*>", html):
        names = re.sub(r'"[^"]*"|\'[^\']*\'', '""', tag)  # attribute values are data, names are not
        assert not re.search(r"\son\w+\s*=", names, re.I), f"event handler in {tag}"
        assert not re.search(r"""(href|src|action)\s*=\s*["']?\s*javascript:""", tag, re.I), tag
