"""The 2025 reorganisation of Vietnam's local government, from underthesea's data.

On 1 July 2025 the 63 provinces became 34 and the district level was
abolished. `superseded_provinces` maps each province that ceased to exist to
the one that absorbed it; `district_provinces` maps each former district,
town and provincial city to the province(s) its communes now belong to. The
data is underthesea's address mapping (the same file `places` reads).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from glossary.names.places import _underthesea_mapping
from glossary.text import name_key

__all__ = ["district_provinces", "superseded_provinces"]

# The unit words of the former district level, as underthesea writes them.
DISTRICT_UNITS = ("Huyện", "Quận", "Thị xã", "Thành phố")


def _table(name: str) -> dict[str, Any]:
    data = _underthesea_mapping().get(name, {})
    return data if isinstance(data, dict) else {}


@cache
def superseded_provinces() -> dict[str, str]:
    """Short name of each province merged away in 2025 → its successor's.

    >>> superseded_provinces()["Hà Giang"]
    'Tuyên Quang'
    """
    mapping = _table("province_mapping")
    old, new = _table("old_province_names"), _table("province_names")
    return {
        old[key]["short"]: new[successor]["short"]
        for key, successor in mapping.items()
        if isinstance(successor, str) and successor != key and key in old
        if successor in new
    }


@cache
def district_provinces() -> dict[str, tuple[str, ...]]:
    """name_key of each former district-level unit's name → its provinces now.

    Provincial cities that share their province's name ("thành phố Bến
    Tre") are left out: the bare name is the province's.

    >>> district_provinces()[name_key("Phong Điền")]
    ('Cần Thơ', 'Huế')
    """
    provinces = {name_key(v["short"]) for v in _table("old_province_names").values()}
    short = {v["name"]: v["short"] for v in _table("province_names").values()}
    found: dict[str, list[str]] = {}
    wards = _underthesea_mapping().get("ward_mapping", [])
    for rec in wards if isinstance(wards, list) else []:
        district, province = str(rec.get("old_district", "")), rec.get("new_province")
        unit = next((u for u in DISTRICT_UNITS if district.startswith(u + " ")), None)
        if unit is None or not isinstance(province, str):
            continue
        key = name_key(district[len(unit) + 1 :])
        if unit == "Thành phố" and key in provinces:
            continue
        now = short.get(province, province)
        if now not in found.setdefault(key, []):
            found[key].append(now)
    return {k: tuple(v) for k, v in found.items()}
