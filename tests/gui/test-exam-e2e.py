#!/usr/bin/python3
"""End to end: the demo officer sits an open exam by keyboard, the app is
killed with SIGKILL mid-exam, and after a restart the attempt resumes with
its answers and its clock; Ctrl+Enter and Enter submit; the score shows.

The exam is made with `lexcert-cli exam create` on a demo database. Keys are
real X key presses (dogtail rawinput); what the app shows is read through
AT-SPI (check box states, labels), what it stored through `lexcert-cli exam
paper`. Needs a display and a session bus, as test-login-e2e.py (whose
helpers it uses). Exits 77 (skipped) without them.

Environment: LEXCERT_GUI and LEXCERT_CLI, the two programs (meson sets them).
"""

import datetime
import importlib.util
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("e2e", os.path.join(HERE, "test-login-e2e.py"))
e2e = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(e2e)

MINUTES = 60
# Not the demo's own exams' titles: the rows are told apart by it.
EXAM_TITLE = "2026年第二季度行政处罚法专题考试"


def exam_key_file(path, title=EXAM_TITLE, review="full"):
    """An exam open from an hour ago until tomorrow: 行政处罚法, choices only
    (five single, two true/false) so that keys alone answer it."""
    now = datetime.datetime.now(datetime.timezone.utc)
    fmt = "%Y-%m-%dT%H:%M:%SZ"
    with open(path, "w", encoding="utf-8") as f:
        f.write("""[Exam]
Title={title}
Purpose=general
Opens={opens}
Closes={closes}
Minutes={minutes}
PassScore=60
Review={review}
Status=published

[Section 1]
Title=一、单项选择题
Category=行政处罚法
Type=single
Count=5
Points=14

[Section 2]
Title=二、判断题
Category=行政处罚法
Type=truefalse
Count=2
Points=15
""".format(title=title, opens=(now - datetime.timedelta(hours=1)).strftime(fmt),
           closes=(now + datetime.timedelta(days=1)).strftime(fmt), minutes=MINUTES, review=review))


def create_exam(cli, db, work, **kwargs):
    path = os.path.join(work, "exam.ini")
    exam_key_file(path, **kwargs)
    out = subprocess.run([cli, "--database", db, "exam", "create", path], check=True, capture_output=True,
                         text=True).stdout
    return int(re.search(r"(\d+)", out).group(1))


def stored_answers(cli, db, exam_id):
    """{question number: stored response} of the officer's newest attempt of
    the exam, read with `lexcert-cli exam results` and `exam paper`."""
    results = subprocess.run([cli, "--database", db, "exam", "results", str(exam_id)], check=True,
                             capture_output=True, text=True).stdout
    ids = re.findall(r"^(\d+)\s", results, re.M)
    assert ids, results
    paper = subprocess.run([cli, "--database", db, "exam", "paper", ids[-1]], check=True, capture_output=True,
                           text=True).stdout
    answers, number = {}, None
    for line in paper.splitlines():
        m = re.match(r"^(\d+)\. \[", line)
        if m:
            number = int(m.group(1))
        m = re.match(r"^\s+Answer: (\S+)", line)
        if m and number is not None:
            answers[number] = m.group(1)
    return answers


def sign_in(lexcert, login):
    entry = e2e.wait_for("the login entry", lambda: lexcert.findChild(
        lambda n: n.roleName == "text", retry=False, requireResult=False))
    entry.text = login
    lexcert.findChild(lambda n: n.roleName == "password text", retry=False).text = e2e.DEMO_PASSWORD
    lexcert.findChild(lambda n: n.roleName == "push button", retry=False).doActionNamed("click")


def open_my_exams(lexcert, pyatspi, rawinput, label):
    """The sidebar's rows have no names of their own in GTK 4.8: click the label."""
    row = e2e.wait_for("the sidebar's My exams", lambda: lexcert.findChild(
        lambda n: n.roleName == "label" and n.name == label, retry=False, requireResult=False))
    ext = row.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    rawinput.click(ext.x + ext.width // 2, ext.y + ext.height // 2)


def press_button(node, pyatspi, rawinput):
    """A real click: a window opened by it gets the keyboard (with no window
    manager, X gives the focus only to a request with a user's timestamp).
    GTK 4.8 reports window coordinates; the main window sits at the origin."""
    ext = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    rawinput.click(ext.x + ext.width // 2, ext.y + ext.height // 2)


def exam_window(lexcert, pyatspi):
    window = e2e.wait_for("the exam window", lambda: [
        w for w in lexcert.children if EXAM_TITLE in (w.name or "")])[0]
    give_focus(EXAM_TITLE)
    try:
        e2e.wait_for("the exam window to be active", lambda: window.getState().contains(pyatspi.STATE_ACTIVE),
                     timeout=5)
    except AssertionError:
        print("states of the exam window: %s" % [pyatspi.stateToString(s) for s in window.getState().getStates()])
    return window


def give_focus(title):
    """Xvfb has no window manager to give a new window the keyboard, as a
    desktop would: ask X directly."""
    if shutil.which("xdotool"):
        subprocess.run(["xdotool", "search", "--sync", "--limit", "1", "--name", title, "windowfocus", "--sync"],
                       check=False, timeout=20)


def countdown(window):
    label = window.findChild(lambda n: n.roleName == "label" and (n.name or "").startswith("Time left "),
                             retry=False, requireResult=False)
    if label is None:
        return None
    h, m, s = (int(x) for x in label.name.split()[-1].split(":"))
    return h * 3600 + m * 60 + s


def countdown_zh(window):
    """The countdown in Chinese (“剩余时间 00:59:58”), or None."""
    label = window.findChild(lambda n: n.roleName == "label" and (n.name or "").startswith("剩余时间 "),
                             retry=False, requireResult=False)
    return label.name if label is not None else None


def checked_options(window, pyatspi):
    return [n.name for n in window.findChildren(lambda n: n.roleName in ("check box", "radio button"))
            if n.getState().contains(pyatspi.STATE_CHECKED)]


def main():
    gui = os.environ.get("LEXCERT_GUI")
    cli = os.environ.get("LEXCERT_CLI")
    if not os.environ.get("DISPLAY"):
        e2e.skip("no DISPLAY")
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        e2e.skip("no session bus (run inside dbus-run-session)")
    if not gui or not os.access(gui, os.X_OK) or not cli or not os.access(cli, os.X_OK):
        e2e.skip("LEXCERT_GUI and LEXCERT_CLI must name the programs")

    e2e.give_bus_services_the_display()
    os.environ["GSETTINGS_BACKEND"] = "memory"
    try:
        from dogtail.utils import enableA11y
        enableA11y(True)
        from dogtail import config
        config.config.searchShowingOnly = False
        config.config.childrenLimit = 10000
        config.config.logDebugToFile = False
        from dogtail import rawinput
        from dogtail.tree import root
        import pyatspi
    except ImportError as error:
        e2e.skip("dogtail is not installed: %s" % error)

    work = tempfile.mkdtemp(prefix="lexcert-exam-e2e-")
    helpers = []
    app = None
    try:
        db = os.path.join(work, "demo.db")
        out = subprocess.run([cli, "--database", db, "demo", "--seed", "1"], check=True, capture_output=True,
                             text=True).stdout
        # The demo prints its logins; the officer's is "officer".
        assert re.search(r"^\s*officer\s+lexcert-demo\s+Officer", out, re.M), out
        exam_id = create_exam(cli, db, work)

        if not e2e.bus_has_name("org.a11y.Bus") and os.access("/usr/libexec/at-spi-bus-launcher", os.X_OK):
            helpers.append(subprocess.Popen(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"]))
            e2e.wait_for("the accessibility bus", lambda: e2e.bus_has_name("org.a11y.Bus"))
        env = dict(os.environ, GTK_A11Y="atspi")
        env.pop("NO_AT_BRIDGE", None)

        def start_app():
            proc = subprocess.Popen([gui, "--database", db], env=env)
            lexcert = e2e.wait_for("lexcert", lambda: [a for a in root.applications()
                                                       if a.name == "lexcert" and a.children])[0]
            return proc, lexcert

        app, lexcert = start_app()
        sign_in(lexcert, "officer")
        open_my_exams(lexcert, pyatspi, rawinput, "My exams")
        start = e2e.wait_for("the Start button", lambda: lexcert.findChild(
            lambda n: n.roleName == "push button" and n.name == "Start" and n.description == EXAM_TITLE,
            retry=False, requireResult=False))
        press_button(start, pyatspi, rawinput)

        window = exam_window(lexcert, pyatspi)
        e2e.wait_for("the instructions", lambda: window.findChild(
            lambda n: n.roleName == "push button" and n.name == "Start the Exam" and n.focused,
            retry=False, requireResult=False))
        started = time.monotonic()
        rawinput.pressKey("Return")
        e2e.wait_for("the first question", lambda: countdown(window) is not None)

        # Question 1: B; 2: key 3 (C); 3: A and then D (the last wins); all by real keys.
        # Each answer is in the database as soon as the status line says so.
        rawinput.pressKey("b")
        e2e.wait_for("question 1 saved", lambda: stored_answers(cli, db, exam_id).get(1) == "B")
        e2e.wait_for("the status line", lambda: window.findChild(
            lambda n: n.roleName == "status bar" and n.name == "Question 1: saved", retry=False, requireResult=False))
        rawinput.pressKey("Right")
        rawinput.pressKey("3")
        e2e.wait_for("question 2 saved", lambda: stored_answers(cli, db, exam_id).get(2) == "C")
        rawinput.pressKey("Page_Down")
        rawinput.pressKey("a")
        rawinput.pressKey("d")
        e2e.wait_for("question 3 saved", lambda: stored_answers(cli, db, exam_id).get(3) == "D")
        rawinput.pressKey("f")
        e2e.wait_for("question 3 flagged", lambda: window.findChild(
            lambda n: (n.name or "") == "Question 3, answered, flagged", retry=False, requireResult=False))
        left_before = countdown(window)
        print("answered 3 questions; %s s left" % left_before)

        # Killed mid-exam: nothing it said was saved may be lost.
        app.send_signal(signal.SIGKILL)
        app.wait(10)
        app = None
        e2e.wait_for("lexcert gone from the bus", lambda: not [a for a in root.applications()
                                                               if a.name == "lexcert"])

        app, lexcert = start_app()
        sign_in(lexcert, "officer")
        open_my_exams(lexcert, pyatspi, rawinput, "My exams")
        resume = e2e.wait_for("the Resume button", lambda: lexcert.findChild(
            lambda n: n.roleName == "push button" and n.name == "Resume" and n.description == EXAM_TITLE,
            retry=False, requireResult=False))
        press_button(resume, pyatspi, rawinput)
        window = exam_window(lexcert, pyatspi)
        left_after = e2e.wait_for("the countdown", lambda: countdown(window))
        elapsed = time.monotonic() - started
        # The clock runs from the stored deadline: it did not start again.
        assert left_after <= MINUTES * 60 - elapsed + 2, (left_after, elapsed)
        assert left_after <= left_before, (left_after, left_before)
        print("resumed: %d s left after %.0f s" % (left_after, elapsed))

        # It opens at the first unanswered question (4); Home goes back to 1.
        rawinput.pressKey("Home")
        e2e.wait_for("question 1's answer B checked", lambda: [
            name for name in checked_options(window, pyatspi) if name.startswith("B.")])
        rawinput.pressKey("Right")
        e2e.wait_for("question 2's answer C checked", lambda: [
            name for name in checked_options(window, pyatspi) if name.startswith("C.")])
        rawinput.pressKey("Right")
        e2e.wait_for("question 3's answer D checked", lambda: [
            name for name in checked_options(window, pyatspi) if name.startswith("D.")])
        assert window.findChild(lambda n: (n.name or "") == "Question 3, answered, flagged", retry=False,
                                requireResult=False), "question 3 lost its flag"

        rawinput.keyCombo("<Control>Return")
        confirm = e2e.wait_for("the submit confirmation", lambda: window.findChild(
            lambda n: (n.name or "").startswith("Not answered (4 questions): 4, 5, 6, 7"),
            retry=False, requireResult=False))
        print("confirmation: %s" % confirm.name)
        rawinput.pressKey("Return")
        score = e2e.wait_for("the score", lambda: window.findChild(
            lambda n: (n.name or "").startswith("Score: "), retry=False, requireResult=False))
        print(score.name)
        assert re.match(r"Score: [\d.]+ of 100 points — (passed|not passed)", score.name), score.name
        results = subprocess.run([cli, "--database", db, "exam", "results", str(exam_id)], check=True,
                                 capture_output=True, text=True).stdout
        assert "In progress" not in results, results
        print(results)
    finally:
        if app is not None:
            app.terminate()
            try:
                app.wait(10)
            except subprocess.TimeoutExpired:
                app.kill()
        for helper in helpers:
            helper.terminate()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
