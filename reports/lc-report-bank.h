/* lc-report-bank.h: the question bank as a spreadsheet in the layout that
 * lc_bank_import_table() reads (编号, 分类, 题型, 难度, 题干, 选项A–选项H,
 * 答案, 解析, 参考答案, 法律依据), so that an export imports back unchanged,
 * and an empty template with drop-downs and instructions to fill in.
 *
 *   g_autoptr (GPtrArray) questions = …;  (LcQuestion with their options, from lc_bank_get_question())
 *   if (!lc_report_bank_write_xlsx (questions, "题库.xlsx", &error)) …
 */
#pragma once

#include <glib.h>

#include "lc-report.h"

G_BEGIN_DECLS

/* The worksheet that holds the questions in the template and in exports. */
#define LC_REPORT_BANK_SHEET "试题"

/* A 试题 sheet with the headers, drop-downs for 题型 and 难度 and two
 * example rows, and a 说明 sheet explaining every column. */
gboolean lc_report_bank_template (const char *path, GError **error);
/* @questions: LcQuestion, each with its options. A choice question with more
 * than eight options does not fit the layout (LC_REPORT_ERROR_WRITE). */
gboolean lc_report_bank_write_xlsx (GPtrArray *questions, const char *path, GError **error);
gboolean lc_report_bank_write_csv (GPtrArray *questions, const char *path, GError **error);

G_END_DECLS
