# ruff: noqa: E501
"""The core's message templates as literals for lupdate: generated, do not edit.

Made by scripts/update_translations.py from the templates the Qt-free core registers
(domain.errors.MessageTemplate); ui/core_messages.py words them. Never imported.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

CORE_MESSAGE_TEXTS = (
    QT_TRANSLATE_NOOP("CoreMessage", "Nog {hours} uur en {minutes} minuten om het gegevenslek aan de toezichthouder te melden (72 uur na de ontdekking, tot {until})."),  # breach.deadline.left
    QT_TRANSLATE_NOOP("CoreMessage", "De 72 uur na de ontdekking zijn voorbij sinds {until}: meld het gegevenslek meteen en zeg waarom het later is (AVG art. 33, lid 1)."),  # breach.deadline.overdue
    QT_TRANSLATE_NOOP("CoreMessage", "Het moment van ontdekking ligt vóór de doorverwijzing ({created})."),  # breach.discovered.before_referral
    QT_TRANSLATE_NOOP("CoreMessage", "Het moment van ontdekking ligt in de toekomst."),  # breach.discovered.future
    QT_TRANSLATE_NOOP("CoreMessage", "{problem}; {more}"),  # config.and_more
    QT_TRANSLATE_NOOP("CoreMessage", "{file}, regel {line}"),  # config.at_line
    QT_TRANSLATE_NOOP("CoreMessage", "een tabel"),  # config.expected_table
    QT_TRANSLATE_NOOP("CoreMessage", "tekst tussen aanhalingstekens"),  # config.expected_text
    QT_TRANSLATE_NOOP("CoreMessage", "{where}: '{key}' hoort onder [{table}]"),  # config.misplaced
    QT_TRANSLATE_NOOP("CoreMessage", "{problems} ({file} wordt niet gebruikt tot de IT-dienst het verbetert)"),  # config.not_used
    QT_TRANSLATE_NOOP("CoreMessage", "{where}: '{key}' is ongeldig ({error})"),  # config.not_valid
    QT_TRANSLATE_NOOP("CoreMessage", "{where}: onbekende sleutel '{key}'"),  # config.unknown_key
    QT_TRANSLATE_NOOP("CoreMessage", "{where}: '{key}' moet {expected} zijn"),  # config.wrong_type
    QT_TRANSLATE_NOOP("CoreMessage", "Het verwijderverzoek aan {partner} voor {original} (correctie {correction}) is nog niet als verstuurd genoteerd. Toch doorgaan?"),  # correction.deletion_pending
    QT_TRANSLATE_NOOP("CoreMessage", "De gecorrigeerde gegevens gaan naar {partner}, niet naar {first} die de eerste doorverwijzing kreeg. Vraag {first} de gegevens van {original} te verwijderen: na het maken staat daarvoor een knop klaar."),  # correction.goes_elsewhere
    QT_TRANSLATE_NOOP("CoreMessage", "Of de correctie naar een andere partner gaat, kan niet nagekeken worden: {reason}"),  # correction.original_unchecked
    QT_TRANSLATE_NOOP("CoreMessage", "De correctie {correction} ging naar {partner}, niet naar {first} die de eerste doorverwijzing kreeg. Vraag {first} de gegevens van {original} te verwijderen."),  # correction.went_elsewhere
    QT_TRANSLATE_NOOP("CoreMessage", "{reason}."),  # correction.with_period
    QT_TRANSLATE_NOOP("CoreMessage", "De klok van deze computer staat verkeerd: ze staat vóór de laatste doorverwijzing ({date}). Laat de datum en tijd nakijken door de IT-dienst; er is niets gemaakt of verstuurd. Uw invoer blijft staan."),  # creation.clock_before_newest
    QT_TRANSLATE_NOOP("CoreMessage", "De doorverwijzing past niet op één pagina: de naam of de protocolreferentie van {partner} in het partnerregister is te lang. Meld dit aan uw coördinator; er is niets bewaard of verstuurd."),  # creation.document_too_long
    QT_TRANSLATE_NOOP("CoreMessage", "De doorverwijzing kan niet in het logboek genoteerd worden zoals ze is. Zet 'Initialen en postcode bewaren' uit in Instellingen, of meld dit aan de helpdesk; er is niets bewaard of verstuurd."),  # creation.entry_not_loggable
    QT_TRANSLATE_NOOP("CoreMessage", "Het partnerregister geeft voor {partner} ({municipality}) een ander adres dan de vorige keer ({previous} → {current}); bevestig dat eerst."),  # creation.mailbox_change_not_confirmed
    QT_TRANSLATE_NOOP("CoreMessage", "Er kan niet nagekeken worden naar welk adres de vorige doorverwijzing voor {municipality} ging: {reason} Er is niets gemaakt of verstuurd; uw invoer blijft staan."),  # creation.mailbox_memory_unreadable
    QT_TRANSLATE_NOOP("CoreMessage", "Het adres van {partner} in het partnerregister kan niet in een e-mailconcept. Meld dit aan uw coördinator; er is niets bewaard of verstuurd."),  # creation.mailbox_not_for_draft
    QT_TRANSLATE_NOOP("CoreMessage", "Met {partner} is een vast wachtwoord afgesproken, maar het staat niet in de sleutelbos. Stel het in via Bestand → Instellingen → Logboek en wachtwoorden. Uw invoer blijft staan."),  # creation.preshared_missing
    QT_TRANSLATE_NOOP("CoreMessage", "Met {partner} is een vast wachtwoord afgesproken, maar er is geen sleutelbos om het uit te lezen. Uw invoer blijft staan."),  # creation.preshared_no_keyring
    QT_TRANSLATE_NOOP("CoreMessage", "Een afgesproken wachtwoord moet even sterk zijn als een eenmalig: minstens {letters} tekens met letters, of {mixed} met kleine letters, hoofdletters én cijfers; elk teken telt hoogstens twee keer mee."),  # creation.preshared_rule
    QT_TRANSLATE_NOOP("CoreMessage", "Het afgesproken wachtwoord voor {partner} in de sleutelbos is te zwak. {rule} Spreek een sterker af en stel het in via Bestand → Instellingen → Logboek en wachtwoorden. Uw invoer blijft staan."),  # creation.preshared_too_weak
    QT_TRANSLATE_NOOP("CoreMessage", "Het afgesproken wachtwoord voor {partner} kan niet gelezen worden: {reason}. Uw invoer blijft staan."),  # creation.preshared_unreadable
    QT_TRANSLATE_NOOP("CoreMessage", "Het logboek van doorverwijzingen is bezet door een ander venster van referral-desk. Er is niets gemaakt of verstuurd; probeer het over enkele seconden opnieuw. Uw invoer blijft staan."),  # creation.referral_log_busy
    QT_TRANSLATE_NOOP("CoreMessage", "{reason} Er is niets gemaakt of verstuurd; uw invoer blijft staan."),  # creation.referral_log_refuses
    QT_TRANSLATE_NOOP("CoreMessage", "verwacht een datum als 2024-02-01 of 1/02/2024"),  # csv.date
    QT_TRANSLATE_NOOP("CoreMessage", "id staat al in rij {row}"),  # csv.duplicate_id
    QT_TRANSLATE_NOOP("CoreMessage", "verplichte kolom ontbreekt"),  # csv.missing_column
    QT_TRANSLATE_NOOP("CoreMessage", "geen enkele partner in het bestand"),  # csv.no_partner
    QT_TRANSLATE_NOOP("CoreMessage", "geen geldige CSV: {error}"),  # csv.not_csv
    QT_TRANSLATE_NOOP("CoreMessage", "geen tekstbestand; bewaar in Excel als CSV"),  # csv.not_text
    QT_TRANSLATE_NOOP("CoreMessage", "verplicht veld is leeg"),  # csv.required_empty
    QT_TRANSLATE_NOOP("CoreMessage", "te groot voor een partnerlijst (max. 1 MB)"),  # csv.too_large
    QT_TRANSLATE_NOOP("CoreMessage", "{cells} cellen, maar {columns} kolommen"),  # csv.too_many_cells
    QT_TRANSLATE_NOOP("CoreMessage", "onbekende kolom (tikfout?)"),  # csv.unknown_column
    QT_TRANSLATE_NOOP("CoreMessage", "heeft niet de verwachte vorm"),  # csv.wrong_form
    QT_TRANSLATE_NOOP("CoreMessage", "ja of nee"),  # csv.yes_or_no
    QT_TRANSLATE_NOOP("CoreMessage", "nog {days} dagen (tot {date})"),  # discard.days_left
    QT_TRANSLATE_NOOP("CoreMessage", "Het formulier is ingevuld. De gegevens en de toestemming gaan verloren. {go_on}"),  # discard.form_filled
    QT_TRANSLATE_NOOP("CoreMessage", "Toch afsluiten?"),  # discard.go_on_closing
    QT_TRANSLATE_NOOP("CoreMessage", "Toch een nieuwe doorverwijzing beginnen?"),  # discard.go_on_new
    QT_TRANSLATE_NOOP("CoreMessage", "later"),  # discard.later
    QT_TRANSLATE_NOOP("CoreMessage", "nog {days} dag (tot {date})"),  # discard.one_day_left
    QT_TRANSLATE_NOOP("CoreMessage", "Het wachtwoord is nog niet als doorgegeven genoteerd. Het gaat niet verloren: het blijft in de sleutelbos en u kunt het {when} opnieuw tonen via Doorverwijzingen → Verzonden doorverwijzingen. {go_on}"),  # discard.password_kept
    QT_TRANSLATE_NOOP("CoreMessage", "Het wachtwoord is nog niet als doorgegeven genoteerd en kan later niet opnieuw getoond worden: zonder dit wachtwoord kan de partner het archief niet openen. {go_on}"),  # discard.password_lost
    QT_TRANSLATE_NOOP("CoreMessage", "tot {date}"),  # discard.until
    QT_TRANSLATE_NOOP("CoreMessage", "Dit is geen geldig e-mailadres (bv. naam@voorbeeld.be)."),  # email.invalid
    QT_TRANSLATE_NOOP("CoreMessage", "Een e-mailadres met letters buiten het gewone alfabet vóór de @ kan niet in een e-mailconcept; gebruik het gewone adres."),  # email.not_sendable
    QT_TRANSLATE_NOOP("CoreMessage", "Een e-mailadres bevat geen spaties."),  # email.space
    QT_TRANSLATE_NOOP("CoreMessage", "Bus: maximaal {maximum} letters of cijfers (bv. 3, 0.1, B)."),  # field.box_shape
    QT_TRANSLATE_NOOP("CoreMessage", "Bevat een onzichtbaar of stuurteken (bv. een zero-width spatie). Typ de waarde opnieuw in plaats van ze te plakken."),  # field.control_character
    QT_TRANSLATE_NOOP("CoreMessage", "{label} is leeg."),  # field.empty
    QT_TRANSLATE_NOOP("CoreMessage", "Huisnummer: cijfers, eventueel gevolgd door letters (bv. 12, 12A, 12-14)."),  # field.house_number_shape
    QT_TRANSLATE_NOOP("CoreMessage", "Ongeldige invoer."),  # field.invalid_input
    QT_TRANSLATE_NOOP("CoreMessage", "Bevat een tab of regeleinde midden in de tekst; één regel graag."),  # field.line_break
    QT_TRANSLATE_NOOP("CoreMessage", "Begint met een los accentteken; typ de letter met haar accent."),  # field.loose_accent
    QT_TRANSLATE_NOOP("CoreMessage", "{label} mag alleen letters, spaties, koppeltekens en apostrofs bevatten (niet: “{char}”)."),  # field.name_character
    QT_TRANSLATE_NOOP("CoreMessage", "{label} moet met een letter beginnen."),  # field.name_start
    QT_TRANSLATE_NOOP("CoreMessage", "Postcode: vier cijfers, bv. 3970."),  # field.postcode_shape
    QT_TRANSLATE_NOOP("CoreMessage", "{label} is verplicht."),  # field.required
    QT_TRANSLATE_NOOP("CoreMessage", "Straat bevat een teken dat niet in een adres hoort: “{char}”."),  # field.street_character
    QT_TRANSLATE_NOOP("CoreMessage", "Straat moet een straatnaam bevatten, geen nummer alleen."),  # field.street_number_only
    QT_TRANSLATE_NOOP("CoreMessage", "{label} is te lang (maximaal {maximum} tekens)."),  # field.too_long
    QT_TRANSLATE_NOOP("CoreMessage", "Bevat een letter met meer dan {maximum} accenttekens; typ de waarde opnieuw in plaats van ze te plakken."),  # field.too_many_accents
    QT_TRANSLATE_NOOP("CoreMessage", "Het archief van {referral_id} kon niet uit de outbox {folder} verwijderd worden (in gebruik of alleen-lezen?). Sluit het e-mailprogramma en probeer opnieuw; de doorverwijzing is niet geannuleerd."),  # follow_up.archive_not_removed
    QT_TRANSLATE_NOOP("CoreMessage", "Het archief is verwijderd, maar de annulering is niet genoteerd: {reason} Probeer opnieuw te annuleren."),  # follow_up.cancelled_not_recorded
    QT_TRANSLATE_NOOP("CoreMessage", "De annulering is niet genoteerd: {reason} Er is niets gewijzigd."),  # follow_up.cancelling_not_recorded
    QT_TRANSLATE_NOOP("CoreMessage", "{referral_id} is nooit als verstuurd genoteerd: annuleer de doorverwijzing in plaats van de toestemming in te trekken."),  # follow_up.never_sent
    QT_TRANSLATE_NOOP("CoreMessage", "Er is geen sleutelbos; wachtwoorden kunnen niet opnieuw getoond worden."),  # follow_up.no_keyring
    QT_TRANSLATE_NOOP("CoreMessage", "{referral_id} kan niet geannuleerd worden: alleen een concept dat nooit verstuurd werd."),  # follow_up.not_cancellable
    QT_TRANSLATE_NOOP("CoreMessage", "{referral_id} kan niet ingetrokken worden: de status is niet verstuurd."),  # follow_up.not_withdrawable
    QT_TRANSLATE_NOOP("CoreMessage", "Geannuleerd (nooit verstuurd): het wachtwoord is gewist."),  # follow_up.recall_cancelled
    QT_TRANSLATE_NOOP("CoreMessage", "Het wachtwoord van {referral_id} is niet meer bewaard (bewaartermijn voorbij, of een vooraf afgesproken wachtwoord). Maak zo nodig een correctie met een nieuw wachtwoord."),  # follow_up.recall_gone
    QT_TRANSLATE_NOOP("CoreMessage", "Het wachtwoord kan niet getoond worden: {reason}."),  # follow_up.recall_unavailable
    QT_TRANSLATE_NOOP("CoreMessage", "Toestemming ingetrokken: het wachtwoord is gewist."),  # follow_up.recall_withdrawn
    QT_TRANSLATE_NOOP("CoreMessage", "Het logboek is niet beschikbaar."),  # follow_up.referral_log_missing
    QT_TRANSLATE_NOOP("CoreMessage", "Onbekende manier om het wachtwoord door te geven."),  # follow_up.unknown_channel
    QT_TRANSLATE_NOOP("CoreMessage", "De intrekking is niet genoteerd: {reason} Er is niets gewijzigd."),  # follow_up.withdrawal_not_recorded
    QT_TRANSLATE_NOOP("CoreMessage", "Geef minstens een telefoonnummer of een e-mailadres op."),  # form.reachable
    QT_TRANSLATE_NOOP("CoreMessage", "Onbekende velden: {names}"),  # form.unknown_fields
    QT_TRANSLATE_NOOP("CoreMessage", "de sleutelbos weigert het wachtwoord te verwijderen (geen toegang)"),  # keyring.delete_refused
    QT_TRANSLATE_NOOP("CoreMessage", "de sleutelbos kan niet gestart worden"),  # keyring.init
    QT_TRANSLATE_NOOP("CoreMessage", "de sleutelbos is vergrendeld; ontgrendel hem (meld u opnieuw aan) en probeer opnieuw"),  # keyring.locked
    QT_TRANSLATE_NOOP("CoreMessage", "de sleutelbos weigert de toegang"),  # keyring.no_access
    QT_TRANSLATE_NOOP("CoreMessage", "er is geen sleutelbos (Windows Referentiebeheer of Secret Service) beschikbaar"),  # keyring.none
    QT_TRANSLATE_NOOP("CoreMessage", "de sleutelbos weigert ({kind})"),  # keyring.refuses
    QT_TRANSLATE_NOOP("CoreMessage", "de sleutelbos weigert het wachtwoord te bewaren (geen toegang)"),  # keyring.set_refused
    QT_TRANSLATE_NOOP("CoreMessage", "de sleutelbos antwoordt niet ({kind})"),  # keyring.silent
    QT_TRANSLATE_NOOP("CoreMessage", "Bus"),  # label.box
    QT_TRANSLATE_NOOP("CoreMessage", "E-mailadres"),  # label.email
    QT_TRANSLATE_NOOP("CoreMessage", "Voornaam"),  # label.first_name
    QT_TRANSLATE_NOOP("CoreMessage", "Huisnummer"),  # label.house_number
    QT_TRANSLATE_NOOP("CoreMessage", "Achternaam"),  # label.last_name
    QT_TRANSLATE_NOOP("CoreMessage", "Gemeente"),  # label.municipality
    QT_TRANSLATE_NOOP("CoreMessage", "Naam"),  # label.name
    QT_TRANSLATE_NOOP("CoreMessage", "Telefoonnummer"),  # label.phone
    QT_TRANSLATE_NOOP("CoreMessage", "Postcode"),  # label.postcode
    QT_TRANSLATE_NOOP("CoreMessage", "Straat"),  # label.street
    QT_TRANSLATE_NOOP("CoreMessage", "Lokaal team"),  # label.team
    QT_TRANSLATE_NOOP("CoreMessage", "een verwijderverzoek"),  # log.row.deletion
    QT_TRANSLATE_NOOP("CoreMessage", "een gemeld gegevenslek"),  # log.row.incident
    QT_TRANSLATE_NOOP("CoreMessage", "een opnieuw getoond wachtwoord"),  # log.row.recall
    QT_TRANSLATE_NOOP("CoreMessage", "de doorverwijzing"),  # log.row.referral
    QT_TRANSLATE_NOOP("CoreMessage", "een statuswijziging"),  # log.row.status
    QT_TRANSLATE_NOOP("CoreMessage", "{row} van {referral_id} is buiten referral-desk toegevoegd"),  # log.tampered.added
    QT_TRANSLATE_NOOP("CoreMessage", "{row} van {referral_id} is buiten referral-desk gewijzigd"),  # log.tampered.changed
    QT_TRANSLATE_NOOP("CoreMessage", "{row} van {referral_id} is buiten referral-desk verwijderd"),  # log.tampered.deleted
    QT_TRANSLATE_NOOP("CoreMessage", "het dagboek van het logboek is buiten referral-desk gewijzigd vanaf regel {entry}"),  # log.tampered.journal
    QT_TRANSLATE_NOOP("CoreMessage", "Het logboek van doorverwijzingen is buiten referral-desk aangepast ({count} keer), onder meer: {first}. Meld dit aan de coördinator en de DPO."),  # log.tampered.summary
    QT_TRANSLATE_NOOP("CoreMessage", "{what}: geen minisign-bestand (onleesbare base64-regel)."),  # minisign.bad_base64
    QT_TRANSLATE_NOOP("CoreMessage", "geheime sleutel: ongeldige scrypt-parameters."),  # minisign.bad_scrypt
    QT_TRANSLATE_NOOP("CoreMessage", "de handtekening van sleutel {key} klopt niet: het bestand is gewijzigd na het ondertekenen."),  # minisign.changed_after_signing
    QT_TRANSLATE_NOOP("CoreMessage", "de vertrouwde opmerking van de handtekening van {key} is gewijzigd."),  # minisign.comment_changed
    QT_TRANSLATE_NOOP("CoreMessage", "De vertrouwde opmerking past niet op één regel."),  # minisign.comment_lines
    QT_TRANSLATE_NOOP("CoreMessage", "geheime sleutel: beschadigd (de twee helften horen niet samen)."),  # minisign.damaged
    QT_TRANSLATE_NOOP("CoreMessage", "{what}: het bestand is leeg."),  # minisign.empty
    QT_TRANSLATE_NOOP("CoreMessage", "{what}: geen minisign-handtekening (vier regels verwacht)."),  # minisign.not_a_signature
    QT_TRANSLATE_NOOP("CoreMessage", "{what}: geen Ed25519-sleutel van minisign."),  # minisign.not_ed25519
    QT_TRANSLATE_NOOP("CoreMessage", "ondertekend met sleutel {signed_by}, niet met {key}."),  # minisign.other_key
    QT_TRANSLATE_NOOP("CoreMessage", "{what}: onbekend algoritme."),  # minisign.unknown_algorithm
    QT_TRANSLATE_NOOP("CoreMessage", "publieke sleutel"),  # minisign.what.public_key
    QT_TRANSLATE_NOOP("CoreMessage", "geheime sleutel"),  # minisign.what.secret_key
    QT_TRANSLATE_NOOP("CoreMessage", "handtekening"),  # minisign.what.signature
    QT_TRANSLATE_NOOP("CoreMessage", "Verkeerd wachtwoord voor de geheime sleutel."),  # minisign.wrong_password
    QT_TRANSLATE_NOOP("CoreMessage", "Correctie na de melding van onjuiste gegevens (art. 7)"),  # open_actions.correction_owed
    QT_TRANSLATE_NOOP("CoreMessage", "Open acties: {count}"),  # open_actions.count_open
    QT_TRANSLATE_NOOP("CoreMessage", "Verwijderverzoek: de correctie {correction} ging naar een andere partner"),  # open_actions.deletion_after_correction
    QT_TRANSLATE_NOOP("CoreMessage", "Schriftelijk verwijderverzoek na de telefonische intrekking"),  # open_actions.deletion_after_withdrawal
    QT_TRANSLATE_NOOP("CoreMessage", "Concept gemaakt maar niet als verstuurd genoteerd"),  # open_actions.draft_not_sent
    QT_TRANSLATE_NOOP("CoreMessage", "Geen ontvangstbevestiging van de partner na {days} werkdagen"),  # open_actions.no_acknowledgement
    QT_TRANSLATE_NOOP("CoreMessage", "Voor {referral_id} staat deze actie niet meer open; de lijst is bijgewerkt."),  # open_actions.no_longer_open
    QT_TRANSLATE_NOOP("CoreMessage", "Niet genoteerd: {reason} Er is niets gewijzigd."),  # open_actions.not_settled
    QT_TRANSLATE_NOOP("CoreMessage", "Er staat niets meer open."),  # open_actions.nothing_open
    QT_TRANSLATE_NOOP("CoreMessage", "Wachtwoord nog niet doorgegeven aan de partner"),  # open_actions.password_not_told
    QT_TRANSLATE_NOOP("CoreMessage", "Noteren dat de correctie verstuurd is"),  # open_actions.step.correction
    QT_TRANSLATE_NOOP("CoreMessage", "Noteren dat het verwijderverzoek verstuurd is"),  # open_actions.step.deletion
    QT_TRANSLATE_NOOP("CoreMessage", "Noteren als verstuurd"),  # open_actions.step.mark_sent
    QT_TRANSLATE_NOOP("CoreMessage", "Noteren hoe het wachtwoord doorgegeven is"),  # open_actions.step.password
    QT_TRANSLATE_NOOP("CoreMessage", "Ontvangstbevestiging noteren"),  # open_actions.step.receipt
    QT_TRANSLATE_NOOP("CoreMessage", "Het versleutelde archief kon niet bewaard worden in {folder} ({reason}). Controleer of de schijf vol of alleen-lezen is en probeer opnieuw; uw invoer blijft staan."),  # outbox.archive_not_saved
    QT_TRANSLATE_NOOP("CoreMessage", "De outbox-map {folder} is een snelkoppeling (symbolische link) naar een andere plaats; referral-desk schrijft daar niet doorheen en heeft niets bewaard. Verwijder de snelkoppeling (referral-desk maakt dan zelf een gewone map) of vraag de IT-dienst om hulp."),  # outbox.folder_is_a_link
    QT_TRANSLATE_NOOP("CoreMessage", "De outbox {folder} is geen gewone map (een snelkoppeling?); er is niets verwijderd."),  # outbox.not_a_plain_folder
    QT_TRANSLATE_NOOP("CoreMessage", "De outbox {folder} kan niet gelezen worden ({reason})."),  # outbox.not_readable
    QT_TRANSLATE_NOOP("CoreMessage", "De outbox {folder} is niet beschrijfbaar ({reason}); er is niets gewijzigd."),  # outbox.not_writable
    QT_TRANSLATE_NOOP("CoreMessage", "geen geldig e-mailadres: {detail}"),  # partner.mailbox_invalid
    QT_TRANSLATE_NOOP("CoreMessage", "Er is geen protocol met het CAW voor {municipality}."),  # partner.no_protocol_with_caw
    QT_TRANSLATE_NOOP("CoreMessage", "Er is geen protocol met het OCMW van {municipality}."),  # partner.no_protocol_with_ocmw
    QT_TRANSLATE_NOOP("CoreMessage", "{municipality} ligt in Wallonië of de Duitstalige Gemeenschap: het decreet (art. 10/1) laat daar geen doorverwijzing toe."),  # partner.no_referral_in_wallonia
    QT_TRANSLATE_NOOP("CoreMessage", "geen geldig telefoonnummer: {value}"),  # partner.phone_invalid
    QT_TRANSLATE_NOOP("CoreMessage", "ended_on ({ended_on}) moet na in_force_from ({in_force_from}) liggen"),  # partner.protocol_ends_before_start
    QT_TRANSLATE_NOOP("CoreMessage", "Brusselse gemeente: daar is het {allowed} de partner, niet een {kind} (art. 10/1)"),  # partner.recipient.brussels
    QT_TRANSLATE_NOOP("CoreMessage", "Vlaamse gemeente: daar is het {allowed} de partner, niet een {kind} (art. 10/1)"),  # partner.recipient.flanders
    QT_TRANSLATE_NOOP("CoreMessage", "gemeente in Wallonië of de Duitstalige Gemeenschap: het decreet (art. 10/1) laat daar geen doorverwijzing toe"),  # partner.recipient.wallonia
    QT_TRANSLATE_NOOP("CoreMessage", "De datum {day} ligt na vandaag; kies een andere."),  # partner_reports.day_in_future
    QT_TRANSLATE_NOOP("CoreMessage", "Kies welke soort gegevens de partner onjuist noemt (voornaam, achternaam, adres, telefoon of e-mail)."),  # partner_reports.no_field_kinds
    QT_TRANSLATE_NOOP("CoreMessage", "Telefoonnummer: alleen cijfers, spaties en + ( ) - . / (bv. 0470 12 34 56)."),  # phone.characters
    QT_TRANSLATE_NOOP("CoreMessage", "Een toestelnummer (ext., #) kan niet mee; geef het rechtstreekse nummer op."),  # phone.extension
    QT_TRANSLATE_NOOP("CoreMessage", "Dit telefoonnummer is te kort (gsm: 04xx xx xx xx, vast: 02 xxx xx xx of 050 xx xx xx)."),  # phone.far_too_short
    QT_TRANSLATE_NOOP("CoreMessage", "Dit telefoonnummer bestaat niet. Controleer de landcode en het aantal cijfers."),  # phone.foreign_unknown
    QT_TRANSLATE_NOOP("CoreMessage", "Dit telefoonnummer is te lang: een gsm-nummer heeft {expected} cijfers ({shape}), dit nummer {count}."),  # phone.mobile_too_long
    QT_TRANSLATE_NOOP("CoreMessage", "Dit telefoonnummer is te kort: een gsm-nummer heeft {expected} cijfers ({shape}), dit nummer {count}."),  # phone.mobile_too_short
    QT_TRANSLATE_NOOP("CoreMessage", "Dit telefoonnummer bestaat niet: het aantal cijfers klopt, maar geen nummer begint zo. Controleer de cijfers na {prefix}."),  # phone.no_such_number
    QT_TRANSLATE_NOOP("CoreMessage", "Dit is geen geldig telefoonnummer. Gebruik bv. 0470 12 34 56 of +32 470 12 34 56."),  # phone.unreadable
    QT_TRANSLATE_NOOP("CoreMessage", "Dit telefoonnummer is te lang: een nummer dat met {prefix} begint heeft {expected} cijfers ({shape}), dit nummer {count}."),  # phone.zone_too_long
    QT_TRANSLATE_NOOP("CoreMessage", "Dit telefoonnummer is te lang: een nummer dat met {prefix} begint heeft {expected} cijfers ({shape}), dit nummer {count}. Een gsm-nummer begint met 045 tot 049."),  # phone.zone_too_long_not_mobile
    QT_TRANSLATE_NOOP("CoreMessage", "Dit telefoonnummer is te kort: een nummer dat met {prefix} begint heeft {expected} cijfers ({shape}), dit nummer {count}."),  # phone.zone_too_short
    QT_TRANSLATE_NOOP("CoreMessage", "accolades {{ }} staan alleen rond een invulveld, zoals {{partner}}"),  # protocol_terms.broken_braces
    QT_TRANSLATE_NOOP("CoreMessage", "onbekend invulveld {{{name}}}; mogelijk zijn {known}"),  # protocol_terms.unknown_placeholder
    QT_TRANSLATE_NOOP("CoreMessage", "de datum van de toestemming ligt vóór het protocol met deze partner ({date})"),  # readiness.consent_before_protocol
    QT_TRANSLATE_NOOP("CoreMessage", "de datum van de toestemming is geen datum (dd-mm-jjjj)"),  # readiness.consent_date_unreadable
    QT_TRANSLATE_NOOP("CoreMessage", "de datum van de toestemming ligt in de toekomst"),  # readiness.consent_in_future
    QT_TRANSLATE_NOOP("CoreMessage", "Toestemming niet in orde: {reasons}."),  # readiness.consent_refused
    QT_TRANSLATE_NOOP("CoreMessage", "de toestemming is ouder dan {days} dagen: vraag ze opnieuw en vul de nieuwe datum in"),  # readiness.consent_too_old
    QT_TRANSLATE_NOOP("CoreMessage", "verbeter {fields}"),  # readiness.correct
    QT_TRANSLATE_NOOP("CoreMessage", "verbeter telefoon en e-mail (of wis er één en verbeter het andere)"),  # readiness.correct_both_contacts
    QT_TRANSLATE_NOOP("CoreMessage", "bus"),  # readiness.field.box
    QT_TRANSLATE_NOOP("CoreMessage", "e-mail"),  # readiness.field.email
    QT_TRANSLATE_NOOP("CoreMessage", "voornaam"),  # readiness.field.first_name
    QT_TRANSLATE_NOOP("CoreMessage", "huisnummer"),  # readiness.field.house_number
    QT_TRANSLATE_NOOP("CoreMessage", "achternaam"),  # readiness.field.last_name
    QT_TRANSLATE_NOOP("CoreMessage", "gemeente"),  # readiness.field.municipality
    QT_TRANSLATE_NOOP("CoreMessage", "telefoon"),  # readiness.field.phone
    QT_TRANSLATE_NOOP("CoreMessage", "postcode"),  # readiness.field.postcode
    QT_TRANSLATE_NOOP("CoreMessage", "straat"),  # readiness.field.street
    QT_TRANSLATE_NOOP("CoreMessage", "vul {fields} in"),  # readiness.fill_in
    QT_TRANSLATE_NOOP("CoreMessage", "geef een telefoonnummer of een e-mailadres op"),  # readiness.give_contact
    QT_TRANSLATE_NOOP("CoreMessage", "{first} en {last}"),  # readiness.list_and
    QT_TRANSLATE_NOOP("CoreMessage", "{first}, {rest}"),  # readiness.list_comma
    QT_TRANSLATE_NOOP("CoreMessage", "vink aan dat de cliënt toestemming geeft"),  # readiness.no_consent
    QT_TRANSLATE_NOOP("CoreMessage", "vul de datum van de toestemming in"),  # readiness.no_consent_date
    QT_TRANSLATE_NOOP("CoreMessage", "geen partner voor dit adres"),  # readiness.no_partner
    QT_TRANSLATE_NOOP("CoreMessage", "vul eerst uw aanmeldersprofiel in (menu Profiel)"),  # readiness.no_profile
    QT_TRANSLATE_NOOP("CoreMessage", "kies hoe de cliënt het informatieblad kreeg"),  # readiness.no_sheet_given
    QT_TRANSLATE_NOOP("CoreMessage", "vink aan dat de cliënt geïnformeerd is"),  # readiness.not_informed
    QT_TRANSLATE_NOOP("CoreMessage", "Nog niet klaar: {reasons}."),  # readiness.not_ready
    QT_TRANSLATE_NOOP("CoreMessage", "{fields} zijn niet in orde (verbeter of wis ze)"),  # readiness.optional_wrong_more
    QT_TRANSLATE_NOOP("CoreMessage", "{fields} is niet in orde (verbeter of wis het)"),  # readiness.optional_wrong_one
    QT_TRANSLATE_NOOP("CoreMessage", "{first}; {rest}"),  # readiness.reasons
    QT_TRANSLATE_NOOP("CoreMessage", "het logboek van doorverwijzingen werkt niet"),  # readiness.referral_log_broken
    QT_TRANSLATE_NOOP("CoreMessage", "het partnerregister is ongeldig"),  # readiness.registry_invalid
    QT_TRANSLATE_NOOP("CoreMessage", "er is geen sleutelbos"),  # recording.no_keyring
    QT_TRANSLATE_NOOP("CoreMessage", "het logboek is niet beschikbaar"),  # recording.referral_log_missing
    QT_TRANSLATE_NOOP("CoreMessage", "onverwachte fout ({kind})"),  # recording.unexpected
    QT_TRANSLATE_NOOP("CoreMessage", "{original} of {correction} is al aan een andere correctie gekoppeld."),  # referral_log.already_linked
    QT_TRANSLATE_NOOP("CoreMessage", "Het logboek van doorverwijzingen is bezet door een ander venster van referral-desk. Probeer het zo opnieuw."),  # referral_log.busy
    QT_TRANSLATE_NOOP("CoreMessage", "Het logboek van doorverwijzingen is bezet door een ander venster van referral-desk. Sluit dat venster en start referral-desk opnieuw."),  # referral_log.busy_at_start
    QT_TRANSLATE_NOOP("CoreMessage", "het logboek was bezet door een ander venster van referral-desk; de doorverwijzing is wel gemaakt, maak ze dus niet opnieuw"),  # referral_log.busy_but_made
    QT_TRANSLATE_NOOP("CoreMessage", "Een doorverwijzing kan zichzelf niet corrigeren."),  # referral_log.corrects_itself
    QT_TRANSLATE_NOOP("CoreMessage", "Het logboek van doorverwijzingen {file} is beschadigd. Het is niet aangeraakt; geef het bestand aan de IT-dienst. Tot dan wordt niets genoteerd."),  # referral_log.damaged
    QT_TRANSLATE_NOOP("CoreMessage", "Het logboek van doorverwijzingen gaf een fout ({kind})."),  # referral_log.failed
    QT_TRANSLATE_NOOP("CoreMessage", "De map {folder} voor het logboek van doorverwijzingen kan niet gemaakt worden ({reason})."),  # referral_log.folder_not_made
    QT_TRANSLATE_NOOP("CoreMessage", "Het logboek van doorverwijzingen staat in {folder} onder de oude naam {former}, maar {clash} bestaat al. Er is niets verplaatst of overschreven; geef de map aan de IT-dienst."),  # referral_log.former_name_clash
    QT_TRANSLATE_NOOP("CoreMessage", "Het logboek van doorverwijzingen {file} komt van een nieuwere versie van referral-desk (schema {version}). Installeer die versie; het bestand blijft onaangeroerd."),  # referral_log.newer_schema
    QT_TRANSLATE_NOOP("CoreMessage", "{referral_id} staat niet in het logboek."),  # referral_log.not_in_log
    QT_TRANSLATE_NOOP("CoreMessage", "Het logboek van doorverwijzingen in {folder} kon niet van {former} naar {name} hernoemd worden ({reason}). Het staat er nog, onaangeroerd. Sluit alle vensters van referral-desk en start het opnieuw; lukt het dan nog niet, vraag de IT-dienst om hulp."),  # referral_log.not_renamed
    QT_TRANSLATE_NOOP("CoreMessage", "Het logboek van doorverwijzingen in {folder} kan niet geschreven worden (schijf vol, alleen-lezen of geen rechten). Vraag de IT-dienst om hulp."),  # referral_log.not_writable
    QT_TRANSLATE_NOOP("CoreMessage", "{listed} en nog {more}"),  # registry.and_more
    QT_TRANSLATE_NOOP("CoreMessage", "+ partner toegevoegd: {id} ({name}) → {mailbox}"),  # registry.diff.added
    QT_TRANSLATE_NOOP("CoreMessage", "! MAILBOX GEWIJZIGD bij {name} ({id}): {old} → {new}"),  # registry.diff.mailbox
    QT_TRANSLATE_NOOP("CoreMessage", "Geen verschillen in partners, mailboxen, postcodes of data."),  # registry.diff.none
    QT_TRANSLATE_NOOP("CoreMessage", "~ postcode {postcode} verhuisd: {source} → {target}"),  # registry.diff.postcode_moved
    QT_TRANSLATE_NOOP("CoreMessage", "- partner verwijderd: {id} ({name})"),  # registry.diff.removed
    QT_TRANSLATE_NOOP("CoreMessage", "~ {id}.{field}: {old} → {new}"),  # registry.diff.value
    QT_TRANSLATE_NOOP("CoreMessage", "id komt al voor bij partner {number}"),  # registry.duplicate_id
    QT_TRANSLATE_NOOP("CoreMessage", "het bestand is leeg"),  # registry.empty_file
    QT_TRANSLATE_NOOP("CoreMessage", "meldpunt gegevenslekken"),  # registry.field.breach_contact
    QT_TRANSLATE_NOOP("CoreMessage", "gewijzigd door"),  # registry.field.changed_by
    QT_TRANSLATE_NOOP("CoreMessage", "DPO-contact"),  # registry.field.dpo_contact
    QT_TRANSLATE_NOOP("CoreMessage", "id"),  # registry.field.id
    QT_TRANSLATE_NOOP("CoreMessage", "soort"),  # registry.field.kind
    QT_TRANSLATE_NOOP("CoreMessage", "mailbox"),  # registry.field.mailbox
    QT_TRANSLATE_NOOP("CoreMessage", "gemeenten"),  # registry.field.municipalities
    QT_TRANSLATE_NOOP("CoreMessage", "naam"),  # registry.field.name
    QT_TRANSLATE_NOOP("CoreMessage", "partners"),  # registry.field.partners
    QT_TRANSLATE_NOOP("CoreMessage", "wachtwoord"),  # registry.field.password_mode
    QT_TRANSLATE_NOOP("CoreMessage", "telefoon voor het wachtwoord"),  # registry.field.password_phone
    QT_TRANSLATE_NOOP("CoreMessage", "postcodes"),  # registry.field.postcodes
    QT_TRANSLATE_NOOP("CoreMessage", "protocol"),  # registry.field.protocol
    QT_TRANSLATE_NOOP("CoreMessage", "afspraak wie de gegevens ziet"),  # registry.field.protocol.access_duty
    QT_TRANSLATE_NOOP("CoreMessage", "ontvangstbevestiging binnen (werkdagen)"),  # registry.field.protocol.acknowledgement_working_days
    QT_TRANSLATE_NOOP("CoreMessage", "afspraak over gegevenslekken"),  # registry.field.protocol.breach_duty
    QT_TRANSLATE_NOOP("CoreMessage", "toestemming geldig (dagen)"),  # registry.field.protocol.consent_valid_days
    QT_TRANSLATE_NOOP("CoreMessage", "advies DPO op"),  # registry.field.protocol.dpo_advice_on
    QT_TRANSLATE_NOOP("CoreMessage", "beëindigd op"),  # registry.field.protocol.ended_on
    QT_TRANSLATE_NOOP("CoreMessage", "in werking vanaf"),  # registry.field.protocol.in_force_from
    QT_TRANSLATE_NOOP("CoreMessage", "rechtsgrond"),  # registry.field.protocol.legal_basis
    QT_TRANSLATE_NOOP("CoreMessage", "lokale teams"),  # registry.field.protocol.local_teams
    QT_TRANSLATE_NOOP("CoreMessage", "verdere ontvangers"),  # registry.field.protocol.onward_recipients
    QT_TRANSLATE_NOOP("CoreMessage", "kanaal voor het wachtwoord"),  # registry.field.protocol.password_channel
    QT_TRANSLATE_NOOP("CoreMessage", "doeleinden"),  # registry.field.protocol.purposes
    QT_TRANSLATE_NOOP("CoreMessage", "afspraak over foutieve gegevens"),  # registry.field.protocol.quality_duty
    QT_TRANSLATE_NOOP("CoreMessage", "ontvangers bij de partner (beroepsgeheim)"),  # registry.field.protocol.recipients
    QT_TRANSLATE_NOOP("CoreMessage", "titel of kenmerk van het protocol"),  # registry.field.protocol.reference
    QT_TRANSLATE_NOOP("CoreMessage", "afspraak over bewaren"),  # registry.field.protocol.retention_duty
    QT_TRANSLATE_NOOP("CoreMessage", "bewaartermijn (jaren na het afsluiten)"),  # registry.field.protocol.retention_years
    QT_TRANSLATE_NOOP("CoreMessage", "beveiligingsmaatregelen"),  # registry.field.protocol.security_measures
    QT_TRANSLATE_NOOP("CoreMessage", "gedeelde gegevens"),  # registry.field.protocol.shared_fields
    QT_TRANSLATE_NOOP("CoreMessage", "afspraak wissen na intrekking"),  # registry.field.protocol.withdrawal_clause
    QT_TRANSLATE_NOOP("CoreMessage", "regio"),  # registry.field.region
    QT_TRANSLATE_NOOP("CoreMessage", "registerdatum"),  # registry.field.registry_date
    QT_TRANSLATE_NOOP("CoreMessage", "versie"),  # registry.field.registry_version
    QT_TRANSLATE_NOOP("CoreMessage", "schemaversie"),  # registry.field.schema_version
    QT_TRANSLATE_NOOP("CoreMessage", "bevat binaire gegevens; is dit wel een partnerregister?"),  # registry.file.binary
    QT_TRANSLATE_NOOP("CoreMessage", "kan niet gelezen worden: het bestand bestaat niet"),  # registry.file.does_not_exist
    QT_TRANSLATE_NOOP("CoreMessage", "is een map, geen bestand"),  # registry.file.is_a_folder
    QT_TRANSLATE_NOOP("CoreMessage", "is een snelkoppeling (symbolische link) naar een bestand dat niet bestaat"),  # registry.file.link_dangles
    QT_TRANSLATE_NOOP("CoreMessage", "is een snelkoppeling (symbolische link) die in een kring naar zichzelf wijst"),  # registry.file.link_loops
    QT_TRANSLATE_NOOP("CoreMessage", "is geen gewoon bestand (maar een pipe, apparaat of socket); een partnerregister is een tekstbestand"),  # registry.file.not_regular
    QT_TRANSLATE_NOOP("CoreMessage", "geen UTF-8-tekst; sla het bestand op als UTF-8 (geen binair bestand)"),  # registry.file.not_utf8
    QT_TRANSLATE_NOOP("CoreMessage", "te groot (meer dan {kilobytes} kB); is dit wel een partnerregister?"),  # registry.file.too_large
    QT_TRANSLATE_NOOP("CoreMessage", "kan niet gelezen worden: {reason}"),  # registry.file.unreadable
    QT_TRANSLATE_NOOP("CoreMessage", "Wie wijzigde het partnerregister?"),  # registry.input.changed_by_missing
    QT_TRANSLATE_NOOP("CoreMessage", "Geef een datum als 2024-02-01 of 1/02/2024."),  # registry.input.date_hint
    QT_TRANSLATE_NOOP("CoreMessage", "Kleine letters, cijfers en koppeltekens; vorm klopt niet."),  # registry.input.id_shape
    QT_TRANSLATE_NOOP("CoreMessage", "Geen NIS-code: {value} (5 cijfers, bv. 33029)."),  # registry.input.nis_code_shape
    QT_TRANSLATE_NOOP("CoreMessage", "Postcode {postcode} hoort bij geen van de gemeenten hierboven."),  # registry.input.postcode_not_here
    QT_TRANSLATE_NOOP("CoreMessage", "Geen postcode: {value} (4 cijfers, bv. 3970)."),  # registry.input.postcode_shape
    QT_TRANSLATE_NOOP("CoreMessage", "{municipality} ({nis}) is een {reason}."),  # registry.input.recipient_not_allowed
    QT_TRANSLATE_NOOP("CoreMessage", "Verplicht."),  # registry.input.required
    QT_TRANSLATE_NOOP("CoreMessage", "Vorm klopt niet: {value}."),  # registry.input.shape
    QT_TRANSLATE_NOOP("CoreMessage", "Te kort: minstens {count} tekens."),  # registry.input.too_short
    QT_TRANSLATE_NOOP("CoreMessage", "Te kort: minstens {count} teken."),  # registry.input.too_short_one
    QT_TRANSLATE_NOOP("CoreMessage", "Onbekende NIS-code: {nis}."),  # registry.input.unknown_nis_code
    QT_TRANSLATE_NOOP("CoreMessage", "Onbekende postcode: {postcode}."),  # registry.input.unknown_postcode
    QT_TRANSLATE_NOOP("CoreMessage", "Geef de versie van het partnerregister."),  # registry.input.version_missing
    QT_TRANSLATE_NOOP("CoreMessage", "Een {kind} hoort bij regio {region}."),  # registry.input.wrong_region
    QT_TRANSLATE_NOOP("CoreMessage", "{status}; er zijn vertrouwde sleutels ingesteld, dus het machineregister moet ondertekend zijn met een ervan (referral-desk registry sign)"),  # registry.machine_must_be_signed
    QT_TRANSLATE_NOOP("CoreMessage", "verplicht veld ontbreekt"),  # registry.missing
    QT_TRANSLATE_NOOP("CoreMessage", "Het partnerregister is gewijzigd: geef het een nieuwe versie (nu {version})."),  # registry.needs_new_version
    QT_TRANSLATE_NOOP("CoreMessage", "verwacht een lijst van [[partners]]-tabellen"),  # registry.no_partner_list
    QT_TRANSLATE_NOOP("CoreMessage", "geen geldige TOML: {error}"),  # registry.not_toml
    QT_TRANSLATE_NOOP("CoreMessage", "Het partnerregister kan pas bewaard worden als alles in orde is:"),  # registry.not_valid_yet
    QT_TRANSLATE_NOOP("CoreMessage", "postcode wordt in dezelfde periode al bediend door {partner} (partner {number}) voor dezelfde gemeente; beëindig eerst dat protocol"),  # registry.postcode_already_served
    QT_TRANSLATE_NOOP("CoreMessage", "postcode hoort niet bij een van de gemeenten van deze partner"),  # registry.postcode_not_of_partner
    QT_TRANSLATE_NOOP("CoreMessage", "Het geopende partnerregister was ongeldig; dit is de herstelde versie."),  # registry.repaired
    QT_TRANSLATE_NOOP("CoreMessage", "moet minstens {count} elementen bevatten"),  # registry.schema.at_least_elements
    QT_TRANSLATE_NOOP("CoreMessage", "moet minstens {count} element bevatten"),  # registry.schema.at_least_one_element
    QT_TRANSLATE_NOOP("CoreMessage", "verwacht een datum als JJJJ-MM-DD"),  # registry.schema.date
    QT_TRANSLATE_NOOP("CoreMessage", "verwacht een datum als JJJJ-MM-DD (zonder aanhalingstekens)"),  # registry.schema.date_type
    QT_TRANSLATE_NOOP("CoreMessage", "onbekende sleutel (tikfout?); alleen de velden uit de handleiding mogen"),  # registry.schema.extra_forbidden
    QT_TRANSLATE_NOOP("CoreMessage", "verwacht een geheel getal"),  # registry.schema.int_type
    QT_TRANSLATE_NOOP("CoreMessage", "verwacht een lijst tussen [ ]"),  # registry.schema.list_type
    QT_TRANSLATE_NOOP("CoreMessage", "verwacht een van: {expected}"),  # registry.schema.one_of
    QT_TRANSLATE_NOOP("CoreMessage", "{first} of {last}"),  # registry.schema.or
    QT_TRANSLATE_NOOP("CoreMessage", "heeft niet de verwachte vorm ({pattern})"),  # registry.schema.pattern
    QT_TRANSLATE_NOOP("CoreMessage", "verwacht tekst tussen aanhalingstekens"),  # registry.schema.string_type
    QT_TRANSLATE_NOOP("CoreMessage", "verwacht een tabel"),  # registry.schema.table_type
    QT_TRANSLATE_NOOP("CoreMessage", "te kort (minstens {count} tekens)"),  # registry.schema.too_short
    QT_TRANSLATE_NOOP("CoreMessage", "te kort (minstens {count} teken)"),  # registry.schema.too_short_one
    QT_TRANSLATE_NOOP("CoreMessage", "{subject}, {field}: {expected}"),  # registry.sentence.field
    QT_TRANSLATE_NOOP("CoreMessage", "{subject}: {field} ontbreekt"),  # registry.sentence.field_missing
    QT_TRANSLATE_NOOP("CoreMessage", "{subject}, {field}: {expected} (waarde: {value})"),  # registry.sentence.field_value
    QT_TRANSLATE_NOOP("CoreMessage", "{subject}: {field} ontbreken"),  # registry.sentence.fields_missing
    QT_TRANSLATE_NOOP("CoreMessage", "{file}: {expected}"),  # registry.sentence.file
    QT_TRANSLATE_NOOP("CoreMessage", "{subject}: {expected}"),  # registry.sentence.subject
    QT_TRANSLATE_NOOP("CoreMessage", "geheime sleutel: te groot voor een minisign-sleutel."),  # registry.signing.key_too_large
    QT_TRANSLATE_NOOP("CoreMessage", "De sleutel {path} is niet bruikbaar: {reason}"),  # registry.signing.key_unusable
    QT_TRANSLATE_NOOP("CoreMessage", "geen tekstbestand"),  # registry.signing.no_text_file
    QT_TRANSLATE_NOOP("CoreMessage", "{path} kon niet geschreven worden ({reason})."),  # registry.signing.not_written
    QT_TRANSLATE_NOOP("CoreMessage", "meegeleverd partnerregister"),  # registry.source.bundled
    QT_TRANSLATE_NOOP("CoreMessage", "laatst gecontroleerde kopie uit de bronmap"),  # registry.source.cached
    QT_TRANSLATE_NOOP("CoreMessage", "machineregister"),  # registry.source.machine
    QT_TRANSLATE_NOOP("CoreMessage", "partnerregister uit de bronmap"),  # registry.source.source_folder
    QT_TRANSLATE_NOOP("CoreMessage", "Partner {number}"),  # registry.subject.partner_number
    QT_TRANSLATE_NOOP("CoreMessage", "Partnerregister"),  # registry.subject.registry
    QT_TRANSLATE_NOOP("CoreMessage", "te diep genest (meer dan {levels} niveaus [ ], {{ }} of a.b.c); is dit wel een partnerregister?"),  # registry.too_deep
    QT_TRANSLATE_NOOP("CoreMessage", "onbekende NIS-code"),  # registry.unknown_nis_code
    QT_TRANSLATE_NOOP("CoreMessage", "onbekende postcode"),  # registry.unknown_postcode
    QT_TRANSLATE_NOOP("CoreMessage", "een {kind} hoort bij regio {region}"),  # registry.wrong_region
    QT_TRANSLATE_NOOP("CoreMessage", "ze staat meer dan een jaar na de laatste doorverwijzing van {day}"),  # retention.clock_after
    QT_TRANSLATE_NOOP("CoreMessage", "ze staat vóór de laatste doorverwijzing van {day}"),  # retention.clock_before
    QT_TRANSLATE_NOOP("CoreMessage", "De klok van deze computer lijkt verkeerd te staan ({reason}). Daarom is er niets opgeruimd (logboek, wachtwoorden, outbox). Laat de datum en tijd nakijken door de IT-dienst."),  # retention.wrong_clock
    QT_TRANSLATE_NOOP("CoreMessage", "Deze doorverwijzing is al gemaakt of wordt gemaakt; begin een nieuwe doorverwijzing."),  # session.already_made
    QT_TRANSLATE_NOOP("CoreMessage", "De gewijzigde mailbox van de partner is niet bevestigd."),  # session.mailbox_change_unconfirmed
    QT_TRANSLATE_NOOP("CoreMessage", "De instellingen konden niet bewaard worden: een ander venster van referral-desk is ze al te lang aan het bewaren. Sluit de andere vensters en probeer opnieuw."),  # settings.kept_busy
    QT_TRANSLATE_NOOP("CoreMessage", "Niet alles in uw instellingen kon gebruikt worden: {problems}. Die instellingen hebben hun standaardwaarde, de rest geldt. Het bestand wordt ongewijzigd bewaard als {kept} voor het opnieuw geschreven wordt; meld dit aan de helpdesk als er iets ontbreekt."),  # settings.not_all_used
    QT_TRANSLATE_NOOP("CoreMessage", "De instellingen in {file} kunnen niet gelezen worden ({reason})."),  # settings.not_read
    QT_TRANSLATE_NOOP("CoreMessage", "De instellingen konden niet bewaard worden in {folder} ({reason})."),  # settings.not_saved
    QT_TRANSLATE_NOOP("CoreMessage", "De instellingen waren beschadigd en zijn opzijgezet als {name}. Vul uw profiel opnieuw in."),  # settings.set_aside
    QT_TRANSLATE_NOOP("CoreMessage", "{where}: onbekende instelling '{key}'"),  # settings.unknown_key
    QT_TRANSLATE_NOOP("CoreMessage", "{where}: '{key}' heeft niet de verwachte vorm"),  # settings.wrong_type
    QT_TRANSLATE_NOOP("CoreMessage", "{file}: {problem}"),  # signature.file_problem
    QT_TRANSLATE_NOOP("CoreMessage", "ondertekend door sleutel {key}, niet geldig"),  # signature.invalid
    QT_TRANSLATE_NOOP("CoreMessage", "ondertekend door sleutel {key} op {when} UTC, niet geldig"),  # signature.invalid_at
    QT_TRANSLATE_NOOP("CoreMessage", "ondertekend door sleutel {key} op {when} UTC, niet geldig: {problem}"),  # signature.invalid_at_because
    QT_TRANSLATE_NOOP("CoreMessage", "ondertekend door sleutel {key}, niet geldig: {problem}"),  # signature.invalid_because
    QT_TRANSLATE_NOOP("CoreMessage", "deze sleutel is niet vertrouwd (vertrouwd: {trusted})"),  # signature.key_not_trusted
    QT_TRANSLATE_NOOP("CoreMessage", "geen {file} naast het bestand"),  # signature.no_file
    QT_TRANSLATE_NOOP("CoreMessage", "geen"),  # signature.no_keys
    QT_TRANSLATE_NOOP("CoreMessage", "niet ondertekend"),  # signature.not_signed
    QT_TRANSLATE_NOOP("CoreMessage", "niet ondertekend ({problem})"),  # signature.not_signed_because
    QT_TRANSLATE_NOOP("CoreMessage", "ondertekend door vertrouwde sleutel {key}"),  # signature.trusted
    QT_TRANSLATE_NOOP("CoreMessage", "ondertekend door vertrouwde sleutel {key} op {when} UTC"),  # signature.trusted_at
    QT_TRANSLATE_NOOP("CoreMessage", "{file} onleesbaar ({error})"),  # signature.unreadable
    QT_TRANSLATE_NOOP("CoreMessage", "{file} is geen geldige TOML ({error})"),  # source.config_not_toml
    QT_TRANSLATE_NOOP("CoreMessage", "{file} kan niet gelezen worden ({error})"),  # source.config_unreadable
    QT_TRANSLATE_NOOP("CoreMessage", "{file} is ongeldig: {problem}"),  # source.invalid
    QT_TRANSLATE_NOOP("CoreMessage", "{reason}; er is nog geen gecontroleerde kopie, dus het meegeleverde partnerregister wordt gebruikt"),  # source.kept_bundled
    QT_TRANSLATE_NOOP("CoreMessage", "{reason}; de laatst gecontroleerde versie {version} blijft in gebruik"),  # source.kept_cached
    QT_TRANSLATE_NOOP("CoreMessage", "bronmap {folder} antwoordt niet binnen {seconds} seconden"),  # source.no_answer
    QT_TRANSLATE_NOOP("CoreMessage", "bronmap {folder} niet gebruikt: er zijn geen (leesbare) vertrouwde sleutels ingesteld om de handtekening te controleren"),  # source.no_trusted_keys
    QT_TRANSLATE_NOOP("CoreMessage", "bronmap {folder} niet gebruikt: er zijn geen (leesbare) vertrouwde sleutels ingesteld om de handtekening te controleren ({problems})"),  # source.no_trusted_keys_because
    QT_TRANSLATE_NOOP("CoreMessage", "{file}: {key} moet een map zijn (tekst tussen '…')"),  # source.not_a_folder_text
    QT_TRANSLATE_NOOP("CoreMessage", "{file}: {key} moet een volledig pad zijn: {value}"),  # source.not_a_full_path
    QT_TRANSLATE_NOOP("CoreMessage", "de bronmap heeft versie {source}, niet nieuwer dan de laatst gecontroleerde versie {cached}; die blijft in gebruik"),  # source.not_newer
    QT_TRANSLATE_NOOP("CoreMessage", "bronmap {folder}: {error}"),  # source.share_failed
    QT_TRANSLATE_NOOP("CoreMessage", "{file}: {status}"),  # source.signature_refused
    QT_TRANSLATE_NOOP("CoreMessage", "bronmap {folder} is niet bereikbaar"),  # source.unreachable
    QT_TRANSLATE_NOOP("CoreMessage", "Het partnerregister noemt geen lokale teams; de naam van uw team wordt niet nagekeken."),  # team.no_registry_teams
    QT_TRANSLATE_NOOP("CoreMessage", "Dit team staat niet in het partnerregister. Kies uw team uit de lijst."),  # team.not_in_registry
    QT_TRANSLATE_NOOP("CoreMessage", "Dit team staat niet zo in het partnerregister. Bedoelt u “{suggestion}”? Kies uw team uit de lijst."),  # team.not_in_registry_like
    QT_TRANSLATE_NOOP("CoreMessage", "{folder}: kan niet gelezen worden ({error})"),  # trusted_keys.folder_unreadable
    QT_TRANSLATE_NOOP("CoreMessage", "{file}: geen leesbare minisign-sleutel ({error})"),  # trusted_keys.unreadable
)
