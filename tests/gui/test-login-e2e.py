#!/usr/bin/python3
"""End to end: sign in to lexcert as the demo personnel user and see the roster.

Drives the real application through the AT-SPI accessibility tree with dogtail
(never by screen coordinates, which dogtail 0.9.11 gets wrong for GTK 4): the
login entries are found by their accessible names, filled through the text
interface, and the Sign in button is pressed through its "click" action.

Needs a display and a session bus (run it inside dbus-run-session and
xvfb-run, as ./dev test does). Exits 77 (skipped) without them.

Environment: LEXCERT_GUI and LEXCERT_CLI, the two programs (meson sets them).
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time

SKIP = 77
DEMO_PASSWORD = "lexcert-demo"
TIMEOUT = 30.0


def skip(reason):
    print("SKIP: " + reason)
    sys.exit(SKIP)


def wait_for(what, find, timeout=TIMEOUT):
    """Polls find() until it returns something true; fails after timeout."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            found = find()
        except Exception:  # the tree changes under us while windows come and go
            found = None
        if found:
            return found
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for " + what)
        time.sleep(0.1)


def bus_call(method, parameters, reply_type):
    from gi.repository import Gio, GLib

    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    reply = bus.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", method,
                          parameters, GLib.VariantType(reply_type) if reply_type else None,
                          Gio.DBusCallFlags.NONE, -1, None)
    return reply.unpack() if reply is not None else None


def bus_has_name(name):
    from gi.repository import GLib

    return bus_call("NameHasOwner", GLib.Variant("(s)", (name,)), "(b)")[0]


def give_bus_services_the_display():
    """dbus-run-session starts outside xvfb-run, so the services it starts on
    demand (the accessibility bus and registry) would not know the display,
    and the registry could not type keys into it. Tell the bus before any of
    them starts."""
    from gi.repository import GLib

    names = {name: os.environ[name] for name in ("DISPLAY", "XAUTHORITY") if os.environ.get(name)}
    bus_call("UpdateActivationEnvironment", GLib.Variant("(a{ss})", (names,)), None)


def main():
    gui = os.environ.get("LEXCERT_GUI")
    cli = os.environ.get("LEXCERT_CLI")
    if not os.environ.get("DISPLAY"):
        skip("no DISPLAY")
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        skip("no session bus (run inside dbus-run-session)")
    if not gui or not os.access(gui, os.X_OK):
        skip("LEXCERT_GUI does not name the lexcert program")
    if not cli or not os.access(cli, os.X_OK):
        skip("LEXCERT_CLI does not name lexcert-cli, which makes the demo database")

    give_bus_services_the_display()
    if bus_has_name("org.a11y.Bus"):
        print("note: the accessibility bus was already running; keys may not reach the display")

    # dogtail refuses to start unless the desktop's accessibility switch is on.
    # It reads that switch through GSettings: keep it in memory, not in the
    # user's dconf.
    os.environ["GSETTINGS_BACKEND"] = "memory"
    try:
        from dogtail.utils import enableA11y
        enableA11y(True)
        from dogtail import config
        config.config.searchShowingOnly = False
        config.config.childrenLimit = 10000
        config.config.logDebugToFile = False
        from dogtail.tree import root
    except ImportError as error:
        skip("dogtail is not installed: %s" % error)

    work = tempfile.mkdtemp(prefix="lexcert-e2e-")
    helpers = []
    app = None
    try:
        db = os.path.join(work, "demo.db")
        subprocess.run([cli, "--database", db, "demo", "--seed", "1"], check=True, stdout=subprocess.DEVNULL)

        # The accessibility bus is started on demand by D-Bus activation;
        # start it ourselves where activation is not set up.
        if not bus_has_name("org.a11y.Bus") and os.access("/usr/libexec/at-spi-bus-launcher", os.X_OK):
            helpers.append(subprocess.Popen(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"]))
            wait_for("the accessibility bus", lambda: bus_has_name("org.a11y.Bus"))

        env = dict(os.environ, GTK_A11Y="atspi")
        env.pop("NO_AT_BRIDGE", None)
        app = subprocess.Popen([gui, "--database", db], env=env)

        lexcert = wait_for("lexcert on the accessibility bus",
                           lambda: [a for a in root.applications() if a.name == "lexcert"])[0]

        login = wait_for("the login entry", lambda: lexcert.findChild(
            lambda n: n.roleName == "text" and n.name == "Login name", retry=False, requireResult=False))
        password = wait_for("the password entry", lambda: lexcert.findChild(
            lambda n: n.roleName == "password text" and n.name == "Password", retry=False, requireResult=False))
        sign_in = wait_for("the Sign in button", lambda: lexcert.findChild(
            lambda n: n.roleName == "push button" and n.name == "Sign in", retry=False, requireResult=False))

        login.text = "personnel"
        password.text = DEMO_PASSWORD
        sign_in.doActionNamed("click")

        table = wait_for("the officers table", lambda: lexcert.findChild(
            lambda n: n.roleName == "tree table" and n.name == "Officers", retry=False, requireResult=False))
        # Rows are made as the list shows them; the loaded roster fills the view.
        rows = wait_for("rows in the officers table", lambda: table.findChildren(
            lambda n: n.roleName == "table row" and n.parent is not None and n.parent.roleName == "list"))
        assert len(rows) > 5, "only %d rows shown" % len(rows)

        count = lexcert.findChild(lambda n: n.roleName == "status bar", retry=False, requireResult=False)
        assert count is not None and count.name.endswith("officers"), "count label: %r" % (count and count.name)
        print("signed in as personnel; %d rows shown; %s" % (len(rows), count.name))

        # The keyboard: Ctrl+F goes to the search, typing filters the table.
        # Keys go to the window that has the input focus: wait until the main
        # window has it (under Xvfb there is no window manager to hurry it).
        import pyatspi
        from dogtail import rawinput
        main_window = wait_for("the main window", lambda: lexcert.findChild(
            lambda n: n.roleName == "frame" and n.name == "Lexcert", retry=False, requireResult=False))
        wait_for("the main window to be active", lambda: main_window.getState().contains(pyatspi.STATE_ACTIVE))
        rawinput.keyCombo("<Control>f")
        wait_for("the focused search entry", lambda: lexcert.findChild(
            lambda n: n.roleName == "entry" and n.name == "Search officers" and n.focused,
            retry=False, requireResult=False))
        rawinput.typeText("330401003")

        def count_text():
            label = lexcert.findChild(lambda n: n.roleName == "status bar", retry=False, requireResult=False)
            return label.name if label is not None else None

        try:
            wait_for("the search to narrow the table to one officer", lambda: count_text() == "1 officer")
        except AssertionError:
            print("the count label says %r" % count_text())
            raise
        print("typing 330401003 into the search: %s" % count_text())

        # Ctrl+N opens the officer dialog; Escape closes it again.
        rawinput.keyCombo("<Control>n")
        # A window of the application, whatever role the AT-SPI cache gives it.
        dialog = wait_for("the Add Officer dialog", lambda: [
            w for w in lexcert.children if w.name == "Add Officer"])[0]
        dialog_name = dialog.name
        rawinput.pressKey("Escape")
        wait_for("the Add Officer dialog to close", lambda: not [
            w for w in lexcert.children if w.name == "Add Officer"])
        print("Ctrl+N opened “%s”, Escape closed it" % dialog_name)
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
