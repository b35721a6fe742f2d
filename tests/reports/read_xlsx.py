#!/usr/bin/python3
"""Prints what a reader sees in an exported workbook, one fact a line, so that
the C tests can assert on it:

    sheet<TAB>花名册
    freeze<TAB>A2
    autofilter<TAB>A1:M4
    title<TAB>…            document properties (core.xml)
    company<TAB>…          (app.xml; openpyxl does not read it)
    footer<TAB>left<TAB>right
    width<TAB>A<TAB>12.7
    style<TAB>J2<TAB>bold=0<TAB>fill=FFC6EFCE<TAB>font=FF006100
    row<TAB>cell<TAB>cell…  every row, None as "", line breaks as \\n

Runs under /usr/bin/python3 (python3-openpyxl).
"""
import re
import sys
import zipfile

import openpyxl
from openpyxl.utils import get_column_letter


def esc(value):
    if value is None:
        return ""
    return str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def font_rgb(font):
    # Theme and indexed colours (the default font) have no RGB: printed as "".
    if font.color is None or font.color.type != "rgb":
        return ""
    return font.color.rgb


def main(path):
    wb = openpyxl.load_workbook(path)
    out = sys.stdout
    for ws in wb.worksheets:
        out.write("sheet\t%s\n" % ws.title)
        out.write("freeze\t%s\n" % (ws.freeze_panes or ""))
        out.write("autofilter\t%s\n" % (ws.auto_filter.ref or ""))
        out.write("title\t%s\n" % esc(wb.properties.title))
        with zipfile.ZipFile(path) as z:
            app = z.read("docProps/app.xml").decode("utf-8")
        m = re.search(r"<Company>(.*?)</Company>", app)
        out.write("company\t%s\n" % (m.group(1) if m else ""))
        out.write("footer\t%s\t%s\n" % (esc(ws.oddFooter.left.text), esc(ws.oddFooter.right.text)))
        for col in range(1, ws.max_column + 1):
            letter = get_column_letter(col)
            out.write("width\t%s\t%s\n" % (letter, ws.column_dimensions[letter].width))
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None or not (cell.font.b or cell.fill.fill_type):
                    continue
                out.write("style\t%s\tbold=%d\tfill=%s\tfont=%s\n" % (
                    cell.coordinate, 1 if cell.font.b else 0,
                    cell.fill.fgColor.rgb if cell.fill.fill_type else "",
                    font_rgb(cell.font)))
        for row in ws.iter_rows(values_only=True):
            out.write("row\t" + "\t".join(esc(v) for v in row) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
