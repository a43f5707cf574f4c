"""Chooses the corpus files from local bare-git snapshots of the source repositories and copies
them (data files only) into CORPUS_DIR/files, their licences into CORPUS_DIR/licenses, and the
provenance list into CORPUS_DIR/tools/sources.tsv. Then run `oracle_xls.py build CORPUS_DIR`.

usage: python collect_xls.py MIRROR_DIR CORPUS_DIR
  MIRROR_DIR holds one bare repository per source as <owner>+<name>/repo (see REPOS below).
The choice is deterministic for the same snapshots: see select() and ../README.md.
"""
import os, sys, hashlib, subprocess, shutil
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from oracle_xls import scan

# repo -> (SPDX licence, licence files to copy). Order = preference when the same bytes occur in
# several repositories (the original source first; SheetJS/test_files last).
REPOS = [
    ('apache/poi', 'Apache-2.0', ['legal/LICENSE', 'legal/NOTICE']),
    ('python-excel/xlrd', 'BSD-3-Clause', ['LICENSE']),
    ('tidyverse/readxl', 'MIT', ['LICENSE', 'LICENSE.md']),
    ('libxls/libxls', 'BSD-2-Clause', ['LICENSE']),
    ('roo-rb/roo-xls', 'MIT', ['LICENSE.txt']),
    ('tafia/calamine', 'MIT', ['LICENSE-MIT.md']),
    ('ExcelDataReader/ExcelDataReader', 'MIT', ['LICENSE']),
    ('PHPOffice/PhpSpreadsheet', 'MIT', ['LICENSE']),
    ('alibaba/easyexcel', 'Apache-2.0', ['LICENSE']),
    ('dromara/hutool', 'MulanPSL-2.0', ['LICENSE']),
    ('liaochong/myexcel', 'Apache-2.0', ['LICENSE']),
    ('extrame/xls', 'Apache-2.0', ['LICENSE']),
    ('SheetJS/test_files', 'Apache-2.0', ['LICENSE']),
]
EXTS = ('.xls', '.xlt', '.et', '.ett')
MAX_FILE = 1 << 20
# SheetJS/test_files: files derived from other projects carry a source prefix; this one is from
# openpyxl (MIT), so we leave it out rather than carry a third licence for one file.
EXCLUDE = {('SheetJS/test_files', '2011/openpyxl_r_conditional-formatting.xlsx.xls')}

TAG_QUOTA = 24          # coverage: up to this many files for every feature tag ...
TAG_QUOTAS = {'merged': 40, 'formula-string': 40, 'sst-continue': 30}   # ... or this many,
TAKE_ALL = {'cjk', 'biff5', 'wps', 'et', 'date1904', 'hidden-sheet'}     # ... or all of them
REPO_QUOTA = 12         # coverage: up to this many files from every repository
TARGET_FILES = 450      # then fill with the smallest remaining files up to this count ...
TARGET_BYTES = 16_000_000   # ... or this many bytes
BIG = 512 * 1024        # files this large only come in through coverage

def git(gitdir, *args):
    return subprocess.check_output(['git', '--git-dir', gitdir] + list(args))

def candidates(mirror):
    out = []
    for repo, lic, _ in REPOS:
        gitdir = os.path.join(mirror, repo.replace('/', '+'), 'repo')
        commit = git(gitdir, 'rev-parse', 'HEAD').decode().strip()
        for ent in git(gitdir, 'ls-tree', '-r', '-l', '-z', 'HEAD').split(b'\0'):
            if not ent: continue
            meta, path = ent.split(b'\t', 1); path = path.decode()
            _, typ, sha, size = meta.split()
            if typ != b'blob' or not path.lower().endswith(EXTS) or (repo, path) in EXCLUDE: continue
            if not size.isdigit() or not 0 < int(size) < MAX_FILE: continue   # too big, or blob absent
            data = git(gitdir, 'cat-file', 'blob', sha.decode())
            out.append({'repo': repo, 'path': path, 'commit': commit, 'license': lic, 'data': data,
                        'size': len(data), 'sha256': hashlib.sha256(data).hexdigest(),
                        'file': repo.replace('/', '__') + '__' + path.replace('/', '__'),
                        'tags': scan(data, path)[0]})
    return out

def select(cands):
    uniq, also = {}, {}
    for c in cands:   # REPOS order, then path order: first copy wins
        if c['sha256'] in uniq: also.setdefault(c['sha256'], []).append('%s:%s' % (c['repo'], c['path']))
        else: uniq[c['sha256']] = c
    pool = sorted(uniq.values(), key=lambda c: (c['repo'] == 'apache/poi', c['size'], c['file']))
    chosen = {}
    tagcount = {}
    for c in pool:
        for t in c['tags']: tagcount[t] = tagcount.get(t, 0) + 1
    cover = [t for t in sorted(tagcount, key=lambda t: (tagcount[t], t)) if t not in ('biff8', 'codepage=1200')]
    def have(pred): return sum(1 for c in chosen.values() if pred(c))
    for t in cover:
        quota = len(pool) if t in TAKE_ALL else TAG_QUOTAS.get(t, TAG_QUOTA)
        for c in pool:
            if have(lambda x: t in x['tags']) >= quota: break
            if t in c['tags']: chosen[c['sha256']] = c
    for repo, _, _ in REPOS:
        for c in pool:
            if have(lambda x: x['repo'] == repo) >= REPO_QUOTA: break
            if c['repo'] == repo and c['size'] <= BIG: chosen[c['sha256']] = c
    for c in sorted(pool, key=lambda c: (c['size'], c['file'])):
        if len(chosen) >= TARGET_FILES or sum(x['size'] for x in chosen.values()) >= TARGET_BYTES: break
        if c['size'] <= BIG: chosen[c['sha256']] = c
    return sorted(chosen.values(), key=lambda c: c['file']), also

def main(mirror, corpus):
    cands = candidates(mirror)
    chosen, also = select(cands)
    for d in ('files', 'licenses', 'tools'): os.makedirs(os.path.join(corpus, d), exist_ok=True)
    for f in os.listdir(os.path.join(corpus, 'files')): os.unlink(os.path.join(corpus, 'files', f))
    with open(os.path.join(corpus, 'tools', 'sources.tsv'), 'w', encoding='utf-8') as f:
        f.write('file\trepo\tpath\tcommit\tlicense\tsize\tsha256\talso_found_at\n')
        for c in chosen:
            open(os.path.join(corpus, 'files', c['file']), 'wb').write(c['data'])
            f.write('\t'.join([c['file'], c['repo'], c['path'], c['commit'], c['license'], str(c['size']),
                               c['sha256'], ' '.join(also.get(c['sha256'], []))]) + '\n')
    for repo, lic, lfiles in REPOS:
        gitdir = os.path.join(mirror, repo.replace('/', '+'), 'repo')
        parts = ['# %s (SPDX: %s), from commit %s\n' % (repo, lic, git(gitdir, 'rev-parse', 'HEAD').decode().strip())]
        for lf in lfiles:
            parts.append('\n===== %s =====\n\n' % lf + git(gitdir, 'show', 'HEAD:' + lf).decode('utf-8', 'replace'))
        open(os.path.join(corpus, 'licenses', repo.replace('/', '__') + '.txt'), 'w', encoding='utf-8').write(''.join(parts))
    print('candidates %d, unique %d, chosen %d, %d bytes' % (len(cands), len({c['sha256'] for c in cands}), len(chosen), sum(c['size'] for c in chosen)))

if __name__ == '__main__':
    if len(sys.argv) != 3: sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
