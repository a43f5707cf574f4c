/*
 * Write the benchmark ledger workbook with libxlsxwriter in constant_memory
 * mode. Layout: see bench/write/README.md.
 *
 * Usage: ledger_libxlsxwriter ROWS OUT.xlsx
 * Build: cc -O2 ledger_libxlsxwriter.c -o ledger_libxlsxwriter -lxlsxwriter
 *
 * Reads the 64 phrases from $LEDGER_PHRASES, or from ./phrases.txt if that
 * is unset (run-write.sh sets it).
 *
 * constant_memory quirks handled here (same as the XlsxWriter program):
 * - rows must be written in order; a write to an earlier row returns
 *   LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE, which we treat as fatal.
 * - worksheet_merge_range() pads the range with formatted blank cells; with
 *   a format, the blank in the next row would flush the block's first row
 *   and drop the rest of the block's cells. It is called with a NULL format
 *   (unformatted blanks are skipped), while writing the block's first row.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#define NPHRASES 64
#define BLOCK 20

static const char *UNITS[12] = {"办公室", "法规科", "规划科", "政务科", "审批科", "信息科",
                                "督查科", "人事科", "财务科", "服务中心", "数据中心", "监察室"};
static const char *STATUS[4] = {"已完成", "推进中", "滞后", "未启动"};
static const char *HEADER[8] = {"序号", "工作要求", "具体任务", "具体要求",
                                "牵头单位", "完成时限", "进展情况", "完成状态"};
static const double WIDTHS[8] = {6, 18, 40, 40, 14, 12, 40, 10};

static char *P[NPHRASES];

static void die(const char *what, lxw_error err)
{
    fprintf(stderr, "ledger_libxlsxwriter: %s: %s\n", what, lxw_strerror(err));
    exit(1);
}

#define CHECK(call, what)                 \
    do {                                  \
        lxw_error e_ = (call);            \
        if (e_ != LXW_NO_ERROR) die(what, e_); \
    } while (0)

static void load_phrases(const char *path)
{
    FILE *f = fopen(path, "r");
    char line[256];
    int n = 0;
    if (!f) {
        perror(path);
        exit(1);
    }
    while (fgets(line, sizeof line, f)) {
        size_t len = strcspn(line, "\r\n");
        line[len] = '\0';
        if (len == 0)
            continue;
        if (n == NPHRASES) {
            fprintf(stderr, "%s: more than %d phrases\n", path, NPHRASES);
            exit(1);
        }
        P[n++] = strdup(line);
    }
    fclose(f);
    if (n != NPHRASES) {
        fprintf(stderr, "%s: %d phrases, need %d\n", path, n, NPHRASES);
        exit(1);
    }
}

int main(int argc, char **argv)
{
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    lxw_datetime dates[365];
    char b_text[128], c_text[256], d_text[256], g_text[128];
    const char *phrases = getenv("LEDGER_PHRASES");
    long n;
    int i, m, d;

    if (argc != 3) {
        fprintf(stderr, "usage: %s ROWS OUT.xlsx\n", argv[0]);
        return 2;
    }
    n = strtol(argv[1], NULL, 10);
    if (n < 0 || n > LXW_ROW_MAX - 1) {
        fprintf(stderr, "bad ROWS: %s\n", argv[1]);
        return 2;
    }
    load_phrases(phrases ? phrases : "phrases.txt");

    /* 2023-01-01 + k days, k = 0..364 (2023 is not a leap year). */
    for (i = 0, m = 0; m < 12; m++)
        for (d = 1; d <= mdays[m]; d++, i++)
            dates[i] = (lxw_datetime){.year = 2023, .month = m + 1, .day = d};

    lxw_workbook_options options = {.constant_memory = LXW_TRUE,
                                    .tmpdir = NULL,
                                    .use_zip64 = LXW_FALSE};
    lxw_workbook *wb = workbook_new_opt(argv[2], &options);
    if (!wb) {
        fprintf(stderr, "cannot create %s\n", argv[2]);
        return 1;
    }
    lxw_doc_properties props = {.title = "台账写入基准"};
    CHECK(workbook_set_properties(wb, &props), "set_properties");

    lxw_worksheet *ws = workbook_add_worksheet(wb, "总台账");
    if (!ws) {
        fprintf(stderr, "cannot add worksheet\n");
        return 1;
    }
    lxw_format *head = workbook_add_format(wb);
    format_set_bold(head);
    format_set_pattern(head, LXW_PATTERN_SOLID);
    format_set_bg_color(head, 0xD9D9D9);
    format_set_border(head, LXW_BORDER_THIN);
    lxw_format *datef = workbook_add_format(wb);
    format_set_num_format(datef, "yyyy-mm-dd");

    for (i = 0; i < 8; i++)
        CHECK(worksheet_set_column(ws, i, i, WIDTHS[i], NULL), "set_column");
    worksheet_freeze_panes(ws, 1, 0);
    for (i = 0; i < 8; i++)
        CHECK(worksheet_write_string(ws, 0, i, HEADER[i], head), "header");

    for (long r = 1; r <= n; r++) {
        lxw_row_t row = (lxw_row_t) r; /* sheet row r+1, zero-based r */
        CHECK(worksheet_write_number(ws, row, 0, (double) r, NULL), "A");
        if ((r - 1) % BLOCK == 0) {
            long b = (r - 1) / BLOCK;
            long last = r + BLOCK - 1 < n ? r + BLOCK - 1 : n;
            snprintf(b_text, sizeof b_text, "第%ld项：%s", b + 1, P[b % NPHRASES]);
            if (last > r)
                CHECK(worksheet_merge_range(ws, row, 1, (lxw_row_t) last, 1, b_text, NULL), "B merge");
            else
                CHECK(worksheet_write_string(ws, row, 1, b_text, NULL), "B");
        }
        snprintf(c_text, sizeof c_text, "%s%s（任务%ld）", P[r % 64], P[(r * 7) % 64], r);
        CHECK(worksheet_write_string(ws, row, 2, c_text, NULL), "C");
        snprintf(d_text, sizeof d_text, "%s，%s，%s", P[(r * 3) % 64], P[(r * 11) % 64], P[(r * 13) % 64]);
        CHECK(worksheet_write_string(ws, row, 3, d_text, NULL), "D");
        CHECK(worksheet_write_string(ws, row, 4, UNITS[r % 12], NULL), "E");
        CHECK(worksheet_write_datetime(ws, row, 5, &dates[r % 365], datef), "F");
        snprintf(g_text, sizeof g_text, "%s，已完成%ld%%", P[(r * 5) % 64], r % 100);
        CHECK(worksheet_write_string(ws, row, 6, g_text, NULL), "G");
        CHECK(worksheet_write_string(ws, row, 7, STATUS[r % 4], NULL), "H");
    }

    CHECK(workbook_close(wb), "close");
    for (i = 0; i < NPHRASES; i++)
        free(P[i]);
    return 0;
}
