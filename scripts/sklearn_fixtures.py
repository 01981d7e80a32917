"""Write test/fixtures/metrics.json: metric inputs and scikit-learn's values.

The jest suite test/engine/metrics.test.ts compares src/engine/metrics.ts
against this file, so the tests need no Python. Rerun after changing a case:

    python3 -m venv /tmp/skvenv && /tmp/skvenv/bin/pip install scikit-learn
    /tmp/skvenv/bin/python scripts/sklearn_fixtures.py

Probabilities are rounded to float32 before they go to scikit-learn, because
the engine receives float32 model outputs. scikit-learn then works on the
same numbers in float64.
"""

import json
import pathlib
import warnings

import numpy as np
import sklearn
from sklearn import metrics

ROOT = pathlib.Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "test" / "fixtures" / "metrics.json"


def float32_probabilities(raw):
    """Return rows normalised to sum to 1, rounded to float32, as float64."""
    rows = raw / raw.sum(axis=1, keepdims=True)
    return rows.astype(np.float32).astype(np.float64)


def classification_case(name, y_true, proba):
    """Return one classification case with scikit-learn's metric values."""
    k = proba.shape[1]
    labels = list(range(k))
    y_pred = proba.argmax(axis=1)
    expected = {
        "accuracy": metrics.accuracy_score(y_true, y_pred),
        "balanced_accuracy": metrics.balanced_accuracy_score(y_true, y_pred),
        "f1_macro": metrics.f1_score(y_true, y_pred, average="macro", zero_division=0),
        "log_loss": metrics.log_loss(y_true, proba, labels=labels),
        "confusion": metrics.confusion_matrix(y_true, y_pred, labels=labels).tolist(),
    }
    if len(np.unique(y_true)) == k:
        if k == 2:
            expected["roc_auc"] = metrics.roc_auc_score(y_true, proba[:, 1])
        else:
            expected["roc_auc"] = metrics.roc_auc_score(
                y_true, proba, multi_class="ovr", average="macro", labels=labels
            )
    return {
        "name": name,
        "kind": "classification",
        "k": k,
        "yTrue": y_true.tolist(),
        "proba": proba.ravel().tolist(),
        "expected": {key: to_json(value) for key, value in expected.items()},
    }


def regression_case(name, y_true, y_pred):
    """Return one regression case with scikit-learn's metric values."""
    expected = {
        "rmse": metrics.root_mean_squared_error(y_true, y_pred),
        "mae": metrics.mean_absolute_error(y_true, y_pred),
        "r2": metrics.r2_score(y_true, y_pred),
    }
    return {
        "name": name,
        "kind": "regression",
        "yTrue": y_true.tolist(),
        "yPred": y_pred.tolist(),
        "expected": {key: to_json(value) for key, value in expected.items()},
    }


def to_json(value):
    """Return a JSON-ready value: plain floats and lists."""
    if isinstance(value, list):
        return value
    return float(value)


def binary_cases(rng):
    """Return binary cases: random, heavy ties, and a class never predicted."""
    y = rng.integers(0, 2, size=60)
    noisy = np.clip(0.5 * y + rng.normal(0.25, 0.3, size=60), 0.01, 0.99)
    random = float32_probabilities(np.stack([1 - noisy, noisy], axis=1))

    tied_scores = rng.choice([0.2, 0.4, 0.6, 0.8], size=40)
    y_tied = (rng.random(40) < tied_scores).astype(int)
    tied = float32_probabilities(np.stack([1 - tied_scores, tied_scores], axis=1))

    y_one_sided = rng.integers(0, 2, size=30)
    low = rng.uniform(0.05, 0.45, size=30)
    one_sided = float32_probabilities(np.stack([1 - low, low], axis=1))

    y_confident = np.array([0, 0, 1, 1, 1, 0])
    confident = float32_probabilities(
        np.array([[1, 0], [0.9, 0.1], [0, 1], [1, 0], [0.3, 0.7], [0.5, 0.5]])
    )

    return [
        classification_case("binary random", y, random),
        classification_case("binary with ties", y_tied, tied),
        classification_case("binary never predicts class 1", y_one_sided, one_sided),
        classification_case("binary probabilities 0 and 1", y_confident, confident),
    ]


def multiclass_cases(rng):
    """Return 3-class cases: random, ties, a class absent from y_true."""
    y = rng.integers(0, 3, size=90)
    logits = rng.normal(size=(90, 3))
    logits[np.arange(90), y] += 1.2
    random = float32_probabilities(np.exp(logits))

    y_tied = rng.integers(0, 3, size=45)
    tied_raw = rng.choice([1.0, 2.0, 3.0], size=(45, 3))
    tied = float32_probabilities(tied_raw)

    y_absent = rng.choice([0, 2], size=40)
    absent = float32_probabilities(rng.uniform(0.1, 1.0, size=(40, 3)))

    return [
        classification_case("3-class random", y, random),
        classification_case("3-class with ties", y_tied, tied),
        classification_case("3-class without class 1 in y_true", y_absent, absent),
    ]


def regression_cases(rng):
    """Return regression cases: small values, values near 1e12, constant target."""
    x = rng.normal(size=50)
    small = 3 * x + 1
    large = 1e12 * (1 + 0.1 * x)
    constant = np.full(10, 7.0)
    return [
        regression_case("regression small", small, small + rng.normal(0, 0.5, size=50)),
        regression_case(
            "regression near 1e12", large, large + rng.normal(0, 1e9, size=50)
        ),
        regression_case(
            "regression constant target", constant, constant + rng.normal(0, 1, size=10)
        ),
    ]


def main():
    # float32 rounding leaves row sums about 1e-8 away from 1, beyond the
    # tolerance of log_loss, so it warns. It does not renormalise the rows.
    warnings.filterwarnings("ignore", message="The y_prob values do not sum to one")
    # The case without class 1 in y_true predicts class 1 on purpose.
    warnings.filterwarnings("ignore", message="y_pred contains classes not in y_true")
    rng = np.random.default_rng(20240611)
    cases = binary_cases(rng) + multiclass_cases(rng) + regression_cases(rng)
    document = {"sklearn": sklearn.__version__, "cases": cases}
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(document, indent=1) + "\n")
    print(f"Wrote {len(cases)} cases to {OUTPUT}")


if __name__ == "__main__":
    main()
