import sys, re, datetime
def ts(s):
    return datetime.datetime.strptime(s[:23], "%Y-%m-%dT%H:%M:%S.%f").replace(tzinfo=datetime.timezone.utc).timestamp()*1e6
def pauses(f):
    out=[]
    for line in open(f):
        m=re.match(r"\[(\S+)\].*Safepoint \"(\w+)\".*Total: (\d+) ns", line)
        if m:
            end=ts(m.group(1)); d=int(m.group(3))/1000
            if d>1000: out.append((end-d,end,"gc",d))
    return out
def probes(f):
    out=[]
    for line in open(f, errors='replace'):
        m=re.search(r"PROBE (\S+) (\d+) (\d+)(.*)", line)
        if m: out.append((int(m.group(2)), int(m.group(2))+int(m.group(3)), m.group(1)+m.group(4), int(m.group(3))))
    return out
rows=[tuple(map(int,l.split())) for l in open(sys.argv[1])]
t0=min(r[0] for r in rows)
lat=sorted(r[1] for r in rows); p99=lat[int(len(lat)*0.99)]
slow=sorted(r for r in rows if r[1]>=p99)
host=pauses(sys.argv[2]); client=pauses(sys.argv[3]); pr=probes(sys.argv[4])
print("p99", p99/1000, "p50", lat[len(lat)//2]/1000)
cl=[]
for s,l in slow:
    if cl and s-cl[-1][-1][0]<150000: cl[-1].append((s,l))
    else: cl.append([(s,l)])
def near(evs,a,b): return [f"{e[2]}@{(e[0]-t0)/1000:.0f}+{e[3]/1000:.1f}" for e in evs if e[1]>a-30000 and e[0]<b]
for c in cl:
    a=c[0][0]; b=max(s+l for s,l in c)
    print(f"{(a-t0)/1000:6.0f}..{(b-t0)/1000:6.0f}: {len(c):3d} slow, max {max(l for s,l in c)/1000:.0f} | host {near(host,a,b)} | client {near(client,a,b)} | {near(pr,a,b)}")
ps=[e for e in pr if e[2].startswith('pagestore') and t0<=e[0]<=t0+12e6]
print("pagestores in round:", [f"{(e[0]-t0)/1000:.0f}+{e[3]/1000:.1f}" for e in ps])
