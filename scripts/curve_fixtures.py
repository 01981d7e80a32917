"""Write test/fixtures/curves.json: binary scores and scikit-learn's curves.

The jest suite test/plots/curves.test.ts compares src/plots/curves.ts
against this file, so the tests need no Python. Rerun after changing a case:

    python3 -m venv /tmp/skvenv && /tmp/skvenv/bin/pip install scikit-learn
    /tmp/skvenv/bin/python scripts/curve_fixtures.py

Scores are rounded to float32 and then to 6 significant digits, as the
engine stores probabilities, so ties occur as they do in real results.
"""

import json
import math
import pathlib

import numpy as np
import sklearn
from sklearn import metrics

ROOT = pathlib.Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "test" / "fixtures" / "curves.json"


def stored(values):
    """Return scores as the engine stores them: float32, then 6 significant digits."""
    return [float(f"{float(np.float32(value)):.6g}") for value in values]


def finite_or_none(values):
    """Return a JSON list in which infinite thresholds are null."""
    return [None if math.isinf(value) else float(value) for value in values]


def binary_case(name, positive, scores):
    """Return one case with scikit-learn's ROC and precision-recall curves."""
    y_true = np.asarray(positive, dtype=int)
    y_score = np.asarray(scores, dtype=float)
    case = {"name": name, "positive": [bool(value) for value in positive], "scores": list(scores)}
    if 0 < y_true.sum() < len(y_true):
        fpr, tpr, thresholds = metrics.roc_curve(y_true, y_score)
        case["roc"] = {
            "fpr": fpr.tolist(),
            "tpr": tpr.tolist(),
            "thresholds": finite_or_none(thresholds),
            "auc": float(metrics.roc_auc_score(y_true, y_score)),
        }
    if y_true.sum() > 0:
        precision, recall, pr_thresholds = metrics.precision_recall_curve(y_true, y_score)
        case["pr"] = {
            "precision": precision.tolist(),
            "recall": recall.tolist(),
            "thresholds": pr_thresholds.tolist(),
            "averagePrecision": float(metrics.average_precision_score(y_true, y_score)),
        }
    return case


def multiclass_cases(rng):
    """Return one-vs-rest cases of a 3-class problem and scikit-learn's macro AUC."""
    k = 3
    labels = rng.integers(0, k, size=90)
    raw = rng.random((90, k)) + np.eye(k)[labels] * 0.6
    proba = raw / raw.sum(axis=1, keepdims=True)
    proba = np.array([stored(row) for row in proba])
    cases = [
        binary_case(f"one-vs-rest class {c}", labels == c, proba[:, c].tolist()) for c in range(k)
    ]
    macro = metrics.roc_auc_score(labels, proba / proba.sum(axis=1, keepdims=True), multi_class="ovr")
    return cases, {"labels": labels.tolist(), "proba": proba.tolist(), "macroAuc": float(macro)}


def main():
    rng = np.random.default_rng(20240611)
    random_labels = rng.random(80) < 0.45
    random_scores = stored(rng.normal(size=80) + 0.8 * random_labels)
    tied_labels = rng.random(60) < 0.5
    tied_scores = [round(value, 1) for value in stored(rng.random(60) * 0.6 + 0.3 * tied_labels)]
    rare_labels = np.zeros(50, dtype=bool)
    rare_labels[[3, 17, 41]] = True
    rare_scores = stored(rng.random(50) + 0.2 * rare_labels)

    cases = [
        binary_case("random", random_labels, random_scores),
        binary_case("ties", tied_labels, tied_scores),
        binary_case("rare positives", rare_labels, rare_scores),
        binary_case("perfect", [False, False, True, True, True], [0.1, 0.2, 0.7, 0.8, 0.9]),
        binary_case("inverted", [True, True, False, False], [0.1, 0.2, 0.7, 0.8]),
        binary_case("all scores equal", [True, False, True, False, False], [0.5] * 5),
        binary_case("no positive", [False, False, False], [0.2, 0.4, 0.6]),
        binary_case("no negative", [True, True], [0.3, 0.9]),
    ]
    ovr_cases, multiclass = multiclass_cases(rng)
    cases.extend(ovr_cases)
    OUTPUT.write_text(
        json.dumps(
            {"sklearn": sklearn.__version__, "cases": cases, "multiclass": multiclass},
            indent=1,
        )
        + "\n"
    )
    print(f"Wrote {len(cases)} cases to {OUTPUT}")


if __name__ == "__main__":
    main()
