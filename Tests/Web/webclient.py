"""A small HTTP client for the web tests: a cookie jar, form posts (urlencoded and multipart) and no redirects
followed unless asked, so that each answer is checked as the server gave it. Standard library only."""
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
