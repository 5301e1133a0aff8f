"""Stopping a run from outside the way the Cancel button stops it.

- SIGTERM (``kill``, a scheduler's time limit): while a run executes in the main thread (as in
  ``qgis_process``), a handler cancels the run's feedback; the run stops at its next check
  and removes what it wrote. A second SIGTERM ends the process at once, as without us.
- Ctrl+C (SIGINT): ``qgis_process`` catches it itself (its signal watcher cancels the
  feedback), but only when it processes Qt events, which it does on a progress report at
  most every 2 s. :func:`pending_cancel` processes the events once more at the end of a run,
  so a Ctrl+C during a stage without progress reports still cancels it instead of being lost.
"""
import contextlib
import os
import signal
import threading


def _in_main_thread():
    return threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def cancel_on_terminate(feedback):
    """SIGTERM cancels ``feedback`` while the block runs (main thread only; Python's rule)."""
    if feedback is None or not _in_main_thread() or signal.getsignal(signal.SIGTERM) != signal.SIG_DFL:
        yield
        return

    def cancel(signum, frame):
        if feedback.isCanceled():  # asked twice: end the process, as SIGTERM does by default
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        feedback.cancel()

    signal.signal(signal.SIGTERM, cancel)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def pending_cancel(feedback):
    """True when the run was cancelled, also by a Ctrl+C that qgis_process has not handled yet."""
    if feedback is None:
        return False
    if not feedback.isCanceled() and _in_main_thread():
        from qgis.core import QgsApplication

        if QgsApplication.instance() is not None and QgsApplication.platform() != "desktop":
            QgsApplication.processEvents()  # delivers qgis_process's pending SIGINT
    return feedback.isCanceled()
