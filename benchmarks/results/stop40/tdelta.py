import sys, re, collections
# usage: tdelta.py file startpattern endpattern : per-thread-name CPU seconds between the first snapshot whose log line matches start and the first matching end
f, sp, ep = sys.argv[1], sys.argv[2], sys.argv[3]
snaps = []; cur = None
for line in open(f):
    if line.startswith('==='):
        parts = line.split(' ', 2); cur = [int(parts[1]), parts[2].strip(), collections.Counter()]; snaps.append(cur)
    else:
        m = re.match(r'(\w) +(?:(\d+)-)?(\d+):(\d+):(\d+) (.*)', line.rstrip('\n'))
        if not m: continue
        jvm, d, h, mi, s, name = m.groups()
        secs = int(d or 0)*86400 + int(h)*3600 + int(mi)*60 + int(s)
        name = re.sub(r'\d+', '#', name.strip())
        cur[2][jvm + ' ' + name] += secs
a = next(s for s in snaps if re.search(sp, s[1])); b = next(s for s in snaps if re.search(ep, s[1]) and s[0] > a[0])
el = b[0] - a[0]
print(f"window {el} s ({a[1][:40]} -> {b[1][:40]})")
d = {k: b[2][k] - a[2].get(k, 0) for k in b[2]}
tot = collections.Counter()
for k, v in d.items(): tot[k[0]] += v
for j in tot: print(f"{j} total {tot[j]} s = {tot[j]/el:.2f} cores")
for k, v in sorted(d.items(), key=lambda x: -x[1])[:25]:
    if v: print(f"{v:5d} s {v/el*100:5.1f}% of a core  {k}")
