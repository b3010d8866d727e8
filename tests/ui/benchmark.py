"""GUI-thread cost of a synthetic 1 MB article with ~20,000 highlights.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.benchmark`` (or under Xvfb with xcb).
"""

from __future__ import annotations

import random
import sys
import time

from reader.core.model import Analysis, Article, Block, Entity, LinkSpan, Mention

NAMES = [("Bashar Al Assad", "PERSON"), ("Hezbollah", "ORG"), ("Hama", "GPE"), ("Syrian", "NORP"),
         ("Thursday", "DATE"), ("Naim Qassem", "PERSON"), ("United Nations", "ORG"), ("Aleppo", "GPE"),
         ("Euphrates", "LOC"), ("Damascus", "GPE")]
WORDS = ("the rebels entered city after a long battle and forces loyal to government withdrew while residents "
         "watched from their windows as the convoy moved north toward river").split()


def synthetic_megabyte(size: int = 1_000_000, seed: int = 7) -> Analysis:
    rng = random.Random(seed)
    parts: list[str] = []
    blocks: list[Block] = []
    mentions: dict[int, list[Mention]] = {i: [] for i in range(len(NAMES))}
    links: list[LinkSpan] = []
    position = 0
    while position < size:
        paragraph: list[str] = []
        offset = position
        for _ in range(rng.randint(60, 110)):
            if rng.random() < 0.14:
                i = rng.randrange(len(NAMES))
                name, label = NAMES[i]
                mentions[i].append(Mention(offset, offset + len(name), name, label, f"e{i}"))
                word = name
            else:
                word = rng.choice(WORDS)
            if rng.random() < 0.004:
                links.append(LinkSpan(offset, offset + len(word), href=f"https://example.org/{len(links)}"))
            paragraph.append(word)
            offset += len(word) + 1
        text = " ".join(paragraph) + "."
        parts.append(text)
        blocks.append(Block(position, position + len(text), "p"))
        position += len(text) + 2
    text = "\n\n".join(parts)
    article = Article("megabyte.txt", text, tuple(blocks), tuple(links))
    entities = tuple(Entity(f"e{i}", NAMES[i][0], NAMES[i][1], (NAMES[i][0],), tuple(mentions[i]))
                     for i in range(len(NAMES)))
    return Analysis(article, tuple(blocks), entities, (), (), "synthetic")


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from reader.ui import theme
    from reader.ui.settings import Settings
    from reader.ui.window import MainWindow
    from reader.ui.worker import Analyst

    app = QApplication.instance() or QApplication(sys.argv[:1])
    theme.apply(app)
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        window = MainWindow(Analyst(), Settings.at(f"{scratch}/s.ini"))
        window.show()
        app.processEvents()
        analysis = synthetic_megabyte()
        count = sum(len(e.mentions) for e in analysis.entities)

        def timed(label, work):
            started, cpu = time.perf_counter(), time.thread_time()
            work()
            app.processEvents()  # layout and first paint
            elapsed, used = time.perf_counter() - started, time.thread_time() - cpu
            print(f"{label:<44} {elapsed * 1000:7.0f} ms wall {used * 1000:7.0f} ms GUI-thread CPU")
            return elapsed, used

        print(f"article: {len(analysis.text) / 1e6:.2f} MB, {len(analysis.article.blocks)} paragraphs, "
              f"{count} mentions, {len(analysis.article.links)} links")
        a = timed("show text (build document + lay out)", lambda: window.show_article(analysis.article))
        b = timed("show analysis (highlights + panels)", lambda: window.show_analysis(analysis))
        timed("select an entity (mark its mentions)", lambda: window.select_entity("e0"))
        timed("next mention (card + article)", window.entity_card.next_mention)
        timed("hide one type (legend toggle)", lambda: window.legend.set_label_visible("GPE", False))
        timed("find 'Hama' (mark all matches)", lambda: window._on_find_query("Hama"))
        print(f"{'display + highlight, total':<44} {(a[0] + b[0]) * 1000:7.0f} ms wall {(a[1] + b[1]) * 1000:7.0f} ms "
              "GUI-thread CPU")
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
