"""Appearance: light and dark palettes that follow the system, and how each entity type looks.

A type is never told apart by colour alone: each has its own underline style, a short tag
shown in tooltips and the legend, and a plain-language name.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette, QTextCharFormat
from PySide6.QtWidgets import QApplication

from .settings import DEFAULT_LINE_WIDTH

U = QTextCharFormat.UnderlineStyle

# label: (plural name, tag, light background, dark background, underline colour light, dark, style)
_TYPES: dict[str, tuple[str, str, str, str, str, str, QTextCharFormat.UnderlineStyle]] = {
    "PERSON": ("People", "person", "#fbd9cc", "#5a3326", "#b4441f", "#f2a385", U.SingleUnderline),
    "ORG": ("Organisations", "org", "#cfe2f7", "#243f5c", "#2a62a3", "#8fbdf0", U.DashUnderline),
    "GPE": ("Countries & cities", "place", "#d3ecc8", "#2c4a25", "#3f7f2a", "#9fd68c", U.DotLine),
    "LOC": ("Other places", "location", "#dcefe0", "#26463a", "#2f7d63", "#8fd1b6", U.DashDotLine),
    "FAC": ("Buildings & sites", "facility", "#e7dcf5", "#3f2f57", "#6d4aa3", "#c3a9ec", U.DashDotDotLine),
    "NORP": ("Groups & nationalities", "group", "#f7e6b0", "#4d4020", "#94700f", "#e8c96b", U.WaveUnderline),
    "EVENT": ("Events", "event", "#f5d5e8", "#552b45", "#a3347a", "#eba3d0", U.DashUnderline),
    "PRODUCT": ("Products", "product", "#d6eeee", "#244848", "#2d7d7d", "#8dd3d3", U.DotLine),
    "WORK_OF_ART": ("Works", "work", "#f1dfcc", "#4d3a26", "#8f5e2a", "#e0b98c", U.DashDotLine),
    "LAW": ("Laws", "law", "#dfdff3", "#34345a", "#4b4ba3", "#b0b0ee", U.DashDotDotLine),
    "LANGUAGE": ("Languages", "language", "#e2f0dc", "#33452c", "#4f7f3f", "#b1d9a0", U.WaveUnderline),
    "DATE": ("Dates", "date", "#e8e8e4", "#3a3a3a", "#77776f", "#a5a59c", U.NoUnderline),
    "TIME": ("Times", "time", "#e8e8e4", "#3a3a3a", "#77776f", "#a5a59c", U.NoUnderline),
    "MONEY": ("Money", "money", "#e9f0cf", "#3e4526", "#6b7d24", "#c7d98a", U.NoUnderline),
    "PERCENT": ("Percentages", "percent", "#e9f0cf", "#3e4526", "#6b7d24", "#c7d98a", U.NoUnderline),
    "QUANTITY": ("Quantities", "quantity", "#e9f0cf", "#3e4526", "#6b7d24", "#c7d98a", U.NoUnderline),
}
_UNKNOWN = ("Other", "other", "#ececec", "#3c3c3c", "#777777", "#aaaaaa", U.DotLine)

# The order of types in the legend and the entity list: people and organisations first, dates last.
TYPE_ORDER = tuple(_TYPES)

READING_FAMILIES = ("Charis SIL", "Source Serif 4", "Source Serif Pro", "Literata", "Georgia", "Charter",
                    "Gelasio", "Liberation Serif", "Noto Serif", "DejaVu Serif", "Times New Roman", "serif")
READING_POINT_SIZE = 12.5  # the reading size at zoom 0; Edit > Preferences changes it (set_reading)
_reading_family = ""  # the reader's choice of reading font ("" for READING_FAMILIES)
_measure_chars = DEFAULT_LINE_WIDTH  # the reading column's width in characters a line (Edit > Preferences)
_choice = "system"  # "system", "light" or "dark" (Edit > Preferences)


class TypeStyle(NamedTuple):
    label: str
    name: str  # plural, for the legend and the entity list
    tag: str  # short, for tooltips
    background: QColor
    underline: QColor
    underline_style: QTextCharFormat.UnderlineStyle


class Theme(NamedTuple):
    dark: bool
    paper: QColor  # the reading view's background
    ink: QColor  # the reading view's text
    muted: QColor  # secondary text
    link: QColor
    link_warning: QColor
    link_danger: QColor
    focus_background: QColor  # every mention of the selected entity
    focus_ink: QColor
    find_background: QColor  # find matches
    find_ink: QColor

    def type_style(self, label: str) -> TypeStyle:
        name, tag, light, dark, line_light, line_dark, style = _TYPES.get(label, _UNKNOWN)
        return TypeStyle(label, name if label in _TYPES else label.title(), tag,
                         QColor(dark if self.dark else light), QColor(line_dark if self.dark else line_light), style)


LIGHT = Theme(dark=False, paper=QColor("#fcfbf8"), ink=QColor("#1d1d1b"), muted=QColor("#6b6963"),
              link=QColor("#1a5fb4"), link_warning=QColor("#b35c00"), link_danger=QColor("#c01c28"),
              focus_background=QColor("#ffb454"), focus_ink=QColor("#1d1d1b"),
              find_background=QColor("#fff176"), find_ink=QColor("#1d1d1b"))
DARK = Theme(dark=True, paper=QColor("#1f2023"), ink=QColor("#e4e1da"), muted=QColor("#9d9a93"),
             link=QColor("#78aeed"), link_warning=QColor("#f0a35e"), link_danger=QColor("#ff7b7b"),
             focus_background=QColor("#c77a12"), focus_ink=QColor("#ffffff"),
             find_background=QColor("#8a7a00"), find_ink=QColor("#ffffff"))


def mix(a: QColor, b: QColor, amount: float) -> QColor:
    """``a`` blended towards ``b`` by ``amount`` (0: a, 1: b)."""
    return QColor.fromRgbF(a.redF() + (b.redF() - a.redF()) * amount, a.greenF() + (b.greenF() - a.greenF()) * amount,
                           a.blueF() + (b.blueF() - a.blueF()) * amount)


def type_name(label: str) -> str:
    return _TYPES.get(label, (label.title(),))[0]


def system_is_dark() -> bool:
    app = QGuiApplication.instance()
    if app is None:
        return False
    scheme = QGuiApplication.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def set_choice(choice: str) -> None:
    """Follow the system ("system"), or always be "light" or "dark"."""
    global _choice
    _choice = choice if choice in ("system", "light", "dark") else "system"


def choice() -> str:
    return _choice


def current() -> Theme:
    if _choice != "system":
        return DARK if _choice == "dark" else LIGHT
    return DARK if system_is_dark() else LIGHT


def set_reading(family: str, point_size: float) -> None:
    """The reading font and its size at zoom 0 ("" keeps the built-in list of serifs)."""
    global READING_POINT_SIZE, _reading_family
    _reading_family = family
    READING_POINT_SIZE = point_size


def reading() -> tuple[str, float]:
    """The reading font family chosen ("" for the built-in list) and the size at zoom 0."""
    return _reading_family, READING_POINT_SIZE


def set_measure(chars: int) -> None:
    """The reading column's width, in characters a line (Edit > Preferences, line width)."""
    global _measure_chars
    _measure_chars = chars


def measure() -> int:
    """The reading column's width, in characters a line."""
    return _measure_chars


def reading_families() -> list[str]:
    return ([_reading_family] if _reading_family else []) + list(READING_FAMILIES)


def palette(theme: Theme) -> QPalette:
    pal = QPalette()
    cr = QPalette.ColorRole
    if theme.dark:
        colours = {cr.Window: "#2a2b2f", cr.WindowText: "#e4e1da", cr.Base: "#1f2023", cr.AlternateBase: "#26272b",
                   cr.Text: "#e4e1da", cr.Button: "#33353a", cr.ButtonText: "#e4e1da", cr.Highlight: "#3d6fb4",
                   cr.HighlightedText: "#ffffff", cr.ToolTipBase: "#33353a", cr.ToolTipText: "#e4e1da",
                   cr.PlaceholderText: "#8a877f", cr.Link: "#78aeed", cr.Mid: "#44464c", cr.Midlight: "#3a3c41",
                   cr.Dark: "#17181a", cr.Shadow: "#000000", cr.Light: "#4a4c52"}
    else:
        colours = {cr.Window: "#f1efea", cr.WindowText: "#1d1d1b", cr.Base: "#fcfbf8", cr.AlternateBase: "#f5f3ee",
                   cr.Text: "#1d1d1b", cr.Button: "#ebe8e1", cr.ButtonText: "#1d1d1b", cr.Highlight: "#2f6fce",
                   cr.HighlightedText: "#ffffff", cr.ToolTipBase: "#fffdf5", cr.ToolTipText: "#1d1d1b",
                   cr.PlaceholderText: "#8a877f", cr.Link: "#1a5fb4", cr.Mid: "#c9c5bb", cr.Midlight: "#e0ddd5",
                   cr.Dark: "#a29e94", cr.Shadow: "#5c5a55", cr.Light: "#ffffff"}
    for role, colour in colours.items():
        pal.setColor(role, QColor(colour))
    for role in (cr.WindowText, cr.Text, cr.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor("#8a877f"))
    return pal


STYLE = "fusion"  # the palettes below are made for it (other styles ignore parts of a palette)


def apply(app: QApplication, style_given: bool = False) -> Theme:
    """Style the whole application after the system's colour scheme; returns the theme in use.

    ``style_given``: the application was made with ``-style fusion`` in its arguments, which sets the
    style without ``setStyle``, whose returned QStyle makes PySide build QStyle's enums (~10 ms at start).
    """
    theme = current()
    if not style_given:
        app.setStyle(STYLE)
    app.setPalette(palette(theme))
    return theme


_FOCUS_RING = {False: "#1b5fc2", True: "#7db4ff"}  # strong against the light and the dark window


def focus_ring(theme: Theme) -> QColor:
    """The colour of the frame around the widget that has the keyboard focus."""
    return QColor(_FOCUS_RING[theme.dark])


def focus_style(theme: Theme) -> str:
    """A style sheet that frames the focused list, table, text or field in a strong colour.

    Fusion's own focus cue is a faint line; keyboard users lose track of where they are. The
    quiet frame is 1 px plus 1 px of padding, the focused one 2 px with none: nothing moves.
    """
    ring = focus_ring(theme).name()
    mid = palette(theme).color(QPalette.ColorRole.Mid).name()
    base = palette(theme).color(QPalette.ColorRole.Base).name()
    views = "QTreeView, QListView, QTableView, QTextBrowser"
    focused = ", ".join(f"{v.strip()}:focus" for v in views.split(","))
    return (f"{views} {{ border: 1px solid {mid}; padding: 1px; }}\n"
            f"{focused} {{ border: 2px solid {ring}; padding: 0px; }}\n"
            # A style sheet over a widget outranks its palette: the article's paper and ink are said here too.
            f"QTextBrowser#articleView {{ border: 2px solid transparent; padding: 0px; "
            f"background: {theme.paper.name()}; color: {theme.ink.name()}; }}\n"
            f"QTextBrowser#articleView:focus {{ border: 2px solid {ring}; }}\n"
            f"QLineEdit {{ border: 1px solid {mid}; border-radius: 3px; padding: 2px 4px; background: {base}; }}\n"
            f"QLineEdit:focus {{ border: 2px solid {ring}; padding: 1px 3px; }}\n")


def reading_font(point_size: float | None = None) -> QFont:
    font = QFont()
    font.setFamilies(reading_families())
    font.setStyleHint(QFont.StyleHint.Serif)
    # Latin text needs no OpenType shaping; skipping it (ligatures, GPOS kerning: invisible at
    # reading size) lays out a 1 MB article ~2.5x faster. Scripts that need shaping still get it.
    font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    font.setPointSizeF(READING_POINT_SIZE if point_size is None else point_size)
    return font
