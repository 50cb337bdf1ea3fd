import sys, re, collections
a, b, ta, tb = sys.argv[1:5]
secs = float(open(tb).read()) - float(open(ta).read())
def load(f):
    d = {}
    for line in open(f):
        parts = line.split()
        if len(parts) < 6: continue
        _, pid, name, run, wait, slices = parts[:6]
        d[(pid, name, len(d))] = (int(run), int(wait), int(slices))
    return d
def byname(f):
    d = collections.defaultdict(lambda: [0, 0, 0])
    for line in open(f):
        parts = line.split()
        if len(parts) < 6: continue
        _, pid, name, run, wait, slices = parts[:6]
        key = pid + " " + re.sub(r'\d+', '#', name)
        for i, v in enumerate((int(run), int(wait), int(slices))): d[key][i] += v
    return d
A, B = byname(a), byname(b)
print(f"window {secs:.1f} s; per thread group: CPU ms/s, run-queue wait ms/s, wait per slice us")
rows = []
for k in B:
    if k not in A: continue
    run = (B[k][0] - A[k][0]) / 1e6 / secs; wait = (B[k][1] - A[k][1]) / 1e6 / secs; sl = B[k][2] - A[k][2]
    rows.append((wait, run, sl, k))
for wait, run, sl, k in sorted(rows, reverse=True)[:18]:
    print(f"{run:8.1f} {wait:8.1f} {1000*wait*secs/max(sl,1):8.1f}  {k}")
tw = sum(r[0] for r in rows); tr = sum(r[1] for r in rows)
print(f"all: CPU {tr:.0f} ms/s, waiting for a CPU {tw:.0f} ms/s")
