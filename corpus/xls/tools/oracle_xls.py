"""Oracle for legacy Excel (.xls, BIFF2-8, WPS .et) files: reads each file with xlrd and with
python-calamine, normalizes every cell value the same way as the xlsx corpus's tools/oracle.py,
scans the BIFF records for feature tags, and writes one JSON record per file (see ../README.md).

usage:
  python oracle_xls.py build CORPUS_DIR           # all files listed in CORPUS_DIR/tools/sources.tsv
                                                  #  -> CORPUS_DIR/oracle/*.json, CORPUS_DIR/MANIFEST.tsv
  python oracle_xls.py one IN.xls OUT.json        # one file, no provenance
  python oracle_xls.py scan IN.xls ...            # print the BIFF feature tags only
(needs: pip install xlrd python-calamine; the scanner alone needs only the standard library)
"""
import os, re, sys, json, math, datetime, csv, io, warnings, hashlib, struct
warnings.simplefilter('ignore')
try:
    import resource
    resource.setrlimit(resource.RLIMIT_AS, (6 << 30, 6 << 30))
except Exception:
    pass
MAX_CELLS = 3_000_000

# ---------------------------------------------------------------------------------------------
# Value normalization: copied from the xlsx corpus's tools/oracle.py (keep in step with it).

def fmt_num(x):
    x = float(x)
    if math.isnan(x) or math.isinf(x): return repr(x)
    if x == 0: return '0'
    if x.is_integer() and abs(x) < 1e16: return str(int(x))
    return repr(x)

def fmt_ms(total_ms):
    """format a non-negative millisecond count as H:MM:SS[.fff]"""
    s, ms = divmod(total_ms, 1000); h, s = divmod(s, 3600); m, s = divmod(s, 60)
    out = '%02d:%02d:%02d' % (h, m, s)
    if ms: out += '.%03d' % ms
    return out

def round_dt(d):
    ms = int(round(d.microsecond / 1000.0))
    return d.replace(microsecond=0) + datetime.timedelta(milliseconds=ms)

def norm(v, is_error=False):
    """typed normalized value: None | bool | float | str | {'date':..} | {'duration':..} | {'error':..}"""
    if v is None: return None
    if is_error: return {'error': str(v)}
    if isinstance(v, bool): return v
    if isinstance(v, (int, float)): return float(v)
    if isinstance(v, datetime.datetime):
        d = round_dt(v)
        if d.hour == d.minute == d.second == d.microsecond == 0: return {'date': d.date().isoformat()}
        return {'date': d.date().isoformat() + 'T' + fmt_ms(((d.hour * 60 + d.minute) * 60 + d.second) * 1000 + d.microsecond // 1000)}
    if isinstance(v, datetime.date): return {'date': v.isoformat()}
    if isinstance(v, datetime.time):
        return {'date': fmt_ms(((v.hour * 60 + v.minute) * 60 + v.second) * 1000 + int(round(v.microsecond / 1000.0)))}
    if isinstance(v, datetime.timedelta):
        total_ms = int(round(v.total_seconds() * 1000))
        sign = '-' if total_ms < 0 else ''; total_ms = abs(total_ms)
        return {'duration': sign + fmt_ms(total_ms)}
    if isinstance(v, str):
        return v if v != '' else None
    return str(v)

def to_text(n):
    if n is None: return ''
    if isinstance(n, bool): return 'TRUE' if n else 'FALSE'
    if isinstance(n, float): return fmt_num(n)
    if isinstance(n, dict): return next(iter(n.values()))
    return n

def trim(grid):
    while grid and all(c is None for c in grid[-1]): grid.pop()
    width = 0
    for row in grid:
        while row and row[-1] is None: row.pop()
        width = max(width, len(row))
    return grid, width

def to_csv(grid, width):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator='\n')
    for row in grid:
        w.writerow([to_text(c) for c in row] + [''] * (width - len(row)))
    return buf.getvalue()

def jsonable(n):
    if isinstance(n, float):
        return int(n) if n.is_integer() and abs(n) < 1e16 else n
    return n

def colname(n):
    s = ''
    while n: n, rem = divmod(n - 1, 26); s = chr(65 + rem) + s
    return s

# ---------------------------------------------------------------------------------------------
# Minimal OLE2 compound-file reader and BIFF record scanner (for the feature tags).

CFB_MAGIC = b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1'

class CFBError(Exception): pass

def cfb_streams(data):
    """{name: bytes} of every stream in an OLE2 compound file (names as stored)."""
    if data[:8] != CFB_MAGIC: raise CFBError('not an OLE2 compound file')
    if len(data) < 512: raise CFBError('truncated header')
    sshift, = struct.unpack_from('<H', data, 0x1E); mshift, = struct.unpack_from('<H', data, 0x20)
    if not 7 <= sshift <= 16 or mshift > sshift: raise CFBError('bad sector shift %d' % sshift)
    ssz = 1 << sshift; msz = 1 << mshift
    nfat, dir_start = struct.unpack_from('<II', data, 0x2C)
    mini_cutoff, minifat_start, nminifat, difat_start, ndifat = struct.unpack_from('<IIIII', data, 0x38)
    nsect = max(0, (len(data) - ssz) // ssz) + 1

    def sector(sid):
        off = (sid + 1) << sshift
        if sid < 0 or off >= len(data): raise CFBError('sector %d out of range' % sid)
        return data[off:off + ssz]
    difat = list(struct.unpack_from('<109I', data, 0x4C))
    sid, seen = difat_start, set()
    while sid < 0xFFFFFFFA and len(seen) < 1 << 16:
        if sid in seen: raise CFBError('DIFAT loop')
        seen.add(sid); s = sector(sid)
        vals = struct.unpack('<%dI' % (ssz // 4), s)
        difat.extend(vals[:-1]); sid = vals[-1]
    fat = []
    for fs in difat[:nfat] if nfat else []:
        if fs >= 0xFFFFFFFA: continue
        fat.extend(struct.unpack('<%dI' % (ssz // 4), sector(fs)))

    def chain(start, table, limit):
        out, sid, seen = [], start, set()
        while sid < 0xFFFFFFFA:
            if sid in seen or sid >= len(table): raise CFBError('bad sector chain')
            seen.add(sid); out.append(sid); sid = table[sid]
            if len(out) > limit: raise CFBError('chain too long')
        return out
    dirdata = b''.join(sector(s) for s in chain(dir_start, fat, nsect))
    entries = []
    for i in range(len(dirdata) // 128):
        e = dirdata[i * 128:(i + 1) * 128]
        nlen, typ = struct.unpack_from('<HB', e, 0x40)
        name = e[:max(0, min(nlen, 64) - 2)].decode('utf-16-le', 'replace')
        start, size = struct.unpack_from('<II', e, 0x74)
        entries.append((name, typ, start, size))
    if not entries or entries[0][1] != 5: raise CFBError('no root entry')
    root = entries[0]
    minifat = []
    if nminifat and minifat_start < 0xFFFFFFFA:
        b = b''.join(sector(s) for s in chain(minifat_start, fat, nsect))
        minifat = list(struct.unpack('<%dI' % (len(b) // 4), b))
    ministream = None
    out = {}
    for name, typ, start, size in entries[1:]:
        if typ != 2: continue
        try:
            if size < mini_cutoff:
                if ministream is None:
                    ministream = b''.join(sector(s) for s in chain(root[2], fat, nsect)) if root[2] < 0xFFFFFFFA else b''
                buf = b''.join(ministream[s * msz:(s + 1) * msz] for s in chain(start, minifat, len(minifat)))
            else:
                buf = b''.join(sector(s) for s in chain(start, fat, nsect))
            out[name] = buf[:size]
        except CFBError as e:
            out[name] = e
    return out

def biff_records(stream):
    pos, n = 0, len(stream)
    while pos + 4 <= n:
        rt, ln = struct.unpack_from('<HH', stream, pos)
        yield rt, stream[pos + 4:pos + 4 + ln], pos + 4 + ln > n
        pos += 4 + ln

HAN = re.compile('[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]')

class Segs:
    """reader over SST + CONTINUE payloads (XLUnicodeRichExtendedString crossing records)"""
    def __init__(self, segs): self.segs, self.i, self.p = segs, 0, 0
    def _adv(self):
        while self.i < len(self.segs) and self.p >= len(self.segs[self.i]): self.i += 1; self.p = 0
        if self.i >= len(self.segs): raise EOFError
    def take(self, n):
        out = b''
        while n:
            self._adv(); s = self.segs[self.i]; k = min(n, len(s) - self.p)
            out += s[self.p:self.p + k]; self.p += k; n -= k
        return out
    def chars(self, cch, high):
        out = []
        while cch:
            self._adv(); s = self.segs[self.i]; avail = len(s) - self.p
            per = 2 if high else 1; k = min(cch, avail // per)
            if k == 0: raise EOFError
            raw = s[self.p:self.p + k * per]; self.p += k * per; cch -= k
            out.append(raw.decode('utf-16-le', 'replace') if high else raw.decode('latin-1'))
            if cch:  # continues in the next CONTINUE record, which starts with a flags byte
                self.i += 1; self.p = 0; self._adv(); high = self.segs[self.i][self.p] & 1; self.p += 1
        return ''.join(out)

def sst_strings(segs, limit=200000):
    r = Segs(segs)
    try:
        total, uniq = struct.unpack('<II', r.take(8))
        for _ in range(min(uniq, limit)):
            cch, = struct.unpack('<H', r.take(2)); flags = r.take(1)[0]
            runs = struct.unpack('<H', r.take(2))[0] if flags & 8 else 0
            ext = struct.unpack('<I', r.take(4))[0] if flags & 4 else 0
            yield r.chars(cch, flags & 1)
            r.take(4 * runs); r.take(ext)
    except (EOFError, struct.error):
        return

def biff8_ustr(b, lenbytes=2):
    """XLUnicodeString at the start of b"""
    try:
        cch = b[0] if lenbytes == 1 else struct.unpack_from('<H', b)[0]
        flags = b[lenbytes]; p = lenbytes + 1
        if flags & 8: p += 2
        if flags & 4: p += 4
        return b[p:p + 2 * cch].decode('utf-16-le', 'replace') if flags & 1 else b[p:p + cch].decode('latin-1')
    except (IndexError, struct.error):
        return ''

CP_CODECS = {1200: 'utf-16-le', 367: 'ascii', 10000: 'mac_roman', 10029: 'mac_latin2', 10007: 'mac_cyrillic',
             32768: 'mac_roman', 32769: 'cp1252'}

def scan(data, filename=''):
    """feature tags from the BIFF records of one file"""
    tags, strings = set(), []
    if filename.lower().endswith('.et'): tags.add('et')
    if data[:8] == CFB_MAGIC:
        try:
            streams = cfb_streams(data)
        except (CFBError, struct.error) as e:
            tags.add('broken'); return sorted(tags), 'compound file: %s' % e
        wb = None
        for name in streams:
            if name.lower() in ('workbook', 'book') and isinstance(streams[name], bytes):
                if wb is None or name.lower() == 'workbook': wb = streams[name]
        for name, st in streams.items():
            if isinstance(st, bytes) and name.endswith('SummaryInformation') and (b'WPS' in st or 'WPS'.encode('utf-16-le') in st):
                tags.add('wps')
            if name.lower() in ('encryptioninfo', 'encryptedpackage'): tags.add('ooxml-encrypted')
        if wb is None:
            tags.add('broken'); return sorted(tags), 'no Workbook/Book stream'
    elif data[:4] == b'PK\x03\x04':
        tags.update(('not-ole2', 'zip')); return sorted(tags), 'a zip file (xlsx/ods), not BIFF'
    else:
        tags.add('not-ole2'); wb = data
    note = None
    first_bof = True; prev = None; sst_segs = None; codepage = None; str_after_formula = False
    for rt, body, trunc in biff_records(wb):
        if trunc: tags.add('broken'); note = 'record 0x%04x truncated' % rt; break
        if rt in (0x0809, 0x0009, 0x0209, 0x0409):
            if first_bof:
                first_bof = False
                ver = struct.unpack_from('<H', body)[0] if rt == 0x0809 and len(body) >= 2 else None
                tags.add({0x0009: 'biff2', 0x0209: 'biff3', 0x0409: 'biff4'}.get(rt) or
                         {0x0600: 'biff8', 0x0500: 'biff5'}.get(ver, 'bof-version=0x%04x' % (ver or 0)))
        elif first_bof:
            tags.add('broken'); note = 'first record 0x%04x is not BOF' % rt; break
        if sst_segs is not None and rt != 0x003C:
            strings.extend(sst_strings(sst_segs)); sst_segs = None
        biff8 = 'biff8' in tags
        if rt == 0x0042 and len(body) >= 2:
            codepage = struct.unpack_from('<H', body)[0]; tags.add('codepage=%d' % codepage)
        elif rt == 0x0022 and len(body) >= 2 and struct.unpack_from('<H', body)[0] == 1: tags.add('date1904')
        elif rt == 0x00E5 and len(body) >= 2 and struct.unpack_from('<H', body)[0] > 0: tags.add('merged')
        elif rt == 0x002F:  # FILEPASS: every record body after this one is encrypted
            tags.add('filepass'); break
        elif rt == 0x027E: tags.add('rk')
        elif rt == 0x00BD: tags.add('mulrk')
        elif rt == 0x00FC: sst_segs = [body]
        elif rt == 0x003C and prev in (0x00FC, 0x003C) and sst_segs is not None:
            sst_segs.append(body); tags.add('sst-continue')
        elif rt == 0x0085 and len(body) >= 7:
            st, dt = body[4] & 3, body[5]
            if st: tags.add('hidden-sheet')
            if dt == 2: tags.add('chart-sheet')
            elif dt == 1: tags.add('macro-sheet')
            elif dt == 6: tags.add('vb-module')
            strings.append(biff8_ustr(body[6:], 1) if biff8 else body[7:7 + body[6]])
        elif rt == 0x0006 and len(body) >= 14:
            str_after_formula = body[6] == 0 and body[12:14] == b'\xff\xff'
        elif rt == 0x0207:
            if str_after_formula: tags.add('formula-string')
            str_after_formula = False
            strings.append(biff8_ustr(body) if biff8 else body[2:])
        elif rt in (0x0204, 0x00D6) and len(body) >= 8:
            strings.append(biff8_ustr(body[6:]) if biff8 else body[8:8 + struct.unpack_from('<H', body, 6)[0]])
        if rt not in (0x0006, 0x0207, 0x04BC, 0x0221, 0x0236): str_after_formula = False  # STRING follows FORMULA (maybe after SHRFMLA/ARRAY/TABLE)
        prev = rt
    if sst_segs is not None: strings.extend(sst_strings(sst_segs))
    codec = CP_CODECS.get(codepage, 'cp%d' % codepage if codepage else 'cp1252')
    for s in strings:
        if isinstance(s, bytes):
            try: s = s.decode(codec)
            except (LookupError, UnicodeDecodeError): s = s.decode('latin-1')
        if HAN.search(s): tags.add('cjk'); break
    return sorted(tags, key=lambda t: (t.split('=')[0] != t, t)), note

# ---------------------------------------------------------------------------------------------
# The two oracle readers.

VIS = {0: 'visible', 1: 'hidden', 2: 'veryhidden'}
ELAPSED = re.compile(r'\[(h+|m+|s+)\]', re.I)

def xlrd_value(book, cell, fmt_of):
    import xlrd
    t = cell.ctype
    if t in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK): return None
    if t == xlrd.XL_CELL_TEXT: return norm(cell.value)
    if t == xlrd.XL_CELL_NUMBER: return norm(float(cell.value))
    if t == xlrd.XL_CELL_BOOLEAN: return bool(cell.value)
    if t == xlrd.XL_CELL_ERROR:
        return {'error': xlrd.error_text_from_code.get(cell.value, '#ERR%d' % cell.value)}
    if t == xlrd.XL_CELL_DATE:
        v = float(cell.value)
        # same rules as openpyxl (and so the xlsx oracle): elapsed-time formats ([h], [m], [s]) are
        # durations, a value in [0, 1) is a time of day, anything else a date(time) in the book's datemode
        if ELAPSED.search(fmt_of(cell.xf_index) or ''):
            return norm(datetime.timedelta(days=v))
        if 0 <= v < 1:
            ms = int(round(v * 86400000))
            if ms < 86400000:
                return {'date': fmt_ms(ms)}
        try:
            return norm(xlrd.xldate_as_datetime(v, book.datemode))
        except Exception:
            return norm(v)
    return norm(cell.value)

def run_xlrd(path):
    import xlrd
    res = {'version': xlrd.__version__, 'ok': False, 'error': None, 'formatting_info': True, 'sheets': []}
    log = open(os.devnull, 'w')
    try:
        book = xlrd.open_workbook(path, formatting_info=True, logfile=log)
    except Exception as e:
        first = '%s: %s' % (type(e).__name__, str(e)[:300])
        try:
            book = xlrd.open_workbook(path, formatting_info=False, logfile=log)
            res['formatting_info'] = False
            res['formatting_info_error'] = first
        except Exception as e2:
            res['error'] = '%s: %s' % (type(e2).__name__, str(e2)[:300])
            if first != res['error']: res['error_with_formatting_info'] = first
            return res, {}
    res['ok'] = True
    res['biff_version'] = book.biff_version
    res['encoding'] = book.encoding
    res['date1904'] = bool(book.datemode)

    def fmt_of(xfx):
        try: return book.format_map[book.xf_list[xfx].format_key].format_str
        except Exception: return ''
    grids = {}
    for sh in book.sheets():
        s = {'name': sh.name, 'kind': 'worksheet', 'visibility': VIS.get(sh.visibility, str(sh.visibility))}
        if res['formatting_info']:
            s['merged'] = sorted('%s%d:%s%d' % (colname(c0 + 1), r0 + 1, colname(c1), r1) for r0, r1, c0, c1 in sh.merged_cells)
        if sh.nrows * sh.ncols > MAX_CELLS:
            s['too_large'] = True; res['sheets'].append(s); continue
        grid = []
        for r in range(sh.nrows):
            grid.append([xlrd_value(book, sh.cell(r, c), fmt_of) for c in range(sh.row_len(r))])
        grid, width = trim(grid)
        s['rows'] = len(grid); s['cols'] = width
        s['csv'] = to_csv(grid, width)
        grids[sh.name] = grid
        res['sheets'].append(s)
    return res, grids

def run_calamine(path):
    import python_calamine as pc
    from importlib.metadata import version
    res = {'version': version('python-calamine'), 'ok': False, 'error': None, 'sheets': []}
    try:
        wb = pc.CalamineWorkbook.from_path(path)
        metas = wb.sheets_metadata
    except BaseException as e:
        res['error'] = '%s: %s' % (type(e).__name__, str(e)[:300]); return res, {}
    res['ok'] = True
    grids = {}
    for m in metas:
        kind = str(m.typ).split('.')[-1]
        sh = {'name': m.name, 'kind': kind, 'visibility': {'Visible': 'visible', 'Hidden': 'hidden', 'VeryHidden': 'veryhidden'}.get(str(m.visible).split('.')[-1], str(m.visible))}
        if kind != 'WorkSheet':
            res['sheets'].append(sh); continue
        try:
            s = wb.get_sheet_by_name(m.name)
            sh['start'] = list(s.start) if s.start is not None else None
            sh['end'] = list(s.end) if s.end is not None else None
            try: sh['merged'] = sorted('%s%d:%s%d' % (colname(a[1] + 1), a[0] + 1, colname(b[1] + 1), b[0] + 1) for a, b in (s.merged_cell_ranges or []))
            except BaseException: pass
            if s.end is not None and (s.end[0] + 1) * (s.end[1] + 1) > MAX_CELLS:
                sh['too_large'] = True; res['sheets'].append(sh); continue
            rows = s.to_python(skip_empty_area=False)
            grid = [[norm(v) for v in row] for row in rows]
        except BaseException as e:
            sh['error'] = '%s: %s' % (type(e).__name__, str(e)[:300]); res['sheets'].append(sh); continue
        grid, width = trim(grid)
        sh['rows'] = len(grid); sh['cols'] = width
        sh['csv'] = to_csv(grid, width)
        grids[m.name] = grid
        res['sheets'].append(sh)
    return res, grids

# comparison: same rules as the xlsx oracle (first reader here is xlrd instead of openpyxl)
ISO_DUR = re.compile(r'^(-)?P(?:(\d+)D)?T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$')
ISO_DT = re.compile(r'^(\d{4}-\d{2}-\d{2})?(?:T?(\d{2}):(\d{2}):(\d{2}(?:\.\d+)?))?$')

def to_ms(x):
    if isinstance(x, dict) and 'duration' in x:
        v = x['duration']; neg = v.startswith('-'); h, m, sec = v.lstrip('-').split(':')
        t = ((int(h) * 60 + int(m)) * 60 + float(sec)) * 1000
        return ('dur', -t if neg else t)
    if isinstance(x, dict) and 'date' in x:
        x = x['date']
    elif not isinstance(x, str):
        return None
    m = ISO_DUR.match(x) if isinstance(x, str) else None
    if m and x != 'PT':
        t = ((int(m.group(2) or 0) * 24 + int(m.group(3) or 0)) * 60 + int(m.group(4) or 0)) * 60 + float(m.group(5) or 0)
        return ('dur', (-t if m.group(1) else t) * 1000)
    m = ISO_DT.match(x)
    if m and (m.group(1) or m.group(2)):
        day = datetime.date.fromisoformat(m.group(1)).toordinal() if m.group(1) else None
        t = ((int(m.group(2) or 0) * 60 + int(m.group(3) or 0)) * 60 + float(m.group(4) or 0)) * 1000
        return ('dt', day, t)
    return None

def same(a, b):
    """a from xlrd, b from calamine"""
    if a == b: return True
    if isinstance(a, dict) and ('date' in a or 'duration' in a) and (isinstance(b, dict) or isinstance(b, str)):
        ta, tb = to_ms(a), to_ms(b)
        if ta and tb and ta[0] == tb[0]:
            if ta[0] == 'dur': return abs(ta[1] - tb[1]) <= 1.0
            if ta[1] == tb[1]: return abs(ta[2] - tb[2]) <= 1.0
            if ta[1] is not None and tb[1] is not None:
                return abs((ta[1] - tb[1]) * 86400000 + ta[2] - tb[2]) <= 1.0
        return False
    if isinstance(a, dict) and 'error' in a and b is None: return True  # calamine drops error values
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-12, abs_tol=0.0)
    return False

def compare(g1, g2):
    for r in range(max(len(g1), len(g2))):
        r1 = g1[r] if r < len(g1) else []; r2 = g2[r] if r < len(g2) else []
        for c in range(max(len(r1), len(r2))):
            a = r1[c] if c < len(r1) else None; b = r2[c] if c < len(r2) else None
            if not same(a, b):
                return '%s%d: xlrd=%r calamine=%r' % (colname(c + 1), r + 1, a, b)
    return None

READERS = {'xlrd': run_xlrd, 'calamine': run_calamine}

def run_isolated(reader, path, timeout=300):
    """run one reader in a child process, so that a crash (python-calamine can abort on some broken
    files) or a hang is recorded as that reader's error instead of stopping the run"""
    import subprocess
    from importlib.metadata import version
    ver = version({'xlrd': 'xlrd', 'calamine': 'python-calamine'}[reader])
    try:
        p = subprocess.run([sys.executable, os.path.abspath(__file__), '_read', reader, path],
                           capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {'version': ver, 'ok': False, 'error': 'timeout after %ds' % timeout, 'sheets': []}, {}
    if p.returncode != 0:
        tail = p.stderr.decode('utf-8', 'replace').strip().splitlines()
        keys = ('panicked', 'failed', 'overflow', 'Error', 'abort')
        msg = next((l.strip() for l in tail if any(k in l for k in keys)), tail[-1] if tail else '')
        return {'version': ver, 'ok': False, 'error': 'reader process died (exit %d): %s' % (p.returncode, msg[:300]), 'sheets': []}, {}
    res, grids = json.loads(p.stdout)
    return res, grids

def oracle(path):
    x, xg = run_isolated('xlrd', path)
    c, cg = run_isolated('calamine', path)
    rec = {'xlrd': x, 'calamine': c}
    if x['ok'] and c['ok']:
        xn = [s['name'] for s in x['sheets']]
        cn = [s['name'] for s in c['sheets'] if s['kind'] == 'WorkSheet']
        per, diffs = {}, {}
        for name in xg:
            if name in cg:
                d = compare(xg[name], cg[name])
                per[name] = d is None
                if d: diffs[name] = d
            else:
                per[name] = False; diffs[name] = 'sheet missing in calamine' if name not in cn else 'calamine could not read the sheet'
        names_ok = xn == cn
        all_read = all(n in xg for n in xn)
        rec['agree'] = bool(names_ok and all_read and all(per.values()))
        rec['sheet_names_agree'] = names_ok
        cws = {s['name']: s for s in c['sheets'] if s['kind'] == 'WorkSheet'}
        both = [(s, cws[s['name']]) for s in x['sheets'] if s['name'] in cws]
        # extra checks the Swift test may use: merged ranges (xlrd only reports them with
        # formatting_info) and sheet visibility, where both readers report them
        if x.get('formatting_info') and all('merged' in b for a, b in both):
            rec['merged_agree'] = names_ok and all(a['merged'] == b['merged'] for a, b in both)
        rec['visibility_agree'] = names_ok and all(a['visibility'] == b['visibility'] for a, b in both)
        rec['sheets_agree'] = per
        if diffs: rec['first_diff'] = diffs
        if rec['agree']:
            rec['expected'] = [{'name': n, 'rows': [[jsonable(v) for v in row] for row in xg[n]]} for n in xn]
        # a sheet both readers agree on needs its values once: each reader keeps only its CSV's digest
        for reader in (x, c):
            for s in reader['sheets']:
                if per.get(s['name']) and 'csv' in s:
                    s['csv_sha256'] = hashlib.sha256(s.pop('csv').encode('utf-8')).hexdigest()
    else:
        rec['agree'] = None
    return rec

# ---------------------------------------------------------------------------------------------

MANIFEST_COLS = ['file', 'repo', 'path', 'commit', 'license', 'size', 'sha256', 'xlrd_ok', 'calamine_ok', 'agree', 'features', 'role']

def record_for(path, name, src):
    data = open(path, 'rb').read()
    tags, note = scan(data, name)
    rec = {'schema': 1, 'file': name, 'source': {k: src[k] for k in ('repo', 'path', 'commit', 'license')},
           'also_found_at': src.get('also_found_at', []),
           'sha256': hashlib.sha256(data).hexdigest(), 'size': len(data), 'features': tags}
    if note: rec['scan_note'] = note
    rec.update(oracle(path))
    x, c = rec['xlrd']['ok'], rec['calamine']['ok']
    # role: 'values' (the readers agree on every sheet), 'partial' (on some sheets), 'error' (neither
    # reader could open it and the scan says why: encrypted, broken, a zip, an unknown BOF version),
    # 'unchecked' (no values compared: the readers disagree, or only one, or neither, read it)
    if rec.get('agree'): role = 'values'
    elif rec.get('sheets_agree') and any(rec['sheets_agree'].values()): role = 'partial'
    elif not x and not c and any(t in ('filepass', 'broken', 'zip') or t.startswith('bof-version=') for t in tags): role = 'error'
    else: role = 'unchecked'
    rec['role'] = role
    return rec

def build(corpus):
    srcs = []
    with open(os.path.join(corpus, 'tools', 'sources.tsv'), encoding='utf-8') as f:
        head = f.readline().rstrip('\n').split('\t')
        for line in f:
            row = dict(zip(head, line.rstrip('\n').split('\t')))
            row['also_found_at'] = [a for a in row.get('also_found_at', '').split(' ') if a]
            srcs.append(row)
    os.makedirs(os.path.join(corpus, 'oracle'), exist_ok=True)
    rows = []
    for i, src in enumerate(srcs):
        name = src['file']
        path = os.path.join(corpus, 'files', name)
        rec = record_for(path, name, src)
        with open(os.path.join(corpus, 'oracle', name + '.json'), 'w', encoding='utf-8') as f:
            json.dump(rec, f, ensure_ascii=False)
        b = lambda v: 'true' if v else 'false'
        rows.append([name, src['repo'], src['path'], src['commit'], src['license'], str(rec['size']), rec['sha256'],
                     b(rec['xlrd']['ok']), b(rec['calamine']['ok']),
                     'na' if rec['agree'] is None else b(rec['agree']), ','.join(rec['features']), rec['role']])
        print('%3d/%d %-7s %-9s %s' % (i + 1, len(srcs), rows[-1][9], rec['role'], name), file=sys.stderr)
    with open(os.path.join(corpus, 'MANIFEST.tsv'), 'w', encoding='utf-8') as f:
        f.write('\t'.join(MANIFEST_COLS) + '\n')
        for r in rows: f.write('\t'.join(r) + '\n')
    summary(rows)

def summary(rows):
    from collections import Counter
    print('files: %d' % len(rows))
    print('agree: %d   disagree: %d   not both read: %d' % tuple(sum(r[9] == v for r in rows) for v in ('true', 'false', 'na')))
    print('xlrd ok: %d   calamine ok: %d' % (sum(r[7] == 'true' for r in rows), sum(r[8] == 'true' for r in rows)))
    print('roles: ' + ', '.join('%s=%d' % kv for kv in sorted(Counter(r[11] for r in rows).items())))
    feats, feats_agree = Counter(), Counter()
    for r in rows:
        for t in r[10].split(','):
            if not t: continue
            k = t if not t.startswith('codepage=') else t
            feats[k] += 1
            if r[9] == 'true': feats_agree[k] += 1
    print('%-22s %6s %7s' % ('feature', 'files', 'agreed'))
    for k, n in sorted(feats.items(), key=lambda kv: (-kv[1], kv[0])):
        print('%-22s %6d %7d' % (k, n, feats_agree[k]))

if __name__ == '__main__':
    a = sys.argv[1:]
    if len(a) == 2 and a[0] == 'build':
        build(a[1])
    elif len(a) == 3 and a[0] == 'one':
        data = open(a[1], 'rb').read()
        rec = {'file': os.path.basename(a[1]), 'sha256': hashlib.sha256(data).hexdigest(), 'size': len(data),
               'features': scan(data, a[1])[0]}
        rec.update(oracle(a[1]))
        json.dump(rec, open(a[2], 'w', encoding='utf-8'), ensure_ascii=False)
    elif len(a) == 3 and a[0] == '_read':  # internal: one reader, JSON to stdout
        res, grids = READERS[a[1]](a[2])
        sys.stdout.write(json.dumps([res, grids], ensure_ascii=False))
    elif len(a) >= 2 and a[0] == 'scan':
        for p in a[1:]:
            t, note = scan(open(p, 'rb').read(), p)
            print('%s\t%s%s' % (p, ','.join(t), '\t' + note if note else ''))
    else:
        sys.exit(__doc__)
