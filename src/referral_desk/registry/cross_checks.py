"""What a registry's partners must agree on: with the postcode table, with the law on who
may receive, and with each other (one id each, one partner per postcode and period)."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from datetime import date

from referral_desk.domain.partners import Partner, recipient_not_allowed, region_of
from referral_desk.domain.postcodes import PostcodeTable
from referral_desk.domain.registry_problems import RegistryProblem

# The line a location like ("partners", 2, "postcodes") is on in the file, if it can be told.
Locate = Callable[[Sequence[int | str]], int | None]


def cross_check(
    locate: Locate, partners: list[tuple[int, Partner]], table: PostcodeTable, file: str
) -> list[RegistryProblem]:
    """Every problem between *partners* (each valid on its own, with its index in the file)."""
    problems: list[RegistryProblem] = []
    for index, partner in partners:
        seen_nis = set(partner.municipalities)
        for nis in partner.municipalities:
            if table.municipality(nis) is None:
                problems.append(
                    RegistryProblem(
                        file,
                        locate(("partners", index, "municipalities")),
                        f"partners[{index + 1}].municipalities",
                        nis,
                        "onbekende NIS-code",
                        partner.name,
                    )
                )
        for postcode in partner.postcodes:
            owners = {m.nis_code for m in table.municipalities_for(postcode)}
            if not owners:
                expected = "onbekende postcode"
            elif not owners & seen_nis:
                expected = "postcode hoort niet bij een van de gemeenten van deze partner"
            else:
                continue
            problems.append(
                RegistryProblem(
                    file,
                    locate(("partners", index, "postcodes")),
                    f"partners[{index + 1}].postcodes",
                    postcode,
                    expected,
                    partner.name,
                )
            )
        problems += _recipient_problems(locate, index, partner, table, file)
    ids: dict[str, int] = {}
    for index, partner in partners:
        if partner.id in ids:
            problems.append(
                RegistryProblem(
                    file,
                    locate(("partners", index, "id")),
                    f"partners[{index + 1}].id",
                    partner.id,
                    f"id komt al voor bij partner {ids[partner.id] + 1}",
                    partner.name,
                )
            )
        ids.setdefault(partner.id, index)
    by_index = dict(partners)
    for index, earlier, shared in _overlaps(partners, table):
        problems.append(
            RegistryProblem(
                file,
                locate(("partners", index, "postcodes")),
                f"partners[{index + 1}].postcodes",
                ", ".join(shared),
                f"postcode wordt in dezelfde periode al bediend door {by_index[earlier].name} "
                f"(partner {earlier + 1}) voor dezelfde gemeente; beëindig eerst dat protocol",
                by_index[index].name,
            )
        )
    return problems


def _listed(values: Sequence[str], shown: int = 3) -> str:
    more = len(values) - shown
    return ", ".join(values[:shown]) + (f" en nog {more}" if more > 0 else "")


def _recipient_problems(
    locate: Locate, index: int, partner: Partner, table: PostcodeTable, file: str
) -> list[RegistryProblem]:
    """The law decides who may receive: per partner, one problem per reason it names."""
    refused: dict[str, list[str]] = {}
    for nis in partner.municipalities:
        municipality = table.municipality(nis)
        if municipality is None:
            continue  # reported as an unknown NIS code
        reason = recipient_not_allowed(partner.kind, municipality.region)
        if reason is not None:
            refused.setdefault(reason, []).append(f"{nis} {municipality.name_nl}")
    problems = [
        RegistryProblem(
            file,
            locate(("partners", index, "municipalities")),
            f"partners[{index + 1}].municipalities",
            _listed(names),
            reason,
            partner.name,
        )
        for reason, names in refused.items()
    ]
    region = region_of(partner.kind)
    if partner.region is not region:
        problems.append(
            RegistryProblem(
                file,
                locate(("partners", index, "region")),
                f"partners[{index + 1}].region",
                partner.region.value,
                f"een {partner.kind.value} hoort bij regio {region.value}",
                partner.name,
            )
        )
    return problems


_Period = tuple[date, date, int]  # in force from, ended on (date.max when open), index


class _Served:
    """The periods in which earlier partners serve one postcode of one municipality.

    Periods that overlap nothing are kept disjoint and sorted, so a new period is checked
    against them with one bisection; periods already reported as overlapping are checked one
    by one, which only costs time when a registry has many problems on one postcode.
    """

    def __init__(self) -> None:
        self.starts: list[date] = []
        self.clean: list[_Period] = []
        self.overlapping: list[_Period] = []

    def conflict(self, start: date, end: date) -> int | None:
        """The index of an earlier partner serving this postcode in [start, end), if any."""
        before = bisect.bisect_left(self.starts, end)
        if before and self.clean[before - 1][1] > start:
            return self.clean[before - 1][2]
        return next((i for s, e, i in self.overlapping if s < end and start < e), None)

    def add(self, period: _Period, *, overlaps: bool) -> None:
        if overlaps:
            self.overlapping.append(period)
        else:
            position = bisect.bisect_left(self.starts, period[0])
            self.starts.insert(position, period[0])
            self.clean.insert(position, period)


def _served_places(partner: Partner, table: PostcodeTable) -> list[tuple[str, str]]:
    """(postcode, NIS code) for what the lookup can send to *partner*: a postcode of one of
    its own municipalities. Vilvoorde and Zemst share 1804, each for itself."""
    own = set(partner.municipalities)
    return sorted(
        {
            (postcode, municipality.nis_code)
            for postcode in partner.postcodes
            for municipality in table.municipalities_for(postcode)
            if municipality.nis_code in own
        }
    )


def _overlaps(
    partners: list[tuple[int, Partner]], table: PostcodeTable
) -> list[tuple[int, int, list[str]]]:
    """(partner, an earlier partner, the postcodes both serve for one municipality in one
    period), in file order; one lookup per postcode and municipality, not a comparison of
    every pair of partners."""
    served: dict[tuple[str, str], _Served] = {}
    found: list[tuple[int, int, list[str]]] = []
    for index, partner in partners:
        start = partner.protocol.in_force_from
        end = partner.protocol.ended_on or date.max
        shared: dict[int, list[str]] = {}
        for place in _served_places(partner, table):
            periods = served.setdefault(place, _Served())
            earlier = periods.conflict(start, end)
            if earlier is not None:
                codes = shared.setdefault(earlier, [])
                if place[0] not in codes:
                    codes.append(place[0])
            periods.add((start, end, index), overlaps=earlier is not None)
        found += [(index, earlier, codes) for earlier, codes in sorted(shared.items())]
    return found
