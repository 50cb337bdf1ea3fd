import base64, re, subprocess, sys, time, urllib.request
iv, n = float(sys.argv[1]), int(sys.argv[2])
names = ["milepost_engine_command_seconds", "milepost_engine_command_queued_seconds", "milepost_engine_commit_seconds", "milepost_engine_checkpoint_seconds"]
def port():
    out = subprocess.run(["pgrep", "-af", "engine-host.jar"], capture_output=True, text=True).stdout
    m = re.search(r"--server.port=(\d+)", out)
    return m.group(1) if m else None
def scrape(p):
    req = urllib.request.Request(f"http://127.0.0.1:{p}/actuator/prometheus", headers={"Authorization": "Basic " + base64.b64encode(b"demo:demo").decode()})
    d = {}
    for line in urllib.request.urlopen(req, timeout=5).read().decode().splitlines():
        m = re.match(r'(milepost_engine_\w+_seconds)_(bucket|count|sum)(\{[^}]*\})? (\S+)', line)
        if not m or m.group(1) not in names: continue
        le = re.search(r'le="([^"]+)"', m.group(3) or "")
        d[(m.group(1), m.group(2), le.group(1) if le else None)] = float(m.group(4))
    return d
def q(a, b, name, quant):
    bs = sorted(((float(k[2]) if k[2] != "+Inf" else 1e9), b[k] - a.get(k, 0)) for k in b if k[0] == name and k[1] == "bucket")
    tot = bs[-1][1] if bs else 0
    if tot <= 0: return float("nan")
    for le, c in bs:
        if c >= quant * tot: return le * 1000
for i in range(n):
    p = port()
    if not p: time.sleep(iv); continue
    try:
        a = scrape(p); time.sleep(iv); b = scrape(p)
    except Exception as e:
        time.sleep(1); continue
    out = []
    for name in names:
        c = b.get((name, "count", None), 0) - a.get((name, "count", None), 0)
        s = b.get((name, "sum", None), 0) - a.get((name, "sum", None), 0)
        if c > 0:
            out.append(f"{name.replace('milepost_engine_','').replace('_seconds','')}: {c/iv:.0f}/s avg {1000*s/c:.1f} p99<={q(a,b,name,0.99):.1f}")
    print(time.strftime('%T'), " | ".join(out), flush=True)
