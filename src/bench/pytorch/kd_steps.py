#!/usr/bin/python3
"""The steps of KD Playground's `train` for an MLP experiment on (Fashion-)MNIST, in PyTorch.

Same data (the IDX files' training and test parts, features standardised on the training part), same stratified
labelled subset size, same networks, optimiser, batches and losses as the app's engine (docs/engine.md):
the teacher trains with cross-entropy on all training rows; the distilled student steps over every training row
(transfer set "all"), its soft term averaged over the batch, its hard term over the batch's labelled rows; the
baseline steps on the labelled rows of the same batch (a batch without any is skipped); each epoch ends with the
test accuracy of the model(s) in training (with --measures charts: everything the app's charts measure, as it does:
train accuracy on the labelled rows, and test accuracy, ECE, agreement with the teacher and KL on the test rows).
Prints one JSON line: phase times, per-step cost, accuracies.

Usage: kd_steps.py EXPERIMENT.json [--data FOLDER] [--seed K] [--init pytorch|he] [--measures test|charts]
Only what the timing needs is read from the experiment file (the MLP sizes, dropout, epochs, batch, lr, T, alpha,
labelledFraction, transferSet, dataset name and size, testFraction). Data sets: fashion-mnist and mnist (IDX files:
their training and test parts), digits-8x8 (the app's bundled CSV, split at random with testFraction: another
split than the app's, the same sizes), two-moons and spirals (the app's generators with numpy's random numbers: the
same sizes and distribution, other points).
"""
import argparse, gzip, json, os, struct, time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def read_idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    magic, = struct.unpack(">I", data[:4])
    dims = magic & 0xFF
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def find(folder, stem):
    for name in (stem + ".gz", stem):
        p = os.path.join(folder, name)
        if os.path.exists(p):
            return p
    raise SystemExit("not found: " + os.path.join(folder, stem))


def load(folder, part, limit):
    x = read_idx(find(folder, part + "-images-idx3-ubyte"))[:limit].reshape(-1, 784).astype(np.float32)
    y = read_idx(find(folder, part + "-labels-idx1-ubyte"))[:limit].astype(np.int64)
    return x, y


def stratified(labels, fraction, rng):
    count = max(1, int(round(len(labels) * fraction)))
    chosen = []
    classes = np.unique(labels)
    for c in classes:
        rows = np.flatnonzero(labels == c)
        k = int(round(count * len(rows) / len(labels)))
        chosen.extend(rng.choice(rows, size=k, replace=False))
    return np.sort(np.array(chosen, dtype=np.int64))


def digits(fraction, rng):
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "../../main/resources/org/kdplayground/data/optdigits-8x8-1797.csv.gz")
    table = np.loadtxt(gzip.open(path, "rt"), delimiter=",", dtype=np.float32)
    order = rng.permutation(len(table))
    test = int(round(len(table) * fraction))
    x, y = table[:, :-1], table[:, -1].astype(np.int64)
    return x[order[test:]], y[order[test:]], x[order[:test]], y[order[:test]]


def two_d(e, rng):
    """The app's two moons or spirals (data.SyntheticDatasets): the same generator and sizes, numpy's random numbers
    (so the same distribution, not the same points: for timing; accuracies compare only over seeds)."""
    d = e["dataset"]
    size, noise = d.get("size", 1000), d.get("noise", 0.1)
    classes = d.get("k", 3) if d["name"] == "spirals" else 2
    xs, ys = [], []
    for cls in range(classes):
        count = size // classes + (1 if cls < size % classes else 0)
        if d["name"] == "spirals":
            t = 0.05 + 0.95 * rng.random(count)
            angle = 2 * np.pi * cls / classes + 3 * np.pi * t
            x, y = t * np.cos(angle), t * np.sin(angle)
        else:
            t = np.pi * rng.random(count)
            x, y = (np.cos(t), np.sin(t)) if cls == 0 else (1 - np.cos(t), 0.5 - np.sin(t))
        xs.append(np.stack([x + noise * rng.standard_normal(count), y + noise * rng.standard_normal(count)], 1))
        ys.append(np.full(count, cls, dtype=np.int64))
    x, y = np.concatenate(xs).astype(np.float32), np.concatenate(ys)
    order = rng.permutation(size)
    test = int(round(size * e.get("testFraction", 0.3)))
    return x[order[test:]], y[order[test:]], x[order[:test]], y[order[:test]]


def mlp(hidden, dropout, init, inputs=784, classes=10):
    layers, width = [], inputs
    for h in hidden:
        layers += [nn.Linear(width, h), nn.ReLU()]
        if dropout > 0:
            layers.append(nn.Dropout(dropout))
        width = h
    layers.append(nn.Linear(width, classes))
    net = nn.Sequential(*layers)
    if init == "he":  # DJL's default: He-normal weights, zero biases
        for m in net:
            if isinstance(m, nn.Linear):
                nn.init.normal_(m.weight, 0.0, (2.0 / m.in_features) ** 0.5)
                nn.init.zeros_(m.bias)
    return net


def accuracy(net, x, y):
    net.eval()
    with torch.no_grad():
        correct = sum((net(x[i:i + 1000]).argmax(1) == y[i:i + 1000]).sum().item() for i in range(0, len(x), 1000))
    net.train()
    return correct / len(x)


def charts(net, xtr, ytr, labelled, xte, yte, teacher_logits=None):
    """What the app measures after each epoch for its charts: train accuracy on the labelled rows, and on the test
    rows accuracy, ECE over 15 equal-width confidence bins, and (for a student) top-1 agreement with the teacher and
    the mean KL(teacher || student) at T = 1. Returns the test accuracy, the test logits and those measures."""
    net.eval()
    with torch.no_grad():
        xl = xtr[labelled]
        train_acc = (net(xl).argmax(1) == ytr[labelled]).float().mean().item()
        logits = torch.cat([net(xte[i:i + 1024]) for i in range(0, len(xte), 1024)])
        p = F.softmax(logits.double(), 1)
        confidence, predicted = p.max(1)
        correct = (predicted == yte).double()
        bins = torch.clamp(torch.ceil(confidence * 15).long() - 1, 0, 14)
        gap = (torch.bincount(bins, correct, 15) - torch.bincount(bins, confidence, 15)).abs()
        measures = {"train_acc": train_acc, "ece": (gap / len(yte)).sum().item()}
        if teacher_logits is not None:
            measures["agreement"] = (predicted == teacher_logits.argmax(1)).double().mean().item()
            lt = F.log_softmax(teacher_logits.double(), 1)
            measures["kl"] = (lt.exp() * (lt - F.log_softmax(logits.double(), 1))).sum(1).clamp(min=0).mean().item()
    net.train()
    return correct.mean().item(), logits, measures


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("experiment")
    ap.add_argument("--data", default=None)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--init", choices=["pytorch", "he"], default="pytorch")
    ap.add_argument("--measures", choices=["test", "charts"], default="test",
                    help="after each epoch: the test accuracy (default), or all the app's charts measure (charts())")
    a = ap.parse_args()
    e = json.load(open(a.experiment))
    torch.set_num_threads(1)
    torch.manual_seed(a.seed)
    rng = np.random.default_rng(a.seed)
    name = e["dataset"]["name"]
    folder = a.data or e["dataset"].get("folder") or "/usr/share/datasets/" + name
    t0 = time.time()
    if name == "digits-8x8":
        xtr, ytr, xte, yte = digits(e.get("testFraction", 0.3), rng)
    elif name in ("two-moons", "spirals"):
        xtr, ytr, xte, yte = two_d(e, rng)
    else:
        xtr, ytr = load(folder, "train", e["dataset"].get("size", 70000))
        xte, yte = load(folder, "t10k", 10000)
    mean, std = xtr.mean(0), xtr.std(0)
    std[std < 1e-6] = 1.0
    xtr, xte = (xtr - mean) / std, (xte - mean) / std
    xtr, ytr, xte, yte = map(torch.from_numpy, (xtr, ytr, xte, yte))
    labelled = torch.from_numpy(stratified(ytr.numpy(), e["labelledFraction"], rng))
    is_labelled = torch.zeros(len(ytr), dtype=torch.bool)
    is_labelled[labelled] = True
    load_s = time.time() - t0

    b, lr, T, alpha = e["batchSize"], e["learningRate"], e["temperature"], e["alpha"]
    inputs, classes = xtr.shape[1], int(max(ytr.max(), yte.max())) + 1
    teacher = mlp(e["teacher"]["hidden"], e["teacher"].get("dropout", 0.0), a.init, inputs, classes)
    opt = torch.optim.Adam(teacher.parameters(), lr=lr)
    t1 = time.time()
    teacher_steps = 0
    last_measures = {}  # with --measures charts: each model's measures after its last epoch
    for epoch in range(e["teacherEpochs"]):
        order = torch.randperm(len(ytr))
        for i in range(0, len(order), b):
            rows = order[i:i + b]
            loss = F.cross_entropy(teacher(xtr[rows]), ytr[rows])
            opt.zero_grad()
            loss.backward()
            opt.step()
            teacher_steps += 1
        if a.measures == "charts":
            teacher_acc, teacher_logits, last_measures["teacher"] = charts(teacher, xtr, ytr, labelled, xte, yte)
        else:
            teacher_acc = accuracy(teacher, xte, yte)
    teacher_s = time.time() - t1

    t2 = time.time()
    teacher.eval()
    with torch.no_grad():
        soft_targets = torch.cat([F.softmax(teacher(xtr[i:i + 4096]) / T, 1) for i in range(0, len(xtr), 4096)])
    targets_s = time.time() - t2
    distilled = mlp(e["student"]["hidden"], e["student"].get("dropout", 0.0), a.init, inputs, classes)
    baseline = mlp(e["student"]["hidden"], e["student"].get("dropout", 0.0), a.init, inputs, classes)
    baseline.load_state_dict(distilled.state_dict())
    opt_d = torch.optim.Adam(distilled.parameters(), lr=lr)
    opt_b = torch.optim.Adam(baseline.parameters(), lr=lr)
    all_rows = e.get("transferSet", "all") == "all"
    student_steps = 0
    evaluation_s = 0.0
    for epoch in range(e["studentEpochs"]):
        order = torch.randperm(len(ytr)) if all_rows else labelled[torch.randperm(len(labelled))]
        for i in range(0, len(order), b):
            rows = order[i:i + b]
            lab = is_labelled[rows]
            logits = distilled(xtr[rows])
            soft = F.kl_div(F.log_softmax(logits / T, 1), soft_targets[rows], reduction="batchmean") * T * T
            hard = F.cross_entropy(logits[lab], ytr[rows][lab]) if lab.any() else logits.sum() * 0
            loss = alpha * hard + (1 - alpha) * soft
            opt_d.zero_grad()
            loss.backward()
            opt_d.step()
            if lab.any():
                lrows = rows[lab]
                base = F.cross_entropy(baseline(xtr[lrows]), ytr[lrows])
                opt_b.zero_grad()
                base.backward()
                opt_b.step()
            student_steps += 1
        t_eval = time.time()
        if a.measures == "charts":
            distilled_acc, _, last_measures["distilled"] = charts(distilled, xtr, ytr, labelled, xte, yte,
                                                                  teacher_logits)
            baseline_acc, _, last_measures["baseline"] = charts(baseline, xtr, ytr, labelled, xte, yte, teacher_logits)
        else:
            distilled_acc = accuracy(distilled, xte, yte)
            baseline_acc = accuracy(baseline, xte, yte)
        evaluation_s += time.time() - t_eval
    students_s = time.time() - t2
    print(json.dumps({"seed": a.seed, "init": a.init, "load_s": round(load_s, 2), "teacher_s": round(teacher_s, 2),
                      "teacher_ms_per_step": round(1000 * teacher_s / max(1, teacher_steps), 3),
                      "students_s": round(students_s, 2),
                      "students_ms_per_step": round(1000 * students_s / max(1, student_steps), 3),
                      "targets_s": round(targets_s, 2), "evaluation_s": round(evaluation_s, 2),
                      "students_steps_only_ms_per_step": round(1000 * (students_s - targets_s - evaluation_s)
                                                               / max(1, student_steps), 3),
                      "teacher_acc": round(100 * teacher_acc, 2), "distilled_acc": round(100 * distilled_acc, 2),
                      "baseline_acc": round(100 * baseline_acc, 2),
                      "last_measures": {m: {k: round(v, 4) for k, v in d.items()} for m, d in last_measures.items()}}))


if __name__ == "__main__":
    main()
