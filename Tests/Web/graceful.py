"""Graceful stop: SIGTERM while a unit's return is half sent. The upload in flight is finished, checked and kept;
a connection opened after the signal is not served. Usage: graceful.py BASE SAMPLES SETUP_CODE PID.
Prints one line per step; exits 1 on failure."""
import os
import re
import signal
import socket
import sys
import time
import urllib.parse
import uuid

from webclient import Client, check, read

base, samples, code, pid = sys.argv[1:5]
office = Client(base)
office.post('/setup', {'code': code, 'password': 'ledger-office-2023', 'again': 'ledger-office-2023'})
csrf = office.get('/').csrf()
office.post('/plan', {'csrf': csrf}, {'plan': ('plan-2023.xlsx', read(samples + '/plan-2023.xlsx')),
                                      'units': ('units.yaml', read(samples + '/units.yaml'))})
office.post('/units/link', {'csrf': csrf, 'unit': '法规科'})
link = re.search(r'<td>法规科</td><td>\d+</td>\s*<td><input class="link-box" readonly value="[^"]*(/u/[A-Za-z0-9_-]{43})"',
                 office.get('/units').text).group(1)
check(office.post('/rounds', {'csrf': csrf, 'label': '2023-07', 'asOf': '2023-07-10'}).status == 303, 'a round is open')
unit_csrf = Client(base).get(link).csrf()

boundary = uuid.uuid4().hex
body = (f'--{boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n{unit_csrf}\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="法规科-任务反馈表.xlsx"\r\n'
        f'Content-Type: application/octet-stream\r\n\r\n').encode() + read(samples + '/returns/法规科-任务反馈表.xlsx') + \
       f'\r\n--{boundary}--\r\n'.encode()
host, port = urllib.parse.urlparse(base).hostname, urllib.parse.urlparse(base).port
sock = socket.create_connection((host, port), timeout=30)
head = (f'POST {link}/return HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: multipart/form-data; boundary={boundary}\r\n'
        f'Content-Length: {len(body)}\r\nConnection: close\r\n\r\n').encode()
half = len(body) // 2
sock.sendall(head + body[:half])
time.sleep(0.3)
os.kill(int(pid), signal.SIGTERM)
time.sleep(0.7)
try:
    late = Client(base).get('/healthz').status
except OSError:
    late = None
check(late is None or late >= 500, f'after SIGTERM, a new connection is not served ({late})')
sock.sendall(body[half:])
answer = b''
while True:
    chunk = sock.recv(65536)
    if not chunk:
        break
    answer += chunk
status = answer.split(b'\r\n', 1)[0].decode()
check(' 200 ' in status + ' ' and '已收到' in answer.decode('utf-8', 'replace'), f'the upload in flight is finished and accepted ({status})')
print('done')
