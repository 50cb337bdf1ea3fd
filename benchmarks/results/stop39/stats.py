import sys, glob, os
for tag in sys.argv[1:]:
    for f in sorted(glob.glob(f"/tmp/s39/res2/{tag}/lat-*.txt")):
        l=sorted(int(x.split()[1]) for x in open(f))
        n=len(l)
        if n==0: continue
        q=lambda p: l[min(n-1,int(n*p))]/1000
        print(f"{tag:16s} n={n:6d} p50={q(.5):5.1f} p99={q(.99):6.1f} p99.9={q(.999):6.1f} max={l[-1]/1000:6.1f}  >20ms {100*sum(1 for x in l if x>20000)/n:5.2f}%  >50ms {100*sum(1 for x in l if x>50000)/n:5.2f}%")
