"""A small HTTP client for the web tests: a cookie jar, form posts (urlencoded and multipart) and no redirects
followed unless asked, so that each answer is checked as the server gave it. Standard library only."""
import html.parser
import http.cookiejar
import sys
import re
import urllib.error
import urllib.parse
import urllib.request
import uuid


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    @property
    def text(self):
        return self.body.decode('utf-8', 'replace')

    def csrf(self):
        m = re.search(r'name="csrf" value="([^"]+)"', self.text)
        return m.group(1) if m else None


class Client:
    def __init__(self, base):
        self.base = base.rstrip('/')
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)

    def request(self, method, path, body=None, headers=None):
        req = urllib.request.Request(self.base + urllib.parse.quote(path, safe='/?&=%'), data=body, method=method, headers=headers or {})
        try:
            with self.opener.open(req, timeout=120) as r:
                return Response(r.status, dict(r.headers), r.read())
        except urllib.error.HTTPError as e:
            return Response(e.code, dict(e.headers), e.read())

    def get(self, path):
        return self.request('GET', path)

    def follow(self, response):
        """GET the Location of a 303."""
        assert response.status in (301, 302, 303), (response.status, response.text[:300])
        location = response.headers['Location']
        return self.get(urllib.parse.urlparse(location).path if location.startswith('http') else location)

    def post(self, path, fields=None, files=None):
        if files:
            boundary = uuid.uuid4().hex
            parts = []
            for name, value in (fields or {}).items():
                parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
            for name, (filename, data) in files.items():
                parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                             f'Content-Type: application/octet-stream\r\n\r\n'.encode() + data + b'\r\n')
            body = b''.join(parts) + f'--{boundary}--\r\n'.encode()
            return self.request('POST', path, body, {'Content-Type': f'multipart/form-data; boundary={boundary}'})
        body = urllib.parse.urlencode(fields or {}).encode()
        return self.request('POST', path, body, {'Content-Type': 'application/x-www-form-urlencoded'})


def check(condition, what, response=None):
    """One line per check; the first failure ends the script with exit 1."""
    if not condition:
        detail = f' [{response.status}] {response.text[:500]}' if response is not None else ''
        print(f'FAIL {what}{detail}')
        sys.exit(1)
    print(f'ok {what}')


def read(path):
    with open(path, 'rb') as f:
        return f.read()


class FormFields(html.parser.HTMLParser):
    """The fields a browser would send for the page's forms: inputs by value, textareas by text, selects by the
    selected option (its text when it has no value)."""

    def __init__(self):
        super().__init__()
        self.fields, self.textarea, self.select, self.option = {}, None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'input' and a.get('name') and a.get('type') not in ('file', 'submit'):
            self.fields[a['name']] = a.get('value', '')
        elif tag == 'textarea':
            self.textarea = a.get('name')
            self.fields[self.textarea] = ''
        elif tag == 'select':
            self.select = a.get('name')
            self.fields.setdefault(self.select, '')
        elif tag == 'option' and self.select:
            self.option = a
            self.option_text = ''

    def handle_data(self, data):
        if self.textarea:
            self.fields[self.textarea] += data
        elif self.option is not None:
            self.option_text += data

    def handle_endtag(self, tag):
        if tag == 'textarea':
            self.textarea = None
        elif tag == 'option' and self.option is not None:
            if 'selected' in self.option:
                self.fields[self.select] = self.option.get('value', self.option_text)
            self.option = None
        elif tag == 'select':
            self.select = None


def form_fields(page):
    parser = FormFields()
    parser.feed(page)
    return parser.fields
