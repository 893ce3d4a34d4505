<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="nl_BE">
<context>
    <name>BreachDialog</name>
    <message>
        <source>Gegevenslek melden – {0}</source>
        <translation>Report data breach – {0}</translation>
    </message>
    <message>
        <source>Wat is er gebeurd met doorverwijzing {0} aan {1} ({2})?</source>
        <translation>What happened to referral {0} to {1} ({2})?</translation>
    </message>
    <message>
        <source>Meldpunt gegevenslekken van {0}: {1}</source>
        <translation>Data breach contact of {0}: {1}</translation>
    </message>
    <message>
        <source>Het meldpunt gegevenslekken van {0} staat niet in het partnerregister: zoek het op in het protocol en stuur de melding ook daarheen.</source>
        <translation>The data breach contact of {0} is not in the partner registry: look it up in the protocol and send the report there too.</translation>
    </message>
    <message>
        <source>Functionaris voor gegevensbescherming van Opgroeien: {0}</source>
        <translation>Opgroeien&apos;s data protection officer: {0}</translation>
    </message>
    <message>
        <source>Er opent een e-mail aan elk van beide, zonder gegevens van de cliënt; bij een verkeerde ontvanger ook een verzoek tot verwijdering aan die mailbox.</source>
        <translation>An e-mail to each of them opens, without client data; for a wrong recipient also a deletion request to that mailbox.</translation>
    </message>
    <message>
        <source>E-mails klaarzetten</source>
        <translation>Prepare e-mails</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>BreachFactsForm</name>
    <message>
        <source>&amp;Werkelijke ontvanger:</source>
        <translation>Actual &amp;recipient:</translation>
    </message>
    <message>
        <source>&amp;Ontdekt op:</source>
        <translation>&amp;Discovered at:</translation>
    </message>
    <message>
        <source>Aantal &amp;personen (ongeveer):</source>
        <translation>&amp;People affected (about):</translation>
    </message>
    <message>
        <source>Aantal gegevens&amp;records (ongeveer):</source>
        <translation>Data r&amp;ecords affected (about):</translation>
    </message>
    <message>
        <source>&amp;Inhoud leesbaar?</source>
        <translation>Content read&amp;able?</translation>
    </message>
    <message>
        <source>&amp;Gevolgen voor de cliënt:</source>
        <translation>&amp;Likely consequences for the client:</translation>
    </message>
    <message>
        <source>Genomen maatregelen:</source>
        <translation>Measures taken:</translation>
    </message>
</context>
<context>
    <name>BreachFlow</name>
    <message>
        <source>Vul eerst uw aanmeldersprofiel in (menu Profiel).</source>
        <translation>First fill in your referrer profile (menu Your profile).</translation>
    </message>
    <message>
        <source>Bezig: de e-mails over het gegevenslek worden klaargezet…</source>
        <translation>Working: preparing the data breach e-mails…</translation>
    </message>
    <message>
        <source>Gegevenslek bij {0} genoteerd; de e-mails aan {1} staan klaar. Verstuur ze meteen.</source>
        <translation>Data breach for {0} recorded; the e-mails to {1} are ready. Send them right away.</translation>
    </message>
    <message>
        <source>Het meldpunt gegevenslekken van de partner is onbekend: zoek het op in het protocol.</source>
        <translation>The partner&apos;s data breach contact is unknown: look it up in the protocol.</translation>
    </message>
    <message>
        <source>De melding van het gegevenslek is misschien niet klaargezet: meld het zelf aan de functionaris voor gegevensbescherming.</source>
        <translation>The data breach report may not have been prepared: report it yourself to the data protection officer.</translation>
    </message>
</context>
<context>
    <name>ClientForm</name>
    <message>
        <source>Cliënt</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>&amp;Voornaam</source>
        <translation>&amp;First name</translation>
    </message>
    <message>
        <source>&amp;Achternaam</source>
        <translation>&amp;Last name</translation>
    </message>
    <message>
        <source>&amp;Straat</source>
        <translation>&amp;Street</translation>
    </message>
    <message>
        <source>&amp;Huisnummer</source>
        <translation>House &amp;number</translation>
    </message>
    <message>
        <source>B&amp;us (optioneel)</source>
        <translation>Bo&amp;x (optional)</translation>
    </message>
    <message>
        <source>&amp;Postcode</source>
        <translation>P&amp;ostcode</translation>
    </message>
    <message>
        <source>&amp;Telefoon</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <source>bv. 0470 12 34 56</source>
        <translation>e.g. 0470 12 34 56</translation>
    </message>
    <message>
        <source>bv. naam@voorbeeld.be</source>
        <translation>e.g. name@example.be</translation>
    </message>
    <message>
        <source>&amp;Gemeente</source>
        <translation>M&amp;unicipality</translation>
    </message>
    <message>
        <source>Adres is verplicht; geef minstens een telefoonnummer of een e-mailadres op. Andere gegevens over het gezin mogen niet gedeeld worden.</source>
        <translation>The address is required; give at least a phone number or an e-mail address. No other information about the family may be shared.</translation>
    </message>
    <message>
        <source>Vergrendeld: klik Nieuwe doorverwijzing om een volgende te maken.</source>
        <translation>Locked: click New referral to make the next one.</translation>
    </message>
    <message>
        <source>Kies de gemeente…</source>
        <translation>Choose the municipality…</translation>
    </message>
</context>
<context>
    <name>ConsentPanel</name>
    <message>
        <source>Toestemming van de cliënt</source>
        <translation>Client&apos;s consent</translation>
    </message>
    <message>
        <source>De cliënt is hierover geïnformeerd</source>
        <translation>The client has been informed about this</translation>
    </message>
    <message>
        <source>De cliënt is geïnformeerd</source>
        <translation>The client has been informed</translation>
    </message>
    <message>
        <source>De cliënt geeft uitdrukkelijk toestemming</source>
        <translation>The client gives explicit consent</translation>
    </message>
    <message>
        <source>De cliënt geeft toestemming</source>
        <translation>The client gives consent</translation>
    </message>
    <message>
        <source>Datum waarop de cliënt toestemming gaf</source>
        <translation>Date the client gave consent</translation>
    </message>
    <message>
        <source>Toestemming gegeven op (datu&amp;m)</source>
        <translation>Consent given on (&amp;date)</translation>
    </message>
    <message>
        <source>Taal van het informatieblad en het bewijs</source>
        <translation>Language of the information sheet and the receipt</translation>
    </message>
    <message>
        <source>{0} (niet nagelezen)</source>
        <translation>{0} (not reviewed)</translation>
    </message>
    <message>
        <source>Niet nagelezen: nog niet nagekeken door iemand met die taal als moedertaal.</source>
        <translation>Not reviewed: not yet checked by a native speaker of that language.</translation>
    </message>
    <message>
        <source>Taalkeu&amp;ze</source>
        <translation>Lan&amp;guage</translation>
    </message>
    <message>
        <source>Informatieblad beki&amp;jken</source>
        <translation>&amp;View information sheet</translation>
    </message>
    <message>
        <source>Informatieblad voor de cliënt</source>
        <translation>Information sheet for the client</translation>
    </message>
    <message>
        <source>Bewijs voor de cliënt (e&amp;xemplaar)</source>
        <translation>Receipt for &amp;the client (copy)</translation>
    </message>
    <message>
        <source>Bewijs voor de cliënt</source>
        <translation>Receipt for the client</translation>
    </message>
    <message>
        <source>dd-mm-jjjj</source>
        <translation>dd-mm-yyyy</translation>
    </message>
    <message>
        <source>Vandaag</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Toestemming vandaag gegeven</source>
        <translation>Consent given today</translation>
    </message>
    <message>
        <source>Hoe de cliënt het informatieblad kreeg</source>
        <translation>How the client got the information sheet</translation>
    </message>
    <message>
        <source>kies…</source>
        <translation>choose…</translation>
    </message>
    <message>
        <source>overhandigd</source>
        <translation>handed over</translation>
    </message>
    <message>
        <source>voorgelezen</source>
        <translation>read aloud</translation>
    </message>
    <message>
        <source>opgestuurd</source>
        <translation>sent</translation>
    </message>
    <message>
        <source>Informatieblad gekregen:</source>
        <translation>Sheet given:</translation>
    </message>
    <message>
        <source>De tekst voor de cliënt wordt geladen…</source>
        <translation>Loading the text for the client…</translation>
    </message>
</context>
<context>
    <name>CoreMessage</name>
    <message>
        <source>Dit is geen geldig e-mailadres (bv. naam@voorbeeld.be).</source>
        <translation>This is not a valid e-mail address (e.g. name@example.be).</translation>
    </message>
    <message>
        <source>Een e-mailadres met letters buiten het gewone alfabet vóór de @ kan niet in een e-mailconcept; gebruik het gewone adres.</source>
        <translation>An e-mail address with letters outside the plain alphabet before the @ cannot go into an e-mail draft; use the plain address.</translation>
    </message>
    <message>
        <source>Een e-mailadres bevat geen spaties.</source>
        <translation>An e-mail address contains no spaces.</translation>
    </message>
    <message>
        <source>Bus: maximaal {maximum} letters of cijfers (bv. 3, 0.1, B).</source>
        <translation>Box: at most {maximum} letters or digits (e.g. 3, 0.1, B).</translation>
    </message>
    <message>
        <source>Bevat een onzichtbaar of stuurteken (bv. een zero-width spatie). Typ de waarde opnieuw in plaats van ze te plakken.</source>
        <translation>Contains an invisible or control character (e.g. a zero-width space). Type the value again instead of pasting it.</translation>
    </message>
    <message>
        <source>{label} is leeg.</source>
        <translation>{label} is empty.</translation>
    </message>
    <message>
        <source>Huisnummer: cijfers, eventueel gevolgd door letters (bv. 12, 12A, 12-14).</source>
        <translation>House number: digits, possibly followed by letters (e.g. 12, 12A, 12-14).</translation>
    </message>
    <message>
        <source>Ongeldige invoer.</source>
        <translation>Invalid input.</translation>
    </message>
    <message>
        <source>Bevat een tab of regeleinde midden in de tekst; één regel graag.</source>
        <translation>Contains a tab or line break within the text; one line, please.</translation>
    </message>
    <message>
        <source>Begint met een los accentteken; typ de letter met haar accent.</source>
        <translation>Starts with a loose accent mark; type the letter with its accent.</translation>
    </message>
    <message>
        <source>{label} mag alleen letters, spaties, koppeltekens en apostrofs bevatten (niet: “{char}”).</source>
        <translation>{label} may contain only letters, spaces, hyphens and apostrophes (not: “{char}”).</translation>
    </message>
    <message>
        <source>{label} moet met een letter beginnen.</source>
        <translation>{label} must start with a letter.</translation>
    </message>
    <message>
        <source>Postcode: vier cijfers, bv. 3970.</source>
        <translation>Postcode: four digits, e.g. 3970.</translation>
    </message>
    <message>
        <source>{label} is verplicht.</source>
        <translation>{label} is required.</translation>
    </message>
    <message>
        <source>Straat bevat een teken dat niet in een adres hoort: “{char}”.</source>
        <translation>Street contains a character that does not belong in an address: “{char}”.</translation>
    </message>
    <message>
        <source>Straat moet een straatnaam bevatten, geen nummer alleen.</source>
        <translation>Street must contain a street name, not just a number.</translation>
    </message>
    <message>
        <source>{label} is te lang (maximaal {maximum} tekens).</source>
        <translation>{label} is too long (at most {maximum} characters).</translation>
    </message>
    <message>
        <source>Bevat een letter met meer dan {maximum} accenttekens; typ de waarde opnieuw in plaats van ze te plakken.</source>
        <translation>Contains a letter with more than {maximum} accent marks; type the value again instead of pasting it.</translation>
    </message>
    <message>
        <source>Geef minstens een telefoonnummer of een e-mailadres op.</source>
        <translation>Give at least a phone number or an e-mail address.</translation>
    </message>
    <message>
        <source>Onbekende velden: {names}</source>
        <translation>Unknown fields: {names}</translation>
    </message>
    <message>
        <source>Bus</source>
        <translation>Box</translation>
    </message>
    <message>
        <source>E-mailadres</source>
        <translation>E-mail address</translation>
    </message>
    <message>
        <source>Voornaam</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Huisnummer</source>
        <translation>House number</translation>
    </message>
    <message>
        <source>Achternaam</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>Gemeente</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Telefoonnummer</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Straat</source>
        <translation>Street</translation>
    </message>
    <message>
        <source>Lokaal team</source>
        <translation>Local team</translation>
    </message>
    <message>
        <source>Er is geen protocol met het CAW voor {municipality}.</source>
        <translation>There is no protocol with the CAW for {municipality}.</translation>
    </message>
    <message>
        <source>Er is geen protocol met het OCMW van {municipality}.</source>
        <translation>There is no protocol with the OCMW of {municipality}.</translation>
    </message>
    <message>
        <source>{municipality} ligt in Wallonië of de Duitstalige Gemeenschap: het decreet (art. 10/1) laat daar geen doorverwijzing toe.</source>
        <translation>{municipality} lies in Wallonia or the German-speaking Community: the decree (art. 10/1) allows no referral there.</translation>
    </message>
    <message>
        <source>Telefoonnummer: alleen cijfers, spaties en + ( ) - . / (bv. 0470 12 34 56).</source>
        <translation>Phone number: only digits, spaces and + ( ) - . / (e.g. 0470 12 34 56).</translation>
    </message>
    <message>
        <source>Een toestelnummer (ext., #) kan niet mee; geef het rechtstreekse nummer op.</source>
        <translation>An extension (ext., #) cannot be included; give the direct number.</translation>
    </message>
    <message>
        <source>Dit telefoonnummer is te kort (gsm: 04xx xx xx xx, vast: 02 xxx xx xx of 050 xx xx xx).</source>
        <translation>This phone number is too short (mobile: 04xx xx xx xx, landline: 02 xxx xx xx or 050 xx xx xx).</translation>
    </message>
    <message>
        <source>Dit telefoonnummer bestaat niet. Controleer de landcode en het aantal cijfers.</source>
        <translation>This phone number does not exist. Check the country code and the number of digits.</translation>
    </message>
    <message>
        <source>Dit telefoonnummer is te lang: een gsm-nummer heeft {expected} cijfers ({shape}), dit nummer {count}.</source>
        <translation>This phone number is too long: a mobile number has {expected} digits ({shape}), this one {count}.</translation>
    </message>
    <message>
        <source>Dit telefoonnummer is te kort: een gsm-nummer heeft {expected} cijfers ({shape}), dit nummer {count}.</source>
        <translation>This phone number is too short: a mobile number has {expected} digits ({shape}), this one {count}.</translation>
    </message>
    <message>
        <source>Dit telefoonnummer bestaat niet: het aantal cijfers klopt, maar geen nummer begint zo. Controleer de cijfers na {prefix}.</source>
        <translation>This phone number does not exist: the number of digits is right, but no number starts like this. Check the digits after {prefix}.</translation>
    </message>
    <message>
        <source>Dit is geen geldig telefoonnummer. Gebruik bv. 0470 12 34 56 of +32 470 12 34 56.</source>
        <translation>This is not a valid phone number. Use e.g. 0470 12 34 56 or +32 470 12 34 56.</translation>
    </message>
    <message>
        <source>Dit telefoonnummer is te lang: een nummer dat met {prefix} begint heeft {expected} cijfers ({shape}), dit nummer {count}.</source>
        <translation>This phone number is too long: a number starting with {prefix} has {expected} digits ({shape}), this one {count}.</translation>
    </message>
    <message>
        <source>Dit telefoonnummer is te lang: een nummer dat met {prefix} begint heeft {expected} cijfers ({shape}), dit nummer {count}. Een gsm-nummer begint met 045 tot 049.</source>
        <translation>This phone number is too long: a number starting with {prefix} has {expected} digits ({shape}), this one {count}. A mobile number starts with 045 to 049.</translation>
    </message>
    <message>
        <source>Dit telefoonnummer is te kort: een nummer dat met {prefix} begint heeft {expected} cijfers ({shape}), dit nummer {count}.</source>
        <translation>This phone number is too short: a number starting with {prefix} has {expected} digits ({shape}), this one {count}.</translation>
    </message>
    <message>
        <source>Het partnerregister noemt geen lokale teams; de naam van uw team wordt niet nagekeken.</source>
        <translation>The partner registry names no local teams; your team&apos;s name is not checked.</translation>
    </message>
    <message>
        <source>Dit team staat niet in het partnerregister. Kies uw team uit de lijst.</source>
        <translation>This team is not in the partner registry. Choose your team from the list.</translation>
    </message>
    <message>
        <source>Dit team staat niet zo in het partnerregister. Bedoelt u “{suggestion}”? Kies uw team uit de lijst.</source>
        <translation>This team is not in the partner registry like this. Do you mean “{suggestion}”? Choose your team from the list.</translation>
    </message>
    <message>
        <source>Brusselse gemeente: daar is het {allowed} de partner, niet een {kind} (art. 10/1)</source>
        <translation>a Brussels municipality: there the {allowed} is the partner, not an {kind} (art. 10/1)</translation>
    </message>
    <message>
        <source>Vlaamse gemeente: daar is het {allowed} de partner, niet een {kind} (art. 10/1)</source>
        <translation>a Flemish municipality: there the {allowed} is the partner, not a {kind} (art. 10/1)</translation>
    </message>
    <message>
        <source>gemeente in Wallonië of de Duitstalige Gemeenschap: het decreet (art. 10/1) laat daar geen doorverwijzing toe</source>
        <translation>a municipality in Wallonia or the German-speaking Community: the decree (art. 10/1) allows no referral there</translation>
    </message>
    <message>
        <source>+ partner toegevoegd: {id} ({name}) → {mailbox}</source>
        <translation>+ partner added: {id} ({name}) → {mailbox}</translation>
    </message>
    <message>
        <source>! MAILBOX GEWIJZIGD bij {name} ({id}): {old} → {new}</source>
        <translation>! MAILBOX CHANGED for {name} ({id}): {old} → {new}</translation>
    </message>
    <message>
        <source>Geen verschillen in partners, mailboxen, postcodes of data.</source>
        <translation>No differences in partners, mailboxes, postcodes or dates.</translation>
    </message>
    <message>
        <source>~ postcode {postcode} verhuisd: {source} → {target}</source>
        <translation>~ postcode {postcode} moved: {source} → {target}</translation>
    </message>
    <message>
        <source>- partner verwijderd: {id} ({name})</source>
        <translation>- partner removed: {id} ({name})</translation>
    </message>
    <message>
        <source>~ {id}.{field}: {old} → {new}</source>
        <translation>~ {id}.{field}: {old} → {new}</translation>
    </message>
    <message>
        <source>id komt al voor bij partner {number}</source>
        <translation>this id is already used by partner {number}</translation>
    </message>
    <message>
        <source>het bestand is leeg</source>
        <translation>the file is empty</translation>
    </message>
    <message>
        <source>meldpunt gegevenslekken</source>
        <translation>data breach contact</translation>
    </message>
    <message>
        <source>gewijzigd door</source>
        <translation>changed by</translation>
    </message>
    <message>
        <source>DPO-contact</source>
        <translation>DPO contact</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>soort</source>
        <translation>kind</translation>
    </message>
    <message>
        <source>mailbox</source>
        <translation>mailbox</translation>
    </message>
    <message>
        <source>gemeenten</source>
        <translation>municipalities</translation>
    </message>
    <message>
        <source>naam</source>
        <translation>name</translation>
    </message>
    <message>
        <source>partners</source>
        <translation>partners</translation>
    </message>
    <message>
        <source>wachtwoord</source>
        <translation>password</translation>
    </message>
    <message>
        <source>telefoon voor het wachtwoord</source>
        <translation>phone for the password</translation>
    </message>
    <message>
        <source>postcodes</source>
        <translation>postcodes</translation>
    </message>
    <message>
        <source>protocol</source>
        <translation>protocol</translation>
    </message>
    <message>
        <source>advies DPO op</source>
        <translation>DPO advice on</translation>
    </message>
    <message>
        <source>beëindigd op</source>
        <translation>ended on</translation>
    </message>
    <message>
        <source>in werking vanaf</source>
        <translation>in force from</translation>
    </message>
    <message>
        <source>lokale teams</source>
        <translation>local teams</translation>
    </message>
    <message>
        <source>titel of kenmerk van het protocol</source>
        <translation>title or reference of the protocol</translation>
    </message>
    <message>
        <source>afspraak wissen na intrekking</source>
        <translation>erasure after withdrawal agreed</translation>
    </message>
    <message>
        <source>regio</source>
        <translation>region</translation>
    </message>
    <message>
        <source>registerdatum</source>
        <translation>registry date</translation>
    </message>
    <message>
        <source>versie</source>
        <translation>version</translation>
    </message>
    <message>
        <source>schemaversie</source>
        <translation>schema version</translation>
    </message>
    <message>
        <source>bevat binaire gegevens; is dit wel een partnerregister?</source>
        <translation>contains binary data; is this really a partner registry?</translation>
    </message>
    <message>
        <source>kan niet gelezen worden: het bestand bestaat niet</source>
        <translation>cannot be read: the file does not exist</translation>
    </message>
    <message>
        <source>is een map, geen bestand</source>
        <translation>is a folder, not a file</translation>
    </message>
    <message>
        <source>is een snelkoppeling (symbolische link) naar een bestand dat niet bestaat</source>
        <translation>is a shortcut (symbolic link) to a file that does not exist</translation>
    </message>
    <message>
        <source>is een snelkoppeling (symbolische link) die in een kring naar zichzelf wijst</source>
        <translation>is a shortcut (symbolic link) that points back to itself in a loop</translation>
    </message>
    <message>
        <source>is geen gewoon bestand (maar een pipe, apparaat of socket); een partnerregister is een tekstbestand</source>
        <translation>is not an ordinary file (but a pipe, device or socket); a partner registry is a text file</translation>
    </message>
    <message>
        <source>geen UTF-8-tekst; sla het bestand op als UTF-8 (geen binair bestand)</source>
        <translation>not UTF-8 text; save the file as UTF-8 (not a binary file)</translation>
    </message>
    <message>
        <source>te groot (meer dan {kilobytes} kB); is dit wel een partnerregister?</source>
        <translation>too large (more than {kilobytes} kB); is this really a partner registry?</translation>
    </message>
    <message>
        <source>kan niet gelezen worden: {reason}</source>
        <translation>cannot be read: {reason}</translation>
    </message>
    <message>
        <source>Wie wijzigde het partnerregister?</source>
        <translation>Who changed the partner registry?</translation>
    </message>
    <message>
        <source>Geef een datum als 2024-02-01 of 1/02/2024.</source>
        <translation>Give a date such as 2024-02-01 or 1/02/2024.</translation>
    </message>
    <message>
        <source>Kleine letters, cijfers en koppeltekens; vorm klopt niet.</source>
        <translation>Lower-case letters, digits and hyphens; the form is not right.</translation>
    </message>
    <message>
        <source>Geen NIS-code: {value} (5 cijfers, bv. 33029).</source>
        <translation>Not a NIS code: {value} (5 digits, e.g. 33029).</translation>
    </message>
    <message>
        <source>Postcode {postcode} hoort bij geen van de gemeenten hierboven.</source>
        <translation>Postcode {postcode} belongs to none of the municipalities above.</translation>
    </message>
    <message>
        <source>Geen postcode: {value} (4 cijfers, bv. 3970).</source>
        <translation>Not a postcode: {value} (4 digits, e.g. 3970).</translation>
    </message>
    <message>
        <source>{municipality} ({nis}) is een {reason}.</source>
        <translation>{municipality} ({nis}) is {reason}.</translation>
    </message>
    <message>
        <source>Verplicht.</source>
        <translation>Required.</translation>
    </message>
    <message>
        <source>Vorm klopt niet: {value}.</source>
        <translation>Not in the right form: {value}.</translation>
    </message>
    <message>
        <source>Te kort: minstens {count} tekens.</source>
        <translation>Too short: at least {count} characters.</translation>
    </message>
    <message>
        <source>Te kort: minstens {count} teken.</source>
        <translation>Too short: at least {count} character.</translation>
    </message>
    <message>
        <source>Onbekende NIS-code: {nis}.</source>
        <translation>Unknown NIS code: {nis}.</translation>
    </message>
    <message>
        <source>Onbekende postcode: {postcode}.</source>
        <translation>Unknown postcode: {postcode}.</translation>
    </message>
    <message>
        <source>Geef de versie van het partnerregister.</source>
        <translation>Give the version of the partner registry.</translation>
    </message>
    <message>
        <source>Een {kind} hoort bij regio {region}.</source>
        <translation>An {kind} belongs to region {region}.</translation>
    </message>
    <message>
        <source>verplicht veld ontbreekt</source>
        <translation>required field is missing</translation>
    </message>
    <message>
        <source>Het partnerregister is gewijzigd: geef het een nieuwe versie (nu {version}).</source>
        <translation>The partner registry has changed: give it a new version (now {version}).</translation>
    </message>
    <message>
        <source>verwacht een lijst van [[partners]]-tabellen</source>
        <translation>expects a list of [[partners]] tables</translation>
    </message>
    <message>
        <source>geen geldige TOML: {error}</source>
        <translation>not valid TOML: {error}</translation>
    </message>
    <message>
        <source>Het partnerregister kan pas bewaard worden als alles in orde is:</source>
        <translation>The partner registry can only be saved once everything is in order:</translation>
    </message>
    <message>
        <source>postcode wordt in dezelfde periode al bediend door {partner} (partner {number}) voor dezelfde gemeente; beëindig eerst dat protocol</source>
        <translation>this postcode is already served in the same period by {partner} (partner {number}) for the same municipality; end that protocol first</translation>
    </message>
    <message>
        <source>postcode hoort niet bij een van de gemeenten van deze partner</source>
        <translation>this postcode belongs to none of this partner&apos;s municipalities</translation>
    </message>
    <message>
        <source>Het geopende partnerregister was ongeldig; dit is de herstelde versie.</source>
        <translation>The partner registry that was opened was invalid; this is the repaired version.</translation>
    </message>
    <message>
        <source>moet minstens {count} elementen bevatten</source>
        <translation>must contain at least {count} items</translation>
    </message>
    <message>
        <source>moet minstens {count} element bevatten</source>
        <translation>must contain at least {count} item</translation>
    </message>
    <message>
        <source>verwacht een datum als JJJJ-MM-DD</source>
        <translation>expects a date as YYYY-MM-DD</translation>
    </message>
    <message>
        <source>verwacht een datum als JJJJ-MM-DD (zonder aanhalingstekens)</source>
        <translation>expects a date as YYYY-MM-DD (without quotes)</translation>
    </message>
    <message>
        <source>onbekende sleutel (tikfout?); alleen de velden uit de handleiding mogen</source>
        <translation>unknown key (a typo?); only the fields in the manual are allowed</translation>
    </message>
    <message>
        <source>verwacht een geheel getal</source>
        <translation>expects a whole number</translation>
    </message>
    <message>
        <source>verwacht een lijst tussen [ ]</source>
        <translation>expects a list between [ ]</translation>
    </message>
    <message>
        <source>verwacht een van: {expected}</source>
        <translation>expects one of: {expected}</translation>
    </message>
    <message>
        <source>heeft niet de verwachte vorm ({pattern})</source>
        <translation>does not have the expected form ({pattern})</translation>
    </message>
    <message>
        <source>verwacht tekst tussen aanhalingstekens</source>
        <translation>expects text between quotes</translation>
    </message>
    <message>
        <source>verwacht een tabel</source>
        <translation>expects a table</translation>
    </message>
    <message>
        <source>te kort (minstens {count} tekens)</source>
        <translation>too short (at least {count} characters)</translation>
    </message>
    <message>
        <source>te kort (minstens {count} teken)</source>
        <translation>too short (at least {count} character)</translation>
    </message>
    <message>
        <source>{subject}, {field}: {expected}</source>
        <translation>{subject}, {field}: {expected}</translation>
    </message>
    <message>
        <source>{subject}: {field} ontbreekt</source>
        <translation>{subject}: {field} is missing</translation>
    </message>
    <message>
        <source>{subject}, {field}: {expected} (waarde: {value})</source>
        <translation>{subject}, {field}: {expected} (value: {value})</translation>
    </message>
    <message>
        <source>{subject}: {field} ontbreken</source>
        <translation>{subject}: {field} are missing</translation>
    </message>
    <message>
        <source>{file}: {expected}</source>
        <translation>{file}: {expected}</translation>
    </message>
    <message>
        <source>{subject}: {expected}</source>
        <translation>{subject}: {expected}</translation>
    </message>
    <message>
        <source>Partner {number}</source>
        <translation>Partner {number}</translation>
    </message>
    <message>
        <source>Partnerregister</source>
        <translation>Partner registry</translation>
    </message>
    <message>
        <source>te diep genest (meer dan {levels} niveaus [ ], {{ }} of a.b.c); is dit wel een partnerregister?</source>
        <translation>nested too deeply (more than {levels} levels of [ ], {{ }} or a.b.c); is this really a partner registry?</translation>
    </message>
    <message>
        <source>onbekende NIS-code</source>
        <translation>unknown NIS code</translation>
    </message>
    <message>
        <source>onbekende postcode</source>
        <translation>unknown postcode</translation>
    </message>
    <message>
        <source>een {kind} hoort bij regio {region}</source>
        <translation>an {kind} belongs to region {region}</translation>
    </message>
    <message>
        <source>{what}: geen minisign-bestand (onleesbare base64-regel).</source>
        <translation>{what}: not a minisign file (unreadable base64 line).</translation>
    </message>
    <message>
        <source>geheime sleutel: ongeldige scrypt-parameters.</source>
        <translation>secret key: invalid scrypt parameters.</translation>
    </message>
    <message>
        <source>de handtekening van sleutel {key} klopt niet: het bestand is gewijzigd na het ondertekenen.</source>
        <translation>the signature of key {key} does not match: the file was changed after it was signed.</translation>
    </message>
    <message>
        <source>de vertrouwde opmerking van de handtekening van {key} is gewijzigd.</source>
        <translation>the trusted comment of the signature of {key} was changed.</translation>
    </message>
    <message>
        <source>De vertrouwde opmerking past niet op één regel.</source>
        <translation>The trusted comment does not fit on one line.</translation>
    </message>
    <message>
        <source>geheime sleutel: beschadigd (de twee helften horen niet samen).</source>
        <translation>secret key: damaged (its two halves do not belong together).</translation>
    </message>
    <message>
        <source>{what}: het bestand is leeg.</source>
        <translation>{what}: the file is empty.</translation>
    </message>
    <message>
        <source>{what}: geen minisign-handtekening (vier regels verwacht).</source>
        <translation>{what}: not a minisign signature (four lines expected).</translation>
    </message>
    <message>
        <source>{what}: geen Ed25519-sleutel van minisign.</source>
        <translation>{what}: not a minisign Ed25519 key.</translation>
    </message>
    <message>
        <source>ondertekend met sleutel {signed_by}, niet met {key}.</source>
        <translation>signed with key {signed_by}, not with {key}.</translation>
    </message>
    <message>
        <source>{what}: onbekend algoritme.</source>
        <translation>{what}: unknown algorithm.</translation>
    </message>
    <message>
        <source>publieke sleutel</source>
        <translation>public key</translation>
    </message>
    <message>
        <source>geheime sleutel</source>
        <translation>secret key</translation>
    </message>
    <message>
        <source>handtekening</source>
        <translation>signature</translation>
    </message>
    <message>
        <source>Verkeerd wachtwoord voor de geheime sleutel.</source>
        <translation>Wrong password for the secret key.</translation>
    </message>
    <message>
        <source>geheime sleutel: te groot voor een minisign-sleutel.</source>
        <translation>secret key: too large for a minisign key.</translation>
    </message>
    <message>
        <source>verwacht een datum als 2024-02-01 of 1/02/2024</source>
        <translation>expects a date such as 2024-02-01 or 1/02/2024</translation>
    </message>
    <message>
        <source>id staat al in rij {row}</source>
        <translation>this id is already in row {row}</translation>
    </message>
    <message>
        <source>verplichte kolom ontbreekt</source>
        <translation>required column is missing</translation>
    </message>
    <message>
        <source>geen enkele partner in het bestand</source>
        <translation>not a single partner in the file</translation>
    </message>
    <message>
        <source>geen geldige CSV: {error}</source>
        <translation>not valid CSV: {error}</translation>
    </message>
    <message>
        <source>geen tekstbestand; bewaar in Excel als CSV</source>
        <translation>not a text file; save it from Excel as CSV</translation>
    </message>
    <message>
        <source>verplicht veld is leeg</source>
        <translation>required field is empty</translation>
    </message>
    <message>
        <source>te groot voor een partnerlijst (max. 1 MB)</source>
        <translation>too large for a partner list (max. 1 MB)</translation>
    </message>
    <message>
        <source>{cells} cellen, maar {columns} kolommen</source>
        <translation>{cells} cells, but {columns} columns</translation>
    </message>
    <message>
        <source>onbekende kolom (tikfout?)</source>
        <translation>unknown column (a typo?)</translation>
    </message>
    <message>
        <source>heeft niet de verwachte vorm</source>
        <translation>does not have the expected form</translation>
    </message>
    <message>
        <source>ja of nee</source>
        <translation>yes or no</translation>
    </message>
    <message>
        <source>{status}; er zijn vertrouwde sleutels ingesteld, dus het machineregister moet ondertekend zijn met een ervan (referral-desk registry sign)</source>
        <translation>{status}; trusted keys are configured, so the machine registry must be signed with one of them (referral-desk registry sign)</translation>
    </message>
    <message>
        <source>{file}: {problem}</source>
        <translation>{file}: {problem}</translation>
    </message>
    <message>
        <source>ondertekend door sleutel {key}, niet geldig</source>
        <translation>signed by key {key}, not valid</translation>
    </message>
    <message>
        <source>ondertekend door sleutel {key} op {when} UTC, niet geldig</source>
        <translation>signed by key {key} on {when} UTC, not valid</translation>
    </message>
    <message>
        <source>ondertekend door sleutel {key} op {when} UTC, niet geldig: {problem}</source>
        <translation>signed by key {key} on {when} UTC, not valid: {problem}</translation>
    </message>
    <message>
        <source>ondertekend door sleutel {key}, niet geldig: {problem}</source>
        <translation>signed by key {key}, not valid: {problem}</translation>
    </message>
    <message>
        <source>deze sleutel is niet vertrouwd (vertrouwd: {trusted})</source>
        <translation>this key is not trusted (trusted: {trusted})</translation>
    </message>
    <message>
        <source>geen {file} naast het bestand</source>
        <translation>no {file} next to the file</translation>
    </message>
    <message>
        <source>geen</source>
        <translation>none</translation>
    </message>
    <message>
        <source>niet ondertekend</source>
        <translation>not signed</translation>
    </message>
    <message>
        <source>niet ondertekend ({problem})</source>
        <translation>not signed ({problem})</translation>
    </message>
    <message>
        <source>ondertekend door vertrouwde sleutel {key}</source>
        <translation>signed by trusted key {key}</translation>
    </message>
    <message>
        <source>ondertekend door vertrouwde sleutel {key} op {when} UTC</source>
        <translation>signed by trusted key {key} on {when} UTC</translation>
    </message>
    <message>
        <source>{file} onleesbaar ({error})</source>
        <translation>{file} unreadable ({error})</translation>
    </message>
    <message>
        <source>{folder}: kan niet gelezen worden ({error})</source>
        <translation>{folder}: cannot be read ({error})</translation>
    </message>
    <message>
        <source>{file}: geen leesbare minisign-sleutel ({error})</source>
        <translation>{file}: no readable minisign key ({error})</translation>
    </message>
    <message>
        <source>{file} is geen geldige TOML ({error})</source>
        <translation>{file} is not valid TOML ({error})</translation>
    </message>
    <message>
        <source>{file} kan niet gelezen worden ({error})</source>
        <translation>{file} cannot be read ({error})</translation>
    </message>
    <message>
        <source>{file} is ongeldig: {problem}</source>
        <translation>{file} is invalid: {problem}</translation>
    </message>
    <message>
        <source>{reason}; er is nog geen gecontroleerde kopie, dus het meegeleverde partnerregister wordt gebruikt</source>
        <translation>{reason}; there is no verified copy yet, so the bundled partner registry is used</translation>
    </message>
    <message>
        <source>{reason}; de laatst gecontroleerde versie {version} blijft in gebruik</source>
        <translation>{reason}; the last verified version {version} stays in use</translation>
    </message>
    <message>
        <source>bronmap {folder} antwoordt niet binnen {seconds} seconden</source>
        <translation>source folder {folder} does not answer within {seconds} seconds</translation>
    </message>
    <message>
        <source>bronmap {folder} niet gebruikt: er zijn geen (leesbare) vertrouwde sleutels ingesteld om de handtekening te controleren</source>
        <translation>source folder {folder} not used: no (readable) trusted keys are configured to check the signature</translation>
    </message>
    <message>
        <source>bronmap {folder} niet gebruikt: er zijn geen (leesbare) vertrouwde sleutels ingesteld om de handtekening te controleren ({problems})</source>
        <translation>source folder {folder} not used: no (readable) trusted keys are configured to check the signature ({problems})</translation>
    </message>
    <message>
        <source>{file}: {key} moet een map zijn (tekst tussen &apos;…&apos;)</source>
        <translation>{file}: {key} must be a folder (text between &apos;…&apos;)</translation>
    </message>
    <message>
        <source>{file}: {key} moet een volledig pad zijn: {value}</source>
        <translation>{file}: {key} must be a full path: {value}</translation>
    </message>
    <message>
        <source>de bronmap heeft versie {source}, niet nieuwer dan de laatst gecontroleerde versie {cached}; die blijft in gebruik</source>
        <translation>the source folder has version {source}, not newer than the last verified version {cached}; that one stays in use</translation>
    </message>
    <message>
        <source>bronmap {folder}: {error}</source>
        <translation>source folder {folder}: {error}</translation>
    </message>
    <message>
        <source>{file}: {status}</source>
        <translation>{file}: {status}</translation>
    </message>
    <message>
        <source>bronmap {folder} is niet bereikbaar</source>
        <translation>source folder {folder} cannot be reached</translation>
    </message>
    <message>
        <source>De sleutel {path} is niet bruikbaar: {reason}</source>
        <translation>The key {path} cannot be used: {reason}</translation>
    </message>
    <message>
        <source>geen tekstbestand</source>
        <translation>not a text file</translation>
    </message>
    <message>
        <source>{path} kon niet geschreven worden ({reason}).</source>
        <translation>{path} could not be written ({reason}).</translation>
    </message>
    <message>
        <source>{first} of {last}</source>
        <translation>{first} or {last}</translation>
    </message>
    <message>
        <source>{listed} en nog {more}</source>
        <translation>{listed} and {more} more</translation>
    </message>
    <message>
        <source>een verwijderverzoek</source>
        <translation>a deletion request</translation>
    </message>
    <message>
        <source>een gemeld gegevenslek</source>
        <translation>a reported data breach</translation>
    </message>
    <message>
        <source>een opnieuw getoond wachtwoord</source>
        <translation>a password shown again</translation>
    </message>
    <message>
        <source>de doorverwijzing</source>
        <translation>the referral</translation>
    </message>
    <message>
        <source>een statuswijziging</source>
        <translation>a status change</translation>
    </message>
    <message>
        <source>{row} van {referral_id} is buiten referral-desk toegevoegd</source>
        <translation>{row} of {referral_id} was added outside referral-desk</translation>
    </message>
    <message>
        <source>{row} van {referral_id} is buiten referral-desk gewijzigd</source>
        <translation>{row} of {referral_id} was changed outside referral-desk</translation>
    </message>
    <message>
        <source>{row} van {referral_id} is buiten referral-desk verwijderd</source>
        <translation>{row} of {referral_id} was deleted outside referral-desk</translation>
    </message>
    <message>
        <source>het dagboek van het logboek is buiten referral-desk gewijzigd vanaf regel {entry}</source>
        <translation>the log&apos;s journal was changed outside referral-desk from entry {entry} on</translation>
    </message>
    <message>
        <source>Het logboek van doorverwijzingen is buiten referral-desk aangepast ({count} keer), onder meer: {first}. Meld dit aan de coördinator en de DPO.</source>
        <translation>The referral log was altered outside referral-desk ({count} times), among them: {first}. Report this to the coordinator and the DPO.</translation>
    </message>
    <message>
        <source>Nog {hours} uur en {minutes} minuten om het gegevenslek aan de toezichthouder te melden (72 uur na de ontdekking, tot {until}).</source>
        <translation>{hours} hours and {minutes} minutes left to report the breach to the supervisory authority (72 hours after discovery, until {until}).</translation>
    </message>
    <message>
        <source>De 72 uur na de ontdekking zijn voorbij sinds {until}: meld het gegevenslek meteen en zeg waarom het later is (AVG art. 33, lid 1).</source>
        <translation>The 72 hours after discovery ended at {until}: report the breach now and say why it is late (GDPR art. 33(1)).</translation>
    </message>
    <message>
        <source>Het moment van ontdekking ligt vóór de doorverwijzing ({created}).</source>
        <translation>The moment of discovery is before the referral ({created}).</translation>
    </message>
    <message>
        <source>De klok van deze computer staat verkeerd: ze staat vóór de laatste doorverwijzing ({date}). Laat de datum en tijd nakijken door de IT-dienst; er is niets gemaakt of verstuurd. Uw invoer blijft staan.</source>
        <translation>This computer&apos;s clock is wrong: it is set before the last referral ({date}). Have IT check the date and time; nothing was made or sent. Your input stays.</translation>
    </message>
    <message>
        <source>De doorverwijzing past niet op één pagina: de naam of de protocolreferentie van {partner} in het partnerregister is te lang. Meld dit aan uw coördinator; er is niets bewaard of verstuurd.</source>
        <translation>The referral does not fit on one page: the name or the protocol reference of {partner} in the partner registry is too long. Tell your coordinator; nothing was saved or sent.</translation>
    </message>
    <message>
        <source>De doorverwijzing kan niet in het logboek genoteerd worden zoals ze is. Zet &apos;Initialen en postcode bewaren&apos; uit in Instellingen, of meld dit aan de helpdesk; er is niets bewaard of verstuurd.</source>
        <translation>The referral cannot be recorded in the log as it is. Turn off &apos;Keep initials and postcode&apos; in Settings, or tell the helpdesk; nothing was saved or sent.</translation>
    </message>
    <message>
        <source>Het partnerregister geeft voor {partner} ({municipality}) een ander adres dan de vorige keer ({previous} → {current}); bevestig dat eerst.</source>
        <translation>The partner registry gives another address for {partner} ({municipality}) than last time ({previous} → {current}); confirm that first.</translation>
    </message>
    <message>
        <source>Er kan niet nagekeken worden naar welk adres de vorige doorverwijzing voor {municipality} ging: {reason} Er is niets gemaakt of verstuurd; uw invoer blijft staan.</source>
        <translation>It cannot be checked which address the previous referral for {municipality} went to: {reason} Nothing was made or sent; your input stays.</translation>
    </message>
    <message>
        <source>Het adres van {partner} in het partnerregister kan niet in een e-mailconcept. Meld dit aan uw coördinator; er is niets bewaard of verstuurd.</source>
        <translation>The address of {partner} in the partner registry cannot go into an e-mail draft. Tell your coordinator; nothing was saved or sent.</translation>
    </message>
    <message>
        <source>Met {partner} is een vast wachtwoord afgesproken, maar het staat niet in de sleutelbos. Stel het in via Bestand → Instellingen → Logboek en wachtwoorden. Uw invoer blijft staan.</source>
        <translation>A fixed password was agreed with {partner}, but it is not in the keyring. Set it in File → Settings → Referral log and passwords. Your input stays.</translation>
    </message>
    <message>
        <source>Met {partner} is een vast wachtwoord afgesproken, maar er is geen sleutelbos om het uit te lezen. Uw invoer blijft staan.</source>
        <translation>A fixed password was agreed with {partner}, but there is no keyring to read it from. Your input stays.</translation>
    </message>
    <message>
        <source>Een afgesproken wachtwoord moet even sterk zijn als een eenmalig: minstens {letters} tekens met letters, of {mixed} met kleine letters, hoofdletters én cijfers; elk teken telt hoogstens twee keer mee.</source>
        <translation>An agreed password must be as strong as a one-time one: at least {letters} characters with letters, or {mixed} with lower-case letters, capitals and digits; each character counts at most twice.</translation>
    </message>
    <message>
        <source>Het afgesproken wachtwoord voor {partner} in de sleutelbos is te zwak. {rule} Spreek een sterker af en stel het in via Bestand → Instellingen → Logboek en wachtwoorden. Uw invoer blijft staan.</source>
        <translation>The agreed password for {partner} in the keyring is too weak. {rule} Agree on a stronger one and set it in File → Settings → Referral log and passwords. Your input stays.</translation>
    </message>
    <message>
        <source>Het afgesproken wachtwoord voor {partner} kan niet gelezen worden: {reason}. Uw invoer blijft staan.</source>
        <translation>The agreed password for {partner} cannot be read: {reason}. Your input stays.</translation>
    </message>
    <message>
        <source>Het logboek van doorverwijzingen is bezet door een ander venster van referral-desk. Er is niets gemaakt of verstuurd; probeer het over enkele seconden opnieuw. Uw invoer blijft staan.</source>
        <translation>The referral log is in use by another referral-desk window. Nothing was made or sent; try again in a few seconds. Your input stays.</translation>
    </message>
    <message>
        <source>{reason} Er is niets gemaakt of verstuurd; uw invoer blijft staan.</source>
        <translation>{reason} Nothing was made or sent; your input stays.</translation>
    </message>
    <message>
        <source>Het archief is verwijderd, maar de annulering is niet genoteerd: {reason} Probeer opnieuw te annuleren.</source>
        <translation>The archive was removed, but the cancellation was not recorded: {reason} Try cancelling again.</translation>
    </message>
    <message>
        <source>De annulering is niet genoteerd: {reason} Er is niets gewijzigd.</source>
        <translation>The cancellation was not recorded: {reason} Nothing was changed.</translation>
    </message>
    <message>
        <source>{referral_id} is nooit als verstuurd genoteerd: annuleer de doorverwijzing in plaats van de toestemming in te trekken.</source>
        <translation>{referral_id} was never recorded as sent: cancel the referral instead of withdrawing the consent.</translation>
    </message>
    <message>
        <source>Er is geen sleutelbos; wachtwoorden kunnen niet opnieuw getoond worden.</source>
        <translation>There is no keyring; passwords cannot be shown again.</translation>
    </message>
    <message>
        <source>{referral_id} kan niet geannuleerd worden: alleen een concept dat nooit verstuurd werd.</source>
        <translation>{referral_id} cannot be cancelled: only a draft that was never sent can.</translation>
    </message>
    <message>
        <source>{referral_id} kan niet ingetrokken worden: de status is niet verstuurd.</source>
        <translation>{referral_id} cannot be withdrawn: its status is not sent.</translation>
    </message>
    <message>
        <source>Geannuleerd (nooit verstuurd): het wachtwoord is gewist.</source>
        <translation>Cancelled (never sent): the password was erased.</translation>
    </message>
    <message>
        <source>Het wachtwoord van {referral_id} is niet meer bewaard (bewaartermijn voorbij, of een vooraf afgesproken wachtwoord). Maak zo nodig een correctie met een nieuw wachtwoord.</source>
        <translation>The password of {referral_id} is no longer kept (retention period over, or a password agreed beforehand). If needed, make a correction with a new password.</translation>
    </message>
    <message>
        <source>Het wachtwoord kan niet getoond worden: {reason}.</source>
        <translation>The password cannot be shown: {reason}.</translation>
    </message>
    <message>
        <source>Toestemming ingetrokken: het wachtwoord is gewist.</source>
        <translation>Consent withdrawn: the password was erased.</translation>
    </message>
    <message>
        <source>Het logboek is niet beschikbaar.</source>
        <translation>The referral log is not available.</translation>
    </message>
    <message>
        <source>Onbekende manier om het wachtwoord door te geven.</source>
        <translation>Unknown way of passing on the password.</translation>
    </message>
    <message>
        <source>De intrekking is niet genoteerd: {reason} Er is niets gewijzigd.</source>
        <translation>The withdrawal was not recorded: {reason} Nothing was changed.</translation>
    </message>
    <message>
        <source>de datum van de toestemming ligt vóór het protocol met deze partner ({date})</source>
        <translation>the date of the consent is before the protocol with this partner ({date})</translation>
    </message>
    <message>
        <source>de datum van de toestemming ligt in de toekomst</source>
        <translation>the date of the consent is in the future</translation>
    </message>
    <message>
        <source>Toestemming niet in orde: {reasons}.</source>
        <translation>Consent not in order: {reasons}.</translation>
    </message>
    <message>
        <source>verbeter {fields}</source>
        <translation>correct {fields}</translation>
    </message>
    <message>
        <source>verbeter telefoon en e-mail (of wis er één en verbeter het andere)</source>
        <translation>correct phone and e-mail (or clear one and correct the other)</translation>
    </message>
    <message>
        <source>bus</source>
        <translation>box</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>voornaam</source>
        <translation>first name</translation>
    </message>
    <message>
        <source>huisnummer</source>
        <translation>house number</translation>
    </message>
    <message>
        <source>achternaam</source>
        <translation>last name</translation>
    </message>
    <message>
        <source>gemeente</source>
        <translation>municipality</translation>
    </message>
    <message>
        <source>telefoon</source>
        <translation>phone</translation>
    </message>
    <message>
        <source>postcode</source>
        <translation>postcode</translation>
    </message>
    <message>
        <source>straat</source>
        <translation>street</translation>
    </message>
    <message>
        <source>vul {fields} in</source>
        <translation>fill in {fields}</translation>
    </message>
    <message>
        <source>geef een telefoonnummer of een e-mailadres op</source>
        <translation>give a phone number or an e-mail address</translation>
    </message>
    <message>
        <source>{first} en {last}</source>
        <translation>{first} and {last}</translation>
    </message>
    <message>
        <source>{first}, {rest}</source>
        <translation>{first}, {rest}</translation>
    </message>
    <message>
        <source>vink aan dat de cliënt toestemming geeft</source>
        <translation>tick that the client gives consent</translation>
    </message>
    <message>
        <source>vul de datum van de toestemming in</source>
        <translation>fill in the date of the consent</translation>
    </message>
    <message>
        <source>geen partner voor dit adres</source>
        <translation>no partner for this address</translation>
    </message>
    <message>
        <source>vul eerst uw aanmeldersprofiel in (menu Profiel)</source>
        <translation>first fill in your referrer profile (menu Your profile)</translation>
    </message>
    <message>
        <source>vink aan dat de cliënt geïnformeerd is</source>
        <translation>tick that the client was informed</translation>
    </message>
    <message>
        <source>Nog niet klaar: {reasons}.</source>
        <translation>Not ready yet: {reasons}.</translation>
    </message>
    <message>
        <source>{fields} zijn niet in orde (verbeter of wis ze)</source>
        <translation>{fields} are not in order (correct or clear them)</translation>
    </message>
    <message>
        <source>{fields} is niet in orde (verbeter of wis het)</source>
        <translation>{fields} is not in order (correct or clear it)</translation>
    </message>
    <message>
        <source>{first}; {rest}</source>
        <translation>{first}; {rest}</translation>
    </message>
    <message>
        <source>het logboek van doorverwijzingen werkt niet</source>
        <translation>the referral log does not work</translation>
    </message>
    <message>
        <source>het partnerregister is ongeldig</source>
        <translation>the partner registry is invalid</translation>
    </message>
    <message>
        <source>meegeleverd partnerregister</source>
        <translation>bundled partner registry</translation>
    </message>
    <message>
        <source>laatst gecontroleerde kopie uit de bronmap</source>
        <translation>last verified copy from the source folder</translation>
    </message>
    <message>
        <source>machineregister</source>
        <translation>machine registry</translation>
    </message>
    <message>
        <source>partnerregister uit de bronmap</source>
        <translation>partner registry from the source folder</translation>
    </message>
    <message>
        <source>Deze doorverwijzing is al gemaakt of wordt gemaakt; begin een nieuwe doorverwijzing.</source>
        <translation>This referral has been made or is being made; start a new referral.</translation>
    </message>
    <message>
        <source>De gewijzigde mailbox van de partner is niet bevestigd.</source>
        <translation>The partner&apos;s changed mailbox was not confirmed.</translation>
    </message>
    <message>
        <source>Het verwijderverzoek aan {partner} voor {original} (correctie {correction}) is nog niet als verstuurd genoteerd. Toch doorgaan?</source>
        <translation>The deletion request to {partner} for {original} (correction {correction}) has not been recorded as sent. Continue anyway?</translation>
    </message>
    <message>
        <source>De gecorrigeerde gegevens gaan naar {partner}, niet naar {first} die de eerste doorverwijzing kreeg. Vraag {first} de gegevens van {original} te verwijderen: na het maken staat daarvoor een knop klaar.</source>
        <translation>The corrected data go to {partner}, not to {first}, which received the first referral. Ask {first} to delete the data of {original}: once it is made, a button for that is ready.</translation>
    </message>
    <message>
        <source>{referral_id} staat niet in het logboek.</source>
        <translation>{referral_id} is not in the referral log.</translation>
    </message>
    <message>
        <source>Of de correctie naar een andere partner gaat, kan niet nagekeken worden: {reason}</source>
        <translation>Whether the correction goes to another partner cannot be checked: {reason}</translation>
    </message>
    <message>
        <source>De correctie {correction} ging naar {partner}, niet naar {first} die de eerste doorverwijzing kreeg. Vraag {first} de gegevens van {original} te verwijderen.</source>
        <translation>The correction {correction} went to {partner}, not to {first}, which received the first referral. Ask {first} to delete the data of {original}.</translation>
    </message>
    <message>
        <source>{reason}.</source>
        <translation>{reason}.</translation>
    </message>
    <message>
        <source>nog {days} dagen (tot {date})</source>
        <translation>for {days} more days (until {date})</translation>
    </message>
    <message>
        <source>Het formulier is ingevuld. De gegevens en de toestemming gaan verloren. {go_on}</source>
        <translation>The form is filled in. The data and the consent will be lost. {go_on}</translation>
    </message>
    <message>
        <source>Toch afsluiten?</source>
        <translation>Close anyway?</translation>
    </message>
    <message>
        <source>Toch een nieuwe doorverwijzing beginnen?</source>
        <translation>Start a new referral anyway?</translation>
    </message>
    <message>
        <source>later</source>
        <translation>later</translation>
    </message>
    <message>
        <source>nog {days} dag (tot {date})</source>
        <translation>for {days} more day (until {date})</translation>
    </message>
    <message>
        <source>Het wachtwoord is nog niet als doorgegeven genoteerd. Het gaat niet verloren: het blijft in de sleutelbos en u kunt het {when} opnieuw tonen via Doorverwijzingen → Verzonden doorverwijzingen. {go_on}</source>
        <translation>The password has not been recorded as passed on. It is not lost: it stays in the keyring and you can show it again {when} via Referrals → Sent referrals. {go_on}</translation>
    </message>
    <message>
        <source>Het wachtwoord is nog niet als doorgegeven genoteerd en kan later niet opnieuw getoond worden: zonder dit wachtwoord kan de partner het archief niet openen. {go_on}</source>
        <translation>The password has not been recorded as passed on and cannot be shown again later: without this password the partner cannot open the archive. {go_on}</translation>
    </message>
    <message>
        <source>tot {date}</source>
        <translation>until {date}</translation>
    </message>
    <message>
        <source>er is geen sleutelbos</source>
        <translation>there is no keyring</translation>
    </message>
    <message>
        <source>het logboek is niet beschikbaar</source>
        <translation>the referral log is not available</translation>
    </message>
    <message>
        <source>onverwachte fout ({kind})</source>
        <translation>unexpected error ({kind})</translation>
    </message>
    <message>
        <source>geen geldig e-mailadres: {detail}</source>
        <translation>not a valid e-mail address: {detail}</translation>
    </message>
    <message>
        <source>geen geldig telefoonnummer: {value}</source>
        <translation>not a valid phone number: {value}</translation>
    </message>
    <message>
        <source>ended_on ({ended_on}) moet na in_force_from ({in_force_from}) liggen</source>
        <translation>ended_on ({ended_on}) must be after in_force_from ({in_force_from})</translation>
    </message>
    <message>
        <source>de sleutelbos weigert het wachtwoord te verwijderen (geen toegang)</source>
        <translation>the keyring refuses to remove the password (no access)</translation>
    </message>
    <message>
        <source>de sleutelbos kan niet gestart worden</source>
        <translation>the keyring cannot be started</translation>
    </message>
    <message>
        <source>de sleutelbos is vergrendeld; ontgrendel hem (meld u opnieuw aan) en probeer opnieuw</source>
        <translation>the keyring is locked; unlock it (sign in again) and try again</translation>
    </message>
    <message>
        <source>de sleutelbos weigert de toegang</source>
        <translation>the keyring refuses access</translation>
    </message>
    <message>
        <source>er is geen sleutelbos (Windows Referentiebeheer of Secret Service) beschikbaar</source>
        <translation>no keyring (Windows Credential Manager or Secret Service) is available</translation>
    </message>
    <message>
        <source>de sleutelbos weigert ({kind})</source>
        <translation>the keyring refuses ({kind})</translation>
    </message>
    <message>
        <source>de sleutelbos weigert het wachtwoord te bewaren (geen toegang)</source>
        <translation>the keyring refuses to keep the password (no access)</translation>
    </message>
    <message>
        <source>de sleutelbos antwoordt niet ({kind})</source>
        <translation>the keyring does not answer ({kind})</translation>
    </message>
    <message>
        <source>Het archief van {referral_id} kon niet uit de outbox {folder} verwijderd worden (in gebruik of alleen-lezen?). Sluit het e-mailprogramma en probeer opnieuw; de doorverwijzing is niet geannuleerd.</source>
        <translation>The archive of {referral_id} could not be removed from the outbox {folder} (in use or read-only?). Close the e-mail program and try again; the referral was not cancelled.</translation>
    </message>
    <message>
        <source>Het versleutelde archief kon niet bewaard worden in {folder} ({reason}). Controleer of de schijf vol of alleen-lezen is en probeer opnieuw; uw invoer blijft staan.</source>
        <translation>The encrypted archive could not be saved in {folder} ({reason}). Check whether the disk is full or read-only and try again; your input stays.</translation>
    </message>
    <message>
        <source>De outbox-map {folder} is een snelkoppeling (symbolische link) naar een andere plaats; referral-desk schrijft daar niet doorheen en heeft niets bewaard. Verwijder de snelkoppeling (referral-desk maakt dan zelf een gewone map) of vraag de IT-dienst om hulp.</source>
        <translation>The outbox folder {folder} is a shortcut (symbolic link) to another place; referral-desk does not write through it and saved nothing. Remove the shortcut (referral-desk then makes an ordinary folder itself) or ask IT for help.</translation>
    </message>
    <message>
        <source>De outbox {folder} is geen gewone map (een snelkoppeling?); er is niets verwijderd.</source>
        <translation>The outbox {folder} is not an ordinary folder (a shortcut?); nothing was removed.</translation>
    </message>
    <message>
        <source>De outbox {folder} kan niet gelezen worden ({reason}).</source>
        <translation>The outbox {folder} cannot be read ({reason}).</translation>
    </message>
    <message>
        <source>De outbox {folder} is niet beschrijfbaar ({reason}); er is niets gewijzigd.</source>
        <translation>The outbox {folder} is not writable ({reason}); nothing was changed.</translation>
    </message>
    <message>
        <source>{original} of {correction} is al aan een andere correctie gekoppeld.</source>
        <translation>{original} or {correction} is already linked to another correction.</translation>
    </message>
    <message>
        <source>Het logboek van doorverwijzingen is bezet door een ander venster van referral-desk. Probeer het zo opnieuw.</source>
        <translation>The referral log is in use by another referral-desk window. Try again in a moment.</translation>
    </message>
    <message>
        <source>Het logboek van doorverwijzingen is bezet door een ander venster van referral-desk. Sluit dat venster en start referral-desk opnieuw.</source>
        <translation>The referral log is in use by another referral-desk window. Close that window and start referral-desk again.</translation>
    </message>
    <message>
        <source>het logboek was bezet door een ander venster van referral-desk; de doorverwijzing is wel gemaakt, maak ze dus niet opnieuw</source>
        <translation>the referral log was in use by another referral-desk window; the referral was made, so do not make it again</translation>
    </message>
    <message>
        <source>Een doorverwijzing kan zichzelf niet corrigeren.</source>
        <translation>A referral cannot correct itself.</translation>
    </message>
    <message>
        <source>Het logboek van doorverwijzingen {file} is beschadigd. Het is niet aangeraakt; geef het bestand aan de IT-dienst. Tot dan wordt niets genoteerd.</source>
        <translation>The referral log {file} is damaged. It was not touched; give the file to IT. Until then nothing is recorded.</translation>
    </message>
    <message>
        <source>Het logboek van doorverwijzingen gaf een fout ({kind}).</source>
        <translation>The referral log gave an error ({kind}).</translation>
    </message>
    <message>
        <source>De map {folder} voor het logboek van doorverwijzingen kan niet gemaakt worden ({reason}).</source>
        <translation>The folder {folder} for the referral log cannot be made ({reason}).</translation>
    </message>
    <message>
        <source>Het logboek van doorverwijzingen staat in {folder} onder de oude naam {former}, maar {clash} bestaat al. Er is niets verplaatst of overschreven; geef de map aan de IT-dienst.</source>
        <translation>The referral log is in {folder} under the old name {former}, but {clash} already exists. Nothing was moved or overwritten; give the folder to IT.</translation>
    </message>
    <message>
        <source>Het logboek van doorverwijzingen {file} komt van een nieuwere versie van referral-desk (schema {version}). Installeer die versie; het bestand blijft onaangeroerd.</source>
        <translation>The referral log {file} comes from a newer version of referral-desk (schema {version}). Install that version; the file stays untouched.</translation>
    </message>
    <message>
        <source>Het logboek van doorverwijzingen in {folder} kon niet van {former} naar {name} hernoemd worden ({reason}). Het staat er nog, onaangeroerd. Sluit alle vensters van referral-desk en start het opnieuw; lukt het dan nog niet, vraag de IT-dienst om hulp.</source>
        <translation>The referral log in {folder} could not be renamed from {former} to {name} ({reason}). It is still there, untouched. Close all referral-desk windows and start it again; if that does not help, ask IT for help.</translation>
    </message>
    <message>
        <source>Het logboek van doorverwijzingen in {folder} kan niet geschreven worden (schijf vol, alleen-lezen of geen rechten). Vraag de IT-dienst om hulp.</source>
        <translation>The referral log in {folder} cannot be written (disk full, read-only or no permission). Ask IT for help.</translation>
    </message>
    <message>
        <source>De instellingen konden niet bewaard worden: een ander venster van referral-desk is ze al te lang aan het bewaren. Sluit de andere vensters en probeer opnieuw.</source>
        <translation>The settings could not be saved: another referral-desk window has been saving them too long. Close the other windows and try again.</translation>
    </message>
    <message>
        <source>De instellingen in {file} kunnen niet gelezen worden ({reason}).</source>
        <translation>The settings in {file} cannot be read ({reason}).</translation>
    </message>
    <message>
        <source>De instellingen konden niet bewaard worden in {folder} ({reason}).</source>
        <translation>The settings could not be saved in {folder} ({reason}).</translation>
    </message>
    <message>
        <source>De instellingen waren beschadigd en zijn opzijgezet als {name}. Vul uw profiel opnieuw in.</source>
        <translation>The settings were damaged and were set aside as {name}. Fill in your profile again.</translation>
    </message>
    <message>
        <source>Het moment van ontdekking ligt in de toekomst.</source>
        <translation>The moment of discovery is in the future.</translation>
    </message>
    <message>
        <source>bewaartermijn (jaren na het afsluiten)</source>
        <translation>retention (years after closing)</translation>
    </message>
    <message>
        <source>de datum van de toestemming is geen datum (dd-mm-jjjj)</source>
        <translation>the date of the consent is not a date (dd-mm-yyyy)</translation>
    </message>
    <message>
        <source>de toestemming is ouder dan {days} dagen: vraag ze opnieuw en vul de nieuwe datum in</source>
        <translation>the consent is older than {days} days: ask again and fill in the new date</translation>
    </message>
    <message>
        <source>kies hoe de cliënt het informatieblad kreeg</source>
        <translation>choose how the client got the information sheet</translation>
    </message>
    <message>
        <source>toestemming geldig (dagen)</source>
        <translation>consent valid (days)</translation>
    </message>
    <message>
        <source>ze staat meer dan een jaar na de laatste doorverwijzing van {day}</source>
        <translation>it is more than a year after the last referral of {day}</translation>
    </message>
    <message>
        <source>ze staat vóór de laatste doorverwijzing van {day}</source>
        <translation>it is before the last referral of {day}</translation>
    </message>
    <message>
        <source>De klok van deze computer lijkt verkeerd te staan ({reason}). Daarom is er niets opgeruimd (logboek, wachtwoorden, outbox). Laat de datum en tijd nakijken door de IT-dienst.</source>
        <translation>This computer&apos;s clock looks wrong ({reason}). So nothing was cleared up (log, passwords, outbox). Have IT check the date and time.</translation>
    </message>
    <message>
        <source>{problem}; {more}</source>
        <translation>{problem}; {more}</translation>
    </message>
    <message>
        <source>{file}, regel {line}</source>
        <translation>{file}, line {line}</translation>
    </message>
    <message>
        <source>een tabel</source>
        <translation>a table</translation>
    </message>
    <message>
        <source>tekst tussen aanhalingstekens</source>
        <translation>text between quotes</translation>
    </message>
    <message>
        <source>{where}: &apos;{key}&apos; hoort onder [{table}]</source>
        <translation>{where}: &apos;{key}&apos; belongs under [{table}]</translation>
    </message>
    <message>
        <source>{problems} ({file} wordt niet gebruikt tot de IT-dienst het verbetert)</source>
        <translation>{problems} ({file} is not used until IT corrects it)</translation>
    </message>
    <message>
        <source>{where}: &apos;{key}&apos; is ongeldig ({error})</source>
        <translation>{where}: &apos;{key}&apos; is not valid ({error})</translation>
    </message>
    <message>
        <source>{where}: onbekende sleutel &apos;{key}&apos;</source>
        <translation>{where}: unknown key &apos;{key}&apos;</translation>
    </message>
    <message>
        <source>{where}: &apos;{key}&apos; moet {expected} zijn</source>
        <translation>{where}: &apos;{key}&apos; must be {expected}</translation>
    </message>
    <message>
        <source>Niet alles in uw instellingen kon gebruikt worden: {problems}. Die instellingen hebben hun standaardwaarde, de rest geldt. Het bestand wordt ongewijzigd bewaard als {kept} voor het opnieuw geschreven wordt; meld dit aan de helpdesk als er iets ontbreekt.</source>
        <translation>Not all of your settings could be used: {problems}. Those settings have their default value, the rest applies. The file is kept unchanged as {kept} before it is written again; tell the helpdesk if anything is missing.</translation>
    </message>
    <message>
        <source>{where}: onbekende instelling &apos;{key}&apos;</source>
        <translation>{where}: unknown setting &apos;{key}&apos;</translation>
    </message>
    <message>
        <source>Correctie na de melding van onjuiste gegevens (art. 7)</source>
        <translation>Correction after the report of incorrect data (art. 7)</translation>
    </message>
    <message>
        <source>Open acties: {count}</source>
        <translation>Open actions: {count}</translation>
    </message>
    <message>
        <source>Verwijderverzoek: de correctie {correction} ging naar een andere partner</source>
        <translation>Deletion request: the correction {correction} went to another partner</translation>
    </message>
    <message>
        <source>Schriftelijk verwijderverzoek na de telefonische intrekking</source>
        <translation>Written deletion request after the withdrawal by phone</translation>
    </message>
    <message>
        <source>Concept gemaakt maar niet als verstuurd genoteerd</source>
        <translation>Draft made but not marked as sent</translation>
    </message>
    <message>
        <source>Geen ontvangstbevestiging van de partner na {days} werkdagen</source>
        <translation>No confirmation of receipt from the partner after {days} working days</translation>
    </message>
    <message>
        <source>Voor {referral_id} staat deze actie niet meer open; de lijst is bijgewerkt.</source>
        <translation>This action is no longer open for {referral_id}; the list has been updated.</translation>
    </message>
    <message>
        <source>Niet genoteerd: {reason} Er is niets gewijzigd.</source>
        <translation>Not recorded: {reason} Nothing was changed.</translation>
    </message>
    <message>
        <source>Er staat niets meer open.</source>
        <translation>Nothing is left open.</translation>
    </message>
    <message>
        <source>Wachtwoord nog niet doorgegeven aan de partner</source>
        <translation>Password not yet passed on to the partner</translation>
    </message>
    <message>
        <source>Noteren dat de correctie verstuurd is</source>
        <translation>Record that the correction was sent</translation>
    </message>
    <message>
        <source>Noteren dat het verwijderverzoek verstuurd is</source>
        <translation>Record that the deletion request was sent</translation>
    </message>
    <message>
        <source>Noteren als verstuurd</source>
        <translation>Mark as sent</translation>
    </message>
    <message>
        <source>Noteren hoe het wachtwoord doorgegeven is</source>
        <translation>Record how the password was passed on</translation>
    </message>
    <message>
        <source>Ontvangstbevestiging noteren</source>
        <translation>Record the confirmation of receipt</translation>
    </message>
    <message>
        <source>De datum {day} ligt na vandaag; kies een andere.</source>
        <translation>The date {day} is after today; choose another one.</translation>
    </message>
    <message>
        <source>Kies welke soort gegevens de partner onjuist noemt (voornaam, achternaam, adres, telefoon of e-mail).</source>
        <translation>Choose which kind of data the partner calls incorrect (first name, last name, address, phone or email).</translation>
    </message>
    <message>
        <source>accolades {{ }} staan alleen rond een invulveld, zoals {{partner}}</source>
        <translation>braces {{ }} only go around a placeholder, such as {{partner}}</translation>
    </message>
    <message>
        <source>onbekend invulveld {{{name}}}; mogelijk zijn {known}</source>
        <translation>unknown placeholder {{{name}}}; possible ones are {known}</translation>
    </message>
    <message>
        <source>afspraak wie de gegevens ziet</source>
        <translation>term on who sees the data</translation>
    </message>
    <message>
        <source>ontvangstbevestiging binnen (werkdagen)</source>
        <translation>acknowledgement within (working days)</translation>
    </message>
    <message>
        <source>afspraak over gegevenslekken</source>
        <translation>term on data breaches</translation>
    </message>
    <message>
        <source>rechtsgrond</source>
        <translation>legal basis</translation>
    </message>
    <message>
        <source>verdere ontvangers</source>
        <translation>onward recipients</translation>
    </message>
    <message>
        <source>kanaal voor het wachtwoord</source>
        <translation>channel for the password</translation>
    </message>
    <message>
        <source>doeleinden</source>
        <translation>purposes</translation>
    </message>
    <message>
        <source>afspraak over foutieve gegevens</source>
        <translation>term on incorrect data</translation>
    </message>
    <message>
        <source>ontvangers bij de partner (beroepsgeheim)</source>
        <translation>recipients at the partner (professional secrecy)</translation>
    </message>
    <message>
        <source>afspraak over bewaren</source>
        <translation>term on retention</translation>
    </message>
    <message>
        <source>beveiligingsmaatregelen</source>
        <translation>security measures</translation>
    </message>
    <message>
        <source>gedeelde gegevens</source>
        <translation>shared data</translation>
    </message>
    <message>
        <source>{where}: &apos;{key}&apos; heeft niet de verwachte vorm</source>
        <translation>{where}: &apos;{key}&apos; does not have the expected form</translation>
    </message>
</context>
<context>
    <name>DeletionFlow</name>
    <message>
        <source>Verwijderverzoek nog te versturen: het verzoek aan {0} voor {1} (correctie {2}) is klaargezet maar nog niet als verstuurd bevestigd.</source>
        <translation>Deletion request still to send: the request to {0} for {1} (correction {2}) was prepared but not yet confirmed as sent.</translation>
    </message>
    <message>
        <source>Verwijderverzoek nog te versturen: vraag {0} de gegevens van {1} te verwijderen (correctie {2}).</source>
        <translation>Deletion request still to send: ask {0} to delete the data of {1} (correction {2}).</translation>
    </message>
    <message>
        <source>Verwijderverzoek</source>
        <translation>Deletion request</translation>
    </message>
    <message>
        <source>Het verwijderverzoek aan {0} voor {1} (correctie {2}) is klaargezet maar nog niet als verstuurd genoteerd.

Is het verwijderverzoek verstuurd?</source>
        <translation>The deletion request to {0} for {1} (correction {2}) was prepared but not yet recorded as sent.

Has the deletion request been sent?</translation>
    </message>
    <message>
        <source>Ja, noteren</source>
        <translation>Yes, record it</translation>
    </message>
    <message>
        <source>Opnieuw klaarzetten</source>
        <translation>Prepare again</translation>
    </message>
    <message>
        <source>Vul eerst uw aanmeldersprofiel in (menu Profiel).</source>
        <translation>First fill in your referrer profile (menu Your profile).</translation>
    </message>
    <message>
        <source>Bezig: het verwijderverzoek wordt klaargezet…</source>
        <translation>Working: preparing the deletion request…</translation>
    </message>
    <message>
        <source>Verwijderverzoek genoteerd; de e-mail aan {0} staat klaar in uw e-mailprogramma. Verstuur ze.</source>
        <translation>Deletion request recorded; the e-mail to {0} is ready in your e-mail program. Send it.</translation>
    </message>
    <message>
        <source>De e-mail aan {0} staat klaar in uw e-mailprogramma. Verstuur ze en klik daarna opnieuw op ‘Verwijderverzoek’ om ze als verstuurd te noteren.</source>
        <translation>The e-mail to {0} is ready in your e-mail program. Send it, then click ‘Deletion request’ again to record it as sent.</translation>
    </message>
    <message>
        <source>Geen e-mailprogramma opende het verwijderverzoek aan {0}. Verstuur de gekopieerde tekst zelf en klik daarna opnieuw op ‘Verwijderverzoek’ om het als verstuurd te noteren; tot dan is niets genoteerd.</source>
        <translation>No e-mail program opened the deletion request to {0}. Send the copied text yourself, then click ‘Deletion request’ again to record it as sent; until then nothing is recorded.</translation>
    </message>
    <message>
        <source>Het verwijderverzoek is misschien niet klaargezet; er is niets genoteerd. Probeer het opnieuw.</source>
        <translation>The deletion request may not have been prepared; nothing was recorded. Try again.</translation>
    </message>
    <message>
        <source>Verwijderverzoek genoteerd bij {0} en {1}.</source>
        <translation>Deletion request recorded for {0} and {1}.</translation>
    </message>
</context>
<context>
    <name>DeletionRequestBar</name>
    <message>
        <source>Verwijderverzoek verstuurd</source>
        <translation>Deletion request sent</translation>
    </message>
    <message>
        <source>Verwijderverzoek aan {0}</source>
        <translation>Deletion request to {0}</translation>
    </message>
    <message>
        <source>Het verwijderverzoek staat al in het logboek.</source>
        <translation>The deletion request is already in the referral log.</translation>
    </message>
    <message>
        <source>Vul eerst uw aanmeldersprofiel in (menu Profiel).</source>
        <translation>First fill in your referrer profile (menu Your profile).</translation>
    </message>
    <message>
        <source>Bezig: het verwijderverzoek wordt klaargezet…</source>
        <translation>Working: preparing the deletion request…</translation>
    </message>
    <message>
        <source>Het verwijderverzoek aan {0} is geopend. Verstuur het.</source>
        <translation>The deletion request to {0} is open. Send it.</translation>
    </message>
    <message>
        <source>Het verwijderverzoek aan {0} is bewaard als {1}.</source>
        <translation>The deletion request to {0} was saved as {1}.</translation>
    </message>
    <message>
        <source>Geen e-mailprogramma gevonden: stuur het verwijderverzoek aan {0} zelf.</source>
        <translation>No e-mail program found: send the deletion request to {0} yourself.</translation>
    </message>
    <message>
        <source>Genoteerd in het logboek bij {0} en {1}.</source>
        <translation>Recorded in the referral log for {0} and {1}.</translation>
    </message>
    <message>
        <source>Niet genoteerd in het logboek: {0}.</source>
        <translation>Not recorded in the referral log: {0}.</translation>
    </message>
    <message>
        <source>Klik op ‘Verwijderverzoek verstuurd’ zodra het verstuurd is: pas dan noteert het logboek het.</source>
        <translation>Click ‘Deletion request sent’ once it has been sent: only then does the referral log record it.</translation>
    </message>
    <message>
        <source>Het verwijderverzoek is misschien niet klaargezet; probeer het opnieuw.</source>
        <translation>The deletion request may not have been prepared; try again.</translation>
    </message>
    <message>
        <source>Verwijderverzoek genoteerd in het logboek bij {0} en {1}.</source>
        <translation>Deletion request recorded in the referral log for {0} and {1}.</translation>
    </message>
</context>
<context>
    <name>EvaluationChart</name>
    <message>
        <source>Verstuurd</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Correcties</source>
        <translation>Corrections</translation>
    </message>
    <message>
        <source>Nooit verstuurd</source>
        <translation>Never sent</translation>
    </message>
    <message>
        <source>Intrekkingen</source>
        <translation>Withdrawals</translation>
    </message>
    <message>
        <source>Incidenten</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>Doorverwijzingen per maand, {0} – {1}</source>
        <translation>Referrals per month, {0} – {1}</translation>
    </message>
    <message>
        <source>Grafiek per maand</source>
        <translation>Chart per month</translation>
    </message>
</context>
<context>
    <name>EvaluationWindow</name>
    <message>
        <source>Wachtwoord: {0}</source>
        <translation>Password: {0}</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Maand</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Verstuurd</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Correcties</source>
        <translation>Corrections</translation>
    </message>
    <message>
        <source>Intrekkingen</source>
        <translation>Withdrawals</translation>
    </message>
    <message>
        <source>Nooit verstuurd</source>
        <translation>Never sent</translation>
    </message>
    <message>
        <source>Incidenten</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>{0} verstuurd</source>
        <translation>{0} sent</translation>
    </message>
    <message>
        <source>1 correctie</source>
        <translation>1 correction</translation>
    </message>
    <message>
        <source>{0} correcties</source>
        <translation>{0} corrections</translation>
    </message>
    <message>
        <source>{0} nooit verstuurd</source>
        <translation>{0} never sent</translation>
    </message>
    <message>
        <source>1 intrekking</source>
        <translation>1 withdrawal</translation>
    </message>
    <message>
        <source>{0} intrekkingen</source>
        <translation>{0} withdrawals</translation>
    </message>
    <message>
        <source>1 incident</source>
        <translation>1 incident</translation>
    </message>
    <message>
        <source>{0} incidenten</source>
        <translation>{0} incidents</translation>
    </message>
    <message>
        <source>{0} in deze periode.</source>
        <translation>{0} in this period.</translation>
    </message>
    <message>
        <source>Jaarlijkse evaluatie</source>
        <translation>Yearly evaluation</translation>
    </message>
    <message>
        <source>&amp;Deze laptop</source>
        <translation>This &amp;laptop</translation>
    </message>
    <message>
        <source>Tea&amp;moverzicht</source>
        <translation>Tea&amp;m overview</translation>
    </message>
    <message>
        <source>&amp;Van</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <source>&amp;Tot en met</source>
        <translation>&amp;Up to and including</translation>
    </message>
    <message>
        <source>JJJJ-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>T&amp;oon</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <source>&amp;CSV exporteren…</source>
        <translation>&amp;Export CSV…</translation>
    </message>
    <message>
        <source>Grafiek als &amp;PNG…</source>
        <translation>&amp;Chart as PNG…</translation>
    </message>
    <message>
        <source>Cijfers per partner en maand</source>
        <translation>Figures per partner and month</translation>
    </message>
    <message>
        <source>Elk teamlid maakt met &apos;referral-desk evaluation export&apos; een bestand; kies die bestanden, of de map waarin ze samenkomen. Dezelfde doorverwijzing in twee bestanden telt één keer.</source>
        <translation>Each team member makes a file with &apos;referral-desk evaluation export&apos;; choose those files, or the folder where they are collected. The same referral in two files counts once.</translation>
    </message>
    <message>
        <source>&amp;Bestanden kiezen…</source>
        <translation>Choose f&amp;iles…</translation>
    </message>
    <message>
        <source>Evaluatiebestanden kiezen</source>
        <translation>Choose evaluation files</translation>
    </message>
    <message>
        <source>M&amp;ap kiezen…</source>
        <translation>Choose fol&amp;der…</translation>
    </message>
    <message>
        <source>Map met evaluatiebestanden kiezen</source>
        <translation>Choose the folder with evaluation files</translation>
    </message>
    <message>
        <source>CSV e&amp;xporteren…</source>
        <translation>E&amp;xport CSV…</translation>
    </message>
    <message>
        <source>Teamoverzicht als CSV exporteren</source>
        <translation>Export the team overview as CSV</translation>
    </message>
    <message>
        <source>Grafiek als P&amp;NG…</source>
        <translation>Chart as P&amp;NG…</translation>
    </message>
    <message>
        <source>Grafiek van het team als PNG bewaren</source>
        <translation>Save the team&apos;s chart as PNG</translation>
    </message>
    <message>
        <source>Nog geen bestanden gekozen.</source>
        <translation>No files chosen yet.</translation>
    </message>
    <message>
        <source>Cijfers van het team per partner en maand</source>
        <translation>Team figures per partner and month</translation>
    </message>
    <message>
        <source>Grafiek van het team per maand</source>
        <translation>Team chart per month</translation>
    </message>
    <message>
        <source>Geef twee datums als 2026-01-01, de eerste niet na de tweede.</source>
        <translation>Enter two dates like 2026-01-01, the first not after the second.</translation>
    </message>
    <message>
        <source>Het logboek is niet beschikbaar.</source>
        <translation>The referral log is not available.</translation>
    </message>
    <message>
        <source>Alle partners</source>
        <translation>All partners</translation>
    </message>
    <message>
        <source>Evaluatiebestanden (*.json)</source>
        <translation>Evaluation files (*.json)</translation>
    </message>
    <message>
        <source>Bestanden worden gelezen…</source>
        <translation>Reading files…</translation>
    </message>
    <message>
        <source>1 bestand samengevoegd.</source>
        <translation>1 file merged.</translation>
    </message>
    <message>
        <source>{0} bestanden samengevoegd.</source>
        <translation>{0} files merged.</translation>
    </message>
    <message>
        <source>{0} Het vorige overzicht blijft staan.</source>
        <translation>{0} The previous overview stays.</translation>
    </message>
    <message>
        <source>Exporteren</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>{0} kon niet geschreven worden ({1}); kies een andere map.</source>
        <translation>{0} could not be written ({1}); choose another folder.</translation>
    </message>
    <message>
        <source>Bewaard: {0}</source>
        <translation>Saved: {0}</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>PNG-afbeelding (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <source>totaal</source>
        <translation>total</translation>
    </message>
    <message>
        <source>Ontvangst bevestigd</source>
        <translation>Receipt confirmed</translation>
    </message>
    <message>
        <source>Kon niet openen</source>
        <translation>Could not open</translation>
    </message>
    <message>
        <source>Foutieve gegevens (art. 7)</source>
        <translation>Incorrect data (art. 7)</translation>
    </message>
    <message>
        <source>{0} met ontvangst bevestigd</source>
        <translation>{0} with receipt confirmed</translation>
    </message>
    <message>
        <source>{0} keer kon de partner niet openen</source>
        <translation>{0} times the partner could not open</translation>
    </message>
    <message>
        <source>{0} meldingen van foutieve gegevens</source>
        <translation>{0} reports of incorrect data</translation>
    </message>
    <message>
        <source>1 melding van foutieve gegevens</source>
        <translation>1 report of incorrect data</translation>
    </message>
</context>
<context>
    <name>FailureDialog</name>
    <message>
        <source>Onverwachte fout</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>Er ging onverwacht iets mis in referral-desk.</source>
        <translation>Something unexpectedly went wrong in referral-desk.</translation>
    </message>
    <message>
        <source>Technische gegevens voor de helpdesk:
Soort fout: {0}
Plaats: {1}</source>
        <translation>Technical details for the helpdesk:
Kind of error: {0}
Location: {1}</translation>
    </message>
    <message>
        <source>Er is niets automatisch per e-mail verstuurd. Wat op het scherm staat, blijft staan: kijk het na en probeer het opnieuw.</source>
        <translation>Nothing was sent by e-mail automatically. What is on the screen stays there: check it and try again.</translation>
    </message>
    <message>
        <source>De technische details staan in het logbestand:
{0}</source>
        <translation>The technical details are in the log file:
{0}</translation>
    </message>
    <message>
        <source>Blijft dit gebeuren? Neem contact op met uw IT-dienst of helpdesk en stuur hen het logbestand. Het logbestand bevat geen gegevens van cliënten; u mag het dus doorsturen.</source>
        <translation>Does this keep happening? Contact your IT department or helpdesk and send them the log file. The log file contains no client data, so you may forward it.</translation>
    </message>
    <message>
        <source>Er is geen logbestand: de technische details konden niet bewaard worden.</source>
        <translation>There is no log file: the technical details could not be saved.</translation>
    </message>
    <message>
        <source>Blijft dit gebeuren? Neem contact op met uw IT-dienst of helpdesk en vertel wat u aan het doen was.</source>
        <translation>Does this keep happening? Contact your IT department or helpdesk and tell them what you were doing.</translation>
    </message>
    <message>
        <source>Intussen ging nog {0} keer iets onverwacht mis; ook dat staat in het logbestand.</source>
        <translation>Meanwhile something unexpectedly went wrong {0} more time(s); that is in the log file too.</translation>
    </message>
    <message>
        <source>Intussen ging nog {0} keer iets onverwacht mis.</source>
        <translation>Meanwhile something unexpectedly went wrong {0} more time(s).</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>concept gemaakt</source>
        <translation>draft created</translation>
    </message>
    <message>
        <source>verstuurd</source>
        <translation>sent</translation>
    </message>
    <message>
        <source>toestemming ingetrokken</source>
        <translation>consent withdrawn</translation>
    </message>
    <message>
        <source>gecorrigeerd</source>
        <translation>corrected</translation>
    </message>
    <message>
        <source>geannuleerd (nooit verstuurd)</source>
        <translation>cancelled (never sent)</translation>
    </message>
    <message>
        <source>telefoon</source>
        <translation>phone</translation>
    </message>
    <message>
        <source>sms</source>
        <translation>text message</translation>
    </message>
    <message>
        <source>ander kanaal</source>
        <translation>other channel</translation>
    </message>
    <message>
        <source>nog niet doorgegeven</source>
        <translation>not passed on yet</translation>
    </message>
    <message>
        <source>naar een verkeerde ontvanger gestuurd</source>
        <translation>sent to a wrong recipient</translation>
    </message>
    <message>
        <source>archief of toestel verloren of gestolen</source>
        <translation>archive or device lost or stolen</translation>
    </message>
    <message>
        <source>wachtwoord afgeluisterd of samen met het archief verstuurd</source>
        <translation>password overheard or sent together with the archive</translation>
    </message>
    <message>
        <source>ander incident</source>
        <translation>other incident</translation>
    </message>
    <message>
        <source>Een gegevenslek moet onverwijld gemeld worden: de verwerkingsverantwoordelijke heeft 72 uur om het aan de toezichthouder te melden (AVG art. 33).</source>
        <translation>A data breach must be reported without delay: the controller has 72 hours to report it to the supervisory authority (GDPR art. 33).</translation>
    </message>
    <message>
        <source>niet leesbaar: versleuteld en het wachtwoord ging niet mee</source>
        <translation>not readable: encrypted, and the password did not go with it</translation>
    </message>
    <message>
        <source>mogelijk gelezen</source>
        <translation>possibly read</translation>
    </message>
    <message>
        <source>gelezen</source>
        <translation>read</translation>
    </message>
    <message>
        <source>onbekend</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>onwaarschijnlijk</source>
        <translation>unlikely</translation>
    </message>
    <message>
        <source>mogelijk</source>
        <translation>possible</translation>
    </message>
    <message>
        <source>waarschijnlijk</source>
        <translation>likely</translation>
    </message>
    <message>
        <source>de ontvanger gevraagd alles te verwij&amp;deren</source>
        <translation>asked the recipient to delete every&amp;thing</translation>
    </message>
    <message>
        <source>het wachtwoord &amp;niet gegeven</source>
        <translation>did &amp;not give the password</translation>
    </message>
    <message>
        <source>de ontvanger &amp;bevestigde de verwijdering</source>
        <translation>the recipient &amp;confirmed the deletion</translation>
    </message>
    <message>
        <source>de &amp;cliënt ingelicht</source>
        <translation>&amp;informed the client</translation>
    </message>
    <message>
        <source>het &amp;toestel geblokkeerd of gewist</source>
        <translation>blocked or wiped the de&amp;vice</translation>
    </message>
</context>
<context>
    <name>MailFallbackDialog</name>
    <message>
        <source>E-mail zelf opstellen</source>
        <translation>Write the e-mail yourself</translation>
    </message>
    <message>
        <source>Er kon geen e-mailprogramma geopend worden ({0}). Het versleutelde archief is wel bewaard. Maak zelf een nieuwe e-mail, voeg het archief toe en kopieer adres, onderwerp en tekst hieronder. Het wachtwoord blijft in het hoofdvenster staan.</source>
        <translation>No e-mail program could be opened ({0}). The encrypted archive has been saved. Create a new e-mail yourself, attach the archive and copy the address, subject and text below. The password stays in the main window.</translation>
    </message>
    <message>
        <source>Er kon geen e-mailprogramma geopend worden ({0}). Maak zelf een nieuwe e-mail en kopieer adres, onderwerp en tekst hieronder.</source>
        <translation>No e-mail program could be opened ({0}). Create a new e-mail yourself and copy the address, subject and text below.</translation>
    </message>
    <message>
        <source>Aan</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Onderwerp</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Archief</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>Kopiëren</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>{0} kopiëren</source>
        <translation>Copy {0}</translation>
    </message>
    <message>
        <source>Tekst</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Tekst kopiëren</source>
        <translation>Copy text</translation>
    </message>
    <message>
        <source>Toon in &amp;map</source>
        <translation>Show in &amp;folder</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>referral-desk – doorverwijzing naar OCMW of CAW</source>
        <translation>referral-desk – referral to OCMW or CAW</translation>
    </message>
    <message>
        <source>Oude gegevens zijn mogelijk niet opgeruimd.</source>
        <translation>Old data may not have been cleaned up.</translation>
    </message>
    <message>
        <source>Partner (uit het partnerregister)</source>
        <translation>Partner (from the partner registry)</translation>
    </message>
    <message>
        <source>Ar&amp;chief en e-mail maken</source>
        <translation>Create &amp;archive and e-mail</translation>
    </message>
    <message>
        <source>Nieu&amp;we doorverwijzing</source>
        <translation>Ne&amp;w referral</translation>
    </message>
    <message>
        <source>Waarom nog niet klaar</source>
        <translation>Why not ready yet</translation>
    </message>
    <message>
        <source>Gegevenslek melden…</source>
        <translation>Report data breach…</translation>
    </message>
    <message>
        <source>&lt;li&gt;… en nog {0} problemen&lt;/li&gt;</source>
        <translation>&lt;li&gt;… and {0} more problems&lt;/li&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Het partnerregister is ongeldig; doorverwijzen is niet mogelijk tot het hersteld is.&lt;/b&gt; Neem contact op met uw coördinator of de IT-dienst en geef deze melding door:&lt;ul&gt;{0}{1}&lt;/ul&gt;</source>
        <translation>&lt;b&gt;The partner registry is invalid; referring is not possible until it is fixed.&lt;/b&gt; Contact your coordinator or the IT department and pass on this message:&lt;ul&gt;{0}{1}&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Het logboek van doorverwijzingen werkt niet; doorverwijzen wacht tot het hersteld is.&lt;/b&gt; {0}</source>
        <translation>&lt;b&gt;The referral log is not working; referring waits until it is fixed.&lt;/b&gt; {0}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Partnerregister:&lt;/b&gt; {0}. Doorverwijzen kan gewoon.</source>
        <translation>&lt;b&gt;Partner registry:&lt;/b&gt; {0}. Referring works as usual.</translation>
    </message>
    <message>
        <source>&amp;Bestand</source>
        <translation>F&amp;ile</translation>
    </message>
    <message>
        <source>&amp;Nieuwe doorverwijzing</source>
        <translation>&amp;New referral</translation>
    </message>
    <message>
        <source>&amp;Instellingen…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Afsluiten</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>Pro&amp;fiel</source>
        <translation>&amp;Your profile</translation>
    </message>
    <message>
        <source>Aanmelder&amp;profiel bewerken…</source>
        <translation>Edit referrer &amp;profile…</translation>
    </message>
    <message>
        <source>D&amp;oorverwijzingen</source>
        <translation>&amp;Referrals</translation>
    </message>
    <message>
        <source>&amp;Verzonden doorverwijzingen…</source>
        <translation>&amp;Sent referrals…</translation>
    </message>
    <message>
        <source>Jaarlijkse &amp;evaluatie…</source>
        <translation>Yearly &amp;evaluation…</translation>
    </message>
    <message>
        <source>Behee&amp;r</source>
        <translation>&amp;Manage</translation>
    </message>
    <message>
        <source>&amp;Partnerregister…</source>
        <translation>&amp;Partner registry…</translation>
    </message>
    <message>
        <source>He&amp;lp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Over referral-desk</source>
        <translation>&amp;About referral-desk</translation>
    </message>
    <message>
        <source>Het informatieblad noemt de partner: vul eerst een postcode in waarvoor een partner gevonden wordt.</source>
        <translation>The information sheet names the partner: first enter a postcode for which a partner is found.</translation>
    </message>
    <message>
        <source>Het informatieblad noemt u als contactpersoon: vul eerst uw aanmelderprofiel in (menu Profiel).</source>
        <translation>The information sheet names you as the contact person: first fill in your referrer profile (menu Your profile).</translation>
    </message>
    <message>
        <source>Informatieblad niet geopend</source>
        <translation>Information sheet not opened</translation>
    </message>
    <message>
        <source>Bewijs voor de cliënt niet geopend</source>
        <translation>Receipt for the client not opened</translation>
    </message>
    <message>
        <source>Er is geen programma gevonden dat PDF-bestanden opent ({0}). Het bestand staat klaar als {1}: open en druk het daar af.</source>
        <translation>No program that opens PDF files was found ({0}). The file is ready as {1}: open and print it from there.</translation>
    </message>
    <message>
        <source>Het bestand kon niet bewaard worden in {0} ({1}). Controleer of die map beschrijfbaar is en probeer opnieuw.</source>
        <translation>The file could not be saved in {0} ({1}). Check that the folder is writable and try again.</translation>
    </message>
    <message>
        <source>Er is niets afgedrukt. Het venster is onveranderd.</source>
        <translation>Nothing was printed. The window is unchanged.</translation>
    </message>
    <message>
        <source>Toestemming niet in orde</source>
        <translation>Consent not in order</translation>
    </message>
    <message>
        <source>Doorverwijzing niet gemaakt</source>
        <translation>Referral not created</translation>
    </message>
    <message>
        <source>Bezig: het document wordt versleuteld en de e-mail klaargezet…</source>
        <translation>Working: encrypting the document and preparing the e-mail…</translation>
    </message>
    <message>
        <source>Er is niets verstuurd en er is geen archief achtergebleven. Uw invoer en de toestemming staan nog in het venster.</source>
        <translation>Nothing was sent and no archive was left behind. Your input and the consent are still in the window.</translation>
    </message>
    <message>
        <source>Mailbox van de partner gewijzigd</source>
        <translation>Partner&apos;s mailbox changed</translation>
    </message>
    <message>
        <source>Het partnerregister geeft voor {0} een ander adres dan de vorige keer:&lt;br&gt;vorige keer: &lt;b&gt;{1}&lt;/b&gt;&lt;br&gt;nu: &lt;b&gt;{2}&lt;/b&gt;&lt;br&gt;&lt;br&gt;Controleer bij twijfel bij uw coördinator of dit klopt voor u verstuurt.</source>
        <translation>The partner registry gives a different address for {0} than last time:&lt;br&gt;last time: &lt;b&gt;{1}&lt;/b&gt;&lt;br&gt;now: &lt;b&gt;{2}&lt;/b&gt;&lt;br&gt;&lt;br&gt;If in doubt, check with your coordinator before you send.</translation>
    </message>
    <message>
        <source>Nieuw adres is juist, doorgaan</source>
        <translation>New address is correct, continue</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>telefoonnummer niet in het partnerregister</source>
        <translation>phone number not in the partner registry</translation>
    </message>
    <message>
        <source>Het e-mailconcept aan {0} is geopend met het archief als bijlage. Controleer het en verstuur het.</source>
        <translation>The e-mail draft to {0} is open with the archive attached. Check it and send it.</translation>
    </message>
    <message>
        <source>Het e-mailconcept is bewaard als {0}.</source>
        <translation>The e-mail draft was saved as {0}.</translation>
    </message>
    <message>
        <source>Geen e-mailprogramma gevonden: stuur het archief zelf.</source>
        <translation>No e-mail program found: send the archive yourself.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Niet in het logboek opgenomen&lt;/b&gt; ({0}). Meld dit aan uw coördinator met het ID hierboven.</source>
        <translation>&lt;b&gt;Not recorded in the referral log&lt;/b&gt; ({0}). Report this to your coordinator with the ID above.</translation>
    </message>
    <message>
        <source>Het wachtwoord kan tot {0} opnieuw getoond worden (menu Doorverwijzingen).</source>
        <translation>The password can be shown again until {0} (menu Referrals).</translation>
    </message>
    <message>
        <source>Het wachtwoord kan later niet opnieuw getoond worden: {0}. Geef het nu door; schrijf het nergens op.</source>
        <translation>The password cannot be shown again later: {0}. Pass it on now; do not write it down anywhere.</translation>
    </message>
    <message>
        <source>Genoteerd in het logboek.</source>
        <translation>Recorded in the referral log.</translation>
    </message>
    <message>
        <source>Als verstuurd genoteerd in het logboek.</source>
        <translation>Recorded as sent in the referral log.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Correctie van {0}.&lt;/b&gt; Vul de juiste gegevens opnieuw in; de nieuwe doorverwijzing verwijst naar {0}. Nieuwe doorverwijzing annuleert de correctie.</source>
        <translation>&lt;b&gt;Correction of {0}.&lt;/b&gt; Enter the correct details again; the new referral refers to {0}. New referral cancels the correction.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Correctie gemaakt:&lt;/b&gt; {0} corrigeert {1}.</source>
        <translation>&lt;b&gt;Correction made:&lt;/b&gt; {0} corrects {1}.</translation>
    </message>
    <message>
        <source>Profiel niet bewaard</source>
        <translation>Profile not saved</translation>
    </message>
    <message>
        <source>Over referral-desk</source>
        <translation>About referral-desk</translation>
    </message>
    <message>
        <source>ongeldig – zie de melding bovenaan</source>
        <translation>invalid – see the message at the top</translation>
    </message>
    <message>
        <source>{0}, versie {1} van {2} ({3})</source>
        <translation>{0}, version {1} of {2} ({3})</translation>
    </message>
    <message>
        <source>&lt;br&gt;Let op: {0}</source>
        <translation>&lt;br&gt;Note: {0}</translation>
    </message>
    <message>
        <source>&lt;b&gt;referral-desk {0}&lt;/b&gt;&lt;br&gt;Partnerregister: {1}&lt;br&gt;Postcodes: Statbel (CC BY 4.0)</source>
        <translation>&lt;b&gt;referral-desk {0}&lt;/b&gt;&lt;br&gt;Partner registry: {1}&lt;br&gt;Postcodes: Statbel (CC BY 4.0)</translation>
    </message>
    <message>
        <source>Gegevens gaan verloren</source>
        <translation>Data will be lost</translation>
    </message>
    <message>
        <source>Wachtwoord nog niet doorgegeven</source>
        <translation>Password not passed on yet</translation>
    </message>
    <message>
        <source>Even geduld</source>
        <translation>Please wait</translation>
    </message>
    <message>
        <source>De doorverwijzing wordt nog gemaakt. Sluit het venster daarna.</source>
        <translation>The referral is still being created. Close the window afterwards.</translation>
    </message>
    <message>
        <source>Partnerregister</source>
        <translation>Partner registry</translation>
    </message>
    <message>
        <source>Bezig met laden: doorverwijzen kan zo meteen.</source>
        <translation>Loading: referring is possible in a moment.</translation>
    </message>
    <message>
        <source>referral-desk kon niet laden; doorverwijzen is niet mogelijk.</source>
        <translation>referral-desk could not load; referring is not possible.</translation>
    </message>
    <message>
        <source>Doorverwijzen is niet mogelijk. Wat u typte staat nog in het venster: start referral-desk opnieuw en vul het daar in.</source>
        <translation>Referring is not possible. What you typed is still in the window: start referral-desk again and fill it in there.</translation>
    </message>
</context>
<context>
    <name>OpenActionsNotice</name>
    <message>
        <source>Open acties: {0} – bekijken</source>
        <translation>Open actions: {0} – view</translation>
    </message>
    <message>
        <source>Eén open actie – bekijken</source>
        <translation>One open action – view</translation>
    </message>
</context>
<context>
    <name>OpenActionsWindow</name>
    <message>
        <source>Open acties</source>
        <translation>Open actions</translation>
    </message>
    <message>
        <source>Wat nog moet gebeuren voor de doorverwijzingen in het logboek. Kies een rij en Afhandelen: de stap wordt met de datum van vandaag genoteerd.</source>
        <translation>What still has to happen for the referrals in the log. Choose a row and Settle: the step is recorded with today&apos;s date.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Wat staat open</source>
        <translation>What is open</translation>
    </message>
    <message>
        <source>Sinds</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>Afhandelen met</source>
        <translation>Settled by</translation>
    </message>
    <message>
        <source>&amp;Afhandelen…</source>
        <translation>&amp;Settle…</translation>
    </message>
    <message>
        <source>Er staat niets meer open.</source>
        <translation>Nothing is left open.</translation>
    </message>
    <message>
        <source>{0} ({1}): {2}. Noteren met de datum van vandaag ({3})?</source>
        <translation>{0} ({1}): {2}. Record it with today&apos;s date ({3})?</translation>
    </message>
    <message>
        <source>Noteren</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Genoteerd voor {0}: {1}.</source>
        <translation>Recorded for {0}: {1}.</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>{0} ({1}): {2}. Hoe? Het wordt met de datum van vandaag ({3}) genoteerd.</source>
        <translation>{0} ({1}): {2}. How? It is recorded with today&apos;s date ({3}).</translation>
    </message>
</context>
<context>
    <name>PartnerForm</name>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>bv. ocmw-wervik</source>
        <translation>e.g. ocmw-wervik</translation>
    </message>
    <message>
        <source>bv. OCMW Wervik</source>
        <translation>e.g. OCMW Wervik</translation>
    </message>
    <message>
        <source>de mailbox uit het protocol</source>
        <translation>the mailbox from the protocol</translation>
    </message>
    <message>
        <source>bv. 057 12 34 56</source>
        <translation>e.g. 057 12 34 56</translation>
    </message>
    <message>
        <source>meldpunt gegevenslekken</source>
        <translation>data breach contact</translation>
    </message>
    <message>
        <source>NIS-codes, bv. 33029</source>
        <translation>NIS codes, e.g. 33029</translation>
    </message>
    <message>
        <source>bv. 3970, 3971</source>
        <translation>e.g. 3970, 3971</translation>
    </message>
    <message>
        <source>eenmalig wachtwoord per doorverwijzing</source>
        <translation>one-time password per referral</translation>
    </message>
    <message>
        <source>vooraf afgesproken wachtwoord</source>
        <translation>password agreed in advance</translation>
    </message>
    <message>
        <source>titel of kenmerk</source>
        <translation>title or reference</translation>
    </message>
    <message>
        <source>één lokaal team per regel</source>
        <translation>one local team per line</translation>
    </message>
    <message>
        <source>JJJJ-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>leeg = loopt nog</source>
        <translation>empty = still running</translation>
    </message>
    <message>
        <source>optioneel</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>nee: het protocol zegt niets over wissen</source>
        <translation>no: the protocol says nothing about erasure</translation>
    </message>
    <message>
        <source>ja: de partner wist de gegevens na intrekking</source>
        <translation>yes: the partner erases the data after withdrawal</translation>
    </message>
    <message>
        <source>&amp;Id (vast, zonder spaties)</source>
        <translation>Id (fixed, no &amp;spaces)</translation>
    </message>
    <message>
        <source>&amp;Naam</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Soort</source>
        <translation>T&amp;ype</translation>
    </message>
    <message>
        <source>Re&amp;gio</source>
        <translation>Re&amp;gion</translation>
    </message>
    <message>
        <source>Mailbo&amp;x voor doorverwijzingen</source>
        <translation>Mailbo&amp;x for referrals</translation>
    </message>
    <message>
        <source>Telefoon voor &amp;het wachtwoord</source>
        <translation>Phone for the pass&amp;word</translation>
    </message>
    <message>
        <source>Beëindigd op</source>
        <translation>Ended on</translation>
    </message>
    <message>
        <source>Meldpunt gegevensle&amp;kken</source>
        <translation>Data &amp;breach contact</translation>
    </message>
    <message>
        <source>Gemeenten (NIS-&amp;codes)</source>
        <translation>&amp;Municipalities (NIS codes)</translation>
    </message>
    <message>
        <source>&amp;Postcodes</source>
        <translation>P&amp;ostcodes</translation>
    </message>
    <message>
        <source>&amp;Wachtwoord</source>
        <translation>Passwo&amp;rd</translation>
    </message>
    <message>
        <source>Pr&amp;otocol</source>
        <translation>&amp;Protocol</translation>
    </message>
    <message>
        <source>&amp;Lokale teams</source>
        <translation>&amp;Local teams</translation>
    </message>
    <message>
        <source>In w&amp;erking vanaf</source>
        <translation>&amp;In force from</translation>
    </message>
    <message>
        <source>&amp;Advies DPO op</source>
        <translation>Date o&amp;f DPO advice</translation>
    </message>
    <message>
        <source>A&amp;fspraak wissen na intrekking</source>
        <translation>Erase after withdrawal (&amp;Q)</translation>
    </message>
    <message>
        <source>jaren na het afsluiten van het dossier, bv. 10</source>
        <translation>years after the file is closed, e.g. 10</translation>
    </message>
    <message>
        <source>Bewaartermijn (jaren)</source>
        <translation>Retention (years)</translation>
    </message>
    <message>
        <source>leeg = 30 dagen</source>
        <translation>empty = 30 days</translation>
    </message>
    <message>
        <source>Toestemming geldig (dagen)</source>
        <translation>Consent valid (days)</translation>
    </message>
    <message>
        <source>leeg = geen termijn</source>
        <translation>empty = no deadline</translation>
    </message>
    <message>
        <source>één per regel</source>
        <translation>one per line</translation>
    </message>
    <message>
        <source>bv. art. 10/1 decreet van 30 april 2004</source>
        <translation>e.g. art. 10/1 decreet van 30 april 2004</translation>
    </message>
    <message>
        <source>één per regel; leeg = niemand</source>
        <translation>one per line; empty = no one</translation>
    </message>
    <message>
        <source>zoals het protocol het zegt; {partner}, {meldpunt}, {dpo} en {bewaartermijn} worden ingevuld</source>
        <translation>as the protocol words it; {partner}, {meldpunt}, {dpo} and {bewaartermijn} are filled in</translation>
    </message>
    <message>
        <source>bv. telefonisch of per sms, nooit per e-mail</source>
        <translation>e.g. telefonisch of per sms, nooit per e-mail</translation>
    </message>
    <message>
        <source>Rechtsgrond</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>Doeleinden</source>
        <translation>Purposes</translation>
    </message>
    <message>
        <source>Gedeelde gegevens</source>
        <translation>Shared data</translation>
    </message>
    <message>
        <source>Verdere ontvangers</source>
        <translation>Onward recipients</translation>
    </message>
    <message>
        <source>Beveiligingsmaatregelen</source>
        <translation>Security measures</translation>
    </message>
    <message>
        <source>Afspraak: wie de gegevens ziet</source>
        <translation>Term: who sees the data</translation>
    </message>
    <message>
        <source>Afspraak: foutieve gegevens</source>
        <translation>Term: incorrect data</translation>
    </message>
    <message>
        <source>Afspraak: gegevenslek</source>
        <translation>Term: data breach</translation>
    </message>
    <message>
        <source>Afspraak: bewaren</source>
        <translation>Term: retention</translation>
    </message>
    <message>
        <source>Kanaal voor het wachtwoord</source>
        <translation>Channel for the password</translation>
    </message>
    <message>
        <source>Bevestiging binnen (werkdagen)</source>
        <translation>Acknowledged within (working days)</translation>
    </message>
    <message>
        <source>Ontvangers (beroepsgeheim)</source>
        <translation>Recipients (professional secrecy)</translation>
    </message>
</context>
<context>
    <name>PartnerList</name>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Mailbox</translation>
    </message>
    <message>
        <source>Postcodes</source>
        <translation>Postcodes</translation>
    </message>
    <message>
        <source>Sinds</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>Beëindigd</source>
        <translation>Ended</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Partners</translation>
    </message>
</context>
<context>
    <name>PartnerPanel</name>
    <message>
        <source>Vul de postcode van de cliënt in om de partner te zien.</source>
        <translation>Enter the client&apos;s postcode to see the partner.</translation>
    </message>
    <message>
        <source>Postcode {0} bestaat niet in België. Controleer de postcode.</source>
        <translation>Postcode {0} does not exist in Belgium. Check the postcode.</translation>
    </message>
    <message>
        <source> of </source>
        <translation> or </translation>
    </message>
    <message>
        <source>Postcode {0} hoort bij {1}. Kies hieronder de gemeente.</source>
        <translation>Postcode {0} belongs to {1}. Choose the municipality below.</translation>
    </message>
    <message>
        <source>{0} Doorverwijzen kan niet via deze app; vraag uw coördinator.</source>
        <translation>{0} Referring is not possible through this app; ask your coordinator.</translation>
    </message>
    <message>
        <source>Het protocol met {0} is nog niet van kracht: het geldt vanaf {1}.</source>
        <translation>The protocol with {0} is not yet in force: it applies from {1}.</translation>
    </message>
    <message>
        <source>Het protocol met {0} is beëindigd op {1}. Doorverwijzen kan niet meer; vraag uw coördinator.</source>
        <translation>The protocol with {0} ended on {1}. Referring is no longer possible; ask your coordinator.</translation>
    </message>
    <message>
        <source>Het protocol met {0} is gesloten door {1}, niet door uw team ({2}). Controleer uw profiel of vraag uw coördinator.</source>
        <translation>The protocol with {0} was concluded by {1}, not by your team ({2}). Check your profile or ask your coordinator.</translation>
    </message>
    <message>
        <source>niet in het partnerregister (vraag het aan uw coördinator)</source>
        <translation>not in the partner registry (ask your coordinator)</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Gemeente</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Mailbox</translation>
    </message>
    <message>
        <source>Protocol van kracht sinds</source>
        <translation>Protocol in force since</translation>
    </message>
    <message>
        <source>Wachtwoord doorbellen naar</source>
        <translation>Phone the password to</translation>
    </message>
    <message>
        <source>Het partnerregister wordt geladen…</source>
        <translation>Loading the partner registry…</translation>
    </message>
</context>
<context>
    <name>PartnerReportFlow</name>
    <message>
        <source>Melding van de partner</source>
        <translation>Report from the partner</translation>
    </message>
    <message>
        <source>Wat meldt {0} over {1}?</source>
        <translation>What does {0} report about {1}?</translation>
    </message>
    <message>
        <source>Kon de bijlage niet openen</source>
        <translation>Could not open the attachment</translation>
    </message>
    <message>
        <source>Onjuiste gegevens (art. 7)…</source>
        <translation>Incorrect data (art. 7)…</translation>
    </message>
    <message>
        <source>Klaar</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>nog geen</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>Onjuiste gegevens (art. 7)</source>
        <translation>Incorrect data (art. 7)</translation>
    </message>
    <message>
        <source>Welke soort gegevens van {0} noemt de partner onjuist? Noteer alleen de soort, nooit de gegevens zelf. Gekozen: {1}.</source>
        <translation>Which kind of data of {0} does the partner call incorrect? Record only the kind, never the data itself. Chosen: {1}.</translation>
    </message>
    <message>
        <source>Hoe meldde de partner het?</source>
        <translation>How did the partner report it?</translation>
    </message>
    <message>
        <source>Hoe liet {0} het weten over {1}?</source>
        <translation>How did {0} let you know about {1}?</translation>
    </message>
    <message>
        <source>Genoteerd voor {0}.</source>
        <translation>Recorded for {0}.</translation>
    </message>
    <message>
        <source>Datum van de melding</source>
        <translation>Date of the report</translation>
    </message>
    <message>
        <source>Op welke dag meldde de partner het (DD-MM-JJJJ)?</source>
        <translation>On which day did the partner report it (DD-MM-YYYY)?</translation>
    </message>
    <message>
        <source>{0} is geen datum; schrijf ze als 31-01-2026.</source>
        <translation>{0} is not a date; write it as 31-01-2026.</translation>
    </message>
</context>
<context>
    <name>PartnerReports</name>
    <message>
        <source>antwoord per e-mail</source>
        <translation>reply by e-mail</translation>
    </message>
    <message>
        <source>telefonisch</source>
        <translation>by phone</translation>
    </message>
    <message>
        <source>ander kanaal</source>
        <translation>other channel</translation>
    </message>
    <message>
        <source>voornaam</source>
        <translation>first name</translation>
    </message>
    <message>
        <source>achternaam</source>
        <translation>last name</translation>
    </message>
    <message>
        <source>adres</source>
        <translation>address</translation>
    </message>
    <message>
        <source>telefoon</source>
        <translation>phone</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>ontvangen {0} ({1})</source>
        <translation>received {0} ({1})</translation>
    </message>
    <message>
        <source>kon niet openen {0}</source>
        <translation>could not open {0}</translation>
    </message>
    <message>
        <source>onjuist (art. 7) {0}: {1}</source>
        <translation>incorrect (art. 7) {0}: {1}</translation>
    </message>
</context>
<context>
    <name>PasswordPanel</name>
    <message>
        <source>Wachtwoord voor de partner</source>
        <translation>Password for the partner</translation>
    </message>
    <message>
        <source>Doorverwijzings-ID</source>
        <translation>Referral ID</translation>
    </message>
    <message>
        <source>Kopieer ID (&amp;Y)</source>
        <translation>Copy ID (&amp;Z)</translation>
    </message>
    <message>
        <source>Doorverwijzings-ID kopiëren</source>
        <translation>Copy referral ID</translation>
    </message>
    <message>
        <source>Noteer het doorverwijzingsnummer in het dossier van het gezin (Kind en Gezin-dossier): een latere intrekking of correctie vindt de doorverwijzing daarmee terug.</source>
        <translation>Note the referral number in the family&apos;s file (Kind en Gezin file): a later withdrawal or correction finds the referral by it.</translation>
    </message>
    <message>
        <source>Wachtwoord</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>&amp;Kopiëren</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>Wachtwoord kopiëren</source>
        <translation>Copy password</translation>
    </message>
    <message>
        <source>Spelle&amp;n</source>
        <translation>Spell out (&amp;J)</translation>
    </message>
    <message>
        <source>Wachtwoord spellen</source>
        <translation>Spell out the password</translation>
    </message>
    <message>
        <source>Wachtwoord doorgegeven via</source>
        <translation>Password passed on by</translation>
    </message>
    <message>
        <source>&amp;Doorgegeven via</source>
        <translation>Passed on &amp;by</translation>
    </message>
    <message>
        <source>E-mail &amp;is verstuurd</source>
        <translation>Mar&amp;k e-mail as sent</translation>
    </message>
    <message>
        <source>Bevestig dat u de e-mail verstuurd hebt; dat komt in het logboek.</source>
        <translation>Confirm that you have sent the e-mail; this goes into the referral log.</translation>
    </message>
    <message>
        <source>Doorverwijzing {0}</source>
        <translation>Referral {0}</translation>
    </message>
    <message>
        <source>Het klembord is gewist.</source>
        <translation>The clipboard has been cleared.</translation>
    </message>
    <message>
        <source>Het wachtwoord staat niet meer op het klembord.</source>
        <translation>The password is no longer on the clipboard.</translation>
    </message>
    <message>
        <source>Bel dit wachtwoord door naar de partner ({0}) of stuur het per sms. Nooit in dezelfde e-mail als het archief.</source>
        <translation>Phone this password to the partner ({0}) or send it by text message. Never in the same e-mail as the archive.</translation>
    </message>
    <message>
        <source>Bel dit wachtwoord door naar de partner ({0}). Nooit in dezelfde e-mail als het archief.</source>
        <translation>Phone this password to the partner ({0}). Never in the same e-mail as the archive.</translation>
    </message>
    <message>
        <source>afgesproken wachtwoord</source>
        <translation>agreed password</translation>
    </message>
    <message>
        <source>Versleuteld met het wachtwoord dat met {0} is afgesproken; u hoeft het niet door te geven.</source>
        <translation>Encrypted with the password agreed with {0}; you do not need to pass it on.</translation>
    </message>
    <message>
        <source>{0} gekopieerd: plak het in het dossier van het gezin.</source>
        <translation>{0} copied: paste it into the family&apos;s file.</translation>
    </message>
    <message>
        <source>Gekopieerd. Het klembord wordt over 30 seconden gewist.</source>
        <translation>Copied. The clipboard will be cleared in 30 seconds.</translation>
    </message>
</context>
<context>
    <name>PresharedRow</name>
    <message>
        <source>Tonen</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Wachtwoord van {0} tonen</source>
        <translation>Show the password of {0}</translation>
    </message>
    <message>
        <source>Verwijderen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Wachtwoord van {0} verwijderen</source>
        <translation>Delete the password of {0}</translation>
    </message>
    <message>
        <source>onbekend (sleutelbos niet beschikbaar)</source>
        <translation>unknown (keyring not available)</translation>
    </message>
    <message>
        <source>ingesteld</source>
        <translation>set</translation>
    </message>
    <message>
        <source>niet ingesteld</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>Vervangen…</source>
        <translation>Replace…</translation>
    </message>
    <message>
        <source>Instellen…</source>
        <translation>Set…</translation>
    </message>
    <message>
        <source>Wachtwoord van {0} instellen</source>
        <translation>Set the password of {0}</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Profiel van de aanmelder</source>
        <translation>Referrer profile</translation>
    </message>
    <message>
        <source>Kies uw team uit de lijst</source>
        <translation>Choose your team from the list</translation>
    </message>
    <message>
        <source>Deze gegevens komen op elke doorverwijzing, zodat het OCMW weet wie het wachtwoord doorbelt. Ze blijven op deze computer.</source>
        <translation>These details appear on every referral, so the OCMW knows who phones the password. They stay on this computer.</translation>
    </message>
    <message>
        <source>&amp;Naam</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Lokaal team</source>
        <translation>&amp;Local team</translation>
    </message>
    <message>
        <source>&amp;Telefoon</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <source>&amp;Bewaren</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
</context>
<context>
    <name>RecallDialog</name>
    <message>
        <source>Wachtwoord van {0}</source>
        <translation>Password of {0}</translation>
    </message>
</context>
<context>
    <name>ReferralLogFilters</name>
    <message>
        <source>bv. KG-2026-7F3K</source>
        <translation>e.g. KG-2026-7F3K</translation>
    </message>
    <message>
        <source>DD-MM-JJJJ</source>
        <translation>DD-MM-YYYY</translation>
    </message>
    <message>
        <source>Zoals in de tabel (31-01-2026), of als 2026-01-31.</source>
        <translation>As in the table (31-01-2026), or as 2026-01-31.</translation>
    </message>
    <message>
        <source>alle</source>
        <translation>all</translation>
    </message>
    <message>
        <source>I&amp;D</source>
        <translation>I&amp;D</translation>
    </message>
    <message>
        <source>&amp;Van</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <source>&amp;Tot</source>
        <translation>&amp;To</translation>
    </message>
    <message>
        <source>&amp;Partner</source>
        <translation>&amp;Partner</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <source>{0}: geen datum. Geef ze als 31-01-2026 of 2026-01-31.</source>
        <translation>{0}: not a date. Enter it as 31-01-2026 or 2026-01-31.</translation>
    </message>
</context>
<context>
    <name>ReferralLogWindow</name>
    <message>
        <source>Verzonden doorverwijzingen</source>
        <translation>Sent referrals</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Gemaakt</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Mailbox</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Wachtwoord</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Correctie</source>
        <translation>Correction</translation>
    </message>
    <message>
        <source>Herkenning</source>
        <translation>Recognition</translation>
    </message>
    <message>
        <source>&amp;Wachtwoord tonen</source>
        <translation>S&amp;how password</translation>
    </message>
    <message>
        <source>Toestemming i&amp;ngetrokken…</source>
        <translation>Consent &amp;withdrawn…</translation>
    </message>
    <message>
        <source>Intre&amp;kking verstuurd bevestigen</source>
        <translation>Co&amp;nfirm withdrawal sent</translation>
    </message>
    <message>
        <source>&amp;Annuleren…</source>
        <translation>C&amp;ancel…</translation>
    </message>
    <message>
        <source>&amp;Correctie…</source>
        <translation>C&amp;orrection…</translation>
    </message>
    <message>
        <source>Verwijde&amp;rverzoek…</source>
        <translation>De&amp;letion request…</translation>
    </message>
    <message>
        <source>Gegevens&amp;lek melden…</source>
        <translation>&amp;Report data breach…</translation>
    </message>
    <message>
        <source>&amp;Evaluatie…</source>
        <translation>&amp;Evaluation…</translation>
    </message>
    <message>
        <source>corrigeert {0}</source>
        <translation>corrects {0}</translation>
    </message>
    <message>
        <source>gecorrigeerd door {0}</source>
        <translation>corrected by {0}</translation>
    </message>
    <message>
        <source>{0} is als verstuurd genoteerd.</source>
        <translation>{0} is recorded as sent.</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>E-mail &amp;is verstuurd</source>
        <translation>Mar&amp;k e-mail as sent</translation>
    </message>
    <message>
        <source>Partner meldt</source>
        <translation>Partner reports</translation>
    </message>
    <message>
        <source>Ontvangst &amp;bevestigd…</source>
        <translation>Receipt &amp;confirmed…</translation>
    </message>
    <message>
        <source>&amp;Melding van de partner…</source>
        <translation>&amp;Message from the partner…</translation>
    </message>
    <message>
        <source>&amp;Open acties…</source>
        <translation>Open act&amp;ions…</translation>
    </message>
</context>
<context>
    <name>RegistryEditor</name>
    <message>
        <source>Partnerregister</source>
        <translation>Partner registry</translation>
    </message>
    <message>
        <source>&amp;Toevoegen</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>&amp;Dupliceren</source>
        <translation>D&amp;uplicate</translation>
    </message>
    <message>
        <source>Protocol &amp;beëindigen…</source>
        <translation>&amp;End protocol…</translation>
    </message>
    <message>
        <source>&amp;Verwijderen</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>Openen…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <source>Opslaan als…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>Geheime sleutel kiezen (minisign)</source>
        <translation>Choose secret key (minisign)</translation>
    </message>
    <message>
        <source>minisign-sleutel (*.key);;Alle bestanden (*)</source>
        <translation>minisign key (*.key);;All files (*)</translation>
    </message>
    <message>
        <source>Geen sleutel gekozen</source>
        <translation>No key chosen</translation>
    </message>
    <message>
        <source>Sleutel niet onthouden</source>
        <translation>Key not remembered</translation>
    </message>
    <message>
        <source>{0} De keuze geldt tot u het partnerregister sluit.</source>
        <translation>{0} The choice applies until you close the partner registry.</translation>
    </message>
    <message>
        <source>Partnerregister ondertekenen</source>
        <translation>Sign partner registry</translation>
    </message>
    <message>
        <source>Wachtwoord van de sleutel {0}:</source>
        <translation>Password of the key {0}:</translation>
    </message>
    <message>
        <source>Partnerregister niet geopend</source>
        <translation>Partner registry not opened</translation>
    </message>
    <message>
        <source>Partnerregister openen</source>
        <translation>Open partner registry</translation>
    </message>
    <message>
        <source>Partnerregister (*.toml);;Alle bestanden (*)</source>
        <translation>Partner registry (*.toml);;All files (*)</translation>
    </message>
    <message>
        <source>Partnerregister opslaan als</source>
        <translation>Save partner registry as</translation>
    </message>
    <message>
        <source>Partnerregister (*.toml)</source>
        <translation>Partner registry (*.toml)</translation>
    </message>
    <message>
        <source>Partnerregister in gebruik overschrijven?</source>
        <translation>Overwrite the partner registry in use?</translation>
    </message>
    <message>
        <source>{0} is het partnerregister dat referral-desk nu gebruikt. Overschrijven? Kies Nee om het onder een andere naam te bewaren en het aan de IT-dienst te geven.</source>
        <translation>{0} is the partner registry referral-desk uses now. Overwrite it? Choose No to save it under another name and hand it to the IT service.</translation>
    </message>
    <message>
        <source>Nog niet in orde</source>
        <translation>Not in order yet</translation>
    </message>
    <message>
        <source>Niet bewaard</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>{0} kon niet geschreven worden ({1}). Uw wijzigingen staan nog open: kies een map waarin u mag schrijven (bv. Documenten) en geef het bestand aan de IT-dienst.</source>
        <translation>{0} could not be written ({1}). Your changes are still open: choose a folder you may write to (e.g. Documents) and give the file to the IT department.</translation>
    </message>
    <message>
        <source>Wijzigingen nakijken</source>
        <translation>Review changes</translation>
    </message>
    <message>
        <source>Kijk de wijzigingen na voor u bewaart:&lt;br&gt;&lt;br&gt;{0}</source>
        <translation>Review the changes before you save:&lt;br&gt;&lt;br&gt;{0}</translation>
    </message>
    <message>
        <source>Klopt, opslaan als…</source>
        <translation>Correct, save as…</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Wijzigingen niet bewaard</source>
        <translation>Changes not saved</translation>
    </message>
    <message>
        <source>Het partnerregister heeft wijzigingen die nog niet bewaard zijn. Verwerpen?</source>
        <translation>The partner registry has changes that have not been saved. Discard them?</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Partner {0}</source>
        <translation>Partner {0}</translation>
    </message>
    <message>
        <source>Protocol beëindigen</source>
        <translation>End protocol</translation>
    </message>
    <message>
        <source>Vanaf welke dag geldt het protocol met {0} niet meer? (JJJJ-MM-DD; vanaf die dag kan niemand nog naar deze partner doorverwijzen)</source>
        <translation>From which day does the protocol with {0} no longer apply? (YYYY-MM-DD; from that day nobody can refer to this partner)</translation>
    </message>
    <message>
        <source>Geen datum</source>
        <translation>No date</translation>
    </message>
    <message>
        <source>Partner verwijderen</source>
        <translation>Delete partner</translation>
    </message>
    <message>
        <source>{0} uit het partnerregister verwijderen? Een protocol dat afloopt beëindigt u beter, zodat de geschiedenis bewaard blijft.</source>
        <translation>Delete {0} from the partner registry? A protocol that expires is better ended, so its history is kept.</translation>
    </message>
    <message>
        <source>Partnerregister – {0}{1}</source>
        <translation>Partner registry – {0}{1}</translation>
    </message>
</context>
<context>
    <name>RegistryEditorView</name>
    <message>
        <source>Zoek op naam, id, mailbox, postcode of gemeente</source>
        <translation>Search by name, id, mailbox, postcode or municipality</translation>
    </message>
    <message>
        <source>Zoeken in partners</source>
        <translation>Search partners</translation>
    </message>
    <message>
        <source>&amp;Zoeken</source>
        <translation>Searc&amp;h</translation>
    </message>
</context>
<context>
    <name>RegistryHeaderBox</name>
    <message>
        <source>Partnerregister</source>
        <translation>Partner registry</translation>
    </message>
    <message>
        <source>JJJJ-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Wordt bij het opslaan van een gewijzigd register de dag van vandaag.</source>
        <translation>Set to today when a changed registry is saved.</translation>
    </message>
    <message>
        <source>Ve&amp;rsie</source>
        <translation>&amp;Version</translation>
    </message>
    <message>
        <source>Datu&amp;m</source>
        <translation>Da&amp;te</translation>
    </message>
    <message>
        <source>Gewi&amp;jzigd door</source>
        <translation>&amp;Changed by</translation>
    </message>
    <message>
        <source>Sleutel om te ondertekenen</source>
        <translation>Signing key</translation>
    </message>
    <message>
        <source>Kies sle&amp;utel…</source>
        <translation>Choose &amp;key…</translation>
    </message>
    <message>
        <source>Sleutel om te ondertekenen kiezen</source>
        <translation>Choose the signing key</translation>
    </message>
    <message>
        <source>Zonder handtekening</source>
        <translation>Without signature</translation>
    </message>
    <message>
        <source>Voortaan zonder handtekening opslaan</source>
        <translation>Save without a signature from now on</translation>
    </message>
    <message>
        <source>Ondertekenen met sleutel:</source>
        <translation>Sign with key:</translation>
    </message>
    <message>
        <source>geen (opslaan zonder handtekening)</source>
        <translation>none (save without a signature)</translation>
    </message>
</context>
<context>
    <name>RegistryProblemList</name>
    <message>
        <source>Nog niet in orde</source>
        <translation>Not in order yet</translation>
    </message>
    <message>
        <source>… en nog {0}</source>
        <translation>… and {0} more</translation>
    </message>
    <message>
        <source>Nog niet in orde:</source>
        <translation>Not yet in order:</translation>
    </message>
    <message>
        <source>regel {0} · {1}</source>
        <translation>line {0} · {1}</translation>
    </message>
</context>
<context>
    <name>RetentionSettingsPage</name>
    <message>
        <source>Bewaren</source>
        <translation>Retention</translation>
    </message>
    <message>
        <source> dagen</source>
        <translation> days</translation>
    </message>
    <message>
        <source> maanden</source>
        <translation> months</translation>
    </message>
    <message>
        <source>Minstens {0} maanden: de jaarlijkse evaluatie telt het hele vorige jaar.</source>
        <translation>At least {0} months: the yearly evaluation counts the whole previous year.</translation>
    </message>
    <message>
        <source>Initialen en postcode van de cliënt in het logboek bewaren</source>
        <translation>Keep the client&apos;s initials and postcode in the referral log</translation>
    </message>
    <message>
        <source>Alleen om een doorverwijzing te herkennen; standaard uit.</source>
        <translation>Only to recognise a referral; off by default.</translation>
    </message>
    <message>
        <source>&amp;Wachtwoorden opvraagbaar</source>
        <translation>&amp;Passwords can be shown again for</translation>
    </message>
    <message>
        <source>Wachtwoorden opvraagbaar, in dagen</source>
        <translation>Passwords can be shown again for, in days</translation>
    </message>
    <message>
        <source>&amp;Logboek bewaren</source>
        <translation>Keep log &amp;for</translation>
    </message>
    <message>
        <source>Logboek bewaren, in maanden</source>
        <translation>Keep referral log for, in months</translation>
    </message>
    <message>
        <source>Sleutelbos</source>
        <translation>Keyring</translation>
    </message>
    <message>
        <source>Met deze partners is één vast wachtwoord afgesproken. Het staat in de sleutelbos van Windows, niet in een bestand.</source>
        <translation>One fixed password has been agreed with these partners. It is kept in the Windows keyring, not in a file.</translation>
    </message>
    <message>
        <source>geen sleutelbos</source>
        <translation>no keyring</translation>
    </message>
    <message>
        <source>Niet beschikbaar: {0}. Doorverwijzen werkt wel, met een nieuw wachtwoord per doorverwijzing, maar een wachtwoord kan later niet opnieuw getoond worden. Wachtwoorden worden nooit in een bestand bewaard.</source>
        <translation>Not available: {0}. Referring still works, with a new password per referral, but a password cannot be shown again later. Passwords are never stored in a file.</translation>
    </message>
    <message>
        <source>Beschikbaar ({0}).</source>
        <translation>Available ({0}).</translation>
    </message>
    <message>
        <source>Afgesproken wachtwoord</source>
        <translation>Agreed password</translation>
    </message>
    <message>
        <source>{0}

Wachtwoord dat met {1} is afgesproken:</source>
        <translation>{0}

Password agreed with {1}:</translation>
    </message>
    <message>
        <source>Typ het wachtwoord nogmaals:</source>
        <translation>Type the password again:</translation>
    </message>
    <message>
        <source>De twee wachtwoorden verschillen; er is niets bewaard.</source>
        <translation>The two passwords differ; nothing was saved.</translation>
    </message>
    <message>
        <source>Zeker?</source>
        <translation>Are you sure?</translation>
    </message>
    <message>
        <source>Niet bewaard: {0}</source>
        <translation>Not saved: {0}</translation>
    </message>
    <message>
        <source>Niet bewaard: {0}.</source>
        <translation>Not saved: {0}.</translation>
    </message>
    <message>
        <source>Niet beschikbaar: {0}.</source>
        <translation>Not available: {0}.</translation>
    </message>
    <message>
        <source>Het afgesproken wachtwoord met {0}:

{1}</source>
        <translation>The password agreed with {0}:

{1}</translation>
    </message>
    <message>
        <source>Het afgesproken wachtwoord met {0} verwijderen?</source>
        <translation>Delete the password agreed with {0}?</translation>
    </message>
    <message>
        <source>Niet verwijderd: {0}.</source>
        <translation>Not deleted: {0}.</translation>
    </message>
</context>
<context>
    <name>SaveSigning</name>
    <message>
        <source>geen tekstbestand</source>
        <translation>not a text file</translation>
    </message>
    <message>
        <source>De sleutel {0} is niet bruikbaar: {1}</source>
        <translation>The key {0} cannot be used: {1}</translation>
    </message>
    <message>
        <source> Er is niets bewaard; uw wijzigingen staan nog open.</source>
        <translation> Nothing was saved; your changes are still open.</translation>
    </message>
    <message>
        <source>Niet bewaard</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source> Kies de sleutel opnieuw, of kies Zonder handtekening.</source>
        <translation> Choose the key again, or choose Without signature.</translation>
    </message>
    <message>
        <source>Verkeerd wachtwoord voor de sleutel {0}.</source>
        <translation>Wrong password for the key {0}.</translation>
    </message>
    <message>
        <source> Kies opnieuw Opslaan als… en typ het wachtwoord.</source>
        <translation> Choose Save as… again and type the password.</translation>
    </message>
    <message>
        <source>Ondertekenen mislukt ({0}).</source>
        <translation>Signing failed ({0}).</translation>
    </message>
    <message>
        <source>Niet ondertekend, niet bewaard</source>
        <translation>Not signed, not saved</translation>
    </message>
    <message>
        <source>Bewaard, niet ondertekend</source>
        <translation>Saved, not signed</translation>
    </message>
    <message>
        <source>{0} is bewaard, maar de handtekening {1} kon niet geschreven worden ({2}). Zonder geldige handtekening weigeren laptops met een vertrouwde sleutel dit register: onderteken het met referral-desk registry sign.</source>
        <translation>{0} was saved, but the signature {1} could not be written ({2}). Without a valid signature, laptops with a trusted key refuse this registry: sign it with referral-desk registry sign.</translation>
    </message>
    <message>
        <source>Bewaard zonder handtekening</source>
        <translation>Saved without a signature</translation>
    </message>
    <message>
        <source>{0} is bewaard zonder handtekening; de handtekening {1} die ernaast staat past er niet meer bij. Kies een sleutel en bewaar opnieuw, of onderteken met: referral-desk registry sign</source>
        <translation>{0} was saved without a signature; the signature {1} beside it no longer matches. Choose a key and save again, or sign with: referral-desk registry sign</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Instellingen</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Logboek en wachtwoorden</source>
        <translation>Referral log and passwords</translation>
    </message>
    <message>
        <source>&amp;Bewaren</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>E-mailprogramma</source>
        <translation>E-mail program</translation>
    </message>
    <message>
        <source>Na het maken van het archief opent referral-desk een e-mailconcept met het archief als bijlage. Lukt dat niet met het gekozen programma, dan probeert het de volgende manier, en ten slotte een .eml-bestand. Lukt ook dat niet, dan toont het venster alles om de e-mail zelf op te stellen.</source>
        <translation>After creating the archive, referral-desk opens an e-mail draft with the archive attached. If that fails with the chosen program, it tries the next way, and finally an .eml file. If that fails too, the window shows everything to write the e-mail yourself.</translation>
    </message>
    <message>
        <source>Automatisch ({0})</source>
        <translation>Automatic ({0})</translation>
    </message>
    <message>
        <source>Taal van het venster</source>
        <translation>Window language</translation>
    </message>
    <message>
        <source>Geldt vanaf de volgende start van referral-desk.</source>
        <translation>Applies from the next start of referral-desk.</translation>
    </message>
    <message>
        <source>T&amp;aal van het venster</source>
        <translation>&amp;Window language</translation>
    </message>
    <message>
        <source>Geldt vanaf de volgende start.</source>
        <translation>Applies from the next start.</translation>
    </message>
    <message>
        <source>{0} – niet beschikbaar: {1}</source>
        <translation>{0} – not available: {1}</translation>
    </message>
    <message>
        <source>&amp;Openen met</source>
        <translation>&amp;Open with</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Test</translation>
    </message>
    <message>
        <source>Testconcept openen</source>
        <translation>Open test draft</translation>
    </message>
    <message>
        <source>Vul eerst uw aanmeldersprofiel in.</source>
        <translation>First fill in your referrer profile.</translation>
    </message>
    <message>
        <source>Opent een testconcept aan {0} met een kleine testbijlage.</source>
        <translation>Opens a test draft to {0} with a small test attachment.</translation>
    </message>
    <message>
        <source>Volgorde</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <source>In de outbox bewaart referral-desk de versleutelde archieven en e-mailconcepten, zodat het e-mailprogramma de bijlage nog kan lezen tot u verstuurt. Oudere mappen worden bij het starten verwijderd.</source>
        <translation>In the outbox, referral-desk keeps the encrypted archives and e-mail drafts, so the e-mail program can still read the attachment until you send. Older folders are removed at start.</translation>
    </message>
    <message>
        <source> dagen</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Bewaartermijn van de outbox in dagen</source>
        <translation>Outbox retention in days</translation>
    </message>
    <message>
        <source>Be&amp;waren gedurende</source>
        <translation>&amp;Keep for</translation>
    </message>
    <message>
        <source>Outbox &amp;leegmaken…</source>
        <translation>&amp;Empty outbox…</translation>
    </message>
    <message>
        <source>Bezig…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <source>Testconcept geopend met {0}. Ziet u het met de bijlage {1}? Dan werkt het; u hoeft het niet te versturen.</source>
        <translation>Test draft opened with {0}. Do you see it with the attachment {1}? Then it works; you do not need to send it.</translation>
    </message>
    <message>
        <source>Het testconcept is alleen bewaard ({0}); er is niets geopend.</source>
        <translation>The test draft was only saved ({0}); nothing was opened.</translation>
    </message>
    <message>
        <source>Geen enkel e-mailprogramma kon het testconcept openen ({0}).</source>
        <translation>No e-mail program could open the test draft ({0}).</translation>
    </message>
    <message>
        <source>Het e-mailadres in uw profiel is geen geldig adres.</source>
        <translation>The e-mail address in your profile is not a valid address.</translation>
    </message>
    <message>
        <source>Het testconcept kon niet gemaakt worden.</source>
        <translation>The test draft could not be created.</translation>
    </message>
    <message>
        <source>Er is niets verstuurd; uw instellingen zijn niet gewijzigd.</source>
        <translation>Nothing was sent; your settings have not changed.</translation>
    </message>
    <message>
        <source>Outbox leegmaken?</source>
        <translation>Empty the outbox?</translation>
    </message>
    <message>
        <source>Alle archieven en e-mailconcepten in de outbox worden verwijderd. Een concept dat nog open staat in uw e-mailprogramma en nog niet verstuurd is, kan dan zijn bijlage verliezen. Doorgaan?</source>
        <translation>All archives and e-mail drafts in the outbox will be deleted. A draft still open in your e-mail program and not yet sent may lose its attachment. Continue?</translation>
    </message>
    <message>
        <source>De outbox is leeggemaakt ({0} onderdelen verwijderd).</source>
        <translation>The outbox has been emptied ({0} items deleted).</translation>
    </message>
    <message>
        <source>Instellingen niet bewaard</source>
        <translation>Settings not saved</translation>
    </message>
</context>
<context>
    <name>WithdrawalFlow</name>
    <message>
        <source>De cliënt van {0} trekt de toestemming in. Geef dat door aan {1}: per e-mail (er opent een e-mail aan {2} die vraagt de gegevens te verwijderen) of telefonisch. Het wachtwoord wordt daarna gewist.</source>
        <translation>The client of {0} withdraws consent. Pass this on to {1}: by e-mail (an e-mail to {2} opens asking to delete the data) or by phone. The password is then erased.</translation>
    </message>
    <message>
        <source>Toestemming ingetrokken</source>
        <translation>Consent withdrawn</translation>
    </message>
    <message>
        <source>Per e-mail…</source>
        <translation>By e-mail…</translation>
    </message>
    <message>
        <source>Telefonisch doorgegeven</source>
        <translation>Passed on by phone</translation>
    </message>
    <message>
        <source>Intrekking van {0} genoteerd als telefonisch doorgegeven.</source>
        <translation>Withdrawal of {0} recorded as passed on by phone.</translation>
    </message>
    <message>
        <source>Vul eerst uw aanmeldersprofiel in (menu Profiel).</source>
        <translation>First fill in your referrer profile (menu Your profile).</translation>
    </message>
    <message>
        <source>Bezig: de e-mail voor de intrekking wordt klaargezet…</source>
        <translation>Working: preparing the withdrawal e-mail…</translation>
    </message>
    <message>
        <source>Intrekking van {0} genoteerd; de e-mail aan {1} staat klaar in uw e-mailprogramma. Verstuur ze.</source>
        <translation>Withdrawal of {0} recorded; the e-mail to {1} is ready in your e-mail program. Send it.</translation>
    </message>
    <message>
        <source>De e-mail aan {0} staat klaar in uw e-mailprogramma. Verstuur ze en klik daarna op ‘Intrekking verstuurd bevestigen’.</source>
        <translation>The e-mail to {0} is ready in your e-mail program. Send it, then click ‘Confirm withdrawal sent’.</translation>
    </message>
    <message>
        <source>Geen e-mailprogramma opende de e-mail aan {0}. Verstuur de gekopieerde tekst zelf en klik daarna op ‘Intrekking verstuurd bevestigen’; tot dan blijft de status ongewijzigd.</source>
        <translation>No e-mail program opened the e-mail to {0}. Send the copied text yourself, then click ‘Confirm withdrawal sent’; until then the status stays unchanged.</translation>
    </message>
    <message>
        <source>De intrekking is misschien niet genoteerd: kijk de status in de lijst na en herhaal ze zo nodig.</source>
        <translation>The withdrawal may not have been recorded: check the status in the list and repeat it if needed.</translation>
    </message>
    <message>
        <source>Intrekking verstuurd bevestigen</source>
        <translation>Confirm withdrawal sent</translation>
    </message>
    <message>
        <source>Hebt u de e-mail over de intrekking van {0} verstuurd? Dan noteert het logboek de intrekking per e-mail en wordt het wachtwoord gewist.</source>
        <translation>Have you sent the e-mail about the withdrawal of {0}? Then the referral log records the withdrawal by e-mail and the password is erased.</translation>
    </message>
    <message>
        <source>Ja, verstuurd</source>
        <translation>Yes, sent</translation>
    </message>
    <message>
        <source>Intrekking van {0} genoteerd als per e-mail doorgegeven.</source>
        <translation>Withdrawal of {0} recorded as passed on by e-mail.</translation>
    </message>
    <message>
        <source>Doorverwijzing annuleren</source>
        <translation>Cancel referral</translation>
    </message>
    <message>
        <source>{0} is nooit als verstuurd genoteerd. Annuleren verwijdert het archief uit de outbox en wist het wachtwoord; er wordt niets gemaild. Verwijder zelf ook het concept in uw e-mailprogramma.

Hebt u de e-mail toch verstuurd? Kies dan ‘Niet annuleren’, bevestig eerst dat ze verstuurd is en trek daarna de toestemming in.</source>
        <translation>{0} was never recorded as sent. Cancelling deletes the archive from the outbox and erases the password; nothing is e-mailed. Also delete the draft in your e-mail program yourself.

Did you send the e-mail after all? Then choose ‘Do not cancel’, first confirm that it was sent and then withdraw the consent.</translation>
    </message>
    <message>
        <source>Niet annuleren</source>
        <translation>Do not cancel</translation>
    </message>
    <message>
        <source>{0} is geannuleerd; het archief is verwijderd.</source>
        <translation>{0} is cancelled; the archive has been deleted.</translation>
    </message>
</context>
</TS>
