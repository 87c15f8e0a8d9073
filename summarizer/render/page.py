"""The browser page of ``summarize serve`` (``GET /``): a form for one article, the job's progress,
then the job's HTML report in a sandboxed frame, and this server's recent jobs.

It shares the report's frame template, stylesheet and policy: no outside resource, its own CSS and
JS inline and allowed by hash. Its script may fetch from its own origin only (the ``/v1`` API), and
the policy also allows the report's own CSS and JS by hash, because a ``srcdoc`` frame inherits the
policy of the page that holds it. The page holds no data and no secret: the token a server may
require is asked for by the script and kept in the tab's ``sessionStorage``.
"""

from __future__ import annotations

from functools import cache

from markupsafe import Markup

from .html import _asset, _env, content_policy

__all__ = ["render_page"]


@cache
def render_page() -> tuple[str, str]:
    """The page's HTML and its Content-Security-Policy (also to be sent as a header)."""
    report_css, report_js = _asset("report.css"), _asset("report.js")
    css = report_css + "\n" + _asset("app.css")
    js = _asset("app.js")
    csp = content_policy([css, report_css], [js, report_js], connect="'self'")
    page = _env().get_template("app.html.j2").render(css=Markup(css), js=Markup(js), csp=csp, page_title="Summarizer")
    return page, csp
