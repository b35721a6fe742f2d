/* lc-test-gift-sample.h: a GIFT text of every supported kind, five
 * questions per repeat, for the reader's test and its benchmark. */
#pragma once

#include <glib.h>

static inline GString *
lc_test_gift_sample (guint repeats)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < repeats; i++)
    {
      g_string_append_printf (text, "$CATEGORY: 行政处罚法/第%u章\n\n", i % 7);
      g_string_append_printf (text,
                              "// @uid b-%05u  @difficulty %u  @basis administrative-penalty-law@2021-01-22#%u\n"
                              "::处罚种类%u::下列哪一项不属于行政处罚的种类？{\n=记过\n~通报批评\n~限制从业\n"
                              "~降低资质等级\n####解析：依据第九条，行政处罚的种类包括警告、通报批评。\n}\n\n",
                              i, i % 5 + 1, i % 86 + 1, i);
      g_string_append (text, "::多选::下列属于行政处罚的有（多选）{~%50%警告 ~%50%罚款 ~%-100%记过}\n\n");
      g_string_append (text, "::判断::违法行为在二年内未被发现的，不再给予行政处罚。{T####解析：第三十六条。}\n\n");
      g_string_append (text, "::填空::违法行为在____内未被发现的，不再给予行政处罚。{=二年 =2年}\n\n");
      g_string_append (text, "::案例::某局拟对某公司处以罚款，请分析。{####参考答案：当事人有权要求听证。}\n\n");
    }
  return text;
}
