"""The facade: stages wired in order, progress reported, cancellation, other languages."""

import pytest

from reader.core import Analyzer, Cancelled, load_text

FRENCH = ("Le président Emmanuel Macron a annoncé mardi à Paris une réforme des retraites. "
          "« Nous devons agir maintenant », a déclaré le chef de l'État devant les députés. "
          "Les syndicats ont appelé à une grève nationale pour la semaine prochaine dans toute la France. ") * 3


def test_progress_runs_from_zero_to_one_in_order(data_dir):
    from reader.core import load_path

    seen = []
    Analyzer(model="rules").analyze(load_path(data_dir / "hama.html"),
                                    progress=lambda stage, f: seen.append((stage, f)))
    fractions = [fraction for _, fraction in seen]
    assert fractions[0] == 0.0 and fractions[-1] == 1.0 and fractions == sorted(fractions)
    assert [stage for stage, _ in seen][-1] == "done"


def test_cancelling_stops_the_analysis(data_dir):
    from reader.core import load_path

    with pytest.raises(Cancelled):
        Analyzer(model="rules").analyze(load_path(data_dir / "hama.html"), cancelled=lambda: True)


def test_a_non_english_article_gets_no_entities_and_a_notice_but_keeps_quotes():
    article = load_text(FRENCH, source="fr.txt", filename="fr.txt")
    analysis = Analyzer(model="rules").analyze(article)
    assert analysis.entities == ()
    assert any("French" in notice and "English" in notice for notice in analysis.notices)
    assert any("Nous devons agir maintenant" in quote.text for quote in analysis.quotes)


def test_entities_can_be_forced_for_other_languages():
    article = load_text(FRENCH, source="fr.txt", filename="fr.txt")
    analysis = Analyzer(model="rules", all_languages=True).analyze(article)
    assert any(entity.name == "Paris" for entity in analysis.entities)


def test_the_analysis_records_the_model_that_ran_as_data(sample_analysis):
    from reader.core.export import to_dict
    from reader.core.ner import choose_model, installed_models

    # The spaCy pipeline the shared analyzer chose: its package name and version, not a display string.
    assert sample_analysis.model == choose_model() and sample_analysis.model in installed_models()
    assert sample_analysis.model_version and sample_analysis.model_version[0].isdigit()
    assert sample_analysis.recogniser == f"spaCy {sample_analysis.model} {sample_analysis.model_version}"
    exported = to_dict(sample_analysis)
    assert (exported["model"], exported["model_version"]) == (sample_analysis.model, sample_analysis.model_version)


def test_the_rules_are_recorded_as_the_model_rules():
    from reader.core.export import to_dict

    analysis = Analyzer(model="rules").analyze(load_text("Angela Merkel visited Paris on Monday.", source="a.txt"))
    assert analysis.model == "rules" and analysis.model_version is None
    assert analysis.recogniser.startswith("rules")
    assert to_dict(analysis)["model"] == "rules"
