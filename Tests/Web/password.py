"""The office password across a restart. `password.py BASE CODE set OUT`: sets the password at first start, logs in,
and keeps the session cookie in OUT. `password.py BASE CODE reset OUT`: after `serve --reset-password`, the old
password and the old session no longer open the desk, and the new setup code sets a new password.
Prints one line per step; exits 1 on failure."""
import sys

from webclient import Client, check

base, code, mode, out = sys.argv[1:5]
office = Client(base)
if mode == 'set':
    r = office.post('/setup', {'code': code, 'password': 'ledger-office-2023', 'again': 'ledger-office-2023'})
    check(r.status == 303, 'the password is set', r)
    cookie = next(c.value for c in office.jar if c.name == 'taizhang_office')
    check(office.get('/').status == 200, 'the session opens the desk')
    with open(out, 'w') as f:
        f.write(cookie)
else:
    with open(out) as f:
        cookie = f.read()
    r = office.request('GET', '/', headers={'Cookie': f'taizhang_office={cookie}'})
    check(r.status == 303, 'the session from before the reset no longer opens the desk', r)
    r = office.post('/login', {'password': 'ledger-office-2023'})
    check(r.status != 303, 'the old password is refused', r)
    r = office.post('/setup', {'code': code, 'password': 'new-office-2024', 'again': 'new-office-2024'})
    check(r.status == 303, 'the new setup code sets a new password', r)
    check(office.get('/').status == 200, 'and the desk opens')
print('done')
