<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en_GB">
<context>
    <name></name>
    <message>
        <location filename="../../ui/shell/settings.py" line="28"/>
        <source>off — not needed: the embedded server is on this computer (Unix socket only)</source>
        <translation>aus — nicht nötig: der eingebettete Server läuft auf diesem Computer (nur Unix-Socket)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/settings.py" line="29"/>
        <source>OFF — the connection is not encrypted (set BOXOFFICE_DB_SSLROOTCERT, docs/operations.md)</source>
        <translation>AUS — die Verbindung ist nicht verschlüsselt (BOXOFFICE_DB_SSLROOTCERT setzen, docs/operations.md)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/settings.py" line="30"/>
        <source>on ({version}, {cipher})</source>
        <translation>an ({version}, {cipher})</translation>
    </message>
    <message>
        <location filename="../../ui/shell/settings.py" line="31"/>
        <source> in {file}</source>
        <translation> in {file}</translation>
    </message>
    <message>
        <location filename="../../ui/shell/settings.py" line="33"/>
        <source>{on}; certificate verified: signed by the CA{ca} and issued to this host</source>
        <translation>{on}; Zertifikat geprüft: von der CA{ca} signiert und für diesen Host ausgestellt</translation>
    </message>
    <message>
        <location filename="../../ui/shell/settings.py" line="35"/>
        <source>{on}; certificate signed by the CA{ca}, host name not checked (sslmode=verify-ca)</source>
        <translation>{on}; Zertifikat von der CA{ca} signiert, Hostname nicht geprüft (sslmode=verify-ca)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/settings.py" line="38"/>
        <source>{on}; certificate NOT verified (sslmode={mode})</source>
        <translation>{on}; Zertifikat NICHT geprüft (sslmode={mode})</translation>
    </message>
</context>
<context>
    <name>AccountForm</name>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="65"/>
        <source>&amp;Username</source>
        <translation>&amp;Benutzername</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="66"/>
        <source>&amp;Display name</source>
        <translation>Angezeigter &amp;Name</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="67"/>
        <source>&amp;Role</source>
        <translation>&amp;Rolle</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="68"/>
        <source>at least 8 characters</source>
        <translation>mindestens 8 Zeichen</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="70"/>
        <source>&amp;Password</source>
        <translation>&amp;Passwort</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="71"/>
        <source>R&amp;epeat password</source>
        <translation>Passwort &amp;wiederholen</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="92"/>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>AdmissionConflictsDialog</name>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="95"/>
        <source>Admission conflicts · boxoffice</source>
        <translation>Einlasskonflikte · boxoffice</translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="99"/>
        <source>Tickets a door let in while it was offline, which the database refused when the door uploaded: someone else was admitted on the same ticket, or it was void. Follow them up (e.g. check the seats) and mark them resolved.</source>
        <translation>Tickets, die ein Einlass offline hereingelassen hat und die die Datenbank beim Hochladen abgelehnt hat: Mit demselben Ticket wurde schon jemand eingelassen, oder es war ungültig. Gehen Sie dem nach (z. B. die Plätze prüfen) und markieren Sie sie als erledigt.</translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="107"/>
        <source>Show &amp;resolved ones too</source>
        <translation>&amp;Erledigte auch zeigen</translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="113"/>
        <source>&amp;Mark resolved…</source>
        <translation>Als erledigt &amp;markieren…</translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="116"/>
        <source>Reload (F5)</source>
        <translation>Neu laden (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="119"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="137"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/door/admission_conflicts.py" line="151"/>
        <source>%n conflict(s).</source>
        <translation>
            <numerusform>%n Konflikt.</numerusform>
            <numerusform>%n Konflikte.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/door/admission_conflicts.py" line="153"/>
        <source>%n open conflict(s).</source>
        <translation>
            <numerusform>%n offener Konflikt.</numerusform>
            <numerusform>%n offene Konflikte.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="157"/>
        <source>No admission conflicts.</source>
        <translation>Keine Einlasskonflikte.</translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="157"/>
        <source>No open admission conflicts.</source>
        <translation>Keine offenen Einlasskonflikte.</translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="182"/>
        <source>What was done about {ticket}? (optional)</source>
        <translation>Was wurde wegen {ticket} unternommen? (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="181"/>
        <source>Mark resolved</source>
        <translation>Als erledigt markieren</translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="187"/>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
</context>
<context>
    <name>ArrivalsChart</name>
    <message>
        <location filename="../../ui/door/stats.py" line="53"/>
        <source>Arrivals per {bucket_minutes} min</source>
        <translation>Ankünfte je {bucket_minutes} Min.</translation>
    </message>
    <message>
        <location filename="../../ui/door/stats.py" line="59"/>
        <source>max {top}</source>
        <translation>max. {top}</translation>
    </message>
</context>
<context>
    <name>AuditLogWindow</name>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="76"/>
        <source>Audit log · boxoffice</source>
        <translation>Protokoll · boxoffice</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="82"/>
        <source>Anyone</source>
        <translation>Alle Personen</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="83"/>
        <source>Anything</source>
        <translation>Alle Aktionen</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="87"/>
        <source>Any till</source>
        <translation>Alle Kassen</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="92"/>
        <source>order number, seat, show…</source>
        <translation>Bestellnummer, Platz, Veranstaltung…</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="94"/>
        <source>&amp;Apply</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="97"/>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="102"/>
        <source>&amp;Who</source>
        <translation>&amp;Wer</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="103"/>
        <source>W&amp;hat</source>
        <translation>W&amp;as</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="104"/>
        <source>T&amp;ill</source>
        <translation>&amp;Kasse</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="105"/>
        <source>&amp;From</source>
        <translation>&amp;Von</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="106"/>
        <source>&amp;To</source>
        <translation>&amp;Bis</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="107"/>
        <source>&amp;Search</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="130"/>
        <source>◀ &amp;Newer</source>
        <translation>◀ &amp;Neuere</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="132"/>
        <source>&amp;Older ▶</source>
        <translation>Ä&amp;ltere ▶</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="136"/>
        <source>&amp;Export CSV…</source>
        <translation>CSV &amp;exportieren…</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="139"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="168"/>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="185"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="235"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="263"/>
        <source>Entries {first}–{last} of {total}</source>
        <translation>Einträge {first}–{last} von {total}</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="267"/>
        <source>No entries match.</source>
        <translation>Keine passenden Einträge.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="282"/>
        <source>Export the audit log</source>
        <translation>Protokoll exportieren</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="282"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="292"/>
        <source>Exporting the audit log…</source>
        <translation>Protokoll wird exportiert…</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="292"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="294"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="316"/>
        <source>Export cancelled.</source>
        <translation>Export abgebrochen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manage/audit_log.py" line="318"/>
        <source>Exported %Ln entry(s) to {path}.</source>
        <translation>
            <numerusform>%Ln Eintrag nach {path} exportiert.</numerusform>
            <numerusform>%Ln Einträge nach {path} exportiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BasketLines</name>
    <message>
        <location filename="../../ui/counter/basket_lines.py" line="49"/>
        <source>Full</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_lines.py" line="69"/>
        <source>Row {row} seat {number}</source>
        <translation>Reihe {row} Platz {number}</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_lines.py" line="71"/>
        <source>Seat {seat_id}</source>
        <translation>Platz {seat_id}</translation>
    </message>
</context>
<context>
    <name>BasketPanel</name>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="74"/>
        <source>Basket</source>
        <translation>Warenkorb</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="92"/>
        <source>Seat</source>
        <translation>Platz</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="92"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="92"/>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="92"/>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="93"/>
        <source>Ticket type of the selected lines: T next, Shift+T previous, 1-9 the n-th type</source>
        <translation>Ticketart der gewählten Zeilen: T nächste, Umschalt+T vorige, 1-9 die n-te Art</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="105"/>
        <source>Type how many seats (1-9) for the best together,
or click seats on the map (again to drop one).</source>
        <translation>Anzahl tippen (1–9) für die besten Plätze nebeneinander,
oder Plätze im Saalplan anklicken (nochmals: entfernen).</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="118"/>
        <source>Remove seat</source>
        <translation>Platz entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="120"/>
        <source>Drop the selected seats from the basket (Delete)</source>
        <translation>Die gewählten Plätze aus dem Warenkorb nehmen (Entf)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="122"/>
        <source>Clear basket</source>
        <translation>Warenkorb leeren</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="124"/>
        <source>Release every seat in the basket (Ctrl+Shift+Delete)</source>
        <translation>Alle Plätze im Warenkorb freigeben (Strg+Umschalt+Entf)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="126"/>
        <source>Pay… (F9)</source>
        <translation>Kassieren… (F9)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="130"/>
        <location filename="../../ui/counter/basket_panel.py" line="360"/>
        <source>Take payment for the basket: F9 cash, F10 card, F11 complimentary, F12 split</source>
        <translation>Den Warenkorb kassieren: F9 bar, F10 Karte, F11 Freikarte, F12 aufteilen</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="143"/>
        <source>Promo code (F7)</source>
        <translation>Aktionscode (F7)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="145"/>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="152"/>
        <source>Remove code</source>
        <translation>Code entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="191"/>
        <source>{section} · Row {row} · Seat {seat}</source>
        <translation>{section} · Reihe {row} · Platz {seat}</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="196"/>
        <location filename="../../ui/counter/basket_panel.py" line="265"/>
        <source>no price</source>
        <translation>kein Preis</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/counter/basket_panel.py" line="225"/>
        <source>%n ticket(s) · {total}</source>
        <translation>
            <numerusform>%n Ticket · {total}</numerusform>
            <numerusform>%n Tickets · {total}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/counter/basket_panel.py" line="227"/>
        <source>%n seat(s) · {total}</source>
        <translation>
            <numerusform>%n Platz · {total}</numerusform>
            <numerusform>%n Plätze · {total}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="253"/>
        <source>Promo {code}: checking…</source>
        <translation>Aktion {code}: wird geprüft…</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="256"/>
        <source>Promo {code} −{amount}</source>
        <translation>Aktion {code} −{amount}</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="263"/>
        <source>{name} (GA) × {count}</source>
        <translation>{name} (freie Platzwahl) × {count}</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="274"/>
        <source>Full</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="323"/>
        <source>Ticket type: {types} (select the line and press T, or 1-9)</source>
        <translation>Ticketart: {types} (Zeile wählen und T drücken, oder 1-9)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="358"/>
        <source>No connection to the database: paying waits until it is back</source>
        <translation>Keine Verbindung zur Datenbank: Kassieren erst, wenn sie wieder da ist</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="370"/>
        <source> · held {minutes}:{seconds:02d}</source>
        <translation> · reserviert {minutes}:{seconds:02d}</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="372"/>
        <source>&lt;span style=&apos;color:#b3261e&apos;&gt;&lt;b&gt;No connection&lt;/b&gt;{left}&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b3261e&apos;&gt;&lt;b&gt;Keine Verbindung&lt;/b&gt;{left}&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="381"/>
        <source>&lt;span style=&apos;color:{colour}&apos;&gt;Held {minutes}:{seconds:02d}&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:{colour}&apos;&gt;Reserviert {minutes}:{seconds:02d}&lt;/span&gt;</translation>
    </message>
</context>
<context>
    <name>BestSeats</name>
    <message>
        <location filename="../../ui/counter/best_seats.py" line="59"/>
        <source>Best available in {category}.</source>
        <translation>Beste Plätze in {category}.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/best_seats.py" line="61"/>
        <source>Best available in any category.</source>
        <translation>Beste Plätze in jeder Kategorie.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/best_seats.py" line="73"/>
        <source>No connection to the database: seats cannot be held until it is back.</source>
        <translation>Keine Verbindung zur Datenbank: Plätze können erst reserviert werden, wenn sie wieder da ist.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/best_seats.py" line="76"/>
        <source>Best available takes 1 to {limit} seats.</source>
        <translation>Beste Plätze: 1 bis {limit} Plätze.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/counter/best_seats.py" line="171"/>
        <source>%n best seat(s) together: {section}, row {row}, seat(s) {numbers}</source>
        <translation>
            <numerusform>%n bester Platz: {section}, Reihe {row}, Platz {numbers}</numerusform>
            <numerusform>%n beste Plätze nebeneinander: {section}, Reihe {row}, Plätze {numbers}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BestSeatsDialog</name>
    <message>
        <location filename="../../ui/manage/best_seats.py" line="127"/>
        <source>Best seats</source>
        <translation>Beste Plätze</translation>
    </message>
    <message>
        <location filename="../../ui/manage/best_seats.py" line="136"/>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <location filename="../../ui/manage/best_seats.py" line="139"/>
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <location filename="../../ui/manage/best_seats.py" line="144"/>
        <source>Best point = centre of this section</source>
        <translation>Bester Punkt = Mitte dieses Bereichs</translation>
    </message>
    <message>
        <location filename="../../ui/manage/best_seats.py" line="147"/>
        <source>Default point (front centre of the stage)</source>
        <translation>Standardpunkt (vorne Mitte der Bühne)</translation>
    </message>
    <message>
        <location filename="../../ui/manage/best_seats.py" line="163"/>
        <source>Seating plan</source>
        <translation>Saalplan</translation>
    </message>
    <message>
        <location filename="../../ui/manage/best_seats.py" line="165"/>
        <source>Section ranking (ticked sections first, top = best)</source>
        <translation>Rangfolge der Bereiche (angehakte zuerst, oben = am besten)</translation>
    </message>
    <message>
        <location filename="../../ui/manage/best_seats.py" line="172"/>
        <source>Best point (click the map)</source>
        <translation>Bester Punkt (in den Plan klicken)</translation>
    </message>
    <message>
        <location filename="../../ui/manage/best_seats.py" line="185"/>
        <source>Best available offers the seats nearest the best point first, sideways distance counting more than depth; every seat of a ranked section comes before the next section&apos;s.</source>
        <translation>„Beste verfügbare“ bietet zuerst die Plätze am nächsten zum besten Punkt an; seitlicher Abstand zählt mehr als Tiefe. Jeder Platz eines eingestuften Bereichs kommt vor denen des nächsten Bereichs.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/best_seats.py" line="201"/>
        <location filename="../../ui/manage/best_seats.py" line="218"/>
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message>
        <location filename="../../ui/manage/best_seats.py" line="210"/>
        <source>There is no seating plan yet.</source>
        <translation>Es gibt noch keinen Saalplan.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/best_seats.py" line="257"/>
        <source>Default: the front centre of the stage</source>
        <translation>Standard: vorne in der Mitte der Bühne</translation>
    </message>
    <message>
        <location filename="../../ui/manage/best_seats.py" line="259"/>
        <source>Best point: x {x:.0f}, y {y:.0f}</source>
        <translation>Bester Punkt: x {x:.0f}, y {y:.0f}</translation>
    </message>
    <message>
        <location filename="../../ui/manage/best_seats.py" line="286"/>
        <source>Saved. Best available uses it from now on.</source>
        <translation>Gespeichert. „Beste verfügbare“ verwendet dies ab jetzt.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/best_seats.py" line="288"/>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
</context>
<context>
    <name>BlockBar</name>
    <message>
        <location filename="../../ui/manage/seat_blocking.py" line="44"/>
        <source>&amp;Block</source>
        <translation>&amp;Sperren</translation>
    </message>
    <message>
        <location filename="../../ui/manage/seat_blocking.py" line="47"/>
        <source>&amp;Release</source>
        <translation>&amp;Freigeben</translation>
    </message>
    <message>
        <location filename="../../ui/manage/seat_blocking.py" line="50"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location filename="../../ui/manage/seat_blocking.py" line="54"/>
        <source>&lt;b&gt;Block seats&lt;/b&gt; — click seats to pick them.</source>
        <translation>&lt;b&gt;Plätze sperren&lt;/b&gt; — Plätze zum Auswählen anklicken.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/seat_blocking.py" line="56"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../../ui/manage/seat_blocking.py" line="68"/>
        <source>Sell or clear the basket before blocking seats.</source>
        <translation>Vor dem Sperren von Plätzen den Warenkorb verkaufen oder leeren.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/seat_blocking.py" line="76"/>
        <source>Block mode: click seats, then Block or Release.</source>
        <translation>Sperrmodus: Plätze anklicken, dann Sperren oder Freigeben.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/seat_blocking.py" line="105"/>
        <source>{label} is {state} and cannot be blocked.</source>
        <translation>{label} ist {state} und kann nicht gesperrt werden.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manage/seat_blocking.py" line="120"/>
        <source>%n seat(s) picked</source>
        <translation>
            <numerusform>%n Platz ausgewählt</numerusform>
            <numerusform>%n Plätze ausgewählt</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/manage/seat_blocking.py" line="121"/>
        <source> ({count} blocked)</source>
        <translation> ({count} gesperrt)</translation>
    </message>
    <message>
        <location filename="../../ui/manage/seat_blocking.py" line="123"/>
        <source>No seats picked</source>
        <translation>Keine Plätze ausgewählt</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manage/seat_blocking.py" line="135"/>
        <source>Blocked %n seat(s) ({reason}).</source>
        <translation>
            <numerusform>%n Platz gesperrt ({reason}).</numerusform>
            <numerusform>%n Plätze gesperrt ({reason}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manage/seat_blocking.py" line="145"/>
        <source>Released %n seat(s) back to sale.</source>
        <translation>
            <numerusform>%n Platz wieder zum Verkauf freigegeben.</numerusform>
            <numerusform>%n Plätze wieder zum Verkauf freigegeben.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BlockDialog</name>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="50"/>
        <location filename="../../ui/plan_editor/dialogs.py" line="103"/>
        <source>Add rows</source>
        <translation>Reihen hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="55"/>
        <source>Stalls</source>
        <translation>Parkett</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="63"/>
        <source>Skip I and O</source>
        <translation>I und O auslassen</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="85"/>
        <source>Section</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="86"/>
        <source>Rows</source>
        <translation>Reihen</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="87"/>
        <source>Seats per row</source>
        <translation>Plätze je Reihe</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="88"/>
        <source>Seat spacing</source>
        <translation>Platzabstand</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="89"/>
        <source>Row spacing</source>
        <translation>Reihenabstand</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="90"/>
        <source>Curve radius</source>
        <translation>Bogenradius</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="91"/>
        <source>First row</source>
        <translation>Erste Reihe</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="93"/>
        <source>Numbering</source>
        <translation>Nummerierung</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="94"/>
        <source>First seat number</source>
        <translation>Erste Platznummer</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="95"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="96"/>
        <source>Front row centre x</source>
        <translation>Mitte der vorderen Reihe x</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="97"/>
        <source>… y</source>
        <translation>… y</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="98"/>
        <source>Rotation</source>
        <translation>Drehung</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="99"/>
        <source>Seat radius</source>
        <translation>Platzradius</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="166"/>
        <source>Name the section.</source>
        <translation>Geben Sie dem Bereich einen Namen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/plan_editor/dialogs.py" line="175"/>
        <source>%n seat(s), rows {first}–{last}</source>
        <translation>
            <numerusform>%n Platz, Reihen {first}–{last}</numerusform>
            <numerusform>%n Plätze, Reihen {first}–{last}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CameraScanner</name>
    <message>
        <location filename="../../ui/door/media.py" line="136"/>
        <source>No camera found on this computer</source>
        <translation>Keine Kamera an diesem Computer gefunden</translation>
    </message>
    <message>
        <location filename="../../ui/door/media.py" line="158"/>
        <source>Camera error: {error}</source>
        <translation>Kamerafehler: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/door/media.py" line="161"/>
        <source>Camera on: {text}</source>
        <translation>Kamera an: {text}</translation>
    </message>
    <message>
        <location filename="../../ui/door/media.py" line="172"/>
        <source>Camera off</source>
        <translation>Kamera aus</translation>
    </message>
</context>
<context>
    <name>CancelShowtimeDialog</name>
    <message>
        <location filename="../../ui/manage/prices.py" line="62"/>
        <source>Cancel showtime</source>
        <translation>Vorstellung absagen</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="67"/>
        <source>&lt;b&gt;Cancel {title}, {when}?&lt;/b&gt;&lt;br&gt;Sales stop at every till and online at once, held seats are released and pending web bookings are cancelled. This cannot be undone.&lt;br&gt;</source>
        <translation>&lt;b&gt;{title}, {when} absagen?&lt;/b&gt;&lt;br&gt;Der Verkauf endet sofort an allen Kassen und online, reservierte Plätze werden freigegeben und offene Webbuchungen storniert. Das lässt sich nicht rückgängig machen.&lt;br&gt;</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manage/prices.py" line="73"/>
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n Bestellung</numerusform>
            <numerusform>%n Bestellungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manage/prices.py" line="75"/>
        <source>%n ticket(s)</source>
        <translation>
            <numerusform>%n Ticket</numerusform>
            <numerusform>%n Tickets</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="77"/>
        <source>must be refunded:</source>
        <translation>müssen erstattet werden:</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="80"/>
        <source>No tickets have been sold.</source>
        <translation>Es wurden keine Tickets verkauft.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="87"/>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="87"/>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="87"/>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="87"/>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="87"/>
        <source>Seats / email</source>
        <translation>Plätze / E-Mail</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="102"/>
        <source>Reason (e.g. lead actor ill) — required</source>
        <translation>Grund (z. B. Hauptdarsteller krank) — erforderlich</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="104"/>
        <source>Cancel the showtime</source>
        <translation>Vorstellung absagen</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="107"/>
        <source>Keep it</source>
        <translation>Beibehalten</translation>
    </message>
</context>
<context>
    <name>CardPage</name>
    <message>
        <location filename="../../ui/counter/tender_pages.py" line="98"/>
        <source>the terminal&apos;s authorisation code</source>
        <translation>Autorisierungscode des Terminals</translation>
    </message>
    <message>
        <location filename="../../ui/counter/tender_pages.py" line="101"/>
        <source>Take the card on the terminal first; never type the card number.</source>
        <translation>Erst am Terminal mit Karte zahlen lassen; nie die Kartennummer eintippen.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/tender_pages.py" line="104"/>
        <source>Amount on card</source>
        <translation>Betrag per Karte</translation>
    </message>
    <message>
        <location filename="../../ui/counter/tender_pages.py" line="105"/>
        <source>Terminal reference</source>
        <translation>Terminal-Referenz</translation>
    </message>
</context>
<context>
    <name>CashPage</name>
    <message>
        <location filename="../../ui/counter/tender_pages.py" line="47"/>
        <source>amount handed over, e.g. {example}</source>
        <translation>erhaltener Betrag, z. B. {example}</translation>
    </message>
    <message>
        <location filename="../../ui/counter/tender_pages.py" line="54"/>
        <source>Cash tendered</source>
        <translation>Bar erhalten</translation>
    </message>
    <message>
        <location filename="../../ui/counter/tender_pages.py" line="55"/>
        <source>Change due</source>
        <translation>Rückgeld</translation>
    </message>
    <message>
        <location filename="../../ui/counter/tender_pages.py" line="70"/>
        <source>Exact {amount}</source>
        <translation>Passend {amount}</translation>
    </message>
</context>
<context>
    <name>Checkout</name>
    <message>
        <location filename="../../ui/counter/checkout.py" line="58"/>
        <source>No connection to the database: paying waits until it is back.</source>
        <translation>Keine Verbindung zur Datenbank: Kassieren erst, wenn sie wieder da ist.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/counter/checkout.py" line="119"/>
        <source>Sold %n ticket(s), order {order}; change {change}.</source>
        <translation>
            <numerusform>%n Ticket verkauft, Bestellung {order}; Rückgeld {change}.</numerusform>
            <numerusform>%n Tickets verkauft, Bestellung {order}; Rückgeld {change}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CloseShiftDialog</name>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="256"/>
        <source>Close shift · {till}</source>
        <translation>Schicht abschließen · {till}</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="267"/>
        <source>&amp;Commit count and close</source>
        <translation>Zählung &amp;bestätigen und abschließen</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="273"/>
        <source>Shift of {who} since {when}. Count the cash in the drawer by note and coin.</source>
        <translation>Schicht von {who} seit {when}. Zählen Sie das Bargeld in der Kasse nach Scheinen und Münzen.</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="294"/>
        <source>Counted: {money}</source>
        <translation>Gezählt: {money}</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="315"/>
        <source>over</source>
        <translation>Überschuss</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="315"/>
        <source>short</source>
        <translation>Fehlbetrag</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="315"/>
        <source>exact</source>
        <translation>stimmt genau</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="320"/>
        <source>&lt;h2&gt;Z report {number}&lt;/h2&gt;Expected cash: &lt;b&gt;{expected}&lt;/b&gt;&lt;br&gt;Counted cash: &lt;b&gt;{counted}&lt;/b&gt;&lt;br&gt;&lt;span style=&apos;color:{colour}; font-size:16pt&apos;&gt;Variance: &lt;b&gt;{variance}&lt;/b&gt; ({word})&lt;/span&gt;</source>
        <translation>&lt;h2&gt;Z-Bericht {number}&lt;/h2&gt;Erwarteter Bargeldbestand: &lt;b&gt;{expected}&lt;/b&gt;&lt;br&gt;Gezählt: &lt;b&gt;{counted}&lt;/b&gt;&lt;br&gt;&lt;span style=&apos;color:{colour}; font-size:16pt&apos;&gt;Differenz: &lt;b&gt;{variance}&lt;/b&gt; ({word})&lt;/span&gt;</translation>
    </message>
</context>
<context>
    <name>CompPage</name>
    <message>
        <location filename="../../ui/counter/tender_pages.py" line="126"/>
        <source>choose or type a reason</source>
        <translation>Grund wählen oder eintippen</translation>
    </message>
    <message>
        <location filename="../../ui/counter/tender_pages.py" line="133"/>
        <source>Amount given free</source>
        <translation>Erlassener Betrag</translation>
    </message>
    <message>
        <location filename="../../ui/counter/tender_pages.py" line="134"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>DoorScreen</name>
    <message>
        <location filename="../../ui/door/screen.py" line="130"/>
        <source>SCAN AGAIN</source>
        <translation>ERNEUT SCANNEN</translation>
    </message>
    <message>
        <location filename="../../ui/door/screen.py" line="139"/>
        <source>Finding orders needs the database.</source>
        <translation>Die Bestellsuche braucht die Datenbank.</translation>
    </message>
    <message>
        <location filename="../../ui/door/screen.py" line="138"/>
        <source>OFFLINE</source>
        <translation>OFFLINE</translation>
    </message>
    <message>
        <location filename="../../ui/door/screen.py" line="139"/>
        <source>Send the visitor to the box office.</source>
        <translation>Schicken Sie den Gast zur Kasse.</translation>
    </message>
    <message>
        <location filename="../../ui/door/screen.py" line="194"/>
        <source>Uploaded {uploaded} offline scan(s).</source>
        <translation>{uploaded} Offline-Scan(s) hochgeladen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/door/screen.py" line="209"/>
        <source>While offline, %n ticket(s) admitted here had been used elsewhere or voided. The manager has been told; see the list on the right.</source>
        <translation>
            <numerusform>Offline wurde hier %n Ticket eingelassen, das anderswo schon benutzt oder ungültig war. Die Leitung ist informiert; siehe Liste rechts.</numerusform>
            <numerusform>Offline wurden hier %n Tickets eingelassen, die anderswo schon benutzt oder ungültig waren. Die Leitung ist informiert; siehe Liste rechts.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DoorSetupDialog</name>
    <message>
        <location filename="../../ui/door/setup.py" line="38"/>
        <source>Door: gate and showtimes</source>
        <translation>Einlass: Eingang und Vorstellungen</translation>
    </message>
    <message>
        <location filename="../../ui/door/setup.py" line="51"/>
        <source>{when}  {title}   (doors {doors})</source>
        <translation>{when}  {title}   (Einlass {doors})</translation>
    </message>
    <message>
        <location filename="../../ui/door/setup.py" line="60"/>
        <source>No showtimes around today. Schedule one, or pass --showtime.</source>
        <translation>Keine Vorstellungen um den heutigen Tag. Planen Sie eine, oder geben Sie --showtime an.</translation>
    </message>
    <message>
        <location filename="../../ui/door/setup.py" line="67"/>
        <source>Gate name</source>
        <translation>Name des Eingangs</translation>
    </message>
    <message>
        <location filename="../../ui/door/setup.py" line="70"/>
        <source>Showtimes this gate admits to:</source>
        <translation>Vorstellungen, für die dieser Eingang einlässt:</translation>
    </message>
    <message>
        <location filename="../../ui/door/setup.py" line="87"/>
        <source>Give the gate a name (other gates see it: &quot;admitted at North&quot;).</source>
        <translation>Geben Sie dem Eingang einen Namen (andere Eingänge sehen ihn: „eingelassen am Nordeingang“).</translation>
    </message>
    <message>
        <location filename="../../ui/door/setup.py" line="89"/>
        <source>Tick at least one showtime.</source>
        <translation>Haken Sie mindestens eine Vorstellung an.</translation>
    </message>
</context>
<context>
    <name>DoorStats</name>
    <message>
        <location filename="../../ui/door/stats.py" line="88"/>
        <source>– / – admitted</source>
        <translation>– / – eingelassen</translation>
    </message>
    <message>
        <location filename="../../ui/door/stats.py" line="108"/>
        <source>&lt;b&gt;Offline conflicts&lt;/b&gt; (reported to the manager)</source>
        <translation>&lt;b&gt;Offline-Konflikte&lt;/b&gt; (an die Leitung gemeldet)</translation>
    </message>
    <message>
        <location filename="../../ui/door/stats.py" line="113"/>
        <source>&lt;b&gt;Admitted / expected&lt;/b&gt;</source>
        <translation>&lt;b&gt;Eingelassen / erwartet&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/door/stats.py" line="118"/>
        <source>&lt;b&gt;By gate&lt;/b&gt; (first entries)</source>
        <translation>&lt;b&gt;Nach Eingang&lt;/b&gt; (erste Einlässe)</translation>
    </message>
    <message>
        <location filename="../../ui/door/stats.py" line="146"/>
        <source>showtime {showtime_id}</source>
        <translation>Vorstellung {showtime_id}</translation>
    </message>
    <message>
        <location filename="../../ui/door/stats.py" line="155"/>
        <source>{inside} inside now</source>
        <translation>{inside} jetzt drinnen</translation>
    </message>
    <message>
        <location filename="../../ui/door/stats.py" line="158"/>
        <source>no entries yet</source>
        <translation>noch keine Einlässe</translation>
    </message>
</context>
<context>
    <name>DoorView</name>
    <message>
        <location filename="../../ui/door/view.py" line="103"/>
        <source>boxoffice door · {gate}</source>
        <translation>boxoffice Einlass · {gate}</translation>
    </message>
    <message>
        <location filename="../../ui/door/view.py" line="117"/>
        <source>Gate {gate}</source>
        <translation>Eingang {gate}</translation>
    </message>
    <message>
        <location filename="../../ui/door/view.py" line="123"/>
        <location filename="../../ui/door/view.py" line="222"/>
        <source>ENTRY</source>
        <translation>EINLASS</translation>
    </message>
    <message>
        <location filename="../../ui/door/view.py" line="143"/>
        <source>Find order (F3)</source>
        <translation>Bestellung suchen (F3)</translation>
    </message>
    <message>
        <location filename="../../ui/door/view.py" line="144"/>
        <source>Camera (F4)</source>
        <translation>Kamera (F4)</translation>
    </message>
    <message>
        <location filename="../../ui/door/view.py" line="144"/>
        <source>Camera: unavailable</source>
        <translation>Kamera: nicht verfügbar</translation>
    </message>
    <message>
        <location filename="../../ui/door/view.py" line="148"/>
        <source>Exit scans (F6)</source>
        <translation>Ausgangsscans (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/door/view.py" line="206"/>
        <source>{title} {time} (doors {doors})</source>
        <translation>{title} {time} (Einlass {doors})</translation>
    </message>
    <message>
        <location filename="../../ui/door/view.py" line="210"/>
        <source>no showtime chosen</source>
        <translation>keine Vorstellung gewählt</translation>
    </message>
    <message>
        <location filename="../../ui/door/view.py" line="222"/>
        <source>EXIT</source>
        <translation>AUSGANG</translation>
    </message>
    <message>
        <location filename="../../ui/door/view.py" line="223"/>
        <source>Scan to let out</source>
        <translation>Zum Hinauslassen scannen</translation>
    </message>
    <message>
        <location filename="../../ui/door/view.py" line="223"/>
        <source>Scan the next ticket</source>
        <translation>Nächstes Ticket scannen</translation>
    </message>
    <message>
        <location filename="../../ui/door/view.py" line="241"/>
        <source>CONNECTING…</source>
        <translation>VERBINDE…</translation>
    </message>
    <message>
        <location filename="../../ui/door/view.py" line="243"/>
        <source>● ONLINE</source>
        <translation>● ONLINE</translation>
    </message>
    <message>
        <location filename="../../ui/door/view.py" line="245"/>
        <source>● OFFLINE · {pending} queued</source>
        <translation>● OFFLINE · {pending} in Warteschlange</translation>
    </message>
    <message>
        <location filename="../../ui/door/view.py" line="259"/>
        <source> at {gate}</source>
        <translation> am {gate}</translation>
    </message>
    <message>
        <location filename="../../ui/door/view.py" line="262"/>
        <source>was already admitted{where}{when}</source>
        <translation>wurde bereits eingelassen{where}{when}</translation>
    </message>
    <message>
        <location filename="../../ui/door/view.py" line="263"/>
        <source>was void ({reason})</source>
        <translation>war ungültig ({reason})</translation>
    </message>
    <message>
        <location filename="../../ui/door/view.py" line="266"/>
        <source>{time} ticket {ticket_id} {what}</source>
        <translation>{time} Ticket {ticket_id} {what}</translation>
    </message>
</context>
<context>
    <name>DrawerMenu</name>
    <message>
        <location filename="../../ui/drawer/menu.py" line="39"/>
        <source>&amp;Drawer</source>
        <translation>&amp;Kasse</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/menu.py" line="50"/>
        <location filename="../../ui/drawer/menu.py" line="62"/>
        <source>Open shift…</source>
        <translation>Schicht öffnen…</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/menu.py" line="51"/>
        <source>Cash drop…</source>
        <translation>Abschöpfung…</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/menu.py" line="52"/>
        <source>Pay-out…</source>
        <translation>Auszahlung…</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/menu.py" line="53"/>
        <source>X report</source>
        <translation>X-Bericht</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/menu.py" line="55"/>
        <source>Close shift…</source>
        <translation>Schicht abschließen…</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/menu.py" line="56"/>
        <source>Close another shift…</source>
        <translation>Andere Schicht abschließen…</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/menu.py" line="57"/>
        <source>Shift</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/menu.py" line="60"/>
        <source>  No shift is open on this till: cash sales need one.  </source>
        <translation>  An dieser Kasse ist keine Schicht offen: Barverkäufe brauchen eine.  </translation>
    </message>
    <message>
        <location filename="../../ui/drawer/menu.py" line="105"/>
        <source>This till&apos;s drawer belongs to {who}&apos;s open shift.</source>
        <translation>Die Kassenlade gehört zur offenen Schicht von {who}.</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/menu.py" line="132"/>
        <source>Shift open.</source>
        <translation>Schicht geöffnet.</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/menu.py" line="140"/>
        <source>Recorded.</source>
        <translation>Erfasst.</translation>
    </message>
</context>
<context>
    <name>EndedToggle</name>
    <message>
        <location filename="../../ui/counter/showtime_ending.py" line="25"/>
        <source>Show ended</source>
        <translation>Beendete zeigen</translation>
    </message>
    <message>
        <location filename="../../ui/counter/showtime_ending.py" line="27"/>
        <source>List showtimes whose sales have closed after the start (managers can still sell)</source>
        <translation>Vorstellungen anzeigen, deren Verkauf nach Beginn geschlossen hat (Manager können noch verkaufen)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/showtime_ending.py" line="48"/>
        <source>ended</source>
        <translation>beendet</translation>
    </message>
    <message>
        <location filename="../../ui/counter/showtime_ending.py" line="50"/>
        <source>started</source>
        <translation>begonnen</translation>
    </message>
</context>
<context>
    <name>ExchangeDialog</name>
    <message>
        <location filename="../../ui/orders/exchange.py" line="65"/>
        <source>Exchange tickets of {number} · boxoffice</source>
        <translation>Tickets von {number} umtauschen · boxoffice</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/orders/exchange.py" line="68"/>
        <source>Moving %n ticket(s): {places} (credit {credit})</source>
        <translation>
            <numerusform>Umtausch von %n Ticket: {places} (Guthaben {credit})</numerusform>
            <numerusform>Umtausch von %n Tickets: {places} (Guthaben {credit})</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/orders/exchange.py" line="90"/>
        <source>Cash handed over (blank: exact)</source>
        <translation>Bar erhalten (leer: passend)</translation>
    </message>
    <message>
        <location filename="../../ui/orders/exchange.py" line="93"/>
        <source>Card terminal authorisation code</source>
        <translation>Autorisierungscode des Kartenterminals</translation>
    </message>
    <message>
        <location filename="../../ui/orders/exchange.py" line="104"/>
        <source>Customer pays by</source>
        <translation>Kunde zahlt per</translation>
    </message>
    <message>
        <location filename="../../ui/orders/exchange.py" line="105"/>
        <source>Cash handed over</source>
        <translation>Bar erhalten</translation>
    </message>
    <message>
        <location filename="../../ui/orders/exchange.py" line="106"/>
        <source>Card authorisation</source>
        <translation>Kartenautorisierung</translation>
    </message>
    <message>
        <location filename="../../ui/orders/exchange.py" line="107"/>
        <source>Money back by</source>
        <translation>Geld zurück per</translation>
    </message>
    <message>
        <location filename="../../ui/orders/exchange.py" line="108"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/orders/exchange.py" line="109"/>
        <source>Click %n free seat(s) on the map.</source>
        <translation>
            <numerusform>Klicken Sie %n freien Platz im Saalplan an.</numerusform>
            <numerusform>Klicken Sie %n freie Plätze im Saalplan an.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/orders/exchange.py" line="112"/>
        <source>Exchange</source>
        <translation>Umtauschen</translation>
    </message>
    <message>
        <location filename="../../ui/orders/exchange.py" line="115"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../ui/orders/exchange.py" line="122"/>
        <source>Showtime</source>
        <translation>Vorstellung</translation>
    </message>
    <message>
        <location filename="../../ui/orders/exchange.py" line="148"/>
        <source>No showtime of this show is on sale.</source>
        <translation>Keine Vorstellung dieser Veranstaltung ist im Verkauf.</translation>
    </message>
    <message>
        <location filename="../../ui/orders/exchange.py" line="177"/>
        <source>That seat is not free.</source>
        <translation>Dieser Platz ist nicht frei.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/orders/exchange.py" line="180"/>
        <source>Already %n seat(s) chosen; click one to drop it.</source>
        <translation>
            <numerusform>Schon %n Platz gewählt; zum Entfernen anklicken.</numerusform>
            <numerusform>Schon %n Plätze gewählt; zum Entfernen einen anklicken.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/orders/exchange.py" line="227"/>
        <source>Customer pays {amount}</source>
        <translation>Kunde zahlt {amount}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/exchange.py" line="231"/>
        <source>Customer gets back {amount}</source>
        <translation>Kunde erhält {amount} zurück</translation>
    </message>
    <message>
        <location filename="../../ui/orders/exchange.py" line="233"/>
        <source>Same price: nothing to pay</source>
        <translation>Gleicher Preis: nichts zu zahlen</translation>
    </message>
    <message>
        <location filename="../../ui/orders/exchange.py" line="236"/>
        <source>New seats {new} − credit {credit}. Check with the customer, then exchange.</source>
        <translation>Neue Plätze {new} − Guthaben {credit}. Mit dem Kunden prüfen, dann umtauschen.</translation>
    </message>
    <message>
        <location filename="../../ui/orders/exchange.py" line="257"/>
        <source>Short by {amount}.</source>
        <translation>Es fehlen {amount}.</translation>
    </message>
    <message>
        <location filename="../../ui/orders/exchange.py" line="262"/>
        <source>Type the card terminal&apos;s authorisation code.</source>
        <translation>Geben Sie den Autorisierungscode des Kartenterminals ein.</translation>
    </message>
    <message>
        <location filename="../../ui/orders/exchange.py" line="293"/>
        <source>Exchanging…</source>
        <translation>Wird umgetauscht…</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="176"/>
        <source>Welcome · boxoffice</source>
        <translation>Willkommen · boxoffice</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="177"/>
        <source>Create admin and sign in</source>
        <translation>Admin anlegen und anmelden</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="180"/>
        <source>&lt;b&gt;Welcome to boxoffice.&lt;/b&gt;&lt;br&gt;Create the admin account first. The admin adds cashiers, door staff and managers (Manage → Staff accounts). Keep the password safe: there is no other admin yet.</source>
        <translation>&lt;b&gt;Willkommen bei boxoffice.&lt;/b&gt;&lt;br&gt;Legen Sie zuerst das Admin-Konto an. Der Admin legt Kassierer, Einlasspersonal und Leitung an (Verwaltung → Personalkonten). Bewahren Sie das Passwort sicher auf: Es gibt noch keinen anderen Admin.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="186"/>
        <source>&amp;Username</source>
        <translation>&amp;Benutzername</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="187"/>
        <source>&amp;Display name</source>
        <translation>Angezeigter &amp;Name</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="187"/>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="188"/>
        <source>&amp;Password</source>
        <translation>&amp;Passwort</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="189"/>
        <source>&amp;Repeat password</source>
        <translation>Passwort &amp;wiederholen</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="190"/>
        <source>P&amp;IN for this shift</source>
        <translation>P&amp;IN für diese Schicht</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="191"/>
        <source>optional: 4 to 8 digits, to unlock the till quickly</source>
        <translation>optional: 4 bis 8 Ziffern, um die Kasse schnell zu entsperren</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="192"/>
        <source>at least 8 characters</source>
        <translation>mindestens 8 Zeichen</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="193"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="200"/>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>GaAreaDialog</name>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="281"/>
        <source>Add general admission area</source>
        <translation>Stehplatzbereich hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="285"/>
        <source>Standing</source>
        <translation>Stehplätze</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="302"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="303"/>
        <source>Capacity</source>
        <translation>Kapazität</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="304"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="305"/>
        <source>Left, top</source>
        <translation>Links, oben</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="306"/>
        <source>Width, height</source>
        <translation>Breite, Höhe</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="332"/>
        <source>Add a price category first.</source>
        <translation>Legen Sie zuerst eine Preiskategorie an.</translation>
    </message>
</context>
<context>
    <name>GaAreaItem</name>
    <message>
        <location filename="../../ui/seatmap/ga_areas.py" line="54"/>
        <source> · {mine} in basket</source>
        <translation> · {mine} im Warenkorb</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/ga_areas.py" line="57"/>
        <source>General admission {name}: {left_text}. Click (or Enter) to choose places.</source>
        <translation>Freie Platzwahl {name}: {left_text}. Klicken (oder Eingabe), um Plätze zu wählen.</translation>
    </message>
</context>
<context>
    <name>GaQuantityDialog</name>
    <message>
        <location filename="../../ui/seatmap/ga_areas.py" line="133"/>
        <source>General admission · {name}</source>
        <translation>Freie Platzwahl · {name}</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/ga_areas.py" line="145"/>
        <source>no price</source>
        <translation>kein Preis</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/ga_areas.py" line="147"/>
        <source>{left_text} · {each} each</source>
        <translation>{left_text} · je {each}</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/ga_areas.py" line="148"/>
        <source> · {current} in the basket</source>
        <translation> · {current} im Warenkorb</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/ga_areas.py" line="152"/>
        <source>Places</source>
        <translation>Plätze</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/ga_areas.py" line="153"/>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
</context>
<context>
    <name>GaSale</name>
    <message>
        <location filename="../../ui/counter/ga_sale.py" line="103"/>
        <source>This showtime has no general-admission areas.</source>
        <translation>Diese Vorstellung hat keine Bereiche mit freier Platzwahl.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/ga_sale.py" line="113"/>
        <source>General admission</source>
        <translation>Freie Platzwahl</translation>
    </message>
    <message>
        <location filename="../../ui/counter/ga_sale.py" line="114"/>
        <source>Area</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <location filename="../../ui/counter/ga_sale.py" line="174"/>
        <source>{label} in the basket.</source>
        <translation>{label} im Warenkorb.</translation>
    </message>
</context>
<context>
    <name>LateSale</name>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="147"/>
        <source>Manager override…</source>
        <translation>Freigabe durch Leitung…</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="189"/>
        <source>Late sale approved</source>
        <translation>Späterer Verkauf freigegeben</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="192"/>
        <source>Sales closed {time} · Manager override…</source>
        <translation>Verkauf geschlossen {time} · Freigabe durch Leitung…</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="195"/>
        <source>Sales closed at {time}. A manager approves a late sale at this till (Ctrl+M).</source>
        <translation>Der Verkauf wurde um {time} geschlossen. Eine Leitungsperson gibt an dieser Kasse einen späteren Verkauf frei (Strg+M).</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="197"/>
        <location filename="../../ui/counter/late_sale.py" line="235"/>
        <source>This till cannot ask for a manager&apos;s approval: a manager signs in to sell.</source>
        <translation>Diese Kasse kann keine Freigabe der Leitung einholen: Eine Leitungsperson meldet sich zum Verkaufen an.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="214"/>
        <source>A manager can approve a late sale: Manager override… (Ctrl+M).</source>
        <translation>Eine Leitungsperson kann einen späteren Verkauf freigeben: Freigabe durch Leitung… (Strg+M).</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="216"/>
        <source>A manager signs in to sell it.</source>
        <translation>Eine Leitungsperson meldet sich an, um sie zu verkaufen.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="229"/>
        <source>No manager&apos;s override is needed: you may sell after the close yourself.</source>
        <translation>Keine Freigabe nötig: Sie dürfen nach Verkaufsschluss selbst verkaufen.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="231"/>
        <source>No manager&apos;s override is needed: this showtime&apos;s sales have not closed.</source>
        <translation>Keine Freigabe nötig: Der Verkauf für diese Vorstellung ist nicht geschlossen.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="253"/>
        <source>Late sale approved by {manager} for this sale: choose the seats.</source>
        <translation>Späterer Verkauf von {manager} für diesen Verkauf freigegeben: Wählen Sie die Plätze.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="255"/>
        <source>Late sale approved by {manager}.</source>
        <translation>Späterer Verkauf von {manager} freigegeben.</translation>
    </message>
</context>
<context>
    <name>LateSaleDialog</name>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="45"/>
        <source>Latecomer</source>
        <translation>Zu spät gekommen</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="46"/>
        <source>Ticket problem</source>
        <translation>Problem mit dem Ticket</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="47"/>
        <source>Group arriving late</source>
        <translation>Gruppe kommt später</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="48"/>
        <source>Guest list</source>
        <translation>Gästeliste</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="59"/>
        <source>Manager override: late sale</source>
        <translation>Freigabe durch Leitung: späterer Verkauf</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="68"/>
        <source>Sales for {title} ({when}) closed at {closed}. A manager can allow this till to sell it for the next sale (10 minutes).</source>
        <translation>Der Verkauf für {title} ({when}) wurde um {closed} geschlossen. Eine Leitungsperson kann dieser Kasse den nächsten Verkauf erlauben (10 Minuten).</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="79"/>
        <source>manager&apos;s user name</source>
        <translation>Benutzername der Leitung</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="83"/>
        <source>password, or the PIN of their shift at this till</source>
        <translation>Passwort, oder die PIN ihrer Schicht an dieser Kasse</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="92"/>
        <source>Manager</source>
        <translation>Leitung</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="93"/>
        <source>Password or PIN</source>
        <translation>Passwort oder PIN</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="94"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="97"/>
        <source>Approve</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="114"/>
        <source>The manager types their user name and password (or PIN).</source>
        <translation>Die Leitungsperson gibt Benutzernamen und Passwort (oder PIN) ein.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="118"/>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
</context>
<context>
    <name>LegendBar</name>
    <message>
        <location filename="../../ui/seatmap/legend.py" line="75"/>
        <source>not on sale</source>
        <translation>nicht im Verkauf</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="235"/>
        <source>was idle</source>
        <translation>war unbenutzt</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="235"/>
        <source>is locked</source>
        <translation>ist gesperrt</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="238"/>
        <source>Locked · boxoffice</source>
        <translation>Gesperrt · boxoffice</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="239"/>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="242"/>
        <source>&lt;b&gt;This till {why}.&lt;/b&gt;&lt;br&gt;{display_name} continues with their PIN or password; someone else picks or types their name to take over the till.</source>
        <translation>&lt;b&gt;Diese Kasse {why}.&lt;/b&gt;&lt;br&gt;{display_name} macht mit PIN oder Passwort weiter; jemand anderes wählt oder tippt seinen Namen, um die Kasse zu übernehmen.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="256"/>
        <source>&amp;Who</source>
        <translation>&amp;Wer</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="257"/>
        <source>PIN or &amp;password</source>
        <translation>PIN oder &amp;Passwort</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="269"/>
        <source>Type the PIN or password.</source>
        <translation>Geben Sie PIN oder Passwort ein.</translation>
    </message>
</context>
<context>
    <name>LookupDialog</name>
    <message>
        <location filename="../../ui/door/lookup.py" line="64"/>
        <source>Find an order</source>
        <translation>Bestellung suchen</translation>
    </message>
    <message>
        <location filename="../../ui/door/lookup.py" line="73"/>
        <source>Order number (BO-001234 or 1234) or booking e-mail, then Enter</source>
        <translation>Bestellnummer (BO-001234 oder 1234) oder Buchungs-E-Mail, dann Eingabe</translation>
    </message>
    <message>
        <location filename="../../ui/door/lookup.py" line="77"/>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <location filename="../../ui/door/lookup.py" line="77"/>
        <source>Seat</source>
        <translation>Platz</translation>
    </message>
    <message>
        <location filename="../../ui/door/lookup.py" line="77"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location filename="../../ui/door/lookup.py" line="77"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../../ui/door/lookup.py" line="84"/>
        <source>Admit selected</source>
        <translation>Gewählte einlassen</translation>
    </message>
    <message>
        <location filename="../../ui/door/lookup.py" line="88"/>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/door/lookup.py" line="110"/>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <location filename="../../ui/door/lookup.py" line="128"/>
        <source>{count} ticket(s)</source>
        <translation>{count} Ticket(s)</translation>
    </message>
    <message>
        <location filename="../../ui/door/lookup.py" line="130"/>
        <source>Nothing found for these showtimes</source>
        <translation>Nichts gefunden für diese Vorstellungen</translation>
    </message>
    <message>
        <location filename="../../ui/door/lookup.py" line="146"/>
        <source>Ticket {ticket_id}: {headline}</source>
        <translation>Ticket {ticket_id}: {headline}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/shell/main_window.py" line="53"/>
        <source>boxoffice · {channel}</source>
        <translation>boxoffice · {channel}</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="100"/>
        <source>&amp;Sale</source>
        <translation>&amp;Verkauf</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="101"/>
        <source>Print last order&apos;s tickets…</source>
        <translation>Tickets der letzten Bestellung drucken…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="107"/>
        <source>Find order…</source>
        <translation>Bestellung suchen…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="111"/>
        <source>Refund an order…</source>
        <translation>Bestellung erstatten…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="117"/>
        <source>Manager override: late sale…</source>
        <translation>Freigabe durch Leitung: späterer Verkauf…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="121"/>
        <source>Receipt of an order…</source>
        <translation>Beleg zu einer Bestellung…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="125"/>
        <source>Settings…</source>
        <translation>Einstellungen …</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="130"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="137"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="139"/>
        <source>Find showtime</source>
        <translation>Vorstellung suchen</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="140"/>
        <source>Refresh seat map</source>
        <translation>Saalplan aktualisieren</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="141"/>
        <source>Fit seat map</source>
        <translation>Saalplan einpassen</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="142"/>
        <source>Find seat…</source>
        <translation>Platz suchen…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="152"/>
        <source>S&amp;taff</source>
        <translation>&amp;Personal</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="153"/>
        <source>Lock / switch cashier…</source>
        <translation>Sperren / Kassierer wechseln…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="158"/>
        <source>&amp;Manage</source>
        <translation>Ver&amp;waltung</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="159"/>
        <source>Audit log…</source>
        <translation>Protokoll…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="162"/>
        <source>Staff accounts…</source>
        <translation>Personalkonten…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="165"/>
        <source>Admission conflicts…</source>
        <translation>Einlasskonflikte…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="168"/>
        <source>Seating plans…</source>
        <translation>Saalpläne…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="172"/>
        <source>Shows…</source>
        <translation>Veranstaltungen…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="174"/>
        <source>Schedule showtimes…</source>
        <translation>Vorstellungen planen…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="177"/>
        <source>Prices and showtimes…</source>
        <translation>Preise und Vorstellungen…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="180"/>
        <source>Promo codes…</source>
        <translation>Aktionscodes…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="185"/>
        <source>Best seats…</source>
        <translation>Beste Plätze…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="188"/>
        <source>Receipt details and VAT…</source>
        <translation>Belegangaben und MwSt.…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="191"/>
        <source>Venue settings…</source>
        <translation>Spielstätten-Einstellungen…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="194"/>
        <source>&amp;Reports</source>
        <translation>&amp;Berichte</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="195"/>
        <source>Sales and takings…</source>
        <translation>Umsätze und Einnahmen…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="201"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="202"/>
        <location filename="../../ui/shell/main_window.py" line="440"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="443"/>
        <source>F2  find a showtime
F5  refresh the seat map
F9  pay cash, F10  pay by card, F11  complimentary
F12  split a payment (in the payment dialog: take the entry as a part payment)
Delete  drop the selected (or last) seat
Ctrl+Shift+Delete  clear the basket
+ / −  zoom the seat map, 0  fit it
Ctrl+P  print the last order&apos;s tickets again
F4  find an order (reprint, refund, exchange)
Ctrl+R  refund an order
F8  print an order&apos;s receipt
Ctrl+Shift+O  open the shift, Ctrl+Shift+D  cash drop, Ctrl+Shift+U  pay-out
Ctrl+Shift+X  X report, Ctrl+Shift+E  close the shift (blind count, Z report)
Ctrl+L  lock the till / switch cashier
Ctrl+B  block / release seats (managers)
Ctrl+Shift+S  schedule showtimes, Ctrl+Shift+P  prices and showtimes
Ctrl+Shift+R  sales and takings (managers)</source>
        <translation>F2  Vorstellung suchen
F5  Saalplan aktualisieren
F9  bar kassieren, F10  mit Karte, F11  Freikarte
F12  Zahlung aufteilen (im Zahlungsdialog: Eingabe als Teilzahlung nehmen)
Entf  gewählten (oder letzten) Platz entfernen
Strg+Umschalt+Entf  Warenkorb leeren
+ / −  Saalplan zoomen, 0  einpassen
Strg+P  Tickets der letzten Bestellung erneut drucken
F4  Bestellung suchen (nachdrucken, erstatten, umtauschen)
Strg+R  Bestellung erstatten
F8  Beleg einer Bestellung drucken
Strg+Umschalt+O  Schicht öffnen, Strg+Umschalt+D  Abschöpfung, Strg+Umschalt+U  Auszahlung
Strg+Umschalt+X  X-Bericht, Strg+Umschalt+E  Schicht schließen (Blindzählung, Z-Bericht)
Strg+L  Kasse sperren / Kassierer wechseln
Strg+B  Plätze sperren / freigeben (Leitung)
Strg+Umschalt+S  Vorstellungen planen, Strg+Umschalt+P  Preise und Vorstellungen
Strg+Umschalt+R  Verkäufe und Einnahmen (Leitung)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/shell/main_window.py" line="480"/>
        <source>%n seat(s) are held in the basket. Release them and quit?</source>
        <translation>
            <numerusform>%n Platz ist im Warenkorb reserviert. Freigeben und beenden?</numerusform>
            <numerusform>%n Plätze sind im Warenkorb reserviert. Freigeben und beenden?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="220"/>
        <source>Nobody signed in</source>
        <translation>Niemand angemeldet</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="218"/>
        <source>Signed in: {who}</source>
        <translation>Angemeldet: {who}</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="245"/>
        <source>{display_name} is signed in at this till.</source>
        <translation>{display_name} ist an dieser Kasse angemeldet.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="406"/>
        <source>Seat maps follow every till and the web as they change.</source>
        <translation>Saalpläne folgen jeder Kasse und dem Webshop, sobald sich etwas ändert.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="408"/>
        <source>Not receiving changes from other tills and the web: </source>
        <translation>Keine Änderungen von anderen Kassen und dem Webshop: </translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="409"/>
        <source>connecting</source>
        <translation>verbinde</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="433"/>
        <source>No order sold at this till since it opened.</source>
        <translation>Seit dem Start wurde an dieser Kasse keine Bestellung verkauft.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="458"/>
        <source>On the seat map (docs/counter.md):
1-9  hold the best seats together (after a moment; Enter or F9: at once; 12 Enter: 12)
Enter again  the next best seats (the previous ones are released)
Ctrl+1-9  best seats of that price category (as the legend shows), Ctrl+0  any
Arrow keys  move the seat cursor, Page Up / Page Down  previous / next section
Space  put the seat under the cursor in the basket (again: drop it)
K14 or 112 K 14, then Enter  go to that seat
F6 or Ctrl+F  find a seat by section, row and seat
F9 then Enter  pay the exact amount in cash</source>
        <translation>Im Saalplan (docs/counter.md):
1-9  die besten Plätze nebeneinander reservieren (nach einem Moment; Enter oder F9: sofort; 12 Enter: 12)
Enter erneut  die nächstbesten Plätze (die vorigen werden freigegeben)
Strg+1-9  beste Plätze dieser Preiskategorie (wie in der Legende), Strg+0  jede
Pfeiltasten  Platz-Cursor bewegen, Bild auf / Bild ab  vorheriger / nächster Bereich
Leertaste  Platz unter dem Cursor in den Warenkorb (nochmals: entfernen)
K14 oder 112 K 14, dann Enter  zu diesem Platz springen
F6 oder Strg+F  einen Platz nach Bereich, Reihe und Platz suchen
F9, dann Enter  den genauen Betrag bar kassieren</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="479"/>
        <source>Seats in the basket</source>
        <translation>Plätze im Warenkorb</translation>
    </message>
</context>
<context>
    <name>MapKeys</name>
    <message>
        <location filename="../../ui/counter/map_keys.py" line="59"/>
        <source>“{typed}” is not a seat: type the row and the seat, e.g. K14 or 112 K 14.</source>
        <translation>„{typed}“ ist kein Platz: Reihe und Platz tippen, z. B. K14 oder 112 K 14.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/map_keys.py" line="63"/>
        <source>No seat {typed} on this plan.</source>
        <translation>Kein Platz {typed} in diesem Saalplan.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/map_keys.py" line="66"/>
        <source>{seat}: Space puts it in the basket.</source>
        <translation>{seat}: Leertaste legt ihn in den Warenkorb.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/counter/map_keys.py" line="74"/>
        <source>Best %n seat(s) together… (Enter: now)</source>
        <translation>
            <numerusform>Bester %n Platz… (Enter: sofort)</numerusform>
            <numerusform>Beste %n Plätze nebeneinander… (Enter: sofort)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/counter/map_keys.py" line="76"/>
        <source>Go to seat: {typed}… (Enter)</source>
        <translation>Gehe zu Platz: {typed}… (Enter)</translation>
    </message>
</context>
<context>
    <name>MiniMap</name>
    <message>
        <location filename="../../ui/seatmap/minimap.py" line="42"/>
        <source>Overview: click or drag to move the view</source>
        <translation>Übersicht: klicken oder ziehen, um die Ansicht zu verschieben</translation>
    </message>
</context>
<context>
    <name>MoveShowtimesDialog</name>
    <message>
        <location filename="../../ui/plan_editor/migrate.py" line="22"/>
        <source>Move showtimes to version {version}</source>
        <translation>Vorstellungen auf Version {version} umstellen</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/migrate.py" line="25"/>
        <source>Move ticked showtimes to version {version}</source>
        <translation>Angehakte Vorstellungen auf Version {version} umstellen</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/migrate.py" line="31"/>
        <source>Results appear here. A showtime is moved only if none of its sold or held seats would move, change label or disappear.</source>
        <translation>Ergebnisse erscheinen hier. Eine Vorstellung wird nur umgestellt, wenn keiner ihrer verkauften oder reservierten Plätze sich verschiebt, umbenannt wird oder wegfällt.</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/migrate.py" line="36"/>
        <location filename="../../ui/plan_editor/migrate.py" line="60"/>
        <source>Showtimes on other versions of this plan:</source>
        <translation>Vorstellungen auf anderen Versionen dieses Plans:</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/migrate.py" line="51"/>
        <source>{title} — {when} (version {version}, {status})</source>
        <translation>{title} — {when} (Version {version}, {status})</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/migrate.py" line="62"/>
        <source>No showtime is on another version of this plan.</source>
        <translation>Keine Vorstellung nutzt eine andere Version dieses Plans.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/plan_editor/migrate.py" line="93"/>
        <source>✓ {what}: moved (%n seat(s) carried over, {added} new, {dropped} removed).</source>
        <translation>
            <numerusform>✓ {what}: umgestellt (%n Platz übernommen, {added} neu, {dropped} entfernt).</numerusform>
            <numerusform>✓ {what}: umgestellt (%n Plätze übernommen, {added} neu, {dropped} entfernt).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MovementDialog</name>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="166"/>
        <source>Cash drop</source>
        <translation>Abschöpfung</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="166"/>
        <source>Pay-out</source>
        <translation>Auszahlung</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="175"/>
        <source>To the safe</source>
        <translation>In den Tresor</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="175"/>
        <source>Petty cash</source>
        <translation>Handkasse</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="175"/>
        <source>Supplies</source>
        <translation>Verbrauchsmaterial</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="181"/>
        <source>&amp;Amount</source>
        <translation>&amp;Betrag</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="182"/>
        <source>&amp;Reason</source>
        <translation>&amp;Grund</translation>
    </message>
</context>
<context>
    <name>OpenPlanDialog</name>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="211"/>
        <source>Open seating plan</source>
        <translation>Saalplan öffnen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/plan_editor/dialogs.py" line="217"/>
        <source>, %n showtime(s)</source>
        <translation>
            <numerusform>, %n Vorstellung</numerusform>
            <numerusform>, %n Vorstellungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/plan_editor/dialogs.py" line="219"/>
        <source>{venue} · {name} · version {version} (%n seat(s){used})</source>
        <translation>
            <numerusform>{venue} · {name} · Version {version} (%n Platz{used})</numerusform>
            <numerusform>{venue} · {name} · Version {version} (%n Plätze{used})</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="229"/>
        <location filename="../../ui/plan_editor/dialogs.py" line="244"/>
        <source>Venue</source>
        <translation>Spielstätte</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="231"/>
        <source>New plan&apos;s name, e.g. Main floor</source>
        <translation>Name des neuen Plans, z. B. Hauptsaal</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="232"/>
        <source>Open version</source>
        <translation>Version öffnen</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="235"/>
        <source>Start a new plan</source>
        <translation>Neuen Plan beginnen</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="237"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="240"/>
        <source>Stored versions (a saved change always makes a new version):</source>
        <translation>Gespeicherte Versionen (jede gespeicherte Änderung ergibt eine neue Version):</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="245"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
</context>
<context>
    <name>OpenShiftDialog</name>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="114"/>
        <source>Open shift · {till}</source>
        <translation>Schicht öffnen · {till}</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="119"/>
        <source>or type the float&apos;s total</source>
        <translation>oder den Gesamtbetrag des Wechselgelds eingeben</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="121"/>
        <source>&amp;Open shift</source>
        <translation>Schicht ö&amp;ffnen</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="125"/>
        <source>Float total</source>
        <translation>Wechselgeld gesamt</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="127"/>
        <source>Count the float in the drawer:</source>
        <translation>Zählen Sie das Wechselgeld in der Kasse:</translation>
    </message>
</context>
<context>
    <name>OpenShiftsDialog</name>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="347"/>
        <source>Close another shift</source>
        <translation>Andere Schicht abschließen</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="351"/>
        <source>&amp;Close this shift…</source>
        <translation>Diese Schicht &amp;abschließen…</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="355"/>
        <source>Shifts still open:</source>
        <translation>Noch offene Schichten:</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="368"/>
        <source>{till} · {who} · since {when}</source>
        <translation>{till} · {who} · seit {when}</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="373"/>
        <source>No shift is open.</source>
        <translation>Keine Schicht ist offen.</translation>
    </message>
</context>
<context>
    <name>OrderLookupDialog</name>
    <message>
        <location filename="../../ui/orders/lookup.py" line="85"/>
        <source>Find order · boxoffice</source>
        <translation>Bestellung suchen · boxoffice</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="89"/>
        <source>Order number (1042), customer name or e-mail, then Enter</source>
        <translation>Bestellnummer (1042), Kundenname oder E-Mail, dann Enter</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="91"/>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="95"/>
        <source>F&amp;ind</source>
        <translation>Su&amp;che</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="115"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="118"/>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="119"/>
        <source>Save customer</source>
        <translation>Kunde speichern</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="131"/>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="135"/>
        <source>Money back by</source>
        <translation>Geld zurück per</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="137"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="139"/>
        <source>Type an order number, a name or an e-mail; or right-click a sold seat.</source>
        <translation>Bestellnummer, Name oder E-Mail eingeben, oder einen verkauften Platz rechts anklicken.</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="142"/>
        <source>Reprint tickets…</source>
        <translation>Tickets nachdrucken…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="144"/>
        <location filename="../../ui/orders/lookup.py" line="296"/>
        <source>Refund…</source>
        <translation>Erstatten…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="146"/>
        <source>Exchange…</source>
        <translation>Umtauschen…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="148"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="179"/>
        <source>Type an order number, a name or an e-mail.</source>
        <translation>Bestellnummer, Name oder E-Mail eingeben.</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="181"/>
        <location filename="../../ui/orders/lookup.py" line="225"/>
        <source>Looking up…</source>
        <translation>Wird gesucht…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="201"/>
        <source>No order matches {query}.</source>
        <translation>Keine Bestellung passt zu {query}.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/orders/lookup.py" line="205"/>
        <source>%n order(s) found; choose one.</source>
        <translation>
            <numerusform>%n Bestellung gefunden; bitte wählen.</numerusform>
            <numerusform>%n Bestellungen gefunden; bitte eine wählen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="222"/>
        <source>That seat has no valid ticket.</source>
        <translation>Für diesen Platz gibt es kein gültiges Ticket.</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="256"/>
        <source>Tick the tickets to refund or exchange.</source>
        <translation>Haken Sie die Tickets zum Erstatten oder Umtauschen an.</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="258"/>
        <source>This order has no valid tickets left.</source>
        <translation>Diese Bestellung hat keine gültigen Tickets mehr.</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="294"/>
        <source>Refund {money}…</source>
        <translation>{money} erstatten…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="318"/>
        <source>Customer saved.</source>
        <translation>Kunde gespeichert.</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="329"/>
        <source>Give a reason for the refund.</source>
        <translation>Geben Sie einen Grund für die Erstattung an.</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="334"/>
        <source>Refund tickets?</source>
        <translation>Tickets erstatten?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/orders/lookup.py" line="336"/>
        <source>Refund {amount} by {method} for %n ticket(s) of {order}? The tickets stop being valid and the seats go back on sale.</source>
        <translation>
            <numerusform>{amount} per {method} für %n Ticket von {order} erstatten? Das Ticket wird ungültig und der Platz geht zurück in den Verkauf.</numerusform>
            <numerusform>{amount} per {method} für %n Tickets von {order} erstatten? Die Tickets werden ungültig und die Plätze gehen zurück in den Verkauf.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="344"/>
        <source>Refunding…</source>
        <translation>Wird erstattet…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/orders/lookup.py" line="356"/>
        <source>Refunded {amount} for %n ticket(s): give the customer {amount} by {method}.</source>
        <translation>
            <numerusform>{amount} für %n Ticket erstattet: geben Sie dem Kunden {amount} per {method}.</numerusform>
            <numerusform>{amount} für %n Tickets erstattet: geben Sie dem Kunden {amount} per {method}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="365"/>
        <source>Reprinting…</source>
        <translation>Wird nachgedruckt…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/orders/lookup.py" line="373"/>
        <source>New codes for %n ticket(s); the codes printed before no longer admit.</source>
        <translation>
            <numerusform>Neuer Code für %n Ticket; der zuvor gedruckte Code gilt nicht mehr.</numerusform>
            <numerusform>Neue Codes für %n Tickets; die zuvor gedruckten Codes gelten nicht mehr.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="391"/>
        <source>Exchanged into {number}.</source>
        <translation>Umgetauscht in {number}.</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="56"/>
        <source>sold by {sold_by} at {channel}</source>
        <translation>verkauft von {sold_by} an {channel}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="60"/>
        <source>sold at {channel}</source>
        <translation>verkauft an {channel}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="64"/>
        <source>&lt;b&gt;{number}&lt;/b&gt; · {show} · {seller} on {when} · total {total} ({paid})</source>
        <translation>&lt;b&gt;{number}&lt;/b&gt; · {show} · {seller} am {when} · Summe {total} ({paid})</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="77"/>
        <source>Exchanged from {number}</source>
        <translation>Umgetauscht aus {number}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="83"/>
        <source>Exchanged into {numbers}</source>
        <translation>Umgetauscht in {numbers}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="89"/>
        <source>Refunded {money} by {method} on {when}: {why}</source>
        <translation>{money} per {method} erstattet am {when}: {why}</translation>
    </message>
</context>
<context>
    <name>OverridePanel</name>
    <message>
        <location filename="../../ui/counter/tender_override.py" line="31"/>
        <source>Manager&apos;s approval</source>
        <translation>Freigabe durch die Leitung</translation>
    </message>
    <message>
        <location filename="../../ui/counter/tender_override.py" line="38"/>
        <source>manager&apos;s user name</source>
        <translation>Benutzername der Leitung</translation>
    </message>
    <message>
        <location filename="../../ui/counter/tender_override.py" line="43"/>
        <source>Approve</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <location filename="../../ui/counter/tender_override.py" line="47"/>
        <source>A cashier&apos;s complimentary ticket needs a manager&apos;s approval.</source>
        <translation>Eine Freikarte an der Kasse braucht die Freigabe der Leitung.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/tender_override.py" line="54"/>
        <source>Manager</source>
        <translation>Leitung</translation>
    </message>
    <message>
        <location filename="../../ui/counter/tender_override.py" line="55"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../../ui/counter/tender_override.py" line="58"/>
        <source>This till cannot ask for a manager&apos;s approval: a manager sells the comp.</source>
        <translation>Diese Kasse kann keine Freigabe einholen: Die Leitung verkauft die Freikarte selbst.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/tender_override.py" line="68"/>
        <source>The manager types their name and password.</source>
        <translation>Die Leitung gibt Namen und Passwort ein.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/tender_override.py" line="71"/>
        <source>Choose or type the reason first.</source>
        <translation>Zuerst einen Grund wählen oder eintippen.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/tender_override.py" line="75"/>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <location filename="../../ui/counter/tender_override.py" line="84"/>
        <source>Approved by {manager} for this sale.</source>
        <translation>Von {manager} für diesen Verkauf freigegeben.</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../ui/counter/payment.py" line="74"/>
        <source>Payment</source>
        <translation>Zahlung</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="96"/>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="97"/>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="98"/>
        <source>Paid so far</source>
        <translation>Bisher bezahlt</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="99"/>
        <source>Remaining</source>
        <translation>Offen</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="103"/>
        <source>Cash (F9)</source>
        <translation>Bar (F9)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="103"/>
        <source>Card (F10)</source>
        <translation>Karte (F10)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="103"/>
        <source>Complimentary (F11)</source>
        <translation>Freikarte (F11)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="134"/>
        <source>Part payment (F12)</source>
        <translation>Teilzahlung (F12)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="138"/>
        <source>Confirm sale</source>
        <translation>Verkauf bestätigen</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="174"/>
        <location filename="../../ui/counter/payment.py" line="175"/>
        <source>{amount} (all that remains)</source>
        <translation>{amount} (der ganze offene Betrag)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="187"/>
        <source>That is more than the {amount} that remains.</source>
        <translation>Das ist mehr als die offenen {amount}.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="206"/>
        <source>Short by {amount}. F12 takes it as a part payment.</source>
        <translation>Es fehlen {amount}. F12 nimmt es als Teilzahlung.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="213"/>
        <source>Type the terminal&apos;s reference for the card payment.</source>
        <translation>Die Referenz des Terminals für die Kartenzahlung eintippen.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="218"/>
        <source>Choose or type why the ticket is complimentary.</source>
        <translation>Wählen oder eintippen, warum es eine Freikarte ist.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="220"/>
        <source>A manager approves the complimentary ticket (name and password below).</source>
        <translation>Die Leitung gibt die Freikarte frei (Name und Passwort unten).</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="233"/>
        <source>{now} → {after} after this</source>
        <translation>{now} → danach {after}</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="243"/>
        <source>Enter alone: exact {amount}</source>
        <translation>Nur Enter: passend {amount}</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="292"/>
        <source>Card {amount} · ref {reference}</source>
        <translation>Karte {amount} · Ref. {reference}</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="294"/>
        <source>Complimentary {amount} · {reason}</source>
        <translation>Freikarte {amount} · {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="295"/>
        <source>Cash {amount}</source>
        <translation>Bar {amount}</translation>
    </message>
</context>
<context>
    <name>PlanEditorView</name>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="70"/>
        <source>Nothing selected</source>
        <translation>Nichts ausgewählt</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="75"/>
        <source>Price category</source>
        <translation>Preiskategorie</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="77"/>
        <source>Set category</source>
        <translation>Kategorie setzen</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="79"/>
        <source>New category…</source>
        <translation>Neue Kategorie…</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="91"/>
        <location filename="../../ui/plan_editor/window_view.py" line="138"/>
        <source>Renumber row…</source>
        <translation>Reihe neu nummerieren…</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="94"/>
        <location filename="../../ui/plan_editor/window_view.py" line="139"/>
        <source>Validate</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="99"/>
        <source>Selection</source>
        <translation>Auswahl</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="115"/>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="115"/>
        <source>Open a stored plan version or start a new plan</source>
        <translation>Eine gespeicherte Planversion öffnen oder einen neuen Plan beginnen</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="116"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="116"/>
        <source>Save as a new version</source>
        <translation>Als neue Version speichern</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="117"/>
        <source>Import pretix JSON…</source>
        <translation>pretix-JSON importieren…</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="118"/>
        <source>Export JSON…</source>
        <translation>JSON exportieren…</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="119"/>
        <source>Export for pretix…</source>
        <translation>Für pretix exportieren…</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="120"/>
        <source>Move showtimes to this version…</source>
        <translation>Vorstellungen auf diese Version umstellen…</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="121"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="123"/>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="129"/>
        <source>Add rows…</source>
        <translation>Reihen hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="129"/>
        <source>Add a block of rows</source>
        <translation>Einen Block Reihen hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="130"/>
        <source>Add stage</source>
        <translation>Bühne hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="131"/>
        <source>Add text…</source>
        <translation>Text hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="133"/>
        <source>Add general admission area…</source>
        <translation>Stehplatzbereich hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="135"/>
        <source>A standing area sold by count: name, capacity, category, rectangle</source>
        <translation>Ein nach Anzahl verkaufter Stehplatzbereich: Name, Kapazität, Kategorie, Rechteck</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="137"/>
        <source>Rotate…</source>
        <translation>Drehen…</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="137"/>
        <source>Rotate the selection ([ and ] turn by 5°)</source>
        <translation>Die Auswahl drehen ([ und ] drehen um 5°)</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="140"/>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="142"/>
        <source>Select all</source>
        <translation>Alles auswählen</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="143"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="145"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="165"/>
        <source>&amp;Plan</source>
        <translation>&amp;Plan</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="177"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="198"/>
        <source>Seating plan editor</source>
        <translation>Saalplan-Editor</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="200"/>
        <source>version {version}</source>
        <translation>Version {version}</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="200"/>
        <source>new, not saved</source>
        <translation>neu, nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="201"/>
        <source>{venue} · {plan_name} ({version}) — seating plan editor</source>
        <translation>{venue} · {plan_name} ({version}) — Saalplan-Editor</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="228"/>
        <source>&lt;span style=&quot;color:#9ca3af&quot;&gt;●&lt;/span&gt; no category ({count})</source>
        <translation>&lt;span style=&quot;color:#9ca3af&quot;&gt;●&lt;/span&gt; keine Kategorie ({count})</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="232"/>
        <source>&lt;span style=&quot;color:#6b7280&quot;&gt;■ wheelchair · ○ companion · – restricted view · / not for sale&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;color:#6b7280&quot;&gt;■ Rollstuhl · ○ Begleitung · – eingeschränkte Sicht · / nicht im Verkauf&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="247"/>
        <source> in row {row}</source>
        <translation> in Reihe {row}</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="279"/>
        <source>No problems.</source>
        <translation>Keine Probleme.</translation>
    </message>
</context>
<context>
    <name>PlanEditorWindow</name>
    <message numerus="yes">
        <location filename="../../ui/plan_editor/window.py" line="142"/>
        <source>%n problem(s) to fix before saving.</source>
        <translation>
            <numerusform>%n Problem vor dem Speichern zu beheben.</numerusform>
            <numerusform>%n Probleme vor dem Speichern zu beheben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/plan_editor/window.py" line="182"/>
        <source> %n showtime(s) use this version; saving makes a new one.</source>
        <translation>
            <numerusform> %n Vorstellung nutzt diese Version; Speichern erzeugt eine neue.</numerusform>
            <numerusform> %n Vorstellungen nutzen diese Version; Speichern erzeugt eine neue.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window.py" line="140"/>
        <source>No problems: the plan can be saved.</source>
        <translation>Keine Probleme: Der Plan kann gespeichert werden.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/plan_editor/window.py" line="129"/>
        <source>%n seat(s) selected</source>
        <translation>
            <numerusform>%n Platz ausgewählt</numerusform>
            <numerusform>%n Plätze ausgewählt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/plan_editor/window.py" line="130"/>
        <source>Nothing selected. %n seat(s) in the plan.</source>
        <translation>
            <numerusform>Nichts ausgewählt. %n Platz im Plan.</numerusform>
            <numerusform>Nichts ausgewählt. %n Plätze im Plan.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window.py" line="187"/>
        <source>Opened version {version}.{note}</source>
        <translation>Version {version} geöffnet.{note}</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window.py" line="194"/>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window.py" line="230"/>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/plan_editor/window.py" line="242"/>
        <source>Saved as version {version} (%n seat(s)). Showtimes keep the version they were scheduled on.</source>
        <translation>
            <numerusform>Als Version {version} gespeichert (%n Platz). Vorstellungen behalten die Version, mit der sie geplant wurden.</numerusform>
            <numerusform>Als Version {version} gespeichert (%n Plätze). Vorstellungen behalten die Version, mit der sie geplant wurden.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window.py" line="258"/>
        <source>A newer version exists</source>
        <translation>Es gibt eine neuere Version</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window.py" line="260"/>
        <source>{error}

Save yours anyway as the newest version? (Otherwise keep editing, or open the newer version and make your changes there.)</source>
        <translation>{error}

Ihre trotzdem als neueste Version speichern? (Sonst weiter bearbeiten, oder die neuere Version öffnen und die Änderungen dort vornehmen.)</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window.py" line="281"/>
        <source>Move showtimes</source>
        <translation>Vorstellungen umstellen</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window.py" line="281"/>
        <source>Save the plan first: showtimes move to a saved version.</source>
        <translation>Speichern Sie zuerst den Plan: Vorstellungen werden auf eine gespeicherte Version umgestellt.</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window.py" line="299"/>
        <source>Import a pretix seating plan</source>
        <translation>pretix-Saalplan importieren</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window.py" line="299"/>
        <location filename="../../ui/plan_editor/window.py" line="325"/>
        <source>Seating plans (*.json)</source>
        <translation>Saalpläne (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window.py" line="309"/>
        <source>Venue</source>
        <translation>Spielstätte</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window.py" line="312"/>
        <source>Import {name}</source>
        <translation>{name} importieren</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window.py" line="323"/>
        <source>Export seating plan</source>
        <translation>Saalplan exportieren</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window.py" line="335"/>
        <source>Exported to {path}.</source>
        <translation>Nach {path} exportiert.</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window.py" line="345"/>
        <location filename="../../ui/plan_editor/window.py" line="355"/>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window.py" line="346"/>
        <source>Discard the changes to this plan?</source>
        <translation>Die Änderungen an diesem Plan verwerfen?</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window.py" line="356"/>
        <source>Save the changes to this plan as a new version before closing?</source>
        <translation>Die Änderungen an diesem Plan vor dem Schließen als neue Version speichern?</translation>
    </message>
</context>
<context>
    <name>PlanEdits</name>
    <message>
        <location filename="../../ui/plan_editor/edits.py" line="59"/>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/edits.py" line="68"/>
        <source>Rotate {degrees:+g}°</source>
        <translation>Drehen {degrees:+g}°</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/edits.py" line="90"/>
        <source>Set {words}</source>
        <translation>{words} setzen</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/edits.py" line="99"/>
        <source>New category</source>
        <translation>Neue Kategorie</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/edits.py" line="100"/>
        <source>Name of the price category:</source>
        <translation>Name der Preiskategorie:</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/edits.py" line="111"/>
        <source>There is already a category called “{name}”.</source>
        <translation>Es gibt schon eine Kategorie namens „{name}“.</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/edits.py" line="117"/>
        <source>New category {name}</source>
        <translation>Neue Kategorie {name}</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/edits.py" line="138"/>
        <source>Add rows ({rows})</source>
        <translation>Reihen hinzufügen ({rows})</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/edits.py" line="157"/>
        <source>Add stage</source>
        <translation>Bühne hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/edits.py" line="164"/>
        <location filename="../../ui/plan_editor/edits.py" line="174"/>
        <source>Add text</source>
        <translation>Text hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/edits.py" line="165"/>
        <source>Text to show on the plan (e.g. EXIT, BAR):</source>
        <translation>Text, der auf dem Plan erscheint (z. B. AUSGANG, BAR):</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/edits.py" line="193"/>
        <source>Add general admission area</source>
        <translation>Stehplatzbereich hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/edits.py" line="202"/>
        <source>Rotate</source>
        <translation>Drehen</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/edits.py" line="203"/>
        <source>Degrees (clockwise; negative turns left):</source>
        <translation>Grad (im Uhrzeigersinn; negativ dreht nach links):</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/edits.py" line="222"/>
        <source>Renumber row {display}</source>
        <translation>Reihe {display} neu nummerieren</translation>
    </message>
</context>
<context>
    <name>PriceRulesPanel</name>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="52"/>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="52"/>
        <location filename="../../ui/manage/price_rules.py" line="90"/>
        <source>Ticket type</source>
        <translation>Ticketart</translation>
    </message>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="52"/>
        <location filename="../../ui/manage/price_rules.py" line="91"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="52"/>
        <source>When · adjustment</source>
        <translation>Wann · Anpassung</translation>
    </message>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="56"/>
        <source>Delete rule</source>
        <translation>Regel löschen</translation>
    </message>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="61"/>
        <source>e.g. Weekend matinee</source>
        <translation>z. B. Wochenend-Matinee</translation>
    </message>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="82"/>
        <source>−20 or 2.50</source>
        <translation>−20 oder 2,50</translation>
    </message>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="85"/>
        <source>Add rule</source>
        <translation>Regel hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="89"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="92"/>
        <source>Days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="93"/>
        <source>Start time</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="94"/>
        <source>Adjustment</source>
        <translation>Anpassung</translation>
    </message>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="95"/>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="96"/>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="99"/>
        <source>Rules apply, in order, to showtimes scheduled afterwards. Full-price rules come first; each other ticket type starts from the full price and needs a rule of its own to be sold.</source>
        <translation>Regeln gelten der Reihe nach für danach geplante Vorstellungen. Regeln für den Normalpreis kommen zuerst; jede andere Ticketart geht vom Normalpreis aus und braucht eine eigene Regel, um verkauft zu werden.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="107"/>
        <source>Venue</source>
        <translation>Spielstätte</translation>
    </message>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="162"/>
        <source>Every category</source>
        <translation>Jede Kategorie</translation>
    </message>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="175"/>
        <source>Give an amount for the rule.</source>
        <translation>Geben Sie einen Betrag für die Regel an.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="181"/>
        <source>{text!r} is not a percentage.</source>
        <translation>{text!r} ist kein Prozentsatz.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="212"/>
        <source>Rule “{rule}” added. It applies to showtimes scheduled from now on.</source>
        <translation>Regel „{rule}“ hinzugefügt. Sie gilt für ab jetzt geplante Vorstellungen.</translation>
    </message>
</context>
<context>
    <name>PricesDialog</name>
    <message>
        <location filename="../../ui/manage/prices.py" line="130"/>
        <source>Prices and showtimes</source>
        <translation>Preise und Vorstellungen</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="150"/>
        <source>Prices in the venue&apos;s currency; leave a cell empty to not sell that ticket type in that category. The full price is what the sell screen and the web charge. Sold tickets keep the price they were sold at.</source>
        <translation>Preise in der Währung der Spielstätte; eine leere Zelle heißt, dass diese Ticketart in dieser Kategorie nicht verkauft wird. Der Normalpreis ist, was Verkaufsmaske und Webshop berechnen. Verkaufte Tickets behalten ihren Verkaufspreis.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="160"/>
        <source>&amp;Save prices</source>
        <translation>Preise &amp;speichern</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="163"/>
        <source>Cancel show&amp;time…</source>
        <translation>Vorstellung &amp;absagen…</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="166"/>
        <source>Sa&amp;les…</source>
        <translation>Ver&amp;kauf…</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="168"/>
        <source>On-sale and off-sale times, doors, pause sales</source>
        <translation>Verkaufsbeginn und -ende, Einlass, Verkauf pausieren</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="170"/>
        <source>&amp;Refund its orders…</source>
        <translation>Bestellungen &amp;erstatten…</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="172"/>
        <source>Refund every order of this cancelled showtime in full (managers)</source>
        <translation>Jede Bestellung dieser abgesagten Vorstellung voll erstatten (Leitung)</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="178"/>
        <source>Refund the orders?</source>
        <translation>Bestellungen erstatten?</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="202"/>
        <source>Showtime &amp;prices</source>
        <translation>Vorstellungs&amp;preise</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="203"/>
        <source>Price &amp;rules</source>
        <translation>Preis&amp;regeln</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="205"/>
        <source>Ticket t&amp;ypes</source>
        <translation>Ticket&amp;arten</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="243"/>
        <source>No showtimes from today on: schedule some (Manage → Schedule showtimes).</source>
        <translation>Keine Vorstellungen ab heute: Planen Sie welche (Verwaltung → Vorstellungen planen).</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="267"/>
        <source>on sale </source>
        <translation>im Verkauf </translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="269"/>
        <source>from {when}</source>
        <translation>ab {when}</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="271"/>
        <source>now</source>
        <translation>ab jetzt</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="274"/>
        <source> until {when}</source>
        <translation> bis {when}</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="280"/>
        <source>CANCELLED</source>
        <translation>ABGESAGT</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="287"/>
        <source>&lt;b&gt;{title}&lt;/b&gt; · {when} · {state} · {sold} sold, {blocked} blocked of {capacity}</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt; · {when} · {state} · {sold} verkauft, {blocked} gesperrt von {capacity}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manage/prices.py" line="469"/>
        <source>Refund every order of this cancelled showtime in full (%n ticket(s))? Give the money back the way each was paid; web orders are refunded through the payment provider&apos;s refund as usual.</source>
        <translation>
            <numerusform>Jede Bestellung dieser abgesagten Vorstellung voll erstatten (%n Ticket)? Geben Sie das Geld so zurück, wie jeweils bezahlt wurde; Webbestellungen werden wie üblich über den Zahlungsanbieter erstattet.</numerusform>
            <numerusform>Jede Bestellung dieser abgesagten Vorstellung voll erstatten (%n Tickets)? Geben Sie das Geld so zurück, wie jeweils bezahlt wurde; Webbestellungen werden wie üblich über den Zahlungsanbieter erstattet.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="282"/>
        <source>SALES PAUSED ({window})</source>
        <translation>VERKAUF PAUSIERT ({window})</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="369"/>
        <source>No prices changed.</source>
        <translation>Keine Preise geändert.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manage/prices.py" line="377"/>
        <source>Saved %n price(s). New sales use them; sold tickets keep theirs.</source>
        <translation>
            <numerusform>%n Preis gespeichert. Neue Verkäufe nutzen ihn; verkaufte Tickets behalten ihren.</numerusform>
            <numerusform>%n Preise gespeichert. Neue Verkäufe nutzen sie; verkaufte Tickets behalten ihre.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="406"/>
        <source>Sales settings saved.</source>
        <translation>Verkaufseinstellungen gespeichert.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manage/prices.py" line="447"/>
        <source>Cancelled. {held} held seats released, {bookings} web bookings cancelled; %n order(s) to refund</source>
        <translation>
            <numerusform>Abgesagt. {held} reservierte Plätze freigegeben, {bookings} Webbuchungen storniert; %n Bestellung zu erstatten</numerusform>
            <numerusform>Abgesagt. {held} reservierte Plätze freigegeben, {bookings} Webbuchungen storniert; %n Bestellungen zu erstatten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="479"/>
        <source>Refunding…</source>
        <translation>Wird erstattet…</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="482"/>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="485"/>
        <source> {count} could not be refunded: </source>
        <translation> {count} konnten nicht erstattet werden: </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manage/prices.py" line="494"/>
        <source>Refunded %n order(s): {money}.</source>
        <translation>
            <numerusform>%n Bestellung erstattet: {money}.</numerusform>
            <numerusform>%n Bestellungen erstattet: {money}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="503"/>
        <source>Showtime cancelled</source>
        <translation>Vorstellung abgesagt</translation>
    </message>
</context>
<context>
    <name>PrinterSettingsBox</name>
    <message>
        <location filename="../../ui/manage/printer_settings.py" line="37"/>
        <source>Printing at this till</source>
        <translation>Drucken an dieser Kasse</translation>
    </message>
    <message>
        <location filename="../../ui/manage/printer_settings.py" line="45"/>
        <source>Cash</source>
        <translation>Bar</translation>
    </message>
    <message>
        <location filename="../../ui/manage/printer_settings.py" line="46"/>
        <source>Card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <location filename="../../ui/manage/printer_settings.py" line="47"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../ui/manage/printer_settings.py" line="48"/>
        <source>Complimentary</source>
        <translation>Freikarte</translation>
    </message>
    <message>
        <location filename="../../ui/manage/printer_settings.py" line="49"/>
        <source>Exchange</source>
        <translation>Umtauschen</translation>
    </message>
    <message>
        <location filename="../../ui/manage/printer_settings.py" line="65"/>
        <source>Ticket printer:</source>
        <translation>Ticketdrucker:</translation>
    </message>
    <message>
        <location filename="../../ui/manage/printer_settings.py" line="66"/>
        <source>Receipt printer:</source>
        <translation>Belegdrucker:</translation>
    </message>
    <message>
        <location filename="../../ui/manage/printer_settings.py" line="67"/>
        <source>Receipt by default for:</source>
        <translation>Beleg standardmäßig bei:</translation>
    </message>
    <message>
        <location filename="../../ui/manage/printer_settings.py" line="71"/>
        <source>With a printer chosen, tickets and receipts print after each sale without a dialog, at their real size (80 mm rolls stay 80 mm wide). The cashier can untick the receipt per sale.</source>
        <translation>Ist ein Drucker gewählt, werden Tickets und Belege nach jedem Verkauf ohne Dialog in Originalgröße gedruckt (80-mm-Rollen bleiben 80 mm breit). Den Beleg kann die Kasse pro Verkauf abwählen.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/printer_settings.py" line="89"/>
        <source>Ask each time (print dialog)</source>
        <translation>Jedes Mal fragen (Druckdialog)</translation>
    </message>
    <message>
        <location filename="../../ui/manage/printer_settings.py" line="92"/>
        <source>PDF files in a folder…</source>
        <translation>PDF-Dateien in einen Ordner…</translation>
    </message>
    <message>
        <location filename="../../ui/manage/printer_settings.py" line="101"/>
        <source>80 mm roll</source>
        <translation>80-mm-Rolle</translation>
    </message>
    <message>
        <location filename="../../ui/manage/printer_settings.py" line="102"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../ui/manage/printer_settings.py" line="111"/>
        <source>PDF files in {folder}</source>
        <translation>PDF-Dateien in {folder}</translation>
    </message>
    <message>
        <location filename="../../ui/manage/printer_settings.py" line="113"/>
        <source>{name} (not found)</source>
        <translation>{name} (nicht gefunden)</translation>
    </message>
    <message>
        <location filename="../../ui/manage/printer_settings.py" line="121"/>
        <source>Folder for the PDF files</source>
        <translation>Ordner für die PDF-Dateien</translation>
    </message>
    <message>
        <location filename="../../ui/manage/printer_settings.py" line="160"/>
        <source>Could not save: {error}</source>
        <translation>Konnte nicht speichern: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/manage/printer_settings.py" line="162"/>
        <source>Saved for this till in {file}.</source>
        <translation>Für diese Kasse gespeichert in {file}.</translation>
    </message>
</context>
<context>
    <name>PromoCodesDialog</name>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="43"/>
        <source>Promo codes</source>
        <translation>Aktionscodes</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="49"/>
        <location filename="../../ui/manage/promo_codes.py" line="96"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="50"/>
        <location filename="../../ui/manage/promo_codes.py" line="98"/>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="51"/>
        <source>Applies to</source>
        <translation>Gilt für</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="52"/>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="53"/>
        <source>Used</source>
        <translation>Verwendet</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="54"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="65"/>
        <source>e.g. SPRING10</source>
        <translation>z. B. FRUEHLING10</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="70"/>
        <source>Percentage off each ticket</source>
        <translation>Prozent auf jedes Ticket</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="71"/>
        <source>Amount off each ticket</source>
        <translation>Betrag auf jedes Ticket</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="80"/>
        <source>e.g. 2.50</source>
        <translation>z. B. 2,50</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="88"/>
        <location filename="../../ui/manage/promo_codes.py" line="91"/>
        <source>no limit</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="92"/>
        <source>enabled (accepted at the tills and online)</source>
        <translation>aktiv (an den Kassen und online angenommen)</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="97"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="99"/>
        <source>Percentage</source>
        <translation>Prozent</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="100"/>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="101"/>
        <source>Show</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="102"/>
        <source>Showtime</source>
        <translation>Vorstellung</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="103"/>
        <source>Price category</source>
        <translation>Preiskategorie</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="104"/>
        <source>Ticket type</source>
        <translation>Ticketart</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="107"/>
        <source>Uses in total</source>
        <translation>Einlösungen insgesamt</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="108"/>
        <source>Uses per customer (e-mail)</source>
        <translation>Einlösungen je Kunde (E-Mail)</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="111"/>
        <source>Create as new code</source>
        <translation>Als neuen Code anlegen</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="114"/>
        <source>Save changes to the selected code</source>
        <translation>Änderungen am gewählten Code speichern</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="117"/>
        <location filename="../../ui/manage/promo_codes.py" line="266"/>
        <source>Disable</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="120"/>
        <source>Reset usage</source>
        <translation>Zählung zurücksetzen</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="125"/>
        <source>A code takes its discount off every ticket it applies to; a sale uses it once.</source>
        <translation>Ein Code gewährt seinen Rabatt auf jedes Ticket, für das er gilt; ein Verkauf löst ihn einmal ein.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="149"/>
        <source>Valid from</source>
        <translation>Gültig ab</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="149"/>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="180"/>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manage/promo_codes.py" line="195"/>
        <source>%n per customer</source>
        <translation>
            <numerusform>%n je Kunde</numerusform>
            <numerusform>%n je Kunde</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="197"/>
        <source>enabled</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="197"/>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="226"/>
        <source>every ticket</source>
        <translation>jedes Ticket</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="232"/>
        <source>always</source>
        <translation>immer</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="266"/>
        <source>Enable</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="310"/>
        <source>Saved {code}.</source>
        <translation>{code} gespeichert.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="321"/>
        <source>{code} is enabled.</source>
        <translation>{code} ist aktiv.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="321"/>
        <source>{code} is disabled.</source>
        <translation>{code} ist deaktiviert.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="336"/>
        <source>Usage of {code} counts from zero again.</source>
        <translation>Die Einlösungen von {code} zählen wieder ab null.</translation>
    </message>
</context>
<context>
    <name>ReceiptDetailsDialog</name>
    <message>
        <location filename="../../ui/manage/receipt_details.py" line="36"/>
        <source>venue&apos;s rate</source>
        <translation>Satz des Hauses</translation>
    </message>
    <message>
        <location filename="../../ui/manage/receipt_details.py" line="52"/>
        <source>Receipt details and VAT</source>
        <translation>Belegangaben und MwSt.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/receipt_details.py" line="61"/>
        <source>Street and number
Postcode and town</source>
        <translation>Straße und Hausnummer
PLZ und Ort</translation>
    </message>
    <message>
        <location filename="../../ui/manage/receipt_details.py" line="70"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../ui/manage/receipt_details.py" line="70"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location filename="../../ui/manage/receipt_details.py" line="70"/>
        <source>VAT rate</source>
        <translation>MwSt.-Satz</translation>
    </message>
    <message>
        <location filename="../../ui/manage/receipt_details.py" line="77"/>
        <source>Venue</source>
        <translation>Spielstätte</translation>
    </message>
    <message>
        <location filename="../../ui/manage/receipt_details.py" line="78"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../ui/manage/receipt_details.py" line="79"/>
        <source>Tax (VAT) number</source>
        <translation>USt-IdNr.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/receipt_details.py" line="80"/>
        <source>VAT rate in prices</source>
        <translation>MwSt.-Satz in den Preisen</translation>
    </message>
    <message>
        <location filename="../../ui/manage/receipt_details.py" line="83"/>
        <source>Prices include VAT. A category with its own rate (e.g. a reduced rate) overrides the venue&apos;s; tickets already sold keep the rate they were sold at.</source>
        <translation>Die Preise enthalten MwSt. Eine Kategorie mit eigenem Satz (z. B. ermäßigt) ersetzt den Satz des Hauses; verkaufte Tickets behalten den Satz ihres Verkaufs.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/receipt_details.py" line="96"/>
        <source>Price categories</source>
        <translation>Preiskategorien</translation>
    </message>
    <message>
        <location filename="../../ui/manage/receipt_details.py" line="105"/>
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message>
        <location filename="../../ui/manage/receipt_details.py" line="118"/>
        <source>There is no venue yet.</source>
        <translation>Es gibt noch keine Spielstätte.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/receipt_details.py" line="168"/>
        <source>Saved. New sales use these rates.</source>
        <translation>Gespeichert. Neue Verkäufe nutzen diese Sätze.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/receipt_details.py" line="170"/>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <location filename="../../ui/counter/receipt_dialog.py" line="37"/>
        <source>Receipt of an order</source>
        <translation>Beleg zu einer Bestellung</translation>
    </message>
    <message>
        <location filename="../../ui/counter/receipt_dialog.py" line="43"/>
        <source>e.g. BO-001001</source>
        <translation>z. B. BO-001001</translation>
    </message>
    <message>
        <location filename="../../ui/counter/receipt_dialog.py" line="45"/>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location filename="../../ui/counter/receipt_dialog.py" line="58"/>
        <source>Print</source>
        <translation>Drucken</translation>
    </message>
    <message>
        <location filename="../../ui/counter/receipt_dialog.py" line="61"/>
        <source>Save PDF…</source>
        <translation>PDF speichern…</translation>
    </message>
    <message>
        <location filename="../../ui/counter/receipt_dialog.py" line="64"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../ui/counter/receipt_dialog.py" line="70"/>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <location filename="../../ui/counter/receipt_dialog.py" line="71"/>
        <source>Receipt</source>
        <translation>Beleg</translation>
    </message>
    <message>
        <location filename="../../ui/counter/receipt_dialog.py" line="72"/>
        <source>Layout</source>
        <translation>Layout</translation>
    </message>
    <message>
        <location filename="../../ui/counter/receipt_dialog.py" line="99"/>
        <source>Looking for {number}…</source>
        <translation>Suche {number}…</translation>
    </message>
    <message>
        <location filename="../../ui/counter/receipt_dialog.py" line="105"/>
        <source>Sale</source>
        <translation>Verkauf</translation>
    </message>
    <message>
        <location filename="../../ui/counter/receipt_dialog.py" line="108"/>
        <source>Refund {id} of {when} · {amount}</source>
        <translation>Erstattung {id} vom {when} · {amount}</translation>
    </message>
    <message>
        <location filename="../../ui/counter/receipt_dialog.py" line="125"/>
        <source>Sent to the printer.</source>
        <translation>An den Drucker gesendet.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/receipt_dialog.py" line="139"/>
        <source>Save receipt</source>
        <translation>Beleg speichern</translation>
    </message>
    <message>
        <location filename="../../ui/counter/receipt_dialog.py" line="139"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/receipt_dialog.py" line="147"/>
        <source>Could not save</source>
        <translation>Konnte nicht speichern</translation>
    </message>
</context>
<context>
    <name>ReceiptToggle</name>
    <message>
        <location filename="../../ui/counter/sale_printing.py" line="43"/>
        <source>Print receipt</source>
        <translation>Beleg drucken</translation>
    </message>
</context>
<context>
    <name>RenumberDialog</name>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="188"/>
        <source>Renumber row</source>
        <translation>Reihe neu nummerieren</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="195"/>
        <source>Row label</source>
        <translation>Reihenbezeichnung</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="196"/>
        <source>Numbering</source>
        <translation>Nummerierung</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="197"/>
        <source>First seat number</source>
        <translation>Erste Platznummer</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="214"/>
        <source>Z report {number}</source>
        <translation>Z-Bericht {number}</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="216"/>
        <source>X report · {till}</source>
        <translation>X-Bericht · {till}</translation>
    </message>
</context>
<context>
    <name>ReportsWindow</name>
    <message>
        <location filename="../../ui/reports/window.py" line="83"/>
        <source>Sales and takings · boxoffice</source>
        <translation>Umsätze und Einnahmen · boxoffice</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="88"/>
        <source>T&amp;oday</source>
        <translation>&amp;Heute</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="90"/>
        <source>&amp;Show (F5)</source>
        <translation>&amp;Anzeigen (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="95"/>
        <source>Export &amp;CSV…</source>
        <translation>&amp;CSV exportieren…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="97"/>
        <source>Export &amp;PDF…</source>
        <translation>&amp;PDF exportieren…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="102"/>
        <source>&amp;From</source>
        <translation>&amp;Von</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="102"/>
        <source>&amp;To</source>
        <translation>&amp;Bis</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="113"/>
        <source>Choose the days and press Show.</source>
        <translation>Tage wählen und Anzeigen drücken.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="122"/>
        <location filename="../../ui/reports/window.py" line="149"/>
        <location filename="../../ui/reports/window.py" line="165"/>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="122"/>
        <location filename="../../ui/reports/window.py" line="165"/>
        <source>Method</source>
        <translation>Zahlart</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="122"/>
        <source>Payments</source>
        <translation>Zahlungen</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="122"/>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="122"/>
        <location filename="../../ui/reports/window.py" line="174"/>
        <source>Refunds</source>
        <translation>Erstattungen</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="123"/>
        <location filename="../../ui/reports/window.py" line="149"/>
        <source>Refunded</source>
        <translation>Erstattet</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="123"/>
        <location filename="../../ui/reports/window.py" line="150"/>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="128"/>
        <location filename="../../ui/reports/window.py" line="268"/>
        <source>Net sales by hour</source>
        <translation>Nettoumsatz nach Stunde</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="129"/>
        <source>Net sales by channel</source>
        <translation>Nettoumsatz nach Kanal</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="130"/>
        <source>Net sales by price category</source>
        <translation>Nettoumsatz nach Preiskategorie</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="140"/>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="149"/>
        <location filename="../../ui/reports/window.py" line="180"/>
        <source>Sold</source>
        <translation>Verkauft</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="149"/>
        <location filename="../../ui/reports/window.py" line="181"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="149"/>
        <source>Refund value</source>
        <translation>Erstattungswert</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="150"/>
        <source>Exchanged</source>
        <translation>Umgetauscht</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="157"/>
        <source>Sales by</source>
        <translation>Umsatz nach</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="162"/>
        <source>Sales</source>
        <translation>Verkauf</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="165"/>
        <location filename="../../ui/reports/window.py" line="170"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="165"/>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="165"/>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="166"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="170"/>
        <source>New order</source>
        <translation>Neue Bestellung</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="170"/>
        <source>Replaced order</source>
        <translation>Ersetzte Bestellung</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="170"/>
        <location filename="../../ui/reports/window.py" line="311"/>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="176"/>
        <source>Exchanges</source>
        <translation>Umtausch</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="178"/>
        <source>Refunds and exchanges</source>
        <translation>Erstattungen und Umtausch</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="180"/>
        <source>Showtime</source>
        <translation>Vorstellung</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="180"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="180"/>
        <source>Places</source>
        <translation>Plätze</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="180"/>
        <source>Blocked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="181"/>
        <location filename="../../ui/reports/window.py" line="185"/>
        <source>Occupancy</source>
        <translation>Auslastung</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="189"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="223"/>
        <source>Reading the ledger…</source>
        <translation>Buchungen werden gelesen…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="243"/>
        <source>{venue}: {orders}, {sold} ({value}), {refunded} refunded ({refund_value}), {exchanged} exchanged. Net sales {net}.</source>
        <translation>{venue}: {orders}, {sold} ({value}), {refunded} erstattet ({refund_value}), {exchanged} umgetauscht. Nettoumsatz {net}.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reports/window.py" line="247"/>
        <source>%Ln order(s)</source>
        <translation>
            <numerusform>%Ln Bestellung</numerusform>
            <numerusform>%Ln Bestellungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reports/window.py" line="248"/>
        <source>%Ln ticket(s) sold</source>
        <translation>
            <numerusform>%Ln Ticket verkauft</numerusform>
            <numerusform>%Ln Tickets verkauft</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="256"/>
        <source>all channels</source>
        <translation>alle Kanäle</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="268"/>
        <source>Net sales by day</source>
        <translation>Nettoumsatz nach Tag</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="334"/>
        <source>Export the report as CSV</source>
        <translation>Bericht als CSV exportieren</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="334"/>
        <source>Export the report as PDF</source>
        <translation>Bericht als PDF exportieren</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="335"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="335"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="362"/>
        <source>Saved {path}.</source>
        <translation>{path} gespeichert.</translation>
    </message>
</context>
<context>
    <name>SaleCompleteDialog</name>
    <message>
        <location filename="../../ui/counter/payment.py" line="346"/>
        <source>Sale complete · {order_number}</source>
        <translation>Verkauf abgeschlossen · {order_number}</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="350"/>
        <source>Order {order_number}</source>
        <translation>Bestellung {order_number}</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="351"/>
        <source>Change due: {change_text}</source>
        <translation>Rückgeld: {change_text}</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="357"/>
        <source>Print tickets…</source>
        <translation>Tickets drucken…</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="360"/>
        <source>Save PDF…</source>
        <translation>PDF speichern…</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="362"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="365"/>
        <source>Layout</source>
        <translation>Layout</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/counter/payment.py" line="374"/>
        <source>%n ticket(s) issued.</source>
        <translation>
            <numerusform>%n Ticket ausgestellt.</numerusform>
            <numerusform>%n Tickets ausgestellt.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="402"/>
        <source>Save tickets</source>
        <translation>Tickets speichern</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="402"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
</context>
<context>
    <name>SalePrinting</name>
    <message>
        <location filename="../../ui/counter/sale_printing.py" line="152"/>
        <source>Print receipt</source>
        <translation>Beleg drucken</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sale_printing.py" line="195"/>
        <source>Printed the tickets on {printer}.</source>
        <translation>Tickets auf {printer} gedruckt.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sale_printing.py" line="197"/>
        <source>Printed the receipt on {printer}.</source>
        <translation>Beleg auf {printer} gedruckt.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sale_printing.py" line="223"/>
        <source>The tickets could not be printed: {reason}.</source>
        <translation>Die Tickets konnten nicht gedruckt werden: {reason}.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sale_printing.py" line="225"/>
        <source>The receipt could not be printed: {reason}.</source>
        <translation>Der Beleg konnte nicht gedruckt werden: {reason}.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sale_printing.py" line="230"/>
        <source>The PDF is kept at:
{path}
Print it from there, or check the printer in Sale → Settings.</source>
        <translation>Das PDF liegt hier:
{path}
Drucken Sie es von dort, oder prüfen Sie den Drucker unter Verkauf → Einstellungen.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sale_printing.py" line="236"/>
        <source>Printing failed</source>
        <translation>Drucken fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>SalesWindowDialog</name>
    <message>
        <location filename="../../ui/manage/sales_window.py" line="33"/>
        <source>Sales</source>
        <translation>Verkauf</translation>
    </message>
    <message>
        <location filename="../../ui/manage/sales_window.py" line="45"/>
        <source>On sale from</source>
        <translation>Verkauf ab</translation>
    </message>
    <message>
        <location filename="../../ui/manage/sales_window.py" line="45"/>
        <source>at once</source>
        <translation>sofort</translation>
    </message>
    <message>
        <location filename="../../ui/manage/sales_window.py" line="46"/>
        <source>Off sale at</source>
        <translation>Verkaufsende</translation>
    </message>
    <message>
        <location filename="../../ui/manage/sales_window.py" line="46"/>
        <source>the venue&apos;s default (Venue settings)</source>
        <translation>Standard der Spielstätte (Spielstätten-Einstellungen)</translation>
    </message>
    <message>
        <location filename="../../ui/manage/sales_window.py" line="47"/>
        <source>Doors open at</source>
        <translation>Einlass ab</translation>
    </message>
    <message>
        <location filename="../../ui/manage/sales_window.py" line="47"/>
        <source>45 min before the start</source>
        <translation>45 Min. vor Beginn</translation>
    </message>
    <message>
        <location filename="../../ui/manage/sales_window.py" line="59"/>
        <source>Unticked: {empty}</source>
        <translation>Nicht angehakt: {empty}</translation>
    </message>
    <message>
        <location filename="../../ui/manage/sales_window.py" line="63"/>
        <source>(unticked: {empty})</source>
        <translation>(nicht angehakt: {empty})</translation>
    </message>
    <message>
        <location filename="../../ui/manage/sales_window.py" line="66"/>
        <source>Sales paused (off sale) at every till and online</source>
        <translation>Verkauf an allen Kassen und online pausiert</translation>
    </message>
    <message>
        <location filename="../../ui/manage/sales_window.py" line="75"/>
        <source>Times in {timezone}; the showtime starts {start}.</source>
        <translation>Zeiten in {timezone}; die Vorstellung beginnt {start}.</translation>
    </message>
</context>
<context>
    <name>ScanInput</name>
    <message>
        <location filename="../../ui/door/view.py" line="46"/>
        <source>Scan a ticket (or type its code and press Enter)</source>
        <translation>Ticket scannen (oder Code eingeben und Eingabe drücken)</translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message>
        <location filename="../../ui/manage/schedule.py" line="71"/>
        <source>Schedule showtimes</source>
        <translation>Vorstellungen planen</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="100"/>
        <source>e.g. 14:30, 19:30</source>
        <translation>z. B. 14:30, 19:30</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="103"/>
        <source>at once</source>
        <translation>sofort</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="104"/>
        <source> days before</source>
        <translation> Tage vorher</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="108"/>
        <source>the venue&apos;s default (Venue settings)</source>
        <translation>Standard der Spielstätte (Spielstätten-Einstellungen)</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="109"/>
        <source> min after the start</source>
        <translation> Min. nach Beginn</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="113"/>
        <source>default (45 min before)</source>
        <translation>Standard (45 Min. vorher)</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="114"/>
        <source> min before</source>
        <translation> Min. vorher</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="116"/>
        <source>Full prices (price rules then adjust them)</source>
        <translation>Normalpreise (Preisregeln passen sie dann an)</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="120"/>
        <source>S&amp;how</source>
        <translation>&amp;Veranstaltung</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="121"/>
        <source>Seating p&amp;lan</source>
        <translation>Saal&amp;plan</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="124"/>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="127"/>
        <source>Dates</source>
        <translation>Daten</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="128"/>
        <source>Days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="129"/>
        <source>Start &amp;times</source>
        <translation>Beginn&amp;zeiten</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="130"/>
        <source>On sale</source>
        <translation>Verkaufsbeginn</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="131"/>
        <source>Off sale</source>
        <translation>Verkaufsende</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="132"/>
        <source>Doors open</source>
        <translation>Einlass</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="145"/>
        <source>Fill in the series and press Preview (Ctrl+Return).</source>
        <translation>Serie ausfüllen und Vorschau drücken (Strg+Eingabe).</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="148"/>
        <source>&amp;Preview</source>
        <translation>V&amp;orschau</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="151"/>
        <source>&amp;Create showtimes</source>
        <translation>Vorstellungen &amp;anlegen</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="155"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="196"/>
        <source>{title} ({duration_minutes} min)</source>
        <translation>{title} ({duration_minutes} Min.)</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="202"/>
        <source>{venue} · {name} (v{version})</source>
        <translation>{venue} · {name} (v{version})</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="205"/>
        <source>Add a show first (Manage → Shows).</source>
        <translation>Legen Sie zuerst eine Veranstaltung an (Verwaltung → Veranstaltungen).</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="239"/>
        <source>Choose a show and a seating plan.</source>
        <translation>Wählen Sie eine Veranstaltung und einen Saalplan.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="245"/>
        <source>Give a price for {name}.</source>
        <translation>Geben Sie einen Preis für {name} an.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="267"/>
        <source>The form changed: Preview again before creating.</source>
        <translation>Das Formular hat sich geändert: Vor dem Anlegen erneut Vorschau.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="279"/>
        <source>Working out the series…</source>
        <translation>Serie wird berechnet…</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="293"/>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="294"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="295"/>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="296"/>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="298"/>
        <source>Sales</source>
        <translation>Verkauf</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="299"/>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="308"/>
        <source>now</source>
        <translation>ab jetzt</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="310"/>
        <source>end</source>
        <translation>Ende</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manage/schedule.py" line="346"/>
        <source>%n showtime(s) of “{show}” at {venue}</source>
        <translation>
            <numerusform>%n Vorstellung von „{show}“ in {venue}</numerusform>
            <numerusform>%n Vorstellungen von „{show}“ in {venue}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="348"/>
        <source> — {bad} cannot be scheduled (red): change the dates or times.</source>
        <translation> — {bad} nicht planbar (rot): Daten oder Zeiten ändern.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="350"/>
        <source>. Ready to create.</source>
        <translation>. Bereit zum Anlegen.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="370"/>
        <source>Create showtimes</source>
        <translation>Vorstellungen anlegen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manage/schedule.py" line="371"/>
        <source>Create %n showtime(s) of “{show}” and put them on sale as shown?</source>
        <translation>
            <numerusform>%n Vorstellung von „{show}“ anlegen und wie gezeigt in den Verkauf geben?</numerusform>
            <numerusform>%n Vorstellungen von „{show}“ anlegen und wie gezeigt in den Verkauf geben?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="376"/>
        <source>Creating showtimes…</source>
        <translation>Vorstellungen werden angelegt…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manage/schedule.py" line="391"/>
        <source>Created %n showtime(s). They are on sale as shown; change single prices in Manage → Prices.</source>
        <translation>
            <numerusform>%n Vorstellung angelegt. Sie ist wie gezeigt im Verkauf; einzelne Preise ändern Sie unter Verwaltung → Preise.</numerusform>
            <numerusform>%n Vorstellungen angelegt. Sie sind wie gezeigt im Verkauf; einzelne Preise ändern Sie unter Verwaltung → Preise.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SeatLookup</name>
    <message>
        <location filename="../../ui/orders/view.py" line="144"/>
        <source>Find order</source>
        <translation>Bestellung suchen</translation>
    </message>
</context>
<context>
    <name>SeatMapView</name>
    <message>
        <location filename="../../ui/seatmap/map_view.py" line="315"/>
        <source>Seat</source>
        <translation>Platz</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/map_view.py" line="317"/>
        <source>Row {row}</source>
        <translation>Reihe {row}</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/map_view.py" line="318"/>
        <source>Seat {number}</source>
        <translation>Platz {number}</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/map_view.py" line="320"/>
        <source>Wheelchair space</source>
        <translation>Rollstuhlplatz</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/map_view.py" line="322"/>
        <source>No category</source>
        <translation>Keine Kategorie</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/map_view.py" line="324"/>
        <source>no price</source>
        <translation>kein Preis</translation>
    </message>
</context>
<context>
    <name>SeatSearchDialog</name>
    <message>
        <location filename="../../ui/seatmap/search.py" line="117"/>
        <source>Row {row}</source>
        <translation>Reihe {row}</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/search.py" line="122"/>
        <source>Seat {number}</source>
        <translation>Platz {number}</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/search.py" line="132"/>
        <source>Find seat</source>
        <translation>Platz suchen</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/search.py" line="136"/>
        <source>Section, row, seat — e.g. 112 K 14</source>
        <translation>Block, Reihe, Platz – z. B. 112 K 14</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/search.py" line="170"/>
        <source>No such section, row or seat.</source>
        <translation>Diesen Block, diese Reihe oder diesen Platz gibt es nicht.</translation>
    </message>
</context>
<context>
    <name>SellScreen</name>
    <message>
        <location filename="../../ui/counter/sell.py" line="164"/>
        <source>No showtimes from today on. Load demo data with `boxoffice demo`.</source>
        <translation>Keine Vorstellungen ab heute. Demodaten laden mit `boxoffice demo`.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sell.py" line="46"/>
        <source>{seat} is sold.</source>
        <translation>{seat} ist verkauft.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sell.py" line="47"/>
        <source>{seat} is not for sale.</source>
        <translation>{seat} ist nicht im Verkauf.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sell.py" line="48"/>
        <source>{seat} is held at another till.</source>
        <translation>{seat} ist an einer anderen Kasse reserviert.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sell.py" line="49"/>
        <source>{seat} is held by an online customer.</source>
        <translation>{seat} ist von einem Online-Kunden reserviert.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sell.py" line="50"/>
        <source>{seat} is held at this till for another sale.</source>
        <translation>{seat} ist an dieser Kasse für einen anderen Verkauf reserviert.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/counter/sell.py" line="217"/>
        <source>{venue} · {when} · %n seat(s)</source>
        <translation>
            <numerusform>{venue} · {when} · %n Platz</numerusform>
            <numerusform>{venue} · {when} · %n Plätze</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/counter/sell.py" line="223"/>
        <source>Opened {title} in {ms:.0f} ms</source>
        <translation>{title} in {ms:.0f} ms geöffnet</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sell.py" line="252"/>
        <source>No connection to the database: seats cannot be picked until it is back.</source>
        <translation>Keine Verbindung zur Datenbank: Plätze können erst gewählt werden, wenn sie wieder da ist.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sell.py" line="300"/>
        <source>Not available: {seats}. </source>
        <translation>Nicht verfügbar: {seats}. </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/counter/sell.py" line="302"/>
        <source>%n seat(s) left the basket.</source>
        <translation>
            <numerusform>%n Platz hat den Warenkorb verlassen.</numerusform>
            <numerusform>%n Plätze haben den Warenkorb verlassen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/counter/sell.py" line="304"/>
        <source>Choose another seat.</source>
        <translation>Wählen Sie einen anderen Platz.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sell.py" line="360"/>
        <source>That ticket type is not sold for {label}.</source>
        <translation>Diese Ticketart wird für {label} nicht verkauft.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sell.py" line="407"/>
        <source>Connection to the database restored; the seat map is up to date.</source>
        <translation>Verbindung zur Datenbank wiederhergestellt; der Saalplan ist aktuell.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sell.py" line="422"/>
        <source>Lost the connection to the database; reconnecting…</source>
        <translation>Verbindung zur Datenbank verloren; verbinde neu…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/counter/sell.py" line="444"/>
        <source>The hold on %n seat(s) expired; they were released.</source>
        <translation>
            <numerusform>Die Reservierung für %n Platz ist abgelaufen; er wurde freigegeben.</numerusform>
            <numerusform>Die Reservierung für %n Plätze ist abgelaufen; sie wurden freigegeben.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SellView</name>
    <message>
        <location filename="../../ui/counter/sell_view.py" line="60"/>
        <source>Block seats</source>
        <translation>Plätze sperren</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sell_view.py" line="64"/>
        <source>Block or release seats of this showtime (Ctrl+B)</source>
        <translation>Plätze dieser Vorstellung sperren oder freigeben (Strg+B)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sell_view.py" line="67"/>
        <source>Showtime</source>
        <translation>Vorstellung</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sell_view.py" line="103"/>
        <source>Connection restored. Refreshing the seat map…</source>
        <translation>Verbindung wiederhergestellt. Saalplan wird aktualisiert…</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sell_view.py" line="109"/>
        <source> (next try in {retry_in:.0f} s)</source>
        <translation> (nächster Versuch in {retry_in:.0f} s)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sell_view.py" line="114"/>
        <source>&lt;b&gt;No connection to the database.&lt;/b&gt; Reconnecting{wait}… Selling is paused: seats cannot be picked and nothing can be paid until it is back. The basket is kept and the map refreshes once the connection is back.</source>
        <translation>&lt;b&gt;Keine Verbindung zur Datenbank.&lt;/b&gt; Verbinde neu{wait}… Der Verkauf pausiert: Plätze wählen und Kassieren gehen erst wieder, wenn sie zurück ist. Der Warenkorb bleibt erhalten, der Saalplan wird dann aktualisiert.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/shell/settings.py" line="50"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../ui/shell/settings.py" line="57"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../ui/shell/settings.py" line="58"/>
        <source>Till name</source>
        <translation>Kassenname</translation>
    </message>
    <message>
        <location filename="../../ui/shell/settings.py" line="59"/>
        <source>Signed in to the database as</source>
        <translation>In der Datenbank angemeldet als</translation>
    </message>
    <message>
        <location filename="../../ui/shell/settings.py" line="60"/>
        <source>Encryption (TLS)</source>
        <translation>Verschlüsselung (TLS)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/settings.py" line="61"/>
        <source>Server version</source>
        <translation>Serverversion</translation>
    </message>
    <message>
        <location filename="../../ui/shell/settings.py" line="62"/>
        <source>Automatic backups</source>
        <translation>Automatische Sicherungen</translation>
    </message>
    <message>
        <location filename="../../ui/shell/settings.py" line="70"/>
        <source>{title}:</source>
        <translation>{title}:</translation>
    </message>
    <message>
        <location filename="../../ui/shell/settings.py" line="75"/>
        <source>daily and on closing, into {folder} (14 days kept)</source>
        <translation>täglich und beim Schließen, nach {folder} (14 Tage aufbewahrt)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/settings.py" line="77"/>
        <source>kept on the central server (continuous archiving, docs/operations.md)</source>
        <translation>auf dem zentralen Server (fortlaufende Archivierung, docs/operations.md)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/settings.py" line="79"/>
        <source>Reading the connection…</source>
        <translation>Verbindung wird gelesen …</translation>
    </message>
    <message>
        <location filename="../../ui/shell/settings.py" line="101"/>
        <source>{login} (database {database})</source>
        <translation>{login} (Datenbank {database})</translation>
    </message>
    <message>
        <location filename="../../ui/shell/settings.py" line="108"/>
        <source>Cannot read the connection: {error}</source>
        <translation>Die Verbindung kann nicht gelesen werden: {error}</translation>
    </message>
</context>
<context>
    <name>ShowsDialog</name>
    <message>
        <location filename="../../ui/manage/shows.py" line="39"/>
        <source>Shows</source>
        <translation>Veranstaltungen</translation>
    </message>
    <message>
        <location filename="../../ui/manage/shows.py" line="49"/>
        <source>New show</source>
        <translation>Neue Veranstaltung</translation>
    </message>
    <message>
        <location filename="../../ui/manage/shows.py" line="61"/>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/shows.py" line="65"/>
        <source>e.g. 12A, PG</source>
        <translation>z. B. FSK 12</translation>
    </message>
    <message>
        <location filename="../../ui/manage/shows.py" line="68"/>
        <location filename="../../ui/manage/shows.py" line="162"/>
        <location filename="../../ui/manage/shows.py" line="168"/>
        <location filename="../../ui/manage/shows.py" line="196"/>
        <location filename="../../ui/manage/shows.py" line="215"/>
        <location filename="../../ui/manage/shows.py" line="220"/>
        <source>No image</source>
        <translation>Kein Bild</translation>
    </message>
    <message>
        <location filename="../../ui/manage/shows.py" line="73"/>
        <source>Choose image…</source>
        <translation>Bild wählen…</translation>
    </message>
    <message>
        <location filename="../../ui/manage/shows.py" line="75"/>
        <source>Remove image</source>
        <translation>Bild entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/manage/shows.py" line="81"/>
        <source>PNG or JPEG,
at most {kib} KiB</source>
        <translation>PNG oder JPEG,
höchstens {kib} KiB</translation>
    </message>
    <message>
        <location filename="../../ui/manage/shows.py" line="88"/>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <location filename="../../ui/manage/shows.py" line="89"/>
        <source>&amp;Running time</source>
        <translation>&amp;Dauer</translation>
    </message>
    <message>
        <location filename="../../ui/manage/shows.py" line="90"/>
        <source>R&amp;ating</source>
        <translation>&amp;Altersfreigabe</translation>
    </message>
    <message>
        <location filename="../../ui/manage/shows.py" line="91"/>
        <source>&amp;Description</source>
        <translation>&amp;Beschreibung</translation>
    </message>
    <message>
        <location filename="../../ui/manage/shows.py" line="92"/>
        <source>Poster</source>
        <translation>Plakat</translation>
    </message>
    <message>
        <location filename="../../ui/manage/shows.py" line="97"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../../ui/manage/shows.py" line="101"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../ui/manage/shows.py" line="130"/>
        <source>{title}
{minutes} min</source>
        <translation>{title}
{minutes} Min.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manage/shows.py" line="133"/>
        <source>%n showtime(s)</source>
        <translation>
            <numerusform>%n Vorstellung</numerusform>
            <numerusform>%n Vorstellungen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/manage/shows.py" line="162"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location filename="../../ui/manage/shows.py" line="202"/>
        <source>Poster image</source>
        <translation>Plakatbild</translation>
    </message>
    <message>
        <location filename="../../ui/manage/shows.py" line="202"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Bilder (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../ui/manage/shows.py" line="238"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="111"/>
        <source>Forgotten your password? An admin can set a new one. The PIN is optional: it lets you take this till back after Ctrl+L, during this shift only.</source>
        <translation>Passwort vergessen? Ein Admin kann ein neues setzen. Die PIN ist freiwillig: Mit ihr übernehmen Sie diese Kasse nach Strg+L wieder, nur während dieser Schicht.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="131"/>
        <source>Sign in · boxoffice</source>
        <translation>Anmelden · boxoffice</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="132"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="134"/>
        <source>&lt;b&gt;Sign in to {till}&lt;/b&gt;</source>
        <translation>&lt;b&gt;An {till} anmelden&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="137"/>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="138"/>
        <source>&amp;Password</source>
        <translation>&amp;Passwort</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="139"/>
        <source>P&amp;IN for this shift</source>
        <translation>P&amp;IN für diese Schicht</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="140"/>
        <source>optional: 4 to 8 digits, to switch back quickly</source>
        <translation>optional: 4 bis 8 Ziffern, um schnell zurückzuwechseln</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="147"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="161"/>
        <source>Type your name and password.</source>
        <translation>Geben Sie Namen und Passwort ein.</translation>
    </message>
</context>
<context>
    <name>StaffAccountsDialog</name>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="110"/>
        <source>Staff accounts · boxoffice</source>
        <translation>Personalkonten · boxoffice</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="120"/>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="121"/>
        <source>Change &amp;role…</source>
        <translation>&amp;Rolle ändern…</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="122"/>
        <source>Reset &amp;password…</source>
        <translation>&amp;Passwort zurücksetzen…</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="123"/>
        <location filename="../../ui/manage/staff_accounts.py" line="182"/>
        <source>&amp;Deactivate…</source>
        <translation>&amp;Deaktivieren…</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="131"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="149"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="150"/>
        <source>— (needs a new password)</source>
        <translation>— (braucht ein neues Passwort)</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="157"/>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="157"/>
        <source>deactivated</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="182"/>
        <source>Re&amp;activate</source>
        <translation>&amp;Reaktivieren</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="202"/>
        <source>Add a staff account</source>
        <translation>Personalkonto hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="210"/>
        <source>Added {name}.</source>
        <translation>{name} hinzugefügt.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="220"/>
        <source>Change role</source>
        <translation>Rolle ändern</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="221"/>
        <source>Role of {display_name}:</source>
        <translation>Rolle von {display_name}:</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="230"/>
        <source>{name} is now {role} (from their next sign-in).</source>
        <translation>{name} ist jetzt {role} (ab der nächsten Anmeldung).</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="239"/>
        <source>New password for {display_name}</source>
        <translation>Neues Passwort für {display_name}</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="245"/>
        <source>New password set for {name}.</source>
        <translation>Neues Passwort für {name} gesetzt.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="256"/>
        <source>Deactivate account</source>
        <translation>Konto deaktivieren</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="258"/>
        <source>Deactivate {display_name} ({username})? They can no longer sign in, and a till where they are signed in stops working for them at once.</source>
        <translation>{display_name} ({username}) deaktivieren? Die Person kann sich nicht mehr anmelden, und eine Kasse, an der sie angemeldet ist, funktioniert für sie sofort nicht mehr.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="269"/>
        <source>{name} reactivated.</source>
        <translation>{name} reaktiviert.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="269"/>
        <source>{name} deactivated.</source>
        <translation>{name} deaktiviert.</translation>
    </message>
</context>
<context>
    <name>StartupSplash</name>
    <message>
        <location filename="../../app.py" line="38"/>
        <source>Starting the database…</source>
        <translation>Datenbank wird gestartet…</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <location filename="../../ui/common/tasks.py" line="231"/>
        <source>Nobody is signed in at this till.</source>
        <translation>An dieser Kasse ist niemand angemeldet.</translation>
    </message>
</context>
<context>
    <name>TicketTypesPanel</name>
    <message>
        <location filename="../../ui/manage/ticket_types.py" line="36"/>
        <location filename="../../ui/manage/ticket_types.py" line="55"/>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <location filename="../../ui/manage/ticket_types.py" line="36"/>
        <location filename="../../ui/manage/ticket_types.py" line="54"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/manage/ticket_types.py" line="36"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/manage/ticket_types.py" line="36"/>
        <source>Offered</source>
        <translation>Angeboten</translation>
    </message>
    <message>
        <location filename="../../ui/manage/ticket_types.py" line="42"/>
        <source>e.g. Student</source>
        <translation>z. B. Studierende</translation>
    </message>
    <message>
        <location filename="../../ui/manage/ticket_types.py" line="45"/>
        <source>offered (shown in price grids and rules)</source>
        <translation>angeboten (in Preistabellen und Regeln gezeigt)</translation>
    </message>
    <message>
        <location filename="../../ui/manage/ticket_types.py" line="47"/>
        <source>Add as new type</source>
        <translation>Als neue Art hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/manage/ticket_types.py" line="50"/>
        <source>Save changes to the selected type</source>
        <translation>Änderungen an der gewählten Art speichern</translation>
    </message>
    <message>
        <location filename="../../ui/manage/ticket_types.py" line="59"/>
        <source>A ticket type without a price is simply not sold. The full price is what the sell screen and the web charge.</source>
        <translation>Eine Ticketart ohne Preis wird einfach nicht verkauft. Der Normalpreis ist, was Verkaufsmaske und Webshop berechnen.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/ticket_types.py" line="66"/>
        <source>Venue</source>
        <translation>Spielstätte</translation>
    </message>
    <message>
        <location filename="../../ui/manage/ticket_types.py" line="136"/>
        <source>Saved “{name}”.</source>
        <translation>„{name}“ gespeichert.</translation>
    </message>
</context>
<context>
    <name>VenueSettingsDialog</name>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="53"/>
        <source>Venue settings</source>
        <translation>Spielstätten-Einstellungen</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="64"/>
        <source>Street and number
Postcode and town</source>
        <translation>Straße und Hausnummer
PLZ und Ort</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="83"/>
        <source> min after the start</source>
        <translation> Min. nach Beginn</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="85"/>
        <source>A showtime goes off sale this long after it starts, unless its own sales window says otherwise.</source>
        <translation>Eine Vorstellung geht so lange nach ihrem Beginn aus dem Verkauf, sofern ihr eigenes Verkaufsfenster nichts anderes sagt.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="88"/>
        <source>Venue</source>
        <translation>Spielstätte</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="89"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="90"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="91"/>
        <source>Tax (VAT) number</source>
        <translation>USt-IdNr.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="92"/>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="93"/>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="94"/>
        <source>Locale (money and dates)</source>
        <translation>Gebietsschema (Geld und Datum)</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="95"/>
        <source>Off sale</source>
        <translation>Verkaufsende</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="105"/>
        <source>Hall or screen name, e.g. Screen 2</source>
        <translation>Name des Saals, z. B. Kino 2</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="106"/>
        <source>Add hall</source>
        <translation>Saal hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="109"/>
        <source>Rename selected</source>
        <translation>Ausgewählten umbenennen</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="118"/>
        <source>Each hall (auditorium, screen) has its own seating plans; two showtimes in one hall never overlap, in different halls they may.</source>
        <translation>Jeder Saal (Zuschauerraum, Kinosaal) hat eigene Saalpläne; zwei Vorstellungen in einem Saal überschneiden sich nie, in verschiedenen Sälen dürfen sie es.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="135"/>
        <source>Halls</source>
        <translation>Säle</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="147"/>
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="160"/>
        <source>There is no venue yet: import a seating plan first.</source>
        <translation>Es gibt noch keine Spielstätte: Importieren Sie zuerst einen Saalplan.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="222"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="222"/>
        <source>Nothing changed.</source>
        <translation>Nichts geändert.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="225"/>
        <location filename="../../ui/manage/venue_settings.py" line="260"/>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="232"/>
        <source>Type the new hall&apos;s name first.</source>
        <translation>Geben Sie zuerst den Namen des neuen Saals ein.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="239"/>
        <source>Hall “{name}” added.</source>
        <translation>Saal „{name}“ hinzugefügt.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="245"/>
        <source>Select a hall and type its new name.</source>
        <translation>Wählen Sie einen Saal und geben Sie seinen neuen Namen ein.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="253"/>
        <source>Hall renamed to “{name}”.</source>
        <translation>Saal umbenannt in „{name}“.</translation>
    </message>
</context>
<context>
    <name>VerdictPanel</name>
    <message>
        <location filename="../../ui/door/verdict.py" line="68"/>
        <source>Scan the next ticket</source>
        <translation>Nächstes Ticket scannen</translation>
    </message>
</context>
<context>
    <name>_GateDialog</name>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="84"/>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
</context>
<context>
    <name>_Splash</name>
    <message>
        <location filename="../../ui/door/app.py" line="223"/>
        <source>&lt;b&gt;boxoffice door&lt;/b&gt;</source>
        <translation>&lt;b&gt;boxoffice Einlass&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>admission_conflicts</name>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="34"/>
        <source>Reported</source>
        <translation>Gemeldet</translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="35"/>
        <source>Showtime</source>
        <translation>Vorstellung</translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="36"/>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="37"/>
        <source>Let in offline</source>
        <translation>Offline eingelassen</translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="38"/>
        <source>But the database said</source>
        <translation>Aber die Datenbank sagte</translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="39"/>
        <source>Resolved</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="43"/>
        <source>already admitted</source>
        <translation>bereits eingelassen</translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="44"/>
        <source>void</source>
        <translation>ungültig</translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="45"/>
        <source>wrong showtime</source>
        <translation>falsche Vorstellung</translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="46"/>
        <source>not valid</source>
        <translation>nicht gültig</translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="59"/>
        <source> at {other_gate}, {local}</source>
        <translation> am {other_gate}, {local}</translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="64"/>
        <source>ticket {ticket_id}</source>
        <translation>Ticket {ticket_id}</translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="68"/>
        <source>{local} by {resolved_by}</source>
        <translation>{local} von {resolved_by}</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../app.py" line="87"/>
        <source>embedded database</source>
        <translation>eingebaute Datenbank</translation>
    </message>
    <message>
        <location filename="../../app.py" line="89"/>
        <source>server: {url}</source>
        <translation>Server: {url}</translation>
    </message>
    <message>
        <location filename="../../app.py" line="156"/>
        <source>boxoffice cannot start</source>
        <translation>boxoffice kann nicht starten</translation>
    </message>
</context>
<context>
    <name>audit_log</name>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="44"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="45"/>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="46"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="47"/>
        <source>Till</source>
        <translation>Kasse</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="48"/>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="49"/>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="50"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>door_app</name>
    <message>
        <location filename="../../ui/door/app.py" line="123"/>
        <source>No showtime {ids}.</source>
        <translation>Keine Vorstellung {ids}.</translation>
    </message>
    <message>
        <location filename="../../ui/door/app.py" line="165"/>
        <source>Door staff: sign in to scan tickets.</source>
        <translation>Einlasspersonal: zum Scannen von Tickets anmelden.</translation>
    </message>
    <message>
        <location filename="../../ui/door/app.py" line="166"/>
        <source>Door, manager and admin accounts may scan. Forgotten your password? An admin can set a new one.</source>
        <translation>Einlass-, Leitungs- und Admin-Konten dürfen scannen. Passwort vergessen? Ein Admin kann ein neues setzen.</translation>
    </message>
    <message>
        <location filename="../../ui/door/app.py" line="198"/>
        <source>the database was unreachable at start</source>
        <translation>die Datenbank war beim Start nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../../ui/door/app.py" line="208"/>
        <source>Gate {gate}</source>
        <translation>Eingang {gate}</translation>
    </message>
    <message>
        <location filename="../../ui/door/app.py" line="210"/>
        <source>Signed in: {who}</source>
        <translation>Angemeldet: {who}</translation>
    </message>
    <message>
        <location filename="../../ui/door/app.py" line="241"/>
        <source>Starting the database…</source>
        <translation>Datenbank wird gestartet…</translation>
    </message>
    <message>
        <location filename="../../ui/door/app.py" line="289"/>
        <source>boxoffice door cannot start</source>
        <translation>boxoffice Einlass kann nicht starten</translation>
    </message>
</context>
<context>
    <name>door_lookup</name>
    <message>
        <location filename="../../ui/door/lookup.py" line="34"/>
        <source>VOID ({status})</source>
        <translation>UNGÜLTIG ({status})</translation>
    </message>
    <message>
        <location filename="../../ui/door/lookup.py" line="37"/>
        <source>inside since {time} ({gate})</source>
        <translation>drinnen seit {time} ({gate})</translation>
    </message>
    <message>
        <location filename="../../ui/door/lookup.py" line="40"/>
        <source>not admitted</source>
        <translation>nicht eingelassen</translation>
    </message>
</context>
<context>
    <name>door_media</name>
    <message>
        <location filename="../../ui/door/media.py" line="46"/>
        <source>Camera and sounds need Qt Multimedia: pip install -e &apos;.[camera]&apos; (and the system&apos;s libpulse0) [{exc}]</source>
        <translation>Kamera und Töne brauchen Qt Multimedia: pip install -e &apos;.[camera]&apos; (und libpulse0 des Systems) [{exc}]</translation>
    </message>
</context>
<context>
    <name>door_verdict</name>
    <message>
        <location filename="../../ui/door/verdict.py" line="35"/>
        <source>ADMIT</source>
        <translation>EINLASS OK</translation>
    </message>
    <message>
        <location filename="../../ui/door/verdict.py" line="36"/>
        <source>ALREADY ADMITTED</source>
        <translation>BEREITS EINGELASSEN</translation>
    </message>
    <message>
        <location filename="../../ui/door/verdict.py" line="37"/>
        <source>WRONG SHOWTIME</source>
        <translation>FALSCHE VORSTELLUNG</translation>
    </message>
    <message>
        <location filename="../../ui/door/verdict.py" line="38"/>
        <source>VOID</source>
        <translation>UNGÜLTIG</translation>
    </message>
    <message>
        <location filename="../../ui/door/verdict.py" line="39"/>
        <source>NOT VALID</source>
        <translation>NICHT GÜLTIG</translation>
    </message>
    <message>
        <location filename="../../ui/door/verdict.py" line="40"/>
        <source>TOO EARLY</source>
        <translation>ZU FRÜH</translation>
    </message>
    <message>
        <location filename="../../ui/door/verdict.py" line="41"/>
        <source>EXIT OK</source>
        <translation>AUSGANG OK</translation>
    </message>
    <message>
        <location filename="../../ui/door/verdict.py" line="42"/>
        <source>NOT INSIDE</source>
        <translation>NICHT DRINNEN</translation>
    </message>
</context>
<context>
    <name>drawer</name>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="227"/>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken…</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="230"/>
        <source>Save &amp;PDF…</source>
        <translation>Als &amp;PDF speichern…</translation>
    </message>
</context>
<context>
    <name>ga_areas</name>
    <message>
        <location filename="../../ui/seatmap/ga_areas.py" line="29"/>
        <source>sold out</source>
        <translation>ausverkauft</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/ga_areas.py" line="30"/>
        <source>{available} left</source>
        <translation>noch {available}</translation>
    </message>
</context>
<context>
    <name>live</name>
    <message>
        <location filename="../../ui/seatmap/live.py" line="87"/>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/live.py" line="90"/>
        <source> in {retry_in:.0f} s</source>
        <translation> in {retry_in:.0f} s</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/live.py" line="94"/>
        <source>Reconnecting{wait}…</source>
        <translation>Verbinde neu{wait}…</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/live.py" line="97"/>
        <source>Reconnecting…</source>
        <translation>Verbinde neu…</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/live.py" line="98"/>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/live.py" line="99"/>
        <source>Not live</source>
        <translation>Nicht live</translation>
    </message>
</context>
<context>
    <name>orders</name>
    <message>
        <location filename="../../ui/orders/exchange.py" line="34"/>
        <location filename="../../ui/orders/view.py" line="30"/>
        <source>Customer request</source>
        <translation>Kundenwunsch</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="15"/>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="16"/>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="17"/>
        <source>Show</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="18"/>
        <source>Starts</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="19"/>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="20"/>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="23"/>
        <source>Seat</source>
        <translation>Platz</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="24"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="25"/>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="26"/>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="27"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="31"/>
        <source>Showtime cancelled</source>
        <translation>Vorstellung abgesagt</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="32"/>
        <source>Sold in error</source>
        <translation>Irrtümlich verkauft</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="33"/>
        <source>Duplicate purchase</source>
        <translation>Doppelkauf</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="36"/>
        <source>Cash</source>
        <translation>Bar</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="37"/>
        <source>Card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="38"/>
        <source>Online (web payment)</source>
        <translation>Online (Webzahlung)</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="39"/>
        <source>Exchange credit</source>
        <translation>Umtauschguthaben</translation>
    </message>
</context>
<context>
    <name>plan_dialogs</name>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="28"/>
        <source>(choose later)</source>
        <translation>(später wählen)</translation>
    </message>
</context>
<context>
    <name>plan_editor</name>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="29"/>
        <source>Wheelchair space</source>
        <translation>Rollstuhlplatz</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="30"/>
        <source>Companion seat</source>
        <translation>Begleitplatz</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="31"/>
        <source>Restricted view</source>
        <translation>Eingeschränkte Sicht</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="32"/>
        <source>Not for sale</source>
        <translation>Nicht im Verkauf</translation>
    </message>
</context>
<context>
    <name>price_rules</name>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="35"/>
        <source>Percentage (−20 = 20 % off)</source>
        <translation>Prozent (−20 = 20 % Rabatt)</translation>
    </message>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="36"/>
        <source>Add an amount (−2.00 = 2.00 off)</source>
        <translation>Betrag addieren (−2,00 = 2,00 Rabatt)</translation>
    </message>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="37"/>
        <source>Set the price to</source>
        <translation>Preis setzen auf</translation>
    </message>
</context>
<context>
    <name>prices</name>
    <message>
        <location filename="../../ui/manage/prices.py" line="48"/>
        <source>{sold} sold</source>
        <translation>{sold} verkauft</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <location filename="../../ui/common/printing.py" line="55"/>
        <source>Print tickets</source>
        <translation>Tickets drucken</translation>
    </message>
    <message>
        <location filename="../../ui/common/printing.py" line="93"/>
        <source>the document has no pages</source>
        <translation>das Dokument hat keine Seiten</translation>
    </message>
    <message>
        <location filename="../../ui/common/printing.py" line="98"/>
        <source>the printer could not be started</source>
        <translation>der Drucker konnte nicht gestartet werden</translation>
    </message>
    <message>
        <location filename="../../ui/common/printing.py" line="132"/>
        <source>the printer “{name}” is not installed on this computer</source>
        <translation>der Drucker „{name}“ ist auf diesem Computer nicht installiert</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <location filename="../../ui/reports/window.py" line="43"/>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="44"/>
        <source>Hour of the day</source>
        <translation>Tageszeit (Stunde)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="45"/>
        <source>Show</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="46"/>
        <source>Showtime</source>
        <translation>Vorstellung</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="47"/>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="48"/>
        <source>Price category</source>
        <translation>Preiskategorie</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="49"/>
        <source>Ticket type</source>
        <translation>Ticketart</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="50"/>
        <source>Cashier</source>
        <translation>Kassierer</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="53"/>
        <source>cash</source>
        <translation>bar</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="54"/>
        <source>card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="55"/>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="56"/>
        <source>complimentary</source>
        <translation>Freikarte</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="57"/>
        <source>exchange credit</source>
        <translation>Umtauschguthaben</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <location filename="../../ui/common/i18n.py" line="32"/>
        <source>Cashier</source>
        <translation>Kassierer</translation>
    </message>
    <message>
        <location filename="../../ui/common/i18n.py" line="33"/>
        <source>Door</source>
        <translation>Einlass</translation>
    </message>
    <message>
        <location filename="../../ui/common/i18n.py" line="34"/>
        <source>Manager</source>
        <translation>Leitung</translation>
    </message>
    <message>
        <location filename="../../ui/common/i18n.py" line="35"/>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location filename="../../ui/common/i18n.py" line="36"/>
        <source>System</source>
        <translation>System</translation>
    </message>
</context>
<context>
    <name>schedule</name>
    <message>
        <location filename="../../ui/manage/schedule.py" line="44"/>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="45"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="46"/>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="47"/>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="48"/>
        <source>Prices</source>
        <translation>Preise</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="49"/>
        <source>Sales</source>
        <translation>Verkauf</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="50"/>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
</context>
<context>
    <name>seat_looks</name>
    <message>
        <location filename="../../ui/seatmap/looks.py" line="37"/>
        <location filename="../../ui/seatmap/looks.py" line="95"/>
        <source>In this basket</source>
        <translation>In diesem Warenkorb</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/looks.py" line="97"/>
        <source>Held at this till (another sale)</source>
        <translation>An dieser Kasse reserviert (anderer Verkauf)</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/looks.py" line="40"/>
        <location filename="../../ui/seatmap/looks.py" line="99"/>
        <source>Held online</source>
        <translation>Online reserviert</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/looks.py" line="36"/>
        <location filename="../../ui/seatmap/looks.py" line="45"/>
        <source>Available</source>
        <translation>Frei</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/looks.py" line="38"/>
        <source>Held at this till</source>
        <translation>An dieser Kasse reserviert</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/looks.py" line="39"/>
        <source>Held at another till</source>
        <translation>An anderer Kasse reserviert</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/looks.py" line="41"/>
        <location filename="../../ui/seatmap/looks.py" line="46"/>
        <source>Sold</source>
        <translation>Verkauft</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/looks.py" line="42"/>
        <source>Blocked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/looks.py" line="47"/>
        <source>Blocked (not for sale)</source>
        <translation>Gesperrt (nicht im Verkauf)</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/looks.py" line="101"/>
        <source>Held at till {till}</source>
        <translation>Reserviert an Kasse {till}</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/looks.py" line="104"/>
        <source>Held by {channel}</source>
        <translation>Reserviert von {channel}</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/looks.py" line="106"/>
        <source>Held</source>
        <translation>Reserviert</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/looks.py" line="109"/>
        <source>{text} until {until}</source>
        <translation>{text} bis {until}</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/looks.py" line="285"/>
        <source>Wheelchair space</source>
        <translation>Rollstuhlplatz</translation>
    </message>
</context>
<context>
    <name>seatmap</name>
    <message>
        <location filename="../../ui/seatmap/layers.py" line="70"/>
        <source>sold out</source>
        <translation>ausverkauft</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/layers.py" line="71"/>
        <source>{count} free</source>
        <translation>{count} frei</translation>
    </message>
</context>
<context>
    <name>staff_accounts</name>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="37"/>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="38"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="39"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="40"/>
        <source>Login</source>
        <translation>Datenbank-Login</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="41"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="42"/>
        <source>Last sign-in</source>
        <translation>Letzte Anmeldung</translation>
    </message>
</context>
<context>
    <name>statuses</name>
    <message>
        <location filename="../../ui/common/i18n.py" line="183"/>
        <source>on sale</source>
        <translation>im Verkauf</translation>
    </message>
    <message>
        <location filename="../../ui/common/i18n.py" line="184"/>
        <source>off sale</source>
        <translation>nicht im Verkauf</translation>
    </message>
    <message>
        <location filename="../../ui/common/i18n.py" line="185"/>
        <source>cancelled</source>
        <translation>abgesagt</translation>
    </message>
    <message>
        <location filename="../../ui/common/i18n.py" line="186"/>
        <source>scheduled</source>
        <translation>geplant</translation>
    </message>
</context>
<context>
    <name>tasks</name>
    <message>
        <location filename="../../ui/common/tasks.py" line="272"/>
        <source>Something went wrong ({error_type}). Nothing was sold; please try again.</source>
        <translation>Etwas ist schiefgegangen ({error_type}). Es wurde nichts verkauft; bitte erneut versuchen.</translation>
    </message>
</context>
</TS>
