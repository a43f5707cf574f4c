#!/usr/bin/env python3
"""Collects the public .docx and HTML fixtures in this folder from repository snapshots.

Provenance record, not part of the build: it reads bare git snapshots of the source repositories
(MIRROR/<owner>+<repo>/repo, HEAD), copies the chosen data files byte for byte, copies each
repository's licence (and NOTICE), and writes MANIFEST.tsv with table counts made by the small
parsers below. Usage: python3 collect.py [MIRROR]   (default /work/.mirror)
"""
import html.parser, io, os, re, subprocess, sys, zipfile
from xml.etree import ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
MIRROR = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror"

OXS = "test/DocumentFormat.OpenXml.Tests.Assets/assets/TestDataStorage/v2FxTestFiles/wordprocessing/"
# (repo, path, note); note is added to what the scan finds.
DOCX = [
    ("dotnet/Open-XML-SDK", OXS + "table/2006.docx", "lang=zh"),
    ("dotnet/Open-XML-SDK", OXS + "table/2007.docx", "lang=zh"),
    ("dotnet/Open-XML-SDK", OXS + "table/complex table.docx", ""),
    ("dotnet/Open-XML-SDK", OXS + "complexDocx/complex tables.docx", ""),
    ("dotnet/Open-XML-SDK", OXS + "table/table-complex.docx", ""),
    ("dotnet/Open-XML-SDK", OXS + "table/2003 Consumer Confidence Report.docx", ""),
    ("dotnet/Open-XML-SDK", OXS + "complexDocx/complexity.docx", ""),
    ("dotnet/Open-XML-SDK", OXS + "mixed languages/Unit1Translation.docx", "lang=zh"),
    ("apache/poi", "test-data/document/bug65649.docx", ""),
    ("apache/poi", "test-data/document/bug57031.docx", ""),
    ("apache/poi", "test-data/integration/stress019.docx", "lang=ja"),
    ("apache/poi", "test-data/integration/stress010.docx", ""),
    ("apache/poi", "test-data/document/60329.docx", ""),
    ("apache/poi", "test-data/document/bug65738.docx", ""),
    ("apache/poi", "test-data/document/form_footnotes.docx", ""),
    ("apache/poi", "test-data/document/IllustrativeCases.docx", ""),
    ("apache/poi", "test-data/document/checkboxes.docx", ""),
    ("apache/poi", "test-data/document/ComplexNumberedLists.docx", ""),
    ("apache/poi", "test-data/document/truncated62886.docx", "broken: zip cut short, no central directory"),
    ("apache/poi", "test-data/document/bug53475-password-is-pass.docx", "broken: encrypted (OLE2 compound file, not a zip; password 'pass')"),
    ("python-openxml/python-docx", "features/steps/test_files/tbl-cell-access.docx", ""),
    ("python-openxml/python-docx", "features/steps/test_files/blk-paras-and-tables.docx", ""),
    ("python-openxml/python-docx", "features/steps/test_files/tbl-props.docx", ""),
    ("mwilliamson/python-mammoth", "tests/test-data/tables.docx", ""),
    ("mwilliamson/python-mammoth", "tests/test-data/empty.docx", ""),
]
HTML = [
    ("PHPOffice/PhpSpreadsheet", "tests/data/Reader/HTML/charset.gb18030.html", "encoding=gb18030 (bytes are also valid GBK and GB2312); lang=zh"),
    ("PHPOffice/PhpSpreadsheet", "tests/data/Reader/HTML/rowspan.html", "fragment without <html>; invalid colspan value '3\"' and an unclosed <td>"),
    ("PHPOffice/PhpSpreadsheet", "tests/data/Reader/HTML/utf8chars.charset.html", "encoding=utf-8; characters outside the BMP"),
    ("PHPOffice/PhpSpreadsheet", "tests/data/Reader/HTML/charset.UTF-8.bom.html", "encoding=utf-8 with BOM, no charset declared"),
    ("SheetJS/test_files", "sized_boxen.htm", "Excel 15 'Save as Web Page'; encoding=macintosh"),
    ("jhy/jsoup", "src/test/resources/htmltests/table-invalid-elements.html", "invalid content inside table"),
    ("mozilla/readability", "test/test-pages/wikipedia/source.html", "saved web page (Wikipedia, text CC BY-SA)"),
    ("mozilla/readability", "test/test-pages/qq/source.html", "saved web page; meta says charset=gb2312 but the bytes are UTF-8; lang=zh"),
    ("mozilla/readability", "test/test-pages/hukumusume/source.html", "saved web page; layout tables; lang=ja"),
    ("mozilla/readability", "test/test-pages/keep-tabular-data/source.html", "saved web page; data table"),
]
LICENSES = {
    "dotnet/Open-XML-SDK": ("MIT", ["LICENSE"]),
    "apache/poi": ("Apache-2.0", ["legal/LICENSE", "legal/NOTICE"]),
    "python-openxml/python-docx": ("MIT", ["LICENSE"]),
    "mwilliamson/python-mammoth": ("BSD-2-Clause", ["LICENSE"]),
    "PHPOffice/PhpSpreadsheet": ("MIT", ["LICENSE"]),
    "SheetJS/test_files": ("Apache-2.0", ["LICENSE"]),
    "jhy/jsoup": ("MIT", ["LICENSE"]),
    "mozilla/readability": ("Apache-2.0", ["LICENSE.md", "NOTICE"]),
}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def git(repo, *args):
    gd = os.path.join(MIRROR, repo.replace("/", "+"), "repo")
    return subprocess.run(["git", "--git-dir", gd, *args], check=True, capture_output=True).stdout


def fixture_name(repo, path):
    return (repo.replace("/", "__") + "__" + path.replace("/", "__")).replace(" ", "_")


def scan_docx(data):
    """(top-level tables in the body, nested tables, merged?, numbering?, error or None)."""
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        xml = z.read("word/document.xml")
    except Exception as e:  # not a zip, or no main part
        return 0, 0, False, False, type(e).__name__
    try:
        root = ET.fromstring(xml)
    except ET.ParseError as e:
        return 0, 0, False, False, "xml: " + str(e)
    top = nested = 0
    merged = numbered = False

    def walk(el, depth):
        nonlocal top, nested, merged, numbered
        for c in el:
            if c.tag == W + "tbl":
                top, nested = (top + 1, nested) if depth == 0 else (top, nested + 1)
                walk(c, depth + 1)
                continue
            if c.tag in (W + "vMerge", W + "gridSpan") and depth > 0:
                merged = True
            if c.tag == W + "numPr":
                numbered = True
            walk(c, depth)

    body = root.find(W + "body")
    if body is not None:
        walk(body, 0)
    return top, nested, merged, numbered, None


class TableCounter(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = self.top = self.nested = 0
        self.merged = False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            if self.depth == 0:
                self.top += 1
            else:
                self.nested += 1
            self.depth += 1
        elif tag in ("td", "th"):
            for k, v in attrs:
                if k in ("rowspan", "colspan") and (v or "").strip() not in ("", "1"):
                    self.merged = True

    def handle_endtag(self, tag):
        if tag == "table" and self.depth > 0:
            self.depth -= 1


def html_text(data):
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    m = re.search(rb"charset\s*=\s*[\"']?([-\w]+)", data[:4096], re.I)
    cs = m.group(1).decode().lower() if m else "utf-8"
    cs = {"gb2312": "gb18030", "gbk": "gb18030", "macintosh": "mac_roman"}.get(cs, cs)
    try:
        return data.decode(cs)
    except (LookupError, UnicodeDecodeError):
        return data.decode("utf-8", "replace")


def scan_html(data):
    p = TableCounter()
    p.feed(html_text(data))
    p.close()
    return p.top, p.nested, p.merged


def main():
    rows, commits = [], {}
    for kind, items in (("docx", DOCX), ("html", HTML)):
        outdir = os.path.join(HERE, kind)
        os.makedirs(outdir, exist_ok=True)
        for repo, path, note in items:
            commit = commits.setdefault(repo, git(repo, "rev-parse", "HEAD").decode().strip())
            data = git(repo, "show", commit + ":" + path)
            assert len(data) < 512 * 1024, path
            name = fixture_name(repo, path)
            with open(os.path.join(outdir, name), "wb") as f:
                f.write(data)
            notes = [note] if note else []
            if kind == "docx":
                top, nested, merged, numbered, err = scan_docx(data)
                if err and not note.startswith("broken"):
                    notes.append("broken: " + err)
                if not err and top == 0:
                    notes.append("no-table")
                if numbered:
                    notes.append("numbering")
            else:
                top, nested, merged = scan_html(data)
            if nested:
                notes.append("nested=%d" % nested)
            rows.append([name, kind, repo, commit, path, LICENSES[repo][0], str(len(data)),
                         str(top), "yes" if merged else "no", "; ".join(n for n in notes if n)])
    with open(os.path.join(HERE, "MANIFEST.tsv"), "w") as f:
        f.write("\t".join(["file", "kind", "repo", "commit", "path", "license", "size", "tables", "merged", "note"]) + "\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    os.makedirs(os.path.join(HERE, "licenses"), exist_ok=True)
    for repo, (spdx, files) in LICENSES.items():
        text = "# %s (SPDX: %s), from commit %s\n" % (repo, spdx, commits[repo])
        for lf in files:
            text += "\n===== %s =====\n\n" % lf + git(repo, "show", commits[repo] + ":" + lf).decode("utf-8")
        with open(os.path.join(HERE, "licenses", repo.replace("/", "__") + ".txt"), "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
