"""A company's stock in a market wrap: "Exxon fell $1.25, or 1.4 percent, to $88.95" moves Exxon's
share price, while "Gold fell", "Brent crude rose", "the DAX added 84 points", "the euro fell" and "France rose"
move a commodity's price, an index, a currency or a country's market. Labels of every market wrap we hold write the
first "Exxon share price fall" / "Exxon share price" and the others without "share"
(evals/devsets-figures.md, FM2).
"""

from __future__ import annotations

import re

from .names import countries

__all__ = ["is_company_stock"]

#: words of what moves in a market wrap that is no one company's stock
_NOT_A_STOCK = frozenset(
    (
        "index indexes indices average composite stocks shares market markets futures bonds bond yield yields "
        "dow nasdaq s&p ftse dax cac nikkei kospi topix hang seng stoxx sensex nifty asx tsx ibex mib bovespa "
        "gold silver copper platinum palladium oil crude brent gasoline gas diesel wheat corn soybeans coffee cocoa "
        "sugar cotton bitcoin iron ore aluminum aluminium nickel zinc lumber cattle hogs "
        "dollar euro pound sterling yen yuan franc rupee ruble rouble krona krone peso won real rand"
    ).split()
)
#: an article about markets: its stocks, shares or an index named
_MARKETS = re.compile(r"\b(?:stocks|shares|Dow|Nasdaq|S&P|Stoxx|FTSE|DAX|Nikkei|index)\b")


def is_company_stock(subject: list[str], text: str) -> bool:
    """Whether ``subject`` (the words before a verb of change) names a company whose shares moved: every
    word capitalised, none an index's, a commodity's or a currency's, in an article about markets."""
    if not subject or not all(w[:1].isupper() for w in subject):
        return False
    if any(w.casefold().rstrip(".") in _NOT_A_STOCK or w[:1].isdigit() for w in subject):
        return False
    if " ".join(subject) in countries():
        return False  # "France rose 0.3 per cent": a country's market, not a company
    return bool(_MARKETS.search(text))
