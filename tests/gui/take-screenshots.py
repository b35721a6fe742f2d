#!/usr/bin/python3
"""Takes the README's screenshots: the sign-in window and the Officers page,
in Chinese at 1366×768, on the demo database. `./dev screenshots` runs it
inside dbus-run-session and xvfb-run with a zh_CN.UTF-8 locale.

Usage: take-screenshots.py LEXCERT LEXCERT_CLI OUTPUT_DIR
"""

import importlib.util
import os
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
