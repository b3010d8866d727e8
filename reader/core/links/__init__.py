"""Links: resolve, classify, warn.

Every ``<a href>`` of an article becomes a :class:`~reader.core.model.Link` that says where
it really goes, how to show it safely, and whether the app may open it ("open",
"confirm", "never"). One module per question:

* ``urls``, ``hosts``: where a click lands (WHATWG URL parsing, IPv4/IPv6, IDNA);
* ``idn``, ``domains``: whether a site name may be shown in Unicode or imitates a well-known one;
* ``redirects``: wrappers, shorteners and open redirects, and what is behind them;
* ``link_text``, ``bidi``: whether the text (as drawn) shows another site than the target;
* ``policy``: the one place that turns warnings into a severity and a policy;
* ``inspect``: the pipeline that ties them together.
"""

from __future__ import annotations

from .domains import _tld_extract
from .inspect import inspect_href, inspect_links, safe_display
from .policy import CONFIRM, NEVER, OPEN, decide_policy, link_severity, worst_severity

__all__ = [
           "CONFIRM",
           "NEVER",
           "OPEN",
           "_tld_extract",
           "decide_policy",
           "inspect_href",
           "inspect_links",
           "link_severity",
           "safe_display",
           "worst_severity",
]
