"""Stopping a run from outside the way the Cancel button stops it.

- SIGTERM (``kill``, a scheduler's time limit): while a run executes in the main thread (as in
  ``qgis_process`` and scripts), a handler cancels the run's feedback; the run stops at its
  next check and removes what it wrote. A second SIGTERM ends the process at once, as without us.
- Ctrl+C (SIGINT) in ``qgis_process``: its own signal watcher cancels the feedback only when
  Qt events are processed, which ``qgis_process`` does on a progress report at most every 2 s,
  so a Ctrl+C in a stage without progress reports went unnoticed until the run had finished.
  During a run we cancel the feedback directly instead (a Python handler runs as soon as the
  main thread executes Python again), and :func:`pending_cancel` looks once more at the end.
  In the desktop the algorithms run in a worker thread, where Python cannot take signals; the
  Cancel button is the way there.
"""
import contextlib
import os
import signal
import threading


def _in_main_thread():
    return threading.current_thread() is threading.main_thread()


def _platform():
    from qgis.core import QgsApplication

    return QgsApplication.platform() if QgsApplication.instance() is not None else ""


def _signals_to_take():
    """The signals we may take over for the run: never one someone else handles from Python."""
    taken = []
    if signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:
        taken.append(signal.SIGTERM)
    if _platform() == "qgis_process" and signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        taken.append(signal.SIGINT)
    return taken


@contextlib.contextmanager
def cancel_on_signals(feedback):
    """SIGTERM (and Ctrl+C in qgis_process) cancel ``feedback`` while the block runs."""
    if feedback is None or not _in_main_thread():
        yield
        return
    previous = {number: signal.getsignal(number) for number in _signals_to_take()}

    def cancel(number, frame):
        if feedback.isCanceled():  # asked twice: stop the process now, as without us
            signal.signal(number, signal.SIG_DFL)
            os.kill(os.getpid(), number)
            return
        feedback.cancel()

    for number in previous:
        signal.signal(number, cancel)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def pending_cancel(feedback):
    """True when the run was cancelled, also by a Ctrl+C that qgis_process has not handled yet."""
    if feedback is None:
        return False
    if not feedback.isCanceled() and _in_main_thread() and _platform() == "qgis_process":
        from qgis.core import QgsApplication

        QgsApplication.processEvents()  # delivers qgis_process's own pending SIGINT
    return feedback.isCanceled()
