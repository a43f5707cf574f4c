"""Load on taizhang serve: UNITS units hand in their returns at once, each through its own link (the page for its
form token, then the upload). Reports every return accepted and none lost (the round's count, the uploads kept), the
latencies (p50, p99, max) and the server's peak memory. Usage:
serve-load.py BASE SETUP_CODE PID DATA [UNITS]   (DATA: taizhang-bench returns UNITS TASKS DATA made the plan and returns)"""
import concurrent.futures
import os
import re
import statistics
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'Tests', 'Web'))
from webclient import Client  # noqa: E402

base, code, pid, data = sys.argv[1:5]
count = int(sys.argv[5]) if len(sys.argv) > 5 else 200


def peak_kb():
    with open(f'/proc/{pid}/status') as f:
        return int(re.search(r'VmHWM:\s+(\d+) kB', f.read()).group(1))


def read(path):
    with open(path, 'rb') as f:
        return f.read()


office = Client(base)
office.post('/setup', {'code': code, 'password': 'ledger-office-2023', 'again': 'ledger-office-2023'})
csrf = office.get('/').csrf()
started = time.time()
r = office.post('/plan', {'csrf': csrf}, {'plan': ('plan.xlsx', read(data + '/plan.xlsx')), 'units': ('units.yaml', read(data + '/units.yaml'))})
assert r.status == 200 and '计划表已上传' in r.text, r.text[:500]
print(f'plan uploaded and checked in {time.time() - started:.2f} s')
units = sorted(n.split('-任务反馈表')[0] for n in os.listdir(data + '/returns'))[:count]
for unit in units:
    assert office.post('/units/link', {'csrf': csrf, 'unit': unit}).status == 303
page = office.get('/units').text
links = dict(re.findall(r'<td>([^<]+)</td><td>\d+</td>\s*<td><input class="link-box" readonly value="[^"]*(/u/[A-Za-z0-9_-]{43})"', page))
assert len(links) >= count, len(links)
assert office.post('/rounds', {'csrf': csrf, 'label': '2023-07', 'asOf': '2023-07-10'}).status == 303
before = peak_kb()
files = {unit: read(f'{data}/returns/{unit}-任务反馈表.xlsx') for unit in units}


def hand_in(unit):
    client = Client(base)
    start = time.time()
    form = client.get(links[unit])
    r = client.post(links[unit] + '/return', {'csrf': form.csrf()}, {'file': (f'{unit}-任务反馈表.xlsx', files[unit])})
    return unit, r.status, '已收到' in r.text, time.time() - start


health = []
loading = True


def watch_health():
    """What an operator's monitor sees during the load: /healthz answered every 100 ms."""
    client = Client(base)
    while loading:
        start = time.time()
        client.get('/healthz')
        health.append(time.time() - start)
        time.sleep(0.1)


watcher = threading.Thread(target=watch_health)
started = time.time()
watcher.start()
with concurrent.futures.ThreadPoolExecutor(max_workers=count) as pool:
    results = list(pool.map(hand_in, units))
wall = time.time() - started
loading = False
watcher.join()
latencies = sorted(r[3] for r in results)
accepted = sum(1 for r in results if r[1] == 200 and r[2])
live = office.get('/rounds/2023-07/count').text
p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
print(f'{count} units at once ({sum(len(f) for f in files.values()) // 1024} KB of returns): {accepted} accepted, live count {live}, '
      f'wall {wall:.1f} s; latency p50 {statistics.median(latencies):.2f} s, p99 {p99:.2f} s, max {latencies[-1]:.2f} s')
print(f'/healthz during the load: {len(health)} answers, max {max(health) * 1000:.0f} ms')
print(f'server peak memory: {before // 1024} MB before the uploads, {peak_kb() // 1024} MB after')
started = time.time()
r = office.post('/rounds/2023-07/merge', {'csrf': csrf})
print(f'merge of the round (a child process) and the ledger page: {time.time() - started:.1f} s, status {r.status}')
failed = [r for r in results if not (r[1] == 200 and r[2])]
if failed or live != str(count):
    print('FAIL', failed[:5])
    sys.exit(1)
