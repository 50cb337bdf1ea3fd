import sys, re, collections
snaps=[]
for line in open(sys.argv[1]):
    if line.startswith('==='): snaps.append([int(line.split()[1]), collections.Counter()]); continue
    m=re.match(r'\s*(?:(\d+)-)?(\d+):(\d+):(\d+) (.*)', line.rstrip('\n'))
    if not m: continue
    d,h,mi,s,name=m.groups(); snaps[-1][1][re.sub(r'\d+','#',name.strip())]+=int(d or 0)*86400+int(h)*3600+int(mi)*60+int(s)
a,b=snaps[0],snaps[-1]; el=b[0]-a[0]; orders=35*el
tot=sum(b[1].values())-sum(a[1].values())
print(f"window {el} s, ~{orders} orders, engine-host CPU {tot} s = {tot*1000/orders:.1f} ms/order")
for k in sorted(b[1], key=lambda k: -(b[1][k]-a[1][k]))[:12]:
    v=b[1][k]-a[1][k]; print(f"{v:5d} s {v*1000/orders:6.2f} ms/order {100*v/max(tot,1):5.1f}%  {k}")
