"""What every Sozialraum Processing algorithm shares: naming, help, icons, error translation."""
import functools
import gc
import traceback
from pathlib import Path

from qgis.core import QgsMessageLog, QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtGui import QIcon

from ..engine.errors import Cancelled, SozialraumError
from ..i18n import tr
from ..qgisio import compat, destinations, stop_signals
from ..qgisio.engine_errors import engine_error_message

ICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"


#: Decimal places the dialogs show for a decimal number: residents whole ("700", an outside check
#: found "700.000000" in every population bound), other figures (gap 30 m, weights 0.25) two.
RESIDENT_DECIMALS, OTHER_DECIMALS = 0, 2


def counts_residents(name):
    """Whether the number parameter ``name`` is a count of residents (MIN_POPULATION,
    MIN_POPULATION_FOR_RATES), not a share like POPULATION_WEIGHT (0.3: shown with no decimals it
    read 0, and a run from the dialog used 0, an outside check found)."""
    return name.endswith("_POPULATION") or "_POPULATION_FOR_" in name


def _show_decimals(definition):
    if definition.type() != "number" or definition.dataType() != compat.NUMBER_DOUBLE:
        return
    decimals = RESIDENT_DECIMALS if counts_residents(definition.name()) else OTHER_DECIMALS
    metadata = dict(definition.metadata())
    wrapper = dict(metadata.get("widget_wrapper") or {})
    wrapper.setdefault("decimals", decimals)
    metadata["widget_wrapper"] = wrapper
    definition.setMetadata(metadata)


def group_names():
    """Toolbox groups: id -> translated name."""
    return {"blocks": tr("Blocks"), "spaces": tr("Social spaces"), "indicators": tr("Indicators")}


class SozialraumAlgorithm(QgsProcessingAlgorithm):
    """Base class; subclasses set ``ALGORITHM_NAME``, ``ICON`` and implement the rest."""

    ALGORITHM_NAME = ""
    GROUP = "spaces"  # a key of group_names()
    ICON = "sozialraum.svg"
    #: Python packages the algorithm needs beyond QGIS (checked by the provider).
    REQUIRES = ()

    def tr(self, text, n=None):
        return tr(text, n)

    def createInstance(self):  # noqa: N802
        return type(self)()

    def addParameter(self, definition, createOutput=True):  # noqa: N802, N803 (QGIS API names)
        _show_decimals(definition)
        return super().addParameter(definition, createOutput)

    def name(self):
        return self.ALGORITHM_NAME

    def group(self):
        return group_names()[self.GROUP]

    def groupId(self):  # noqa: N802
        return self.GROUP

    def icon(self):
        return QIcon(str(ICON_DIR / self.ICON))

    def helpUrl(self):  # noqa: N802
        return ""

    def process(self, parameters, context, feedback):
        """The algorithm's work (subclasses): read, call the engine, write; returns the outputs."""
        raise NotImplementedError

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        """Processing's entry point: :meth:`process` behind the net of :func:`_without_tracebacks`.

        Replaced below the function's definition by the guarded call itself, so that no extra
        frame of this method holds the run's layers while QGIS keeps the raised exception.
        """
        return self.process(parameters, context, feedback)


def _without_tracebacks(process):
    """Turn an unforeseen exception into one clear message instead of a Python traceback.

    Every bad input we know of gets its own message where it is detected; this is the net for
    the rest: the user reads what failed and where to report it, the traceback goes to the
    QGIS message log (tab "Sozialraum") for the developers.
    """

    @functools.wraps(process)
    def guarded(self, parameters, context, feedback):
        written = None
        try:
            # before any parameterAsSink: QGIS's sink replaces its file when it is created
            written = destinations.prepare(self, parameters, context)
            with stop_signals.cancel_on_signals(feedback):
                outputs = process(self, parameters, context, feedback)
            if stop_signals.pending_cancel(feedback):  # cancelled in a stage that does not check
                raise Cancelled()
            return outputs
        except QgsProcessingException as error:
            message = str(error.args[0]) if error.args else str(error)
        except SozialraumError as error:
            message = engine_error_message(error)
        except KeyboardInterrupt:  # Ctrl+C where Python sees it (a script, the Python console)
            message = tr("Cancelled by the user.")
        except MemoryError:
            message = tr("Not enough memory for {algorithm}. Try a smaller layer or fewer attributes.").format(
                algorithm=self.displayName())
        except Exception as error:  # noqa: BLE001 - the net itself
            QgsMessageLog.logMessage(traceback.format_exc(), "Sozialraum", compat.MESSAGE_CRITICAL)
            message = tr("{algorithm} stopped on an unexpected problem ({kind}: {detail}). The input layers are unchanged. "
                         "Details are in the QGIS message log (Sozialraum); please report them with the input.").format(
                algorithm=self.displayName(), kind=type(error).__name__, detail=str(error)[:300])
        if written is not None:
            _remove_written(written, feedback)
        # Raised afresh, outside the handlers and without the original as its cause: QGIS never
        # releases an exception a Python algorithm raises (its SIP handler keeps it), and the
        # original's traceback would keep the algorithm's frames -- layers, features -- alive
        # until QGIS quits (docs/teardown_crash.md: about 6 MB per refused run on the sample town).
        del self, parameters, context, feedback, written
        raise QgsProcessingException(message)

    return guarded


def _remove_written(written, feedback):
    """Remove what a stopped run wrote (files it created or changed, layers it added)."""
    gc.collect()  # close sinks the failed run's frames still held, before their files go
    try:
        removed = written.remove_written()
    except Exception:  # noqa: BLE001 - the run's own message matters more; the log has the rest
        QgsMessageLog.logMessage(traceback.format_exc(), "Sozialraum", compat.MESSAGE_WARNING)
        return
    if removed and feedback is not None:
        feedback.pushInfo(tr("The run stopped; removed what it had written: {files}").format(files=", ".join(removed)))
    if written.replaced and feedback is not None:  # a stop after QGIS replaced a layer: it cannot come back
        feedback.pushWarning(tr("The run stopped after these layers had been replaced; they hold its output, not the "
                                "earlier content: {layers}").format(layers=", ".join(written.replaced)))


# the entry point is the guarded call itself (see processAlgorithm's docstring)
SozialraumAlgorithm.processAlgorithm = _without_tracebacks(SozialraumAlgorithm.processAlgorithm)
