"""When a changed partner registry may be written as a new version.

Valid as a whole, a complete header, and a new version whenever anything changed: a
version number is how teams and OCMWs tell which list of mailboxes someone used, so two
different registries may never share one. The registry editor and
``registry import --output`` both ask here, so neither writes what the other would refuse.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from referral_desk.domain.errors import UserFacingError
from referral_desk.domain.postcodes import PostcodeTable
from referral_desk.domain.registry_document import RegistryDocument
from referral_desk.domain.registry_problems import RegistryError, RegistryProblem
from referral_desk.registry.diff import diff_registries, render_diff
from referral_desk.registry.editing import EditableRegistry
from referral_desk.registry.form_input import HeaderInput
from referral_desk.registry.parsing import load_registry_text

NEEDS_NEW_VERSION = "Het partnerregister is gewijzigd: geef het een nieuwe versie (nu {0})."
NOT_VALID_YET = "Het partnerregister kan pas bewaard worden als alles in orde is:\n{0}"
REPAIRED = "Het geopende partnerregister was ongeldig; dit is de herstelde versie."


@dataclass(frozen=True)
class RegistryBase:
    """The registry as it was opened: what "changed" and "a new version" are measured by."""

    text: str
    document: RegistryDocument | None  # None: the opened text was not a valid registry

    @classmethod
    def of(cls, text: str, table: PostcodeTable, *, file: str) -> RegistryBase:
        try:
            return cls(text, load_registry_text(text, table, file=file))
        except RegistryError:
            return cls(text, None)

    @property
    def version(self) -> str | None:
        """None for a broken base: a repaired file has no trustworthy version to compare to."""
        return self.document.registry_version if self.document is not None else None

    def is_changed(self, editable: EditableRegistry) -> bool:
        """Compared as text: editing rewrites only values that differ, so the same text
        means nothing was changed, and any other text is a different registry."""
        return editable.to_text() != self.text


def header_problems(
    header: HeaderInput, base: RegistryBase, editable: EditableRegistry
) -> dict[str, str]:
    """The header's problems by field (``version``, ``date``, ``changed_by``), including
    that a changed registry needs a version other than the one it was opened with."""
    problems = header.problems()
    version = header.version.strip()
    if (
        "version" not in problems
        and base.version is not None
        and version == base.version
        and base.is_changed(editable)
    ):
        problems["version"] = NEEDS_NEW_VERSION.format(base.version)
    return problems


class NewVersionRefused(UserFacingError):
    """Why a registry may not be written yet: the file's own problems come first, since the
    header cannot make an invalid registry right."""

    def __init__(
        self,
        registry_problems: Sequence[RegistryProblem],
        header_problems: Mapping[str, str],
        document: RegistryDocument | None,
    ) -> None:
        if registry_problems:
            message = NOT_VALID_YET.format("\n".join(p.sentence for p in registry_problems))
        else:
            message = "\n".join(header_problems.values())
        super().__init__(message)
        self.registry_problems = tuple(registry_problems)
        self.header_problems = dict(header_problems)
        self.document = document


def check_new_version(
    editable: EditableRegistry, table: PostcodeTable, base: RegistryBase, header: HeaderInput
) -> RegistryDocument:
    """The document to write, or NewVersionRefused with every reason not to. *header* is
    what was typed; apply it first (:meth:`HeaderInput.apply_to`)."""
    try:
        document: RegistryDocument | None = editable.validate(table)
        registry_problems: tuple[RegistryProblem, ...] = ()
    except RegistryError as error:
        document, registry_problems = None, error.problems
    problems = header_problems(header, base, editable)
    if document is None or problems:
        raise NewVersionRefused(registry_problems, problems, document)
    return document


def describe_changes(
    base: RegistryBase, document: RegistryDocument, *, bold: tuple[str, str] = ("", "")
) -> str:
    """What the coordinator confirms before writing: the differences with the base, or
    that a broken base is being repaired (there is nothing trustworthy to compare with)."""
    if base.document is None:
        return REPAIRED
    return render_diff(diff_registries(base.document, document), bold=bold)
