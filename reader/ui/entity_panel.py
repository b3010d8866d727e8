"""The entity list: entities grouped by type, most mentioned first, with a filter box."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QLineEdit, QTreeView, QVBoxLayout, QWidget

from . import theme
from .privacy import plain_tip
from .swatch import swatch_icon

if TYPE_CHECKING:
    from ..core.model import Analysis, Entity

EntityIdRole = Qt.ItemDataRole.UserRole + 1
LabelRole = Qt.ItemDataRole.UserRole + 2
SearchRole = Qt.ItemDataRole.UserRole + 3

_GROUP = 0  # internal id of a type row; an entity row's id is its group's row + 1
Index = QModelIndex | QPersistentModelIndex


class EntityModel(QAbstractItemModel):
    """Adapts the analysis' (immutable) entities as a two-level tree: type -> entity."""

    HEADERS = ("Name", "Mentions")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._groups: list[tuple[str, list[Entity]]] = []
        self._group_mentions: list[int] = []  # each group's total, summed once (the view asks per paint)
        self._theme = theme.current()

    def set_analysis(self, analysis: Analysis | None) -> None:
        self.beginResetModel()
        self._groups = _grouped(analysis.entities) if analysis else []
        self._group_mentions = [sum(len(e.mentions) for e in entities) for _, entities in self._groups]
        self.endResetModel()

    def widest_count(self) -> int:
        """The largest number the Mentions column shows (a group's total): sizes that column."""
        return max(self._group_mentions, default=0)

    def set_theme(self, new_theme: theme.Theme) -> None:
        self._theme = new_theme
        if self._groups:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._groups) - 1, 0),
                                  [Qt.ItemDataRole.DecorationRole])

    def index_of(self, entity_id: str) -> QModelIndex:
        for g, (_, entities) in enumerate(self._groups):
            for r, entity in enumerate(entities):
                if entity.id == entity_id:
                    return self.createIndex(r, 0, g + 1)
        return QModelIndex()

    def entity_at(self, index: Index) -> Entity | None:
        if not index.isValid() or index.internalId() == _GROUP:
            return None
        return self._groups[index.internalId() - 1][1][index.row()]

    # QAbstractItemModel ---------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        # Bounds checked here rather than with hasIndex(), which calls back into rowCount() and
        # columnCount() through Qt: expandAll() and the proxy ask for every one of thousands of rows.
        if not 0 <= column < 2 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _GROUP) if row < len(self._groups) else QModelIndex()
        if parent.internalId() != _GROUP or parent.column() != 0 or row >= len(self._groups[parent.row()][1]):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == _GROUP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _GROUP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _GROUP and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 2:
            return self.HEADERS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if index.internalId() == _GROUP:
            return self._group_data(index, role)
        return self._entity_data(self._groups[index.internalId() - 1][1][index.row()], index.column(), role)

    def _group_data(self, index: Index, role: int):
        label, entities = self._groups[index.row()]
        mentions = self._group_mentions[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return theme.type_name(label) if index.column() == 0 else mentions
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0:
            return swatch_icon(self._theme.type_style(label))
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{theme.type_name(label)} ({label}): {len(entities)} entities, {mentions} mentions"
        if role == LabelRole:
            return label
        if role == SearchRole:
            return ""
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _entity_data(self, entity: Entity, column: int, role: int):
        count = len(entity.mentions)
        if role == Qt.ItemDataRole.DisplayRole:
            return entity.name if column == 0 else count
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            others = [a for a in entity.aliases if a != entity.name]
            also = f"; also {', '.join(others)}" if others else ""
            text = f"{entity.name} ({entity.label}), {count} mention{'s' if count != 1 else ''}{also}"
            return plain_tip(text) if role == Qt.ItemDataRole.ToolTipRole else text
        if role == EntityIdRole:
            return entity.id
        if role == LabelRole:
            return entity.label
        if role == SearchRole:
            return " ".join((entity.name, *entity.aliases))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _grouped(entities: tuple[Entity, ...]) -> list[tuple[str, list[Entity]]]:
    groups: dict[str, list[Entity]] = {}
    for entity in entities:
        groups.setdefault(entity.label, []).append(entity)
    order = {label: i for i, label in enumerate(theme.TYPE_ORDER)}
    return [(label, sorted(members, key=lambda e: (-len(e.mentions), e.name.casefold())))
            for label, members in sorted(groups.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))]


class EntityPanel(QWidget):
    entitySelected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entityPanel")
        self.setAccessibleName("Entities")
        self.model = EntityModel(self)
        self._proxy = QSortFilterProxyModel(self)
        self._proxy.setSourceModel(self.model)
        self._proxy.setRecursiveFilteringEnabled(True)
        self._proxy.setFilterRole(SearchRole)
        self._proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Filter names")
        self.filter.setAccessibleName("Filter entities")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._on_filter)
        self.tree = QTreeView(self)
        self.tree.setObjectName("entityTree")
        self.tree.setAccessibleName("Entities by type")
        self.tree.setModel(self._proxy)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)  # corrections (ui/corrections.py)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Not ResizeToContents: that asks the (Python) model for every row's text to measure it.
        # The column's widest text is known: its header or the largest count (set_analysis).
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self._size_count_column(0)
        self.tree.selectionModel().currentChanged.connect(self._on_current)
        self.tree.activated.connect(self._on_current)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.setSpacing(6)
        self.status = QLabel(self)  # "Analysing…", or why the list is empty
        self.status.setObjectName("entityStatus")
        self.status.setWordWrap(True)
        self.status.hide()
        layout.addWidget(self.filter)
        layout.addWidget(self.status)
        layout.addWidget(self.tree)
        self.setFocusProxy(self.tree)

    def set_analysing(self) -> None:
        """An article is shown and its analysis is under way."""
        self.set_analysis(None)
        self._set_status("Analysing…")

    def _set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def set_analysis(self, analysis: Analysis | None) -> None:
        self._set_status("No names found in this article." if analysis is not None and not analysis.entities else "")
        self.model.set_analysis(analysis)
        self._size_count_column(self.model.widest_count())
        self.tree.expandAll()

    def _size_count_column(self, widest: int) -> None:
        """Fit the Mentions column to its header and its largest number, from font metrics alone."""
        header = self.tree.header()
        text = max(header.fontMetrics().horizontalAdvance(EntityModel.HEADERS[1]),
                   self.tree.fontMetrics().horizontalAdvance(str(widest)))
        header.resizeSection(1, text + 2 * header.style().pixelMetric(header.style().PixelMetric.PM_HeaderMargin) + 12)

    def select_entity(self, entity_id: str | None) -> None:
        """Show ``entity_id`` as the current row, without announcing it again."""
        source = self.model.index_of(entity_id) if entity_id else QModelIndex()
        index = self._proxy.mapFromSource(source)
        selection = self.tree.selectionModel()
        self.tree.blockSignals(True)
        selection.blockSignals(True)
        try:
            if index.isValid():
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                          | QItemSelectionModel.SelectionFlag.Rows)
                self.tree.scrollTo(index)
            else:
                selection.clear()
        finally:
            selection.blockSignals(False)
            self.tree.blockSignals(False)
        self.tree.viewport().update()

    def entity_at_point(self, point: QPoint) -> Entity | None:
        """The entity on the row at a point of the list's viewport; None on a type's row or below the rows."""
        return self.model.entity_at(self._proxy.mapToSource(self.tree.indexAt(point)))

    def _on_current(self, index: QModelIndex) -> None:
        entity = self.model.entity_at(self._proxy.mapToSource(index))
        if entity is not None:
            self.entitySelected.emit(entity.id)

    def _on_filter(self, text: str) -> None:
        self._proxy.setFilterFixedString(text)
        self.tree.expandAll()
