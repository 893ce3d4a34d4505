"""A partner registry as read from its file: the validated document and what the app uses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from referral_desk.domain.partners import OPGROEIEN_DPO, Mailbox, Partner, PartnerRegistry

REGISTRY_SCHEMA_VERSION = 1


class RegistryDocument(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_version: Literal[1]
    registry_version: str = Field(min_length=1)
    registry_date: date
    changed_by: str = Field(min_length=1)
    # Opgroeien's DPO for breaches (art. 9); files from before the field load with it.
    dpo_contact: Mailbox = OPGROEIEN_DPO
    partners: tuple[Partner, ...] = Field(min_length=1)


@dataclass(frozen=True)
class LoadedRegistry:
    registry: PartnerRegistry
    document: RegistryDocument
    source: Path
