"""Compare the wizard with the tools people use on the same split of the same file.

Runs the wizard side (``bench/build/bench/compare/main.js``) first, which
writes the wizard's train/validation rows to ``TMPDIR/split-<dataset>.json``
and its timings to ``bench/results/compare-wizard.json``. Then, on exactly
those rows, it times scikit-learn's LogisticRegression, RandomForestClassifier
and HistGradientBoostingClassifier with their default settings, and the
wizard's MLP written in PyTorch, and writes ``bench/results/compare.json``.

Usage: ``python bench/compare.py TMPDIR`` from the repository root, after
``npx tsc -p bench/tsconfig.json``. ``BENCH_RUNS`` (default 5) sets the runs
on penguins and ``BENCH_LARGE_RUNS`` (default 3) those on the 50k file.
"""
import copy
import json
import os
import platform
import statistics
import subprocess
import sys
import time

import numpy as np
import pandas as pd
import sklearn
import torch
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RESULTS_DIR = os.path.join(REPO_ROOT, "bench", "results")
RUNS = {"penguins": int(os.environ.get("BENCH_RUNS", 5)),
        "synthetic-50k": int(os.environ.get("BENCH_LARGE_RUNS", 3))}
SKLEARN_MODELS = {
    "LogisticRegression": lambda: LogisticRegression(max_iter=1000),
    "RandomForestClassifier": lambda: RandomForestClassifier(random_state=0),
    "HistGradientBoostingClassifier": lambda: HistGradientBoostingClassifier(random_state=0),
}
# Epochs without a lower validation loss before the MLP stops, as in the
# wizard's engine (PATIENCE in src/engine/train.ts).
PATIENCE = 5


def summarise(samples):
    """Return the median, min, max and quartiles of a list of numbers."""
    ordered = sorted(samples)
    q1, _, q3 = statistics.quantiles(ordered, n=4, method="inclusive") if len(ordered) > 1 else ordered * 3
    return {"median": statistics.median(ordered), "min": ordered[0], "max": ordered[-1],
            "q1": q1, "q3": q3, "samples": samples}


def load(split):
    """Read the file and return the preprocessed matrices of the wizard's split."""
    df = pd.read_csv(split["file"])
    x = df[split["features"]]
    y = df[split["target"]].astype(str)
    train, validation = split["train"], split["validation"]
    numeric = [c for c in split["features"] if pd.api.types.is_numeric_dtype(x[c])]
    categorical = [c for c in split["features"] if c not in numeric]
    # Median imputation and scaling for numbers, and one-hot with a missing
    # level for categories, fitted on the training rows as the wizard does.
    # The wizard also gives every categorical column a missing and an other
    # slot, so its encoded width can be larger.
    transform = ColumnTransformer([
        ("numeric", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric),
        ("categorical", make_pipeline(SimpleImputer(strategy="constant", fill_value="missing"),
                                      OneHotEncoder(handle_unknown="ignore", sparse_output=False)),
         categorical),
    ])
    x_train = transform.fit_transform(x.iloc[train])
    x_validation = transform.transform(x.iloc[validation])
    classes = split["classes"]
    index = {label: i for i, label in enumerate(classes)}
    y_train = y.iloc[train].map(index).to_numpy()
    y_validation = y.iloc[validation].map(index).to_numpy()
    return x_train.astype(np.float32), x_validation.astype(np.float32), y_train, y_validation


def train_mlp(x_train, y_train, x_validation, y_validation, config, classes):
    """Train the wizard's MLP in PyTorch: width→32 ReLU→classes, Adam, early stopping.

    Returns (balanced accuracy, epochs run).
    """
    torch.manual_seed(config["seed"])
    generator = torch.Generator().manual_seed(config["seed"])
    width = x_train.shape[1]
    model = torch.nn.Sequential(torch.nn.Linear(width, 32), torch.nn.ReLU(), torch.nn.Linear(32, classes))
    torch.nn.init.kaiming_normal_(model[0].weight, nonlinearity="relu")
    torch.nn.init.xavier_uniform_(model[2].weight)
    torch.nn.init.zeros_(model[0].bias)
    torch.nn.init.zeros_(model[2].bias)
    # tfjs's Adam uses epsilon 1e-7 on the cpu and wasm backends, and PyTorch's defaults to 1e-8.
    optimizer = torch.optim.Adam(model.parameters(), lr=config["learningRate"], eps=1e-7)
    loss_fn = torch.nn.CrossEntropyLoss()
    xt, yt = torch.tensor(x_train), torch.tensor(y_train, dtype=torch.long)
    xv, yv = torch.tensor(x_validation), torch.tensor(y_validation, dtype=torch.long)
    batch = config["batchSize"]
    best_loss, best_epoch, best_state, epochs_run = float("inf"), 0, None, 0
    for epoch in range(1, config["epochs"] + 1):
        model.train()
        order = torch.randperm(len(xt), generator=generator)
        for start in range(0, len(xt), batch):
            rows = order[start:start + batch]
            optimizer.zero_grad()
            loss_fn(model(xt[rows]), yt[rows]).backward()
            optimizer.step()
        epochs_run = epoch
        model.eval()
        with torch.no_grad():
            validation_loss = loss_fn(model(xv), yv).item()
        if validation_loss < best_loss:
            best_loss, best_epoch, best_state = validation_loss, epoch, copy.deepcopy(model.state_dict())
        if epoch - best_epoch >= PATIENCE:
            break
    model.load_state_dict(best_state)
    with torch.no_grad():
        predicted = model(xv).argmax(dim=1).numpy()
    return balanced_accuracy_score(y_validation, predicted), epochs_run


def run_once(split):
    """Time one run of every Python tool on the split and return the timings and scores."""
    start = time.perf_counter()
    x_train, x_validation, y_train, y_validation = load(split)
    prepare_ms = (time.perf_counter() - start) * 1000
    result = {"prepareMs": prepare_ms, "width": x_train.shape[1], "models": {}}
    for name, make in SKLEARN_MODELS.items():
        start = time.perf_counter()
        model = make().fit(x_train, y_train)
        score = balanced_accuracy_score(y_validation, model.predict(x_validation))
        result["models"][name] = {"ms": (time.perf_counter() - start) * 1000, "balancedAccuracy": score}
    start = time.perf_counter()
    score, epochs = train_mlp(x_train, y_train, x_validation, y_validation,
                              split["config"], len(split["classes"]))
    result["torchMlp"] = {"ms": (time.perf_counter() - start) * 1000, "balancedAccuracy": score,
                          "epochsRun": epochs}
    # Time to a scikit-learn leaderboard: read, prepare, fit and score all three.
    result["sklearnLeaderboardMs"] = prepare_ms + sum(m["ms"] for m in result["models"].values())
    return result


def measure(name, tmpdir):
    """Run the Python tools RUNS[name] times on one dataset and summarise."""
    with open(os.path.join(tmpdir, f"split-{name}.json")) as handle:
        split = json.load(handle)
    runs = []
    for run in range(RUNS[name]):
        runs.append(run_once(split))
        print(f"compare {name}: python run {run + 1}/{RUNS[name]} done", file=sys.stderr)
    models = {model: {"ms": summarise([r["models"][model]["ms"] for r in runs]),
                      "balancedAccuracy": summarise([r["models"][model]["balancedAccuracy"] for r in runs])}
              for model in SKLEARN_MODELS}
    best = max(models, key=lambda model: models[model]["balancedAccuracy"]["median"])
    return {
        "dataset": name,
        "runs": len(runs),
        "trainRows": len(split["train"]),
        "validationRows": len(split["validation"]),
        "width": runs[0]["width"],
        "wizardWidth": split["width"],
        "prepareMs": summarise([r["prepareMs"] for r in runs]),
        "sklearnLeaderboardMs": summarise([r["sklearnLeaderboardMs"] for r in runs]),
        "sklearnBest": best,
        "models": models,
        "torchMlp": {
            "ms": summarise([r["torchMlp"]["ms"] for r in runs]),
            "epochsRun": [r["torchMlp"]["epochsRun"] for r in runs],
            "msPerEpoch": summarise([r["torchMlp"]["ms"] / r["torchMlp"]["epochsRun"] for r in runs]),
            "balancedAccuracy": summarise([r["torchMlp"]["balancedAccuracy"] for r in runs]),
        },
    }


def ratios(wizard, python):
    """Ratios of medians between the wizard and the Python tools on one dataset."""
    mlp = wizard["models"]["mlp"]
    wizard_epoch_ms = [ms / max(1, epochs) for ms, epochs in zip(mlp["trainMs"]["samples"], mlp["epochsRun"])]
    return {
        "leaderboardWizardOverSklearn": wizard["leaderboardMs"]["median"] / python["sklearnLeaderboardMs"]["median"],
        "bestScoreWizardMinusSklearn": (wizard["bestBalancedAccuracy"]["median"]
                                        - python["models"][python["sklearnBest"]]["balancedAccuracy"]["median"]),
        "mlpEpochWizardOverTorch": statistics.median(wizard_epoch_ms) / python["torchMlp"]["msPerEpoch"]["median"],
        "wizardMlpMsPerEpoch": summarise(wizard_epoch_ms),
    }


def main():
    if len(sys.argv) != 2:
        sys.exit("Usage: python bench/compare.py TMPDIR")
    tmpdir = sys.argv[1]
    node_side = os.path.join(REPO_ROOT, "bench", "build", "bench", "compare", "main.js")
    subprocess.run(["node", node_side, tmpdir], check=True)
    with open(os.path.join(RESULTS_DIR, "compare-wizard.json")) as handle:
        wizard = json.load(handle)
    datasets = []
    for wizard_side in wizard["datasets"]:
        python_side = measure(wizard_side["dataset"], tmpdir)
        datasets.append({"dataset": wizard_side["dataset"], "wizard": wizard_side, "python": python_side,
                         "ratios": ratios(wizard_side, python_side)})
    versions = {"python": platform.python_version(), "numpy": np.__version__, "pandas": pd.__version__,
                "scikit-learn": sklearn.__version__, "torch": torch.__version__,
                "torchThreads": torch.get_num_threads()}
    output = {"benchmark": "compare", "machine": wizard["machine"], "versions": versions, "datasets": datasets}
    path = os.path.join(RESULTS_DIR, "compare.json")
    with open(path, "w") as handle:
        json.dump(output, handle, indent=2)
        handle.write("\n")
    print(f"wrote {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
