/* lc-test-exam.h: a small bank and exams for the exam suites.
 *
 * Questions are made with known keys so that a test can answer right or
 * wrong without reading the key through an officer's session:
 *   single: options "甲" (correct), "乙", "丙", "丁";
 *   multiple: "甲" "乙" "丙" correct, "丁" "戊" wrong;
 *   truefalse: true;  fill: accepted "行政处罚" and "ABC";  essay: a model answer.
 */
#pragma once

#include "lc-bank.h"
#include "lc-exam.h"
#include "lc-test-util.h"

G_BEGIN_DECLS

/* Adds an active question (stem "<prefix> <n>") and returns its uid (free it). */
char *lc_test_add_question (LcQuestionType type, const char *category, int difficulty, const char *stem);
/* Adds @n of them, stems "<prefix> 1" … */
void lc_test_add_questions (LcQuestionType type, const char *category, int difficulty, guint n, const char *prefix);

/* An exam open from a day before LC_TEST_NOW to a week after, 60 minutes,
 * no sections yet, pass score 0 (set it after the sections). */
LcExam *lc_test_exam_new (const char *title);
/* Creates and publishes @exam with the system session; returns its id. */
gint64 lc_test_publish_exam (LcExam *exam);

/* The shown letter of option @text on @item (a paper read with its key or not). */
char lc_test_letter_of (const LcPaperItem *item, const char *text);

G_END_DECLS
