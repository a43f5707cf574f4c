"""Reads workbooks our writer produced with openpyxl and compares each sheet with the corpus oracle.

usage: python openpyxl_roundtrip.py ORACLE_TOOLS_DIR PAIRS.tsv
PAIRS.tsv lines: <our copy .xlsx> TAB <oracle .json>. For every sheet the oracle marks as agreed, the
copy's CSV as openpyxl reads it (rendered by the oracle's own code) must equal the oracle's CSV.
Prints one line per mismatch and a final 'N passed, M failed' line (files)."""
import hashlib, json, sys

sys.path.insert(0, sys.argv[1])
import oracle  # the corpus's own oracle script: same reading, same normalisation

passed = failed = 0
for line in open(sys.argv[2], encoding='utf-8'):
    copy, oracle_json = line.rstrip('\n').split('\t')
    expected = json.load(open(oracle_json, encoding='utf-8'))
    agreed = {name for name, ok in (expected.get('sheets_agree') or {}).items() if ok}
    want = {s['name']: s for s in expected['openpyxl']['sheets'] if s['name'] in agreed}
    got, _ = oracle.run_openpyxl(copy)
    problems = []
    if not got['ok']:
        problems.append('openpyxl could not open it: %s' % got['error'])
    else:
        sheets = {s['name']: s for s in got['sheets']}
        for name, sheet in want.items():
            ours = sheets.get(name)
            if ours is None:
                problems.append('%s: sheet missing' % name)
            elif 'csv_sha256' in sheet:
                if hashlib.sha256(ours.get('csv', '').encode()).hexdigest() != sheet['csv_sha256']:
                    problems.append('%s: csv sha256 differs' % name)
            elif ours.get('csv') != sheet.get('csv'):
                a, b = ours.get('csv', '').split('\n'), sheet.get('csv', '').split('\n')
                row = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
                problems.append('%s: row %d differs: ours %r, oracle %r' % (name, row + 1, a[row][:80] if row < len(a) else None,
                                                                           b[row][:80] if row < len(b) else None))
    if problems:
        failed += 1
        for p in problems:
            print('MISMATCH %s: %s' % (expected['file'], p))
    else:
        passed += 1
print('%d passed, %d failed' % (passed, failed))
