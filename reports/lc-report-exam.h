/* lc-report-exam.h: an exam's results and answers as XLSX.
 *
 * The files are Chinese forms whatever the locale (headers, states, flags),
 * each sheet with a bold frozen header, an autofilter, fitted column widths
 * and a footer with the export time (the database clock, local time) and
 * page numbers.
 *
 *   if (!lc_report_exam_write_results (session, exam_id, "成绩.xlsx", &error)) …
 *   if (!lc_report_exam_write_answers (session, exam_id, "答题明细.xlsx", &error)) …
 */
#pragma once

#include <glib.h>

#include "lc-report.h"
#include "lc-session.h"

G_BEGIN_DECLS

/**
 * lc_report_exam_write_results:
 * @session: needs LC_PERM_READ_RESULTS (the item sheet marks the key only
 *   for LC_PERM_MANAGE_EXAMS)
 * @exam_id: the exam
 * @path: the file to create or replace
 * @error: an #LcReportError, or the core's error (permission, unknown exam)
 *
 * Three sheets:
 *   成绩: one row per attempt, by staff number and attempt: 工号 姓名 部门
 *     第几次 状态 开始 交卷 交卷方式 得分 满分 是否通过 切屏次数 (points as
 *     numbers, times as "YYYY-MM-DD HH:MM" local time);
 *   汇总: the counts (officers, attempts by state), pass rate (officers who
 *     passed in any attempt, of those with a graded attempt), mean, median,
 *     highest, lowest and standard deviation of the graded attempts, the
 *     reliability (KR-20 or alpha), and the graded attempts by bands of ten
 *     percent of the full marks;
 *   试题分析: lc_exam_stats_compute() per question version: 难度P, 区分度r,
 *     区分度D, choices per option (bank order), 标记.
 *
 * Returns: TRUE when @path holds the complete file.
 */
gboolean lc_report_exam_write_results (LcSession *session, gint64 exam_id, const char *path, GError **error);

/**
 * lc_report_exam_write_answers:
 * @session: needs LC_PERM_MANAGE_EXAMS (the rows show the key)
 *
 * One sheet 答题明细: a row per submitted attempt × question, by staff
 * number, attempt and position: 工号 姓名 第几次 第几题 题目编号 版本 题型
 * 题干 作答 正确答案 得分 满分. Choices are written as the options' texts
 * (the letters differ from paper to paper), true/false as 对/错; 得分 is
 * empty while an essay waits for grading.
 */
gboolean lc_report_exam_write_answers (LcSession *session, gint64 exam_id, const char *path, GError **error);

G_END_DECLS
