"""Writes the corpus of realistic saved news pages and their expected-body sidecars.

    python tests/data/pages/generate.py

Each page is built from a site template (semantic HTML5, WordPress, div soup, live blog,
AMP, Next.js, an old ASP.NET table layout, ...) filled with a made-up news story, then
encoded the way the real site would be (UTF-8, windows-1256, Shift_JIS, KOI8-R undeclared,
GBK declared as gb2312, UTF-8 declared as latin-1, UTF-16 with a BOM, XHTML latin-1).

``NAME.expect.json`` says what the loaded article must hold: snippets of every body
paragraph (``contains``), boilerplate that must be gone (``excludes``), metadata, and the
links inside the article with their exact text and raw href.
"""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

HERE = Path(__file__).parent
_TAG = re.compile(r"<[^>]+>")


def plain(fragment: str) -> str:
    return " ".join(unescape(_TAG.sub("", fragment)).split())


def snippet(paragraph: str, words: int = 8) -> str:
    text = plain(paragraph)
    if " " not in text:  # Chinese and Japanese: no spaces; take characters
        return text[:24]
    return " ".join(text.split()[:words])


def links_of(paragraphs: list[str]) -> list[dict[str, str]]:
    found = []
    for paragraph in paragraphs:
        for match in re.finditer(r"<a [^>]*href=\"([^\"]*)\"[^>]*>(.*?)</a>", paragraph, re.S):
            found.append({"text": plain(match.group(2)), "href": unescape(match.group(1))})
    return found


def ps(paragraphs: list[str], cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return "\n".join(f"<p{attr}>{p}</p>" for p in paragraphs)


PAGES: dict[str, dict] = {}


def page(name: str, markup: str, *, encoding: str = "utf-8", body: list[str], excludes: list[str],
         bom: bool = False, extra_contains: list[str] = (), extracted: bool = True, **expect) -> None:
    PAGES[name] = {
        "markup": markup, "encoding": encoding, "bom": bom,
        "expect": {
            "contains": [snippet(p) for p in body] + list(extra_contains),
            "excludes": excludes,
            "links": links_of(body),
            "extracted": extracted,
            **expect,
        },
    }


# --------------------------------------------------------------------------------------------
# 1. A big national site: semantic HTML5, cookie banner, JSON-LD, most-viewed, comments.
FLOOD = [
    'Residents of Millbrook were told to leave their homes on Wednesday night as the River Aire rose more than two metres in six hours, overwhelming flood defences that were completed only last spring.',
    'The Environment Agency issued a <a href="https://www.gov.example/flood-warnings/aire">severe flood warning</a>, its highest level, for the town centre and the low-lying Riverside estate, where about 1,400 people live.',
    '&ldquo;We have never seen water come up this fast,&rdquo; said Helen Marsh, who runs a bakery on Bridge Street. &ldquo;By the time we had the sandbags out, it was already at the door.&rdquo;',
    'The &pound;28m defence scheme was designed to withstand a once-in-a-century flood. Engineers said a section of the new wall near the railway bridge had been <a href="/news/2024/mar/13/millbrook-wall-inspection">flagged for repairs</a> in January but the work had not been carried out.',
    'Councillor David Osei, the leader of Aire Valley council, said an independent review would begin as soon as the water receded. &ldquo;People deserve to know why defences we were promised would protect them failed in their first real test,&rdquo; he said.',
    'Forecasters expect more rain over the weekend. The Met Office has kept an amber warning in place for much of northern England until Sunday morning.',
    'Rest centres have been opened at Millbrook Academy and the Old Corn Exchange. Anyone needing help can call the council&rsquo;s emergency line or visit its <a href="https://www.airevalley.gov.example/emergency">emergency information page</a>.',
]
page("ledger_semantic.html", f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Millbrook residents evacuated as river breaches new flood wall | UK news | The Daily Ledger</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="description" content="About 1,400 people told to leave homes as River Aire overwhelms &pound;28m defences">
<link rel="canonical" href="https://www.dailyledger.example/uk-news/2024/mar/14/millbrook-evacuated-river-aire-flood-wall">
<link rel="stylesheet" href="https://assets.dailyledger.example/css/main.4f2a.css">
<script async src="https://www.googletagmanager.example/gtm.js?id=GTM-XXXX"></script>
<script type="application/ld+json">
{{"@context":"https://schema.org","@type":"NewsArticle","headline":"Millbrook residents evacuated as river breaches new flood wall",
 "datePublished":"2024-03-14T06:30:00+00:00","dateModified":"2024-03-14T09:12:00+00:00",
 "author":[{{"@type":"Person","name":"Maria Ortega"}}],
 "publisher":{{"@type":"Organization","name":"The Daily Ledger","logo":{{"@type":"ImageObject","url":"https://assets.dailyledger.example/logo.png"}}}},
 "mainEntityOfPage":"https://www.dailyledger.example/uk-news/2024/mar/14/millbrook-evacuated-river-aire-flood-wall"}}
</script>
</head>
<body>
<div id="cmp-banner" class="cookie-consent" role="dialog" aria-label="Cookie consent">
  <p>We use cookies and similar technologies to personalise content and ads. You can accept all cookies or manage your choices.</p>
  <button class="cmp-accept">Accept all cookies</button> <button>Manage preferences</button>
</div>
<a class="skip-link" href="#maincontent">Skip to main content</a>
<header class="site-header">
  <a href="/" class="logo"><img src="https://assets.dailyledger.example/logo.svg" alt="The Daily Ledger"></a>
  <nav aria-label="Sections"><ul>
    <li><a href="/uk-news">UK</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li>
    <li><a href="/opinion">Opinion</a></li><li><a href="/sport">Sport</a></li><li><a href="/culture">Culture</a></li>
  </ul></nav>
  <a class="support" href="/support">Support independent journalism</a>
</header>
<main id="maincontent">
<article class="article">
  <div class="article__kicker"><a href="/uk-news/flooding">Flooding</a></div>
  <h1 class="article__headline">Millbrook residents evacuated as river breaches new flood wall</h1>
  <div class="article__standfirst"><p>About 1,400 people told to leave homes as River Aire overwhelms &pound;28m defences</p></div>
  <div class="article__meta">
    <address class="byline">By <a rel="author" href="/profile/maria-ortega">Maria Ortega</a>, North of England correspondent</address>
    <time datetime="2024-03-14T06:30:00Z">Thu 14 Mar 2024 06.30 GMT</time>
    <div class="share"><a href="https://www.facebook.example/sharer?u=x">Share on Facebook</a> <a href="https://x.example/intent">Share on X</a></div>
  </div>
  <figure class="article__image"><img src="https://i.dailyledger.example/millbrook.jpg" alt="Flooded street">
    <figcaption>Bridge Street in Millbrook on Wednesday night. Photograph: Tom Hale/The Daily Ledger</figcaption></figure>
  <div class="article-body" itemprop="articleBody">
{ps(FLOOD)}
  </div>
  <div class="article__tags"><ul><li><a href="/uk-news/flooding">Flooding</a></li><li><a href="/environment/climate">Climate crisis</a></li></ul></div>
</article>
<aside class="most-viewed" aria-label="Most viewed">
  <h2>Most viewed</h2>
  <ol>
    <li><a href="/a1">Celebrity chef opens third restaurant in Leeds</a></li>
    <li><a href="/a2">Rail fares to rise by 4.9% from next month</a></li>
    <li><a href="/a3">Quiz: how well do you know British birds?</a></li>
  </ol>
</aside>
<section id="comments" class="comments">
  <h2>Comments (214)</h2>
  <div class="comment"><span class="comment__author">RiverWatcher</span><p>This was entirely predictable, the wall was never finished properly.</p></div>
  <div class="comment"><span class="comment__author">jb1979</span><p>Thoughts with everyone in Millbrook tonight.</p></div>
</section>
</main>
<footer class="site-footer">
  <ul><li><a href="/about">About us</a></li><li><a href="/privacy">Privacy policy</a></li><li><a href="/cookies">Cookie policy</a></li></ul>
  <p>&copy; 2024 The Daily Ledger Media Group. All rights reserved.</p>
</footer>
<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments)}}gtag('js',new Date());</script>
</body></html>
""", body=FLOOD, excludes=["We use cookies", "Accept all cookies", "Most viewed", "Celebrity chef", "This was entirely predictable",
                          "All rights reserved", "Skip to main content", "Share on Facebook", "Support independent journalism",
                          "dataLayer"],
     title="Millbrook residents evacuated as river breaches new flood wall", byline="Maria Ortega", date="2024-03-14",
     site_name="The Daily Ledger", language="en",
     canonical_url="https://www.dailyledger.example/uk-news/2024/mar/14/millbrook-evacuated-river-aire-flood-wall",
     base_url="https://www.dailyledger.example/uk-news/2024/mar/14/millbrook-evacuated-river-aire-flood-wall", english=True)

# --------------------------------------------------------------------------------------------
# 2. A WordPress local news blog: og tags, entry-content, comment list, widgets.
BIKES = [
    'Greenfield town council voted 7&ndash;2 on Tuesday night to approve a network of protected bike lanes along Main Street and Harbor Road, ending nearly two years of debate over the project.',
    'The plan, first proposed by the <a href="https://greenfieldbikes.example.org/">Greenfield Cycling Coalition</a> in 2022, will remove about 60 parking spaces and add concrete barriers between cyclists and traffic on the town&rsquo;s two busiest streets.',
    'Mayor Linda Alvarez said the vote was &ldquo;about keeping our kids safe on their way to school.&rdquo; Three cyclists were seriously injured on Harbor Road last year, according to police figures.',
    'Business owners on Main Street had argued that losing parking would drive customers away. &ldquo;Half my customers drive in from the hill towns,&rdquo; said Rick Donnelly, who owns Donnelly&rsquo;s Hardware. &ldquo;Where are they supposed to park?&rdquo;',
    'The council agreed to convert a vacant lot behind the post office into a 40-space municipal car park to offset the loss. Construction of the lanes is expected to start in April and cost about $1.2 million, most of it covered by a <a href="/2023/06/15/state-grant-awarded-for-safe-streets/">state safe-streets grant</a>.',
    'Councilors Paul Whitcomb and Dana Reyes voted against the plan, saying residents had not been given enough chance to comment on the final design.',
]
page("greenfield_wordpress.html", f"""<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Council approves Main Street bike lanes after two-year fight &#8211; The Greenfield Gazette</title>
<meta name='robots' content='index, follow, max-image-preview:large' />
<link rel="canonical" href="https://greenfieldgazette.example.com/2023/11/02/council-approves-main-street-bike-lanes/" />
<meta property="og:locale" content="en_US" />
<meta property="og:type" content="article" />
<meta property="og:title" content="Council approves Main Street bike lanes after two-year fight" />
<meta property="og:url" content="https://greenfieldgazette.example.com/2023/11/02/council-approves-main-street-bike-lanes/" />
<meta property="og:site_name" content="The Greenfield Gazette" />
<meta property="article:published_time" content="2023-11-02T08:15:00+00:00" />
<meta name="author" content="Tom Becker" />
<link rel='stylesheet' id='twentytwenty-style-css' href='https://greenfieldgazette.example.com/wp-content/themes/twentytwenty/style.css?ver=2.4' media='all' />
<script src='https://greenfieldgazette.example.com/wp-includes/js/jquery/jquery.min.js?ver=3.7.0' id='jquery-core-js'></script>
</head>
<body class="post-template-default single single-post postid-4812 single-format-standard">
<div id="page" class="site">
<header id="masthead" class="site-header" role="banner">
  <div class="site-branding"><p class="site-title"><a href="https://greenfieldgazette.example.com/" rel="home">The Greenfield Gazette</a></p>
  <p class="site-description">Independent news for Greenfield and the Hill Towns since 1987</p></div>
  <nav id="site-navigation" class="main-navigation"><button class="menu-toggle">Menu</button>
   <div class="menu-primary-container"><ul id="primary-menu" class="menu">
    <li class="menu-item"><a href="/category/local-news/">Local News</a></li><li class="menu-item"><a href="/category/schools/">Schools</a></li>
    <li class="menu-item"><a href="/category/obituaries/">Obituaries</a></li><li class="menu-item"><a href="/subscribe/">Subscribe</a></li></ul></div>
  </nav>
</header>
<div id="content" class="site-content">
<div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-4812" class="post-4812 post type-post status-publish format-standard hentry category-local-news tag-council tag-transportation">
  <header class="entry-header">
    <h1 class="entry-title">Council approves Main Street bike lanes after two-year fight</h1>
    <div class="entry-meta"><span class="posted-on">Posted on <a href="https://greenfieldgazette.example.com/2023/11/02/council-approves-main-street-bike-lanes/" rel="bookmark"><time class="entry-date published" datetime="2023-11-02T08:15:00+00:00">November 2, 2023</time></a></span>
    <span class="byline"> by <span class="author vcard"><a class="url fn n" href="https://greenfieldgazette.example.com/author/tbecker/">Tom Becker</a></span></span></div>
  </header>
  <div class="entry-content">
{ps(BIKES)}
  <div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul><li><a href="?share=twitter">Twitter</a></li><li><a href="?share=facebook">Facebook</a></li></ul></div>
  </div>
  <footer class="entry-footer"><span class="cat-links">Posted in <a href="/category/local-news/">Local News</a></span> <span class="tags-links">Tagged <a href="/tag/council/">council</a>, <a href="/tag/transportation/">transportation</a></span></footer>
</article>
<nav class="navigation post-navigation" aria-label="Posts"><div class="nav-links"><div class="nav-previous"><a href="/2023/11/01/library-hours/" rel="prev">Library extends weekend hours</a></div></div></nav>
<div id="comments" class="comments-area">
  <h2 class="comments-title">3 thoughts on &ldquo;Council approves Main Street bike lanes after two-year fight&rdquo;</h2>
  <ol class="comment-list">
   <li id="comment-221" class="comment even thread-even depth-1"><article class="comment-body"><footer class="comment-meta"><b class="fn">Marge P.</b> <time>November 2, 2023 at 9:02 am</time></footer>
   <div class="comment-content"><p>Finally! I have been waiting for this since my son started biking to school.</p></div></article></li>
   <li id="comment-222" class="comment odd"><article class="comment-body"><footer class="comment-meta"><b class="fn">hilltown_dave</b></footer>
   <div class="comment-content"><p>Another bad decision by a council that never listens to the people who actually pay the taxes.</p></div></article></li>
  </ol>
  <div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>
  <form action="/wp-comments-post.php" method="post" id="commentform"><p class="comment-notes">Your email address will not be published.</p>
  <p><label for="comment">Comment</label><textarea id="comment" name="comment"></textarea></p><p><input type="submit" value="Post Comment"></p></form></div>
</div>
</main></div>
<aside id="secondary" class="widget-area">
  <section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul>
   <li><a href="/2023/11/01/library-hours/">Library extends weekend hours</a></li><li><a href="/2023/10/30/pumpkin-festival/">Pumpkin festival draws record crowd</a></li></ul></section>
  <section id="archives-2" class="widget widget_archive"><h2 class="widget-title">Archives</h2><ul><li><a href="/2023/11/">November 2023</a></li></ul></section>
</aside>
</div>
<footer id="colophon" class="site-footer"><div class="site-info"><a href="https://wordpress.example.org/">Proudly powered by WordPress</a> | Theme: Twenty Twenty.</div></footer>
</div>
</body></html>
""", body=BIKES, excludes=["Finally! I have been waiting", "Another bad decision", "Leave a Reply", "Recent Posts", "Pumpkin festival",
                          "Proudly powered by WordPress", "Independent news for Greenfield", "Share this:"],
     title="Council approves Main Street bike lanes after two-year fight", byline="Tom Becker", date="2023-11-02",
     site_name="The Greenfield Gazette", language="en",
     canonical_url="https://greenfieldgazette.example.com/2023/11/02/council-approves-main-street-bike-lanes/",
     base_url="https://greenfieldgazette.example.com/2023/11/02/council-approves-main-street-bike-lanes/", english=True)

# --------------------------------------------------------------------------------------------
# 3. A French regional paper: div soup, declared iso-8859-1 (really windows-1252: curly quotes, œ).
GREVE = [
    'Plus de 800 vols ont été annulés jeudi au départ et à l’arrivée des aéroports de Toulouse, Marseille et Nice, en raison d’une grève des contrôleurs aériens qui devrait se poursuivre au moins jusqu’à samedi.',
    'La Direction générale de l’aviation civile a demandé aux compagnies de réduire de moitié leur programme de vols. « Nous conseillons aux passagers de vérifier le statut de leur vol avant de se rendre à l’aéroport », a indiqué un porte-parole.',
    'Les syndicats protestent contre un projet de réforme qui allongerait les horaires de travail dans les centres de contrôle. Selon <a href="http://www.courrierdumidi.example.fr/economie/reforme-controle-aerien.html">le texte présenté en mai</a>, les effectifs seraient réduits de 12 % d’ici 2027.',
    'À l’aéroport de Toulouse-Blagnac, des centaines de voyageurs ont passé la nuit dans le terminal. « On nous a dit de revenir demain, mais personne ne sait si notre avion partira », racontait Sophie Garnier, qui devait rejoindre Lyon pour un mariage.',
    'Le ministre des Transports, Julien Morel, a appelé les syndicats à « reprendre le dialogue » et a promis une réunion lundi. Les compagnies à bas coût, qui dépendent fortement des vols intérieurs, chiffrent déjà leurs pertes à plusieurs millions d’euros.',
    'Il s’agit du troisième mouvement de grève dans le secteur depuis le début de l’année. Le précédent, en mars, avait entraîné <a href="/societe/2022/03/08/greve-aeroports-bilan.html">l’annulation de 2 400 vols</a> en deux jours.',
]
page("courrier_divsoup_cp1252.html", f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
<title>Grève des contrôleurs aériens : des centaines de vols annulés - Le Courrier du Midi</title>
<meta name="author" content="Claire Dubois">
<meta name="date" content="2022-06-21">
<meta name="description" content="Plus de 800 vols annulés dans le Sud.">
<script type="text/javascript" src="http://pub.regiepub.example/ads.js"></script>
<link href="/css/style2009.css" rel="stylesheet" type="text/css">
</head>
<body bgcolor="#ffffff" onload="initMenu()">
<div id="bandeau"><a href="/"><img src="/img/logo_courrier.gif" alt="Le Courrier du Midi" border="0"></a>
<div class="meteo">Toulouse 24°C</div></div>
<div id="top-menu"><a href="/">Accueil</a> | <a href="/region/">Région</a> | <a href="/france/">France</a> | <a href="/sports/">Sports</a> | <a href="/annonces/">Petites annonces</a></div>
<div class="pub pub-728"><span class="pub-label">Publicité</span><a href="http://pub.regiepub.example/click?id=4411"><img src="http://pub.regiepub.example/banner.gif"></a></div>
<div id="contenu">
 <div class="colonne-gauche">
  <div class="fil-ariane"><a href="/">Accueil</a> &gt; <a href="/economie/">Économie</a> &gt; Transports</div>
  <div class="titre-article"><h1>Grève des contrôleurs aériens : des centaines de vols annulés</h1></div>
  <div class="signature">Par Claire Dubois | Publié le 21/06/2022 à 18h42</div>
  <div class="chapo"><b>Le mouvement, qui touche surtout le Sud, devrait durer jusqu’à samedi.</b></div>
  <div class="article-texte">
{ps(GREVE)}
  </div>
  <div class="outils"><a href="javascript:imprimer()">Imprimer</a> <a href="/envoyer.php?id=88211">Envoyer à un ami</a></div>
  <div class="reactions"><div class="titre-reactions">Réactions des lecteurs (37)</div>
   <div class="reaction"><span class="pseudo">toulousain31</span> : Toujours les mêmes qui prennent les usagers en otage, c’est insupportable.</div>
   <div class="reaction"><span class="pseudo">marie.l</span> : Soutien total aux contrôleurs.</div></div>
 </div>
 <div class="colonne-droite">
  <div class="bloc-plus-lus"><h3>Les plus lus</h3><ul><li><a href="/a/1">Un sanglier sème la panique au marché de Castres</a></li><li><a href="/a/2">Canicule : les conseils pour protéger les personnes âgées</a></li></ul></div>
  <div class="pub pub-300"><span class="pub-label">Publicité</span></div>
 </div>
</div>
<div id="pied">© Le Courrier du Midi 2022 - Mentions légales - <a href="/contact/">Contactez-nous</a></div>
</body>
</html>
""", encoding="cp1252", body=GREVE,
     excludes=["Petites annonces", "Un sanglier sème", "Toujours les mêmes", "Mentions légales", "Envoyer à un ami", "Les plus lus"],
     title="Grève des contrôleurs aériens : des centaines de vols annulés", byline="Claire Dubois", date="2022-06-21",
     language="fr", english=False)

# --------------------------------------------------------------------------------------------
# 4. A live blog: many timestamped entries, key points, "load more".
LIVE = [
    'Polls have now closed across the state. Counting begins immediately in all 93 districts, and officials expect the first results from rural districts within the hour.',
    'Turnout appears to be high. The state elections office says 61% of registered voters had cast a ballot by 6pm, compared with 54% at the same point four years ago.',
    'First results are in from Carver County, where Governor Ellen Park leads her challenger, state senator Marcus Webb, by 52% to 46% with a quarter of the vote counted.',
    'Webb&rsquo;s campaign manager, Joanna Tilley, told reporters the early numbers were &ldquo;exactly what we expected from Carver&rdquo; and that the big cities would &ldquo;tell a different story.&rdquo;',
    'The race is tightening. With 40% of the statewide vote counted, Park leads by just under 11,000 votes. You can follow every county on our <a href="/elections/2024/governor/results-map">live results map</a>.',
    'Both candidates are expected to speak later tonight. Park will address supporters in the capital; Webb is at a hotel in Riverton. The <a href="https://sos.state.example.gov/results">secretary of state&rsquo;s results page</a> is updated every ten minutes.',
]
live_entries = "\n".join(
    f'<li class="lb-post" id="post-{i}"><div class="lb-post__time"><time datetime="2024-11-05T{20 + i // 2}:{(i * 17) % 60:02d}:00-05:00">{20 + i // 2}:{(i * 17) % 60:02d}</time></div>'
    f'<h3 class="lb-post__title">{t}</h3><div class="lb-post__body"><p>{p}</p></div>'
    f'<div class="lb-post__share"><button>Copy link</button> <a href="/share?post={i}">Share</a></div></li>'
    for i, (t, p) in enumerate(zip(["Polls close", "Turnout high", "First results", "Webb camp unfazed", "Race tightening", "Speeches expected"], LIVE, strict=True)))
page("statewire_liveblog.html", f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Live: Governor's race results as they happen - StateWire</title>
<meta property="og:title" content="Governor's race results: live updates">
<meta property="og:site_name" content="StateWire">
<meta property="og:type" content="article">
<meta property="article:published_time" content="2024-11-05T20:00:00-05:00">
<meta property="article:author" content="StateWire politics team">
<link rel="canonical" href="https://www.statewire.example/politics/live/2024/11/05/governor-race-results">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"LiveBlogPosting","headline":"Governor's race results: live updates","coverageStartTime":"2024-11-05T20:00:00-05:00","datePublished":"2024-11-05T20:00:00-05:00","author":{{"@type":"Organization","name":"StateWire"}},"publisher":{{"@type":"Organization","name":"StateWire"}}}}</script>
</head>
<body>
<header class="gh"><div class="gh__logo"><a href="/">StateWire</a></div>
<nav class="gh__nav"><a href="/politics">Politics</a><a href="/business">Business</a><a href="/weather">Weather</a><a href="/newsletters">Newsletters</a><a href="/login">Sign in</a></nav></header>
<div class="breaking-ticker" role="marquee">BREAKING: Highway 9 closed after crash near Riverton &bull; Storm watch for coastal counties</div>
<main class="lb">
<h1 class="lb__title">Governor's race results: live updates</h1>
<div class="lb__summary"><h2>Key points</h2><ul><li>Polls closed at 8pm</li><li>Park leads narrowly with 40% counted</li></ul></div>
<div class="lb__byline">By the StateWire politics team</div>
<ol class="lb__feed">
{live_entries}
</ol>
<button class="lb__more">Load more updates</button>
</main>
<aside class="rail"><h2>Latest videos</h2><ul><li><a href="/v/1">Watch: voters queue in the rain in Riverton</a></li><li><a href="/v/2">Explainer: how ballots are counted</a></li></ul>
<div class="newsletter-box"><h3>Get the Morning Briefing</h3><p>Sign up for our free daily newsletter.</p><form><input type="email" placeholder="Email"><button>Sign up</button></form></div></aside>
<footer class="gf"><p>&copy; 2024 StateWire Inc. <a href="/terms">Terms of use</a> <a href="/privacy">Privacy</a></p></footer>
</body></html>
""", body=LIVE, excludes=["Highway 9 closed", "Latest videos", "voters queue in the rain", "Morning Briefing", "Terms of use", "Load more updates"],
     title="Governor's race results: live updates", date="2024-11-05", site_name="StateWire", language="en",
     canonical_url="https://www.statewire.example/politics/live/2024/11/05/governor-race-results",
     base_url="https://www.statewire.example/politics/live/2024/11/05/governor-race-results", english=True)

# --------------------------------------------------------------------------------------------
# 5. An Arabic site, right to left, windows-1256 declared by http-equiv.
WATER = [
    'أعلنت وزارة المياه يوم الأحد عن خطة طارئة لمواجهة نقص المياه في مدينة الزرقاء، بعد أن انخفضت إمدادات الشبكة العامة إلى أقل من نصف حاجة السكان خلال شهر آب.',
    'وقال وزير المياه خالد العمري في مؤتمر صحفي إن الوزارة ستشغّل عشرين بئراً جديدة وتزيد عدد الصهاريج التي توزع المياه على الأحياء الأكثر تضرراً، مضيفاً أن «الأزمة مؤقتة ولن تستمر بعد بدء تشغيل <a href="/news/2023/07/desalination-project">مشروع التحلية</a> في الربيع المقبل».',
    'ويشكو سكان أحياء شرق المدينة من انقطاع المياه لأكثر من أسبوع في بعض الأحيان. وقالت أم محمد، وهي أم لخمسة أطفال: «نشتري الماء من الصهاريج بأسعار مرتفعة، ولا نعرف متى ستصل المياه إلى بيوتنا».',
    'ويرى خبراء أن المشكلة أعمق من موجة الحر الحالية، إذ تفقد الشبكة نحو أربعين في المئة من المياه بسبب التسرب والاعتداءات على الخطوط، وفق <a href="https://www.water-report.example.org/ar/2023">تقرير دولي</a> صدر العام الماضي.',
    'ومن المتوقع أن يوفر مشروع التحلية في العقبة ثلاثمئة مليون متر مكعب سنوياً عند اكتماله، لكن تكلفته المرتفعة أثارت تساؤلات في البرلمان حول أسعار المياه في المستقبل.',
]
page("alyawm_arabic_cp1256.html", f"""<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">
<title>خطة طارئة لمواجهة نقص المياه في الزرقاء | اليوم الإخباري</title>
<meta property="og:site_name" content="اليوم الإخباري">
<meta property="og:title" content="خطة طارئة لمواجهة نقص المياه في الزرقاء">
<meta property="og:url" content="https://www.alyawm-news.example/local/2023/08/20/water-plan">
<meta name="author" content="سارة الخطيب">
<meta property="article:published_time" content="2023-08-20T10:00:00+03:00">
</head>
<body>
<header class="top"><div class="logo"><a href="/">اليوم الإخباري</a></div>
<nav class="menu"><ul><li><a href="/">الرئيسية</a></li><li><a href="/local">محليات</a></li><li><a href="/world">عربي ودولي</a></li><li><a href="/economy">اقتصاد</a></li><li><a href="/sport">رياضة</a></li></ul></nav></header>
<div class="container">
<article class="news-article">
<h1>خطة طارئة لمواجهة نقص المياه في الزرقاء</h1>
<div class="author">بقلم: سارة الخطيب</div><div class="date">الأحد 20 آب 2023</div>
<div class="news-body">
{ps(WATER)}
</div>
<div class="share-bar">شارك: <a href="#">فيسبوك</a> <a href="#">تويتر</a></div>
</article>
<aside class="most-read"><h3>الأكثر قراءة</h3><ul><li><a href="/a/1">ارتفاع أسعار الخضار في الأسواق المركزية</a></li><li><a href="/a/2">نتائج امتحانات الثانوية العامة</a></li></ul></aside>
</div>
<footer><p>جميع الحقوق محفوظة © اليوم الإخباري 2023</p><a href="/privacy">سياسة الخصوصية</a></footer>
</body></html>
""", encoding="cp1256", body=WATER, excludes=["الأكثر قراءة", "ارتفاع أسعار الخضار", "جميع الحقوق محفوظة", "سياسة الخصوصية"],
     title="خطة طارئة لمواجهة نقص المياه في الزرقاء", byline="سارة الخطيب", date="2023-08-20", site_name="اليوم الإخباري",
     language="ar", base_url="https://www.alyawm-news.example/local/2023/08/20/water-plan", english=False)

# --------------------------------------------------------------------------------------------
# 6. A Japanese site in Shift_JIS.
HEAT = [
    '気象庁は28日、東京都心で最高気温が39.1度に達し、観測史上最も高い気温を記録したと発表した。各地で熱中症とみられる症状で搬送される人が相次いでいる。',
    '東京消防庁によると、28日午後6時までに熱中症の疑いで搬送された人は都内で183人に上った。このうち65歳以上の高齢者が半数以上を占めているという。',
    '気象庁の担当者は記者会見で「命に危険を及ぼすレベルの暑さが続く。冷房を適切に使い、こまめに水分を補給してほしい」と呼びかけた。詳しくは<a href="https://www.jma.example.go.jp/heat/">熱中症警戒アラートのページ</a>で確認できる。',
    '暑さは週末まで続く見通しで、関東甲信地方では30日にかけて最高気温が38度前後になると予想されている。電力需給の逼迫も懸念されており、政府は<a href="/economy/20230728-power.html">節電への協力</a>を呼びかけている。',
    '専門家は、夜間も気温が下がらない「熱帯夜」が続くことで、睡眠中の熱中症のリスクも高まると指摘している。',
]
page("asahi_like_sjis.html", f"""<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="Shift_JIS">
<title>都心で39.1度、観測史上最高 熱中症の搬送相次ぐ：東都新聞デジタル</title>
<meta property="og:site_name" content="東都新聞デジタル">
<meta property="og:title" content="都心で39.1度、観測史上最高 熱中症の搬送相次ぐ">
<link rel="canonical" href="https://www.toto-shimbun.example/articles/ASR7X6K2.html">
<meta name="cXenseParse:recs:publishtime" content="2023-07-28T19:30:00+0900">
<meta property="article:published_time" content="2023-07-28T19:30:00+09:00">
</head>
<body>
<div id="header"><div class="logo"><a href="/">東都新聞デジタル</a></div>
<ul class="gnav"><li><a href="/">トップ</a></li><li><a href="/national/">社会</a></li><li><a href="/politics/">政治</a></li><li><a href="/economy/">経済</a></li><li><a href="/international/">国際</a></li><li><a href="/login/">ログイン</a></li></ul></div>
<div id="main">
<div class="article">
<h1>都心で39.1度、観測史上最高 熱中症の搬送相次ぐ</h1>
<p class="date">2023年7月28日 19時30分</p>
<div class="article-body">
{ps(HEAT)}
</div>
<p class="paywall-notice">この記事は有料会員記事です。有料会員になると続きをお読みいただけます。</p>
</div>
<div id="sub"><h2>アクセスランキング</h2><ol><li><a href="/r/1">人気ラーメン店が閉店へ</a></li><li><a href="/r/2">新幹線、一部区間で運転見合わせ</a></li></ol></div>
</div>
<div id="footer"><p>Copyright &copy; 東都新聞社 All rights reserved. 無断転載を禁じます。</p><a href="/policy/">プライバシーポリシー</a></div>
</body></html>
""", encoding="shift_jis", body=HEAT, excludes=["アクセスランキング", "人気ラーメン店", "無断転載を禁じます", "プライバシーポリシー"],
     title="都心で39.1度、観測史上最高 熱中症の搬送相次ぐ", date="2023-07-28", site_name="東都新聞デジタル", language="ja",
     canonical_url="https://www.toto-shimbun.example/articles/ASR7X6K2.html",
     base_url="https://www.toto-shimbun.example/articles/ASR7X6K2.html", english=False)

# --------------------------------------------------------------------------------------------
# 7. Saved by a browser, with <base href> and relative links.
PORT = [
    'The Harbour Authority has approved a $340 million expansion of the container terminal at Kelso Point, a project it says will double the port&rsquo;s capacity by 2030 and create about 900 permanent jobs.',
    'The decision follows a year of public hearings. Opponents, including the <a href="../community/kelso-residents-association.html">Kelso Residents&rsquo; Association</a>, argued that extra truck traffic would make the neighbourhood&rsquo;s air quality worse.',
    'Authority chair Grace Lindqvist said the expansion would be &ldquo;the most closely monitored construction project in the harbour&rsquo;s history,&rdquo; with air-quality sensors installed on every street leading to the terminal.',
    'Under the plan, a new rail spur will carry a third of the containers directly to the inland freight hub, reducing the number of trucks by about 400 a day. Details are in the <a href="documents/kelso-expansion-summary.pdf">project summary</a> published alongside the decision.',
    'The city council still has to approve changes to the zoning rules, which it is expected to debate in March. Read our earlier coverage of <a href="/business/2024/01/port-hearings-close.html">the final public hearing</a>.',
]
page("harbour_saved_base.html", f"""<!DOCTYPE html>
<!-- saved from url=(0075)https://www.harbourtimes.example/news/2024/02/kelso-terminal-expansion.html -->
<html lang="en"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<base href="https://www.harbourtimes.example/news/2024/">
<title>Harbour Authority approves Kelso Point terminal expansion - The Harbour Times</title>
<link rel="stylesheet" href="./Harbour Authority approves Kelso Point terminal expansion_files/site.css">
<meta name="byl" content="By Samuel Achebe">
<meta name="author" content="Samuel Achebe">
<meta name="pdate" content="20240208">
<meta property="article:published_time" content="2024-02-08T14:20:00Z">
<meta property="og:site_name" content="The Harbour Times">
</head>
<body>
<div class="masthead"><a href="/">The Harbour Times</a> <span class="tagline">Serving the waterfront since 1921</span></div>
<ul class="nav-sections"><li><a href="/news/">News</a></li><li><a href="/business/">Business</a></li><li><a href="/opinion/">Opinion</a></li><li><a href="/classifieds/">Classifieds</a></li></ul>
<div class="story-wrap">
  <div class="story">
    <h1 class="story-headline">Harbour Authority approves Kelso Point terminal expansion</h1>
    <p class="story-byline">By Samuel Achebe &middot; Feb. 8, 2024</p>
    <div class="story-text">
{ps(PORT)}
    </div>
  </div>
  <div class="sidebar"><div class="widget"><h4>Classifieds</h4><p>2BR apartment near the marina, $1,850/month. Call 555-0142.</p></div>
  <div class="widget"><h4>Popular</h4><a href="sports/rowing-club-centenary.html">Rowing club celebrates centenary</a></div></div>
</div>
<div class="footer">The Harbour Times &middot; 12 Quay Street &middot; <a href="/contact/">Contact</a> &middot; <a href="/subscribe/">Subscribe for $4.99/month</a></div>
<script src="./Harbour Authority approves Kelso Point terminal expansion_files/app.js"></script>
</body></html>
""", body=PORT, excludes=["Serving the waterfront", "2BR apartment", "Rowing club celebrates", "12 Quay Street", "Subscribe for"],
     title="Harbour Authority approves Kelso Point terminal expansion", byline="Samuel Achebe", date="2024-02-08",
     site_name="The Harbour Times", language="en", base_url="https://www.harbourtimes.example/news/2024/", english=True)

# --------------------------------------------------------------------------------------------
# 8. Saved by a browser, no <base>: relative links resolve against the saved-from address.
SCHOOL = [
    'Teachers at Riverside High School walked out of their classrooms on Friday morning after the district announced it would cut 42 teaching positions next year to close a $6 million budget gap.',
    'About 150 teachers, parents and students gathered outside the district office on Elm Avenue. &ldquo;You cannot teach 38 kids in a chemistry lab built for 24,&rdquo; said science teacher Omar Haddad.',
    'Superintendent Karen Bloom said the cuts were &ldquo;painful but unavoidable&rdquo; after enrolment fell for the fifth year in a row. The district&rsquo;s <a href="budget/2024-25-proposal.html">budget proposal</a> also closes two elementary schools.',
    'The school board will vote on the proposal on April 18. Parents can submit comments through the <a href="/board/public-comment">district&rsquo;s public comment form</a> until April 15.',
]
page("riverside_saved_nobase.html", f"""<!DOCTYPE html>
<!-- saved from url=(0067)https://www.valleyherald.example/education/riverside-teachers-walkout -->
<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>Riverside teachers walk out over plan to cut 42 jobs | Valley Herald</title>
<meta name="author" content="Jenna Liu">
<meta property="article:published_time" content="2024-03-22T11:05:00-07:00">
<link rel="canonical" href="https://valleyherald.example/amp/education/riverside-teachers-walkout">
</head>
<body>
<div id="site-header"><div class="brand">Valley Herald</div><div id="menu"><a href="/">Home</a> <a href="/education">Education</a> <a href="/sports">Sports</a> <a href="/obits">Obituaries</a> <a href="/eedition">E-Edition</a></div></div>
<div id="article-container">
<h1>Riverside teachers walk out over plan to cut 42 jobs</h1>
<div class="article-byline">Jenna Liu, Valley Herald &mdash; March 22, 2024</div>
<div class="article-content">
{ps(SCHOOL)}
</div>
<div class="related-stories"><h3>Related stories</h3><ul><li><a href="/education/enrolment-falls">Enrolment falls for fifth year</a></li><li><a href="/education/new-superintendent">Board names new superintendent</a></li></ul></div>
</div>
<div id="site-footer">Valley Herald is part of the Mountain News Group. <a href="/privacy">Privacy</a> | <a href="/terms">Terms</a></div>
</body></html>
""", body=SCHOOL, excludes=["E-Edition", "Related stories", "Board names new superintendent", "Mountain News Group"],
     title="Riverside teachers walk out over plan to cut 42 jobs", byline="Jenna Liu", date="2024-03-22", language="en",
     base_url="https://www.valleyherald.example/education/riverside-teachers-walkout", english=True)

# --------------------------------------------------------------------------------------------
# 9. An AMP page.
CHIP = [
    'Semiconductor maker Norvex will build a $4.5 billion chip plant outside Columbus, the company said on Monday, in the largest single investment in the state&rsquo;s history.',
    'The factory will make power chips for electric vehicles and is expected to employ 1,800 people when it opens in 2027. Construction will begin this summer on a 600-acre site in Licking County.',
    '&ldquo;We chose Ohio because of its workforce and because it is close to our biggest customers,&rdquo; Norvex chief executive Anita Kowalski said at a news conference with Governor Mike Brennan.',
    'The state will provide $600 million in tax credits and infrastructure spending, according to the <a href="https://development.ohio.example.gov/norvex-agreement">agreement published by the development agency</a>. The company is also applying for federal subsidies under the CHIPS Act.',
    'Norvex already operates plants in Arizona and Texas. Its shares rose 3% in early trading after the announcement. <a href="/tech/2024/01/chip-shortage-easing.html">The global chip shortage has eased</a> since 2022, but demand for power chips remains strong.',
]
page("metroherald_amp.html", f"""<!doctype html>
<html ⚡ lang="en">
<head>
<meta charset="utf-8">
<script async src="https://cdn.ampproject.example/v0.js"></script>
<script async custom-element="amp-ad" src="https://cdn.ampproject.example/v0/amp-ad-0.1.js"></script>
<script async custom-element="amp-sidebar" src="https://cdn.ampproject.example/v0/amp-sidebar-0.1.js"></script>
<title>Norvex to build $4.5bn chip plant near Columbus - Metro Herald</title>
<link rel="canonical" href="https://www.metroherald.example/tech/2024/05/norvex-chip-plant-columbus.html">
<meta name="viewport" content="width=device-width">
<style amp-boilerplate>body{{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both;animation:-amp-start 8s steps(1,end) 0s 1 normal both}}</style>
<style amp-custom>.article-body p{{font-size:18px;line-height:1.5}}</style>
<script type="application/ld+json">{{"@context":"http://schema.org","@type":"NewsArticle","headline":"Norvex to build $4.5bn chip plant near Columbus","datePublished":"2024-05-13T09:00:00-04:00","author":{{"@type":"Person","name":"Kevin Tran"}},"publisher":{{"@type":"Organization","name":"Metro Herald"}}}}</script>
</head>
<body>
<amp-sidebar id="sidebar" layout="nodisplay" side="left"><ul><li><a href="/news">News</a></li><li><a href="/tech">Tech</a></li><li><a href="/sports">Sports</a></li></ul></amp-sidebar>
<header class="amp-header"><button on="tap:sidebar.toggle">Menu</button><a href="https://www.metroherald.example/">Metro Herald</a></header>
<article>
<h1>Norvex to build $4.5bn chip plant near Columbus</h1>
<div class="byline">By Kevin Tran | May 13, 2024</div>
<amp-img src="https://img.metroherald.example/norvex.jpg" width="1200" height="675" layout="responsive" alt="Site of the plant"></amp-img>
<div class="article-body">
{ps(CHIP[:3])}
<amp-ad width="300" height="250" type="doubleclick" data-slot="/1234/metroherald/tech"><div fallback>Advertisement</div></amp-ad>
{ps(CHIP[3:])}
</div>
<amp-social-share type="twitter"></amp-social-share><amp-social-share type="facebook"></amp-social-share>
</article>
<footer><p>&copy; 2024 Metro Herald. <a href="/amp/privacy">Privacy Policy</a></p></footer>
</body></html>
""", body=CHIP, excludes=["Advertisement", "Privacy Policy"],
     title="Norvex to build $4.5bn chip plant near Columbus", byline="Kevin Tran", date="2024-05-13", site_name="Metro Herald",
     language="en", canonical_url="https://www.metroherald.example/tech/2024/05/norvex-chip-plant-columbus.html",
     base_url="https://www.metroherald.example/tech/2024/05/norvex-chip-plant-columbus.html", english=True)

# --------------------------------------------------------------------------------------------
# 10. Metadata only in JSON-LD; BEM class names; newsletter box inside the article.
HOSPITAL = [
    'Waiting times at accident and emergency departments in the north-east reached their worst level on record in January, with one in four patients waiting more than 12 hours to be admitted, figures published on Thursday show.',
    'The data from the <a href="https://www.health-statistics.example.org/ae-january-2025">National Health Statistics Office</a> shows that 27% of patients at the region&rsquo;s six major hospitals waited longer than the 12-hour limit, up from 19% a year earlier.',
    'Dr Fiona Kerr, who chairs the regional branch of the College of Emergency Medicine, said staff were &ldquo;treating patients in corridors every single day.&rdquo; She added: &ldquo;This is not a winter crisis any more. It is the new normal.&rdquo;',
    'The health board said flu admissions had been twice as high as expected and that 300 beds were occupied by patients who were well enough to leave but had no care package in place.',
    'Health secretary Alan Moore said an extra &pound;45m would be spent on community care places before next winter. Opposition parties called for an <a href="/politics/2025/02/ae-inquiry-call">independent inquiry</a>.',
]
page("courier_jsonld.html", f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>A&amp;E waits in north-east hit worst level on record | Northern Courier</title>
<script type="application/ld+json">
[{{"@context":"https://schema.org","@type":"WebSite","name":"Northern Courier","url":"https://www.northerncourier.example/"}},
 {{"@context":"https://schema.org","@type":"NewsArticle","headline":"A&E waits in north-east hit worst level on record",
  "url":"https://www.northerncourier.example/news/health/ae-waits-record-january-2025",
  "datePublished":"2025-02-13T07:00:00Z","dateModified":"2025-02-13T08:45:00Z",
  "author":[{{"@type":"Person","name":"Priya Raman"}},{{"@type":"Person","name":"Daniel Okafor"}}],
  "publisher":{{"@type":"Organization","name":"Northern Courier"}},"inLanguage":"en-GB",
  "articleSection":"Health"}}]
</script>
</head>
<body>
<div class="c-topbar"><a class="c-topbar__logo" href="/">Northern Courier</a><div class="c-topbar__menu"><a href="/news">News</a><a href="/sport">Sport</a><a href="/whats-on">What's On</a><a href="/jobs">Jobs</a></div></div>
<div class="c-page">
<div class="c-article">
  <h1 class="c-article__title">A&amp;E waits in north-east hit worst level on record</h1>
  <div class="c-article__authors">Priya Raman &amp; Daniel Okafor &middot; Health reporters</div>
  <div class="c-article__published">13 February 2025</div>
  <div class="c-article__body">
{ps(HOSPITAL[:2])}
   <div class="c-newsletter-signup"><h4>Sign up for the Courier Daily</h4><p>Get the day&rsquo;s top stories straight to your inbox.</p><form><input type="email"><button>Subscribe</button></form></div>
{ps(HOSPITAL[2:])}
  </div>
</div>
<div class="c-more"><h3>More from Health</h3><a class="c-card" href="/news/health/dentist-shortage">Dentist shortage leaves thousands without care</a></div>
</div>
<div class="c-footer">Northern Courier &copy; 2025 | <a href="/contact">Contact</a> | <a href="/cookies">Cookie settings</a></div>
</body></html>
""", body=HOSPITAL, excludes=["Sign up for the Courier Daily", "straight to your inbox", "Dentist shortage", "Cookie settings", "What's On"],
     title="A&E waits in north-east hit worst level on record", byline="Priya Raman", date="2025-02-13",
     site_name="Northern Courier", language="en", english=True)

# --------------------------------------------------------------------------------------------
# 11. Open Graph tags only; a Next.js app with a big JSON blob and data-testid divs.
TRIAL = [
    'A federal judge on Wednesday sentenced former investment adviser Gregory Lang to 14 years in prison for defrauding more than 300 clients, many of them retired teachers, of a combined $86 million.',
    'Prosecutors said Lang, 61, ran a Ponzi scheme for nearly a decade, paying early investors with money from new ones while telling clients their savings were invested in low-risk municipal bonds.',
    '&ldquo;He looked people in the eye and lied to them for years,&rdquo; US Attorney Rachel Dunn said outside the courthouse. &ldquo;Today&rsquo;s sentence reflects the damage he did to hundreds of families.&rdquo;',
    'Lang&rsquo;s lawyer, Stephen Pryor, had asked for a sentence of seven years, arguing that his client had cooperated with investigators. He said Lang would <a href="https://www.courtdocs.example/us-v-lang/notice-of-appeal">consider an appeal</a>.',
    'A court-appointed receiver has so far recovered about $31 million for victims. Former clients can check the status of their claims on the <a href="/business/lang-fraud-victims-guide">receiver&rsquo;s website, explained here</a>.',
]
trial_sections = "\n".join(f'<div data-testid="paragraph" class="css-1x9lqwe"><p class="css-at9mc1 evys1bk0">{p}</p></div>' for p in TRIAL)
page("nextjs_og_only.html", f"""<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>
<meta name="viewport" content="width=device-width"/>
<title>Ex-adviser gets 14 years for $86m fraud of retired teachers</title>
<meta property="og:title" content="Ex-adviser gets 14 years for $86m fraud of retired teachers"/>
<meta property="og:site_name" content="The Capital Post"/>
<meta property="og:url" content="https://www.capitalpost.example/business/2024/06/12/gregory-lang-sentenced/"/>
<meta property="og:description" content="Gregory Lang ran a Ponzi scheme for nearly a decade."/>
<meta property="og:type" content="article"/>
<meta property="article:published_time" content="2024-06-12T16:48:00.000Z"/>
<meta property="article:author" content="Nadia Petrova"/>
<link rel="preload" href="/_next/static/css/8a1c.css" as="style"/>
<script src="/_next/static/chunks/webpack-3f2c.js" defer=""></script>
</head><body><div id="__next"><div class="css-1m2a3b">
<div data-testid="masthead" class="css-mh1"><a href="/" aria-label="The Capital Post home">The Capital Post</a><nav><a href="/politics">Politics</a><a href="/business">Business</a><a href="/subscribe" class="css-sub">Subscribe now: $1 for 6 months</a></nav></div>
<main id="site-content"><div class="css-article">
<header class="css-ah"><h1 data-testid="headline" class="css-hl">Ex-adviser gets 14 years for $86m fraud of retired teachers</h1>
<div class="css-byline"><span>By <a href="/people/nadia-petrova">Nadia Petrova</a></span><time dateTime="2024-06-12T16:48:00.000Z">June 12, 2024</time></div></header>
<section name="articleBody" data-testid="article-body">
{trial_sections}
</section>
<div data-testid="gift-article" class="css-gift"><button>Give this article</button><span>You have 10 gift articles to give each month.</span></div>
</div></main>
<div data-testid="recirculation"><h2>Editors&#x27; Picks</h2><a href="/food/best-summer-recipes">Our 25 best summer recipes</a></div>
<footer data-testid="footer"><p>&copy; 2024 The Capital Post Company</p><a href="/help">Help</a></footer>
</div></div>
<script id="__NEXT_DATA__" type="application/json">{{"props":{{"pageProps":{{"article":{{"id":"a-88213","headline":"Ex-adviser gets 14 years","body":[{{"type":"paragraph","text":"A federal judge on Wednesday sentenced..."}}]}},"ads":{{"slots":["top","mid","bottom"]}}}}}},"page":"/[section]/[...slug]","buildId":"x9Kd"}}</script>
</body></html>
""", body=TRIAL, excludes=["Subscribe now", "gift articles", "Editors' Picks", "best summer recipes", "pageProps"],
     title="Ex-adviser gets 14 years for $86m fraud of retired teachers", byline="Nadia Petrova", date="2024-06-12",
     site_name="The Capital Post", language="en", canonical_url="https://www.capitalpost.example/business/2024/06/12/gregory-lang-sentenced/",
     base_url="https://www.capitalpost.example/business/2024/06/12/gregory-lang-sentenced/", english=True)

# --------------------------------------------------------------------------------------------
# 12. A Russian page in KOI8-R with no charset declared at all.
METRO = [
    'Мэрия Новосибирска объявила в понедельник о начале строительства новой станции метро «Спортивная», которое откладывалось почти десять лет из-за нехватки денег.',
    'По словам мэра города Андрея Соколова, станция будет открыта для пассажиров в конце 2026 года. Стоимость работ оценивается в 9,4 миллиарда рублей, большую часть которых выделит федеральный бюджет.',
    '«Жители левого берега ждали эту станцию слишком долго. Теперь у нас есть деньги, подрядчик и чёткий график», — заявил Соколов журналистам на строительной площадке.',
    'Новая станция свяжет стадион и жилые кварталы с центром города. Подробная схема работ опубликована на <a href="http://www.metro-nsk.example.ru/sportivnaya/">сайте метрополитена</a>.',
    'Эксперты, однако, сомневаются, что сроки будут соблюдены. Строительство предыдущей станции, «Золотой нивы», заняло более двадцати лет.',
]
page("sibir_koi8r_undeclared.html", f"""<html>
<head>
<title>В Новосибирске начали строить станцию метро «Спортивная» - Сибирские вести</title>
<meta name="author" content="Ирина Волкова">
</head>
<body>
<div class="header"><a href="/">Сибирские вести</a> <span class="slogan">Новости Сибири каждый день</span></div>
<div class="menu"><a href="/news/">Новости</a> | <a href="/economy/">Экономика</a> | <a href="/sport/">Спорт</a> | <a href="/weather/">Погода</a></div>
<div class="content">
<h1>В Новосибирске начали строить станцию метро «Спортивная»</h1>
<div class="info">Ирина Волкова, 15 апреля 2024</div>
<div class="text">
{ps(METRO)}
</div>
<div class="comments"><b>Комментарии</b><div class="comment">Гость: Не верю, что построят к 2026 году.</div></div>
</div>
<div class="right"><b>Популярное</b><br><a href="/p/1">Цены на бензин снова выросли</a></div>
<div class="footer">© 2024 Сибирские вести. Перепечатка материалов только с разрешения редакции.</div>
</body></html>
""", encoding="koi8_r", body=METRO, excludes=["Не верю, что построят", "Цены на бензин", "Перепечатка материалов"],
     title="В Новосибирске начали строить станцию метро «Спортивная»", language="ru", english=False)

# --------------------------------------------------------------------------------------------
# 13. A Chinese page declared gb2312 that uses characters only GBK has (镕, 喆).
RAIL = [
    '国家铁路集团12日宣布，连接成都和西宁的高速铁路将于今年底全线通车，届时两地之间的旅行时间将从目前的二十多个小时缩短到约五个小时。',
    '这条铁路全长约八百公里，穿越青藏高原东缘的高山峡谷地区，其中桥梁和隧道占线路总长的百分之八十以上。项目总工程师王喆表示，施工团队克服了高海拔、冻土和地质灾害等多重困难。',
    '铁路部门表示，新线路开通后，每天将开行客运列车三十对，并将带动沿线旅游业发展。详细的<a href="http://www.railway.example.cn/chengxi/">线路规划</a>已在官方网站公布。',
    '有专家指出，高原铁路的运营维护成本较高，需要长期投入。交通运输研究院的朱镕教授说，相关部门应做好长期运营的准备。',
]
zh_markup = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>成西高铁年底全线通车_新华视点网</title>
<meta name="keywords" content="高铁,成都,西宁">
<meta name="publishdate" content="2024-09-12">
<meta name="source" content="新华视点网">
</head>
<body>
<div class="top"><a href="/">新华视点网</a><ul class="nav"><li><a href="/">首页</a></li><li><a href="/gn/">国内</a></li><li><a href="/gj/">国际</a></li><li><a href="/cj/">财经</a></li></ul></div>
<div class="main">
<div class="left">
<h1>成西高铁年底全线通车</h1>
<div class="info">2024年09月12日 10:20　来源：新华视点网　作者：李明</div>
<div id="content" class="TRS_Editor">
{ps(RAIL)}
</div>
<div class="editor">（责任编辑：张华）</div>
</div>
<div class="right"><h3>热点排行</h3><ul><li><a href="/r/1">多地发布高温预警</a></li><li><a href="/r/2">中秋假期出行指南</a></li></ul></div>
</div>
<div class="foot">版权所有 新华视点网 未经授权禁止转载</div>
</body></html>
"""
try:
    zh_markup.encode("gb2312")
    raise SystemExit("the Chinese page must need GBK")
except UnicodeEncodeError:
    pass
page("xinhua_like_gbk.html", zh_markup, encoding="gbk", body=RAIL, excludes=["热点排行", "多地发布高温预警", "版权所有", "未经授权禁止转载"],
     title="成西高铁年底全线通车", date="2024-09-12", language="zh", english=False)

# --------------------------------------------------------------------------------------------
# 14. UTF-8 bytes declared as iso-8859-1 (a common mistake): Portuguese.
FIRE = [
    'Os bombeiros controlaram na madrugada de sábado o incêndio que atingiu a serra de Monchique durante quatro dias, depois de destruir cerca de 8.000 hectares de floresta e obrigar à retirada de mais de 700 pessoas.',
    '“Foi uma noite muito difícil, mas o vento acalmou e conseguimos fechar as últimas frentes”, disse o comandante distrital Rui Almeida, acrescentando que cerca de 400 operacionais vão permanecer no terreno.',
    'O Governo anunciou um <a href="https://www.portugal.example.gov.pt/apoios-incendio-monchique">pacote de apoios</a> de 12 milhões de euros para agricultores e empresas afetadas. A ministra da Administração Interna, Teresa Lopes, visitou a zona no sábado à tarde.',
    'As causas do incêndio ainda estão a ser investigadas pela Polícia Judiciária. Segundo a autarquia, é o maior fogo na região desde <a href="/2018/08/monchique-incendio-balanco.html">o incêndio de 2018</a>.',
]
page("sul_misdeclared_utf8.html", f"""<!DOCTYPE html>
<html lang="pt-PT">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
<title>Incêndio de Monchique dado como dominado | Jornal do Sul</title>
<meta property="og:site_name" content="Jornal do Sul">
<meta name="author" content="Ana Ferreira">
<meta property="article:published_time" content="2024-08-10T09:30:00+01:00">
</head>
<body>
<header><a href="/">Jornal do Sul</a><nav><a href="/pais">País</a> <a href="/mundo">Mundo</a> <a href="/desporto">Desporto</a> <a href="/assinar">Assine já</a></nav></header>
<main>
<article>
<h1>Incêndio de Monchique dado como dominado</h1>
<p class="autor">Ana Ferreira · 10 de agosto de 2024</p>
{ps(FIRE)}
</article>
<aside><h2>Mais lidas</h2><a href="/x/1">Preço dos combustíveis desce na segunda-feira</a></aside>
</main>
<footer>© Jornal do Sul. Todos os direitos reservados. <a href="/cookies">Política de cookies</a></footer>
</body></html>
""", encoding="utf-8", body=FIRE, excludes=["Mais lidas", "Preço dos combustíveis", "Todos os direitos reservados", "Assine já"],
     title="Incêndio de Monchique dado como dominado", byline="Ana Ferreira", date="2024-08-10", site_name="Jornal do Sul",
     language="pt", english=False)

# --------------------------------------------------------------------------------------------
# 15. XHTML 1.0 Strict with an XML declaration, latin-1, German.
TRAIN = [
    'Die Deutsche Bahn will bis 2030 rund 40 Milliarden Euro in die Sanierung ihres Schienennetzes investieren. Das kündigte Bahnchef Richard Lutz am Dienstag in Berlin an.',
    'Vorrang haben dabei die am stärksten belasteten Strecken, darunter die Verbindungen zwischen Frankfurt und Mannheim sowie zwischen Hamburg und Berlin. Diese sollen jeweils für mehrere Monate vollständig gesperrt werden.',
    '„Wir müssen jetzt durch ein paar schwierige Jahre, damit die Bahn danach wieder pünktlich fährt“, sagte Lutz. Im vergangenen Jahr war nur gut 64 Prozent der Fernzüge pünktlich.',
    'Der Fahrgastverband Pro Bahn begrüßte die Pläne grundsätzlich, kritisierte aber die langen Sperrungen. Eine <a href="http://www.bahn-sanierung.example.de/strecken.html">Übersicht der betroffenen Strecken</a> hat die Bahn im Internet veröffentlicht.',
]
de_markup = f"""<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="de" lang="de">
<head>
<title>Bahn will 40 Milliarden Euro in marode Strecken stecken - Rheinische Rundschau</title>
<meta name="author" content="Markus Weber" />
<meta name="date" content="2023-09-26" />
<script type="text/javascript">
//<![CDATA[
var tracking = {{"page": "wirtschaft/bahn", "ivw": "/2023/09/26"}};
//]]>
</script>
</head>
<body>
<div id="navigation"><ul><li><a href="/">Startseite</a></li><li><a href="/politik/">Politik</a></li><li><a href="/wirtschaft/">Wirtschaft</a></li><li><a href="/sport/">Sport</a></li></ul></div>
<div id="inhalt">
<h1>Bahn will 40 Milliarden Euro in marode Strecken stecken</h1>
<p class="autor">Von Markus Weber, 26.09.2023</p>
<div class="artikeltext">
{ps(TRAIN)}
</div>
<p class="weiterlesen"><a href="/wirtschaft/">Mehr aus Wirtschaft</a></p>
</div>
<div id="footer"><p>© 2023 Rheinische Rundschau GmbH · Impressum · Datenschutz</p></div>
</body>
</html>
"""
page("rundschau_xhtml_latin1.xhtml", de_markup, encoding="latin-1", body=TRAIN, excludes=["Startseite", "Impressum", "Rheinische Rundschau GmbH", "tracking"],
     title="Bahn will 40 Milliarden Euro in marode Strecken stecken", byline="Markus Weber", date="2023-09-26", language="de", english=False)

# --------------------------------------------------------------------------------------------
# 16. UTF-16 with a BOM: Spanish.
ELECTION = [
    'El Gobierno de Chile anunció este jueves un plan para construir 260.000 viviendas sociales en los próximos cuatro años, con el objetivo de reducir el déficit habitacional que afecta a más de medio millón de familias.',
    'El ministro de Vivienda, Carlos Montes, explicó que el plan se financiará con fondos públicos y con la participación de empresas constructoras privadas. «Es el mayor esfuerzo en vivienda de las últimas tres décadas», afirmó.',
    'Las organizaciones de pobladores valoraron el anuncio, pero advirtieron que los plazos son demasiado largos. Según un <a href="https://www.techo.example.org/informe-campamentos-2024">informe reciente</a>, el número de campamentos en el país se ha duplicado desde 2019.',
    'La oposición criticó que el plan no incluya medidas para controlar el precio de los arriendos, que han subido un 30 % en Santiago desde la pandemia.',
]
page("tercera_utf16.html", f"""<!DOCTYPE html>
<html lang="es">
<head>
<meta charset="utf-16">
<title>Gobierno anuncia plan para construir 260.000 viviendas sociales - La Tercera Hora</title>
<meta property="og:site_name" content="La Tercera Hora">
<meta property="article:published_time" content="2024-04-18T13:00:00-04:00">
<meta name="author" content="Valentina Rojas">
</head>
<body>
<header><div class="logo">La Tercera Hora</div><nav><a href="/nacional">Nacional</a> <a href="/mundo">Mundo</a> <a href="/deportes">Deportes</a> <a href="/suscripcion">Suscríbete</a></nav></header>
<main><article>
<h1>Gobierno anuncia plan para construir 260.000 viviendas sociales</h1>
<div class="autor">Por Valentina Rojas</div>
{ps(ELECTION)}
</article>
<aside><h3>Lo más leído</h3><a href="/a/1">Colo-Colo gana el clásico en el último minuto</a></aside></main>
<footer>Todos los derechos reservados © La Tercera Hora</footer>
</body></html>
""", encoding="utf-16", body=ELECTION, excludes=["Lo más leído", "Colo-Colo gana", "Todos los derechos reservados", "Suscríbete"],
     title="Gobierno anuncia plan para construir 260.000 viviendas sociales", byline="Valentina Rojas", date="2024-04-18",
     site_name="La Tercera Hora", language="es", english=False)

# --------------------------------------------------------------------------------------------
# 17. A clean "print view": a whole document but no boilerplate. Loads as is, headline included.
PRINT = [
    'The city&rsquo;s oldest independent bookshop, Harlow &amp; Finch, will close at the end of the month after 112 years, its owners said on Saturday.',
    'Margaret Finch, whose grandfather opened the shop in 1912, said rising rent and falling sales had made it impossible to continue. &ldquo;We held on through two world wars and a pandemic, but we cannot hold on through this lease,&rdquo; she said.',
    'Customers have started a <a href="https://petitions.example.org/save-harlow-finch">petition</a> asking the landlord to reconsider. It had more than 9,000 signatures by Sunday evening.',
]
page("bookshop_print_clean.html", f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Harlow &amp; Finch bookshop to close after 112 years</title>
<meta name="author" content="Oliver Grant"></head>
<body>
<h1>Harlow &amp; Finch bookshop to close after 112 years</h1>
{ps(PRINT)}
</body></html>
""", body=PRINT, excludes=[], extra_contains=["Harlow & Finch bookshop to close after 112 years"], extracted=False,
     title="Harlow & Finch bookshop to close after 112 years", byline="Oliver Grant", language="en", english=True)

# --------------------------------------------------------------------------------------------
# 18. Ads, "read more" promos and social buttons interleaved with the paragraphs.
VACCINE = [
    'Health officials in Maple County have confirmed 23 cases of measles in the past three weeks, the largest outbreak in the region since 2019, and are urging parents to check that their children are vaccinated.',
    'Most of the cases are among unvaccinated children aged between two and eleven, according to the county health department. Four children have been admitted to hospital; none is in a serious condition.',
    '&ldquo;Measles is one of the most contagious diseases we know of,&rdquo; said Dr Samuel Ortiz, the county&rsquo;s medical officer. &ldquo;One infected person can pass it to nine out of ten people around them who are not protected.&rdquo;',
    'Free vaccination clinics will open on Saturday at three locations. The full list of <a href="https://health.maplecounty.example.gov/measles-clinics">clinic locations and hours</a> is on the county website.',
    'Vaccination rates among kindergarten students in the county fell to 89% last year, below the 95% that experts say is needed to stop outbreaks, <a href="/health/2024/09/vaccination-rates-fall">our analysis found</a>.',
]
ad = '<div class="ad-container ad-inarticle"><span class="ad-label">Advertisement</span><div id="div-gpt-ad-1" class="gpt-slot"></div></div>'
promo = '<div class="related-inline"><strong>Read more:</strong> <a href="/health/2024/10/flu-season-early">Flu season arrives early across the state</a></div>'
page("maple_ads_inline.html", f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8">
<title>Measles outbreak: 23 cases confirmed in Maple County | Maple County Chronicle</title>
<meta property="og:site_name" content="Maple County Chronicle">
<meta property="og:title" content="Measles outbreak: 23 cases confirmed in Maple County">
<meta name="author" content="Laura Chen">
<meta name="parsely-pub-date" content="2024-11-20T15:30:00Z">
<link rel="canonical" href="https://www.maplechronicle.example/health/2024/11/20/measles-outbreak-maple-county">
</head>
<body>
<div class="header"><a href="/" class="logo">Maple County Chronicle</a>
<ul class="menu"><li><a href="/news">News</a></li><li><a href="/health">Health</a></li><li><a href="/sports">Sports</a></li><li><a href="/subscribe">Subscribe</a></li></ul></div>
<div class="social-share-top"><a href="#">Facebook</a> <a href="#">Email</a> <a href="#">Print</a></div>
<div class="article-wrapper">
<h1 class="headline">Measles outbreak: 23 cases confirmed in Maple County</h1>
<div class="author-byline">Laura Chen, Health Reporter</div>
<div class="article-body">
<p>{VACCINE[0]}</p>
{ad}
<p>{VACCINE[1]}</p>
{promo}
<p>{VACCINE[2]}</p>
<div class="newsletter-promo"><p>Sign up for our Health Watch newsletter to get updates in your inbox every Tuesday.</p><a href="/newsletters">Sign up now</a></div>
<p>{VACCINE[3]}</p>
{ad}
<p>{VACCINE[4]}</p>
</div>
<div class="author-bio">Laura Chen covers health for the Chronicle. Reach her at lchen@maplechronicle.example.</div>
</div>
<div class="taboola-feed"><h3>Sponsored content</h3><a href="https://ads.example/1">Doctors stunned by this one simple trick</a></div>
<div class="footer">Copyright 2024 Maple County Chronicle. <a href="/terms">Terms</a></div>
</body></html>
""", body=VACCINE, excludes=["Advertisement", "Flu season arrives early", "Health Watch newsletter", "Sponsored content", "one simple trick"],
     title="Measles outbreak: 23 cases confirmed in Maple County", byline="Laura Chen", date="2024-11-20",
     site_name="Maple County Chronicle", language="en",
     canonical_url="https://www.maplechronicle.example/health/2024/11/20/measles-outbreak-maple-county",
     base_url="https://www.maplechronicle.example/health/2024/11/20/measles-outbreak-maple-county", english=True)

# --------------------------------------------------------------------------------------------
# 19. An old ASP.NET site: the whole page inside one <form>, table layout, no semantic tags.
DAM = [
    'Engineers began releasing water from the Clearwater Dam on Monday after inspectors found cracks in the concrete spillway during a routine check last week, the regional water authority said.',
    'The authority said there was no immediate danger to residents downstream but that lowering the reservoir by about four metres would reduce pressure on the damaged section while repairs are planned.',
    '&ldquo;This is a precaution, not an emergency,&rdquo; said chief engineer Patricia Nwosu. &ldquo;We would rather take the water level down now than take any chances.&rdquo;',
    'Farmers who rely on the reservoir for irrigation have been told to expect reduced supplies until the autumn. Updates will be posted on the <a href="Notices.aspx?id=2291">authority&rsquo;s notices page</a>.',
]
page("valleywater_aspnet_form.html", f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" /><title>Cracks found in Clearwater Dam spillway - Valley Weekly</title></head>
<body>
<form name="aspnetForm" method="post" action="Article.aspx?id=7731" id="aspnetForm">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1MmRk" />
<table width="100%" cellpadding="0" cellspacing="0">
<tr><td colspan="2" class="banner"><a href="Default.aspx">Valley Weekly</a> &nbsp; <a href="Section.aspx?s=news">News</a> | <a href="Section.aspx?s=farm">Farm</a> | <a href="Section.aspx?s=sport">Sport</a> | <a href="Login.aspx">Log in</a></td></tr>
<tr><td class="leftcol" width="180" valign="top"><a href="Classifieds.aspx">Classifieds</a><br /><a href="Weather.aspx">Weather</a><br /><a href="Archive.aspx">Archive</a></td>
<td class="content" valign="top">
<span id="ctl00_lblHeadline" class="headline">Cracks found in Clearwater Dam spillway</span><br />
<span id="ctl00_lblByline" class="byline">By Henry Walsh</span> &middot; <span id="ctl00_lblDate">Monday, 15 July 2024</span>
<div id="ctl00_pnlBody" class="storybody">
{ps(DAM)}
</div>
</td></tr>
<tr><td colspan="2" class="footer">Valley Weekly &copy; 2024. Website by LocalWeb Solutions.</td></tr>
</table>
</form>
</body></html>
""", body=DAM, excludes=["Classifieds", "LocalWeb Solutions", "Log in"],
     title="Cracks found in Clearwater Dam spillway", language="en", english=True)


# --------------------------------------------------------------------------------------------
# 20. A magazine on a headless CMS: a hidden print copy of the article inside <article>, the site's
#     name in og:title, JSON-LD @graph with @id references and an organisation among the authors.
MOWERS = [
    'Robot lawnmowers sold across Europe are building detailed maps of the gardens they cut, and several models send those maps to their makers&rsquo; servers every night, an investigation has found.',
    'Researchers at the Lindqvist Institute bought eleven popular models and watched their network traffic for six weeks. Seven uploaded maps that showed the outline of the house, sheds, paths and the position of garden furniture.',
    '&ldquo;People think of these as dumb machines that go back and forth,&rdquo; said Signe Halvorsen, who led the study. &ldquo;In fact they are surveying your property to the centimetre.&rdquo;',
    'Two manufacturers said the maps were needed for features such as <a href="https://www.quillmag.example/gear/mower-zones-explained">no-go zones</a> and were stored securely. A third said it would add an option to keep maps on the device.',
    'The full findings are published in the institute&rsquo;s <a href="https://lindqvist.example/reports/garden-robots-2024.pdf">report on garden robots</a>.',
]
_MOWER_COPY = "".join(f"<p>{p}</p>" for p in MOWERS[:3])
page("quillmag_hidden_print_copy.html", f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Robot lawnmowers are quietly mapping suburban gardens | Quill Magazine</title>
<meta property="og:title" content="Robot lawnmowers are quietly mapping suburban gardens | Quill">
<meta property="og:site_name" content="Quill Magazine">
<meta name="author" content="Fernhill Publishing, Odile Marchbanks">
<link rel="canonical" href="https://www.quillmag.example/gear/robot-lawnmowers-mapping-gardens">
<script type="application/ld+json">{{"@context":"https://schema.org","@graph":[
 {{"@type":"WebSite","@id":"https://www.quillmag.example/#website","name":"Quill Magazine"}},
 {{"@type":"Organization","@id":"https://www.quillmag.example/#org","name":"Fernhill Publishing"}},
 {{"@type":"Person","@id":"https://www.quillmag.example/#/person/om","name":"Odile Marchbanks"}},
 {{"@type":["NewsArticle","Article"],"headline":"Robot lawnmowers are quietly mapping suburban gardens | Quill Magazine",
   "datePublished":"2024-05-21T07:00:00Z","author":[{{"@id":"https://www.quillmag.example/#org"}},{{"@id":"https://www.quillmag.example/#/person/om"}}],
   "publisher":{{"@id":"https://www.quillmag.example/#org"}},"inLanguage":"en-GB"}},
]}}</script>
</head>
<body>
<header class="site-header"><a href="/" class="logo">Quill</a><nav><a href="/gear">Gear</a> <a href="/science">Science</a> <a href="/culture">Culture</a> <a href="/subscribe">Subscribe</a></nav></header>
<main>
<article>
<h1>Robot lawnmowers are quietly mapping suburban gardens</h1>
<p class="byline">By Odile Marchbanks</p>
{ps(MOWERS)}
<div class="print-version" hidden><h1>Robot lawnmowers are quietly mapping suburban gardens (print edition)</h1>{_MOWER_COPY}</div>
<div class="amp-fallback" style="DISPLAY:None !important"><p>Print copy: this story appeared in the June issue of Quill.</p></div>
</article>
<aside class="most-popular"><h2>Most popular</h2><ul><li><a href="/gear/best-kettles">The best kettles of the year</a></li></ul></aside>
</main>
<footer class="site-footer">&copy; 2024 Fernhill Publishing. All rights reserved.</footer>
</body></html>
""", body=MOWERS, excludes=["(print edition)", "Print copy:", "Most popular", "best kettles", "All rights reserved"],
     title="Robot lawnmowers are quietly mapping suburban gardens", byline="Odile Marchbanks", date="2024-05-21",
     site_name="Quill Magazine", language="en",
     canonical_url="https://www.quillmag.example/gear/robot-lawnmowers-mapping-gardens",
     base_url="https://www.quillmag.example/gear/robot-lawnmowers-mapping-gardens", english=True)

# --------------------------------------------------------------------------------------------
# 21. A regional paper: the site's name before the headline, a job title in the byline, a summary
#     duplicated for screen readers only (aria-hidden copy of the standfirst).
COUNCIL_TAX = [
    'Households in Northwick will pay 4.99% more council tax from April after councillors approved the budget by 31 votes to 19 on Wednesday night.',
    'The increase adds about &pound;96 a year to a Band D bill. The council said it faced a &pound;14m gap, driven mostly by the rising cost of <a href="https://www.northwickbeacon.example/news/care-costs-explained">adult social care</a>.',
    '&ldquo;Nobody in this chamber wanted to do this,&rdquo; said council leader Imogen Cartwright-Bale. &ldquo;The alternative was closing libraries and children&rsquo;s centres.&rdquo;',
    'Opposition councillors proposed using reserves to limit the rise to 2.99%, but finance officers warned that would leave the council unable to cope with an emergency.',
]
page("northwick_beacon_site_first.html", f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Northwick Beacon - Council tax to rise by 4.99% after budget vote</title>
<meta property="og:site_name" content="The Northwick Beacon">
<meta property="article:published_time" content="2024-02-28T22:15:00Z">
<link rel="canonical" href="https://www.northwickbeacon.example/news/council-tax-rise-budget-vote">
</head>
<body>
<div class="masthead"><a href="/">The Northwick Beacon</a></div>
<nav class="main-nav"><a href="/news">News</a> <a href="/sport">Sport</a> <a href="/whats-on">What's on</a> <a href="/jobs">Jobs</a></nav>
<div class="story">
<h1>Council tax to rise by 4.99% after budget vote</h1>
<div class="byline">Rufus Okonkwo-Hale Local democracy reporter</div>
<p class="standfirst" aria-hidden="true">Screen copy: bills go up by almost five per cent in April.</p>
<div class="story-body">
{ps(COUNCIL_TAX)}
</div>
</div>
<div class="comments"><h3>Comments</h3><p>Disgraceful, as usual.</p></div>
<footer class="footer">The Northwick Beacon, part of Beacon Regional Media.</footer>
</body></html>
""", body=COUNCIL_TAX, excludes=["Screen copy:", "Disgraceful", "Beacon Regional Media"],
     title="Council tax to rise by 4.99% after budget vote", byline="Rufus Okonkwo-Hale", date="2024-02-28",
     site_name="The Northwick Beacon", language="en",
     canonical_url="https://www.northwickbeacon.example/news/council-tax-rise-budget-vote",
     base_url="https://www.northwickbeacon.example/news/council-tax-rise-budget-vote", english=True)


def main() -> None:
    for old in HERE.glob("*.expect.json"):
        old.unlink()
    for name, spec in PAGES.items():
        encoding = spec["encoding"]
        # What a CMS does with a character its encoding lacks: a numeric character reference.
        data = spec["markup"].encode(encoding, "xmlcharrefreplace")
        replaced = data.count(b"&#") - spec["markup"].count("&#")
        if replaced:
            print(f"{name}: {replaced} characters written as references")
        if encoding == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            data = "\ufeff".encode("utf-16-le") + spec["markup"].encode("utf-16-le")
        (HERE / name).write_bytes(data)
        expect = {"file": name, "encoding": encoding, **spec["expect"]}
        (HERE / f"{name}.expect.json").write_text(json.dumps(expect, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(PAGES)} pages to {HERE}")


if __name__ == "__main__":
    main()
