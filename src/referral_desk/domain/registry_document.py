"""A partner registry as read from its file: the validated document and what the app uses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from referral_desk.domain.partners import OPGROEIEN_DPO, Mailbox, Partner, PartnerRegistry
from referral_desk.domain.protocol_terms import with_standard_terms

# Version 2 holds each protocol's terms; version 1 files read as the Opgroeien standard.
REGISTRY_SCHEMA_VERSION = 2


def read_as_current(data: Any) -> Any:
    """Raw registry data as the current schema reads it: a schema version 1 file's
    protocols get the Opgroeien standard terms, so a registry from before the terms means
    what it meant then. Anything else is returned as it is, for validation to judge."""
    if not isinstance(data, dict) or data.get("schema_version") != 1:
        return data
    partners = data.get("partners")
    if not isinstance(partners, list):
        return data
    upgraded = []
    for partner in partners:
        if isinstance(partner, dict) and isinstance(partner.get("protocol"), dict):
            partner = {**partner, "protocol": with_standard_terms(partner["protocol"])}
        upgraded.append(partner)
    return {**data, "partners": upgraded}


class RegistryDocument(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_version: Literal[1, 2]
    registry_version: str = Field(min_length=1)
    registry_date: date
    changed_by: str = Field(min_length=1)
    # Opgroeien's DPO for breaches (art. 9); files from before the field load with it.
    dpo_contact: Mailbox = OPGROEIEN_DPO
    partners: tuple[Partner, ...] = Field(min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _version_1_terms(cls, data: Any) -> Any:
        return read_as_current(data)


@dataclass(frozen=True)
class LoadedRegistry:
    registry: PartnerRegistry
    document: RegistryDocument
    source: Path
