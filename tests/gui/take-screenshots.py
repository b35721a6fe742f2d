#!/usr/bin/python3
"""Takes the README's screenshots in Chinese at 1366×768 on the demo
database: the sign-in window and the Officers page (as personnel); the
Question bank page, the question editor and a question's history (as the
trainer, who finds a question by a Chinese word, edits it and compares);
the Exams page with an exam's results and the exam editor with its
blueprint and the questions available (as the trainer, on an exam made and
sat through lexcert-cli); the exam window, its result and review (as the
demo officer, on an exam made with lexcert-cli). `./dev screenshots` runs it
inside dbus-run-session and xvfb-run with a zh_CN.UTF-8 locale.

Usage: take-screenshots.py LEXCERT LEXCERT_CLI OUTPUT_DIR
"""

import datetime
import importlib.util
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
# The accessibility plumbing is the end-to-end test's; use it, not a copy.
_spec = importlib.util.spec_from_file_location("e2e", os.path.join(HERE, "test-login-e2e.py"))
e2e = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(e2e)

# An officer whose certificate has a history worth showing.
OFFICER = "330401003"
# The trainer's search word (听证, a hearing) and the words the edit adds.
BANK_SEARCH = "听证"
EDIT_SUFFIX = "（依2021年修订）"


# The exam the trainer's screenshots show, made and sat through the CLI.
EXAM_TITLE = "2026年度行政处罚法专题考试"
EXAM_DRAFT_TITLE = "2026年度行政复议法考试（草稿）"


def exam_key_file(title, law, opens, closes, status):
    return f"""[Exam]
Title={title}
Purpose=update
Opens={opens:%Y-%m-%d %H:%M}
Closes={closes:%Y-%m-%d %H:%M}
Minutes=90
PassScore=48
Review=full
Status={status}

[Section 1]
Title=一、单项选择题
Category={law}
Type=single
Count=20
Points=1.5

[Section 2]
Title=二、多项选择题
Category={law}
Type=multiple
Count=10
Points=2
Difficulty=2-5

[Section 3]
Title=三、判断题
Category={law}
Type=truefalse
Count=10
Points=1

[Section 4]
Title=四、案例分析题
Category={law}
Type=essay
Count=1
Points=20
"""


def run_cli(cli, db, *args, stdin=None):
    # In English whatever the screenshots' locale: paper_keys() reads the output.
    env = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="C")
    return subprocess.run([cli, "--database", db, *args], input=stdin, check=True, capture_output=True,
                          text=True, env=env).stdout


def paper_keys(text):
    """Each item's correct letters (and its option letters) from `exam paper`, which shows the key to the CLI."""
    keys = {}
    pos = None
    for line in text.splitlines():
        match = re.match(r"^(\d+)\. \[", line)
        if match:
            pos = int(match.group(1))
            keys[pos] = ("", "")
            continue
        match = re.match(r"^\s+(\*)?\s*([A-Z])\. ", line)
        if match and pos is not None:
            right, letters = keys[pos]
            keys[pos] = (right + (match.group(2) if match.group(1) else ""), letters + match.group(2))
    return keys


def make_exams(cli, db, work):
    """A published exam sat by a dozen demo officers of different skill
    (ten submitted, six of them graded, two still sitting) and a draft for the editor."""
    now = datetime.datetime.now()
    rng = random.Random(7)
    for title, law, status in ((EXAM_TITLE, "行政处罚法", "published"), (EXAM_DRAFT_TITLE, "行政复议法", "draft")):
        path = os.path.join(work, f"{status}.exam")
        with open(path, "w", encoding="utf-8") as key_file:
            key_file.write(exam_key_file(title, law, now - datetime.timedelta(days=2),
                                         now + datetime.timedelta(days=12), status))
        run_cli(cli, db, "exam", "create", path)
    exam_id = next(line.split()[0] for line in run_cli(cli, db, "exam", "list").splitlines() if EXAM_TITLE in line)
    staff = [f"3304010{n:02d}" for n in range(1, 13)]
    for staff_no in staff:
        run_cli(cli, db, "exam", "sit", "--officer", staff_no, "--quiet", exam_id, stdin="")
    attempts = {line.split()[1]: line.split()[0] for line in run_cli(cli, db, "exam", "results", exam_id).splitlines()
                if line[:1].isdigit()}
    for n, staff_no in enumerate(staff, 1):
        skill = rng.uniform(0.5, 0.95)
        lines = []
        for pos, (right, letters) in sorted(paper_keys(run_cli(cli, db, "exam", "paper", attempts[staff_no])).items()):
            if not letters:
                lines.append(f"{pos} 当事人有权进行陈述和申辩，行政机关应当充分听取当事人的意见，对其提出的事实、理由和证据进行复核。")
            elif rng.random() < skill:
                lines.append(f"{pos} {right}")
            else:
                lines.append(f"{pos} {rng.choice([c for c in letters if c not in right] or letters)}")
        if n <= 10:
            lines.append("submit")
        run_cli(cli, db, "exam", "sit", "--officer", staff_no, "--quiet", exam_id, stdin="\n".join(lines) + "\n")
    for staff_no in staff[:6]:
        run_cli(cli, db, "exam", "grade", attempts[staff_no], "41", str(rng.choice([12, 14.5, 16, 18])), "要点基本齐全")


def shoot(path, trim):
    """The whole screen, or cut to the window on the empty (black) screen."""
    args = ["import", "-window", "root"]
    if trim:
        args += ["-trim", "+repage"]
    subprocess.run(args + [path], check=True)


def settle(lexcert, what, find):
    """Waits for something to show, then for the main loop to go idle once
    more (the next AT-SPI answer comes after GTK has drawn)."""
    found = e2e.wait_for(what, find)
    lexcert.findChild(lambda n: False, retry=False, requireResult=False)
    return found


def named(node, role, test):
    return node.findChild(lambda n: n.roleName == role and test(n.name), retry=False, requireResult=False)


def click_node(node, pyatspi, rawinput):
    """GTK 4.8 reports window coordinates; the windows sit at the origin of the bare X server."""
    ext = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    rawinput.click(ext.x + ext.width // 2, ext.y + ext.height // 2)


_spec = importlib.util.spec_from_file_location("exam_e2e", os.path.join(HERE, "test-exam-e2e.py"))
exam_e2e = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(exam_e2e)


def officer_screens(out, rawinput, pyatspi, root):
    """The demo officer sits the exam main() made with lexcert-cli: the exam
    window with a few answers, the result and the review."""
    lexcert = e2e.wait_for("lexcert", lambda: [a for a in root.applications() if a.name == "lexcert"
                                               and a.children])[0]
    exam_e2e.sign_in(lexcert, "officer")
    exam_e2e.open_my_exams(lexcert, pyatspi, rawinput, "我的考试")
    start = e2e.wait_for("the Start button", lambda: lexcert.findChild(
        lambda n: n.roleName == "push button" and n.name.startswith("开始考试") and n.description == exam_e2e.EXAM_TITLE,
        retry=False, requireResult=False))
    exam_e2e.press_button(start, pyatspi, rawinput)
    window = exam_e2e.exam_window(lexcert, pyatspi)
    e2e.wait_for("the instructions", lambda: named(window, "push button", lambda name: name.startswith("开始答题")))
    rawinput.pressKey("Return")
    e2e.wait_for("the first question", lambda: exam_e2e.countdown_zh(window) is not None)
    for key in ("b", "Right", "c", "Right", "a", "f", "Right", "d", "Right"):
        rawinput.pressKey(key)
    settle(lexcert, "question 4 saved", lambda: named(window, "status bar", lambda name: name == "第4题：已保存"))
    shoot(os.path.join(out, "exam-window.png"), trim=False)

    rawinput.keyCombo("<Control>Return")
    settle(lexcert, "the confirmation", lambda: named(window, "label", lambda name: name.startswith("未作答的题目")))
    rawinput.pressKey("Return")
    settle(lexcert, "the result", lambda: named(window, "status bar", lambda name: name.startswith("成绩：")))
    shoot(os.path.join(out, "exam-result.png"), trim=False)
    # The focus is on Review answers.
    rawinput.pressKey("Return")
    settle(lexcert, "the review", lambda: named(window, "heading", lambda name: name.startswith("答卷查看：")))
    shoot(os.path.join(out, "exam-review.png"), trim=False)


def trainer_screens(out, rawinput, pyatspi, root):
    lexcert = e2e.wait_for("lexcert", lambda: [a for a in root.applications() if a.name == "lexcert"
                                               and a.children])[0]
    login = e2e.wait_for("the login entry", lambda: lexcert.findChild(
        lambda n: n.roleName == "text", retry=False, requireResult=False))
    login.text = "trainer"
    lexcert.findChild(lambda n: n.roleName == "password text", retry=False).text = e2e.DEMO_PASSWORD
    lexcert.findChild(lambda n: n.roleName == "push button", retry=False).doActionNamed("click")

    # The trainer starts on the Statutes page: the 2023 revision of the
    # reconsideration law against its 2017 text.
    law = e2e.wait_for("the statutes", lambda: named(lexcert, "label", lambda name: name == "中华人民共和国行政复议法"))
    click_node(law, pyatspi, rawinput)
    compare = e2e.wait_for("the compare button", lambda: lexcert.findChild(
        lambda n: n.roleName in ("push button", "toggle button") and n.name.startswith("比较版本"),
        retry=False, requireResult=False))
    compare.doActionNamed("click")
    settle(lexcert, "the comparison", lambda: named(lexcert, "label", lambda name: name.startswith("新增 59 条")))
    shoot(os.path.join(out, "statute-diff.png"), trim=False)

    # The sidebar's rows have no names of their own in GTK 4.8: click the label.
    bank = e2e.wait_for("the sidebar", lambda: named(lexcert, "label", lambda name: name == "题库"))
    click_node(bank, pyatspi, rawinput)
    e2e.wait_for("the question list", lambda: named(lexcert, "label", lambda name: name.endswith("道试题")))
    rawinput.keyCombo("<Control>f")
    rawinput.typeText(BANK_SEARCH)
    rawinput.pressKey("Return")
    e2e.wait_for("a question chosen", lambda: [
        b for b in lexcert.findChildren(lambda n: n.roleName == "push button" and n.name.startswith("编辑"))
        if b.getState().contains(pyatspi.STATE_SENSITIVE)])
    settle(lexcert, "the search", lambda: named(lexcert, "label", lambda name: name.endswith("道试题")
                                                 and not name.startswith("705")))
    shoot(os.path.join(out, "question-bank.png"), trim=False)

    # Edit… opens the editor with the focus in the question's text (pressed
    # through AT-SPI: without a window manager keyboard focus is unreliable).
    [b for b in lexcert.findChildren(lambda n: n.roleName == "push button" and n.name.startswith("编辑"))
     if b.getState().contains(pyatspi.STATE_SENSITIVE)][0].doActionNamed("click")
    settle(lexcert, "the editor", lambda: named(lexcert, "heading", lambda name: name.startswith("编辑试题")))
    rawinput.keyCombo("<Control>End")
    rawinput.typeText(EDIT_SUFFIX)
    settle(lexcert, "the typing", lambda: [
        t for t in lexcert.findChildren(lambda n: n.roleName == "text") if EDIT_SUFFIX in (t.text or "")])
    shoot(os.path.join(out, "question-editor.png"), trim=False)
    rawinput.keyCombo("<Control>s")
    e2e.wait_for("the editor to close", lambda: not named(lexcert, "heading", lambda name: name.startswith("编辑试题")))

    # Without a window manager the main window does not get the keyboard back
    # when the editor closes: press History… through AT-SPI.
    named(lexcert, "push button", lambda name: name.startswith("历史版本")).doActionNamed("click")
    settle(lexcert, "the history", lambda: named(lexcert, "status bar", lambda name: "之间有" in name))
    shoot(os.path.join(out, "question-history.png"), trim=False)
    rawinput.pressKey("Escape")

    # The Exams page: the exam sat through the CLI, its results.
    exams = e2e.wait_for("the exams page", lambda: named(lexcert, "label", lambda name: name == "考试"))
    click_node(exams, pyatspi, rawinput)
    exam = e2e.wait_for("the exam", lambda: named(lexcert, "label", lambda name: name == EXAM_TITLE))
    click_node(exam, pyatspi, rawinput)
    settle(lexcert, "the exam chosen", lambda: named(lexcert, "status bar", lambda name: "2 人正在考试" in name))
    # The tabs through AT-SPI's selection of the tab list: Results (成绩) is the third.
    tabs = e2e.wait_for("the tabs", lambda: lexcert.findChild(lambda n: n.roleName == "page tab list", retry=False,
                                                              requireResult=False))
    tabs.querySelection().selectChild(2)
    settle(lexcert, "the results", lambda: named(lexcert, "status bar", lambda name: name == "12 份答卷"))
    shoot(os.path.join(out, "exam-results.png"), trim=False)

    # The editor of the draft: the blueprint with the questions available.
    # A double click on its row opens it (the bank page's Edit… button has the same name).
    draft = named(lexcert, "label", lambda name: name == EXAM_DRAFT_TITLE)
    ext = draft.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    rawinput.doubleClick(ext.x + ext.width // 2, ext.y + ext.height // 2)
    settle(lexcert, "the exam editor", lambda: named(lexcert, "label", lambda name: name.startswith("可用")))
    shoot(os.path.join(out, "exam-editor.png"), trim=False)
    rawinput.pressKey("Escape")


def main():
    gui, cli, out = sys.argv[1:4]
    e2e.give_bus_services_the_display()
    work = tempfile.mkdtemp(prefix="lexcert-shots-")
    # The window opens at the office PC's screen size: a settings key file.
    settings = os.path.join(work, "config", "glib-2.0", "settings")
    os.makedirs(settings)
    with open(os.path.join(settings, "keyfile"), "w") as keyfile:
        keyfile.write("[org/lexcert/Lexcert]\nwindow-width=1366\nwindow-height=768\n")
    os.environ.update(GSETTINGS_BACKEND="keyfile", XDG_CONFIG_HOME=os.path.join(work, "config"))

    from dogtail.utils import enableA11y
    enableA11y(True)
    from dogtail import config, rawinput
    config.config.searchShowingOnly = False
    config.config.childrenLimit = 10000
    config.config.logDebugToFile = False
    from dogtail.tree import root
    import pyatspi

    helpers, app = [], None
    try:
        db = os.path.join(work, "demo.db")
        subprocess.run([cli, "--database", db, "demo", "--seed", "1"], check=True, stdout=subprocess.DEVNULL)
        make_exams(cli, db, work)
        if not e2e.bus_has_name("org.a11y.Bus"):
            helpers.append(subprocess.Popen(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"]))
            e2e.wait_for("the accessibility bus", lambda: e2e.bus_has_name("org.a11y.Bus"))
        env = dict(os.environ, GTK_A11Y="atspi")
        env.pop("NO_AT_BRIDGE", None)
        app = subprocess.Popen([gui, "--database", db], env=env)
        lexcert = e2e.wait_for("lexcert", lambda: [a for a in root.applications() if a.name == "lexcert"])[0]

        # GTK 4.8 reports no "showing" state; the sign-in page comes first in
        # the tree, before the first-run page.
        login = settle(lexcert, "the login entry", lambda: lexcert.findChild(
            lambda n: n.roleName == "text", retry=False, requireResult=False))
        password = lexcert.findChild(lambda n: n.roleName == "password text", retry=False)
        shoot(os.path.join(out, "login.png"), trim=True)

        login.text = "personnel"
        password.text = e2e.DEMO_PASSWORD
        lexcert.findChild(lambda n: n.roleName == "push button", retry=False).doActionNamed("click")

        table = e2e.wait_for("the officers table", lambda: lexcert.findChild(
            lambda n: n.roleName == "tree table", retry=False, requireResult=False))
        e2e.wait_for("rows", lambda: table.findChildren(lambda n: n.roleName == "table row"))
        main_window = e2e.wait_for("the main window", lambda: [
            w for w in lexcert.children if w.findChild(
                lambda n: n.roleName == "tree table", retry=False, requireResult=False)])[0]
        e2e.wait_for("the main window to be active", lambda: main_window.getState().contains(pyatspi.STATE_ACTIVE))

        # Search, Enter opens the officer; Ctrl+F and Escape clear the search
        # again, keeping the officer in the detail pane.
        rawinput.keyCombo("<Control>f")
        rawinput.typeText(OFFICER)
        e2e.wait_for("the search", lambda: lexcert.findChild(
            lambda n: n.roleName == "status bar" and n.name.startswith("1 "), retry=False, requireResult=False))
        rawinput.pressKey("Return")
        # Its staff number in the table, and once more in the detail pane.
        settle(lexcert, "the officer in the detail pane", lambda: len(lexcert.findChildren(
            lambda n: n.roleName == "label" and n.name == OFFICER)) >= 2)
        rawinput.keyCombo("<Control>f")
        rawinput.pressKey("Escape")
        settle(lexcert, "the whole roster", lambda: lexcert.findChild(
            lambda n: n.roleName == "status bar" and not n.name.startswith("1 "), retry=False, requireResult=False))
        shoot(os.path.join(out, "officers.png"), trim=False)
        app.terminate()
        app.wait(10)
        app = None

        app = subprocess.Popen([gui, "--database", db], env=env)
        trainer_screens(out, rawinput, pyatspi, root)
        app.terminate()
        app.wait(10)
        app = None

        # An exam open now, made as a trainer would with lexcert-cli.
        exam_e2e.create_exam(cli, db, work)
        app = subprocess.Popen([gui, "--database", db], env=env)
        officer_screens(out, rawinput, pyatspi, root)
    finally:
        if app is not None:
            app.terminate()
            app.wait(10)
        for helper in helpers:
            helper.terminate()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
