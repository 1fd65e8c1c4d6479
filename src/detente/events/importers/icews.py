"""ICEWS coded event files (`.tab`, tab-separated, one header line, 20 columns) to events.

ICEWS names actors in words ("Foreign Affairs (Bangladesh)") with a country and a
list of sectors; detente turns them into CAMEO-style codes:

- the **country** goes through the actor registry (`"Russian Federation"` -> `RUS`);
  when the country is blank or ``NA`` (international organisations, some
  groups), the actor's **name** is tried instead (`"United Nations"` -> `UNO`);
- a **role suffix** is added when the sectors name one role clearly, in this order
  of precedence: military or defence ministry -> ``MIL``, police -> ``COP``,
  judiciary -> ``JUD``, legislature -> ``LEG``, government, executive, cabinet or a
  ministry -> ``GOV``, insurgents/rebels -> ``REB``, opposition, dissidents or
  protesters -> ``OPP``, business -> ``BUS``, media -> ``MED``, NGOs -> ``NGO``,
  education -> ``EDU``, criminals -> ``CRM``, general population -> ``CVL``;
  other sectors (parties, religions, ethnic groups) add nothing;
- an actor that cannot be resolved keeps the code ``---``; the event is stored,
  with the name in ``source_name``/``target_name`` and the unresolved country in
  ``note``. No event is dropped for an unknown actor, and the summary counts them.

Other columns: ``date`` = Event Date; ``cameo`` = CAMEO Code (checked against the
codebook); ``goldstein`` = Intensity (ICEWS's Goldstein figure); ``doc_id`` = Story
ID and ``sentence_index`` = Sentence Number (ICEWS does not publish the sentence
itself); ``origin_id`` = Event ID (part of the event's identity, so the same ICEWS
event in two files is one event); ``note`` keeps the Event ID, Event Text (the event
type's name, not a quote, hence not in ``sentence``) and Publisher.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from detente.errors import DataFormatError
from detente.events.importers.archives import plain_file
from detente.events.importers.delimited import first_line, read_delimited, reject_reason
from detente.events.importers.quarantine import BAD_DATE, BAD_NUMBER, MISSING_FIELD, UNKNOWN_CAMEO, ProgressCallback
from detente.events.importers.staging import (
    CODEBOOK,
    UNKNOWN_ACTOR,
    Staged,
    create_codebook,
    sql_str,
    stage_checked,
    stage_quarantine,
    temp_table,
)

COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
    "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher",
    "City", "District", "Province", "Country", "Latitude", "Longitude",
)
"""The 20 columns of an ICEWS coded-event file, in order."""

KEEP: tuple[str, ...] = COLUMNS[:14]

_MISSING = ("", "NA", "N/A", "NULL", "None")

SECTOR_ROLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("MIL", ("Military", "Army", "Navy", "Air Force", "Marines", "Defense / Security Ministry",
             "Special Forces", "Military Personnel")),
    ("COP", ("Police",)),
    ("JUD", ("Judicial",)),
    ("LEG", ("Legislative / Parliamentary", "Lower House", "Upper House", "Unicameral")),
    ("GOV", ("Government", "Executive", "Executive Office", "Cabinet", "Foreign Ministry", "Ministry")),
    ("REB", ("Insurgents", "Rebels", "Separatists")),
    ("OPP", ("Opposition Major Party (Out Of Government)", "Dissident", "Protestors / Popular Opposition / Mobs")),
    ("BUS", ("Business",)),
    ("MED", ("Media",)),
    ("NGO", ("Nongovernmental Organizations / Activists", "Nongovernmental Organization (International)")),
    ("EDU", ("Education",)),
    ("CRM", ("Criminals / Gangs",)),
    ("CVL", ("General Population / Civilian / Social",)),
)
"""CAMEO role suffix for ICEWS sectors, first match wins (any sector ending in "Ministry" counts as GOV)."""


def role_for_sectors(sectors: str | None) -> str:
    """The CAMEO role suffix for an ICEWS sector list (`"Military,Government"` -> `"MIL"`), or ``""``."""
    if not sectors or sectors in _MISSING:
        return ""
    items = {s.strip() for s in sectors.split(",")}
    for role, names in SECTOR_ROLES:
        if items.intersection(names):
            return role
        if role == "GOV" and any(s.endswith("Ministry") for s in items):
            return role
    return ""


def _check_header(path: Path) -> None:
    head = first_line(path).decode("utf-8", errors="replace").split("\t")
    got = tuple(h.strip().strip('"') for h in head)
    if got != COLUMNS:
        missing = [c for c in COLUMNS if c not in got]
        raise DataFormatError(
            f"not an ICEWS coded-event file: header has {len(got)} columns"
            + (f", missing {', '.join(missing[:4])}" if missing else " in another order"),
            path=path,
            line=1,
            hint="ICEWS files start with the header 'Event ID<TAB>Event Date<TAB>Source Name ...' (20 columns)",
        )


def _actor_table(con: Any) -> list[str]:
    """Resolve every distinct (country, name) pair once; returns the names that stayed unresolved."""
    from detente.actors import get_registry

    registry = get_registry()
    pairs = con.execute(
        'SELECT DISTINCT "Source Country", "Source Name" FROM _raw '
        'UNION SELECT DISTINCT "Target Country", "Target Name" FROM _raw'
    ).fetchall()
    countries: dict[str, str | None] = {}
    rows: dict[tuple[str | None, str | None], str | None] = {}
    unresolved: set[str] = set()
    for country, name in pairs:
        code = None
        if country and country.strip() not in _MISSING:
            if country not in countries:
                countries[country] = registry.resolve(country)
            code = countries[country]
        elif name and name.strip() not in _MISSING:
            code = registry.resolve(name)
        if code is None:
            unresolved.add(country if country and country.strip() not in _MISSING else (name or ""))
        rows[(country, name)] = code
    temp_table(con, "_icews_actor", {
        "country": ("VARCHAR", [k[0] for k in rows]),
        "name": ("VARCHAR", [k[1] for k in rows]),
        "code": ("VARCHAR", list(rows.values())),
        "by_name": ("BOOLEAN", [bool(v) and not (k[0] and k[0].strip() not in _MISSING) for k, v in rows.items()]),
    })
    sectors = [r[0] for r in con.execute(
        'SELECT DISTINCT "Source Sectors" FROM _raw UNION SELECT DISTINCT "Target Sectors" FROM _raw'
    ).fetchall()]
    temp_table(con, "_icews_role", {
        "sectors": ("VARCHAR", sectors),
        "role": ("VARCHAR", [role_for_sectors(s) for s in sectors]),
    })
    return sorted(u for u in unresolved if u)


def _side(alias: str) -> str:
    """SQL for one side's code: registry code + role suffix (none for codes resolved from a name)."""
    return (
        f"CASE WHEN {alias}a.code IS NULL THEN '{UNKNOWN_ACTOR}' "
        f"WHEN {alias}a.by_name THEN {alias}a.code "
        f"ELSE {alias}a.code || coalesce({alias}r.role, '') END"
    )


def _checked_sql(file: str) -> str:
    missing = ", ".join(sql_str(m) for m in _MISSING)

    def shown(col: str) -> str:
        return f"'{col}=\"' || coalesce(r.\"{col}\", '') || '\"'"

    def unresolved(side: str, alias: str) -> str:
        return (
            f"CASE WHEN {alias}a.code IS NULL AND nullif(r.\"{side} Country\", '') IS NOT NULL "
            f"AND r.\"{side} Country\" NOT IN ({missing}) "
            f"THEN '{side.lower()}_country=' || r.\"{side} Country\" END"
        )

    return f"""
    SELECT r.line,
      CASE
        WHEN r.date IS NULL OR year(r.date) NOT BETWEEN 1900 AND 2100 THEN '{BAD_DATE}: ' || {shown('Event Date')}
        WHEN cb.code IS NULL THEN '{UNKNOWN_CAMEO}: ' || {shown('CAMEO Code')}
        WHEN r.goldstein IS NULL THEN '{BAD_NUMBER}: ' || {shown('Intensity')}
        WHEN r.doc_id IS NULL THEN '{MISSING_FIELD}: Story ID'
      END AS reason,
      r.date, {_side('s')} AS source, {_side('t')} AS target,
      cb.code AS cameo, cb.root, cb.quad, r.goldstein, 'icews' AS dataset, r.doc_id, 'day' AS date_precision,
      cb.plover, nullif(r."Source Name", '') AS source_name, nullif(r."Target Name", '') AS target_name,
      try_cast(r."Sentence Number" AS BIGINT) AS sentence_index, nullif(trim(r."Event ID"), '') AS origin_id,
      {sql_str(file)} AS file, r.line AS "row",
      false AS negated,
      concat_ws('; ', 'icews_event_id=' || r."Event ID", 'event_text=' || nullif(r."Event Text", ''),
                'publisher=' || nullif(r."Publisher", ''), {unresolved('Source', 's')},
                {unresolved('Target', 't')}) AS note
    FROM (
      SELECT *, try_strptime("Event Date", '%Y-%m-%d')::DATE AS date,
             try_cast("Intensity" AS DOUBLE) AS goldstein, nullif(trim("Story ID"), '') AS doc_id
      FROM _raw
    ) r
    LEFT JOIN {CODEBOOK} cb ON cb.code = trim(r."CAMEO Code")
    LEFT JOIN _icews_actor sa ON sa.country IS NOT DISTINCT FROM r."Source Country"
                             AND sa.name IS NOT DISTINCT FROM r."Source Name"
    LEFT JOIN _icews_actor ta ON ta.country IS NOT DISTINCT FROM r."Target Country"
                             AND ta.name IS NOT DISTINCT FROM r."Target Name"
    LEFT JOIN _icews_role sr ON sr.sectors IS NOT DISTINCT FROM r."Source Sectors"
    LEFT JOIN _icews_role tr ON tr.sectors IS NOT DISTINCT FROM r."Target Sectors"
    """


def import_icews(
    con: Any, path: Path, *, file: str, progress: ProgressCallback | None = None, scan: Any = None,
    **options: Any,
) -> Staged:
    """Stage the events of one ICEWS coded-event file (see the module docstring)."""
    if options:
        raise DataFormatError(f"unknown option(s) for icews: {', '.join(options)}", path=path, hint="icews takes no options")
    create_codebook(con)
    with plain_file(path) as plain:
        _check_header(plain)
        read = read_delimited(
            con, plain, COLUMNS, keep=KEEP, header=True, progress=progress,
            line_count=(lambda: scan.result().lines) if scan is not None and plain == path else None,
        )
        stage_quarantine(con, [(line, reject_reason(kind, found, 20), raw) for line, kind, found, raw in read.rejects])
        unresolved = _actor_table(con)
        stage_checked(con, _checked_sql(file), raw_from=plain)
    notes = []
    if unresolved:
        shown = ", ".join(unresolved[:8]) + (" ..." if len(unresolved) > 8 else "")
        notes.append(f"{len(unresolved)} actor countries/names not in the registry, coded '{UNKNOWN_ACTOR}': {shown}")
    if read.blank:
        notes.append(f"{read.blank} blank lines skipped")
    return Staged(dataset="icews", read=read.rows + len(read.rejects), notes=notes)

