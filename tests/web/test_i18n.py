"""The Vietnamese and Lao catalogs translate every interface string."""
import pytest
from babel.messages.pofile import read_po

from kb.i18n import LOCALE_DIR, date_text, load_translations


def _catalog(locale):
    with (LOCALE_DIR / locale / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        return read_po(fh, locale=locale)


@pytest.mark.parametrize("locale", ["vi", "lo"])
def test_catalog_is_complete(locale):
    with (LOCALE_DIR / "messages.pot").open("rb") as fh:
        template = {m.id for m in read_po(fh) if m.id}
    catalog = _catalog(locale)
    missing = [mid for mid in template if not (catalog.get(mid) and all(catalog.get(mid).string)
                                                if isinstance(mid, tuple) else catalog.get(mid) and catalog.get(mid).string)]
    assert missing == []


def test_lao_translations_are_in_lao_script():
    lo = load_translations()["lo"]
    assert lo.gettext("Search") == "ຊອກຫາ"
    assert any("\u0e80" <= c <= "\u0eff" for c in lo.gettext("Summary, not the official text."))


def test_dates_use_the_ui_locale():
    assert date_text("2025-07-01", "vi") == "1 tháng 7, 2025"
    assert "ກໍລະກົດ" in date_text("2025-07-01", "lo")
