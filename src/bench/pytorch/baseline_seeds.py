#!/usr/bin/python3
"""The baseline student of kd_steps.py alone over seeds 1-8 (Fashion-MNIST from the Debian folder), with the labelled rows
placed at random in the batches ('random', as kd_steps.py does) or spread evenly ('even', as the app does).

Usage: OPENBLAS_NUM_THREADS=1 baseline_seeds.py random even
"""
import sys, numpy as np, torch, torch.nn as nn, torch.nn.functional as F, importlib.util, time
import os
spec = importlib.util.spec_from_file_location("k", os.path.join(os.path.dirname(os.path.abspath(__file__)), "kd_steps.py")); k = importlib.util.module_from_spec(spec); spec.loader.exec_module(k)
torch.set_num_threads(1)
folder="/usr/share/datasets/fashion-mnist"
xtr,ytr=k.load(folder,"train",60000); xte,yte=k.load(folder,"t10k",10000)
mean,std=xtr.mean(0),xtr.std(0); std[std<1e-6]=1
xtr,xte=(xtr-mean)/std,(xte-mean)/std
xtr,ytr,xte,yte=map(torch.from_numpy,(xtr,ytr,xte,yte))
def run(seed, mode):
    torch.manual_seed(seed); rng=np.random.default_rng(seed)
    lab=torch.from_numpy(k.stratified(ytr.numpy(),0.02,rng)); isl=torch.zeros(60000,dtype=torch.bool); isl[lab]=True
    net=k.mlp([128,128],0.0,"pytorch"); opt=torch.optim.Adam(net.parameters(),lr=1e-3)
    unl=torch.nonzero(~isl).flatten()
    steps=0
    for ep in range(5):
        if mode=="random":
            order=torch.randperm(60000)
        else: # even: labelled spread evenly, as the app's TrainingRows.interleave
            l=lab[torch.randperm(len(lab))]; u=unl[torch.randperm(len(unl))]
            n=len(l)+len(u); order=torch.empty(n,dtype=torch.long)
            pos=(torch.arange(len(l))*n)//len(l)
            mask=torch.zeros(n,dtype=torch.bool); mask[pos]=True
            order[mask]=l; order[~mask]=u
        for i in range(0,60000,128):
            rows=order[i:i+128]; m=isl[rows]
            if not m.any(): continue
            r=rows[m]; loss=F.cross_entropy(net(xtr[r]),ytr[r]); opt.zero_grad(); loss.backward(); opt.step(); steps+=1
    return k.accuracy(net,xte,yte)*100, steps
for mode in sys.argv[1:]:
    accs=[]
    for s in range(1,9):
        a,st=run(s,mode); accs.append(a)
    print(mode, " ".join(f"{a:.1f}" for a in accs), f"mean {np.mean(accs):.2f} sd {np.std(accs,ddof=1):.2f} steps/run {st}", flush=True)
