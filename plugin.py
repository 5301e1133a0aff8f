"""The plugin object QGIS creates: Processing provider always, desktop actions with a GUI."""
from pathlib import Path

from qgis.core import Qgis, QgsApplication, QgsProject, QgsVectorLayer

from .i18n import install_translator, remove_translator, tr

SAMPLE_TOWN = Path(__file__).resolve().parent / "resources" / "sample" / "musterstadt.gpkg"
SAMPLE_STYLES = Path(__file__).resolve().parent / "resources" / "styles"


class SozialraumPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.actions = []
        self.menu = None
        self.toolbar = None
        self.dock = None
        self.dock_action = None
        self.paint_action = None
        self.merge_action = None
        self.new_space_action = None
        self.split_action = None
        self.split_line_action = None
        self.split_tool = None
        self.split_line_tool = None
        self.presentation_action = None
        self.before_action = None
        self.before_dock = None
        self.presentation = None
        self.paint_tool = None
        self.merge_tool = None
        self._watched_layer = None

    def initProcessing(self):  # noqa: N802 (QGIS API name)
        """Register the Processing provider (also headless, e.g. in qgis_process)."""
        if self.provider is not None:
            return
        install_translator()
        from .provider import SozialraumProvider

        self.provider = SozialraumProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802
        self.initProcessing()
        from qgis.PyQt.QtGui import QIcon

        from .ui.compat import QAction

        icon = QIcon(str(Path(__file__).resolve().parent / "resources" / "icons" / "sozialraum.svg"))
        action = QAction(icon, tr("Load sample town (Musterstadt)"), self.iface.mainWindow())
        action.setObjectName("sozialraumLoadSampleTown")
        action.triggered.connect(self.load_sample_town)
        self.iface.addPluginToVectorMenu(tr("&Sozialraum"), action)
        self.actions.append(action)
        self._init_consultation()

    # -- consultation (issue 11) ----------------------------------------------------------
    def _init_consultation(self):
        """The consultation toolbar: the dock toggle and the map tools (enabled while the layer is editable)."""
        from qgis.PyQt.QtCore import Qt
        from qgis.PyQt.QtGui import QIcon

        from .ui.compat import QAction
        from .ui.consultation_dock import ConsultationDock
        from .ui.merge_tool import MergeTool
        from .ui.paint_tool import PaintTool
        from .ui.split_line_tool import SplitLineTool
        from .ui.split_tool import SplitTool

        icons = Path(__file__).resolve().parent / "resources" / "icons"
        window = self.iface.mainWindow()
        canvas = self.iface.mapCanvas()
        self.toolbar = self.iface.addToolBar(tr("Sozialraum consultation"))
        self.toolbar.setObjectName("SozialraumConsultationToolbar")
        self.dock = ConsultationDock(self.iface, canvas, window)
        self.dock.hide()
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.session_opened.connect(self._session_opened)
        self.dock.session_closed.connect(self._session_closed)
        self.dock.current_space_changed.connect(self._current_space_changed)

        self.dock_action = QAction(QIcon(str(icons / "sozialraum.svg")), tr("Consultation dock"), window)
        self.dock_action.setObjectName("sozialraumConsultationDock")
        self.dock_action.setCheckable(True)
        # a click shows a dock that is not in view and hides one that is, whatever the button showed;
        # the button then follows the dock (it was out of step at the first start: desktop walk-through)
        self.dock_action.triggered.connect(self._toggle_dock)
        self.dock.visibilityChanged.connect(self._dock_visibility_changed)
        self._dock_visibility_changed()
        self.paint_tool = PaintTool(canvas, self)
        self.merge_tool = MergeTool(canvas, self)
        self.split_tool = SplitTool(canvas, self)
        self.split_line_tool = SplitLineTool(canvas, self)
        self.paint_action = QAction(QIcon(str(icons / "paint.svg")), tr("Paint blocks into a space"), window)
        self.paint_action.setObjectName("sozialraumPaint")
        self.merge_action = QAction(QIcon(str(icons / "merge.svg")), tr("Merge two adjacent spaces"), window)
        self.merge_action.setObjectName("sozialraumMerge")
        self.split_action = QAction(QIcon(str(icons / "split.svg")), tr("Split a space in two balanced parts"), window)
        self.split_action.setObjectName("sozialraumSplit")
        self.split_line_action = QAction(QIcon(str(icons / "split_line.svg")), tr("Split a space along a drawn line"), window)
        self.split_line_action.setObjectName("sozialraumSplitLine")
        for action, tool in ((self.paint_action, self.paint_tool), (self.merge_action, self.merge_tool),
                             (self.split_action, self.split_tool), (self.split_line_action, self.split_line_tool)):
            action.setCheckable(True)
            tool.setAction(action)
            action.triggered.connect(lambda checked, tool=tool: self.iface.mapCanvas().setMapTool(tool))
        self.new_space_action = QAction(QIcon(str(icons / "new_space.svg")), tr("New space from the selected blocks"), window)
        self.new_space_action.setObjectName("sozialraumNewSpace")
        self.new_space_action.triggered.connect(self.new_space_from_selection)
        self.presentation_action = QAction(QIcon(str(icons / "presentation.svg")), tr("Presentation mode (meeting)"), window)
        self.presentation_action.setObjectName("sozialraumPresentation")
        self.presentation_action.setCheckable(True)
        from .ui.before_after import BeforeAfterDock

        self.before_dock = BeforeAfterDock(canvas, window)
        self.before_dock.hide()
        self.iface.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.before_dock)
        from .ui.presentation_mode import PresentationMode

        # the before/after view stays in the meeting when it is open (a closed one stays closed)
        self.presentation = PresentationMode(window, canvas, keep=(self.toolbar, self.dock, self.before_dock),
                                             enlarge=(self.dock, self.before_dock))
        self.before_action = QAction(QIcon(str(icons / "before_after.svg")), tr("Before/after: the division as last saved"),
                                     window)
        self.before_action.setObjectName("sozialraumBeforeAfter")
        self.presentation_action.toggled.connect(self.presentation.set_active)
        self.before_action.setCheckable(True)
        # the user's click asks (and may be told to open a session first); QGIS restoring the
        # dock at start only syncs the button: no message then (issue 19, 11)
        self.before_action.triggered.connect(self._show_before)
        self.before_dock.visibilityChanged.connect(self._before_visibility_changed)
        for action in (self.dock_action, self.paint_action, self.merge_action, self.split_action, self.split_line_action,
                       self.new_space_action, self.presentation_action, self.before_action):
            self.toolbar.addAction(action)
        self._update_tools()

    def layer_session(self):
        """The open consultation session (the map tools' host interface)."""
        return self.dock.layer_session if self.dock is not None else None

    def current_space(self):
        return self.dock.current_space() if self.dock is not None else None

    def message(self, text, level):
        """Report in the message bar, replacing the consultation's previous report (``ui/message_bar.py``)."""
        self.dock.report(text, level)

    def _toggle_dock(self, *args):
        self.dock.setUserVisible(not self.dock.isUserVisible())
        self._dock_visibility_changed()

    def _dock_visibility_changed(self, *args):
        if self.dock_action is not None and self.dock is not None:
            self.dock_action.setChecked(self.dock.isUserVisible())

    def new_space_from_selection(self):
        from .ui.new_space import new_space_from_selection

        layer_session = self.layer_session()
        if layer_session is not None and layer_session.editing_problem() is None:
            new_space_from_selection(layer_session, self.message)

    def _current_space_changed(self, space):
        if self.paint_tool is not None and space is not None:
            self.paint_tool.target = space

    def _show_before(self, visible):
        """Show the before canvas for the session's layer (hidden again without a session)."""
        layer_session = self.layer_session()
        if visible and layer_session is None:
            self.message(tr("Open a session on a blocks layer first."), Qgis.MessageLevel.Warning)
            self.before_action.setChecked(False)
            return
        if visible:
            self.before_dock.show_layer(layer_session.layer, layer_session.space_field)
            self.before_dock.open_beside(self.iface.mainWindow())
        else:
            self.before_dock.setVisible(False)

    def _before_visibility_changed(self, visible):
        """Keep the button in step with the dock; a dock QGIS restores without a session is hidden quietly."""
        if self.before_action is None:  # unloading
            return
        self.before_action.setChecked(visible)
        if visible and self.layer_session() is None:
            self.before_dock.setVisible(False)

    def _session_opened(self, layer_session):
        self._watch(layer_session.layer)
        layer_session.changed.connect(self._update_tools)  # e.g. features added: the session is stale
        self._update_tools()

    def _session_closed(self):
        self._unwatch()
        self._update_tools()

    def _watch(self, layer):
        self._unwatch()
        self._watched_layer = layer
        layer.editingStarted.connect(self._update_tools)
        layer.editingStopped.connect(self._update_tools)

    def _unwatch(self):
        layer, self._watched_layer = self._watched_layer, None
        if layer is None:
            return
        try:
            signals = (layer.editingStarted, layer.editingStopped)
        except RuntimeError:  # the layer is gone (its connections with it)
            return
        from .ui.compat import disconnect_all

        disconnect_all((signal, self._update_tools) for signal in signals)

    def _update_tools(self):
        """Enable the tools only while the session's layer is editable; the tooltip says why not."""
        from .ui.session_layer import editing_problem

        layer_session = self.layer_session()
        problem = layer_session.editing_problem() if layer_session is not None else editing_problem(None)
        for action, text in ((self.paint_action, tr("Paint blocks into a space")),
                             (self.merge_action, tr("Merge two adjacent spaces")),
                             (self.split_action, tr("Split a space in two balanced parts")),
                             (self.split_line_action, tr("Split a space along a drawn line")),
                             (self.new_space_action, tr("New space from the selected blocks"))):
            action.setEnabled(problem is None)
            action.setToolTip(text if problem is None else f"{text}: {problem}")
        if problem is not None:
            canvas = self.iface.mapCanvas()
            if canvas.mapTool() in (self.paint_tool, self.merge_tool, self.split_tool, self.split_line_tool):
                canvas.unsetMapTool(canvas.mapTool())

    def _unload_consultation(self):
        if self.toolbar is None:
            return
        canvas = self.iface.mapCanvas()
        for tool in (self.paint_tool, self.merge_tool, self.split_tool, self.split_line_tool):
            if tool is not None:
                tool.cancel()
                if canvas.mapTool() is tool:
                    canvas.unsetMapTool(tool)
        self.presentation.exit()  # unloading during a meeting gives the planner's window back as it was
        self.before_dock.cleanup()
        self.iface.removeDockWidget(self.before_dock)
        self.before_dock.deleteLater()
        self._unwatch()
        self.dock.cleanup()
        self.iface.removeDockWidget(self.dock)
        self.dock.deleteLater()
        for action in (self.dock_action, self.paint_action, self.merge_action, self.split_action, self.split_line_action,
                       self.new_space_action, self.presentation_action, self.before_action):
            self.toolbar.removeAction(action)
            action.deleteLater()
        self.toolbar.deleteLater()
        self.toolbar = self.dock = self.dock_action = self.paint_action = self.merge_action = self.new_space_action = None
        self.split_action = self.split_line_action = self.presentation_action = self.presentation = None
        self.before_action = self.before_dock = None
        self.paint_tool = self.merge_tool = self.split_tool = self.split_line_tool = None

    def unload(self):
        self._unload_consultation()
        for action in self.actions:
            self.iface.removePluginVectorMenu(tr("&Sozialraum"), action)
            action.deleteLater()
        self.actions = []
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        remove_translator()

    def load_sample_town(self):
        """Add the bundled sample town's layers to the current project; the consultation dock, when no
        session is open, offers the blocks (it showed the districts, the first layer added: an outside
        check)."""
        layers = add_sample_town(QgsProject.instance())
        dock = getattr(self, "dock", None)
        blocks = next((layer for layer in layers if layer.source().endswith("layername=blocks")), None)
        if dock is not None and blocks is not None and dock.layer_session is None:
            dock.layer_combo.setLayer(blocks)
        return layers


def sample_layer_names():
    """The sample town's layers by their name in the GeoPackage: their names in QGIS's language."""
    return {"districts": tr("Musterstadt – districts"), "blocks": tr("Musterstadt – blocks"),
            "barriers": tr("Musterstadt – barriers"), "facilities": tr("Musterstadt – facilities")}


def sample_kinds():
    """The kinds of barriers and facilities of the sample town, as the legend shows them."""
    return {"railway": tr("railway"), "motorway": tr("motorway"), "river": tr("river"), "kita": tr("day-care centre"),
            "school": tr("school"), "counselling": tr("counselling centre"), "": tr("other")}


def name_categories(renderer):
    """The legend of a categorised sample layer in QGIS's language."""
    categories = getattr(renderer, "categories", None)
    if categories is None:
        return
    kinds = sample_kinds()
    for index, category in enumerate(categories()):
        if category.value() in kinds:
            renderer.updateCategoryLabel(index, kinds[category.value()])


def add_sample_town(project):
    """Add the layers of the sample town to ``project``, named in QGIS's language and styled
    (resources/styles/sample_*.qml: symbology only, the aliases come with the GeoPackage);
    returns the layers added."""
    from qgis.core import QgsMapLayer

    symbology = getattr(QgsMapLayer, "StyleCategory", QgsMapLayer).Symbology  # scoped since QGIS 3.30
    layers = []
    for name, title in sample_layer_names().items():
        layer = QgsVectorLayer(f"{SAMPLE_TOWN}|layername={name}", title, "ogr")
        if layer.isValid():
            layer.loadNamedStyle(str(SAMPLE_STYLES / f"sample_{name}.qml"), symbology)
            name_categories(layer.renderer())
            project.addMapLayer(layer)
            layers.append(layer)
    return layers
