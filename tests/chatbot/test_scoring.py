"""The learned sentence score: features, the model file, and how compose uses it (fake embedder)."""

import numpy as np
import pytest

from benchmarks import xquad
from chatbot.abstain import decide, near_miss
from chatbot.compose import candidate_features
from chatbot.scoring import DECIDE, FEATURES, MODEL_FILE, ScoringModel, alignment


def test_the_shipped_model_matches_the_features_and_has_thresholds():
    m = ScoringModel.load()
    assert len(m.coef) == len(FEATURES) and len(m.decide_coef) == len(DECIDE)
    assert not {"lex", "lex_ctx", "missing"} & set(DECIDE)  # the decision ignores word overlap
    assert 0 < m.threshold("de") < 1 and 0 < m.threshold("en") < 1
    assert "XQuAD" in m.trained_on


def test_predict_is_a_probability_rising_with_similarity():
    m = ScoringModel.load()
    X = np.zeros((2, len(FEATURES)), np.float32)
    X[:, FEATURES.index("sim")] = [0.70, 0.90]
    for p in (m.predict(X), m.decide(X)):
        assert ((p > 0) & (p < 1)).all() and p[1] > p[0]


def test_a_model_for_other_features_is_refused(tmp_path):
    path = tmp_path / "scoring.json"
    ScoringModel((1.0,) * len(FEATURES), 0.0, (1.0,) * len(DECIDE), 0.0).save(path)
    path.write_text(path.read_text().replace('"sim"', '"something-else"'))
    with pytest.raises(ValueError, match="other features"):
        ScoringModel.load(path)
    assert MODEL_FILE.exists()


@pytest.mark.parametrize("content", [None, "{not json", '{"features": []}'])
def test_a_missing_or_damaged_model_file_is_one_clear_error(tmp_path, content):
    from ingest.errors import ChatbotError

    path = tmp_path / "scoring.json"
    if content is not None:
        path.write_text(content)
    with pytest.raises(ChatbotError, match=r"scoring\.json: "):
        ScoringModel.load(path)


def test_features_one_row_per_candidate(fake_bot):
    r = fake_bot.search("Wie viele Friedenswächter könnten als Abschreckung dienen?")
    cands, X = candidate_features(r.index, r.question, r.qvec, r.hits)
    assert X.shape == (len(cands), len(FEATURES)) and len(cands) > 3
    assert np.isfinite(X).all()
    col = dict(zip(FEATURES, X.T, strict=True))
    assert (col["sim_gap"] <= 1e-6).all() and col["expects"].max() == 1.0
    holder = next(i for i, c in enumerate(cands) if "100.000 Friedenswächter" in c.text)
    assert col["kind"][holder] == 1.0 and col["align"][holder] >= np.median(col["align"])


def test_alignment_counts_a_shared_stem_as_a_perfect_counterpart(fake_bot):
    r = fake_bot.search("Wie viele Friedenswächter könnten als Abschreckung dienen?")
    cands, _ = candidate_features(r.index, r.question, r.qvec, r.hits)
    own, ctx = alignment(r.question, cands, r.index)
    words = [w for w in r.question.align_words if w in r.question.word_vectors]
    j = words.index("friedenswächter")
    holder = next(i for i, c in enumerate(cands) if "100.000 Friedenswächter" in c.text)
    assert own[holder, j] == 1.0 and ctx[holder, j] == 1.0
    assert (ctx >= own - 1e-6).all()  # the context adds words, never takes them away
    after = next(
        (i for i, c in enumerate(cands) if "Friedenswächter" in c.context and "Friedenswächter" not in c.text), None
    )
    if after is not None:
        assert ctx[after, j] == 1.0


def test_fact_needs_probability_kind_and_what_it_measures():
    base = {"p": 0.5, "sim": 0.9, "kind_ok": 1.0, "measured": 1.0, "unknown_name": 0.0, "yesno": 0.0}
    from chatbot.answer import AnswerSettings

    s = AnswerSettings(min_p=0.3)
    assert decide(base, "de", s, "fact")
    assert not decide({**base, "p": 0.2}, "de", s, "fact")
    assert near_miss({**base, "p": 0.2}, "de", s, "fact")  # shown as no direct answer
    assert not near_miss({**base, "p": 0.1}, "de", s, "fact")
    assert not decide({**base, "kind_ok": 0.0}, "de", s, "fact")
    assert not decide({**base, "measured": 0.5}, "de", s, "fact")
    assert not near_miss({**base, "measured": 0.5, "p": 0.2}, "de", s, "fact")


def test_position_needs_the_actor_as_speaker():
    from chatbot.answer import AnswerSettings

    e = {"p": 0.1, "sim": 0.9, "kind_ok": 1.0, "speaker": 0.0, "sides": 2.0, "unknown_name": 0.0}
    assert not decide(e, "de", AnswerSettings(), "position")
    assert not near_miss(e, "de", AnswerSettings(), "position")
    assert decide({**e, "speaker": 1.0}, "de", AnswerSettings(), "position")


def test_xquad_split_holds_out_paragraphs_and_articles():
    de = {
        "data": [
            {
                "title": f"A{i}",
                "paragraphs": [
                    {
                        "context": f"Text {i}-{j} antwort{i}{j}",
                        "qas": [{"id": f"q{i}{j}", "answers": [{"text": f"antwort{i}{j}"}]}],
                    }
                    for j in range(4)
                ],
            }
            for i in range(2)
        ]
    }
    split = xquad.split(de, parity=0)
    assert [a["title"] for a in split.corpus["data"]] == ["A0"]
    assert len(split.corpus["data"][0]["paragraphs"]) == 3
    assert split.group["q01"] == "near" and split.group["q00"] == "answerable"
    assert split.group["q10"] == "far" and split.article["q13"] == "A1"
