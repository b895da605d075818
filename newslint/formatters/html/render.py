"""``--format html``: one self-contained page an editor reads in a browser.

Every article is shown as text with each finding highlighted where it is; clicking or focusing
a highlight shows the message, the suggestions and the rule's explanation. With several
articles the page opens with an index and a chart of findings by category. Styles and script
are inline and the page's content security policy forbids loading anything, so the file can be
mailed or attached to a CI run. The page is built by Jinja2 with autoescaping on: article text,
messages and paths are always escaped, whatever they contain.
"""

from __future__ import annotations

from newslint import __version__
from newslint.finding import CATEGORIES, SEVERITIES
from newslint.formatters.base import Formatter, Summary
from newslint.formatters.html.layout import (
    BACKGROUND, CATEGORY_STYLES, LINE_NAMES, TEXT, FindingView, article_view, category_counts,
    chart_bars, explanation_parts)


def environment():
    """The Jinja2 environment: templates from the package, autoescaping always on."""
    import jinja2  # here: only an HTML report pays for importing it

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("newslint.formatters.html", "templates"),
        autoescape=True, trim_blocks=True, lstrip_blocks=True,
        undefined=jinja2.StrictUndefined)
    return env


class HtmlFormatter(Formatter):
    whole_document = True
    needs_source = True

    def start(self):
        self._articles = []
        self._by_path = {}  # the path findings name → its ArticleView, for related links
        self._count = 0

    def file(self, path, findings, errors, source=None):
        number = len(self._articles) + 1
        views = []
        for f in sorted(findings, key=lambda f: (f.offset, -f.length, f.rule)):
            self._count += 1
            views.append(FindingView(self._count, f, number))
        article = article_view(number, self.relative_path(path), source, views, errors)
        self._articles.append(article)
        self._by_path[path] = article

    def _explaining_rule(self, rule_id: str):
        """The rule whose documentation explains ``rule_id`` (``languagetool/X`` is explained
        by ``languagetool``), or None."""
        return self.rules.get(rule_id) or self.rules.get(rule_id.split("/", 1)[0])

    def _explanations(self, views) -> dict:
        """``newslint explain``'s text for every rule with a finding in the report, once per
        rule (hundreds of LanguageTool ids share one text)."""
        out = {}
        for view in views:
            rule = self._explaining_rule(view.finding.rule)
            if rule is not None and rule.id not in out:
                out[rule.id] = explanation_parts(rule.help_text())
        return out

    def _related(self, finding) -> list:
        """The finding's related passages ("the first copy"), each with an in-page link when
        its file is in the report."""
        out = []
        for r in finding.related:
            article = self._by_path.get(r.path)
            text = (f"line {r.line}, column {r.column}" if r.path == finding.path
                    else f"{self.relative_path(r.path)}:{r.line}:{r.column}")
            if r.message:
                text += f" ({r.message})"
            out.append({"text": text,
                        "href": article.link_to_line(r.line) if article is not None else ""})
        return out

    def finish(self, summary: Summary):
        from newslint.formatters.text import summary_line

        views = [v for a in self._articles for v in a.findings]
        details = {f"f{v.number}": _details(v, self._explaining_rule(v.finding.rule),
                                            self._related(v.finding))
                   for v in views}
        counts = category_counts(views)
        page = environment().get_template("report.html.j2").render(
            version=__version__,
            summary=summary_line(summary),
            articles=self._articles,
            counts=counts,
            severity_counts={s: sum(1 for v in views if v.finding.severity == s)
                             for s in SEVERITIES},
            categories=CATEGORIES, severities=SEVERITIES,
            styles=CATEGORY_STYLES, line_names=LINE_NAMES, text_colour=TEXT,
            background=BACKGROUND, bars=chart_bars(counts),
            details=details, explanations=self._explanations(views),
            title=_page_title(self._articles))
        self.stream.write(page)


def _page_title(articles) -> str:
    if len(articles) == 1:
        return f"newslint report: {articles[0].title or articles[0].path}"
    return f"newslint report: {len(articles)} articles"


def _details(view, explaining_rule, related: list) -> dict:
    """What the details panel shows for one finding (inserted as text, never as markup)."""
    f = view.finding
    return {
        "rule": f.rule, "about": explaining_rule.id if explaining_rule is not None else "",
        "category": view.category, "severity": f.severity,
        "message": f.message, "suggestions": list(f.suggestions),
        "where": f"line {f.line}, column {f.column}",
        "related": related,
    }
