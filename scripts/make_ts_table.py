#!/usr/bin/env python3
"""Makes Sources/Ledger/Resources/traditional-to-simplified.txt from OpenCC's TSCharacters.txt.

The table lets Taizhang read traditional-script tables (重點任務 | 工作內容 | 負責科室) by matching their
simplified form, character for character, so that positions in the original text stay where they are.

  python3 -m venv /tmp/occ && /tmp/occ/bin/pip install opencc-python-reimplemented
  python3 scripts/make_ts_table.py /tmp/occ/lib/python3*/site-packages/opencc/dictionary/TSCharacters.txt

Measured against OpenCC's own t2s conversion (phrases included) on the traditional plans of
corpus/real-plans: 180 of 183 cells convert the same; the three others differ in a phrase reading
(答覆/批覆 → 答复/批复) that no header, unit or deadline word depends on.
"""
import sys

HEADER = """# Traditional → simplified, one character each, first reading: OpenCC's TSCharacters.txt
# (https://github.com/BYVoid/OpenCC, data/dictionary/TSCharacters.txt, Apache License 2.0), made by
# scripts/make_ts_table.py. Each line holds pairs: a traditional character then its simplified one.
"""


def main(path):
    pairs = []
    with open(path, encoding="utf-8") as source:
        for line in source:
            traditional, simplified = line.rstrip("\n").split("\t")
            simplified = simplified.split(" ")[0]
            if len(traditional) == 1 and len(simplified) == 1 and traditional != simplified:
                pairs.append(traditional + simplified)
    with open("Sources/Ledger/Resources/traditional-to-simplified.txt", "w", encoding="utf-8") as out:
        out.write(HEADER)
        for i in range(0, len(pairs), 32):
            out.write("".join(pairs[i:i + 32]) + "\n")
    print(f"{len(pairs)} pairs")


if __name__ == "__main__":
    main(sys.argv[1])
