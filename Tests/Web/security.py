"""What a hostile or careless client may send, each refused or harmless: another unit's form token, a tampered or
revoked link, a missing CSRF token, an oversized upload, a zip bomb, a path in a file name and a script in a cell.
Usage: security.py BASE SAMPLES SETUP_CODE FOLDER (FOLDER: the served folder, to look at what was stored). Needs
openpyxl. Prints one line per check; exits 1 on the first failure."""
import io
import os
import re
import sys
import zipfile

import openpyxl

from webclient import Client, check, read

base, samples, code, folder = sys.argv[1:5]



def healthy():
    return Client(base).get('/healthz').status == 200


office = Client(base)
office.post('/setup', {'code': code, 'password': 'ledger-office-2023', 'again': 'ledger-office-2023'})
csrf = office.get('/').csrf()
office.post('/plan', {'csrf': csrf}, {'plan': ('plan-2023.xlsx', read(samples + '/plan-2023.xlsx')),
                                      'units': ('units.yaml', read(samples + '/units.yaml'))})
for unit in ['法规科', '政务科']:
    office.post('/units/link', {'csrf': csrf, 'unit': unit})
units_page = office.get('/units').text
links = dict(re.findall(r'<td>(法规科|政务科)</td><td>\d+</td>\s*<td><input class="link-box" readonly value="[^"]*(/u/[A-Za-z0-9_-]{43})"', units_page))
check(len(links) == 2, 'two units have links')
check(units_page.count('value="https://taizhang.example.gov.cn/u/') == 2, 'the links start with the --public-url the server was given')
office.post('/rounds', {'csrf': csrf, 'label': '2023-07', 'asOf': '2023-07-10'})

# CSRF: the office's forms without their token, with a wrong one, and without a session at all.
r = office.post('/rounds', {'label': '2023-08', 'asOf': '2023-08-10'})
check(r.status == 403, 'a form without its CSRF token is refused', r)
r = office.post('/rounds', {'csrf': 'x' * 43, 'label': '2023-08', 'asOf': '2023-08-10'})
check(r.status == 403, 'a form with a wrong CSRF token is refused', r)
stranger = Client(base)
r = stranger.post('/rounds', {'csrf': csrf, 'label': '2023-08', 'asOf': '2023-08-10'})
check(r.status == 303 and r.headers['Location'].endswith('/login'), 'a form without a session goes to the login', r)
forged = Client(base)
forged.jar.set_cookie(next(iter(office.jar)).__class__(0, 'taizhang_office', 'A' * 43, None, False, '127.0.0.1', False, False, '/', True,
                                                       False, None, False, None, None, {}))
r = forged.get('/units')
check(r.status == 303 and r.headers['Location'].endswith('/login'), 'a forged session cookie is not a session', r)
check('2023-08' not in office.get('/').text, 'no round was opened by the refused forms')

# Units: each sees its own; the other unit's form token does not work on its link; tampered and revoked links are dead.
law, gov = Client(base), Client(base)
law_page, gov_page = law.get(links['法规科']), gov.get(links['政务科'])
r = gov.post(links['政务科'] + '/return', {'csrf': gov_page.csrf()},
             {'file': ('政务科-任务反馈表.xlsx', read(samples + '/returns/政务科-任务反馈表.xlsx'))})
check(r.status == 200, '政务科 hands in its return', r)
law_page = law.get(links['法规科'])
check('政务科-任务反馈表.xlsx' not in law_page.text and '政务科：' not in law_page.text, '法规科 sees nothing of 政务科', law_page)
r = law.post(links['法规科'] + '/return', {'csrf': gov_page.csrf()},
             {'file': ('法规科-任务反馈表.xlsx', read(samples + '/returns/法规科-任务反馈表.xlsx'))})
check(r.status == 403, 'another unit\'s form token is refused on 法规科\'s link', r)
token = links['法规科'].split('/')[-1]
tampered = '/u/' + token[:-1] + ('A' if token[-1] != 'A' else 'B')
check(law.get(tampered).status == 404, 'a tampered link is not found')
check(law.get('/u/' + token[:20]).status == 404 and law.get('/u/../web.db').status in (400, 404), 'a short or dotted token is not found')
office.post('/units/revoke', {'csrf': csrf, 'unit': '政务科'})
check(gov.get(links['政务科']).status == 404, 'a revoked link is not found')
r = gov.post(links['政务科'] + '/return', {'csrf': gov_page.csrf()}, {'file': ('x.xlsx', read(samples + '/returns/政务科-任务反馈表.xlsx'))})
check(r.status == 404, 'a revoked link cannot hand in', r)

# Uploads: too large, a zip bomb, a path in the name, a script in a cell and in the name.
law_csrf = law_page.csrf()
r = law.post(links['法规科'] + '/return', {'csrf': law_csrf}, {'file': ('big.xlsx', os.urandom(21 * 1024 * 1024))})
check(r.status == 413, 'an upload over 20 MB is refused with 413', r)
check(healthy(), 'the server is healthy after it')

bomb = io.BytesIO()
with zipfile.ZipFile(bomb, 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
               '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" '
               'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>')
    z.writestr('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
               'Target="xl/workbook.xml"/></Relationships>')
    z.writestr('xl/workbook.xml', '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
               'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/>'
               '</sheets></workbook>')
    z.writestr('xl/_rels/workbook.xml.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
               'Target="worksheets/sheet1.xml"/></Relationships>')
    with z.open('xl/worksheets/sheet1.xml', 'w', force_zip64=True) as sheet:
        sheet.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
        chunk = b' ' * (1 << 20)
        for _ in range(1024):
            sheet.write(chunk)
        sheet.write(b'</sheetData></worksheet>')
data = bomb.getvalue()
r = law.post(links['法规科'] + '/return', {'csrf': law_csrf}, {'file': ('法规科-任务反馈表.xlsx', data)})
message = re.search(r'<td>([^<]*)</td></tr>', r.text)
print('   the reader said:', message.group(1)[:200] if message else r.text[:200])
check(r.status == 422 and '未采用' in r.text, f'a zip bomb ({len(data) // 1024} KB, 1 GB inside) is refused as unreadable', r)
check('--max-memory' not in r.text and '法规科-任务反馈表.xlsx' in r.text, 'its message names the file as sent, and no command-line option', r)
check(healthy(), 'the server is healthy after it')

r = law.post(links['法规科'] + '/return', {'csrf': law_csrf},
             {'file': ('../../../../evil-path.xlsx', read(samples + '/returns/法规科-任务反馈表.xlsx'))})
check(r.status == 200 and 'evil-path.xlsx' in r.text and '../' not in r.text.split('<main>')[1], 'a path in the file name is dropped', r)
stored = os.listdir(folder + '/uploads')
outside = [os.path.join(d, n) for d, _, names in os.walk(os.path.dirname(os.path.abspath(folder))) for n in names if 'evil-path' in n]
check(not outside and all(re.fullmatch(r'[0-9a-f]{8}-[A-Za-z0-9_-]{12}\.(xlsx|xls|csv|html|yaml)', n) for n in stored),
      f'every upload is stored under a generated name inside uploads/ ({len(stored)})')

wb = openpyxl.load_workbook(samples + '/returns/法规科-任务反馈表.xlsx')
wb.worksheets[0]['H4'] = '<script>alert("台账")</script>已完成'
buffer = io.BytesIO()
wb.save(buffer)
r = law.post(links['法规科'] + '/return', {'csrf': law_csrf}, {'file': ('<img src=x onerror=alert(1)>.xlsx', buffer.getvalue())})
check(r.status == 200 and '<img src=x' not in r.text and '&lt;img src=x onerror=alert(1)&gt;.xlsx' in r.text, 'a script in a file name is shown escaped', r)
r = law.post(links['法规科'] + '/return', {'csrf': law_csrf}, {'file': ('法规科-任务反馈表.xlsx', buffer.getvalue())})
check(r.status == 200, '法规科\'s fourth upload of the round is taken', r)
r = law.post(links['法规科'] + '/return', {'csrf': law_csrf}, {'file': ('法规科-任务反馈表.xlsx', read(samples + '/returns/法规科-任务反馈表.xlsx'))})
check(r.status == 429 and '上传次数已达上限（4 次）' in r.text, 'a fifth is refused: --max-uploads-per-round 4', r)
many = {f'field{i}': 'x' for i in range(20)}
r = law.post(links['法规科'] + '/return', dict(many, csrf=law_csrf), {'file': ('法规科-任务反馈表.xlsx', b'PK')})
check(r.status == 400 and '一次上传的文件太多' in r.text, 'a form of more than 16 parts is refused', r)
r = office.post('/rounds/2023-07/merge', {'csrf': csrf})
ledger = office.follow(r)
check(ledger.status == 200 and '<script>alert' not in ledger.text and '&lt;script&gt;alert(&quot;台账&quot;)&lt;/script&gt;' in ledger.text,
      'a script in a cell is shown escaped in the ledger', ledger)
check("script-src 'self'" in ledger.headers.get('Content-Security-Policy', '') and ledger.headers.get('X-Frame-Options') == 'DENY',
      'pages carry the security headers')
check(office.get('/uploads/').status == 404 and office.get('/static/').status == 404, 'no directory listing')
print('done')
