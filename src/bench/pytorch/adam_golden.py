#!/usr/bin/env python3
"""Writes src/test/resources/org/kdplayground/engine/adam-pytorch.json: torch.optim.Adam's weights after each of six
steps on two parameters with given gradients (FusedAdamTest feeds the app's optimizer the same gradients).

    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 src/bench/pytorch/adam_golden.py > src/test/resources/org/kdplayground/engine/adam-pytorch.json

The gradients include some of 1e-9 and 1e-7, where ε = 1e-8 decides the step: PyTorch adds ε to the bias-corrected
√v̂; DJL's Adam adds it before the correction, and its steps there differ by up to a factor of 30.
"""
import json
import math

import torch

torch.set_num_threads(1)
LR, STEPS = 0.01, 6


def initial(shape, phase):
    n = math.prod(shape)
    return torch.tensor([math.sin(1.3 * i + phase) for i in range(n)], dtype=torch.float32).reshape(shape)


def gradient(shape, step, phase):
    n = math.prod(shape)
    values = []
    for i in range(n):
        g = math.cos(0.7 * i + step + phase)
        if i % 5 == 3:
            g *= 1e-9  # ε decides this step
        elif i % 5 == 4:
            g *= 1e-7
        values.append(g)
    return torch.tensor(values, dtype=torch.float32).reshape(shape)


shapes = {"weight": [3, 4], "bias": [4]}
params = {name: initial(shape, k).requires_grad_(True) for k, (name, shape) in enumerate(shapes.items())}
optimizer = torch.optim.Adam(params.values(), lr=LR)
out = {"made_by": "src/bench/pytorch/adam_golden.py, torch " + torch.__version__ + ", torch.optim.Adam defaults",
       "learning_rate": LR,
       "parameters": {name: {"shape": shape, "initial": p.detach().flatten().tolist()} for name, (shape, p)
                      in zip(shapes, ((shapes[n], params[n]) for n in shapes))},
       "steps": []}
for step in range(1, STEPS + 1):
    optimizer.zero_grad()
    grads = {name: gradient(shapes[name], step, k) for k, name in enumerate(shapes)}
    for name, p in params.items():
        p.grad = grads[name].clone()
    optimizer.step()
    out["steps"].append({name: {"gradient": grads[name].flatten().tolist(), "after": params[name].detach().flatten().tolist()}
                         for name in shapes})
print(json.dumps(out, indent=1))
