"""The clerk's round and two units' returns in a real browser (Debian's chromium through chromedriver, headless),
with a screenshot of each page in SHOTS and the downloads in DOWNLOADS. Usage:
browser.py BASE SAMPLES SETUP_CODE SHOTS DOWNLOADS. Prints one line per step; exits 1 on failure."""
import os
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

base, samples, code, shots, downloads = sys.argv[1:6]
os.makedirs(shots, exist_ok=True)
os.makedirs(downloads, exist_ok=True)


def browser():
    options = webdriver.ChromeOptions()
    for argument in ['--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--window-size=1280,1600', '--lang=zh-CN',
                     '--disable-gpu', '--force-device-scale-factor=1']:
        options.add_argument(argument)
    options.binary_location = '/usr/bin/chromium'
    options.add_experimental_option('prefs', {'download.default_directory': downloads, 'download.prompt_for_download': False})
    driver = webdriver.Chrome(service=Service('/usr/bin/chromedriver'), options=options)
    driver.execute_cdp_cmd('Page.setDownloadBehavior', {'behavior': 'allow', 'downloadPath': downloads})
    return driver


step = 0


def shot(driver, name):
    """A screenshot of the whole page, as tall as its content."""
    global step
    step += 1
    # The window is the page's height plus the browser's own frame (the viewport is what is left of the window).
    frame = driver.execute_script('return window.outerHeight - window.innerHeight')
    # The content's own bottom: scrollHeight is at least the window's, which is what is being set.
    height = driver.execute_script("return Math.ceil(document.querySelector('main').getBoundingClientRect().bottom + window.scrollY) + 20")
    driver.set_window_size(1280, min(height + frame + 20, 6000))
    path = f'{shots}/{step:02d}-{name}.png'
    driver.save_screenshot(path)
    driver.set_window_size(1280, 1600)
    return path


def check(condition, what, driver=None):
    if not condition:
        if driver is not None:
            print(f'FAIL {what} — at {driver.current_url}: {driver.find_element(By.TAG_NAME, "main").text[:500]}')
        else:
            print(f'FAIL {what}')
        sys.exit(1)
    print(f'ok {what}')


def submit(driver, form):
    form.find_element(By.CSS_SELECTOR, 'button[type=submit]').click()
    time.sleep(0.2)


def wait_download(name, timeout=20):
    path = os.path.join(downloads, name)
    end = time.time() + timeout
    while time.time() < end:
        if os.path.exists(path) and not os.path.exists(path + '.crdownload'):
            return path
        time.sleep(0.1)
    return None


office = browser()
try:
    office.get(base + '/')
    check(office.current_url.endswith('/setup'), 'a first start opens the password page', office)
    shot(office, 'setup')
    office.find_element(By.NAME, 'code').send_keys(code)
    office.find_element(By.NAME, 'password').send_keys('ledger-office-2023')
    office.find_element(By.NAME, 'again').send_keys('ledger-office-2023')
    submit(office, office.find_element(By.CSS_SELECTOR, 'form'))
    check(office.find_element(By.TAG_NAME, 'h1').text == '工作台', 'the password is set and the desk opens', office)
    shot(office, 'desk-empty')

    form = office.find_element(By.CSS_SELECTOR, 'form.upload')
    form.find_element(By.NAME, 'plan').send_keys(samples + '/plan-2023.xlsx')
    form.find_element(By.NAME, 'units').send_keys(samples + '/units.yaml')
    submit(office, form)
    check('计划表已上传' in office.find_element(By.TAG_NAME, 'h1').text, 'the plan is uploaded and checked', office)
    check(len(office.find_elements(By.CSS_SELECTOR, 'table.issues tbody tr')) > 0, 'its problems are listed with their cells', office)
    shot(office, 'plan-issues')

    office.get(base + '/')
    office.find_element(By.LINK_TEXT, '下载各单位反馈表（zip）').click()
    check(wait_download('各单位任务反馈表.zip') is not None, 'every unit\'s template downloads as one zip')
    shot(office, 'desk-with-plan')

    office.get(base + '/units')
    for unit in ['法规科', '政务科']:
        row = office.find_element(By.XPATH, f'//tr[td[1][text()="{unit}"]]')
        submit(office, row.find_element(By.CSS_SELECTOR, 'form'))
    links = {unit: office.find_element(By.XPATH, f'//tr[td[1][text()="{unit}"]]//input[@class="link-box"]').get_attribute('value')
             for unit in ['法规科', '政务科']}
    check(all('/u/' in link for link in links.values()), 'links for 法规科 and 政务科 are shown', office)
    shot(office, 'unit-links')

    office.get(base + '/')
    form = office.find_element(By.CSS_SELECTOR, 'form.inline-form')
    form.find_element(By.NAME, 'label').send_keys('2023-07')
    office.execute_script("arguments[0].value = '2023-07-10'", form.find_element(By.NAME, 'asOf'))
    submit(office, form)
    check(office.find_element(By.TAG_NAME, 'h1').text == '第 2023-07 轮', 'round 2023-07 is opened', office)
    shot(office, 'round-opened')

    unit = browser()
    try:
        unit.get(links['法规科'])
        check('法规科：任务反馈' in unit.find_element(By.TAG_NAME, 'h1').text, '法规科 opens its page by its link', unit)
        shot(unit, 'unit-法规科')
        unit.find_element(By.NAME, 'file').send_keys(samples + '/returns/法规科-任务反馈表.xlsx')
        submit(unit, unit.find_element(By.CSS_SELECTOR, 'form.upload'))
        check(unit.find_element(By.TAG_NAME, 'h1').text == '反馈已收到', '法规科\'s return is accepted', unit)
        shot(unit, 'unit-法规科-accepted')

        unit.get(links['政务科'])
        bad = os.path.join(downloads, '政务科-随手写的.csv')
        with open(bad, 'w', encoding='utf-8') as f:
            f.write('这不是反馈表\n只是一段说明\n')
        unit.find_element(By.NAME, 'file').send_keys(bad)
        submit(unit, unit.find_element(By.CSS_SELECTOR, 'form.upload'))
        check(unit.find_element(By.TAG_NAME, 'h1').text == '反馈有错误', 'a file that is no return is refused with its problems', unit)
        said = unit.find_element(By.CSS_SELECTOR, 'table.issues').text
        check('找不到反馈表的表头' in said and '计划表' not in said, 'it is told as a return without its header, not a plan', unit)
        shot(unit, 'unit-政务科-refused')
        unit.get(links['政务科'])
        unit.find_element(By.NAME, 'file').send_keys(samples + '/returns/政务科-任务反馈表.xlsx')
        submit(unit, unit.find_element(By.CSS_SELECTOR, 'form.upload'))
        check(unit.find_element(By.TAG_NAME, 'h1').text == '反馈已收到', '政务科\'s corrected upload is accepted', unit)
        unit.get(links['政务科'])
        check(len(unit.find_elements(By.XPATH, '//h2[text()="已上传"]/following-sibling::table[1]/tbody/tr')) == 2,
              '政务科 sees both its uploads', unit)
        shot(unit, 'unit-政务科-history')
        unit.find_element(By.LINK_TEXT, '在网页上填写第 2023-07 轮进展').click()
        check(unit.find_element(By.TAG_NAME, 'h1').text == '政务科：第 2023-07 轮进展填报', '政务科 opens the progress form', unit)
        area = unit.find_element(By.CSS_SELECTOR, 'textarea[aria-label="RWE2SAR67H 进展情况"]')
        check('规范性文件梳理已完成60%' in area.get_attribute('value'), 'the form starts from 政务科\'s accepted return', unit)
        area.clear()
        area.send_keys('截至7月10日，规范性文件梳理已完成80%（网页填报）。')
        Select(unit.find_element(By.CSS_SELECTOR, 'select[aria-label="RWE2SAR67H 完成状态"]')).select_by_visible_text('推进中')
        shot(unit, 'unit-政务科-form')
        submit(unit, unit.find_element(By.CSS_SELECTOR, 'form.progress-form'))
        check(unit.find_element(By.TAG_NAME, 'h1').text == '反馈已收到', '政务科\'s form is accepted as its return', unit)
        shot(unit, 'unit-政务科-form-accepted')
    finally:
        unit.quit()

    office.get(base + '/rounds/2023-07')
    form = office.find_element(By.CSS_SELECTOR, 'form.upload')
    Select(form.find_element(By.NAME, 'unit')).select_by_visible_text('规划科')
    form.find_element(By.NAME, 'file').send_keys(samples + '/returns/规划科-任务反馈表（重排）.xlsx')
    submit(office, form)
    check(office.find_element(By.TAG_NAME, 'h1').text == '反馈已收到', 'the office uploads 规划科\'s return on its behalf', office)
    office.get(base + '/rounds/2023-07')
    check(office.find_element(By.CSS_SELECTOR, '[data-live]').text == '3', 'the round page counts 3 returns', office)
    shot(office, 'round-three-returns')

    submit(office, office.find_elements(By.CSS_SELECTOR, 'form.inline-form')[-1])
    check(office.find_element(By.TAG_NAME, 'h1').text == '第 2023-07 轮台账', 'the merge shows the ledger', office)
    check('规范性文件梳理已完成80%（网页填报）' in office.find_element(By.TAG_NAME, 'main').text, 'the ledger has what 政务科 typed in the form', office)
    shot(office, 'ledger')
    Select(office.find_element(By.NAME, 'unit')).select_by_visible_text('法规科')
    Select(office.find_element(By.NAME, 'status')).select_by_visible_text('已完成')
    submit(office, office.find_element(By.CSS_SELECTOR, 'form.filters'))
    rows = office.find_elements(By.CSS_SELECTOR, 'table.ledger tbody tr')
    check(rows and all(r.find_elements(By.TAG_NAME, 'td')[5].text == '已完成' for r in rows), f'the ledger filtered by unit and status ({len(rows)})', office)
    shot(office, 'ledger-filtered')

    office.get(base + '/rounds/2023-07')
    for name in ['总台账.xlsx', '总台账.csv', '简报.xlsx']:
        office.find_element(By.LINK_TEXT, name).click()
        check(wait_download('2023-07-' + name) is not None, f'{name} downloads')
    shot(office, 'round-merged')
    office.get(base + '/history')
    check(len(office.find_elements(By.CSS_SELECTOR, 'td.sha')) == 7, 'the history lists every upload with its sha256', office)
    shot(office, 'history')
finally:
    office.quit()
print('done')
