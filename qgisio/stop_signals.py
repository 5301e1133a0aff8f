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
import time


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


def cancel_check(feedback, every=0.5):
    """A callable for the engine's ``is_cancelled``: the feedback's flag, and in qgis_process a look
    at a pending Ctrl+C (:func:`pending_cancel`) at most every ``every`` seconds.

    In a model run qgis_process keeps SIGINT to itself and applies it only when Qt events are
    processed; the engine reports no progress for long stretches, so a Ctrl+C at 40 % of the
    search was seen only after the outputs had been written (an outside check).
    """
    last = [time.monotonic()]

    def is_cancelled():
        if feedback.isCanceled():
            return True
        now = time.monotonic()
        if now - last[0] < every:
            return False
        last[0] = now
        return pending_cancel(feedback)

    return is_cancelled
