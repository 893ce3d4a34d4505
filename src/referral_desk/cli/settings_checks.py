"""The self-test's look at the two settings files: IT's ``config.toml`` and the user's
``settings.json``, each read strictly and without changing it.

Each finding is (ok, Dutch detail, one line per problem), which ``cli.selftest`` reports as
its ``machine_config`` and ``settings`` checks.
"""

from __future__ import annotations

from referral_desk.storage.machine_config import read_machine_config
from referral_desk.storage.paths import AppPaths
from referral_desk.storage.settings import SettingsError, SettingsStore

Finding = tuple[bool, str]


def machine_config_finding(paths: AppPaths) -> Finding:
    """Every unknown or misplaced key and wrong type in ``config.toml``, with its line. Such a
    file is not used: the registry check says which registry is used instead."""
    file = paths.machine_config_file
    reading = read_machine_config(file)
    if reading.problems:
        lines = [f"{file} wordt niet gebruikt tot het verbeterd is:"]
        lines += [f"- {problem.dutch}" for problem in reading.problems]
        return False, "\n".join(lines)
    if not reading.present:
        return True, f"{file}: er is geen; geen bronmap ingesteld"
    source = reading.registry_source
    said = f"registry_source = {source}" if source is not None else "geen bronmap ingesteld"
    return True, f"{file}: in orde, {said}"


def settings_finding(paths: AppPaths) -> Finding:
    """A key this version does not know or a value of the wrong type in the user's settings,
    with its line; a file that is no JSON object at all is said to be set aside at start."""
    file = paths.settings_file
    try:
        reading = SettingsStore(file).read()
    except SettingsError as error:
        return False, error.message
    if reading.broken:
        return False, f"{file} is beschadigd: referral-desk zet het bij de start opzij"
    if reading.problems:
        lines = [f"{file}: niet alles kan gebruikt worden (de rest geldt):"]
        lines += [f"- {problem.dutch}" for problem in reading.problems]
        lines.append(
            f"het bestand wordt ongewijzigd bewaard als {reading.kept} voor het opnieuw "
            "geschreven wordt"
        )
        return False, "\n".join(lines)
    if not file.exists():
        return True, f"{file}: er is er nog geen (de standaardwaarden gelden)"
    return True, f"{file}: in orde"
