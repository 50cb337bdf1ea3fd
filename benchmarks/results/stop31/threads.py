import os, re, sys, time, subprocess, collections
pat, iv, n = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
def pid():
    out = subprocess.run(["pgrep", "-f", pat], capture_output=True, text=True).stdout.split()
    out = [p for p in out if p != str(os.getpid())]
    for p in out:
        try:
            if b"java" in open(f"/proc/{p}/cmdline", "rb").read(): return p
        except OSError: pass
    return None
def snap(p):
    c = collections.Counter()
    for t in os.listdir(f"/proc/{p}/task"):
        try:
            s = open(f"/proc/{p}/task/{t}/stat").read()
            name = open(f"/proc/{p}/task/{t}/comm").read().strip()
        except OSError: continue
        rest = s[s.rindex(")") + 2:].split()
        c[re.sub(r"\d+", "#", name)] += int(rest[11]) + int(rest[12])
    return c
hz = os.sysconf("SC_CLK_TCK")
for i in range(n):
    p = pid()
    if not p: time.sleep(iv); continue
    a = snap(p); time.sleep(iv)
    try: b = snap(p)
    except OSError: continue
    d = {k: (b[k] - a.get(k, 0)) * 100 / hz / iv for k in b}
    tot = sum(d.values())
    print(f"--- {time.strftime('%T')} pid {p} total {tot:.0f}%  " + ", ".join(f"{k} {v:.0f}%" for k, v in sorted(d.items(), key=lambda x: -x[1])[:9] if v >= 1), flush=True)
