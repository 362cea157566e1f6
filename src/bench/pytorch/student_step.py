#!/usr/bin/python3
"""The parts of a student step of kd_steps.py, timed as StudentStepProbe times the app's: random data shaped as
issue 20's Fashion-MNIST run (784 inputs, two 784-128-128-10 students, batch 128, one labelled row in 50, soft targets
given), one thread, the first fifth of the steps left out as warm-up.

Usage: OPENBLAS_NUM_THREADS=1 student_step.py [STEPS] [ROWS INPUTS HIDDEN BATCH LABELLED_EVERY]
(the digits preset, as StudentStepProbe's -D options give it: student_step.py 6000 1257 64 16 64 1; HIDDEN is
comma-separated, e.g. 128,128)
"""
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(1)
torch.manual_seed(1)
n, d, k, b = 60000, 784, 10, 128
hidden, every = [128, 128], 50
steps = int(sys.argv[1]) if len(sys.argv) > 1 else 1500
if len(sys.argv) > 6:
    n, d, b, every = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[5]), int(sys.argv[6])
    hidden = [int(h) for h in sys.argv[4].split(",")]
x = torch.randn(n, d)
y = torch.randint(0, k, (n,))
labelled = torch.zeros(n, dtype=torch.bool)
labelled[::every] = True
soft = torch.full((n, k), 1.0 / k)


def mlp():
    layers, fan_in = [], d
    for units in hidden:
        layers += [nn.Linear(fan_in, units), nn.ReLU()]
        fan_in = units
    return nn.Sequential(*layers, nn.Linear(fan_in, k))


distilled, baseline = mlp(), mlp()
opt_d = torch.optim.Adam(distilled.parameters(), 1e-3)
opt_b = torch.optim.Adam(baseline.parameters(), 1e-3)
T, alpha = 4.0, 0.5
parts = ["batch arrays", "distilled forward + loss", "distilled backward", "distilled Adam update",
         "baseline forward + backward", "baseline Adam update", "total"]
t = [0.0] * len(parts)
for s in range(steps):
    if s == steps // 5:
        t = [0.0] * len(parts)
    start = (s * b) % (n - b)
    rows = torch.arange(start, start + b)
    t0 = time.perf_counter()
    lab = labelled[rows]
    xb, tb = x[rows], soft[rows]
    t1 = time.perf_counter()
    logits = distilled(xb)
    soft_loss = F.kl_div(F.log_softmax(logits / T, 1), tb, reduction="batchmean") * T * T
    hard = F.cross_entropy(logits[lab], y[rows][lab]) if lab.any() else logits.sum() * 0
    loss = alpha * hard + (1 - alpha) * soft_loss
    t2 = time.perf_counter()
    opt_d.zero_grad()
    loss.backward()
    t3 = time.perf_counter()
    opt_d.step()
    t4 = time.perf_counter()
    lrows = rows[lab]
    base = F.cross_entropy(baseline(x[lrows]), y[lrows])
    opt_b.zero_grad()
    base.backward()
    t5 = time.perf_counter()
    opt_b.step()
    t6 = time.perf_counter()
    for i, dt in enumerate((t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5, t6 - t0)):
        t[i] += dt
counted = steps - steps // 5
for name, value in zip(parts, t):
    print(f"{name:28s} {1000 * value / counted:.3f} ms")
