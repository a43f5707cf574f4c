"""The clerk's round over HTTP: first-start password, the plan and its templates, two units' links and returns, one
return on a unit's behalf, the merge, the ledger page and the downloads (saved to OUT for the caller to compare with
the command line's). Usage: round_flow.py BASE SAMPLES SETUP_CODE OUT. Prints one line per step; exits 1 on failure."""
import io
import re
import sys
import zipfile

from webclient import Client, check, form_fields, read

base, samples, code, out = sys.argv[1:5]
office = Client(base)



r = office.get('/')
check(r.status == 303 and r.headers['Location'].endswith('/setup'), 'a first start asks for the password', r)
r = office.post('/setup', {'code': 'wrong', 'password': 'ledger-office-2023', 'again': 'ledger-office-2023'})
check(r.status == 403, 'a wrong setup code is refused', r)
r = office.post('/setup', {'code': code, 'password': 'ledger-office-2023', 'again': 'ledger-office-2023'})
check(r.status == 303 and 'taizhang_office' in r.headers.get('Set-Cookie', ''), 'the password is set and a session starts', r)
check('HttpOnly' in r.headers['Set-Cookie'] and 'SameSite=Strict' in r.headers['Set-Cookie'], 'the session cookie is HttpOnly and SameSite=Strict', r)
home = office.get('/')
csrf = home.csrf()
check(home.status == 200 and csrf, 'the desk opens with a CSRF token', home)

r = office.post('/plan', {'csrf': csrf}, {'plan': ('plan-2023.xlsx', read(samples + '/plan-2023.xlsx')),
                                          'units': ('units.yaml', read(samples + '/units.yaml'))})
check(r.status == 200 and '计划表已上传' in r.text and '21 项任务' in r.text, 'the plan is uploaded, read and checked', r)
z = office.get('/templates.zip')
names = zipfile.ZipFile(io.BytesIO(z.body)).namelist() if z.status == 200 else []
check(len(names) == 8 and '法规科-任务反馈表.xlsx' in names, f'every unit\'s template in one zip ({len(names)})', z)

links = {}
for unit in ['法规科', '政务科']:
    r = office.post('/units/link', {'csrf': csrf, 'unit': unit})
    check(r.status == 303, f'a link for {unit}', r)
page = office.get('/units').text
for unit in ['法规科', '政务科']:
    m = re.search(r'<td>' + unit + r'</td><td>\d+</td>\s*<td><input class="link-box" readonly value="[^"]*(/u/[A-Za-z0-9_-]{43})"', page)
    check(m, f'{unit}\'s link is shown to the office')
    links[unit] = m.group(1)
with open(out + '/links.txt', 'w') as f:
    f.write('\n'.join(f'{u}\t{l}' for u, l in links.items()) + '\n')

before = Client(base).get(links['法规科'])
check('目前没有正在报送的轮次' in before.text and 'type="file"' not in before.text, 'before a round, a unit\'s page offers no upload', before)
r = office.post('/rounds', {'csrf': csrf, 'label': '2023-07', 'asOf': '2023-07-10'})
check(r.status == 303 and r.headers['Location'].endswith('/rounds/2023-07'), 'round 2023-07 is opened', r)
opened = office.follow(r)
check('已于' not in opened.text and 'files/总台账.xlsx' not in opened.text and 'nil' not in opened.text,
      'a round not merged yet offers no downloads', opened)

for unit, file in [('法规科', '法规科-任务反馈表.xlsx'), ('政务科', '政务科-任务反馈表.xlsx')]:
    unit_client = Client(base)
    page = unit_client.get(links[unit])
    check(page.status == 200 and f'{unit}：任务反馈' in page.text, f'{unit} opens its page by its link', page)
    r = unit_client.post(links[unit] + '/return', {'csrf': page.csrf()}, {'file': (file, read(samples + '/returns/' + file))})
    check(r.status == 200 and '已收到' in r.text, f'{unit}\'s return is checked and accepted', r)
    t = unit_client.get(links[unit] + '/template.xlsx')
    check(t.status == 200 and t.body[:2] == b'PK', f'{unit} downloads its template', t)
    with open(f'{out}/{unit}-template.xlsx', 'wb') as f:
        f.write(t.body)

# 法规科 corrects one task in the page's form, which starts from its accepted return: the rest comes through unchanged.
unit_client = Client(base)
form = unit_client.get(links['法规科'] + '/form')
check(form.status == 200 and '已填入本轮最近一次被采用的反馈' in form.text and '规范性文件7件已全部' in form.text,
      '法规科\'s form starts from its accepted return', form)
fields = form_fields(form.text)
index = next(k.split('.')[1] for k, v in fields.items() if k.startswith('id.') and v == 'RWZRZN0NC3')
check(fields[f'status.{index}'] == '已完成' and fields[f'done.{index}'] == '2023-05-21', 'the form shows the status and day typed before', form)
empty = {k: v for k, v in fields.items() if k == 'csrf' or k.startswith('id.')}
r = unit_client.post(links['法规科'] + '/form', empty)
check(r.status == 400 and '表单是空的' in r.text, 'an empty form is refused', r)
stale = dict(fields, **{f'id.{index}': 'RW0000000X'})
r = unit_client.post(links['法规科'] + '/form', stale)
check(r.status == 409 and '计划已更新' in r.text, 'a form for tasks the plan no longer has is refused', r)
r = unit_client.post(links['法规科'] + '/form', dict(fields, **{f'progress.{index}': '长' * 40000}))
check(r.status == 413 and '超过 32767 字' in r.text, 'a text longer than a cell holds is refused, not cut', r)
fields[f'progress.{index}'] = '网页填报：7月已按季度调整主动公开目录，新增公开事项1项。'
r = unit_client.post(links['法规科'] + '/form', fields)
check(r.status == 200 and '已收到' in r.text and '网页填报' in r.text, '法规科\'s form is written as its return and accepted', r)
page = unit_client.get(links['法规科'])
check('法规科-任务反馈表（网页填报）.xlsx' in page.text, '法规科 sees the form among what it sent', page)

r = office.post('/rounds/2023-07/returns', {'csrf': csrf, 'unit': '规划科'},
                {'file': ('规划科-任务反馈表（重排）.xlsx', read(samples + '/returns/规划科-任务反馈表（重排）.xlsx'))})
check(r.status == 200 and '已收到' in r.text, 'the office uploads 规划科\'s return on its behalf', r)
count = office.get('/rounds/2023-07/count')
check(count.status == 200 and count.text == '3', f'the live count says 3 ({count.text})', count)

r = office.post('/rounds/2023-07/merge', {'csrf': csrf})
check(r.status == 303, 'the round is merged', r)
ledger = office.follow(r)
check(ledger.status == 200 and '截至7月10日' in ledger.text and 'RWE2SAR67H' in ledger.text, 'the ledger shows as a table', ledger)
check('网页填报：7月已按季度' in ledger.text and '规范性文件7件已全部' in ledger.text, 'the ledger has what 法规科 typed in the form', ledger)
only = office.get('/rounds/2023-07/ledger?unit=%E6%B3%95%E8%A7%84%E7%A7%91&status=')
check(only.status == 200 and '<b>政务科</b>' not in only.text and '<b>法规科</b>' in only.text, 'the ledger filters by unit', only)
for name in ['总台账.xlsx', '总台账.csv', '简报.xlsx']:
    r = office.get('/rounds/2023-07/files/' + name)
    check(r.status == 200 and "filename*=UTF-8''" in r.headers.get('Content-Disposition', ''), f'{name} downloads', r)
    with open(out + '/' + name, 'wb') as f:
        f.write(r.body)
history = office.get('/history')
check(history.status == 200 and history.text.count('<td class="sha">') == 6, 'every upload is listed with its sha256', history)
print('done')
